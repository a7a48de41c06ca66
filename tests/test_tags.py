import pytest

from sitegen.errors import SitegenError
from sitegen.tags import MAX_TAGS, load_vocabulary, tag_article


def test_vocabulary_topic_in_the_headline():
    tags = tag_article("东城工会推动垃圾分类", [], "本报讯 东城区总工会召开部署会。", "news")
    assert tags[0] == "垃圾分类"


def test_topic_named_once_deep_in_the_body_is_not_a_tag():
    body = "本报讯 工会召开部署会。\n\n会上，大家交流了经验。\n\n此外还提到了垃圾分类。"
    assert "垃圾分类" not in tag_article("工会召开部署会", [], body, "news")


def test_topic_twice_in_the_body_is_a_tag():
    body = "本报讯 工会召开部署会。\n\n会上，大家交流了垃圾分类经验。\n\n号召职工养成垃圾分类习惯。"
    assert "垃圾分类" in tag_article("工会召开部署会", [], body, "news")


def test_synonyms_call_for_their_tag():
    assert "送清凉" in tag_article("工会为一线职工防暑降温", [], "本报讯 工会送去慰问品。", "news")


def test_no_noise_numbers_or_single_characters():
    body = "本报讯 工会开展活动，职工参加工作。记者了解到，1800名职工参与。" * 3
    for tag in tag_article("工会开展活动", [], body, "news"):
        assert len(tag) >= 2 and not any(c.isdigit() for c in tag)
        assert tag not in {"工作", "开展", "职工", "本报", "工会", "活动", "记者"}


def test_between_one_and_six_tags():
    body = ("本报讯 疫情防控、核酸检测、下沉社区、垃圾分类、安全生产、送清凉、职工书屋、劳模、志愿服务。" * 2)
    tags = tag_article("疫情防控 核酸检测 垃圾分类 安全生产", [], body, "news")
    assert 1 <= len(tags) <= MAX_TAGS
    assert tag_article("优秀驾驶员现场传经验", [], "车队工会开展驾驶员交流活动，驾驶员分享经验。", "photo")


def test_ads_are_tagged_as_ads():
    assert tag_article("", [], "广告", "ad") == ["广告"]


def test_places_are_not_repeated_as_tags():
    tags = tag_article("朝阳区三年开展职工沟通会", [], "本报讯 朝阳区总工会获悉。" * 3, "news", places=["朝阳区"])
    assert "朝阳区" not in tags and "朝阳" not in tags


def test_deterministic():
    body = "本报讯 燃气集团工会开展线上活动，职工健步走、才艺秀。" * 3
    assert tag_article("燃气集团工会线上活动", [], body, "news") == tag_article("燃气集团工会线上活动", [], body, "news")


def test_editors_vocabulary_takes_effect(tmp_path):
    path = tmp_path / "v.toml"
    path.write_text('["暖心伴考"]\nwords = ["伴考", "应援包"]\n', encoding="utf-8")
    vocab = load_vocabulary(path)
    assert tag_article("暖心伴考服务", [], "本报讯 工会准备了应援包。", "news", vocabulary=vocab)[0] == "暖心伴考"


def test_broken_vocabulary_names_file_and_line(tmp_path):
    path = tmp_path / "v.toml"
    path.write_text('["好"]\nwords = ["a"]\n["坏"]\nwords = 3\n', encoding="utf-8")
    with pytest.raises(SitegenError) as err:
        load_vocabulary(path)
    assert str(err.value).startswith(f"{path}:3:")
    path.write_text('["好"]\nwords = [\n', encoding="utf-8")
    with pytest.raises(SitegenError) as err:
        load_vocabulary(path)
    assert str(path) in str(err.value)
