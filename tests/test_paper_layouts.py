"""Layouts and wordings the paper prints that the sample pages do not show.

Each page here is text written for the test, laid out as the paper lays out its pages.
"""

from __future__ import annotations

import pytest

from sitegen.blocks import LineKind, classify_page
from sitegen.dates.header import printed_header
from sitegen.segmentation import segment_page

BRIEFS = """\
■简讯
本报讯（记者 王小明）近日，朝阳区总工会在望京街道举办职工健步走活动，三百余名职工参加。
本报北京7月27日讯 海淀区总工会日前启动职工技能提升计划，首批五百名职工报名参加培训。
中工网讯（通讯员 李红）丰台区卢沟桥街道工会近日为辖区环卫工人送去防暑降温用品。
本网讯（记者 赵强）石景山区总工会组织劳模志愿者走进社区，为居民义务理发。
新华社北京7月26日电（记者 孙立）全国总工会日前发布通知，部署夏季安全生产工作。
"""


# The report that follows the one a test is about, in a column of the width the tests use.
NEXT_REPORT = """\
本报讯（记者 李红）近日，海淀区总工
会启动职工读书月活动，为基层职工书
屋配送图书两千余册。
"""


def test_every_outlet_opening_starts_a_brief_of_its_own():
    page = segment_page(BRIEFS)
    openings = [a.paragraphs[0][:4] for a in page.articles]
    assert openings == ["本报讯（", "本报北京", "中工网讯", "本网讯（", "新华社北"]
    assert [a.byline.reporters for a in page.articles] == [["王小明"], [], [], ["赵强"], ["孙立"]]
    assert page.articles[2].byline.correspondents == ["李红"]


def test_a_sentence_that_only_looks_like_an_opening_opens_nothing():
    text = "本报讯（记者 王小明）近日，朝阳区总工会开展活动。职工可拨打服务\n台电话咨询，也可登录工会\n网讯息平台查询。\n"
    assert len(segment_page(text).articles) == 1


FEATURE = """\
职工书屋让阅读成为习惯
■文/本报记者 张华 摄影/刘明
走进西城区德胜街道的职工书屋，书架上整齐摆放着各类图书。每天中午，不少职工都会来这里坐一坐。
“以前午休就是刷手机，现在习惯了看书。”一名职工说。
"""


def test_a_boxed_byline_line_opens_a_feature_with_its_reporter_and_photographer():
    [article] = segment_page(FEATURE).articles
    assert article.title == "职工书屋让阅读成为习惯"
    assert article.kind == "news"
    assert article.byline.reporters == ["张华"] and article.byline.photographers == ["刘明"]


def test_agency_and_written_and_photographed_credits_are_credits():
    kinds = {line.display: line.kind for line in classify_page(
        "新华社记者 孙丽 摄\n新华社发\n□本报记者 张华 文/摄\n我们纷纷出发\n")}
    assert kinds["新华社记者 孙丽 摄"] == LineKind.CREDIT
    assert kinds["新华社发"] == LineKind.CREDIT
    assert kinds["□本报记者 张华 文/摄"] == LineKind.CREDIT
    assert kinds["我们纷纷出发"] != LineKind.CREDIT


def test_a_header_with_its_page_before_its_date_is_page_furniture_and_dates_the_page():
    text = "第4版 工会  2019年1月17日 星期四\n\n" + BRIEFS
    page = segment_page(text)
    assert [t for _, t in page.page_furniture] == ["第4版 工会  2019年1月17日 星期四"]
    assert printed_header(text) == ("2019-01-17", "4")
    # A sentence opening with a date and weekday is no header.
    assert printed_header("2019年1月17日星期四上午，市总工会召开会议。\n") == (None, None)


def test_a_folio_line_with_a_bare_page_number_and_its_editors_is_page_furniture():
    folio = "04 工会 2015年5月16日 星期六 责编 王巍 美编 李娜"
    text = (folio + "\n\n区总工会送文化进企业\n\n本报讯（记者 王小明）近日，大兴区总工会走进辖区企业，"
            "为一线职工送去文艺演出。\n")
    page = segment_page(text)
    assert [t for _, t in page.page_furniture] == [folio]
    assert [a.title for a in page.articles] == ["区总工会送文化进企业"]
    assert printed_header(text) == ("2015-05-16", "4")
    # The weekday vouches for the date: with the wrong one, the line is no folio.
    assert printed_header(folio.replace("星期六", "星期五")) == (None, None)


def test_an_editors_note_is_no_headline_but_opens_the_text_under_the_headline():
    text = ("阅读让职工生活更美好\n【编者按】\n阅读是职工成长的阶梯。本报今起推出系列报道，走进首都各级职工书屋。\n"
            "本报记者 张华\n走进西城区德胜街道的职工书屋，书架上整齐摆放着各类图书。\n")
    titles = [a.title for a in segment_page(text).articles]
    assert "【编者按】" not in titles and "编者按" not in "".join(t or "" for t in titles)
    assert titles[0] == "阅读让职工生活更美好"


def test_doubled_headline_type_wrapped_over_two_lines_is_one_headline():
    text = "职职工工之之家家迎迎来来\n新新家家属属\n本报讯（记者 刘洋）近日，延庆区总工会职工之家迎来一批新会员。\n"
    [article] = segment_page(text).articles
    assert article.title == "职工之家迎来新家属"


CLEAN_PAGE = """\
东城区总工会开展职工健步走活动
本报讯（记者 王小明）近日，东城区总工会在地坛公园举办职工健步走活动，三百余名职工参加。
活动旨在倡导健康生活方式，增强职工体质。
西城区总工会为环卫工人送清凉
本报讯（记者 李红）连日来，西城区总工会走访辖区环卫站点，为一线职工送去防暑降温用品。
工会工作人员表示，将持续关注户外劳动者的工作条件。
"""


def test_on_a_page_of_one_paragraph_per_line_a_headline_under_a_finished_report_heads_the_next():
    page = segment_page(CLEAN_PAGE)
    assert [a.title for a in page.articles] == ["东城区总工会开展职工健步走活动", "西城区总工会为环卫工人送清凉"]
    assert [len(a.paragraphs) for a in page.articles] == [2, 2]


WRAPPED = """\
本报讯（记者 陈 曦）近日，顺义区
总工会召开全区工会工作会议，总
结过去一年工作，部署新一年任务。

会议指出，过去一年，全区各级工
会围绕中心、服务大局，在维护职

工权益、推进产业工人队伍建设改
革等方面取得了新成效。顺义区人
民政府副区长出席会议并讲话。

顺义区人民政府副区
长强调，各级工会要进一步增强政
治意识，把服务职工作为工作的出

发点和落脚点，从区级领导参与到镇
级工会干部下沉，形成上下联动、
齐抓共管的工作格局。

会上，区总工会还对先进集体和个
人进行了表彰。

顺义区总工会部署新一年工作
"""


def test_a_paragraph_cut_by_a_column_break_inside_a_word_is_no_headline():
    [article] = segment_page(WRAPPED).articles
    assert article.title == "顺义区总工会部署新一年工作"
    assert any(p.startswith("顺义区人民政府副区长强调") for p in article.paragraphs)


def test_section_banners_in_brackets_or_bare_and_the_running_head_are_no_headlines():
    text = ("劳动午报\n\n【简讯】\n本报讯（记者 王小明）近日，朝阳区总工会举办职工健步走活动。\n\n"
            "简讯\n本报讯（记者 李红）近日，西城区总工会为环卫工人送去防暑降温用品。\n")
    page = segment_page(text)
    assert [a.title for a in page.articles] == [None, None]
    assert [t for _, t in page.page_furniture] == ["劳动午报"]


def test_a_space_inside_a_word_of_a_headline_is_the_ocrs():
    text = ("石景山区总 工会召开职工代表大会\n本报讯（记者 王小明）近日，石景山区总工会召开职工代表大会。\n\n"
            "46 0名学子领到助学金\n本报讯（记者 李红）近日，丰台区总工会为460名学子发放助学金。\n")
    assert [a.title for a in segment_page(text).articles] == ["石景山区总工会召开职工代表大会", "460名学子领到助学金"]


def test_the_main_line_of_a_stack_is_the_one_that_names_who_did_what():
    text = ("聚焦一线 服务职工\n海淀区总工会为快递小哥送清凉\n首批12家站点参与\n"
            "本报讯（记者 王小明）近日，海淀区总工会走进辖区快递站点，为快递小哥送去防暑降温用品。\n")
    [article] = segment_page(text).articles
    assert article.title == "海淀区总工会为快递小哥送清凉"
    assert article.subtitles == ["聚焦一线 服务职工", "首批12家站点参与"]


def test_a_headline_the_ocr_read_after_its_body_goes_back_to_it_when_the_page_reads_that_way():
    reports = [("朝阳区总工会举办职工健步走", "本报讯（记者 王小明）近日，朝阳区总工会在奥森公园举办职工健步走活动。"),
               ("西城区总工会送清凉", "本报讯（记者 李红）近日，西城区总工会为环卫工人送去西瓜和绿豆汤。"),
               ("小发明解决大难题", "本报讯（记者 赵强）近日，丰台区一家企业的职工改进了一套设备。"),
               ("海淀区总工会开展法律咨询", "本报讯（记者 孙立）近日，海淀区总工会律师团走进工地开展法律咨询。")]
    text = "\n".join(f"{body}\n{title}" for title, body in reports) + "\n"
    assert [a.title for a in segment_page(text).articles] == [t for t, _ in reports]


FEATURE_WITH_SUBHEADS = """\
张师傅：岗位上的“多面手”
本报记者 李四
在朝阳区一家物流企业，提起维修工张师傅，大家都会竖起大拇指。
■钻研技术 攻克难题
刚参加工作时，张师傅对设备一窍不通。为了尽快上手，他每天下班后留在车间琢磨。
一、传帮带 带出好队伍
这些年，张师傅先后带出徒弟十余名，其中不少人已成为技术骨干。
（二）守护平安
谈起未来，张师傅说，自己会继续守好岗位。
"""


def test_subheads_marked_numbered_or_plain_keep_a_feature_whole():
    [feature] = segment_page(FEATURE_WITH_SUBHEADS).articles
    assert feature.title == "张师傅：岗位上的“多面手”" and feature.byline.reporters == ["李四"]
    assert [p for p in feature.paragraphs if p.startswith("###")] == [
        "### 钻研技术 攻克难题", "### 一、传帮带 带出好队伍", "### （二）守护平安"]



# A case told in sections under long two-phrase subheads, no byline: the section under
# each goes on naming the case's people, whom no other text of the page names.
CASE_WITH_SUBHEADS = (
    "加班不给加班费 职工申请仲裁获支持\n\n"
    "《劳动法》规定，用人单位安排劳动者延长工作时间的，应当支付不低于工资百分之一百五十的工资报酬。"
    "郝春梅（化名）在一家物流公司做分拣员，每周工作六天，每天十二小时。\n\n"
    "仲裁委员会审理后认为，物流公司应当向郝春梅支付加班费，裁决公司支付三万余元。\n\n"
    "每天工作十二小时 公司说是自愿加班\n\n"
    "2021年3月，郝春梅入职这家物流公司，双方约定月工资五千元。物流公司称，郝春梅加班是自愿的，"
    "公司从未安排她加班，因此不应支付加班费。\n\n"
    "郝春梅拿出了考勤记录和主管在工作群里的排班通知，证明加班是物流公司安排的。\n\n"
    "丰台区总工会举办职工趣味运动会\n\n"
    "本报讯（记者 王小明）近日，丰台区总工会在体育中心举办职工趣味运动会，六百余名职工参加。\n")


def test_a_long_subhead_whose_section_goes_on_with_the_story_above_keeps_the_case_whole():
    articles = segment_page(CASE_WITH_SUBHEADS).articles
    assert [a.title for a in articles] == ["加班不给加班费 职工申请仲裁获支持", "丰台区总工会举办职工趣味运动会"]
    assert "### 每天工作十二小时 公司说是自愿加班" in articles[0].paragraphs

def test_a_long_line_summing_up_the_report_above_is_its_headline_not_a_subhead():
    text = ("本报讯（记者 王小明）近日，朝阳区总工会为外卖送餐员送去暖心礼包，三百余名外卖送餐员受益。\n"
            "朝阳区总工会为外卖送餐员送上暖心礼包\n"
            "连日来，海淀区一家企业的职工在车间开展技能比武。\n")
    titles = [a.title for a in segment_page(text).articles]
    assert titles[0] == "朝阳区总工会为外卖送餐员送上暖心礼包" and len(titles) == 2


def test_an_advertisement_is_its_copy_down_to_its_contact_line():
    text = ("本报讯（记者 王小明）近日，朝阳区总工会举办职工健步走活动。\n\n"
            "金桥牌电动车 以旧换新 限时优惠\n咨询电话：63939784\n\n"
            "5月20日，中科精密仪器厂工会举办岗位练兵技术比武。\n新华社发\n")
    kinds = [(a.kind, a.paragraphs[0][:6]) for a in segment_page(text).articles]
    assert kinds == [("news", "本报讯（记者"), ("ad", "金桥牌电动车"), ("photo", "5月20日，")]


def test_a_kicker_and_headline_at_the_columns_width_after_a_break_are_a_headline_stack():
    # Two unpunctuated lines as wide as the column, between a finished report and the
    # next report's opening: no wrapped paragraph ends without ending its sentence.
    text = ("本报讯（记者 王小明）近日，朝阳区总工会在奥森\n公园举办职工健步走活动，三百\n余名职工参加了此次活动。\n\n"
            "持续开展“职工之家”活动\n暖心驿站让出租车司机歇歇脚\n本报讯（记者 李红）连日来，西\n城区总工会在辖区建成暖心驿站\n，"
            "为出租车司机提供休息场所。\n\n2022.05.11\n")
    page = segment_page(text)
    assert [a.title for a in page.articles][1] == "暖心驿站让出租车司机歇歇脚"
    assert [t for _, t in page.page_furniture] == ["2022.05.11"]


def test_a_stacks_big_type_belongs_to_the_line_printed_in_it():
    # Doubled type wrapped over two lines is one headline; the plain line under it is not big type.
    from sitegen.blocks import classify_page
    from sitegen.segmentation.bodies import HeadlineRun
    from sitegen.segmentation.headlines import headline_stack

    lines = [l for l in classify_page("职职工工之之家家迎迎来来\n新新家家属属\n覆盖辖区40家基层工会\n本报讯（记者 刘洋）近日。\n")
             if l.kind.value == "headline"]
    assert headline_stack(HeadlineRun(lines, 0)) == [("职工之家迎来新家属", True), ("覆盖辖区40家基层工会", False)]


