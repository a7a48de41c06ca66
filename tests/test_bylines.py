from sitegen.bylines import (
    find_credit,
    is_author_line,
    parse_author_line,
    parse_credit,
    parse_news_byline,
    parse_reporter_line,
)


def test_news_byline_with_reporter_and_correspondent():
    b = parse_news_byline("本报讯 （记者 陈曦 通讯员 牛亚乐） 近日， 陶然亭")
    assert (b.reporters, b.correspondents) == (["陈曦"], ["牛亚乐"])


def test_news_byline_spaced_out_by_ocr():
    assert parse_news_byline("本报讯 （记 者 白 莹 ） “我在").reporters == ["白莹"]


def test_news_byline_half_width_and_two_correspondents():
    b = parse_news_byline("本报讯(记者任洁 通讯员于莲洁 刘玉娟)北京师范大学")
    assert b.reporters == ["任洁"] and b.correspondents == ["于莲洁", "刘玉娟"]


def test_correspondent_only():
    b = parse_news_byline("本报讯 （通讯员 彭婷 ） 当")
    assert b.reporters == [] and b.correspondents == ["彭婷"]


def test_not_a_byline():
    assert parse_news_byline("本报记者昨天获悉") is None


def test_photo_report_credits_reporters_and_photographers():
    line = "对车队垃圾分类情况进行检查。本报记者 盛丽 通讯员 孙艳秋 摄影报道"
    start = find_credit(line)
    assert line[start:] == "本报记者 盛丽 通讯员 孙艳秋 摄影报道"
    names, photo_report = parse_credit(line[start:])
    assert photo_report
    assert names.reporters == ["盛丽"] and names.correspondents == ["孙艳秋"]
    assert names.photographers == ["盛丽", "孙艳秋"]


def test_credit_without_role_is_photographer_only():
    names, photo_report = parse_credit("万玉藻 摄影报道")
    assert photo_report and names.photographers == ["万玉藻"] and names.reporters == []


def test_bare_she_credits_the_photographer_only():
    names, photo_report = parse_credit("本报记者 彭程 摄")
    assert not photo_report and names.photographers == ["彭程"] and names.reporters == []


def test_the_word_she_inside_text_is_no_credit():
    assert find_credit("大家一起进行拍 摄") is None
    assert find_credit("参加摄影比赛") is None


def test_author_line():
    assert is_author_line(" 市服务工会 冯显亮") and parse_author_line(" 市服务工会 冯显亮") == ["冯显亮"]
    assert is_author_line("北京市金融工会副主席 鞠万春")
    assert not is_author_line("同心抗疫 工会在行动")
    assert not is_author_line("一包粽子 托起沉甸甸的信任")


def test_a_byline_on_its_own_line():
    def roles(line):
        b = parse_reporter_line(line)
        return b and (b.reporters, b.correspondents, b.photographers, b.authors)

    assert roles("本报记者 李四") == (["李四"], [], [], [])
    assert roles("文/本报记者 李四") == (["李四"], [], [], [])
    assert roles("本报记者 李四 通讯员 王五") == (["李四"], ["王五"], [], [])
    assert roles("文/李四 图/王五") == ([], [], ["王五"], ["李四"])
    assert roles("记者 张 晶 实习生 李明") == (["张晶", "李明"], [], [], [])
    assert roles("（本报记者 李四 通讯员 王五）") == (["李四"], ["王五"], [], [])
    # a photo credit, a sentence, a unit's author line are not
    for line in ("本报记者 周美玉 摄影报道", "本报记者 彭程 摄", "记者昨天从朝阳区总工会获悉", "市服务工会 冯显亮", "记者 一"):
        assert parse_reporter_line(line) is None


def test_an_intern_is_a_reporter_not_a_name():
    assert parse_news_byline("本报讯（记者 张晶 实习生 李明）近日").reporters == ["张晶", "李明"]


def test_a_credit_in_brackets():
    assert find_credit("（本报记者 彭程 摄）") == 0
    assert find_credit("图为职工在参加比赛。（本报记者 彭程 摄）") == 10
    names, photo_report = parse_credit("（万玉藻 摄影报道）")
    assert (names.photographers, photo_report) == (["万玉藻"], True)
    assert find_credit("本报记者 彭程 摄）") is None           # brackets come in pairs


def test_datelines_and_wire_stories_open_reports():
    from sitegen.bylines import starts_news_byline

    assert parse_news_byline("本报北京11月18日电（记者 张晶） 近日").reporters == ["张晶"]
    assert parse_news_byline("新华社北京11月18日电（记者 张三 李四）").reporters == ["张三", "李四"]
    assert starts_news_byline("据新华社电 国务院日前印发通知")
    for sentence in ("新华社记者昨天获悉", "新华社记者日前电话采访了他"):
        assert not starts_news_byline(sentence)
