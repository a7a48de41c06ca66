"""Tags: vocabulary topics where an article is about them, a few apt keywords of its own."""

import pytest

from sitegen.errors import SitegenError
from sitegen.tags import MAX_TAGS, load_vocabulary, tag_article
from sitegen.tags.tagger import STOP_WORDS


def test_vocabulary_topic_in_the_headline():
    tags = tag_article("东城工会推动垃圾分类", [], "本报讯 东城区总工会召开部署会。", "news")
    assert tags[0] == "垃圾分类"


def test_topic_in_a_subtitle_or_the_lede():
    assert "送清凉" in tag_article("工会在行动", ["为一线职工送清凉"], "本报讯 工会送去慰问品。", "news")
    assert "普法" in tag_article("工会进社区", [], "本报讯 工会开展普法宣传。\n\n居民参加。", "news")


def test_topic_named_once_deep_in_the_body_is_not_a_tag():
    body = "本报讯 工会召开部署会。\n\n会上，大家交流了经验。\n\n此外还提到了垃圾分类。"
    assert "垃圾分类" not in tag_article("工会召开部署会", [], body, "news")


def test_topic_twice_in_the_body_is_a_tag():
    body = "本报讯 工会召开部署会。\n\n会上，大家交流了垃圾分类经验。\n\n号召职工养成垃圾分类习惯。"
    assert "垃圾分类" in tag_article("工会召开部署会", [], body, "news")


def test_synonyms_call_for_their_tag_and_overlapping_words_count_once():
    assert "送清凉" in tag_article("工会为一线职工防暑降温", [], "本报讯 工会送去慰问品。", "news")
    # 下沉社区 is one mention of the topic, not also a second one of 下沉
    body = "本报讯 工会开会。\n\n会上提到下沉社区。\n\n大家表示支持。"
    assert "下沉社区" not in tag_article("工会开会", [], body, "news")


def test_stronger_topics_come_first():
    body = "本报讯 工会开展垃圾分类宣传。\n\n垃圾分类知识进楼门。\n\n志愿者参加垃圾分类。\n\n志愿者表示支持。"
    tags = tag_article("工会宣传垃圾分类", [], body, "news")
    assert tags.index("垃圾分类") < tags.index("志愿服务")


def test_keywords_from_the_headline_that_are_apt():
    tags = tag_article("和平街工会会员日护手霜送职工", [], "本报讯 工会为职工送上护手霜1800瓶。", "news")
    assert "护手霜" in tags


def test_no_noise_numbers_or_single_characters():
    body = "本报讯（记者 李明）工会开展活动，职工参加工作。记者了解到，1800名职工参与，三年来相关负责人表示满意。" * 3
    tags = tag_article("工会开展活动 1800名职工参加", [], body, "news")
    assert tags
    for tag in tags:
        assert len(tag) >= 2 and not any(c.isdigit() for c in tag)
        assert tag not in STOP_WORDS and tag not in {"三年", "1800", "李明"}


def test_keywords_do_not_repeat_topics_or_places():
    tags = tag_article("朝阳区三年开展职工沟通会", [], "本报讯 朝阳区总工会召开沟通会。" * 3, "news",
                       places=["朝阳区"])
    assert tags[0] == "职工沟通会"
    assert not {"朝阳区", "朝阳", "沟通会", "沟通"} & set(tags)


def test_fragments_of_vocabulary_words_are_no_keywords():
    # 防控 is a piece of 疫情防控: when that topic is too weak to tag, its piece is no tag either
    body = "本报讯 发行集团工会举办摄影比赛。\n\n作品记录一线职工。"
    tags = tag_article("摄影比赛记录防控一线", [], body, "news")
    assert tags and "防控" not in tags


def test_between_one_and_six_tags():
    body = ("本报讯 疫情防控、核酸检测、下沉社区、垃圾分类、安全生产、送清凉、职工书屋、劳模、志愿服务。" * 2)
    tags = tag_article("疫情防控 核酸检测 垃圾分类 安全生产 驾驶员 护手霜", [], body, "news")
    assert 1 <= len(tags) <= MAX_TAGS
    assert len(tags) == len(set(tags))


def test_never_no_tag_when_there_are_words():
    assert tag_article("优秀驾驶员现场传经验", [], "车队工会开展驾驶员交流活动，驾驶员分享经验。", "photo")
    assert tag_article("", [], "大家好好学习天天向上。", "continuation")


def test_ads_are_tagged_as_ads():
    assert tag_article("", [], "广告 某某牌白酒 电话", "ad") == ["广告"]


def test_deterministic():
    body = "本报讯 燃气集团工会开展线上活动，职工健步走、才艺秀。" * 3
    first = tag_article("燃气集团工会线上活动", [], body, "news")
    assert all(tag_article("燃气集团工会线上活动", [], body, "news") == first for _ in range(3))


def test_editors_vocabulary_takes_effect(tmp_path):
    path = tmp_path / "v.toml"
    path.write_text('"暖心伴考" = ["伴考", "应援包"]\n\n["老格式"]\nwords = ["护手霜"]\n', encoding="utf-8")
    vocab = load_vocabulary(path)
    assert tag_article("暖心伴考服务", [], "本报讯 工会准备了应援包。", "news", vocabulary=vocab)[0] == "暖心伴考"
    assert "老格式" in tag_article("工会送护手霜", [], "本报讯 工会送护手霜。", "news", vocabulary=vocab)
    # a topic not in this vocabulary is not tagged
    assert "垃圾分类" not in tag_article("工会推动垃圾分类", [], "本报讯 垃圾分类。", "news", vocabulary=vocab)


def test_packaged_vocabulary_is_curated():
    topics = load_vocabulary().topics
    assert 25 <= len(topics) <= 40
    for tag in ("疫情防控", "垃圾分类", "送清凉", "职工书屋", "劳模", "志愿服务", "普法", "托育", "困难帮扶"):
        assert tag in topics


@pytest.mark.parametrize("text,line", [
    ('"好" = ["a"]\n"坏" = 3\n', 2),
    ('["好"]\nwords = ["a"]\n["坏"]\nwords = 3\n', 3),
    ('["好"]\nwords = ["a"]\n["坏"]\nwrods = ["b"]\n', 3),
    ('"好" = ["a", ""]\n', 1),
    ('"好" = ["a"\n"坏" = ["b"]\n', 2),
])
def test_broken_vocabulary_names_file_and_line(tmp_path, text, line):
    path = tmp_path / "v.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SitegenError) as err:
        load_vocabulary(path)
    assert str(err.value).startswith(f"{path}:{line}: ")
