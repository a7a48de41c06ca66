"""A reader's walk through the built sample, in real Chromium."""

from __future__ import annotations

from browser import chromium_page, needs_chromium, serve_folder


@needs_chromium
def test_home_date_issue_page_article_district_tag_person(repo_site):
    with serve_folder(repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base)
        assert "劳动午报" in page.title()
        page.click("nav.site-nav >> text=日期")
        page.click("ul.year-list a >> nth=0")
        page.click("ul.month-list a >> nth=0")
        page.click("table.calendar td.has-issue a >> nth=0")
        assert page.locator("h1").inner_text().endswith("日")
        page.click(".issue-page h2 a >> nth=0")
        assert page.locator("ol.printed-page > li").count() >= 6
        page.click(".printed-page h2 a >> nth=0")
        assert page.locator("article.article h1").count() == 1
        article_url = page.url
        districts = page.locator(".article-meta a.district")
        if districts.count() == 0:
            page.click("a[rel=next]")
            districts = page.locator(".article-meta a.district")
        districts.first.click()
        assert "/repo/district/" in page.url and page.locator(".place-group").count() >= 1
        page.click(".place-group a.article-link >> nth=0")
        page.click(".article-meta a.tag >> nth=0")
        assert "/repo/tag/" in page.url and page.locator(".article-item").count() >= 1
        page.click(".article-item a.article-link >> nth=0")
        page.click(".article-meta a.person >> nth=0")
        assert "/repo/people/" in page.url and page.locator(".article-item").count() >= 1
        assert article_url.startswith(base + "a/")
        assert errors == []


@needs_chromium
def test_map_links_lead_to_districts(sample_site):
    with serve_folder(sample_site) as base, chromium_page() as (page, errors):
        page.goto(base + "district/")
        page.locator("svg a.map-district").nth(2).click()
        assert page.url == base + "district/chaoyang/"
        assert page.locator("h1").inner_text() == "朝阳区"
        page.goto(base + "no/such/page/")
        assert errors == [] or all("404" in e for e in errors)
