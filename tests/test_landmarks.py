"""Landmarks: places every Beijing reader puts in a district, beside the gazetteer's townships."""

import shutil
import tomllib

import pytest

from sitegen.config import load_settings
from sitegen.errors import SitegenError
from sitegen.places import find_places, load_gazetteer
from sitegen.places.gazetteer import DEFAULT_LANDMARKS


def districts(title, body, gazetteer=None):
    return find_places(title, body, gazetteer=gazetteer).districts


def test_the_city_sub_centre_in_a_headline_files_tongzhou():
    p = find_places("城市副中心建设者喝上“清凉茶”", "本报讯 工会为一线建设者送去防暑降温用品。")
    assert p.districts == ["通州区"] and p.places == ["北京城市副中心"]
    assert districts("北京城市副中心职工运动会开幕", "本报讯 运动会开幕。") == ["通州区"]


@pytest.mark.parametrize("title", ["亦庄工会驿站开张", "经开区工会驿站开张", "北京经济技术开发区工会驿站开张",
                                   "亦庄开发区工会驿站开张", "北京经开区工会驿站开张"])
def test_the_economic_development_zone_files_daxing(title):
    assert districts(title, "本报讯 驿站开张。") == ["大兴区"]


def test_the_development_zone_named_beside_the_districts_is_no_district():
    assert districts("", "全市各区（北京经济技术开发区）工作人员参加。") == []
    assert districts("", "本报讯 全市16区和经开区的工会干部参加培训。") == []


def test_zones_that_span_districts_still_file_nothing():
    assert districts("", "中关村科技园区工会成立。中关村科技园区企业参加。") == []
    assert districts("", "大兴经济开发区工会成立。大兴经济开发区企业参加。") == []
    # a park of the 中关村 zone in another district is not 海淀区's 中关村
    assert districts("中关村丰台园企业复工", "本报讯 企业复工。") == []
    assert districts("中关村论坛开幕", "本报讯 论坛开幕。") == ["海淀区"]


@pytest.mark.parametrize("text,district", [
    ("天安门广场", "东城区"), ("故宫博物院", "东城区"), ("王府井步行街", "东城区"), ("天坛公园", "东城区"),
    ("西单商场", "西城区"), ("北海公园", "西城区"), ("国贸商圈", "朝阳区"), ("鸟巢", "朝阳区"),
    ("望京", "朝阳区"), ("北京南站", "丰台区"), ("丽泽商务区", "丰台区"), ("首钢园", "石景山区"),
    ("颐和园", "海淀区"), ("慕田峪长城", "怀柔区"), ("雁栖湖", "怀柔区"), ("大兴国际机场", "大兴区"),
    ("环球影城", "通州区"), ("居庸关长城", "昌平区"), ("古北水镇", "密云区"), ("龙庆峡", "延庆区"),
])
def test_landmarks_in_a_headline(text, district):
    assert districts(text + "的职工开展活动", "本报讯 活动举行。") == [district]


def test_a_landmark_counts_like_a_township():
    # named once in passing deep in a city-wide report: no district
    body = "本报讯 全市工会开展送清凉活动。\n\n各级工会走访一线。\n\n有的职工在故宫附近执勤。"
    assert districts("工会送清凉", body) == []
    # named twice: the district
    assert districts("工会送清凉", body + "\n\n故宫的保安说，谢谢工会。") == ["东城区"]


def test_a_township_short_form_that_is_a_landmark_counts_alone():
    p = find_places("望京职工沟通会举办", "本报讯 沟通会举办。")
    assert p.districts == ["朝阳区"] and p.places == ["望京街道"]


@pytest.mark.parametrize("text", [
    "中国贸易促进活动", "天坛医院医护人员", "希望京津冀协同发展", "亦庄亦谐的演出", "台北故宫文物展",
    "黄牛街头倒票", "发展中国家体育场馆建设", "首都机场集团工会", "八达岭高速拥堵",
])
def test_words_that_contain_a_landmark_are_no_place(text):
    assert districts(text, "本报讯 " + text + "。") == []


def test_ocr_spaces_inside_a_landmark():
    assert districts("城市 副中心 建设者", "本报讯 x。") == ["通州区"]


def test_the_packaged_landmarks_fit_the_gazetteer(tmp_path):
    # read as an editor's copy, every line is checked against the gazetteer
    copy = tmp_path / "landmarks.toml"
    shutil.copy(DEFAULT_LANDMARKS, copy)
    gazetteer = load_gazetteer(landmarks=copy)
    data = tomllib.loads(copy.read_text(encoding="utf-8"))
    landmarks = {k: v for k, v in data.items() if v}
    assert 150 <= len(landmarks) <= 300
    for name, value in landmarks.items():
        district = value[0] if isinstance(value, list) else value
        assert gazetteer.entries[name].districts == (district,), name


def _site(tmp_path, landmarks_text):
    (tmp_path / "sitegen.toml").write_text('[paths]\nlandmarks = "my-landmarks.toml"\n', encoding="utf-8")
    (tmp_path / "my-landmarks.toml").write_text(landmarks_text, encoding="utf-8")
    settings = load_settings(tmp_path)
    return settings, lambda: load_gazetteer(settings.gazetteer, settings.landmarks)


def test_an_editors_landmarks_file_from_sitegen_toml(tmp_path):
    settings, gazetteer = _site(tmp_path, '"奥体南区" = "朝阳区"\n"金街" = ["东城区", "金街步行街"]\n')
    assert settings.landmarks == tmp_path / "my-landmarks.toml"
    p = find_places("奥体南区工会驿站开张", "本报讯 驿站开张。", gazetteer=gazetteer())
    assert p.districts == ["朝阳区"] and p.places == ["奥体南区"]
    assert districts("金街步行街", "本报讯 x。", gazetteer()) == ["东城区"]
    # the editor's copy replaces the packaged one
    assert districts("城市副中心建设者", "本报讯 x。", gazetteer()) == []


@pytest.mark.parametrize("text,line,words", [
    ('"天坛" = "东城区"\n"国贸" = \n', 2, "invalid TOML"),
    ('"天坛" = "东城区"\n"国贸" = 3\n', 2, "needs its district"),
    ('"天坛" = "东城区"\n"国贸" = ["朝阳"]\n', 2, "no district"),
    ('"天坛" = "东城区"\n\n"首都机场" = "顺义区"\n', 3, "首都机场街道 of 朝阳区"),
    ('"海淀" = "海淀区"\n', 1, "district's name"),
    ('"故宫" = ["东城区", "紫禁城"]\n"紫禁城" = "东城区"\n', 2, "already a name of landmark '故宫'"),
])
def test_a_malformed_landmarks_file_is_one_line_naming_file_and_line(tmp_path, text, line, words):
    _, gazetteer = _site(tmp_path, text)
    with pytest.raises(SitegenError) as err:
        gazetteer()
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 'my-landmarks.toml'}:{line}: ") and words in message
    assert "\n" not in message


def test_sitegen_ingest_files_articles_by_the_editors_landmarks(tmp_path):
    from sitegen.cli import main

    _site(tmp_path, '"奥体南区" = "朝阳区"\n')
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2021-05-06_p03.txt").write_text(
        "奥体南区工会驿站开张\n本报讯（记者 王小明）近日，奥体南区工会驿站开张，为户外劳动者提供休息场所。\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "ingest", "--pages", str(pages), "--content", str(tmp_path / "content")]) == 0
    [article] = (tmp_path / "content").rglob("*.md")
    text = article.read_text(encoding="utf-8")
    assert "districts: [朝阳区]" in text and "places: [奥体南区]" in text
