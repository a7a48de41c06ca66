"""Cutting pages into articles and giving each its headline."""

from sitegen.blocks import LineKind, classify_page
from sitegen.segmentation import segment_page

REPORT_A = """本报讯 （记者 陈曦 通讯员
牛亚乐） 近日， 陶然亭街道总工
会联合辖区企业召开防疫安全
会， 持续夯实疫情防控和安全生
产。

安全会上， 陶然亭街道总工
会工作人员首先组织与会人员进
行安全生产月知识学习和答卷活
动， 进一步提升大家对安全生产
的理解和认识。"""

REPORT_B = """本报讯 （记者 边磊 ）东城
区总工会近日召开生活垃圾分
类工作部署会， 向全区各街道
总工会、 直属基层工会下发了
方案， 详细部署了此项工作。

据了解， 东城区总工会成
立了专项工作领导小组，推出9
项举措统筹推动垃圾分类工
作。"""


def titles(page):
    return [(a.kind, a.title) for a in segment_page(page).articles]


def test_headline_printed_after_its_body_goes_back_to_it():
    page = f"{REPORT_A}\n\n陶然亭工会构建疫情防线\n\n{REPORT_B}\n\n东城工会9项举措推动垃圾分类\n"
    assert titles(page) == [("news", "陶然亭工会构建疫情防线"), ("news", "东城工会9项举措推动垃圾分类")]


def test_headline_printed_before_its_body():
    page = f"陶然亭工会构建疫情防线\n{REPORT_A}\n\n东城工会9项举措推动垃圾分类\n\n{REPORT_B}\n"
    assert titles(page) == [("news", "陶然亭工会构建疫情防线"), ("news", "东城工会9项举措推动垃圾分类")]


def test_headlines_swapped_far_from_their_bodies_follow_what_they_share():
    page = f"{REPORT_A}\n\n{REPORT_B}\n\n东城工会9项举措推动垃圾分类\n\n陶然亭工会构建疫情防线\n"
    assert titles(page) == [("news", "陶然亭工会构建疫情防线"), ("news", "东城工会9项举措推动垃圾分类")]


def test_kicker_before_and_main_headline_after():
    page = f"街道工会联合企业召开防疫安全会\n\n{REPORT_A}\n\n陶然亭工会构建疫情防线\n"
    (article,) = segment_page(page).articles
    assert article.title == "陶然亭工会构建疫情防线"
    assert article.subtitles == ["街道工会联合企业召开防疫安全会"]


def test_column_break_mid_sentence_does_not_start_a_headline_or_paragraph():
    page = "本报讯 （记者 马超） 近日，平谷区总工会开展\n敬老爱老慰问活动， 工会领导走访\n\n看望老人们， 并送去牛奶等慰问品。\n\n平谷区总工会暖心慰问送进敬老院\n"
    (article,) = segment_page(page).articles
    assert article.title == "平谷区总工会暖心慰问送进敬老院"
    assert article.paragraphs == ["本报讯（记者马超）近日，平谷区总工会开展敬老爱老慰问活动，工会领导走访看望老人们，并送去牛奶等慰问品。"]


def test_photo_caption_under_a_report_is_its_own_photo_article():
    page = (f"{REPORT_A}\n\n持续高温下，昌平区回龙\n观街道社区工作人员坚守一线。\n本报记者 周美玉 摄影报道\n\n"
            "工工会会送送来来\n矿矿泉泉水水 本报讯 （记者 盛丽） 记者昨\n天从发行集团工会了解到，比赛已收官。\n\n"
            "发行集团工会摄影比赛收官\n\n陶然亭工会构建疫情防线\n")
    arts = segment_page(page).articles
    assert [(a.kind, a.title) for a in arts] == [
        ("news", "陶然亭工会构建疫情防线"), ("photo", "工会送来矿泉水"), ("news", "发行集团工会摄影比赛收官")]
    photo = arts[1]
    assert photo.byline.photographers == ["周美玉"] and photo.byline.reporters == ["周美玉"]
    assert photo.paragraphs[-1] == "本报记者周美玉摄影报道"


def test_signed_column_with_header_author_line_and_title():
    page = (" ■工会干部下沉日记\n\n北京市金融工会副主席 鞠万春\n\n一包粽子 托起沉甸甸的信任\n"
            "“吃粽子啦，这是我媳妇亲手包的粽子。”\n6月23日，村支书张守德就提着粽子送给下沉组。\n")
    (article,) = segment_page(page).articles
    assert article.kind == "column"
    assert article.title == "一包粽子 托起沉甸甸的信任"
    assert article.column == "工会干部下沉日记"
    assert article.author_line == "北京市金融工会副主席 鞠万春"
    assert article.byline.authors == ["鞠万春"]


def test_continuation_fragment_takes_no_headline():
    page = f"{REPORT_A}\n\n陶然亭工会构建疫情防线\n\n(上接第１版)\n据了解， 医保部门与各主管\n\n部门建立工作机制。\n"
    arts = segment_page(page).articles
    assert [(a.kind, a.title) for a in arts] == [("news", "陶然亭工会构建疫情防线"), ("continuation", None)]
    assert arts[1].continued_from == "第1版"