HEADLINES_AT_THE_FOOT = """\
本报讯（记者 王小明）近日，朝阳区望京街道总工会举办职工乒乓球比赛，来自辖区企业的八十名职工参赛。
比赛设男子单打、女子单打和混合双打三个项目。

本报讯（记者 李红）日前，丰台区卢沟桥街道工会为辖区环卫工人送去绿豆、毛巾等防暑降温用品。
街道工会负责人表示，将持续关心户外劳动者。

本报讯（记者 赵强）石景山区八角街道工会近日组织劳模志愿者走进社区，为居民义务理发、修理家电。

望京职工乒乓球比赛开赛
卢沟桥街道工会为环卫工人送清凉
八角街道劳模志愿者进社区
"""


def test_headlines_read_one_under_the_other_at_the_pages_foot_each_go_to_their_own_report():
    page = segment_page(HEADLINES_AT_THE_FOOT)
    assert [a.title for a in page.articles] == ["望京职工乒乓球比赛开赛", "卢沟桥街道工会为环卫工人送清凉",
                                               "八角街道劳模志愿者进社区"]


def test_a_page_number_and_section_beside_the_headers_date_are_furniture():
    text = "7 综合\n2020.10.08\n\n卢沟桥街道工会为环卫工人送清凉\n" + HEADLINES_AT_THE_FOOT.split("\n\n")[1] + "\n"
    page = segment_page(text)
    assert [a.title for a in page.articles] == ["卢沟桥街道工会为环卫工人送清凉"]
    assert [t for _, t in page.page_furniture] == ["7 综合", "2020.10.08"]
    # The same label in the page's text is text.
    assert "7 综合" not in [t for _, t in segment_page("本报讯 近日，社区开展活动。\n7 综合\n活动持续三天。\n").page_furniture]


def test_a_banner_among_the_bodies_between_a_far_headline_and_its_report_does_not_keep_them_apart():
    a, b, c, heads = HEADLINES_AT_THE_FOOT.split("\n\n")
    column = ("■职工心声\n一线工作要用心\n北京地铁 刘洋\n在一线干了二十年，我最大的体会是，工作要用心。每天早上六点，"
              "我都会先把设备检查一遍，再去食堂吃早饭。\n徒弟们常问我有什么窍门，我说没有窍门，就是多看多想。")
    page = segment_page("\n\n".join([a, column, b, c, heads]))
    titles = {x.paragraphs[0][:7]: x.title for x in page.articles}
    assert titles["本报讯（记者王"] == "望京职工乒乓球比赛开赛"
    assert titles["本报讯（记者李"] == "卢沟桥街道工会为环卫工人送清凉"
    assert titles["在一线干了二十"] == "一线工作要用心"


def test_a_line_whose_next_opens_on_a_particle_is_cut_mid_sentence_not_a_headline():
    text = ("■守护平安\n\n师傅退休前把一本工作笔记交给\n了张萌，这本笔记她一直带在身\n边。\n\n"
            "了解到职工的需求后，工会很快\n行动起来。\n")
    lines = {line.display: line.kind for line in classify_page(text)}
    page = segment_page(text)
    assert all(a.title != "师傅退休前把一本工作笔记交给" for a in page.articles)
    assert any("交给了张萌" in p for a in page.articles for p in a.paragraphs)
    assert lines["了解到职工的需求后，工会很快"] != LineKind.HEADLINE


def test_a_sections_banner_is_named_for_what_it_holds():
    page = segment_page("工会简讯\n\n" + BRIEFS.split("\n", 1)[1])
    assert [a.title for a in page.articles] == [None] * 5
    assert "工会简讯" in [t for _, t in page.residue]


def test_a_feature_headline_quoting_its_subject_may_hold_a_comma():
    text = ("姚小萍：只要职工需要，我就在\n——记西城区德胜街道工会干部姚小萍\n文/本报记者 张华\n\n"
            "在德胜街道，提起工会干部姚小萍，职工们都竖起大拇指。十年来，她走遍了辖区的每一家企业。\n")
    [article] = segment_page(text).articles
    assert article.title == "姚小萍：只要职工需要，我就在"
    assert article.subtitles == ["——记西城区德胜街道工会干部姚小萍"]


BRIEFS_UNDER_A_BANNER = """\
工会快讯

市教育工会开办职工子女托管班

近日，北京市教育工会开办职工子女暑期爱心托管班，
首批接收职工子女二百名。托管班安排了作业辅导、科
普课堂和体育活动等课程。（许华）

前门工会职工书屋添新书

近日，东城区前门街道总工会举办读书分享活动，为基
层职工书屋配送新书三百册。目前，辖区已建成职工书
屋四十家。

昨天，北京市卫生健康工会为辖区女职工开展健康筛查，
并新建“爱心妈咪小屋”九个。女职工委员会还将定期
举办健康讲座。（汪小倩）

市卫生健康工会“爱心妈咪小屋”投入使用
"""


def test_briefs_without_openings_each_keep_their_headline_even_one_read_after_its_text():
    page = segment_page(BRIEFS_UNDER_A_BANNER)
    assert [(a.title, a.paragraphs[0][:6]) for a in page.articles] == [
        ("市教育工会开办职工子女托管班", "近日，北京市"),
        ("前门工会职工书屋添新书", "近日，东城区"),
        ("市卫生健康工会“爱心妈咪小屋”投入使用", "昨天，北京市")]


def test_a_signature_in_brackets_after_the_last_sentence_closes_it():
    from sitegen.ocr.wraps import sentence_closed

    assert sentence_closed("普课堂和体育活动等课程。（许华）")
    assert sentence_closed("活动持续三天。（完）")
    assert not sentence_closed("记者从市总工会（北京市总工会）")


CASE_STORY = """\
一份迟到的劳动合同

 本报记者 张华

【案情】

李某于2019年入职一家物
流公司，单位一直未与他
签订书面劳动合同。

【评析】

用人单位自用工之日起超
过一个月不满一年未订立
书面劳动合同的，应当向
劳动者每月支付二倍工资。

【提醒】

职工应注意保留工牌、考
勤记录等证据。
"""


def test_a_case_storys_bracketed_labels_head_its_parts_and_cut_nothing():
    [article] = segment_page(CASE_STORY).articles
    assert article.title == "一份迟到的劳动合同"
    assert article.byline.reporters == ["张华"]
    assert [p[:4] for p in article.paragraphs[1:]] == ["【案情】", "【评析】", "【提醒】"]
    assert "李某于2019年入职一家物流公司" in "".join(article.paragraphs)


def test_a_question_in_an_interview_is_its_text_not_a_headline():
    text = ("访工会法律顾问李华\n\n本报记者 张华\n\n记者：试用期内单位可以随时辞退职工吗？\n\n"
            "答：不可以。单位解除劳动合同必须有证据证明劳动者不符合录用条件。\n\n"
            "记者：职工应当保留哪些证据？\n\n答：工牌、考勤记录和工资条都很重要。\n")
    [article] = segment_page(text).articles
    assert article.title == "访工会法律顾问李华"
    assert sum(p.startswith("记者：") for p in article.paragraphs) == 2


SIGNED_COMMENTS = """\
■午报快评

 □苏小薇

让职工技能培训更有温度

把职工技能培训放在心上、抓在手上，职工自然会投来信任的目光。

职工疗休养贵在落实

好的制度要有好的执行，职工疗休养同样如此。各级工会应当推动职工疗休养从“有没有”向“好不好”转变。 □乔小娟
"""


def test_a_boxed_name_signs_a_piece_over_or_under_its_text():
    page = segment_page(SIGNED_COMMENTS)
    assert [(a.title, a.byline.authors) for a in page.articles] == [
        ("让职工技能培训更有温度", ["苏小薇"]), ("职工疗休养贵在落实", ["乔小娟"])]
    assert page.articles[0].paragraphs == ["把职工技能培训放在心上、抓在手上，职工自然会投来信任的目光。"]
    assert page.articles[1].paragraphs[-1] == "□乔小娟"      # a signature stays where it was printed


def test_a_headline_run_into_the_next_texts_first_line_is_two_lines():
    text = ("本报讯（记者 王小明）近日，朝阳区望京街道总工会举办职工乒乓球比赛，八十名职工参赛。\n\n"
            "望京职工乒乓球比赛开赛 15日，北京市服务工会开办职工子女暑期爱心托管班，首批接收职工子女五百名。\n"
            "通讯员 黎明 摄\n")
    page = segment_page(text)
    assert [(a.title, a.kind) for a in page.articles][0] == ("望京职工乒乓球比赛开赛", "news")
    assert any(p.startswith("15日，北京市服务工会") for a in page.articles for p in a.paragraphs)


NOTICE = """\
关于2019年度优秀工会工作者拟表彰名单的公示

根据评选工作安排，经基层推荐、审核评议，现将拟表彰名单予以公示。公示期为9月20日至9月27日。

北京地铁运营公司第三项目部 蒋小琪
中铁建工北京分公司服务中心 黄小倩
北京环卫集团营业部 董小凯
北京银行第一工程处 许小然
公示期间，如有异议，请以书面形式向市总工会反映。

北京市总工会 2019年9月21日
"""


def test_a_notices_list_of_names_and_its_sign_off_are_its_text():
    [article] = segment_page(NOTICE).articles
    assert article.title == "关于2019年度优秀工会工作者拟表彰名单的公示"
    text = "".join(article.paragraphs)
    assert "蒋小琪" in text and "许小然" in text and "如有异议" in text and "北京市总工会2019年9月21日" in text.replace(" ", "")
    assert article.byline.authors == []


WRAPPED_NOTICE = """\
关于2020年度职工技术
能手拟推荐名单的公示

根据评选工作安排，经基层推
荐、审核评议，现将拟推荐名
单予以公示。公示期为5月3日
至5月9日。

北京热力集团检修车间 沈小芳
首发集团安装公司 雷小飞
北京城建集团物流中心 郑小莹
北京公交集团第六车场 邵小娥
北京排水集团维修车间 赵小莹

公示期间，如有异议，请以
书面形式向市总工会反映。
"""


def test_a_notices_names_of_any_unit_in_a_wrapped_column_stay_one_list():
    # 车间 and 车场 are units no writer's line ends with; among a list's names they are the list's.
    [article] = segment_page(WRAPPED_NOTICE).articles
    text = "".join(article.paragraphs)
    assert "沈小芳" in text and "赵小莹" in text and "如有异议" in text
    # A reader sees the list as printed: each name on its line, beside its unit.
    lines = [ln.rstrip(" ") for p in article.paragraphs for ln in p.split("\n")]
    assert "北京排水集团维修车间 赵小莹" in lines and "首发集团安装公司 雷小飞" in lines


def test_a_headline_wrapped_by_a_narrow_column_with_a_word_cut_is_one_headline():
    text = ("本报讯（记者 王小明）近日，木林镇总工会组织职工开展安全隐患排查，检查生产车间八处。\n\n"
            "木林镇总工会组织职工开展安\n全隐患排查\n\n"
            "本报讯（记者 李小红）近日，东城区总工会举办劳模事迹报告会，三百名职工到场聆听。\n\n"
            "服务职工 建功一线\n东城区总工会举办劳模报告会\n")
    titles = [(a.title, a.subtitles) for a in segment_page(text).articles]
    assert titles[0] == ("木林镇总工会组织职工开展安全隐患排查", [])
    # A kicker over its headline is two phrases, each whole: still two lines.
    assert titles[1] == ("东城区总工会举办劳模报告会", ["服务职工 建功一线"])


SIGNED_BRIEFS = """\
京工短波

朝阳职工运动会开幕

3日，朝阳区总工会举办职工趣味运动会，来自十家基层工会的二百名职工参赛。工会相关负责人介绍，运动会旨在倡导健康生活方式。（宋小莹）

连日来，房山区西潞街道总工会开展走访慰问活动，为困难职工和快递小哥送去米面油和慰问金。工会建立了一户一档，实行动态跟踪帮扶。

21日，房山区迎风街道总工会举办职工职业技能竞赛，来自七家单位的五百名选手同场比拼，全面检验选手的业务水平。

迎风工会技能竞赛决出技术能手

西潞工会走访慰问困难职工
"""


def test_a_brief_signed_in_brackets_ends_and_the_text_under_it_is_the_next_brief():
    # The briefs under it have their headlines at the foot, read late by the OCR.
    articles = segment_page(SIGNED_BRIEFS).articles
    assert [(a.title, a.paragraphs[0][:4]) for a in articles] == [
        ("朝阳职工运动会开幕", "3日，朝"), ("西潞工会走访慰问困难职工", "连日来，"), ("迎风工会技能竞赛决出技术能手", "21日，")]


HEADLINE_SHORT_OF_ITS_COLUMN = """\
本报讯（记者 王小明）20日，顺义区总
工会组织工会律师走进物流园区，开展
法律服务进基层活动。律师围绕劳动合
同签订、工资支付、工伤认定等职工关
心的问题进行了讲解，解答职工咨询八
十余人次，发放宣传材料三百余份，受
到职工欢迎。工会表示，将继续把法律
服务送到职工身边，让职工遇事有人帮
、维权有渠道。

顺义律师进园区
送法到身边

本报讯（记者 李小红）近日，朝阳区六
里屯街道总工会召开职工代表大会，审
议通过了集体合同草案，与会代表对合
同条款逐条讨论，提出修改意见十二条
。街道总工会负责人表示，将推动集体
协商提质增效，让职工共享发展成果。

六里屯工会召开职工
代表大会
"""


def test_a_headline_wrapped_short_of_its_column_is_a_headline_though_a_word_runs_on():
    # 职工 / 代表 reads as one word across the break, but a text line cut by the column
    # edge fills its column; this one stands short of it, apart from the text: a headline.
    articles = segment_page(HEADLINE_SHORT_OF_ITS_COLUMN).articles
    assert [a.title for a in articles] == ["顺义律师进园区", "六里屯工会召开职工代表大会"]


def test_a_headline_and_subtitle_run_into_a_captions_first_line_are_lines_of_their_own():
    text = ("本报讯（记者 王小明）近日，延庆区井庄镇总工会在户外劳动者驿站举办职工沟通会，面对面倾听职工诉求。\n\n"
            "井庄镇工会职工沟通会开进户外劳动者驿站 现场吸纳十六名职工入会 近日，北京建工集团物流中心工会"
            "开展集中入会活动，现场吸纳网约车司机入会。图为现场气氛热烈。 通讯员 顾小伟 摄\n\n"
            "岗岗位位练练兵兵忙忙\n")
    articles = segment_page(text).articles
    assert [(a.title, a.subtitles) for a in articles] == [
        ("井庄镇工会职工沟通会开进户外劳动者驿站", ["现场吸纳十六名职工入会"]), ("岗位练兵忙", [])]
    assert articles[1].paragraphs[0].startswith("近日，北京建工集团")


