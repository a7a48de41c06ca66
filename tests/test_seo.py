"""What crawlers, link previews and feed readers see of the built site: a description,
OpenGraph card and canonical link on every page, absolute URLs once the site's address is
given (and a warning while it is not), feeds with whole articles and no made-up dates."""

from __future__ import annotations

import html
import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_project, write_synthetic_project
from sitegen.cli import main
from sitegen.config import load_settings
from sitegen.markdown import plain_text
from sitegen.site import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://owner.github.io/repo/"


class _Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: list[str] = []
        self.refresh = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in (a.get("name"), a.get("property")) if tag == "meta" else ():
            if key:                     # one element may be both (description, og:description)
                self.meta.setdefault(key, a.get("content") or "")
        if tag == "meta" and a.get("http-equiv") == "refresh":
            self.refresh = True
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a.get("href") or "")


def _head(path: Path) -> _Head:
    head = _Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def _pages(site: Path) -> dict[str, _Head]:
    """Every page of the site but the redirect stubs, by its URL path under the site."""
    pages = {}
    for f in sorted(site.rglob("*.html")):
        rel = f.relative_to(site).as_posix()
        head = _head(f)
        if not head.refresh:
            pages[rel[: -len("index.html")] if rel.endswith("index.html") else rel] = head
    return pages


# One page of each kind the sample site has.
KINDS = {
    "home": "", "article": "a/", "printed page": "date/2020/07/20/f-", "issue": "date/2020/07/20/",
    "dates": "date/", "year": "date/2020/", "month": "date/2020/07/", "districts": "district/",
    "district": "district/xicheng/", "tags": "tag/", "tag": "tag/la-ji-fen-lei/", "people": "people/",
    "person": "people/chen-xi/", "search": "search/", "404": "404.html",
}


def _find(pages: dict, prefix: str) -> str:
    if prefix in pages:
        return prefix
    return next(p for p in pages if p.startswith(prefix) and p != prefix)


@pytest.fixture(scope="module")
def absolute_site(tmp_path_factory) -> Path:
    """The sample built for a project site with its address given."""
    project = copy_project(tmp_path_factory.mktemp("absolute"))
    build_site(load_settings(project).with_overrides(base_url=SITE))
    return project / "public"


def test_every_page_kind_has_a_description_an_opengraph_card_and_an_absolute_canonical_link(absolute_site):
    pages = _pages(absolute_site)
    for kind, prefix in KINDS.items():
        assert _find(pages, prefix) in pages, kind
    for url, head in pages.items():
        m = head.meta
        assert 20 <= len(m["description"]) <= 150, (url, m["description"])
        assert "：：" not in m["description"] and not m["description"].endswith("："), url
        assert m["og:description"] == m["description"] and m["og:title"], url
        assert head.canonical == [SITE + url] and m["og:url"] == SITE + url, url
        assert m["og:type"] == ("article" if url.startswith("a/") else "website"), url
        image = m["og:image"]
        assert image.startswith(SITE) and (absolute_site / image[len(SITE):]).is_file(), url
    # A description says what is on that page, not the same line everywhere.
    descriptions = [h.meta["description"] for h in pages.values()]
    assert len(set(descriptions)) >= 0.95 * len(descriptions)
    article = json.loads((absolute_site / "data/index.json").read_text(encoding="utf-8"))["articles"][0]
    head = pages[f"a/{article['id']}/"]
    assert head.meta["og:title"] == article["title"]
    data = _exported(absolute_site, article["id"])
    assert plain_text(data["body"]).startswith(head.meta["description"].rstrip("…"))
    issue = pages["date/2020/07/20/"].meta["description"]
    assert "2020年7月20日" in issue and "陶然亭工会构建疫情防线侧重“群防群治”" in issue