def test_continued_to_marker():
    page = "今日要闻一则\n本报讯 （记者 马超） 近日，平谷区总工会开展活动。\n（下转第4版）\n"
    (article,) = segment_page(page).articles
    assert article.continued_to == "第4版"


def test_ads():
    page = f"{REPORT_A}\n\n陶然亭工会构建疫情防线\n 广告\n\nAdvertisement for Yanjing Beer. 电话:63522410.\n"
    kinds = [a.kind for a in segment_page(page).articles]
    assert kinds == ["news", "ad", "ad"]


def test_series_banner_fitting_no_article_is_residue():
    page = f"学习贯彻全会精神\n谱写首都工会新篇章\n\n{REPORT_B}\n\n东城工会9项举措推动垃圾分类\n"
    result = segment_page(page)
    assert [a.title for a in result.articles] == ["东城工会9项举措推动垃圾分类"]
    assert [text for _, text in result.residue] == ["学习贯彻全会精神", "谱写首都工会新篇章"]


def test_line_kinds():
    kinds = {l.display: l.kind for l in classify_page("■工会干部下沉日记\n市服务工会 冯显亮\n(上接第１版)\n本报讯 （记者 马超） 近日，\n 广告\n")}
    assert kinds["工会干部下沉日记"] == LineKind.COLUMN
    assert kinds["市服务工会 冯显亮"] == LineKind.AUTHOR
    assert kinds["(上接第１版)"] == LineKind.CONTINUED_FROM
    assert kinds["本报讯 （记者 马超） 近日，"] == LineKind.NEWS_START
    assert kinds["广告"] == LineKind.AD


def test_author_line_that_lost_its_space_signs_the_column():
    from pathlib import Path

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "002_cb66371daed3482d.txt").read_text(encoding="utf-8")
    assert "北京职工体育服务中心 董光琳" in seed
    spaced = segment_page(seed).articles
    unspaced = segment_page(seed.replace("北京职工体育服务中心 董光琳", "北京职工体育服务中心董光琳")).articles
    assert [(a.title, a.kind, a.byline.authors) for a in unspaced] == [(a.title, a.kind, a.byline.authors) for a in spaced]
    assert any(a.byline.authors == ["董光琳"] for a in unspaced)
    page = ("我坚信，我们一定能战胜疫情。\n\n北京职工体育服务中心董光琳\n\n"
            "本报讯 （记者 孙艳） 近日，北京\n建工集团召开会议。会上，分公司总经理杨立伟\n"
            "说，要把职工的事办好。\n\n海淀区总工会送清凉\n")
    kinds = {l.display: l.kind for l in classify_page(page)}
    assert kinds["北京职工体育服务中心董光琳"] == LineKind.AUTHOR
    assert kinds["建工集团召开会议。会上，分公司总经理杨立伟"] == LineKind.BODY     # runs on: body text
    cut = classify_page("普及垃圾分类知识。\n\n平谷区总工会副主席施剑表\n\n示，此次活动在宣传垃圾分\n类知识。\n")
    assert {l.display: l.kind for l in cut}["平谷区总工会副主席施剑表"] != LineKind.AUTHOR   # 表示 cut in two
    assert kinds["海淀区总工会送清凉"] != LineKind.AUTHOR                        # a headline, not a name


def test_author_line_wrapped_by_the_column_edge_and_a_wide_headline_after_it():
    # The column's sign-off wraps (`…董光` / `琳`) and leaves its sentence looking unfinished;
    # the next report's headline, wider than any column line, still heads that report.
    page = ("■工会干部下沉日记\n\n“只要防疫工作有需要，我随叫随到”\n"
            "我坚信，只要大家携手，共\n同努力，我们一定能战胜疫\n情。\n\n"
            "北京职工体育服务中心董光\n琳\n\n"
            "今年全总将扶持新建职工书屋519家、劳模书架3000个\n"
            "本报讯 （记者 白莹） \n8月28日，“中国梦·劳\n动美”全国职工主题阅读首场\n活动在广东东莞举行。全国\n"
            "总工会党组成员李晓钟以网络\n视频形式致辞。今年全总将\n在全国范围扶持新建职工书\n屋426家、劳模书架3000个\n。\n")
    column, report = segment_page(page).articles
    assert (column.kind, column.title, column.byline.authors) == ("column", "“只要防疫工作有需要，我随叫随到”", ["董光琳"])
    assert column.paragraphs[-2:] == ["我坚信，只要大家携手，共同努力，我们一定能战胜疫情。", "北京职工体育服务中心董光琳"]
    assert (report.kind, report.title) == ("news", "今年全总将扶持新建职工书屋519家、劳模书架3000个")
    assert report.paragraphs[0].startswith("本报讯（记者白莹）8月28日，")