def test_a_two_phrase_slogan_over_a_headline_is_its_kicker():
    text = ("本报讯（记者 王小明）12日，北京公联公司工会召开职工代表大会，审议通过了工资专项集体合同。\n\n"
            "践行初心使命 当好职工娘家人\n公联公司工会推进工资集体协商\n")
    [article] = segment_page(text).articles
    assert (article.title, article.subtitles) == ("公联公司工会推进工资集体协商", ["践行初心使命 当好职工娘家人"])


def test_a_front_pages_guide_to_the_issue_is_furniture():
    text = ("本报讯（记者 王小明）近日，丰台区总工会推进工资集体协商，二十家企业签订了集体合同。\n\n"
            "丰台工会推进工资集体协商\n\n"
            "今日导读\n▶法律服务送到社区工作者身边 5版\n▶西城区总工会开办职工子女托管班 4版\n")
    page = segment_page(text)
    assert [a.title for a in page.articles] == ["丰台工会推进工资集体协商"]
    assert "今日导读" in [t for _, t in page.page_furniture]
    # A line of text that mentions a page is still text.
    [article] = segment_page("本报讯（记者 王小明）近日，市总工会发布职工服务指南，详细内容见本报第5版。\n").articles
    assert "第5版" in article.paragraphs[0]


def test_two_briefs_run_together_are_parted_by_headlines_whose_words_the_text_mostly_lacks():
    # A headline's words the text never uses (大赛, 决出, 能手) say nothing of which brief is whose.
    text = ("连日来，房山区西潞街道总工会开展冬送温暖走访慰问活动，为困难职工送去米面油和慰问金。"
            "对于生活遇到临时困难的职工，工会建立了一户一档。\n\n"
            "21日，房山区迎风街道总工会举办职工职业技能竞赛，来自七家单位的五百名选手同场比拼。"
            "竞赛设置了理论考试和实际操作两个环节。\n\n"
            "迎风工会技能大赛决出三名技术能手\n\n西潞工会冬送温暖覆盖一百四十名职工\n")
    articles = segment_page(text).articles
    assert [(a.title, a.paragraphs[0][:4]) for a in articles] == [
        ("西潞工会冬送温暖覆盖一百四十名职工", "连日来，"), ("迎风工会技能大赛决出三名技术能手", "21日，")]


def test_a_classified_notice_is_an_advertisement_of_its_own_between_articles():
    text = ("椿树工会为社区工作者送去冬日温暖\n\n"
            "本报讯（记者 王小明）18日，西城区椿树街道总工会开展走访慰问活动，为社区工作者送去米面油。\n\n"
            "区总工会相关负责人表示，将把好的做法固定下来，形成长效机制。\n\n"
            "遗失声明\n首钢集团服务部不慎遗失营业执照副本，声明作废。\n北京顺和商贸有限公司遗失公章一枚，声明作废。\n\n"
            "根据评选工作安排，经基层推荐、审核评议，现将拟表彰名单予以公示。公示期为10月4日至10月25日。\n\n"
            "关于2019年度优秀工会工作者拟表彰名单的公示\n")
    articles = segment_page(text).articles
    assert [(a.title, a.kind) for a in articles] == [
        ("椿树工会为社区工作者送去冬日温暖", "news"), (None, "ad"), ("关于2019年度优秀工会工作者拟表彰名单的公示", "news")]
    assert articles[1].paragraphs[0] == "遗失声明"


FRONT_PAGE_HEAD = """\
劳动午报
2021年4月10日 星期六
今日8版 第6561期

今日天气
白天 多云 西北风四五级
夜间 晴转多云
最高气温16℃ 最低气温8℃

本报讯 （记者 王小红）6日上午，职
工子女暑期托管班在密云区鼓楼街
道开班，由密云区总工会主办。活
动现场，工会工作人员为职工子女
发放了图书。为保证活动效果，工
会提前通过问卷摸排需求，按照职
工点单、工会下单的方式确定服务
内容。活动现场，
■工会工作人员向家长发放了会员
服务卡，并介绍了使用方法。

密云区总工会托管班受欢迎
"""


@pytest.mark.parametrize("wind", ["西北风四五级", "北转南风三四级"])
def test_a_front_pages_masthead_issue_count_and_weather_are_furniture_and_a_speck_is_no_banner(wind):
    page = segment_page(FRONT_PAGE_HEAD.replace("西北风四五级", wind))
    [article] = page.articles
    assert article.title == "密云区总工会托管班受欢迎"
    furniture = [t for _, t in page.page_furniture]
    assert "今日8版 第6561期" in furniture and "今日天气" in furniture and "夜间 晴转多云" in furniture
    assert f"白天 多云 {wind}" in furniture
    # The box the OCR read into the sentence is a speck: the sentence reads on.
    assert "活动现场，工会工作人员向家长发放了会员服务卡" in "".join(article.paragraphs)


def test_an_advertisers_name_copy_number_and_address_are_one_advertisement():
    text = ("本报讯（记者 王小明）近日，通州区总工会为外卖骑手送去防暑用品。负责人表示，今后将把此类活动常态化开展。\n\n"
            "通州区总工会为外卖骑手送清凉\n\n"
            "北辰保洁服务有限公司\n\n专业承接办公楼宇保洁、绿化养护\n\n服务热线：74887147\n\n地址：通州区台湖镇\n")
    articles = segment_page(text).articles
    assert [(a.title, a.kind) for a in articles] == [("通州区总工会为外卖骑手送清凉", "news"), (None, "ad")]
    assert articles[1].paragraphs[0].startswith("北辰保洁服务有限公司") and articles[1].paragraphs[-1] == "地址：通州区台湖镇"


def test_untitled_briefs_under_a_section_banner_are_one_article_each():
    text = ("■ 工会动态\n\n"
            "本报讯（通讯员 汪小斌）连日来，八角街道总工会启动职工趣味运动会，把关爱送到建筑工人身边。\n\n"
            "连日来，康庄镇总工会深化女职工关爱行动，把关爱送到公交驾驶员身边。\n\n"
            "记者近日从市总工会获悉，该工会开展的走访慰问已惠及二十余名网约车司机。\n")
    articles = segment_page(text).articles
    assert [a.paragraphs[0][:5] for a in articles] == ["本报讯（通", "连日来，康", "记者近日从"]
    # Outside a section of briefs a paragraph opening the same way goes on with its report.
    [article] = segment_page(text.replace("■ 工会动态\n\n", "")).articles
    assert len(article.paragraphs) == 3


def test_an_editors_note_over_a_features_byline_is_the_features_head():
    text = ("金小静：在方寸之间追求极致\n\n"
            "编者按：他们是默默无闻的一线劳动者，也是岗位上的领头雁。本报今起推出系列报道，讲述他们的故事。\n\n"
            "本报记者 蒋小燕\n\n"
            "在通州区的项目部，金小静是一名电梯安装维修工，从业已经十三年。\n\n"
            "■啃下硬骨头\n\n"
            "谈到未来，金小静说，希望把自己的经验整理成册，让更多年轻人少走弯路。\n")
    [article] = segment_page(text).articles
    assert article.title == "金小静：在方寸之间追求极致"
    assert article.paragraphs[0].startswith("编者按") and article.byline.reporters == ["蒋小燕"]
    assert "希望把自己的经验整理成册" in "".join(article.paragraphs)


def test_a_box_of_classified_notices_is_one_advertisement():
    text = ("分类广告\n\n京港出版集团经股东会决议，拟减少注册资本，请债权人自本公告见报之日起四十五日内申报债权。特此公告。\n\n"
            "金桥水务集团有限公司经股东会决议，拟注销，请债权人自本公告见报之日起四十五日内申报债权。特此公告。\n")
    [article] = segment_page(text).articles
    assert article.kind == "ad" and article.title is None and len(article.paragraphs) == 3


def test_a_features_last_section_closed_by_its_reporters_photo_credit_stays_the_features():
    text = ("本报记者 谢小珍\n\n"
            "如今，以林小涵名字命名的创新工作室已经有二十一名成员，先后完成技术革新二十一项。\n\n"
            "啃下硬骨头\n\n"
            "那段时间，他每天最早到岗、最晚离开，笔记本记满了厚厚三本。\n"
            "刚进厂时，林小涵连图纸都看不懂，下班后就抱着书本一页页地啃。\n\n"
            "徒弟龙小怡告诉记者，师傅手把手教他们，从来不藏私。\n"
            "（本报记者 谢小珍 摄）\n\n"
            "林小涵：二十年守好一条线\n")
    [article] = segment_page(text).articles
    assert article.title == "林小涵：二十年守好一条线"
    assert "### 啃下硬骨头" in article.paragraphs and "从来不藏私" in "".join(article.paragraphs)


def test_a_headline_wrapped_at_its_quote_between_two_reports_stays_whole():
    # Standing between two bodies, a run is cut where its lines go to different ones; a
    # headline wrapped over two lines is never cut.
    text = ("本报讯（记者 王小明）近日，门头沟区总工会为快递小哥建起服务站，快递小哥有了歇脚的地方。\n\n"
            "快递小哥有了“\n娘家人”\n\n"
            "本报讯（记者 沈小晶）近日，丰台区总工会当好职工娘家人，娘家人服务队走进企业。\n")
    titles = [a.title for a in segment_page(text).articles]
    assert titles[0] == "快递小哥有了“娘家人”" and "娘家人”" not in titles


NOTICE_WITH_TABLE = """\
本报讯（记者 夏小丽）近日，石景山区鲁谷街道总工会举办职工合唱比赛，二百名职工参加。

鲁谷街道总工会把合唱比赛办到职工身边

北京市优秀工会积极分子拟表彰名单公示

根据评选工作安排，经基层推荐、逐级审核，现将拟表彰名单予以公示。
序号 姓名 单位及职务
1 阎小国 中和机电股份有限公司 电工
2 宋小军 京华医药股份有限公司 客房服务员
3 于小桐 京通地铁运营集团 保安员
公示期为5个工作日。如有异议，请以书面形式向评选办公室反映。

北京市总工会
"""


def test_a_notices_table_and_its_issuer_are_its_text():
    articles = segment_page(NOTICE_WITH_TABLE).articles
    assert [a.title for a in articles] == ["鲁谷街道总工会把合唱比赛办到职工身边", "北京市优秀工会积极分子拟表彰名单公示"]
    lines = [ln.rstrip(" ") for p in articles[1].paragraphs for ln in p.split("\n")]
    assert "2 宋小军 京华医药股份有限公司 客房服务员" in lines and lines[-1] == "北京市总工会"


def test_a_wanted_ad_runs_to_its_contact_line_and_the_papers_own_number_stands_alone():
    text = ("分类广告\n\n京港电梯股份有限公司经股东会决议，拟注销，请债权人申报债权。特此公告。\n\n"
            "诚聘\n\n京煤食品集团因业务发展需要，现招聘客服专员若干名。\n\n要求：身体健康，责任心强。\n\n"
            "联系电话：89404220\n\n登报咨询电话：75074246\n")
    articles = segment_page(text).articles
    assert [(a.kind, a.paragraphs[0][:4]) for a in articles] == [("ad", "分类广告"), ("ad", "诚聘"), ("ad", "登报咨询")]
    assert articles[1].paragraphs[-1] == "联系电话：89404220"


def test_a_columns_opening_words_stand_apart_from_its_first_feature():
    text = ("开栏语\n为大力弘扬劳模精神，本报今起开设一线故事专栏，讲述普通劳动者的奋斗故事。\n\n敬请关注。\n\n"
            "文/本报记者 贾小涛\n\n在门头沟区城子街道的分公司，顾小鹏是一名维修工，从业已经十年。\n\n"
            "顾小鹏：把不可能变成能\n")
    articles = segment_page(text).articles
    assert len(articles) == 2 and articles[0].paragraphs[0].startswith("开栏语")
    assert "城子街道" in "".join(articles[1].paragraphs) and "城子街道" not in "".join(articles[0].paragraphs)
    assert articles[1].title == "顾小鹏：把不可能变成能" and articles[1].byline.reporters == ["贾小涛"]


def test_a_photo_report_of_several_captions_is_one_article():
    text = ("1月10日上午，职工心理健康讲座在通州区台湖镇拉开帷幕，由通州区总工会主办。\n\n"
            "图为慰问中，工会还为货车司机测量了血压，提醒大家注意劳逸结合。\n\n"
            "图为工会相关负责人表示，丰富职工精神文化生活，是工会服务职工的重要内容。\n"
            "本报记者 方小莹 摄影报道\n\n台湖镇的娘家人\n")
    [article] = segment_page(text).articles
    assert (article.title, article.kind) == ("台湖镇的娘家人", "photo")
    assert article.paragraphs[0].startswith("1月10日上午")


WRAPPED_QUOTE = """\
本报讯（记者王小
明）近日，朝阳区总工会邀
请心理咨询师走进抢修一线
，为职工开展心理健康讲座。

朝阳工会为职工“减压
赋能”

日前，北京市商业工会开
展“夏送清凉”慰问活动，
为建筑工人送去凉茶。

通讯员 赵强 摄
"""


def test_a_headline_whose_quote_closes_on_a_short_line_under_it_is_one_headline():
    page = segment_page(WRAPPED_QUOTE)
    assert page.articles[0].title == "朝阳工会为职工“减压赋能”"
    assert all("赋能" not in p for a in page.articles for p in a.paragraphs)
    # Text whose quote runs on ends its sentence: no headline.
    text = "本报讯 近日，工会开展活动。他说：“我们要\n做好”\n\n活动持续三天。\n"
    assert [a.title for a in segment_page(text).articles] == [None]


PHOTO_UNDER_A_REPORT = """\
市邮电工会开展集中入会活动

本报讯（通讯员 范洋）近日，北京市邮电工会开展新就业形态劳动者集中入会活动，现场吸纳快递员入会三百人。

新入会的快递员可享受工会提供的免费体检和法律援助服务。

27日，北京公联公司维修中心工会开办职工子女暑期爱心托管班，首批接收职工子女五百名。

本报记者 钱松 摄

暑暑期期托托管管班班解解
职职工工后后顾顾之之忧忧
"""


def test_a_photo_with_its_own_headline_under_a_report_is_its_own_article():
    page = segment_page(PHOTO_UNDER_A_REPORT)
    assert [(a.title, a.kind) for a in page.articles] == [
        ("市邮电工会开展集中入会活动", "news"), ("暑期托管班解职工后顾之忧", "photo")]
    assert page.articles[1].byline.photographers == ["钱松"]
    # Without a headline of its own the photo stays the report's, as the paper prints it.
    [report] = segment_page(PHOTO_UNDER_A_REPORT.rsplit("\n\n", 1)[0]).articles
    assert "托管班" in "".join(report.paragraphs)