def test_the_canonical_and_card_urls_lead_to_files_of_the_site(absolute_site, tmp_path):
    from sitegen.link_checker import check_links

    assert check_links(absolute_site, "/repo/", SITE) == []
    site = tmp_path / "site"
    shutil.copytree(absolute_site, site)
    page = next((site / "a").iterdir()) / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(SITE + "static/share-card.png", SITE + "static/gone.png"),
                    encoding="utf-8")
    assert [b.target for b in check_links(site, "/repo/", SITE)] == [SITE + "static/gone.png"]


def _exported(site, article_id: str) -> dict:
    """An article as the site's JSON export holds it (in its issue's file)."""
    from sitegen.site.export import read_issue_export

    index = json.loads((site / "data/index.json").read_text(encoding="utf-8"))
    file = next(a["file"] for a in index["articles"] if a["id"] == article_id)
    return next(a for a in read_issue_export((site / file).read_bytes()) if a["id"] == article_id)


def test_sitemap_robots_and_feed_ids_are_absolute_with_the_address_given(absolute_site):
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    sitemaps = [e.text for e in ET.parse(absolute_site / "sitemap.xml").getroot().iter(f"{ns}loc")]
    locs = [e.text for m in sitemaps for e in ET.parse(absolute_site / m[len(SITE):]).getroot().iter(f"{ns}loc")]
    assert sitemaps and all(u.startswith(SITE) for u in sitemaps)
    assert locs and all(u.startswith(SITE) for u in locs) and SITE in locs
    assert f"Sitemap: {SITE}sitemap.xml" in (absolute_site / "robots.txt").read_text(encoding="utf-8")
    feed = ET.parse(absolute_site / "feed.xml").getroot()
    ids = [e.text for e in feed.iter(f"{ATOM}id")]
    assert ids and all(i.startswith(SITE) for i in ids)


def test_pages_at_the_root_without_an_address_still_have_every_tag(sample_site):
    pages = _pages(sample_site)
    for url, head in pages.items():
        assert head.meta["description"] and head.meta["og:image"] == "/static/share-card.png", url
        assert head.canonical == ["/" + url], url


def _build_cli(root: Path, capsys, *extra: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["--root", str(root), "build", *extra])
    return code, [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]


def test_the_build_warns_in_one_line_while_the_address_is_missing(tmp_path, capsys):
    root = write_synthetic_project(tmp_path / "p")
    code, warnings = _build_cli(root, capsys)
    assert code == 0 and (root / "public/index.html").is_file()
    assert len(warnings) == 1 and 'base_url = "/"' in warnings[0] and "sitegen.toml" in warnings[0]
    assert 'base_url = "https://owner.github.io/repo/"' in warnings[0]
    code, warnings = _build_cli(root, capsys, "--base-url", "https://example.org/")
    assert code == 0 and warnings == []


def test_a_project_site_is_told_that_crawlers_do_not_read_its_robots_txt(tmp_path, capsys):
    root = write_synthetic_project(tmp_path / "p", base_url=SITE)
    code, warnings = _build_cli(root, capsys)
    assert code == 0 and len(warnings) == 1
    assert "/repo/robots.txt" in warnings[0] and "root" in warnings[0]
    code, warnings = _build_cli(root, capsys, "--base-url", "/repo/")
    assert len(warnings) == 2                  # no address, and under a path


def _entries(feed: Path) -> dict[str, ET.Element]:
    root = ET.parse(feed).getroot()
    return {e.findtext(f"{ATOM}link[@rel='alternate']") or e.find(f"{ATOM}link").get("href"): e
            for e in root.iter(f"{ATOM}entry")}