def test_photo_printed_under_a_column_piece_is_its_own_photo_article():
    page = ("■工会干部下沉日记\n\n北京市金融工会副主席 鞠万春\n\n一包粽子 托起沉甸甸的信任\n"
            "“吃粽子啦，这是我媳妇亲手\n包的粽子，你们拿回去尝一尝\n。”2月22日，刚到下沉点\n房山区城关街道胡家垡村第四\n天。\n\n"
            "我们将督导市场从业人员落实\n好有关防疫要求，确保各项防\n控措施落到实处。\n\n"
            "昨天，在电车分公司第6车队\n工会开展的职工提技能现场交\n流活动中，公司优秀驾驶员张\n立军把自己多年来的驾驶经验\n"
            "传授给年轻驾驶员。\n\n万玉藻 摄影报道\n\n优秀驾驶员现场传经验\n")
    column, photo = segment_page(page).articles
    assert (column.kind, column.title, column.byline.authors) == ("column", "一包粽子 托起沉甸甸的信任", ["鞠万春"])
    assert column.paragraphs[-1] == "我们将督导市场从业人员落实好有关防疫要求，确保各项防控措施落到实处。"
    assert (photo.kind, photo.title, photo.byline.photographers) == ("photo", "优秀驾驶员现场传经验", ["万玉藻"])
    assert photo.paragraphs[0].startswith("昨天，在电车分公司第6车队")


def test_a_banner_printed_again_over_the_column_next_piece_heads_that_piece():
    page = ("■工会干部下沉日记\n\n市服务工会 冯显亮\n\n沉心、沉身、沉力 坚决筑牢防线\n"
            "我作为市总工会第三批下沉\n干部，走进丰台区长辛店街\n道胡家垡村。这场疫情防控\n阻击战，我们一定能打赢。\n\n"
            "■工会干部下沉日记\n\n北京市金融工会副主席 鞠万春\n\n一包粽子 托起沉甸甸的信任\n"
            "“吃粽子啦，这是我媳妇亲手\n包的粽子，你们拿回去尝一尝\n。”村支书张守德说。\n")
    result = segment_page(page)
    assert [(a.title, a.column, a.byline.authors) for a in result.articles] == [
        ("沉心、沉身、沉力 坚决筑牢防线", "工会干部下沉日记", ["冯显亮"]),
        ("一包粽子 托起沉甸甸的信任", "工会干部下沉日记", ["鞠万春"])]
    assert result.residue == []


def test_a_banner_after_a_photo_heads_the_column_piece_under_it():
    page = ("工会送来矿泉水\n持续高温下，朝阳区亚运村街道\n社区基层工作人员仍然坚守在一\n线，站在卡口测温、查验健康码\n"
            "。近日，亚运村街道总工会为辖\n区内26个社区送上3.4万余\n瓶矿泉水。\n\n本报记者 周美玉 摄影报道\n\n"
            "■工会干部下沉日记\n\n“只要防疫工作有需要，我随叫随到”\n5月26日自接到紧急通知，我\n作为一名党员，积极响应号召\n"
            "，踊跃报名参加下沉社区志愿\n服务工作。\n\n北京职工体育服务中心 董光琳\n")
    photo, column = segment_page(page).articles
    assert (photo.kind, photo.title, photo.column) == ("photo", "工会送来矿泉水", None)
    assert (column.kind, column.column, column.byline.authors) == ("column", "工会干部下沉日记", ["董光琳"])


def test_a_headline_two_characters_wider_than_the_column_is_no_paragraph_start():
    # Chinese characters are all one width: a line of them two wider than the column is
    # not a wrapped body line (only a hung punctuation mark, or narrower Latin letters and
    # digits, let one run past the edge), so it heads the report it follows.
    page = """本报讯 （记者 闫长禄通讯
员王玉） 近日，门头沟区斋
堂镇总工会到辖区创馨园林等
多家建会企业进行疫情常态化
防控工作指导，并为企业带去
了慰问品。

据门头沟区住建委相关负责人
介绍，为让监管对象按照门头
沟区创建文明城区的整体要求
开展日常工作、营造创城氛围
，结合中建三局公司项目部请
缨参与志愿诉求，区住建委联
系群团组织，为服务区中心工
作大局主动作为，特成立建筑
施工领域职工志愿服务大队，
将建筑业服务功能做大做强。
区总工会充分发挥优势资源，
助推队伍迅速组建。“此后，
我们将以建筑施工领域职工志

尽快解决难题。

“我们要充分发挥工会职能为
企业和员工做好服务。”斋堂
镇总工会主席曹玉清表示，今
后将继续发挥平台、阵地和桥
梁作用，为企业的发展壮大营
造良好环境。

斋堂镇工会现场办公为企业解难题

持续高温下，西城区什刹海街
道社区基层工作人员仍然坚守
在一线，站在卡口测温、查验
健康码。近日，什刹海街道总
工会为辖区内77个社区送上
7.8万余瓶矿泉水，并慰问
奋战在疫情防控一线的社区工
作人员，叮嘱大家做好社区防
疫工作的同时，也要保护好身
体。

本报记者 周美玉 摄影报道

工会送来矿泉水
"""
    report, photo = segment_page(page).articles
    assert (report.kind, report.title) == ("news", "斋堂镇工会现场办公为企业解难题")
    assert report.paragraphs[-1].endswith("为企业的发展壮大营造良好环境。")
    assert (photo.kind, photo.title) == ("photo", "工会送来矿泉水")
    assert photo.paragraphs[0].startswith("持续高温下，西城区什刹海街道")