def test_an_advertisements_copy_over_its_contact_line_is_the_advertisement():
    ad = "诚聘\n因业务发展需要，现招聘以下岗位：\n客服专员若干名\n\n联系电话： 61627414\n"
    page = segment_page(ad + "\n本报讯（记者 李红）近日，丰台区卢沟桥街道工会为环卫工人送去防暑降温用品。\n")
    assert [a.kind for a in page.articles] == ["ad", "news"]
    assert "客服专员若干名" in "".join(page.articles[0].paragraphs)
    # Text that has ended its sentence over a hotline is no advertisement's copy.
    brief = "工会职工法律服务窗口开放\n\n街道工会近日开设职工法律服务窗口，职工可前来咨询。\n\n咨询电话： 63301234\n"
    assert segment_page(brief).articles[0].kind == "news"


def _columns(text: str, width: int) -> str:
    return "\n".join(text[k:k + width] for k in range(0, len(text), width))


@pytest.mark.parametrize("widths", [(12, 17), (15, 13)])
def test_a_reports_opening_set_at_another_column_width_starts_another_piece(widths):
    first = ("本报讯（记者 王小明）近日，朝阳区总工会在望京街道举办职工健步走活动，三百余名职工参加，"
             "沿着绿道走完了八公里的路线。")
    first_more = "活动结束后，区总工会还为参加活动的职工送上了运动水杯和毛巾，大家纷纷表示今后还要多参加这样的活动。"
    second = ("近日，丰台区卢沟桥街道工会为辖区二百余名环卫工人送去防暑降温用品，"
              "包括藿香正气水、清凉油和毛巾等，帮助他们安全度夏。")
    second_more = "街道工会负责人介绍，今年夏天还将在辖区设立十个户外劳动者驿站，方便环卫工人歇脚饮水。"
    above, below = widths
    page = ("朝阳职工健步走\n\n" + _columns(first, above) + "\n\n" + _columns(first_more, above) + "\n\n"
            + _columns(second, below) + "\n\n" + _columns(second_more, below) + "\n\n卢沟桥街道工会为环卫工人送清凉\n")
    articles = segment_page(page).articles
    assert [a.paragraphs[0][:6] for a in articles] == ["本报讯（记者", "近日，丰台区"]
    assert [a.title for a in articles] == ["朝阳职工健步走", "卢沟桥街道工会为环卫工人送清凉"]


def test_a_photographers_name_alone_after_a_captions_last_sentence_is_a_credit():
    from sitegen.bylines.parse import find_credit
    caption = "图为志愿者为环卫工人拍摄笑脸照。许明远 摄"
    assert find_credit(caption) == caption.index("许明远")
    assert find_credit("志愿者为环卫工人进行拍摄") is None
    report = ("本报讯（记者 王小明）昨天，本报摄影志愿者走进环卫集团，\n为一线环卫工人拍摄笑脸照。\n\n"
              "活动由劳动午报社主办。\n" + caption + "\n\n为最美劳动者点赞\n\n"
              "本报讯（记者 赵强）近日，顺义区总工会走访慰问一线职工，送去慰问品。\n\n顺义区总工会慰问一线职工\n")
    articles = segment_page(report).articles
    assert [a.title for a in articles] == ["为最美劳动者点赞", "顺义区总工会慰问一线职工"]
    assert articles[0].byline.photographers == ["许明远"]


WRAPPED_BY_GRAMMAR = """\
本报讯（记者 王小明）近日，丰台区总工会为
辖区十家单位的职工之家授牌，并为各单位送
去图书和健身器材。

丰台区总工会
为先进职工之家授牌

本报讯（记者 赵强）春节前，延庆区一处工地的
职工书屋里，留京过年的建设者们在读书写春联。

工地书屋里的
春节
"""


def test_a_headline_set_in_two_lines_reads_on_where_its_grammar_does():
    # Who over what they did (丰台区总工会 / 为…授牌), and a line ending on 的: one headline
    # each, not a headline and its subtitle.
    articles = segment_page(WRAPPED_BY_GRAMMAR).articles
    assert [a.title for a in articles] == ["丰台区总工会为先进职工之家授牌", "工地书屋里的春节"]
    assert all(a.subtitles == [] for a in articles)


def test_a_bare_jump_line_ends_the_part_and_heads_nothing():
    text = ("本报讯（记者 王小明）近日，石景山区总工会走进棚改工地，为农民工送去春联和福字。\n"
            "区总工会负责人介绍，该项目是区里的重点民生工程。\n转第2版\n\n棚改工地农民工带着祝福回家过年\n")
    [article] = segment_page(text).articles
    assert article.title == "棚改工地农民工带着祝福回家过年"
    assert article.continued_to == "第2版"


def test_an_advertisements_bare_label_stands_alone_even_run_into_a_headline():
    text = ("本报讯（记者 王小明）近日，朝阳区总工会举办职工健步走活动，三百余名职工参加。\n\n"
            "朝阳区总工会举办健步走 广告\n\n"
            "今天是农历十月初一，西城区椿树街道开展文明祭扫活动，倡导居民文明祭扫。\n本报记者 张三 摄\n")
    articles = segment_page(text).articles
    assert [(a.kind, a.title) for a in articles][:2] == [("news", "朝阳区总工会举办健步走"), ("ad", None)]
    assert articles[1].paragraphs == ["广告"]
    assert articles[2].paragraphs[0].startswith("今天是农历十月初一")


def test_a_reprints_signature_after_its_cited_source_ends_the_piece():
    text = ("■ 职工心声\n春节前，快递物流节前出现井喷，快递小哥\n在寒风里奔波，把一件件年货送到家门口。\n"
            "（2月6日 《长江日报》） □王明远\n\n"
            "2月8日，在通州区一处工地的职工书屋，水电工张力在读书，今年他将留在工地过年。 新华社发\n")
    articles = segment_page(text).articles
    assert len(articles) == 2
    assert articles[0].byline.authors == ["王明远"]
    assert articles[1].paragraphs[0].startswith("2月8日")


def test_a_photo_reports_credit_cut_by_the_column_edge_still_closes_the_photo():
    text = ("本报讯（记者 王小明）近日，朝阳区总工会走访慰问冬奥会保障酒店的服务人员，送去慰问品。\n\n"
            "今天是农历十月初一，西城区椿树街道开展文明祭扫活动，倡导居民采用环保安全的方式祭扫，"
            "全力守护辖区安全。 本报记者 张力 摄影报\n道\n\n镜镜头头里里的的\n坚坚守守\n")
    articles = segment_page(text).articles
    assert [a.kind for a in articles] == ["news", "photo"]
    assert articles[1].title == "镜头里的坚守"
    assert articles[1].byline.reporters == ["张力"] or articles[1].byline.photographers == ["张力"]


def test_a_headline_cut_after_a_place_or_a_verb_wanting_its_object_reads_on():
    text = ("本报讯（记者 王小明）近日，顺义区高丽营镇总工会启动“两节”送温暖活动，为一线职工送去温暖包。\n\n"
            "顺义高丽营镇\n总工会慰问一线职工\n\n"
            "本报讯（记者 赵强）昨天，怀柔区总工会召开全委会，部署全年工作。\n\n"
            "怀柔区总工会召开\n全委会\n")
    titles = [a.title for a in segment_page(text).articles]
    assert titles == ["顺义高丽营镇总工会慰问一线职工", "怀柔区总工会召开全委会"]


def test_a_letter_signed_with_its_writers_unit_after_a_box_is_signed_not_bannered():
    text = ("■ 职工心声\n我与午报的缘分\n我在车间做了十年工会小组长，每天午休都翻一翻午报，\n从中学会了怎样为职工服务。\n"
            "□首发集团京新收费所 吕明远\n\n"
            "本报讯（记者 赵强）近日，怀柔区总工会召开全委会，部署全年工作。\n")
    articles = segment_page(text).articles
    assert len(articles) == 2
    assert articles[0].byline.authors == ["吕明远"]
    assert articles[1].paragraphs[0].startswith("本报讯")


def test_a_photographers_name_alone_on_its_line_under_a_report_is_its_credit():
    text = ("区总工会举办职工技能大赛\n\n"
            "本报讯（记者 刘海波）近日，区总工会举办第二届职工技能大赛，四百余名职工报名参赛。\n\n"
            "大赛设置了电工、焊工等四个项目，共决出一等奖四名。\n\n"
            "刘海波 摄\n\n"
            "街道工会为环卫工人送清凉\n\n"
            "本报讯（记者 张晓丽）连日来，街道工会走访辖区环卫站点，为环卫工人送去防暑用品。\n")
    articles = segment_page(text).articles
    assert [a.title for a in articles] == ["区总工会举办职工技能大赛", "街道工会为环卫工人送清凉"]
    assert articles[0].byline.photographers == ["刘海波"]


def test_a_jump_line_under_a_reports_closing_credit_is_the_reports():
    text = ("区总工会为女职工送健康\n\n"
            "本报讯（记者 刘海波）近日，区总工会为一线女职工开展健康筛查，三百余名女职工受益。\n\n"
            "工会负责人表示，今后将把此类活动常态化开展。 （刘海波 摄）\n"
            "(下转第4版)\n\n"
            "街道工会为环卫工人送清凉\n\n"
            "本报讯（记者 张晓丽）连日来，街道工会走访辖区环卫站点，为环卫工人送去防暑用品。\n")
    articles = segment_page(text).articles
    assert [a.title for a in articles] == ["区总工会为女职工送健康", "街道工会为环卫工人送清凉"]
    assert articles[0].continued_to == "第4版"


def test_a_subhead_the_column_edge_wrapped_is_one_subhead_and_a_kicker_over_a_headline_is_no_subhead():
    wrapped = CASE_WITH_SUBHEADS.replace("每天工作十二小时 公司说是自愿加班\n", "每天工作十二小时 公司说是自\n愿加班\n")
    articles = segment_page(wrapped).articles
    assert [a.title for a in articles] == ["加班不给加班费 职工申请仲裁获支持", "丰台区总工会举办职工趣味运动会"]
    assert "### 每天工作十二小时 公司说是自愿加班" in articles[0].paragraphs
    kicker = ("区总工会为一线职工送清凉\n\n"
              "本报讯（记者 王小明）近日，区总工会为一线职工送去防暑降温用品。\n\n"
              "读者来信\n一封来自工地的信\n\n"
              "尊敬的编辑：我是一名建筑工人，想说说工会为我们做的事。\n")
    assert [a.title for a in segment_page(kicker).articles] == ["区总工会为一线职工送清凉", "一封来自工地的信"]


def test_a_signature_in_brackets_signs_the_answers_above_and_heads_nothing():
    for signature in ("（北京市正和律师事务所律师 何芳彬）", "（北京市正和律师事务\n所律师 何芳彬）"):
        text = ("这些劳动权益问题您了解吗\n\n职工问：怀孕后单位要给我调岗降薪，可以吗？\n\n"
                "律师答：女职工在孕期、产期、哺乳期内，单位不得降低其工资。\n\n" + signature + "\n\n"
                "本报讯（记者 吴娜琳）近日，海淀区紫竹院街道总工会举办职工职业技能竞赛。\n")
        qa, report = segment_page(text).articles
        assert qa.title == "这些劳动权益问题您了解吗" and "何芳彬" in qa.paragraphs[-1]
        assert report.title is None and report.paragraphs[0].startswith("本报讯")


def test_the_papers_own_name_and_a_slash_before_she_are_credits_and_bylines():
    # Later pages name the paper where older ones say 本报: 劳动午报记者 X; credits read X/摄.
    text = ("工会为环卫工人送清凉\n\n"
            "劳动午报讯（记者 王小明）近日，区总工会为环卫工人送去防暑用品。\n\n"
            "图为活动现场。姚一鸣/摄\n\n"
            "职工书屋进班组\n\n劳动午报记者 李红\n\n"
            "连日来，长城地铁运营工会把职工书屋建到班组，方便职工就近借阅。\n\n"
            "劳动午报记者 赵强/摄\n\n"
            "街道工会慰问快递小哥\n\n"
            "本报讯（记者 张晓丽）连日来，街道工会走访辖区快递网点，为快递小哥送去慰问品。\n")
    articles = segment_page(text).articles
    assert [a.title for a in articles] == ["工会为环卫工人送清凉", "职工书屋进班组", "街道工会慰问快递小哥"]
    assert articles[0].byline.photographers == ["姚一鸣"]
    assert articles[1].byline.reporters == ["李红"] and articles[1].byline.photographers == ["赵强"]


def test_a_line_set_apart_by_a_column_break_before_a_particle_is_text():
    # …工作时间不固定 / (column break) / 的特点，…: no headline is followed by a lone 的.
    text = ("区总工会为保安员送服务\n\n"
            "本报讯（记者 钟璐）近日，区总工会为辖区保安员举办心理健康讲座，百余名保安员参加。\n\n"
            "针对保安员工作时间不固定\n\n"
            "的特点，工会把服务时间延长到晚上，并开通了线上预约渠道。\n")
    [article] = segment_page(text).articles
    assert article.title == "区总工会为保安员送服务"
    assert any("工作时间不固定的特点，" in p for p in article.paragraphs)
    assert not any(p.startswith("###") for p in article.paragraphs)


def test_reporters_named_in_brackets_after_the_last_sentence_are_the_reports():
    text = ("区总工会举办职工篮球赛\n\n"
            "本报讯 近日，区总工会举办职工篮球赛，二十支球队参赛。比赛历时五天，最终决出前三名。（记者 王小明 通讯员 李四）\n")
    [report] = segment_page(text).articles
    assert report.byline.reporters == ["王小明"] and report.byline.correspondents == ["李四"]


def test_a_writer_who_took_the_pictures_too_is_a_bylines_reporter_before_or_after_the_name():
    for line in ("本报记者 孙明 文/图", "文/图 本报记者 孙明", "本报记者 孙明/文"):
        page = f"""\
老师傅的新课堂
{line}

清晨六点，车间里的灯已经亮了。孙师傅把新来的三名徒弟叫到机床前，一边
操作一边讲解要领。
"""
        [article] = segment_page(page).articles
        assert article.title == "老师傅的新课堂", line
        assert article.byline.reporters == ["孙明"], line


COLUMN_BYLINE_OVER_HEADLINE = """\
■心灵驿站
文/图 周小禾
父亲的工具箱
父亲的工具箱里装着大大小小的扳手，每一把都被他擦得锃亮。他常说，工具
是干活人的脸面，马虎不得。
那年冬天，我第一次跟着他去工地，才知道这些扳手有多沉。

本报讯（记者 王小明）近日，朝阳区总工会为一线职工送去了防寒用品。
朝阳区总工会送温暖
"""


def test_a_byline_printed_over_its_pieces_headline_is_that_pieces_byline_not_a_piece():
    page = segment_page(COLUMN_BYLINE_OVER_HEADLINE)
    column, report = page.articles
    assert column.title == "父亲的工具箱"
    assert column.byline.authors == ["周小禾"] or column.byline.reporters == ["周小禾"]
    assert column.paragraphs[-1].startswith("那年冬天")
    assert report.title == "朝阳区总工会送温暖"


