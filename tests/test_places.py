"""Districts and places: about a place, not naming it in passing."""

import pytest

from sitegen.errors import SitegenError
from sitegen.places import find_places, load_gazetteer


def districts(title, body, subtitles=()):
    return find_places(title, body, subtitles).districts


def test_township_in_the_lede_files_the_district():
    p = find_places("工会构建疫情防线", "本报讯 近日，陶然亭街道总工会召开防疫安全会。\n\n会上，大家学习。")
    assert p.districts == ["西城区"] and p.places == ["陶然亭街道"]


@pytest.mark.parametrize("text,district", [
    ("通州区台湖镇胡家垡村", "通州区"),
    ("昌平区回龙观街道社区工作人员", "昌平区"),
    ("三里屯街道总工会举办了沟通会", "朝阳区"),
    ("回龙观社区", "昌平区"),
    ("北京建工东升科技园二期项目部", "海淀区"),
    ("朝阳门街道工会", "东城区"),
    ("大兴庄镇工会", "平谷区"),
    ("良乡镇总工会", "房山区"),
])
def test_names_and_short_forms(text, district):
    assert districts("", text + "开展活动。") == [district]


def test_town_and_area_twins_name_one_place():
    assert find_places("", "良乡镇总工会开展活动。").places == ["良乡地区"]


def test_short_district_forms_in_headlines():
    assert districts("大兴劳模示范引领垃圾分类", "本报讯 用劳模精神带动职工。") == ["大兴区"]
    assert districts("海淀工会送清凉", "本报讯 工会送清凉。") == ["海淀区"]


def test_two_character_names_need_a_place_word():
    assert districts("", "光明的前途，胜利的喜悦，东风吹来。") == []
    assert districts("", "光明街道总工会开展活动。") == ["顺义区"]


def test_not_places():
    assert districts("", "朝阳群众提供线索。") == []


def test_a_name_in_two_districts_follows_the_article():
    assert districts("", "海淀区八里庄街道工会开展活动。") == ["海淀区"]
    assert districts("", "朝阳区八里庄街道工会开展活动。") == ["朝阳区"]
    assert districts("", "八里庄街道工会开展活动。") == []


def test_a_place_named_once_in_passing_is_not_enough():
    body = "本报讯 全市工会开展伴考服务。\n\n考生家长需要帮助。\n\n例如，首都职工志愿朝阳区服务总队开设服务点。"
    assert districts("暖心伴考", body) == []


def test_two_mentions_anywhere_are_enough():
    body = "6月11日自接到通知。\n\n我下沉的三间房街道定西南里社区位于朝阳区定福庄西街。"
    assert districts("随叫随到", body) == ["朝阳区"]


def test_national_news_gets_no_district():
    body = "本报讯 该书选取了上海、广州、武汉、瑞金、延安、哈尔滨、北京等地历史图片。"
    assert districts("画册出版发行", body) == []


def test_development_zones_are_no_district():
    assert districts("", "全市各区（北京经济技术开发区）工作人员参加。") == []


def test_an_editors_gazetteer_is_read_and_checked(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("district,district_code,name,level\n测试区,1,测试区,区\n测试区,1,甲乙丙街道,街道\n", encoding="utf-8")
    assert find_places("", "甲乙丙街道开展活动。", gazetteer=load_gazetteer(path)).districts == ["测试区"]
    bad = tmp_path / "bad.csv"
    bad.write_text("district,name,level\n测试区,,区\n", encoding="utf-8")
    with pytest.raises(SitegenError) as err:
        load_gazetteer(bad)
    assert str(err.value).startswith(f"{bad}:2:")