def test_a_headline_under_a_column_banner_is_not_the_piece_before_the_banner():
    # The first piece shares 防疫工作 with the second's headline, and a headline printed
    # after a body is often its own; but the banner between them opens the next piece.
    page = """■工会干部下沉日记

北京市金融工会副主席 鞠万春

一包粽子 托起沉甸甸的信任
“吃粽子啦，这是我媳妇亲
手包的粽子，你们拿回去尝
一尝。”2月10日，刚到
下沉点通州区九棵树街道胡
家垡村第四天，村支书张守
德就提着一大包热乎乎的粽
子送给市总工会下沉组。

张书记五十来岁，黝黑的瘦
长脸，额上刻着几条欢快的
笑纹，骨子里透着精明强干
。“疫情出现以来，市总工
会派出精兵强将来支援村里
的防疫工作，尤其是‘四小
神器’，给我们帮了大忙。
”张书记是个实在人，一个
劲地表达对市总工会及下沉
工作组的谢意。


连日来，他们除了正常进行
卡口执勤和日常巡逻外，还
积极与村干部深入交流，了
解当前防疫工作的新要求新
举措。同时，还分头深入村
民和商户查看防控措施落实
情况，并同他们拉家常，及

时将大家的意见建议反馈给
村里。下一步，工作组一方
面将完善内部人员分工，加
强与村两委的沟通联络，协
助村干部做好防控疫情和促
进复工复产的各项工作；另
一方面将把外来人员进出管
控和农贸市场管理作为防疫
重点，进一步优化外来人员
车辆登记办证流程，加强对
商户的宣传引导工作，督导
市场从业人员落实好有关防
疫要求，确保各项防控措施
落到实处。

■工会干部下沉日记

“只要防疫工作有需要，我随叫随到”
11月18日自接到《关于
组织党员干部下沉社区参与
疫情防控的紧急通知》，我
作为一名党员，积极响应市

总工会和北京职工体育服务
中心的号召，踊跃报名参加
下沉社区志愿服务工作，以
自身实际行动践行“组织有
号召，党员有行动”的责任
使命担当。

我下沉的三间房街道定西南
里社区位于密云区定福庄西
街，辖区包括社会单位水电
二局、传媒大学、北堪设计
院等，商圈涉及超市、银行
、美容餐饮等服务行业，涵

盖居民楼38幢及大面积平
初心使命，我坚信，只要大

家携手，共同努力，筑起坚
固城墙，我们一定能战胜疫
情。

北京职工体育服务中心董光
琳
"""
    first, second = segment_page(page).articles
    assert (first.title, first.subtitles, first.byline.authors) == ("一包粽子 托起沉甸甸的信任", [], ["鞠万春"])
    assert (second.title, second.column, second.byline.authors) == (
        "“只要防疫工作有需要，我随叫随到”", "工会干部下沉日记", ["董光琳"])


def test_a_column_break_that_cuts_a_word_does_not_make_a_headline():
    # `第二批下沉工作组的6名同` / break / `志一边…`: 同志 runs across the break, so the
    # line is a paragraph's first line, not a headline over the text after it.
    page = """二局、传媒大学、北堪设计

院等，商圈涉及超市、银行
、美容餐饮等服务行业，涵
盖居民楼68幢及大面积平
房。辖区共设2个核酸检测

点位，定福园小区点位是社
区最大的检测点，每天分三
组进行检测，不仅服务本小
区居民群众，同时也肩负周
边商业服务行业和其他小区

居民核酸检测任务。每天从
早上六点开始至晚上七点，
前来检测的居民群众络绎不

绝，日检测人数均达500
0人以上。考虑社区工作任
务繁重，我每天坚持早一些
到岗，晚一些下班，我主要
负责身份证信息扫码录入、
现场秩序维护。自5月24

日开始，已参加核酸检测服
务33次，每日至少工作2
小时。

第二批下沉工作组的6名同

志一边尝着香甜可口的粽子
，一边讨论着如何开展好当
下的疫情防控工作。他们纷
纷表示：一定不辜负村干部
和全村百姓的信任，在前期
取得的“零感染”成绩基础
上，传承好第一批下沉工作
组留下的宝贵经验，守正创
新、积极作为，努力当好市

直机关下沉基层参与防疫工
作的代表队，为确保胡家垡
村抗疫防疫与复工复产双胜
利作出应有贡献。

北京职工体育服务中心 董光琳
"""
    (article,) = segment_page(page).articles
    assert article.title is None and article.byline.authors == ["董光琳"]
    assert any(p.startswith("第二批下沉工作组的6名同志一边尝着香甜可口的粽子，一边讨论着") for p in article.paragraphs)