def test_a_headline_naming_its_subject_before_a_colon_with_quoted_words_after_it_is_a_headline():
    page = """\
本报记者 赵刚

在顺义区的一家物流公司，李青已经干了十五年快递员。十五年里，他送出的包裹
超过五十万件，没有一次投诉。
同事们都说，李青有一本“活地图”，哪条胡同几号门，他闭着眼都能找到。

李青：把“小事”做成“大事”
"""
    [article] = segment_page(page).articles
    assert article.title == "李青：把“小事”做成“大事”"


PHOTO_ROW = """\
本报讯（记者 王小明）近日，朝阳区总工会走访辖区
快递企业，为一线快递员送去
棉手套和热饮。
朝阳区总工会慰问快递员

◀工会干部为环卫工人
送上热姜茶

▲职工在驿站里休息

为一线职工发放防寒物资

▶社区工会开展健康义诊

瞬瞬间间定定格格
本报讯（记者 李红）日前，海淀区总工会举办
职工书法比赛，两百余名职工参赛。
海淀区总工会举办职工书法比赛
"""


def test_a_row_of_captioned_photos_under_one_doubled_title_is_one_photo_article():
    page = segment_page(PHOTO_ROW)
    titles = [a.title for a in page.articles]
    assert titles == ["朝阳区总工会慰问快递员", "瞬间定格", "海淀区总工会举办职工书法比赛"]
    photos = page.articles[1]
    assert photos.kind == "photo"
    assert [p[:5] for p in photos.paragraphs] == ["◀工会干部", "▲职工在驿", "为一线职工", "▶社区工会"]
    assert page.articles[0].paragraphs[-1].endswith("热饮。")
    explained = "\n".join(segment_page(PHOTO_ROW, explain=True).explanation)
    assert "row of photo captions" in explained and "title of the row of photos" in explained


def test_captions_pointing_at_their_photos_are_one_photo_article_without_a_title_and_no_banner():
    page = segment_page(PHOTO_ROW.replace("瞬瞬间间定定格格\n", ""))
    kinds = [a.kind for a in page.articles]
    assert kinds == ["news", "photo", "news"]
    assert page.articles[1].column is None
    assert page.articles[1].paragraphs[1].startswith("▲职工在驿站")


NARROW_REPORT_THEN_WIDE_PIECE = """\
本报讯（记者 王小明）近日，朝阳区总
工会在望京街道开展职工健步走
活动，三百余名职工参加。活动
沿途设置了五个打卡点，职工每
到一处都能领到一份小礼品。参
加活动的职工表示，这样的活动
既锻炼了身体，又增进了同事之
间的感情，希望工会多多组织。
据了解，朝阳区总工会今年还将
举办羽毛球、乒乓球等比赛，丰
富职工的业余文化生活。

望京职工健步走活动热闹举行



天还没亮，王师傅已经把车开出了车库，检查
胎压、擦拭车窗、试一试暖风，这一套动作他
做了整整二十年。二十年里，他开过的公交车
换了四代，线路改了三回，可他每天第一个到
岗的习惯从来没有变过。他说，乘客上车时能
坐进一辆暖和干净的车，一天的心情都会好。
"""


def test_a_headline_over_text_set_at_another_width_is_no_paragraph_of_the_report_above():
    page = segment_page(NARROW_REPORT_THEN_WIDE_PIECE)
    assert len(page.articles) == 2
    report, piece = page.articles
    assert report.paragraphs[-1].endswith("业余文化生活。")
    assert piece.paragraphs[0].startswith("天还没亮")


def test_a_credit_naming_the_writer_and_the_photographer_closes_a_written_piece():
    page = segment_page("""\
我是看着劳模的故事长大的。参加工作以后，我才明白把一件平凡的事做到极致有多难，
我们年轻人应该向劳模学习。
本报记者 孙明/文 李红/摄

本报讯（记者 王小明）近日，朝阳区总工会为一线职工送去了防寒用品。
朝阳区总工会送温暖
""")
    piece, report = page.articles
    assert piece.title != "本报记者 孙明/文 李红/摄"
    assert piece.kind == "news"
    assert piece.byline.reporters == ["孙明"] and piece.byline.photographers == ["李红"]
    assert report.title == "朝阳区总工会送温暖"


def test_a_columns_opening_words_stand_apart_from_the_report_under_them():
    page = segment_page("""\
开栏的话
为展现首都职工的风采，本报今日起开设“身边的工匠”专栏，讲述一线职工钻研技术、
精益求精的故事，敬请关注。

本报讯（记者 王小明）近日，朝阳区总工会为一线职工送去了防寒用品，两百余名职工受益。
朝阳区总工会送温暖
""")
    assert len(page.articles) == 2
    opener, report = page.articles
    assert opener.paragraphs[-1].endswith("敬请关注。")
    assert opener.kind == "column" and opener.title == "开栏的话"
    assert report.paragraphs[0].startswith("本报讯")
    assert report.title == "朝阳区总工会送温暖"


def test_the_report_an_editors_note_introduces_is_one_article_with_it():
    page = segment_page("""\
编者按：一线职工的冷暖，工会时刻挂在心上。本报今起推出系列报道。
本报讯（记者 王小明）近日，朝阳区总工会为一线职工送去了防寒用品，两百余名职工受益。
朝阳区总工会送温暖
""")
    [article] = page.articles
    assert article.paragraphs[0].startswith("编者按")


REPORT_HEADLINE_AFTER_THEN_PIECE = """\
本报讯（记者 王小明）近日，怀柔区总
工会组织党员干部下沉社区，协
助做好疫情防控工作。截至目前
已走访居民一千二百余户，发放
宣传材料三千余份，受到居民们
的一致好评。工会干部们表示，
将继续坚守岗位，为社区居民守
好家门。

怀柔区总工会助力疫情防控


冬日的清晨，寒风吹过胡同口，
几位穿着红马甲的志愿者早早来
到了岗位上，搓搓手、跺跺脚，
又开始了一天的忙碌。他们中间
有退休的老教师，也有刚毕业的
大学生，大家都说能为邻居们做
点事，心里踏实。
"""


def test_a_line_summing_up_the_report_above_is_its_headline_not_a_paragraphs_first_line():
    page = segment_page(REPORT_HEADLINE_AFTER_THEN_PIECE)
    assert len(page.articles) == 2
    report, piece = page.articles
    assert report.title == "怀柔区总工会助力疫情防控"
    assert piece.paragraphs[0].startswith("冬日的清晨")


def test_a_short_text_under_a_title_in_doubled_type_is_a_photo_even_without_a_credit():
    page = segment_page("""\
本报讯（记者 王小明）近日，朝阳区总工会为一线职工送去了防寒用品，两百余名职工受益。
朝阳区总工会送温暖

近日，延庆山区下起了今冬第一场雪，护林员老张踏着积雪巡山，一走就是二十里。
点评：守护青山的人，值得我们记住。
雪雪中中巡巡山山
""")
    report, photo = page.articles
    assert report.kind == "news"
    assert photo.title == "雪中巡山" and photo.kind == "photo"


FEATURE_LABEL_OVER_SUBHEAD = """\
本报讯（记者 王小明）近日，朝阳区总工会为一线职工送去了防寒用品，两百余名职工受益。
朝阳区总工会送温暖

“岗位在哪里，服务就在哪里。”丰台区卢沟桥街道总工会的干部们
这样说，也这样做。入冬以来，卢沟桥街道总工会组织干部职工下沉
到晓月苑社区，帮助居民测温、登记、配送生活物资。

齐心协力

为社区居民做好服务保障

“每天早上七点，我们准时到岗。”卢沟桥街道总工会工作人员刘晨
告诉记者，晓月苑社区老人多，工会干部们就挨家挨户上门，把生活
物资送到居民手中。

卢沟桥街道总工会：做居民身边的贴心人
"""


def test_a_sections_label_a_line_over_its_subhead_stays_in_the_feature():
    page = segment_page(FEATURE_LABEL_OVER_SUBHEAD)
    assert len(page.articles) == 2
    feature = page.articles[1]
    assert feature.title == "卢沟桥街道总工会：做居民身边的贴心人"
    assert "### 齐心协力" in feature.paragraphs and "### 为社区居民做好服务保障" in feature.paragraphs
    assert feature.paragraphs[-1].endswith("送到居民手中。")


FEATURES_PAGE_ESSAY_POEM_LETTER = """\
 □李小松
厂房里的老钟表

老厂房的墙上挂着一只旧钟表，
走了三十多年，一分不差。 每
天早上， 师傅们上班前总要抬头
看看它，再对一对自己的手表。

后来厂房翻新了，钟表也摘了
下来。 大家舍不得，就把它挂在
了新车间的门口，让它接着走。
（作者单位：北京某某机床有限公司）

 □江小怡
夜班的灯火
师傅守过的岗
亮着一盏灯
窗外的街巷
静静地睡了

铁屑有光芒
汽笛送走夜
晨风吹进来
露水挂墙上

你说这就是
我们的日子
平凡的诗行



读者园地
一份暖心的礼物

编辑同志：

我是一家快递公司的快递员，
今年夏天特别热， 区总工会
给我们送来了防暑降温用品，
还在站点旁设了爱心驿站。

我想通过贵报，向工会的同志
们说一声谢谢。

读者 周小川
"""


def test_a_note_on_who_the_writer_is_closes_the_essay_above_and_is_no_headline():
    essay, poem, _ = segment_page(FEATURES_PAGE_ESSAY_POEM_LETTER).articles
    assert essay.title == "厂房里的老钟表"
    assert essay.paragraphs[-1] == "（作者单位：北京某某机床有限公司）"
    assert poem.title == "夜班的灯火"


def test_a_poem_keeps_its_title_under_its_writer_and_every_stanza_even_a_short_last_one():
    _, poem, _ = segment_page(FEATURES_PAGE_ESSAY_POEM_LETTER).articles
    assert (poem.title, poem.byline.authors, poem.kind) == ("夜班的灯火", ["江小怡"], "column")
    # Verse keeps its lines (a Markdown line break each), a stanza to a paragraph.
    assert [p.split("  \n") for p in poem.paragraphs] == [
        ["师傅守过的岗", "亮着一盏灯", "窗外的街巷", "静静地睡了"],
        ["铁屑有光芒", "汽笛送走夜", "晨风吹进来", "露水挂墙上"],
        ["你说这就是", "我们的日子", "平凡的诗行"]]


def test_a_readers_letter_opens_on_its_salutation_under_its_headline_and_is_signed_by_the_reader():
    *_, letter = segment_page(FEATURES_PAGE_ESSAY_POEM_LETTER).articles
    assert (letter.title, letter.kind, letter.byline.authors) == ("一份暖心的礼物", "column", ["周小川"])
    assert letter.paragraphs[0].startswith("编辑同志：我是一家快递公司")


_BOXED_WRITERS_PIECE = """\
■邱小怡
父亲的工具箱
工友们都知道，父亲有一个用了三十年
的工具箱，里面的扳手、钳子摆得整整
齐齐。每次出门检修，他总要把工具箱
擦得干干净净。
"""


def test_a_writers_name_in_a_black_box_over_a_title_opens_that_piece_and_a_banner_stays_a_banner():
    page = segment_page("""\
本报讯（记者 王小明）近日，朝阳区总工会在望京街道举办职工
健步走活动，三百余名职工参加。活动沿着
河畔绿道展开，职工们边走边聊。
朝阳职工健步迎春

""" + _BOXED_WRITERS_PIECE)
    report, piece = page.articles
    assert report.title == "朝阳职工健步迎春" and report.byline.authors == []
    assert (piece.title, piece.byline.authors) == ("父亲的工具箱", ["邱小怡"])
    # Straight under a report's last line the name, set tight over a title set tight over
    # its text, is still the next piece's writer, not the report's signature.
    report, piece = segment_page("""\
本报讯（记者 王小明）近日，朝阳区总工会在望京街道举办职工
健步走活动，三百余名职工参加。活动沿着
河畔绿道展开，职工们边走边聊。

""" + _BOXED_WRITERS_PIECE).articles
    assert report.byline.authors == [] and report.paragraphs[-1].endswith("边走边聊。")
    assert (piece.title, piece.byline.authors) == ("父亲的工具箱", ["邱小怡"])
    assert {line.display: line.kind for line in classify_page("■简讯\n本报讯（记者 王小明）近日，朝阳区总工会举办活动。\n")}[
        "简讯"] == LineKind.COLUMN


def test_a_writers_unit_and_name_run_together_under_a_columns_banner_sign_the_piece():
    page = segment_page("""\
本报讯（记者 王小明）近日，朝阳区总工会为一线职工送去了防寒用品，
两百余名职工受益。

■我身边的好工友
京南物业有限公司工会傅小军
“只要需要，我随时都在”

作为社区的下沉干部，我被分到
了核酸检测点负责扫码登记。 早
上六点，我就到了点位，社区的
同事已经把桌椅摆好了。
""")
    piece = page.articles[-1]
    assert (piece.title, piece.subtitles, piece.byline.authors) == ("“只要需要，我随时都在”", [], ["傅小军"])


def test_a_poem_in_stanzas_of_three_keeps_every_line_and_none_is_taken_for_a_headline():
    page = segment_page("""\
本报讯（记者 王小明）近日，东城区
总工会为环卫职工送去了防暑用品，
区内三百余名一线职工受益。这些
用品包括毛巾、茶叶和清凉油等，
由各街道工会分批送到环卫站点，
职工们说，天再热心里也是凉的。

 □江小怡 文/图

清晨的扫帚声
落在胡同口
叫醒了老槐树

一杯热茶凉了
又续上一杯
街巷干干净净

 ■工友之声

本报讯（记者 王小明）近日，西城区
总工会举办职工书法展，百余幅作品
参展。作品出自全区各行各业的职工
之手，有楷书、行书，也有篆刻，展
出的作品还将在各街道巡回展出，展
期为两周。
""")
    report, poem, _ = page.articles
    assert report.paragraphs[-1].endswith("心里也是凉的。")
    assert poem.byline.authors == ["江小怡"]
    # The writer's line stays the piece's first paragraph, as a 文/图 line does in a report.
    assert [p.split("  \n") for p in poem.paragraphs[1:]] == [
        ["清晨的扫帚声", "落在胡同口", "叫醒了老槐树"], ["一杯热茶凉了", "又续上一杯", "街巷干干净净"]]


