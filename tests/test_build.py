"""sitegen build: what a reader gets, and what a failed build leaves behind."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.config import load_settings
from sitegen.content import read_article
from sitegen.errors import SitegenError
from sitegen.link_checker import check_links
from sitegen.site import build_site
from sitegen.site.export import read_issue_export

ATOM = "{http://www.w3.org/2005/Atom}"


def test_every_internal_link_and_asset_works_at_the_root(sample_site):
    assert check_links(sample_site, "/") == []


def test_every_internal_link_and_asset_works_under_a_project_path(repo_site):
    assert check_links(repo_site, "/repo/") == []
    home = (repo_site / "index.html").read_text(encoding="utf-8")
    assert 'href="/repo/static/css/site.css"' in home and 'href="/static/' not in home


def test_site_has_pages_for_every_way_in(sample_site):
    for path in ["index.html", "404.html", ".nojekyll", "robots.txt", "sitemap.xml", "feed.xml", "date/index.html",
                 "date/2020/index.html", "date/2020/07/index.html", "date/2020/07/20/index.html", "date/undated/index.html",
                 "district/index.html", "district/xicheng/index.html", "district/chaoyang/feed.xml", "tag/index.html",
                 "people/index.html", "search/index.html", "data/index.json"]:
        assert (sample_site / path).exists(), path


def test_urls_are_ascii(sample_site):
    for path in sample_site.rglob("*"):
        assert path.relative_to(sample_site).as_posix().isascii(), path


def test_article_page_shows_what_a_reader_needs(sample_site):
    article = next(read_article(p) for p in Path("content").rglob("*.md") if "陶然亭工会构建疫情防线" in p.read_text(encoding="utf-8"))
    html = (sample_site / "a" / article.id / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html
    assert "<h1>陶然亭工会构建疫情防线侧重“群防群治”</h1>" in html
    assert "2020年7月20日" in html and "陈曦" in html and "牛亚乐" in html
    assert 'href="/district/xicheng/"' in html and "陶然亭街道" in html
    assert '"@type":"NewsArticle"' in html and 'property="og:title"' in html
    assert 'src="/static/js/citation.js"' in html and f"/a/{article.id}/" in html     # it writes 引用本文
    assert "本版全部文章" in html


def test_month_page_is_a_calendar_linking_issue_days(sample_site):
    html = (sample_site / "date/2020/07/index.html").read_text(encoding="utf-8")
    assert '<table class="calendar">' in html
    assert 'href="/date/2020/07/20/"' in html and 'href="/date/2020/07/04/"' in html


def test_district_map_is_inline_svg_with_links_and_credit(sample_site):
    html = (sample_site / "district/index.html").read_text(encoding="utf-8")
    assert "<svg" in html and html.count('class="map-district"') == 16
    assert 'href="/district/chaoyang/"' in html and "阿里云 DataV.GeoAtlas" in html


def test_feeds_and_sitemap_parse(sample_site):
    feed = ET.parse(sample_site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed" and len(feed.findall(f"{ATOM}entry")) == 32   # the 8 of unknown date left out
    for district_feed in (sample_site / "district").rglob("feed.xml"):
        ET.parse(district_feed)
    urls = [loc.text for f in (sample_site / "sitemaps").glob("*.xml")
            for loc in ET.parse(f).getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "/" in urls and any(u.startswith("/a/") for u in urls)
    assert "Sitemap:" in (sample_site / "robots.txt").read_text()


def test_json_export(sample_site):
    index = json.loads((sample_site / "data/index.json").read_text(encoding="utf-8"))
    assert index["count"] == 40
    first = index["articles"][0]
    issue = read_issue_export((sample_site / first["file"]).read_bytes())
    one = next(r for r in issue if r["id"] == first["id"])
    assert "body" in one and one["url"] == first["url"] and {r["date"] for r in issue} == {first["date"]}


def test_lists_are_paginated_at_stable_urls(project):
    settings = load_settings(project).with_overrides(page_size=5)
    build_site(settings)
    tag_dir = project / "public" / "tag"
    first = sorted(tag_dir.glob("*/page/1/index.html"))
    assert first, "a tag with 10 articles or more has an older page"
    assert 'rel="prev"' in first[0].read_text(encoding="utf-8")


def test_text_from_pages_is_escaped(project):
    path = next((project / "content").rglob("*.md"))
    text = path.read_text(encoding="utf-8")
    text = text.replace("\ntitle: ", "\ntitle: \"<script>alert(1)</script>\"\nold_title: ", 1)
    path.write_text(text + "\n\n<script>alert(2)</script> & <b>x</b>\n", encoding="utf-8")
    build_site(load_settings(project))
    article = read_article(path)
    html = (project / "public" / "a" / article.id / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_a_subhead_is_a_heading_on_the_page_and_plain_text_in_search(project):
    path = next((project / "content").rglob("*.md"))
    path.write_text(path.read_text(encoding="utf-8") + "\n\n### 精准帮扶暖人心\n\n下一步将继续做好帮扶工作。\n",
                    encoding="utf-8")
    build_site(load_settings(project))
    article = read_article(path)
    html = (project / "public" / "a" / article.id / "index.html").read_text(encoding="utf-8")
    assert "<h3>精准帮扶暖人心</h3>" in html
    docs = [d for p in (project / "public" / "search" / "docs").glob("*.gz")
            for d in json.loads(gzip.decompress(p.read_bytes()))]      # a few articles to a file
    (doc,) = [d for d in docs if d["u"].rstrip("/").endswith(article.id)]
    assert "精准帮扶暖人心 下一步将继续做好帮扶工作。" in doc["x"] and "#" not in doc["x"]


def test_failed_build_keeps_the_previous_site(project, capsys):
    build_site(load_settings(project))
    before = {p: p.read_bytes() for p in (project / "public").rglob("*") if p.is_file()}
    template = project / "themes" / "default" / "templates" / "article.html"
    lines = template.read_text(encoding="utf-8").split("\n")
    lines[9] = "{% if %}"
    template.write_text("\n".join(lines), encoding="utf-8")
    code = main(["--root", str(project), "build"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().startswith("error: ") and "article.html:10:" in err and len(err.strip().splitlines()) == 1
    after = {p: p.read_bytes() for p in (project / "public").rglob("*") if p.is_file()}
    assert after == before


def test_broken_front_matter_names_file_and_line(project, capsys):
    path = next((project / "content").rglob("*.md"))
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] = "kind: [news"
    path.write_text("\n".join(lines), encoding="utf-8")
    code = main(["--root", str(project), "build"])
    err = capsys.readouterr().err
    assert code == 1 and f"{path}:" in err


def test_broken_front_matter_read_on_every_core_names_file_and_line(project, capsys, monkeypatch):
    # Many files are read on every core (a cold build, a fresh checkout); one broken among
    # them is still the build's one-line error with its file and line, and the site stands.
    import sitegen.site.cache

    assert main(["--root", str(project), "build", "-q"]) == 0
    before = {p: p.read_bytes() for p in (project / "public").rglob("*") if p.is_file()}
    monkeypatch.setattr(sitegen.site.cache, "READ_IN_POOL_FROM", 2)
    paths = sorted((project / "content").rglob("*.md"))
    for p in paths:
        p.touch()                    # a fresh checkout: every file's time is new
    path = paths[len(paths) // 2]
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] = "kind: [news"
    path.write_text("\n".join(lines), encoding="utf-8")
    code = main(["--root", str(project), "build"])
    err = capsys.readouterr().err
    assert code == 1 and re.search(rf"{re.escape(str(path))}:\d+: ", err) and len(err.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in (project / "public").rglob("*") if p.is_file()} == before


def test_theme_override_changes_only_what_it_names(project):
    mine = project / "themes" / "mine"
    (mine / "templates").mkdir(parents=True)
    (mine / "static" / "css").mkdir(parents=True)
    (mine / "templates" / "article.html").write_text(
        '{% extends "default/article.html" %}{% block title %}我的主题 · {{ article.display_title }}{% endblock %}'
        '{% block article_footer %}<p class="mine">{{ article.date|date_cn }} 本主题的页脚</p>{% endblock %}',
        encoding="utf-8")
    (mine / "static" / "css" / "site.css").write_text("body { color: teal; }", encoding="utf-8")
    toml = project / "sitegen.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('theme = "default"', 'theme = "mine"'), encoding="utf-8")
    build_site(load_settings(project))
    article_page = next((project / "public" / "a").glob("*/index.html")).read_text(encoding="utf-8")
    assert "<title>我的主题 · " in article_page
    assert '<article class="article' in article_page and '<dl class="article-meta">' in article_page  # the default's
    assert '本主题的页脚</p>' in article_page and "引用：" not in article_page
    assert (project / "public/static/css/site.css").read_text() == "body { color: teal; }"


def test_missing_theme_is_a_clear_error(project):
    with pytest.raises(SitegenError, match="theme 'nope' not found"):
        build_site(load_settings(project).with_overrides(theme="nope"))


def test_build_on_a_fresh_checkout_ingests_new_pages(project, capsys):
    import shutil
    shutil.rmtree(project / "content")
    assert main(["--root", str(project), "build"]) == 0
    out = capsys.readouterr().out
    assert "5 pages read" in out and "build: 40 articles" in out


def test_broken_settings_name_file_and_line(project, capsys):
    toml = project / "sitegen.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\npage_size = = 3\n", encoding="utf-8")
    assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {toml}:") and len(err.splitlines()) == 1


def test_pages_checked_once_are_not_read_again_by_later_builds(project, monkeypatch):
    # A fresh checkout has no page stamps: the first build reads every page to see that its
    # text is what was ingested; later builds trust the stamps and read none.
    import sitegen.ingest as ingest_stage

    reads = []
    real = ingest_stage.read_page
    monkeypatch.setattr(ingest_stage, "read_page", lambda *a: reads.append(a[0]) or real(*a))
    settings = load_settings(project)
    build_site(settings)
    assert len(reads) == 5
    reads.clear()
    article = next((project / "content").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\n补记。\n", encoding="utf-8")
    build_site(settings)
    assert reads == []


def test_pages_rendered_on_every_core_are_the_pages_rendered_in_one(tmp_path, monkeypatch):
    import sitegen.site.build as build
    from conftest import site_differences, write_synthetic_project
    from sitegen.parallel import process_pool

    pool = process_pool()
    assert pool is not None, "this test needs forked workers"
    pool.shutdown()

    def site(name: str, parallel_from: int) -> Path:
        monkeypatch.setattr(build, "PARALLEL_PAGES", parallel_from)
        root = write_synthetic_project(tmp_path / name)
        build_site(load_settings(root))
        return root / "public"

    one, every = site("one", 10 ** 9), site("every", 1)

    assert site_differences(one, every) == []
    assert len(list(every.rglob("index.html"))) > 20


def test_long_lists_show_a_short_pager_that_still_reaches_every_page(project):
    import re

    build_site(load_settings(project).with_overrides(page_size=1))
    public = project / "public"
    tags = sorted((public / "tag").glob("*/page/*/index.html"))
    biggest = max({p.parents[2] for p in tags}, key=lambda d: len(list(d.glob("page/*/index.html"))))
    total = len(list(biggest.glob("page/*/index.html"))) + 1
    assert total >= 8, "the sample has a tag with eight articles or more"

    def pager_links(page: Path) -> set[str]:
        nav = re.search(r'<nav class="pager".*?</nav>', page.read_text(encoding="utf-8"), re.S).group(0)
        return set(re.findall(r'href="([^"]+)"', nav))

    first = biggest / "index.html"
    assert len(pager_links(first)) <= 7 and "…" in first.read_text(encoding="utf-8")
    seen, todo = set(), [first]
    while todo:                                 # follow the pager from the first page
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        for href in pager_links(page):
            target = public / href.lstrip("/") / "index.html"
            assert target.is_file(), href
            todo.append(target)
    assert len(seen) == total


def test_a_rebuild_after_edits_equals_a_clean_build(project, tmp_path):
    import shutil

    from conftest import site_differences

    settings = load_settings(project)
    build_site(settings)
    content = project / "content"
    path = next(p for p in content.rglob("*.md") if "陶然亭工会构建疫情防线" in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8").replace("title: 陶然亭工会", "title: 陶然亭街道工会")
    path.write_text(text.replace("districts: [西城区]", "districts: [西城区, 东城区]"), encoding="utf-8")
    next(p for p in content.rglob("*.md") if "北京职工互助保障业务培训会召开" in p.read_text(encoding="utf-8")).unlink()
    report = build_site(settings)
    assert 0 < report.written < report.files / 4            # only what the edits changed was written
    fresh = tmp_path / "clean"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("public", ".public.*", ".sitegen-cache"))
    build_site(load_settings(fresh))
    assert site_differences(project / "public", fresh / "public") == []


def test_the_json_export_is_off_unless_asked_for_and_comes_back(project, capsys):
    toml = project / "sitegen.toml"
    settings_text = toml.read_text(encoding="utf-8")
    assert re.search(r"(?m)^export\s*=\s*true", settings_text)     # this archive publishes it
    others = re.sub(r"(?m)^export\s*=.*\n", "", settings_text)
    toml.write_text(others, encoding="utf-8")                        # a project that says nothing
    assert main(["--root", str(project), "build", "-q"]) == 0
    public = project / "public"
    assert not (public / "data").exists()
    assert "data/index.json" not in (public / "index.html").read_text(encoding="utf-8")
    assert check_links(public, "/") == []
    toml.write_text(settings_text, encoding="utf-8")
    assert main(["--root", str(project), "build", "-q"]) == 0
    index = json.loads((public / "data/index.json").read_text(encoding="utf-8"))
    exported = {r["id"] for f in {a["file"] for a in index["articles"]} for r in read_issue_export((public / f).read_bytes())}
    assert index["count"] == 40 == len(exported) and 'href="/data/index.json"' in (public / "index.html").read_text(encoding="utf-8")
    toml.write_text('export = "no"\n' + others, encoding="utf-8")
    assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"error: {toml}: export must be true or false"
