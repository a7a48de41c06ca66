"""A reader's walk through the built sample, in real Chromium."""

from __future__ import annotations

import re

from browser import chromium_page, needs_chromium, serve_folder


def _go(page, selector: str, url_part: str) -> None:
    """Follow the first link matching ``selector`` and wait for the page it leads to."""
    from playwright.sync_api import expect

    page.locator(selector).first.click()
    expect(page).to_have_url(re.compile(re.escape(url_part)))
    page.wait_for_load_state("load")


@needs_chromium
def test_home_date_issue_page_article_district_tag_person(repo_site):
    from playwright.sync_api import expect

    with serve_folder(repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base)
        assert "劳动午报" in page.title()
        _go(page, "nav.site-nav >> text=日期", "/repo/date/")
        _go(page, "ul.year-list a", "/repo/date/20")
        _go(page, "ul.month-list a", "/repo/date/20")
        _go(page, "table.calendar td.has-issue a", "/repo/date/20")
        expect(page.locator("h1")).to_have_text(re.compile(r"\d+年\d+月\d+日$"))
        _go(page, ".issue-page h2 a", "/repo/date/20")
        expect(page.locator("ol.printed-page > li").first).to_be_visible()
        assert page.locator("ol.printed-page > li").count() >= 2
        _go(page, ".printed-page h2 a", "/repo/a/")
        expect(page.locator("article.article h1")).to_have_count(1)
        # Walk along the page until an article names a district.
        for _ in range(10):
            if page.locator('.article-meta a[href*="/district/"]').count():
                break
            _go(page, "a[rel=next]", "/repo/a/")
        _go(page, '.article-meta a[href*="/district/"]', "/repo/district/")
        expect(page.locator(".place-group").first).to_be_visible()
        _go(page, ".place-group .article-list > li > a", "/repo/a/")
        _go(page, '.article-meta a[href*="/tag/"]', "/repo/tag/")
        expect(page.locator(".article-list > li").first).to_be_visible()
        _go(page, ".article-list > li > a", "/repo/a/")
        _go(page, '.article-meta a[href*="/people/"]', "/repo/people/")
        expect(page.locator(".article-list > li").first).to_be_visible()
        assert errors == []


@needs_chromium
def test_map_links_lead_to_districts(sample_site):
    from playwright.sync_api import expect

    with serve_folder(sample_site) as base, chromium_page() as (page, errors):
        page.goto(base + "district/")
        page.locator('svg a.map-district[href="/district/chaoyang/"]').click()
        expect(page).to_have_url(base + "district/chaoyang/")
        expect(page.locator("h1")).to_have_text("朝阳区")
        assert errors == []


@needs_chromium
def test_pages_read_on_a_phone_without_sideways_scrolling(sample_site):
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS

    with serve_folder(sample_site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 740})
            for path in ["", "date/2020/07/", "district/", "tag/", "date/undated/"]:
                page.goto(base + path)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= 360, (path, width)
        finally:
            browser.close()


@needs_chromium
def test_pages_read_the_same_without_the_white_space_between_their_tags(sample_site, tmp_path):
    """Written without the white space between its blocks, a page shows a reader the same text,
    line for line, as with every tag on a line of its own, indented as in a template."""
    import shutil

    from sitegen.site.minify import collapse_whitespace

    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    article = next(p for p in (site / "a").iterdir() if "上接" not in (p / "index.html").read_text(encoding="utf-8"))
    pages = [article / "index.html", next((site / "date/2020/07/20").glob("*/index.html")), site / "index.html",
             site / "tag/index.html", site / "district/index.html"]
    for path in pages:
        written = path.read_text(encoding="utf-8")
        # Indent between every two tags, but not inside what keeps its spacing.
        kept = re.split(r"(<(?:pre|textarea|script)\b.*?</(?:pre|textarea|script)>)", written, flags=re.S)
        indented = "".join(part if n % 2 else re.sub(r">\s*(?=<)", ">\n    ", part) for n, part in enumerate(kept))
        written = collapse_whitespace(indented)
        assert len(written) < len(indented) and collapse_whitespace(written) == written
        path.write_text(written, encoding="utf-8")
        path.with_name("indented.html").write_text(indented, encoding="utf-8")
    with serve_folder(site) as base, chromium_page() as (page, errors):
        for path in pages:
            shown = []
            for name in ("index.html", "indented.html"):
                page.goto(base + path.parent.relative_to(site).as_posix().strip(".") + "/" + name)
                page.wait_for_load_state("load")
                # Line by line; a space at a line's start is the indentation after a
                # generated ›, which the template never had.
                shown.append([line.strip() for line in page.evaluate("document.body.innerText").splitlines()])
            assert shown[0] == shown[1] and len(shown[0]) > 20, path
        assert errors == []
