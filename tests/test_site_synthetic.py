"""The built site for the made-up archive (tests/conftest.py): the cases the sample lacks."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from sitegen.link_checker import check_links
from sitegen.site.export import read_issue_export

ATOM = "{http://www.w3.org/2005/Atom}"


def _html(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_no_broken_links_at_the_root_or_under_a_project_path(synthetic_site, synthetic_repo_site):
    assert check_links(synthetic_site, "/") == []
    assert check_links(synthetic_repo_site, "/repo/") == []
    home = _html(synthetic_repo_site, "index.html")
    assert 'href="/repo/date/"' in home and 'href="/date/' not in home


def test_continuation_links_both_ways(synthetic_site):
    front = _html(synthetic_site, "a/20200720-front/index.html")
    jump = _html(synthetic_site, "a/20200720-jump/index.html")
    assert '（下转 <a href="/a/20200720-jump/">第4版</a>）' in front
    assert '（上接 <a href="/a/20200720-front/">陶然亭工会构建疫情防线</a>）' in jump


def test_markup_in_headline_and_body_shows_as_text_everywhere(synthetic_site):
    page = _html(synthetic_site, "a/20221231-script/index.html")
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>粗体" not in page
    assert "<title>标题里的&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "正文里的&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;粗体&lt;/b&gt; &amp; 符号" in page
    for listing in ["index.html", "date/2022/12/31/p1/index.html", "tag/an-quan-sheng-chan/index.html"]:
        assert "<script>alert" not in _html(synthetic_site, listing)
    feed = ET.parse(synthetic_site / "feed.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert "标题里的<script>alert(1)</script>" in titles            # escaped in the XML, intact as text


def test_articles_without_headline_date_or_page(synthetic_site):
    undated = _html(synthetic_site, "date/undated/index.html")
    assert "<h1>日期不详</h1>" in undated and "第3版（1）" in undated and "版次不详" in undated
    ad = _html(synthetic_site, "date/2020/07/20/p1/index.html")
    assert "某某牌空调" in ad and "广告" in ad
    column = _html(synthetic_site, "a/20201116-column/index.html")
    assert "工会干部下沉日记" in column and "市服务工会 冯显亮" in column
    assert '"datePublished"' not in _html(synthetic_site, "a/nodate-c1/index.html")


def test_article_metadata_for_machines_and_citation(synthetic_repo_site):
    page = _html(synthetic_repo_site, "a/20200720-front/index.html")
    ld = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert ld["@type"] == "NewsArticle" and ld["headline"] == "陶然亭工会构建疫情防线"
    assert ld["datePublished"] == "2020-07-20" and "image" not in ld         # the site's card is no picture of it
    assert {p["name"] for p in ld["author"]} == {"陈曦", "牛亚乐"}
    assert '<meta property="og:url" content="https://example.org/repo/a/20200720-front/">' in page
    # What citation.js writes the citation from (tests/test_seo_browser.py reads what it writes).
    assert ld["publisher"]["name"] == "测试报" and 'data-page-number="1"' in page


def test_feeds_per_district_and_tag_hold_their_articles(synthetic_site):
    feed = ET.parse(synthetic_site / "district/chaoyang/feed.xml").getroot()
    links = [e.find(f"{ATOM}link").get("href") for e in feed.iter(f"{ATOM}entry")]
    assert links == ["/a/20200720-photo/", "/a/20200704-haidian/"]
    tag_feed = ET.parse(synthetic_site / "tag/gong-shi/feed.xml").getroot()
    assert tag_feed.findtext(f"{ATOM}title").endswith("公式") and len(tag_feed.findall(f"{ATOM}entry")) == 2
    latest = ET.parse(synthetic_site / "feed.xml").getroot()
    assert len(latest.findall(f"{ATOM}entry")) == 5                    # feed_size


def _sitemap_urls(site, prefix):
    """(loc, lastmod) of every URL the sitemap index leads to, and the sitemaps it lists."""
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == f"{ns}sitemapindex"
    listed = [(e.findtext(f"{ns}loc"), e.findtext(f"{ns}lastmod")) for e in index.iter(f"{ns}sitemap")]
    urls = []
    for loc, lastmod in listed:
        urlset = ET.parse(site / loc.removeprefix(prefix)).getroot()
        assert urlset.tag == f"{ns}urlset"
        found = [(u.findtext(f"{ns}loc"), u.findtext(f"{ns}lastmod")) for u in urlset.iter(f"{ns}url")]
        assert 0 < len(found) <= 50_000 and lastmod == max(m for _, m in found)
        urls += found
    return urls, [loc for loc, _ in listed]


def test_sitemap_lists_every_page_once_but_not_the_404(synthetic_repo_site):
    urls, _ = _sitemap_urls(synthetic_repo_site, "https://example.org/repo/")
    locs = [loc for loc, _ in urls]
    assert len(locs) == len(set(locs))
    pages = {p.relative_to(synthetic_repo_site).as_posix()[: -len("index.html")]
             for p in synthetic_repo_site.rglob("index.html")}
    assert {loc.removeprefix("https://example.org/repo/") for loc in locs} == pages
    assert "Sitemap: https://example.org/repo/sitemap.xml" in (synthetic_repo_site / "robots.txt").read_text()


def test_sitemaps_by_year_give_each_page_the_newest_date_it_shows(synthetic_repo_site):
    urls, sitemaps = _sitemap_urls(synthetic_repo_site, "https://example.org/repo/")
    site = "https://example.org/repo/"
    assert sitemaps == [f"{site}sitemaps/{name}.xml" for name in ("2020", "2022", "pages", "undated")]
    lastmod = dict(urls)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", m) for m in lastmod.values())
    assert lastmod[f"{site}a/20200720-front/"] == "2020-07-20" == lastmod[f"{site}date/2020/07/20/p1/"]
    assert lastmod[f"{site}date/2020/07/"] == "2020-07-20" and lastmod[f"{site}date/2020/"] == "2020-11-16"
    newest = "2022-12-31"
    assert lastmod[site] == lastmod[f"{site}search/"] == lastmod[f"{site}a/nodate-c1/"] == newest
    listed = re.findall(r'href="/repo/(a/[^"]+)"', _html(synthetic_repo_site, "tag/gong-shi/index.html"))
    assert lastmod[f"{site}tag/gong-shi/"] == max(lastmod[site + a] for a in listed) == "2020-11-16"
    year_2020 = ET.parse(synthetic_repo_site / "sitemaps/2020.xml").getroot()
    assert all("/a/2020" in loc.text or "/date/2020/" in loc.text
               for loc in year_2020.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"))


def test_a_year_over_the_protocol_s_limit_goes_on_in_a_second_sitemap(monkeypatch):
    from sitegen.site import sitemap

    monkeypatch.setattr(sitemap, "MAX_URLS", 2)
    entries = [sitemap.Entry(f"a/{n}/", f"2020-01-0{n}", "2020") for n in range(1, 6)]
    files = sitemap.sitemaps(entries, lambda p: "/" + p)
    assert sorted(files) == ["sitemap.xml", "sitemaps/2020-2.xml", "sitemaps/2020-3.xml", "sitemaps/2020.xml"]
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert [e.text for e in ET.fromstring(files["sitemaps/2020-3.xml"]).iter(f"{ns}loc")] == ["/a/5/"]
    index = ET.fromstring(files["sitemap.xml"])
    assert [e.text for e in index.iter(f"{ns}lastmod")] == ["2020-01-02", "2020-01-04", "2020-01-05"]


def test_json_export_has_every_article(synthetic_site):
    index = json.loads(_html(synthetic_site, "data/index.json"))
    exported = [r for f in (synthetic_site / "data/issues").glob("*.jsonl.gz") for r in read_issue_export(f.read_bytes())]
    assert index["count"] == 11 == len(exported) == len({r["id"] for r in exported})
    (one,) = [r for r in read_issue_export((synthetic_site / "data/issues/2020-07-20.jsonl.gz").read_bytes())
              if r["id"] == "20200720-front"]
    assert one["continued_to"] == "第4版" and one["districts"] == ["西城区"] and one["url"] == "/a/20200720-front/"


def test_pages_have_landmarks_a_skip_link_and_headings_in_order(synthetic_site):
    import re

    for path in ["index.html", "a/20200720-front/index.html", "date/2020/07/index.html", "district/index.html",
                 "date/undated/index.html", "tag/gong-shi/index.html", "404.html"]:
        html = _html(synthetic_site, path)
        assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
        assert "<header" in html and "<nav" in html and "<footer" in html
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", html)]
        assert levels.count(1) == 1 and levels[0] == 1, path
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (path, levels)
