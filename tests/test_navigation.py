"""Moving through the paper: from issue to issue and 版 to 版, breadcrumbs up to the month
and year, the pages of an issue with their counts, a long 版 read in one order."""

from __future__ import annotations

import json
import re

from browser import chromium_page, needs_chromium, serve_folder
from conftest import synthetic_articles
from sitegen.site.model import build_model
from sitegen.site.pages import page_jobs


def _html(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_each_issue_and_page_knows_its_neighbours():
    model = build_model(synthetic_articles())
    by_date = {i.date: i for i in model.issues}
    before, after = model.around(by_date["2020-07-20"])
    assert (before.date, after.date) == ("2020-07-04", "2020-11-16")
    assert model.around(by_date["2020-07-04"])[0] is None
    assert model.around(by_date["2022-12-31"])[1] is None
    assert model.around(by_date[None]) == (None, None)         # the undated pages are no issue in time
    front, fourth = by_date["2020-07-20"].pages
    (earlier,), (later,) = by_date["2020-07-04"].pages, by_date["2020-11-16"].pages
    # Past an issue's last 版 the next issue's first; before its first, the previous issue's last.
    assert model.around(front) == (earlier, fourth) and model.around(fourth) == (front, later)
    assert model.around(earlier)[0] is None and model.around(by_date["2022-12-31"].pages[-1])[1] is None
    a, b, c = by_date[None].pages
    assert model.around(b) == (a, c) and model.around(a)[0] is None and model.around(c)[1] is None


def test_breadcrumbs_go_through_year_month_and_day():
    jobs = {j.url: j for j in page_jobs(build_model(synthetic_articles()), 10)}
    assert jobs["a/20200720-jump/"].context["trail"] == [
        ("2020年", "date/2020/"), ("7月", "date/2020/07/"), ("20日", "date/2020/07/20/"),
        ("第4版", "date/2020/07/20/p4/")]
    assert jobs["date/2020/07/20/p4/"].context["trail"][-1] == ("第4版", None)
    assert jobs["date/2020/07/20/"].context["trail"][-1] == ("20日", None)
    assert jobs["date/undated/"].context["trail"] == [("日期", "date/"), ("日期不详", None)]


def test_breadcrumbs_carry_a_breadcrumb_list_for_search_engines(synthetic_repo_site):
    def scripts(path):
        page = _html(synthetic_repo_site, path)
        return [json.loads(s.split("</script>")[0]) for s in page.split('<script type="application/ld+json">')[1:]]

    crumbs = next(s for s in scripts("date/2020/07/20/p4/index.html") if s["@type"] == "BreadcrumbList")["itemListElement"]
    # The trail up to the page, from under the home page (a result's address names the site).
    assert [c["name"] for c in crumbs] == ["2020年", "7月", "20日"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert crumbs[1]["item"] == "https://example.org/repo/date/2020/07/"
    assert crumbs[-1]["item"] == "https://example.org/repo/date/2020/07/20/"
    # An article's date and 版 are its NewsArticle's: no trail again.
    assert [s["@type"] for s in scripts("a/20200720-jump/index.html")] == ["NewsArticle"]


def test_the_issue_view_lists_its_pages_with_their_article_counts(synthetic_site):
    page = _html(synthetic_site, "date/2020/07/20/index.html")
    listed = re.findall(r'<li><a href="(/date/2020/07/20/p\d/)">(第\d版)</a> <span class="count">(\d+) 篇</span></li>', page)
    assert listed == [("/date/2020/07/20/p1/", "第1版", "3"), ("/date/2020/07/20/p4/", "第4版", "1")]


def _go(page, selector: str, url_end: str) -> None:
    from playwright.sync_api import expect

    page.locator(selector).first.click()
    expect(page).to_have_url(re.compile(re.escape(url_end) + "$"))
    page.wait_for_load_state("load")


@needs_chromium
def test_a_reader_turns_to_the_next_page_and_the_next_issue_and_back(synthetic_repo_site):
    from playwright.sync_api import expect

    with serve_folder(synthetic_repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base + "a/20200720-photo/")
        # At the end of the article: the 版 before (the last of the issue before) and after,
        # the issues before and after.
        footer = page.locator("footer.article-footer")
        expect(footer.locator(".page-turn a")).to_have_text(["← 上一版 2020年7月4日 第2版", "下一版 第4版 →"])
        expect(footer.locator(".issue-nav .nav-prev")).to_have_text("← 上一期 2020年7月4日")
        _go(page, ".page-turn a.nav-next", "/repo/date/2020/07/20/p4/")
        expect(page.locator("h1")).to_have_text("2020年7月20日 · 第4版")
        # The issue's last 版 turns to the next issue's first, and back.
        expect(page.locator(".page-turn a")).to_have_text(["← 上一版 第1版", "下一版 2020年11月16日 第3版 →"])
        _go(page, ".page-turn a.nav-next", "/repo/date/2020/11/16/p3/")
        expect(page.locator("h1")).to_have_text("2020年11月16日 · 第3版")
        _go(page, ".page-turn a.nav-prev", "/repo/date/2020/07/20/p4/")
        # So does the end of an article on that last 版.
        page.goto(base + "a/20200720-jump/")
        expect(footer.locator(".page-turn a")).to_have_text(["← 上一版 第1版", "下一版 2020年11月16日 第3版 →"])
        _go(page, "footer.article-footer .page-turn a.nav-next", "/repo/date/2020/11/16/p3/")
        _go(page, ".issue-nav a.nav-next", "/repo/date/2022/12/31/")
        page.goto(base + "date/2020/07/20/p4/")
        _go(page, ".issue-nav a.nav-next", "/repo/date/2020/11/16/")
        expect(page.locator("h1")).to_have_text("2020年11月16日")
        _go(page, ".issue-nav a.nav-prev", "/repo/date/2020/07/20/")
        _go(page, ".issue-pages a >> text=第4版", "/repo/date/2020/07/20/p4/")
        _go(page, ".page-turn a.nav-prev", "/repo/date/2020/07/20/p1/")
        # The issue's first 版 turns back to the last of the issue before.
        _go(page, ".page-turn a.nav-prev", "/repo/date/2020/07/04/p2/")
        expect(page.locator("h1")).to_have_text("2020年7月4日 · 第2版")
        # The newest issue has no next, the oldest no previous; nor have their last and first 版.
        expect(page.locator(".page-turn a")).to_have_text(["下一版 2020年7月20日 第1版 →"])
        expect(page.locator(".issue-nav a")).to_have_text(["下一期 2020年7月20日 →"])
        page.goto(base + "date/2022/12/31/")
        expect(page.locator(".issue-nav a")).to_have_text(["← 上一期 2020年11月16日"])
        page.goto(base + "date/2022/12/31/p1/")
        expect(page.locator(".page-turn a")).to_have_text(["← 上一版 2020年11月16日 第3版"])
        assert errors == []


@needs_chromium
def test_the_issue_view_lists_its_pages_and_leads_to_each(synthetic_repo_site):
    from playwright.sync_api import expect

    with serve_folder(synthetic_repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base + "date/2020/07/20/")
        expect(page.locator("nav.issue-pages li")).to_have_text(["第1版 3 篇", "第4版 1 篇"])
        _go(page, "nav.issue-pages a >> text=第4版", "/repo/date/2020/07/20/p4/")
        expect(page.locator("ol.printed-page > li")).to_have_count(1)
        assert errors == []


@needs_chromium
def test_without_javascript_every_article_is_reached_from_the_home_page(repo_site):
    """A reader whose browser runs no scripts follows links from the home page through the
    calendar, the issues and their 版 (and the undated pages) to every article of the site."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS

    articles = {p.name for p in (repo_site / "a").iterdir() if p.is_dir()}
    with serve_folder(repo_site, "/repo/") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(java_script_enabled=False).new_page()
            seen, todo, reached = set(), [base], set()
            while todo:
                url = todo.pop()
                if url in seen:
                    continue
                seen.add(url)
                page.goto(url)
                for href in page.eval_on_selector_all("main a[href], header a[href]", "as => as.map(a => a.href)"):
                    href = href.split("#")[0]
                    if href.startswith(base + "a/"):
                        reached.add(href[len(base + "a/"):].strip("/"))
                    elif href == base or href.startswith(base + "date/"):
                        todo.append(href)          # the calendar, the issues, their 版
            assert reached == articles
        finally:
            browser.close()


@needs_chromium
def test_breadcrumbs_lead_to_the_month_and_the_year(synthetic_repo_site):
    from playwright.sync_api import expect

    with serve_folder(synthetic_repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base + "a/20200720-jump/")
        crumbs = page.locator("nav.breadcrumbs li")
        # The way up: the page itself is the headline below.
        expect(crumbs).to_have_text(["首页", "2020年", "7月", "20日", "第4版"])
        _go(page, "nav.breadcrumbs a >> text=第4版", "/repo/date/2020/07/20/p4/")
        expect(crumbs).to_have_text(["首页", "2020年", "7月", "20日"])
        _go(page, "nav.breadcrumbs a >> text=20日", "/repo/date/2020/07/20/")
        _go(page, "nav.breadcrumbs a >> text=7月", "/repo/date/2020/07/")
        expect(page.locator("h1")).to_have_text("2020年7月")
        page.go_back()
        _go(page, "nav.breadcrumbs a >> text=2020年", "/repo/date/2020/")
        expect(page.locator("h1")).to_have_text("2020年")
        assert errors == []


@needs_chromium
def test_a_long_page_reads_top_to_bottom_in_one_column(sample_site):
    """Each article of the 版 starts below the one before it: the reader never goes back up."""
    with serve_folder(sample_site) as base, chromium_page() as (page, errors):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base + "date/2020/07/20/")
        page.locator(".issue-page h2 a").first.click()
        page.wait_for_load_state("load")
        boxes = page.eval_on_selector_all("ol.printed-page > li", "els => els.map(e => e.getBoundingClientRect().toJSON())")
        assert len(boxes) >= 4
        for above, below in zip(boxes, boxes[1:]):
            assert below["top"] >= above["bottom"] - 1, (above, below)
        assert errors == []