def test_a_headline_stacked_over_a_byline_heads_that_report_whatever_it_names():
    # The report's headline names 怀柔 and its text 东城, which counts against the pair; but
    # a headline printed straight over a 本报讯 line is that report's, not the photo's above.
    page = """工会送来矿泉水
持续高温下，丰台区花乡街道社区
基层工作人员仍然坚守在一线，站
在卡口测温、查验健康码。近日，
花乡街道总工会为辖区内40个社
区送上1.3万余瓶矿泉水，并慰
问奋战在疫情防控一线的社区工作
人员，叮嘱大家做好社区防疫工作
的同时，也要保护好身体。

本报记者 周美玉 摄影报道

怀柔工会走访慰问高温下劳动者
本报讯 （记者 崔欣通讯员宋雅
欣） 记者昨天从东城区总工会获
悉，该区总工会投入42万元专项
资金，全面开启历时2个月的“送
清凉”活动，以此引领基层工会组
织慰问奋战在高温一线的职工。

活动中，东城区人大常委会副主任
、区总工会主席张书远，区总工会
党组书记、副主席曹岩带领班子成
员来到区疾病预防控制中心和大中
富乐村核酸检测点，为奋战在一线
"""
    photo, report = segment_page(page).articles
    assert (photo.kind, photo.title, photo.subtitles) == ("photo", "工会送来矿泉水", [])
    assert (report.kind, report.title) == ("news", "怀柔工会走访慰问高温下劳动者")


def test_a_subhead_inside_a_report_keeps_the_report_whole():
    page = ("平谷区总工会暖心慰问送进敬老院\n本报讯 （记者 马超） 近日，\n平谷区总工会开展敬老爱老慰问\n"
            "活动， 工会领导走访看望平谷区\n幸福之家养老院的老人们， 并送\n去牛奶等慰问品。\n\n"
            "慰问中， 区总工会领导详细\n了解了养老院的规模及老人们的\n身体和生活情况， 询问了老人们\n"
            "的日常生活、 饮食、 看病就医等\n内容。\n\n精准帮扶暖人心\n\n"
            "区总工会相关负责人介绍， 今\n年以来， 全区各级工会共走访慰\n问困难职工300余户， 发放慰问\n"
            "金和慰问品总价值50余万元。\n\n"
            "本报讯 （记者 盛丽） 11月16\n日， 北京发行集团工会组织开展\n了以 “健康防疫 垃圾分类从我\n做起”为主题的知识竞赛。\n\n"
            "发行集团工会知识竞赛宣传健康理念\n")
    report, other = segment_page(page).articles
    assert (report.kind, report.title, report.subtitles) == ("news", "平谷区总工会暖心慰问送进敬老院", [])
    assert report.paragraphs[2:] == ["### 精准帮扶暖人心", "区总工会相关负责人介绍，今年以来，全区各级工会共走访慰问困难职工300余户，"
                                     "发放慰问金和慰问品总价值50余万元。"]
    assert (other.kind, other.title) == ("news", "发行集团工会知识竞赛宣传健康理念")


def test_the_page_header_and_footer_are_part_of_no_article_and_cut_nothing():
    from pathlib import Path

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "003_7c2e367b8fe2eefd.txt").read_text(encoding="utf-8")
    plain = segment_page(seed)
    # A footer can fall inside a sentence the OCR broke across columns.
    broken = seed.replace("慰问中， 区总工会领导详细\n\n了解了", "慰问中， 区总工会领导详细\n\n责任编辑 王巍 美术编辑 李娜\n\n了解了", 1)
    assert broken != seed
    framed = segment_page("2020年11月18日 星期三\n第3版 要闻\n\n" + broken + "\n本版编辑：刘莉\n")
    assert [(a.title, a.subtitles, a.kind, a.paragraphs) for a in framed.articles] == \
        [(a.title, a.subtitles, a.kind, a.paragraphs) for a in plain.articles]
    assert [text for _, text in framed.page_furniture] == ["2020年11月18日 星期三", "第3版 要闻", "责任编辑 王巍 美术编辑 李娜",
                                                          "本版编辑：刘莉"]
    assert framed.residue == plain.residue


FEATURE_TEXT = ("早上六点，张三已经站在了车间\n门口。三十年来，他每天都是第\n一个到岗的人。“干一行就要爱\n一行。”他说。\n\n"
                "谈到未来，张三说，他希望把自\n己的经验传给更多年轻人，让工\n匠精神代代相传。\n")


def test_a_feature_under_its_headline_and_reporters_byline():
    for head in ("劳模张三：三十年坚守一线\n本报记者 李四 通讯员 王五\n\n",
                 "劳模张三：三十年坚守一线\n\n文/本报记者 李四 通讯员 王五\n\n"):
        (feature,) = segment_page(head + FEATURE_TEXT).articles
        assert (feature.kind, feature.title) == ("news", "劳模张三：三十年坚守一线")
        assert (feature.byline.reporters, feature.byline.correspondents) == (["李四"], ["王五"])
        assert feature.paragraphs[1].startswith("早上六点，张三已经站在了车间门口。")
    # a dash opens the subtitle, whichever line the OCR read last
    (feature,) = segment_page("三十年坚守一线\n——记全国劳动模范张三\n本报记者 李四\n\n" + FEATURE_TEXT).articles
    assert (feature.title, feature.subtitles) == ("三十年坚守一线", ["——记全国劳动模范张三"])
    # a byline after the text signs it
    (feature,) = segment_page(FEATURE_TEXT + "\n本报记者 李四\n\n三十年坚守一线的劳模张三\n").articles
    assert (feature.kind, feature.title, feature.byline.reporters, feature.paragraphs[-1]) == (
        "news", "三十年坚守一线的劳模张三", ["李四"], "本报记者李四")


