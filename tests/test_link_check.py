"""The link checker: what it finds broken in a built site, and what it lets pass."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitegen.link_checker import check_links


def _site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_finds_a_link_added_to_a_built_sample_page(sample_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    page = site / "tag" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", '<a href="/a/no-such-article/">x</a></main>'),
                    encoding="utf-8")
    assert [(b.page, b.target) for b in check_links(site, "/")] == [("tag/index.html", "/a/no-such-article/")]


def test_resolves_relative_and_absolute_links_like_a_browser(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="a/x/">ok</a><a href="a/x">ok without slash</a><img src="static/p.png">'
                      '<a href="https://example.org/nope">other site</a><a href="mailto:a@b">mail</a>'
                      '<img srcset="static/p.png 1x, static/missing.png 2x">',
        "a/x/index.html": '<h1 id="top">x</h1><a href="../../">home</a><a href="../y/">missing</a>'
                          '<a href="#top">here</a><a href="#nowhere">no such id</a>'
                          '<a href="/a/x/#top">there</a><a href="/a/x/#gone">gone</a>',
        "static/p.png": "",
    })
    broken = {(b.page, b.target) for b in check_links(site, "/")}
    assert broken == {("index.html", "static/missing.png"), ("a/x/index.html", "../y/"),
                      ("a/x/index.html", "#nowhere"), ("a/x/index.html", "/a/x/#gone")}


def test_a_root_link_is_broken_under_a_project_path(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="/repo/a/">ok</a><a href="/a/">escapes /repo/</a><link href="/repo/" rel="home">',
        "a/index.html": "",
    })
    assert [b.target for b in check_links(site, "/repo/")] == ["/a/"]
    assert [b.target for b in check_links(site, "/")] == ["/repo/a/", "/repo/"]


def test_sitemap_feed_and_stylesheet_links_are_checked_and_the_sites_own_full_urls_too(tmp_path):
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    site = _site(tmp_path, {
        "index.html": '<link rel="canonical" href="https://e.org/repo/"><link rel="next" href="https://e.org/repo/gone/">'
                      '<meta property="og:image" content="https://e.org/repo/static/card.png">'
                      '<a href="https://e.org/other/">another site of the host</a>',
        "static/card.png": "",
        "static/site.css": 'a { background: url("../img/missing.png"); } b { background: url(card.png); }',
        "sitemap.xml": f'<urlset {ns}><url><loc>https://e.org/repo/</loc></url>'
                       f'<url><loc>https://e.org/repo/a/old/</loc></url></urlset>',
        "feed.xml": '<feed xmlns="http://www.w3.org/2005/Atom"><id>https://e.org/repo/a/gone/</id>'
                    '<link href="https://e.org/repo/a/x/"/></feed>',
    })
    broken = {(b.page, b.target) for b in check_links(site, "/repo/", "https://e.org/repo/")}
    assert broken == {("index.html", "https://e.org/repo/gone/"), ("static/site.css", "../img/missing.png"),
                      ("sitemap.xml", "https://e.org/repo/a/old/"), ("feed.xml", "https://e.org/repo/a/x/")}