def test_feeds_carry_whole_articles_and_no_1970_dates(synthetic_site):
    feeds = sorted(synthetic_site.rglob("feed.xml"))
    assert len(feeds) > 3
    for feed in feeds:
        text = feed.read_text(encoding="utf-8")
        assert "1970" not in text, feed
        root = ET.parse(feed).getroot()
        assert root.findtext(f"{ATOM}updated"), feed
    # 职工健身 holds a dated photo and an undated article: the feed lists the dated one.
    tag_feed = next(f for f in feeds if "zhi-gong-jian-shen" in f.as_posix())
    links = list(_entries(tag_feed))
    assert links == ["/a/20200720-photo/"]
    assert "/a/nodate-a1/" not in (synthetic_site / "feed.xml").read_text(encoding="utf-8")
    # The whole text, as the article page shows it, not a summary.
    front = _entries(synthetic_site / "tag/an-quan-sheng-chan/feed.xml")["/a/20200720-front/"]
    content = front.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert "<p>本报讯 陶然亭街道总工会召开防疫安全会。</p>" in content.text and "会议以“践行初心使命”为主题。" in content.text
    assert front.findtext(f"{ATOM}published").startswith("2020-07-20")


def test_the_sample_feed_holds_each_article_whole(sample_site):
    for link, entry in _entries(sample_site / "feed.xml").items():
        article_id = link.strip("/").split("/")[-1]
        data = _exported(sample_site, article_id)
        body = "".join(plain_text(data["body"]).split())
        shown = "".join(html.unescape(re.sub(r"<[^>]+>", "", entry.findtext(f"{ATOM}content"))).split())
        assert body and body in shown, link
        if len(body) > 300:
            assert len(entry.findtext(f"{ATOM}summary")) < len(shown), link


def test_a_topic_feed_holds_the_last_week_whole_and_at_least_five_articles():
    """A reader who looked at a district's or tag's feed a week ago finds every article added
    since, however many; a quiet topic still shows its five newest."""
    from sitegen.content import Article
    from sitegen.site.feeds import GROUP_FEED_LEAST, feed_articles, group_feed_since

    def day(n):
        return f"2020-07-{n:02d}"

    busy = [Article(id=f"b{n}-{k}", title="题", body="文", date=day(n)) for n in range(30, 0, -1) for k in range(3)]
    since = group_feed_since("2020-07-30")
    assert since == "2020-07-24"
    entries = feed_articles(busy, 50, since, GROUP_FEED_LEAST)
    assert [a.date for a in entries] == [a.date for a in busy if a.date >= since] and len(entries) == 21
    assert len(feed_articles(busy, 15, since, GROUP_FEED_LEAST)) == 15           # feed_size still caps it
    quiet = [Article(id=f"q{n}", title="题", body="文", date=day(n)) for n in range(20, 0, -1)]
    assert [a.id for a in feed_articles(quiet, 50, since, GROUP_FEED_LEAST)] == [f"q{n}" for n in range(20, 15, -1)]
    undated = [Article(id="u", title="题", body="文")] + quiet
    assert "u" not in [a.id for a in feed_articles(undated, 50, since, GROUP_FEED_LEAST)]


def test_a_printed_page_with_a_scan_gives_it_to_its_articles_cards():
    """A printed page's scan (its web-size picture) is the card of the page and its articles."""
    from types import SimpleNamespace

    from sitegen.content import Article
    from sitegen.site.describe import SHARE_CARD, page_meta

    a = Article(id="x", title="标题", body="正文" * 30, date="2020-07-20")
    plain = SimpleNamespace(label="第1版", articles=[a], scan=None)
    scanned = SimpleNamespace(label="第1版", articles=[a],
                              scan=SimpleNamespace(web="scans/2020-07-20/p1/web.jpg", web_size=(1200, 1680)))
    date_cn = lambda d: d or "日期不详"         # noqa: E731
    assert page_meta({"article": a, "printed_page": plain}, "报", "报 档案", date_cn).image == SHARE_CARD
    meta = page_meta({"article": a, "printed_page": scanned}, "报", "报 档案", date_cn)
    assert meta.image == "scans/2020-07-20/p1/web.jpg" and meta.image_size == (1200, 1680) and meta.og_type == "article"
