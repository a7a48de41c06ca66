"""OCR repairs: spacing, doubled headline type, column wraps."""

from sitegen.ocr import clean_headline_spacing, clean_spacing, split_doubled_prefix, undouble
from sitegen.ocr.wraps import join_wrapped_lines, sentence_closed


def test_spaces_between_cjk_and_after_cjk_punctuation_go():
    assert clean_spacing("各 项 要 求") == "各项要求"
    assert clean_spacing("近日， 陶然亭街道") == "近日，陶然亭街道"
    assert clean_spacing("参赛作品109张 ， 综合") == "参赛作品109张，综合"


def test_spaces_between_latin_words_and_numbers_stay():
    assert clean_spacing("Advertisement for  Yanjing Beer 2022") == "Advertisement for Yanjing Beer 2022"
    assert clean_spacing("12351 APP") == "12351 APP"


def test_headline_keeps_the_space_between_phrases_only():
    assert clean_headline_spacing(" 沉心、沉身、沉力 坚决筑牢疫情防控基层防线 ") == "沉心、沉身、沉力 坚决筑牢疫情防控基层防线"
    assert clean_headline_spacing("同心抗疫  工会在行动") == "同心抗疫 工会在行动"
    assert clean_headline_spacing("“八小时约定” 首都职工") == "“八小时约定”首都职工"


def test_rare_characters_survive_spacing_repair():
    text = "〇 㐀 𠀀 𪚥 鿏"
    assert clean_spacing(text) == "〇㐀𠀀𪚥鿏"


def test_doubled_headline_is_undone():
    assert undouble("工工会会送送来来") == "工会送来"
    assert undouble("优优秀秀驾驾驶驶员员现现场场传传经经验验") == "优秀驾驶员现场传经验"


def test_real_reduplication_is_not_undone():
    for text in ("天天", "谢谢", "常常", "人人参与", "天天向上", "谢谢大家的支持", "常常"):
        assert undouble(text) is None
    assert undouble("人人人人") is None  # one repeated character is not a headline


def test_doubled_headline_run_into_the_next_report_is_split_off():
    assert split_doubled_prefix("矿矿泉泉水水 本报讯 （记者 盛丽） 记者昨") == ("矿矿泉泉水水", "本报讯 （记者 盛丽） 记者昨")
    assert split_doubled_prefix("本报讯 （记者 盛丽） 记者昨") is None


def test_sentence_end():
    assert sentence_closed("为平安北京建设保驾护航。")
    assert sentence_closed("他说：“我随叫随到。”")
    assert not sentence_closed("侧重“群防群治”")
    assert not sentence_closed("持续严格消")


def test_column_wraps_join_into_paragraphs_across_column_breaks():
    rows = [("着重强调了持续严格消", 0, False), ("杀和确保食品安全问题；北灯公", 1, False),
            ("司相关负责人表示。", 0, False), ("针对疫情防控和安全生产，", 1, False)]
    assert join_wrapped_lines(rows, width=14) == ["着重强调了持续严格消杀和确保食品安全问题；北灯公司相关负责人表示。",
                                                   "针对疫情防控和安全生产，"]


def test_short_line_ending_a_sentence_ends_the_paragraph_without_a_blank_line():
    rows = [("日检测人数均达5000人以上。考", 0, False), ("至少工作4小时。", 0, False), ("从2020年疫情发生以来， 我", 0, False)]
    assert join_wrapped_lines(rows, width=14) == ["日检测人数均达5000人以上。考至少工作4小时。", "从2020年疫情发生以来，我"]


def test_one_paragraph_per_line_layout():
    rows = [("本报讯(记者白莹)日前,全国总工会印发通知,加大物流企业支持", 0, False),
            ("力度,及时做好关爱工作。", 1, False), ("《通知》要求,各级工会要结合。", 1, False)]
    assert join_wrapped_lines(rows, width=None) == ["本报讯（记者白莹）日前，全国总工会印发通知，加大物流企业支持力度，及时做好关爱工作。",
                                                     "《通知》要求，各级工会要结合。"]


def test_half_width_marks_in_chinese_text_become_full_width_but_not_in_numbers_or_latin():
    from sitegen.ocr.punctuation import full_width

    assert full_width("本报讯(记者白莹)日前,全国总工会要求:各级工会?") == "本报讯（记者白莹）日前，全国总工会要求：各级工会？"
    assert full_width("共1,000人,时间5:30,地点:北京") == "共1,000人，时间5:30，地点：北京"
    assert full_width("Tel: 6352 2410, ext. 3") == "Tel: 6352 2410, ext. 3"



def test_a_headline_line_of_half_width_marks_alone_is_read():
    # A headline in doubled type can leave its closing marks on a line of their own
    # (“咱们对职工就是这么宠 / !”); such a page was lost whole to an error, its articles with it.
    from sitegen.segmentation import segment_page

    page = ("““咱咱们们对对职职工工,,就就是是这这么么宠宠\n!!””\n\n"
            "本报讯(记者 王明)近日,区总工会为一线职工送去清凉,把慰问品送到职工手中。\n")
    articles = segment_page(page).articles
    assert len(articles) == 1
    assert articles[0].title.startswith("“咱们对职工，就是这么宠")
    assert "近日，区总工会为一线职工送去清凉" in "".join(articles[0].paragraphs)

def test_a_number_cut_by_the_column_edge_is_one_number():
    rows = [("日检测人数均达500", 0, False), ("0人以上，扶持新建42", 0, False), ("6家。Yanjing", 0, False), ("Beer", 0, False)]
    assert join_wrapped_lines(rows, width=12) == ["日检测人数均达5000人以上，扶持新建426家。Yanjing Beer"]


def test_each_turn_of_an_interview_is_a_paragraph():
    # The question fills the column to its edge, so only the speaker's label ends it.
    rows = [("问：新就业形态劳动者如何入会？", 0, False), ("答：可以通过12351APP申请入", 0, False),
            ("会，也可以到职工服务中心办", 0, False), ("理。", 0, False)]
    assert join_wrapped_lines(rows, width=14) == ["问：新就业形态劳动者如何入会？", "答：可以通过12351APP申请入会，也可以到职工服务中心办理。"]