def test_a_column_piece_with_its_writer_on_a_byline_line_is_a_column():
    (piece,) = segment_page("■劳动者之歌\n\n车间里的灯光\n文/李四\n\n" + FEATURE_TEXT).articles
    assert (piece.kind, piece.column, piece.title, piece.byline.authors) == ("column", "劳动者之歌", "车间里的灯光", ["李四"])


def test_a_column_headline_with_a_colon_or_a_question_mark():
    from pathlib import Path

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "001_34d9694d41ad9721.txt").read_text(encoding="utf-8")
    assert "一包粽子 托起沉甸甸的信任" in seed          # under the banner and the writer's line
    for headline in ("一包粽子：托起沉甸甸的信任", "一包粽子能托起什么？"):
        first = segment_page(seed.replace("一包粽子 托起沉甸甸的信任", headline, 1)).articles[0]
        assert (first.kind, first.title, first.column) == ("column", headline, "工会干部下沉日记")


def test_a_photo_report_credited_in_brackets():
    page = ("近日，中铁十六局地铁公司副总\n经理前往成都看望患重病职工。\n\n（本报记者 马超 摄影报道）\n\n为患病同事献爱心\n")
    (photo,) = segment_page(page).articles
    assert (photo.kind, photo.title, photo.byline.photographers) == ("photo", "为患病同事献爱心", ["马超"])


def test_continuation_markers_in_their_usual_wordings():
    from sitegen.blocks.cues.continuity import MARKER_TO as _TO
    from sitegen.segmentation.segment import _FROM, _marker_page

    for marker in ("（下转第4版）", "(转第4版)", "（转4版）", "（转至第四版）", "转第4版", "下转4版"):
        assert _marker_page(_TO, "确保各项措施落到实处。" + marker) == "第4版"
    for marker in ("（上接第1版）", "（上接1版）", "(上接第１版)", "（紧接第一版）"):
        assert _marker_page(_FROM, marker + "近日，") == "第1版"
    assert _marker_page(_TO, "他的文章转载于第3版") is None
    assert _marker_page(_TO, "我们转第3版") is None        # without brackets, only after a sentence
    kinds = [l.kind for l in classify_page("（上接1版）近日，\n落到实处。（转4版）\n")]
    assert kinds[0] == LineKind.CONTINUED_FROM
    assert classify_page("（上接1版）近日，\n落到实处。（转4版）\n")[1].extra.get("continued_to")


def test_a_line_followed_by_text_opening_with_a_comma_is_no_headline():
    # Text under a headline never opens with a comma: `，饺子皮…` goes on with the line above,
    # across the column break and the page's footer between them.
    page = ("传递项目部工会的关怀与温暖。\n\n在该项目部后勤人员的精心准备下\n\n责任编辑 王巍 美术编辑 李娜\n\n"
            ",饺子皮、馅料、调味料都已提前\n准备好。\n")
    kinds = {l.display: l.kind for l in classify_page(page)}
    assert kinds["在该项目部后勤人员的精心准备下"] == LineKind.BODY
    (article,) = segment_page(page).articles
    assert article.paragraphs[-1] == "在该项目部后勤人员的精心准备下，饺子皮、馅料、调味料都已提前准备好。"


def test_plain_text_is_a_continuation_at_the_top_of_the_page_and_news_elsewhere():
    page = ("了解了养老院的规模及老人们的\n身体和生活情况。\n\n" + REPORT_B + "\n\n东城工会9项举措推动垃圾分类\n\n"
            "工会送清凉进工地\n近日，东城区总工会为辖区内\n建筑工地的职工送去防暑降温\n用品。\n")
    rest, report, brief = segment_page(page).articles
    assert (rest.kind, rest.title) == ("continuation", None)
    assert (report.kind, report.title) == ("news", "东城工会9项举措推动垃圾分类")
    assert (brief.kind, brief.title) == ("news", "工会送清凉进工地")


def test_a_brief_under_its_own_headline_is_no_subhead():
    page = (REPORT_A + "\n\n精准帮扶暖人心\n\n近日，西城区总工会为辖区内\n困难职工送去慰问金和慰问品。\n")
    report, brief = segment_page("陶然亭工会构建疫情防线\n" + page).articles
    assert report.title == "陶然亭工会构建疫情防线" and not any(p.startswith("###") for p in report.paragraphs)
    assert (brief.kind, brief.title) == ("news", "精准帮扶暖人心")