def test_a_writers_line_over_a_title_opens_the_next_piece_even_when_the_title_shares_words_with_the_piece_above():
    first, second = segment_page("""\
 □朱小楠
夜班公交

城市一天天变了模样， 可有些
东西一直留在心里。 退休那天，
我把工牌擦得干干净净，放进
了抽屉最里面。 女儿问我， 你
们那时候上班累不累， 我想了
想，说累是累，可心里踏实。
车队的窗台上养着一盆绿萝，
是老队长留下的， 我们轮流给
它浇水，它就一年一年地绿着。


 □江小旭
窗台上的绿萝

风从窗缝里钻进来， 带着初
冬的凉意，我却觉得心里是
热的。我把这件事讲给孩子
听， 他听完沉默了很久， 然
后说想去看看。灯一盏一盏
亮起来，像是在替每一个晚
归的人照着回家的路。
""").articles
    # 窗台上的绿萝 shares 窗台 and 绿萝 with the essay above, but the writer's line over it
    # opens the essay under it: each keeps its own title.
    assert (first.title, first.byline.authors) == ("夜班公交", ["朱小楠"])
    assert (second.title, second.byline.authors) == ("窗台上的绿萝", ["江小旭"])


def test_a_notices_title_as_wide_as_the_column_heads_the_notice_not_the_report_above():
    page = segment_page("""\
本报讯（记者 王小明）8月10日，朝阳区望京街道总
工会举办劳模事迹宣讲会，邀请三名劳模代表讲述奋
斗故事。现场两百余名职工认真聆听，不时响起热烈
的掌声。宣讲会后，劳模与青年职工结成师徒对子，
签订了传帮带协议。工会主席介绍，希望通过这样的
活动，让劳模精神在一线班组里传下去，也让青年职
工在岗位上找到榜样，职工们纷纷表示很受鼓舞。

关于2021年度朝阳区优秀工会积极分子名单的公示

经基层推荐、审核评议，现将拟表彰名单予以公示，
公示期为8月10日至8月24日，欢迎职工群众监督。

朝阳区某某物业公司 张小明
朝阳区某某建设公司 李小红
朝阳区某某环卫中心 王小刚
朝阳区某某公交车队 赵小丽

公示期间，如有异议，请以书面形式向区总工会反映，
联系电话：60000000。

朝阳区总工会 2021年8月6日

本报讯（记者 王小明）近日，某某银行工会组织律师
走进社区服务站，开展法律服务进基层活动，解答职
工咨询三百余人次，发放宣传资料两千余份。工会相关
负责人表示，将把好的做法固定下来，形成长效机制，
让更多职工在家门口就能得到法律帮助。
""")
    report, notice, _ = page.articles
    assert report.paragraphs[-1].endswith("很受鼓舞。")
    assert notice.title == "关于2021年度朝阳区优秀工会积极分子名单的公示"


_CASE_AND_COLUMN = """\
本报记者 王小明 通讯员 李红

【案情】

张某在一家快递公司工作了
两年，公司始终没有为他缴
纳社会保险。

【评析】

用人单位应当依法为职工缴
纳社会保险费，职工可以向
当地社保部门投诉。

■律师提醒

遇到类似情况，职工应当注
意保留工资条等证据。

快递员讨回社保费

■律师说法

北京市某某律师事务所 律师 赵明远

职工问： 单位让我签自愿放
弃社保的声明，有效吗？
律师答： 这样的声明无效，
缴纳社保是法定义务。

以案说社保
"""


def test_a_parts_name_boxed_over_a_writers_unit_title_and_name_is_a_columns_banner():
    case, column = segment_page(_CASE_AND_COLUMN).articles
    assert case.title == "快递员讨回社保费" and case.byline.reporters == ["王小明"]
    text = "".join(case.paragraphs)
    assert "【评析】" in text and "律师提醒" in text and "保留工资条" in text   # its parts' labels stay its text
    assert column.title == "以案说社保" and column.byline.authors == ["赵明远"]
    assert column.paragraphs[0].startswith("职工问")
    kinds = {line.display: line.kind for line in classify_page(_CASE_AND_COLUMN)}
    assert kinds["律师说法"] == LineKind.COLUMN and kinds["北京市某某律师事务所 律师 赵明远"] == LineKind.AUTHOR


def test_a_lawyers_signature_in_brackets_cut_by_the_column_edge_closes_the_answer_above():
    page = segment_page("""\
■维权信箱

读者问：公司拖欠了我两个月
工资，我该怎么办？

律师答：职工可以先与公司协
商，协商不成的，可以向劳动
保障监察部门投诉。
（北京市某某律师事务
所律师 欧阳晓华）

欠薪了怎么办

昌平工会开展送清凉活动

本报讯（记者 王小明）近日，昌平区总工会为户外
劳动者送去了防暑降温用品，一千余名职工受益。
""")
    column, report = page.articles
    assert column.title == "欠薪了怎么办" and column.byline.authors == ["欧阳晓华"]
    # the signature, one line again, ends the text as printed
    assert column.paragraphs[-2].endswith("投诉。") and column.paragraphs[-1] == "（北京市某某律师事务所律师欧阳晓华）"
    assert report.title == "昌平工会开展送清凉活动"


def test_a_headline_and_its_dash_subtitle_run_into_the_next_reports_opening_are_cut_apart():
    kinds = [(line.display, line.kind) for line in classify_page(
        "早上六点，他已经来到项目部，开始一天的工作。\n"
        "骑手老王的一天 ——记朝阳区一名外卖骑手 本报讯 （记者 王小明）近\n"
        "日，朝阳区总工会在望京街道举办职工沟通会。\n")]
    displays = [d for d, _ in kinds]
    assert "骑手老王的一天" in displays and "——记朝阳区一名外卖骑手" in displays
    assert kinds[-2][1] == LineKind.NEWS_START and kinds[-2][0].startswith("本报讯")


def test_a_notice_run_on_under_a_report_is_cut_off_above_its_opening_down_to_its_sign_off():
    page = segment_page("""\
朝阳区总工会开展职工读书分享会

本报讯（记者 王小明）日前，
朝阳区总工会举办“书香职工”
读书分享活动，为基层职工书
屋配送新书一千册。

下一步，工会将总结经验做法，
在辖区范围内推广。

根据评选工作安排，经基层推
荐、审核评议，现将拟表彰名
单予以公示。公示期为11月5
日至11月25日。

北京燃气集团维修中心 苏婷怡
北京公联公司第三项目部 谭睿
中铁建工北京分公司检修车间 程芳杰

公示期间，如有异议，请以书
面形式向区总工会反映。
朝阳区总工会 2023年11月2
3日

关于2023年度朝阳区优秀工会工作者拟表彰名单的公示
""")
    report, notice = page.articles
    assert report.title == "朝阳区总工会开展职工读书分享会"
    assert report.paragraphs[-1].startswith("下一步")        # a closing word shares neither title's: the report's
    assert notice.title == "关于2023年度朝阳区优秀工会工作者拟表彰名单的公示"
    assert notice.paragraphs[0].startswith("根据评选工作安排")


def test_a_briefs_signature_cut_by_the_column_edge_closes_it_and_its_headline_under_it_is_its_own():
    page = segment_page("""\
■工会动态

连日来，海淀区总工会开办职
工子女暑期托管班，首批接收
职工子女两百名。托管班安排
了作业辅导和手工制作等课程。 （李
红）

海淀工会职工子女托管班开班

20日，石景山区总工会在项目
部举办职工沟通会，面对面倾
听职工诉求，工会逐条登记。

石景山工会沟通会开进项目部
""")
    first, second = page.articles
    assert first.title == "海淀工会职工子女托管班开班" and first.paragraphs[-1].endswith("课程。（李红）")
    assert second.title == "石景山工会沟通会开进项目部" and second.paragraphs[0].startswith("20日")


def test_classifieds_whose_number_the_column_edge_cut_open_an_ad_under_a_notice_that_keeps_its_title():
    page = segment_page("""\
朝阳区优秀工会积极分子拟表彰名单公示

根据评选工作安排，经基层推荐、
逐级审核，现将拟表彰人选予以公示。

公示期为5个工作日。如有异议，请
以书面形式向评选办公室反映，联系
电话：65001234。

评选工作领导小组办公室

分类广告 登报电话：
65009876

北京某某电力有限公司遗失营业
执照副本，声明作废。
""")
    notice, ad = page.articles
    assert notice.title == "朝阳区优秀工会积极分子拟表彰名单公示"
    assert notice.paragraphs[-1] == "评选工作领导小组办公室"
    assert ad.kind == "ad" and "遗失营业执照副本" in "".join(ad.paragraphs)


def test_a_readers_letter_closed_by_its_salutation_and_name_on_one_line_is_signed_by_the_reader():
    page = segment_page("""\
我想对工会说声谢谢

尊敬的编辑：
我是一家物流公司的货车司机。去
年冬天我生病住院，工会的同志
第一时间来看望我，送来了慰问金。

这是我和工友们的心里话。
此致 读者 王建华

朝阳区总工会开展送温暖活动

本报讯（记者 王小明）近日，朝阳区总工会走访慰问困难职工。
""")
    letter, report = page.articles
    assert letter.title == "我想对工会说声谢谢" and letter.byline.authors == ["王建华"]
    assert report.title == "朝阳区总工会开展送温暖活动"


def test_a_headline_wrapped_mid_word_at_the_column_edge_over_a_reports_opening_is_its_headline():
    page = segment_page("""\

海淀区总工会职工子女爱心托
管班开班
累计服务职工300人次

本报讯（记者王小明 通讯员李
红） 昨天，北京海淀区总工
会开办职工子女暑期爱心托管
班，安排了作业辅导、科普课
堂和手工制作等课程，首批接
收职工子女两百余名。

托管班由专业老师和志愿者共
同看护，每天提供午餐和午休
场所，家长们纷纷点赞。工会
相关负责人表示，今后将把这
项活动常态化开展下去，让更
多职工家庭受益。
""")
    [article] = page.articles
    assert article.title == "海淀区总工会职工子女爱心托管班开班"
    assert article.paragraphs[0].startswith("本报讯")


def test_what_the_reporter_learned_is_text_and_a_writer_surnamed_lai_xiao_or_yan_is_a_writer():
    kinds = {line.display: line.kind for line in classify_page(
        "本报讯（记者 王小明）近日，朝阳区总工会开展送清凉活动。\n记者了解到， 活动得到\n了辖区企业的积极响应。\n")}
    assert kinds["记者了解到， 活动得到"] != LineKind.BYLINE
    for name in ("赖小军", "萧一鸣", "阎立新"):
        page = segment_page(f"""\
■我身边的好工友
京南物业有限公司工会{name}
“只要需要，我随时都在”

作为社区的下沉干部，我被分到
了核酸检测点负责扫码登记。 早
上六点，我就到了点位，社区的
同事已经把桌椅摆好了。
""")
        assert page.articles[-1].byline.authors == [name]


def test_the_paragraph_over_a_bare_jump_marker_is_text_even_without_its_full_stop():
    page = segment_page("""\
朝阳区总工会送清凉进工地

本报讯（记者 王小明）近日，朝阳区总工会走进
建筑工地，为一线职工送去防暑降温用品和慰问
金。工会还设置了健康咨询台，医生为职工解答
了防暑方面的问题。

活动的开展进一步营造了关爱
职工的良好氛围

转第2版

本报讯（记者 李红）近日，海淀区总工会举办职
工书法展，百余件作品参展。
""")
    first = page.articles[0]
    assert first.title == "朝阳区总工会送清凉进工地"
    assert "关爱职工的良好氛围" in "".join(first.paragraphs)
    assert not any(a.title and "良好氛围" in a.title for a in page.articles)


def test_a_short_caption_set_wider_than_the_column_above_is_a_photo_of_its_own():
    # The report runs in a narrow column; the photo's caption under it (its title after its
    # credit) was read as one line a paragraph, far wider than that column could hold:
    # another piece, though too short for its own width to be measured.
    page = segment_page("""\
东城区总工会为快递员送清凉

本报讯（记者 王小明）近日，东城区总
工会走进快递站点，为一线快递员送
去防暑降温用品和慰问金。工会还设
置了健康咨询台，医生为快递员解答
了防暑方面的问题，发放宣传材料百
余份，受到快递员一致好评。

记者近日从西城区总工会获悉，该工会在辖区内新建的十处户外劳动者服务站日前投入使用，
环卫工人、快递员可以在站里歇脚、喝水、热饭。
本报记者 李红 摄

户外劳动者服务站投用
""")
    titles = [a.title for a in page.articles]
    assert titles == ["东城区总工会为快递员送清凉", "户外劳动者服务站投用"]
    report, photo = page.articles
    assert "服务站" not in "".join(report.paragraphs)
    assert "户外劳动者服务站" in "".join(photo.paragraphs)


def test_a_caption_set_wider_than_the_columns_beside_it_opens_with_text_not_a_headline():
    # The caption runs twice as wide as the reports around it, and a column break left a
    # blank line under its first line. That line is as many characters wide as the lines
    # under it: the same type, so text, where a headline in larger type would be fewer.
    page = segment_page("""\
朝阳区总工会为快递员送清凉

本报讯（记者 王小明）近日，朝阳区
总工会走进快递站点，为一线快递员
送去防暑降温用品和慰问金。工会还
设置了健康咨询台，医生为快递员解
答了防暑方面的问题，发放宣传材料
百余份，受到快递员一致好评。

由市总工会、市体育局主办的第八届北京市职工乒乓球

比赛（朝阳站）日前开赛，来自全区企事业单位的三百名
干部职工参加。据悉，举办这项赛事旨在推广科学健身理
念，满足广大职工不断增长的健身需要，丰富业余生活。
本报记者 李红 摄影报道

海淀区总工会开展读书月活动

本报讯（记者 张明）近日，海淀区
总工会启动职工读书月活动，为基
层职工书屋配送图书两千余册，并
邀请作家走进企业与职工座谈。
""")
    photo = next(a for a in page.articles if "朝阳站" in "".join(a.paragraphs))
    assert photo.title != "由市总工会、市体育局主办的第八届北京市职工乒乓球"
    assert "".join(photo.paragraphs).startswith("由市总工会、市体育局主办的第八届北京市职工乒乓球比赛")


def test_a_boxed_signature_the_column_edge_cut_over_three_lines_signs_the_letter_and_ends_it():
    # The reader's unit and name after the box run over the column's edge onto two more
    # lines; read back whole, they sign the letter, and the next letter's kicker and
    # headline head a piece of their own.
    page = segment_page("""\
读报有感

我在一家物流公司做工会干事，起初
只是按规定订阅这份报纸。几年下来，
从随手翻翻到每期必读，它讲的都是
身边人的故事，我越读越觉得亲切。

这份报纸，我会一直读下去，从中汲
取，学方法，学本领。 □朝阳区某物
流公司工会 孙晓
梅

职工心声

食堂的那碗热汤
晚上九点多，车间主任才从现场回来，
顾不上换下工装，就坐到桌前翻看当
天的记录。食堂师傅给他端来一碗热
汤面。我用手机拍下了这一幕。
□李明
""")
    letter = page.articles[0]
    assert letter.title == "读报有感"
    assert letter.byline.authors == ["孙晓梅"]
    assert "食堂" not in "".join(letter.paragraphs)
    assert any(a.title == "食堂的那碗热汤" and "热汤面" in "".join(a.paragraphs) for a in page.articles)


