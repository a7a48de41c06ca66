"""Districts and places: about a place, not naming it in passing."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from sitegen.errors import SitegenError
from sitegen.places import find_places, load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "seeds.gold.json"


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


def test_zones_spanning_districts_are_no_district():
    assert districts("", "全市各区（北京经济技术开发区）工作人员参加。") == []
    # nor do the district and place names inside a zone's name count
    assert districts("", "大兴经济开发区工会成立。大兴经济开发区企业参加。") == []
    # …but the economic-technological zone (亦庄) lies in 大兴区, as the gazetteer has it.
    assert districts("亦庄开发区企业复工", "本报讯 亦庄开发区企业陆续复工。") == ["大兴区"]
    assert districts("", "中关村科技园区密云园工会成立，中关村科技园区密云园职工参加。") == []


def test_words_that_only_look_like_places():
    # 河北 + 乡村 is a province's countryside, not 河北镇 (房山区); 怀柔政策 is a policy
    assert districts("河北乡村振兴", "本报讯 河北乡村振兴。") == []
    assert districts("", "怀柔政策。怀柔政策。") == []
    assert districts("", "河北镇工会开展活动。") == ["房山区"]


def test_ocr_spaces_inside_names():
    assert find_places("", "本报讯 近日， 陶然亭 街道总工会召开会议。").places == ["陶然亭街道"]


def test_former_district_names_file_under_the_district_of_today():
    assert districts("宣武区职工运动会开幕", "本报讯 运动会开幕。") == ["西城区"]


def test_a_name_in_two_districts_keeps_the_place_of_the_district_chosen():
    p = find_places("房山区东风街道开展活动", "本报讯 东风社区开展活动。")
    assert p.districts == ["房山区"] and p.places == ["东风街道"]


def test_short_forms_of_paired_and_ethnic_townships():
    assert find_places("天通苑工会驿站开张", "本报讯 驿站开张。").districts == ["昌平区"]
    assert find_places("于家务乡工会开展活动", "本报讯 活动举行。").places == ["于家务回族乡"]


def test_an_editors_gazetteer_is_read_and_checked(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("district,district_code,name,level\n测试区,1,测试区,区\n测试区,1,甲乙丙街道,街道\n", encoding="utf-8")
    assert find_places("", "甲乙丙街道开展活动。", gazetteer=load_gazetteer(path)).districts == ["测试区"]
    bad = tmp_path / "bad.csv"
    bad.write_text("district,name,level\n测试区,,区\n", encoding="utf-8")
    with pytest.raises(SitegenError) as err:
        load_gazetteer(bad)
    assert str(err.value).startswith(f"{bad}:2:")


def _gold_body(page_text: str, head: str, tail: str) -> str | None:
    """The article body in the page text between the gold head and tail (whitespace-free
    12-character ends), printed lines joined, blank lines kept as paragraph breaks."""
    kept = [i for i, c in enumerate(page_text) if not c.isspace()]
    flat = "".join(page_text[i] for i in kept)
    start = flat.find(head)
    end = flat.find(tail, start)
    if start < 0 or end < 0:
        return None
    raw = page_text[kept[start]:kept[end + len(tail) - 1] + 1]
    return "\n\n".join(re.sub(r"\s*\n\s*", "", p) for p in re.split(r"\n\s*\n", raw))


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/eval/seeds.gold.json")
def test_district_f1_on_the_gold_sample():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    tp = fp = fn = 0
    misses = []
    for name, articles in gold["pages"].items():
        page_text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        for a in articles:
            body = _gold_body(page_text, a["head"], a["tail"])
            assert body is not None, (name, a["head"])
            found = set(find_places(a["title"] or "", body, a.get("subtitles") or []).districts)
            expected = set(a["districts"])
            tp, fp, fn = tp + len(found & expected), fp + len(found - expected), fn + len(expected - found)
            if found != expected:
                misses.append((a["title"], sorted(expected), sorted(found)))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall)
    print(f"district F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")
    assert tp > 10 and f1 >= 0.9, misses


_PIECES = ["陶然亭街道", "台湖镇", "朝阳区", "八里庄", "大兴", "东风社区", "海淀", "朝阳群众", "良乡镇",
           "北京经济技术开发区", "工会开展活动，", "职工表示", "。", "\n\n", "本报讯 "]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.lists(st.integers(0, 200), max_size=5))
def test_every_district_has_a_place_behind_it_and_ocr_spaces_change_nothing(pieces, cuts):
    gazetteer = load_gazetteer()
    body = "".join(pieces)
    found = find_places("", body)
    assert set(found.districts) <= set(gazetteer.districts)
    for place in found.places:
        assert set(gazetteer.entries[place].districts) & set(found.districts)
    spaced = body
    for cut in sorted(cuts, reverse=True):          # also between the two line breaks of a paragraph end
        spaced = spaced[:cut] + " " + spaced[cut:]
    assert find_places("", spaced) == found


def test_the_lede_is_the_first_sentence_after_a_byline_line_or_a_marker():
    # A feature's byline line and a continued part's (上接…) marker stand before the text:
    # the place in the first sentence under them is the lede's.
    assert districts("钳工的坚守", "本报记者 李四 通讯员 王五\n\n在丰台区卢沟桥街道，提起钳工张三，大家都会竖起大拇指。\n\n他说。") == ["丰台区"]
    assert districts(None, "（上接第１版）\n\n据星城街道总工会相关负责人介绍，站点每天开放。\n\n活动现场气氛热烈。") == ["房山区"]