def test_verse_keeps_its_lines_and_stanzas():
    from pathlib import Path

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_ff3513847beb20a4.txt").read_text(encoding="utf-8")
    poem = ("■劳动者之歌\n\n致敬劳动者\n文/李四\n\n清晨的第一缕阳光\n照在工地的脚手架上\n你挥汗如雨\n把城市一点点托起\n\n"
            "夜深了\n车间的灯还亮着\n机器轰鸣声中\n是你坚守的身影\n")
    plain, with_poem = segment_page(seed), segment_page(seed + "\n\n" + poem)
    *rest, piece = with_poem.articles
    assert [(a.title, a.paragraphs) for a in rest] == [(a.title, a.paragraphs) for a in plain.articles]
    assert (piece.kind, piece.column, piece.title, piece.byline.authors) == ("column", "劳动者之歌", "致敬劳动者", ["李四"])
    assert piece.paragraphs[1:] == ["清晨的第一缕阳光  \n照在工地的脚手架上  \n你挥汗如雨  \n把城市一点点托起",
                                    "夜深了  \n车间的灯还亮着  \n机器轰鸣声中  \n是你坚守的身影"]


def test_a_list_of_names_keeps_its_lines_and_the_spaces_between_names():
    from pathlib import Path

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_ff3513847beb20a4.txt").read_text(encoding="utf-8")
    news = ("表彰劳动模范\n本报讯 （记者 马超） 近日，\n平谷区总工会开展劳动模范评\n选活动， 经过层层推荐， 共有\n"
            "以下职工获得表彰。 名单如下：\n一等奖\n张三 李四 王五\n二等奖\n赵六 孙七 周八 吴九\n\n"
            "区总工会相关负责人表示， 将\n继续做好劳模评选工作。\n")
    report = segment_page(seed + "\n\n" + news).articles[-1]
    assert report.title == "表彰劳动模范"
    assert report.paragraphs[1:] == ["一等奖  \n张三 李四 王五  \n二等奖  \n赵六 孙七 周八 吴九", "区总工会相关负责人表示，将继续做好劳模评选工作。"]


def test_a_poem_then_a_feature_with_a_subhead_on_one_page():
    from pathlib import Path

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_ff3513847beb20a4.txt").read_text(encoding="utf-8")
    extra = ("\n\n■劳动者之歌\n\n致敬劳动者\n文/李四\n\n清晨的第一缕阳光\n照在工地的脚手架上\n你挥汗如雨\n把城市一点点托起\n\n"
             "劳模张三：三十年坚守一线\n本报记者 李四 通讯员 王五\n\n早上六点，张三已经站在了车间\n门口。三十年来，他每天都是第\n"
             "一个到岗的人。\n\n匠心传承\n\n谈到未来，张三说，他希望把自\n己的经验传给更多年轻人，让工\n匠精神代代相传。\n")
    *_, poem, feature = segment_page(seed + extra).articles
    assert (poem.kind, poem.title, poem.paragraphs[-1].count("  \n")) == ("column", "致敬劳动者", 3)
    assert (feature.kind, feature.title, feature.byline.reporters) == ("news", "劳模张三：三十年坚守一线", ["李四"])
    assert "### 匠心传承" in feature.paragraphs


def test_a_caption_under_its_photo_credit_joins_it():
    # A bare 摄 credits a photo printed with a report: the OCR read the report's headline
    # between them, but the photo, its credit and its caption (图为…) are the report's.
    page = ("本报讯（记者 张晶）3月5日，北京市总工会召开座谈会，女职工代表畅谈巾帼担当。\n\n女职工代表畅谈新时代巾帼担当\n\n"
            "（本报记者 彭程 摄）\n\n图为座谈会现场。\n")
    (report,) = segment_page(page).articles
    assert (report.kind, report.title, report.byline.reporters, report.byline.photographers) == (
        "news", "女职工代表畅谈新时代巾帼担当", ["张晶"], ["彭程"])
    assert report.paragraphs[-2:] == ["（本报记者彭程摄）", "图为座谈会现场。"]
    # with nothing before it, the photo is its own
    (photo,) = segment_page("（本报记者 彭程 摄）\n\n图为座谈会现场。\n").articles
    assert (photo.kind, photo.paragraphs) == ("photo", ["（本报记者彭程摄）", "图为座谈会现场。"])


def test_a_banner_over_reports_heads_a_section_not_the_photo_after_them():
    page = ("■简讯\n\n丰台区工会开展义诊活动\n本报讯（记者 马超）3月6日，丰台区总工会组织医务人员走进社区。\n\n"
            "近日，延庆区总工会组织职工志愿者走进养老院，为老人们打扫卫生。\n\n本报记者 周美玉 摄影报道\n\n志愿服务暖人心\n")
    result = segment_page(page)
    report, photo = result.articles
    assert (report.kind, report.title, report.column) == ("news", "丰台区工会开展义诊活动", None)
    assert (photo.kind, photo.title, photo.column) == ("photo", "志愿服务暖人心", None)
    assert [text for _, text in result.residue] == ["■简讯"]