def test_a_speck_read_as_a_box_mark_after_a_column_break_mid_sentence_is_no_banner():
    # The column break left a blank line inside a sentence, and the OCR read a speck at the
    # head of the next line as ■. The line goes on with the sentence (its closing quote
    # and all): one caption, not a banner over a piece of its own.
    page = segment_page("""\
图书进工地

2月8日，在朝阳区某建筑工地的职工
书屋，钢筋工老陈正翻看一本菜谱。春
节将至，区总工会给工地送来新书，还
组织开展“就地过年

■也温暖”职工线上读书分享活动，
让不回老家的工友们也能过个书香
年，在工地上过一个热闹的春节。
本报记者 李红 摄
""")
    assert len(page.articles) == 1
    caption = "".join(page.articles[0].paragraphs)
    assert "也温暖”职工线上读书分享活动" in caption and "图书进工地" == page.articles[0].title
    assert page.articles[0].column is None


def test_a_photo_report_set_narrower_than_the_column_opener_above_it_is_a_piece_of_its_own():
    # A column's opening words, then a photo report closed by its 摄影报道 credit, in a
    # narrower column and opening on no date: the width alone says where the photo begins.
    page = segment_page("""\
开栏语

今年是全国总工会成立一百周年，本报
今起开设“劳模风采”专栏，走近一线劳
动者，讲述他们在平凡岗位上的坚守与
执着。我们希望通过一个个普通人的故
事，让更多读者看到劳动的分量，也看
到奋斗者脸上的笑容。

二月二，龙抬头。前天，在
某路桥公司项目部的院内，
理发师傅在给工人理发，旁
边还有三十余名工人排队等
候。工地离城区远，工人们
很难抽空去理发店，工会便
把理发师请到了项目部。
本报记者 李红 摄影报道

定格美好
""")
    opener = next(a for a in page.articles if "劳模风采" in "".join(a.paragraphs))
    assert "理发" not in "".join(opener.paragraphs)
    photo = next(a for a in page.articles if "理发" in "".join(a.paragraphs))
    assert photo.kind == "photo" and photo.byline.photographers == ["李红"]


def test_a_photo_title_left_over_under_a_report_takes_the_caption_that_ran_on_into_it():
    # The photo's caption is set in the report's own column, straight under it, and its
    # title is printed after it: the title is left for no body unless the caption, opening
    # as a lede does, is cut from the report.
    page = segment_page("""\
西城区总工会把饺子送进地铁工地

本报讯（记者 王小明）近日，西城区总
工会走进地铁施工现场，为一线建设者
送去热腾腾的饺子和慰问品。工会负责
人表示，今年的慰问活动以走访、慰问、
服务为总原则，覆盖辖区百余家企业的
一线职工。

近日，本市开展根治欠薪集中接访日活
动，现场受理并解决拖欠农民工工资问
题，为两千多名农民工追发工资。

点评：农民工的工资，就是全家老小的
生计，解决好欠薪问题，才能让他们安
心过年。

身身边边的的温温暖暖
""")
    report = next(a for a in page.articles if a.title == "西城区总工会把饺子送进地铁工地")
    assert "欠薪" not in "".join(report.paragraphs)
    photo = next(a for a in page.articles if a.title == "身边的温暖")
    assert "".join(photo.paragraphs).startswith("近日，本市开展根治欠薪") and "点评" in "".join(photo.paragraphs)


def test_a_header_naming_the_pages_campaign_is_page_furniture_and_dates_the_page():
    # The page's section is a campaign's name of seven characters (我为职工办实事).
    text = "04 我为职工办实事 2023年5月8日 星期一\n\n" + BRIEFS
    page = segment_page(text)
    assert [t for _, t in page.page_furniture] == ["04 我为职工办实事 2023年5月8日 星期一"]
    assert printed_header(text) == ("2023-05-08", "4")
    assert not any(a.title and "星期一" in a.title for a in page.articles)


def test_a_headline_after_a_report_whose_last_quote_the_ocr_spaced_off_is_its_headline():
    # …工作心态。 ” : the OCR set a space between the full stop and the closing quote; the
    # sentence is finished all the same, and the line under it is the report's headline.
    page = segment_page("""\
本报讯（记者 王小明）近日，大兴区总
工会组织千余名职工参加健步走活动。
企业工会负责人告诉记者，工会鼓励职
工利用业余时间多运动，“身体练好了，
干起活来才更有精神头，心情也更舒
畅。 ”
 大兴区千余名职工健步走展风采

""" + NEXT_REPORT)
    assert page.articles[0].title == "大兴区千余名职工健步走展风采"


def test_a_headline_wrapped_mid_word_straight_under_the_last_sentence_is_the_reports():
    # No blank line parts the headline from the report's last sentence, and the column's
    # edge cut a word of it (总工 / 会); neither of its lines fills the column, as the first
    # line of a paragraph would.
    page = segment_page("""\
本报讯（记者 王小明）近日，平谷
区某镇总工会新建的“爱心母婴室”
投入使用。母婴室设在镇政府办公
楼一层，面积约二十平方米，配有
沙发、冰箱、温奶器、洗手池和一
张折叠护理台。镇总工会负责人说，
今后还将在辖区企业推广建设，让
女职工在哺乳期有一个安心舒适的
“小空间”。
平谷某镇总工
会母婴室投入使用
""")
    assert page.articles[0].title == "平谷某镇总工会母婴室投入使用"


def test_a_headline_wrapped_over_its_count_keeps_it_under_a_subtitle():
    # 覆盖 / 36名职工: the column edge broke the headline before the count its verb reached,
    # and a subtitle stands straight under the two lines.
    page = segment_page("""\
京能集团工会“冬送温暖”覆盖
36名职工
4项举措惠及97名职工

本报讯（记者 王小明）近日，京能集团
工会开展“冬送温暖”活动，走访慰问
困难职工36名，送去慰问金和生活用品。
""")
    article = page.articles[0]
    assert sorted([article.title, *article.subtitles]) == sorted(["京能集团工会“冬送温暖”覆盖36名职工", "4项举措惠及97名职工"])


def test_a_photo_report_opening_on_what_the_reporter_learned_under_an_essay_is_its_own():
    # An essay ends; a photo report follows in the same column, opening on what the reporter
    # learned (记者近日从…获悉) and closed by its 摄影报道 credit, its title after it.
    page = segment_page("""\
车间的灯
那时我刚进厂，什么都不懂，是师
傅一点一点把我带出来的。很多年
过去了，我仍然记得那种机油混着
铁屑的味道。

工友们给我起了个外号叫“小快手”，
我一直叫到现在。

记者近日从大兴区总工会获悉，该
工会组织的消防应急疏散演练已惠
及二十余名建筑工人。
本报记者 李红 摄影报道
建建筑筑
工工人人练练本本领领
""")
    essay = next(a for a in page.articles if a.title == "车间的灯")
    assert "演练" not in "".join(essay.paragraphs)
    photo = next(a for a in page.articles if "演练" in "".join(a.paragraphs))
    assert photo.title == "建筑工人练本领" and photo.kind == "photo"


def test_a_photo_title_in_doubled_type_under_a_credit_is_that_photos_even_run_into_the_next_piece():
    # The photo's title is printed under the credit that closes its caption, and the OCR ran
    # it into the next brief's first line: it is the photo's, though it shares no word
    # with either text.
    page = segment_page("""\
13日，北京市商业工会邀
请心理咨询师走进施工现场，
为职工开展心理健康讲座。

通讯员 贺娜 摄

工工地地上上的的一一堂堂课课 近日，北京市财贸工会开
展新就业形态劳动者集中入
会活动，吸纳货车司机入会
百余人。
""")
    photo = next(a for a in page.articles if "商业工会" in "".join(a.paragraphs))
    assert photo.title == "工地上的一堂课"


@pytest.mark.parametrize("cut", ["值夜班时常常会\n\n遇到", "值夜班时常常\n\n会遇到"])
def test_a_column_break_after_an_adverb_leaves_no_headline_mid_sentence(cut):
    # …值夜班时常常会 / (column break) / 遇到…, or …常常 / 会遇到…: the line fills its
    # column and ends on an adverb (or 会 after one), which wants its verb; the sentence
    # goes on below the break.
    page = segment_page(f"""\
夜班车间里的热汤面

已经是夜里十一点多了，车间里
的机器还在轰隆隆地转。班长把
保温桶放在工作台上，招呼大家
趁热吃一碗面。

装配线上的年轻工人{cut}各种急活，但他们从不叫苦。看
着大家埋头吃面的样子，我拍下
了这一幕。
□林小雨
""")
    assert len(page.articles) == 1
    assert "常常会遇到各种急活" in "".join(page.articles[0].paragraphs)


def test_a_credit_the_column_edge_cut_inside_a_name_credits_the_whole_name_and_ends_the_photo():
    page = segment_page("""\
心理讲座进快递站

近日，石景山区总工会邀请心理咨询
师走进快递站点，为职工开展心理健
康讲座。不少职工表示，讲座内容实
用，学到了调节情绪的小窍门。

本报记者 杨娜 通讯员 周
然晖 摄影报道

""" + NEXT_REPORT)
    photo = page.articles[0]
    assert photo.kind == "photo"
    assert "周然晖" in photo.byline.photographers + photo.byline.correspondents
    assert "海淀区" not in "".join(photo.paragraphs)


def test_the_papers_hotline_and_mailbox_at_a_pages_foot_are_furniture_not_a_piece():
    page = segment_page(BRIEFS + "\n新闻热线：63523155\n\n本版邮箱：news@example.cn\n")
    assert [t for _, t in page.page_furniture] == ["新闻热线：63523155", "本版邮箱：news@example.cn"]
    assert not any("热线" in "".join(a.paragraphs) or "邮箱" in "".join(a.paragraphs) for a in page.articles)
    # An advertisement's number for placing a notice is the advertisement's own.
    assert not segment_page(BRIEFS + "\n登报热线：60419865\n").page_furniture


def test_a_headline_wrapped_before_the_month_of_its_campaign_is_one_headline_over_its_brief():
    # 东城工会启动安全生产 / 月活动: the column edge cut 安全生产月 before 月, which ends the
    # campaign's name and begins nothing; the brief under it is its own piece.
    page = segment_page("""\
2月8日，顺义区总工会开展“夏送清凉”慰问活动，为坚守高温一线的网约车司机送去西瓜和防暑用品。（邵菲）

东城工会启动安全生产
月活动

25日，东城区总工会启动“安全生产月”系列活动，组织职工开展安全隐患排查。（李红）
""")
    brief = next(a for a in page.articles if "东城区" in "".join(a.paragraphs))
    assert brief.title == "东城工会启动安全生产月活动"
    assert "顺义" not in "".join(brief.paragraphs)


@pytest.mark.parametrize("upper, lower", [
    ("海淀工会“双", "联系双报到”夯实防控力量"),          # a quote opened on one line closes on the next
    ("北京经济技术开发区1700", "余名职工健走展风采"),   # a number, and what it counts
])
def test_a_headline_set_in_two_lines_across_a_quote_or_a_count_is_one_headline(upper, lower):
    page = segment_page(f"""\
{upper}
{lower}

本报讯（记者 王小明）近日，海淀区各街道工会组织职工开展健步走活动，千余名职工参加。
""")
    assert page.articles[0].title == upper + lower


def test_a_short_photo_title_the_ocr_ran_into_the_next_reports_opening_is_a_line_of_its_own():
    page = segment_page("""\
近日，东城区总工会为坚守一线的环卫工人送去防暑降温用品。
本报记者 李红 摄影报道

身边的温暖 本报讯（记者 王小明）8月21日，海淀区总工会启动职工读书月活动，为基层职工书屋配送图书两千余册。
""")
    report = next(a for a in page.articles if "读书月" in "".join(a.paragraphs))
    assert "".join(report.paragraphs).startswith("本报讯")
    assert not any("身边的温暖" in "".join(a.paragraphs) for a in page.articles)


def test_a_credit_whose_name_the_ocr_spaced_out_credits_the_photographer_and_heads_nothing():
    page = segment_page("""\
通州区工会界别委员走进转运专班送关怀

本报讯（记者 王小明）近日，通州区政协工会界别委员走进一个转运专班，为一线工作者送去保温杯和护手霜。

委员们与专班人员一一交谈，仔细询问他们在工作和生活上的难处。
赵 思 远 摄
""")
    report = page.articles[0]
    assert report.title == "通州区工会界别委员走进转运专班送关怀"
    assert report.byline.photographers == ["赵思远"]
    assert kinds_of("赵 思 远 摄") == LineKind.CREDIT


def kinds_of(text: str) -> LineKind:
    return classify_page(text + "\n")[0].kind


def test_a_line_opening_a_pair_of_clauses_it_does_not_close_is_text_broken_by_a_column():
    # 本届大赛不但保留了焊工 / (column break) / 和电工等传统项目，还…: 不但 wants its 还, which
    # comes under the break; a headline says its whole, even one that fills its column
    # (and the photo credit closing the text keeps the break from being mended as a paragraph).
    page = segment_page("""\
门头沟区职工技能大赛闭幕

本报讯（记者 王小明）近
日，门头沟区职工技能大
赛闭幕，来自全区二十余
家单位的一百六十名选手
参加了八个项目的比拼，
四十人获得“技术能手”
称号。

本届大赛不但保留了焊工

和电工等传统项目，还首
次加入了民宿管家、咖啡
调制等新项目。
本报记者 李红 摄
""")
    assert len(page.articles) == 1
    assert "不但保留了焊工和电工等传统项目" in "".join(page.articles[0].paragraphs)


def test_a_readers_letter_opening_on_its_salutation_under_an_essay_is_a_piece_of_its_own():
    # The essay ends; the letter opens on its salutation alone on a line, and its kicker and
    # title are printed after it, as the column sets them.
    page = segment_page("""\
□王明
老厂房的记忆

那条路我走了很多年，闭着眼睛都知
道哪里有个坑。我把这些年的工作笔
记整整齐齐码在书架上。

母亲总是在灯下等我回家，桌上的饭
菜热了一遍又一遍。

尊敬的编辑：

我是一家供热公司的环卫工人。前些
日子，区总工会为我们开展安全生产
月主题活动，我想通过贵报表达谢意。

此致
读者 袁铁柱
职职工工心心声声
一封来自工地的信
""")
    essay = next(a for a in page.articles if "书架" in "".join(a.paragraphs))
    assert "尊敬的编辑" not in "".join(essay.paragraphs)
    letter = next(a for a in page.articles if "尊敬的编辑" in "".join(a.paragraphs))
    assert "一封来自工地的信" in [letter.title, *letter.subtitles]


