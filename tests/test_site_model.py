"""The site model and URL scheme: how the archive is arranged for browsing, before rendering."""

from __future__ import annotations

import random

from conftest import synthetic_articles
from sitegen.site import urls
from sitegen.site.model import build_model
from sitegen.site.pages import _pager, _paginate, page_jobs


def _model(articles=None):
    return build_model(articles if articles is not None else synthetic_articles())


def test_issues_newest_first_with_the_undated_group_last():
    model = _model()
    assert [i.date for i in model.issues] == ["2022-12-31", "2020-11-16", "2020-07-20", "2020-07-04", None]
    assert model.issues[-1].url == "date/undated/"
    assert [a.id for a in model.articles][:2] == ["20221231-script", "20201116-column"]


def test_pages_of_an_issue_in_page_order_and_articles_in_print_order():
    issue = next(i for i in _model().issues if i.date == "2020-07-20")
    assert [p.label for p in issue.pages] == ["第1版", "第4版"]
    assert [a.id for a in issue.pages[0].articles] == ["20200720-front", "20200720-photo", "20200720-ad"]
    assert issue.pages[0].url == "date/2020/07/20/p1/"


def test_undated_page_files_stay_apart_even_with_the_same_page_number():
    undated = _model().issues[-1]
    assert [p.url for p in undated.pages] == ["date/undated/f-undated-a/", "date/undated/f-undated-b/",
                                              "date/undated/f-undated-c/"]
    assert [p.label for p in undated.pages] == ["第3版（1）", "第3版（2）", "版次不详"]
    assert [len(p.articles) for p in undated.pages] == [2, 1, 1]


def test_continuation_is_linked_both_ways_only_when_unambiguous():
    model = _model()
    head, fragment = (next(a for a in model.articles if a.id == i) for i in ("20200720-front", "20200720-jump"))
    assert model.continuation[fragment.id] == (head, None)
    assert model.continuation[head.id] == (None, fragment)

    # A second article on page 1 that also says 下转: which one the fragment continues is unknown.
    articles = synthetic_articles()
    articles[1].continued_to = "第4版"
    assert "20200720-jump" not in build_model(articles).continuation


def test_slugs_are_ascii_and_colliding_pinyin_is_numbered_stably():
    model = _model()
    assert model.tag_url["公式"] == "tag/gong-shi/" and model.tag_url["攻势"] == "tag/gong-shi-2/"
    shuffled = synthetic_articles()
    random.Random(7).shuffle(shuffled)
    again = build_model(shuffled)
    assert again.tag_url == model.tag_url and again.person_url == model.person_url
    assert model.district_url["朝阳区"] == "district/chaoyang/"     # the official spelling, not zhao-yang
    for url in [*model.tag_url.values(), *model.person_url.values(), *model.district_url.values()]:
        assert url.isascii() and "%" not in url


def test_every_district_is_listed_and_an_article_counts_once_per_district():
    model = _model()
    assert len(model.districts) == 16
    chaoyang = next(g for g in model.districts if g.name == "朝阳区")
    assert [a.id for a in chaoyang.articles] == ["20200720-photo", "20200704-haidian"]
    assert next(g for g in model.districts if g.name == "密云区").articles == []


def test_a_person_in_two_roles_lists_each_article_once():
    model = _model()
    wang = next(g for g in model.people if g.name == "王伟")
    assert [a.id for a in wang.articles] == ["20200720-photo"] and wang.roles == {"记者", "摄影"}
    chen = next(g for g in model.people if g.name == "陈曦")
    assert [a.id for a in chen.articles] == ["20221231-script", "20200720-front"]


def test_lists_paginate_at_stable_urls():
    model = _model()
    jobs = {j.path: j for j in page_jobs(model, page_size=2)}
    tag = model.tag_url["安全生产"]            # four articles: the newest two first, the oldest two on page 1
    first, older = jobs[tag + "index.html"], jobs[tag + "page/1/index.html"]
    assert [a.id for a in first.context["articles"]] == ["20221231-script", "20200720-jump"]
    assert older.context["paging"]["prev"] == tag and first.context["paging"]["next"] == tag + "page/1/"
    assert tag + "page/2/index.html" not in jobs
    assert len(jobs) == len(page_jobs(model, page_size=2))          # one job per output file


def test_a_growing_list_keeps_its_older_pages_as_they_were():
    """Pages count from a list's oldest article: as articles join at the newest end, a page
    once made keeps its URL and its articles; the list's own URL shows the newest."""
    articles = sorted(synthetic_articles(), key=lambda a: a.date or "")
    seen: dict[str, list[str]] = {}
    for n in range(1, len(articles) + 1):
        listed = articles[:n][::-1]              # newest first, as the model lists them
        pages = _paginate("tag/x/", listed, 3)
        assert [a.id for _, _, chunk, _ in pages for a in chunk] == [a.id for a in listed]
        assert 3 <= len(pages[0][2]) <= 5 or len(pages) == 1
        assert pages[0][3] == "tag/x/"
        for number, _, chunk, url in pages[1:]:
            assert url == f"tag/x/page/{number}/" and len(chunk) == 3
            assert seen.setdefault(url, [a.id for a in chunk]) == [a.id for a in chunk]
    assert "tag/x/page/1/" in seen


def test_the_pager_names_the_newest_page_and_counts_the_others_from_the_oldest():
    pager = _pager("tag/x/", 5, 9)
    assert pager["pages"] == [("最新", "tag/x/"), (None, None), (7, "tag/x/page/7/"), (6, "tag/x/page/6/"),
                              (5, "tag/x/page/5/"), (4, "tag/x/page/4/"), (3, "tag/x/page/3/"), (None, None),
                              (1, "tag/x/page/1/")]
    assert pager["prev"] == "tag/x/page/6/" and pager["next"] == "tag/x/page/4/"     # newer, older
    assert _pager("tag/x/", 9, 9)["number"] == "最新" and _pager("tag/x/", 9, 9)["prev"] is None


def test_url_helpers():
    assert urls.day("2020-07-20") == "date/2020/07/20/" and urls.day(None) == "date/undated/"
    assert urls.month("2020", "07") == "date/2020/07/" and urls.year("2020") == "date/2020/"
    assert urls.paginated("tag/x/", 4, 4) == "tag/x/" and urls.paginated("tag/x/", 3, 4) == "tag/x/page/3/"
    assert urls.page_key("3", "a.txt") == "p3" and urls.page_key(None, "seeds/004_B2.txt") == "f-004_b2"
    assert urls.page_key(None, "seeds/第三版.txt").startswith("f-") and urls.page_key(None, "seeds/第三版.txt").isascii()
    assert urls.slugify("垃圾分类") == "la-ji-fen-lei" and urls.slugify("ABC 2020") == "abc-2020"