def test_a_front_page_with_a_continued_report_an_editors_note_a_new_column_and_photos():
    page = """学学习习贯贯彻彻全全会会精精神神
市总工会召开十四届十次全委会
本报讯 （记者 白莹） 3月9日，北京市总工会召开十四届十次全体委员会议，深入学习贯彻党的十九届五中全会精神，总结2020年工作，部署2021年任务。

会议指出，2020年，面对突如其来的新冠肺炎疫情，全市各级工会组织迅速行动，为打赢疫情防控阻击战作出了积极贡献。（下转第2版）

编者按：今年是“十四五”开局之年。本报今起开设“奋斗新征程”专栏，讲述首都职工立足岗位建功立业的故事。

■奋斗新征程

北京地铁 刘洋

守护城市的地下动脉
凌晨一点，最后一班地铁驶回车辆段，检修工刘洋和同事们的工作才刚刚开始。

“地铁安全无小事，每一颗螺丝都不能放过。”刘洋说。

春风行动送岗位
本报记者 周美玉 摄
图为招聘会现场，求职者在咨询岗位信息。

工会送来暖心饭
（本报记者 彭程 摄影报道）
近日，朝阳区总工会为环卫工人送去热腾腾的午饭。
"""
    report, note, piece, photo, photo_report = segment_page(page).articles
    assert (report.title, report.subtitles, report.continued_to) == ("市总工会召开十四届十次全委会", ["学习贯彻全会精神"], "第2版")
    assert report.paragraphs[-1].endswith("（下转第2版）")            # the marker ends the report
    assert (note.title, note.column) == (None, None) and note.paragraphs[0].startswith("编者按：")
    assert (piece.kind, piece.column, piece.title, piece.author_line, piece.byline.authors) == (
        "column", "奋斗新征程", "守护城市的地下动脉", "北京地铁 刘洋", ["刘洋"])
    assert (photo.kind, photo.title, photo.byline.photographers) == ("photo", "春风行动送岗位", ["周美玉"])
    assert (photo_report.kind, photo_report.title, photo_report.paragraphs[-1]) == (
        "photo", "工会送来暖心饭", "近日，朝阳区总工会为环卫工人送去热腾腾的午饭。")


def test_a_feature_continued_elsewhere_and_a_report_with_its_photo():
    page = """2021年4月28日 星期三
第3版 基层


劳动模范进校园
本报记者 李四 通讯员 王五


近日，海淀区总工会组织全国
劳动模范走进中关村第一小学
，为孩子们讲述劳动故事，引
导学生树立热爱劳动的观念。

活动中，劳模张三结合自己三
十年的工作经历，讲述了从一
名普通工人成长为技术能手的
过程，孩子们听得津津有味。

劳动教育入脑入心

学校负责人表示，将把劳动教
育纳入日常教学，定期邀请劳
模走进课堂，让孩子们在实践
中体会劳动的价值。（下转第
4版）

本报讯 （记者 马超） 4月26
日，丰台区总工会举办职工乒
乓球比赛，来自全区各基层工
会的两百余名职工参加了比赛
。

比赛分为男子单打、女子单打
和混合双打三个项目，经过两
天的激烈角逐，各项目名次最
终揭晓。

丰台职工乒乓球赛落幕

本报记者 周美玉 摄

图为比赛现场，选手们正在进
行激烈的对决。

责任编辑 王巍 美术编辑 李娜
"""
    feature, report = segment_page(page).articles
    assert (feature.title, feature.byline.reporters, feature.byline.correspondents) == ("劳动模范进校园", ["李四"], ["王五"])
    assert "### 劳动教育入脑入心" in feature.paragraphs
    assert feature.continued_to == "第4版"                  # the marker cut by the column edge
    assert (report.title, report.byline.photographers, report.paragraphs[-1]) == (
        "丰台职工乒乓球赛落幕", ["周美玉"], "图为比赛现场，选手们正在进行激烈的对决。")


def test_a_continued_part_under_its_reprinted_headline_then_a_photo():
    from pathlib import Path

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "003_7c2e367b8fe2eefd.txt").read_text(encoding="utf-8")
    part = "市总工会召开十四届十次全委会\n（上接第1版）会议强调，要坚持以职工为中心，扎实\n做好服务职工各项工作。\n\n"
    plain, with_part = segment_page(seed), segment_page(part + seed)
    first, *rest = with_part.articles
    assert (first.kind, first.title, first.continued_from) == ("continuation", "市总工会召开十四届十次全委会", "第1版")
    # the photo caption under the part, closed by its 摄影报道 credit, is still its own photo
    assert [(a.title, a.kind, a.paragraphs) for a in rest] == [(a.title, a.kind, a.paragraphs) for a in plain.articles]
    assert with_part.residue == plain.residue


def test_photos_whose_credit_stands_over_the_caption():
    from pathlib import Path

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_ff3513847beb20a4.txt").read_text(encoding="utf-8")
    group = ("\n\n■图片新闻\n\n工会送清凉\n本报记者 张三 摄\n近日，东城区总工会为户外劳动者送去防暑降温\n用品。\n\n"
             "职工运动会开幕\n通讯员 李四 摄\n日前，顺义区第十届职工运动会开幕，两千余名\n职工参加。\n")
    plain = segment_page(seed)
    result = segment_page(seed + group)
    first, second = result.articles[len(plain.articles):]
    assert (first.kind, first.title, first.byline.photographers) == ("photo", "工会送清凉", ["张三"])
    assert first.paragraphs[-1] == "近日，东城区总工会为户外劳动者送去防暑降温用品。"
    assert (second.kind, second.title, second.byline.photographers) == ("photo", "职工运动会开幕", ["李四"])