def test_a_letter_signed_by_its_reader_after_its_last_sentence_ends_there():
    # …盼复。读者 赵雨桐: the reader signs on the last line of the letter, which ends there:
    # the poem under it (its writer's line, its title, its verse) is none of the letter's.
    page = segment_page("""\
■读者来信
感谢工会的“及时雨”

编辑同志：

我是一家出版集团的困难职工。最近我遇到一件烦心事，想请报社帮忙问一问。

盼复。读者 赵雨桐


□吕强
夜班的灯

把春天砌进墙里

老师傅的皱纹里有光

黎明前的街道最安静
""")
    letter = next(a for a in page.articles if "编辑同志" in "".join(a.paragraphs))
    assert letter.byline.authors[0] == "赵雨桐"
    assert "".join(letter.paragraphs).endswith("盼复。读者赵雨桐") and "春天" not in "".join(letter.paragraphs)


@pytest.mark.parametrize("counted, rest", [("彭子涵是长城仪表集团的一名", "钳工"),
                                          ("车间读书会上每位职工领到的一份", "礼物")])
def test_a_line_ending_on_one_of_a_kind_with_nothing_counted_is_text(counted, rest):
    # …集团的一名 / 钳工, …领到的一份 / 礼物: 一名, 一份 want what they count; the line is the
    # feature's text, cut by the column, not a headline between two of its parts.
    page = segment_page(f"""\
奋斗者 正青春
彭子涵：把“不可能”变成“能”

本报记者 王小明

在平谷区的一座车间里，记者见到了彭
子涵，他正蹲在设备旁忙碌。

{counted}

{rest}，从业已经十八年。刚进厂时，他
连图纸都看不懂，下班后就抱着书本一
页页地啃。
""")
    assert len(page.articles) == 1
    assert counted[-3:] + rest in "".join(page.articles[0].paragraphs)


def test_a_kicker_and_headline_run_into_the_next_reports_opening_end_the_report_above():
    # The OCR read the report's kicker and headline (after its text) and the next report's
    # opening as one line; the next report opens there, not inside the one above.
    page = segment_page("""\
本报讯（记者 董明）8日，房山区总工会召开职工代表大会，审议通过了集体合同。

今后，工会还将结合职工需求，开展更多形式多样的服务活动。

落实全会精神 服务首都发展 房山工会召开职工代表大会 本报讯（记者 卢艳）近日，昌平区总工会启动“安全生产月”系列活动，组织职工开展安全隐患排查。

下一步，区总工会将继续深化服务内容。

昌平区总工会启动安全生产月活动
""")
    first = next(a for a in page.articles if "职工代表大会，审议" in "".join(a.paragraphs))
    assert "昌平" not in "".join(first.paragraphs)
    second = next(a for a in page.articles if "昌平区总工会启动“安全生产月”" in "".join(a.paragraphs))
    assert "".join(second.paragraphs).startswith("本报讯")


def test_a_headline_over_the_papers_number_for_placing_notices_is_no_advertisements_copy():
    # 登报热线 heads the paper's classifieds and has no copy of its own; the headline printed
    # over it (after its report's text) is the report's.
    page = segment_page("""\
本报讯（记者 王小明）近日，丰台区总工会组织劳模与青年职工结成师徒对子，签订了传帮带协议。

劳模带徒传技艺
登报热线：63603552
""")
    report = page.articles[0]
    assert report.title == "劳模带徒传技艺"
    assert not any(a.kind == "ad" and a.title == "劳模带徒传技艺" for a in page.articles)


def test_a_long_unbylined_story_under_a_short_heading_after_a_report_is_an_article_of_its_own():
    # A photo story prints no byline. Its heading sits between a finished report and its
    # text like a subhead, but the text goes on as long as a report and names none of the
    # people or things the report above names: the next article.
    page = segment_page("""\
本报讯（记者 王小明）近日，丰台区总工会在卢沟桥街道举办职工乒乓球联赛，来自辖区二十家企业的一百二十名职工参加比赛。

比赛分为男子单打、女子单打和混合双打三个项目，经过两天角逐，中铁建工代表队获得团体冠军。

区总工会相关负责人表示，今后还将定期举办各类体育赛事，丰富职工业余生活。

雪后公园里的守护者

清晨六点，天色还暗着，颐和园东门外的积雪已经被扫出一条窄窄的小路。养护班的老周拿着铁锹，一边铲雪一边撒融雪剂，额头上冒出细细的汗珠。

“游客一早就来看雪景，路要赶在开门前清出来。”老周说，他在园里干了二十三年，每逢下雪，班里的师傅们都要提前两个小时到岗。

上午九点，第一批游客走进园门，踩着清扫干净的步道拍照留念。长廊边，几位年轻的养护工正用竹竿轻轻敲落松枝上的积雪，防止树枝被压断。

午饭时间，大家围坐在值班室里，吃着热腾腾的饺子。窗外的昆明湖白茫茫一片，远处的十七孔桥在阳光下格外好看。
""")
    story = next(a for a in page.articles if "颐和园东门" in "".join(a.paragraphs))
    assert story.title == "雪后公园里的守护者"
    assert "乒乓球" not in "".join(story.paragraphs)
    report = next(a for a in page.articles if "乒乓球" in "".join(a.paragraphs))
    assert "颐和园" not in "".join(report.paragraphs)


def test_a_short_section_under_a_heading_stays_in_its_report():
    # 相关链接: a few lines under a heading that go on with the report's subject.
    page = segment_page("""\
本报讯（记者 王小明）近日，丰台区总工会在卢沟桥街道举办职工乒乓球联赛，来自辖区二十家企业的一百二十名职工参加比赛。

区总工会相关负责人表示，今后还将定期举办各类体育赛事，丰富职工业余生活。

相关链接

全区各级工会去年共举办职工乒乓球、羽毛球等体育赛事四十余场，参与职工一万余人次。
""")
    assert len(page.articles) == 1


FRAMED = """\
石景山区总工会为快递员送上冬衣

本报讯（记者 王小明）近日，石景山区总工会走进辖区快递网点，为一线快递员送上羽绒服和保温杯，共惠及快递员三百余人。

区总工会负责人介绍，今年以来，全区已建成快递员暖心驿站十二家，为快递员提供饮水、休息和手机充电服务。

凌晨四点的面包房里，烤箱已经亮起暖黄的灯。学徒小刘揉着面团，师傅老秦在一旁盯着火候，时不时提醒他手腕再用点力。

老秦做了三十年面点，带出的徒弟遍布城里各家老字号。他说，手艺没有捷径，全靠一遍遍地练。 □赵小燕

三十年揉出一块好面
"""


def test_a_piece_signed_at_its_foot_run_on_under_a_report_ends_the_report():
    # The report's headline stands over it; the piece the OCR ran on under it has no
    # byline, and its headline is printed after its text. Each headline keeps to its own
    # paragraphs: two articles, cut where the wording changes.
    page = segment_page(FRAMED)
    report = next(a for a in page.articles if "快递网点" in "".join(a.paragraphs))
    assert report.title == "石景山区总工会为快递员送上冬衣"
    assert "面包房" not in "".join(report.paragraphs)
    piece = next(a for a in page.articles if "面包房" in "".join(a.paragraphs))
    assert piece.title == "三十年揉出一块好面"
    assert "".join(piece.paragraphs).startswith("凌晨四点")
    explained = "\n".join(segment_page(FRAMED, explain=True).explanation)
    assert "two headlines each keep to their own part" in explained


def test_a_report_whose_headline_is_printed_over_it_and_after_it_stays_whole():
    page = segment_page(FRAMED.replace("三十年揉出一块好面", "石景山区总工会为快递员送上冬衣")
                        .replace("凌晨四点的面包房里，烤箱已经亮起暖黄的灯。学徒小刘揉着面团，师傅老秦在一旁盯着火候，时不时提醒他手腕再用点力。",
                                 "驿站里，快递员小刘捧着热水说，冬天跑件最怕冷，有了工会送的羽绒服，心里也暖和。")
                        .replace("老秦做了三十年面点，带出的徒弟遍布城里各家老字号。他说，手艺没有捷径，全靠一遍遍地练。 □赵小燕",
                                 "下一步，区总工会还将为快递员开展免费体检。"))
    [report] = [a for a in page.articles if a.paragraphs]
    assert "免费体检" in "".join(report.paragraphs)


@pytest.mark.parametrize("speck", [" '", "丨", " ·"])
def test_a_speck_after_a_reports_last_full_stop_leaves_its_sentence_finished(speck):
    # The OCR read a speck after the last full stop; the sentence is finished all the same,
    # so the headline printed under the report is its headline, not text running on.
    page = segment_page(f"""\
本报讯（记者 王小明）近日，顺义区总
工会为辖区快递员送去护膝和保温杯，
并开通了职工法律咨询热线。{speck}

顺义工会为快递员送护膝

{NEXT_REPORT}""")
    assert page.articles[0].title == "顺义工会为快递员送护膝"


def test_a_photo_caption_opening_on_this_week_under_a_report_is_the_photos():
    # The caption printed straight under a brief opens as captions do (本周，…) and is
    # closed by the photo's credit; the photo's title stands after it.
    page = segment_page("""\
职工合理化建议征集启动

新华社北京3月2日电（记者 孙立）
日前，市总工会启动职工合理化建
议征集活动，首批收到建议三十条。
本周，消防员在西城区一处社区为居民讲解灭火器的使用方法。据了解，宣传活动将持续到月底。

新华社记者 周丽 摄

消消防防知知识识进进社社区区
""")
    brief = next(a for a in page.articles if "合理化建议" in "".join(a.paragraphs))
    assert "灭火器" not in "".join(brief.paragraphs)
    photo = next(a for a in page.articles if "灭火器" in "".join(a.paragraphs))
    assert photo.title == "消防知识进社区" and photo.kind == "photo"


def test_a_headline_wrapped_between_a_verb_and_where_it_sends_is_one_headline():
    # 送 / 进…: the column's edge parted a verb of one character from its complement; the
    # two lines are one headline, not a kicker over it.
    page = segment_page("""\
本报讯（记者 王小明）近日，丰台区总
工会把热乎乎的汤圆送到一处地铁施
工现场，与建设者共度元宵节。

丰台工会元宵汤圆送
进地铁施工现场

""" + NEXT_REPORT)
    assert page.articles[0].title == "丰台工会元宵汤圆送进地铁施工现场"


def test_the_end_of_a_doubled_title_run_into_the_next_line_ends_the_title():
    # The photo's title in doubled type is set in two lines, and the OCR ran its second
    # (two pairs only) into the first line of the text under it.
    page = segment_page("""\
近日，石景山区总工会组织劳模走进一
处快递站点，为快递员义务修理电动车。
通讯员 钱进 摄影报道

快快递递员员的的
一一天天 这 个 夏 天 ， 某 医 院 工 会 第 五 次 为 职 工 子 女 办 起 了 托 管 班 。
据了解，托管班设在医院的活动中心，每天有两名老师带孩子们写作业、做手工。
""")
    assert any(a.title == "快递员的一天" for a in page.articles)
    tail = next(a for a in page.articles if "托管班" in "".join(a.paragraphs))
    assert "".join(tail.paragraphs).startswith("这个夏天")


def test_a_notice_signed_with_its_issuer_and_a_date_the_column_cut_is_one_notice():
    # 北京市总工会 2022年6月25 / 日: the sign-off and the rest of its date close the notice;
    # neither is a headline nor a piece of its own, and the notice is no photo for its
    # title's big type.
    page = segment_page("""\
关关于于东东城城区区先先进进职职工工之之家家
拟拟命命名名名名单单的的公公示示

经基层推荐、审核评议，现将拟
命名名单予以公示。公示期为3
月1日至3月7日。拟命名单位共12
家，名单详见区总工会网站。

公示期间，如有异议，请以书面
形式向区总工会反映。

东城区总工会 2024年2月28
日

本报讯（记者 王小明）近日，海淀区总工
会启动职工读书月活动，为基层职工书
屋配送图书两千余册。
""")
    notice = next(a for a in page.articles if "公示期间" in "".join(a.paragraphs))
    assert notice.title == "关于东城区先进职工之家拟命名名单的公示"
    assert notice.kind == "news"
    assert "".join(notice.paragraphs).endswith("东城区总工会2024年2月28日")
    assert len(page.articles) == 2


def test_a_headline_ending_on_a_firms_numbered_department_is_a_headline():
    # 运营一部 is a department, not a count wanting its noun (一份 / 礼物).
    page = segment_page("""\
本报讯（记者 王小明）近日，某轨道公司工会走进运营一部，为女职工
开展权益保护宣传，发放宣传手册两百余份。

女职工权益保护宣传进某轨道公司运营一部

""" + NEXT_REPORT)
    assert page.articles[0].title == "女职工权益保护宣传进某轨道公司运营一部"


def test_a_boxed_section_banner_after_a_report_heads_the_briefs_under_it():
    # ■短讯 between a finished report and a brief with no byline is the briefs' banner, not
    # a subhead of the report: the brief under it is a piece of its own.
    page = segment_page("""\
本报讯（记者 王小明）近日，丰台区总工会为辖区快递员送去防暑降温用品四百余份。

活动受到职工一致好评。

■ 短讯

5月12日上午，职工消防疏散演练在石景山区某物流园举行，三百余名职工参加。

""" + NEXT_REPORT)
    report = next(a for a in page.articles if "防暑降温" in "".join(a.paragraphs))
    assert "消防" not in "".join(report.paragraphs)
    assert any("".join(a.paragraphs).startswith("5月12日上午") for a in page.articles)


def test_an_advertisement_whose_number_stands_beside_a_few_words_is_one_advertisement():
    # 二十四小时服务 45837895: the contact line of the copy over it, which is no headline.
    page = segment_page(NEXT_REPORT + """
管道疏通 找顺达家政公司
二十四小时服务 62345678
""")
    ad = next(a for a in page.articles if "62345678" in "".join(a.paragraphs))
    assert ad.kind == "ad" and ad.title is None
    assert "管道疏通" in "".join(ad.paragraphs)


def test_a_list_that_the_next_line_goes_on_with_an_ellipsis_is_text():
    # 焊工、 电工、钳工 / ……这是…: the ellipsis goes on with the list above it, which is the
    # sentence's start, not a headline standing apart.
    page = segment_page("""\
本报讯（记者 王小明）近日，某建
筑公司工会为一线职工送去防暑
降温用品。

焊工、 电工、钳工
……这是一群奋战在工地一线的
职工，他们每天在高温下作业。
""")
    assert len(page.articles) == 1
    assert "钳工……这是一群" in "".join(page.articles[0].paragraphs)
