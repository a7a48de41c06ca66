"""The search page in real Chromium, as a historian uses it: phrases, one character, full
matches counted before partial ones, dates, one issue or one 版, sort by date, results by
issue, the page without JavaScript, and a layout that stays put when results come."""

from __future__ import annotations

import re
from urllib.parse import quote

from browser import CHROMIUM, CHROMIUM_ARGS, chromium_page, needs_chromium, serve_folder

# Layout shifts as Chromium reports them (the Cumulative Layout Shift Lighthouse scores).
WATCH_SHIFTS = """
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
  }).observe({ type: "layout-shift", buffered: true });
"""


def results_shown(page) -> None:
    page.wait_for_function("document.querySelector('#search-status').textContent.startsWith('找到') || "
                           "document.querySelector('#search-status').textContent.startsWith('没有')")


def shown_dates(page) -> list[str]:
    """Each result's date, as YYYY-MM-DD (the page writes 2020年7月4日), or 日期不详."""
    shown = [re.match(r"(?:部分匹配)?(\S+)", m).group(1) for m in page.locator(".search-result .meta").all_inner_texts()]
    iso = [re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", d) for d in shown]
    return [f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else d for d, m in zip(shown, iso)]


def written(iso: str) -> str:
    """A YYYY-MM-DD date as the site writes it."""
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


def count_in_status(page) -> int:
    return int(re.search(r"找到 (\d+) 篇", page.locator("#search-status").inner_text()).group(1))


@needs_chromium
def test_a_phrase_counts_only_articles_that_hold_it(repo_site):
    with serve_folder(repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base + "search/?q=" + quote("北京市总工会"))
        results_shown(page)
        full = count_in_status(page)
        status = page.locator("#search-status").inner_text()
        assert "部分匹配" in status          # some articles hold its pairs apart: said, and listed after
        items = page.locator(".search-result")
        partial = [("search-partial" in (items.nth(i).get_attribute("class") or "")) for i in range(items.count())]
        assert partial == [False] * full + [True] * (len(partial) - full) and any(partial)
        for i in range(full):
            assert "北京市总工会" in items.nth(i).locator("mark").inner_text()
        assert page.locator(".search-partial .search-badge").first.inner_text() == "部分匹配"
        # in quotes: the same count, and nothing partial
        page.fill("#search-input", '"北京市总工会"')
        page.wait_for_function("!document.querySelector('.search-partial')")
        results_shown(page)
        assert count_in_status(page) == full == page.locator(".search-result").count()
        assert "部分匹配" not in page.locator("#search-status").inner_text()
        assert errors == []


@needs_chromium
def test_one_character_finds_the_articles_that_hold_it(repo_site):
    from sitegen.content import load_articles
    from sitegen.search.terms import article_fields, normalise
    from conftest import ROOT

    holding = [a for a in load_articles(ROOT / "content")
               if any("王" in normalise(t) for _, t, _ in article_fields(a))]
    with serve_folder(repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base + "search/")
        page.fill("#search-input", "王")
        results_shown(page)
        assert count_in_status(page) == len(holding) > 0
        assert page.locator(".search-partial").count() == 0
        assert "王" in page.locator(".search-result mark").first.inner_text()
        assert errors == []


@needs_chromium
def test_dates_an_issue_a_page_sort_and_grouping(synthetic_site):
    """The made-up archive: 工会 is in three issues (2020-07-04, 2020-07-20 on 版 1 and 4,
    2020-11-16)."""
    with serve_folder(synthetic_site) as base, chromium_page() as (page, errors):
        page.goto(base + "search/?q=" + quote("工会"))
        results_shown(page)
        everything = count_in_status(page)
        assert everything >= 4
        # by date, newest first, then oldest first
        page.select_option("#search-sort", "newest")
        page.wait_for_function("location.search.includes('sort=newest')")
        results_shown(page)
        newest = [d for d in shown_dates(page) if d != "日期不详"]
        assert newest == sorted(newest, reverse=True) and len(set(newest)) == 3
        page.select_option("#search-sort", "oldest")
        page.wait_for_function("location.search.includes('sort=oldest')")
        page.wait_for_function(f"document.querySelector('.search-result .meta').textContent.includes('{written(newest[-1])}')")
        oldest = [d for d in shown_dates(page) if d != "日期不详"]
        assert oldest == sorted(oldest)
        # a date range
        page.fill("#search-from", "2020-07-10")
        page.fill("#search-to", "2020-12-31")
        page.locator("#search-to").dispatch_event("change")
        page.wait_for_function("location.search.includes('from=2020-07-10') && location.search.includes('to=2020-12-31')")
        page.wait_for_function("document.querySelector('#search-status').textContent.includes('2020年7月10日 至 2020年12月31日')")
        assert set(shown_dates(page)) == {"2020-07-20", "2020-11-16"}
        assert count_in_status(page) == 3
        # grouped by issue: a heading per issue, its results under it
        page.check("#search-group")
        page.wait_for_selector(".search-group")
        heads = page.locator(".search-group-title").all_inner_texts()
        assert [h.split("（")[0] for h in heads] == ["2020年7月20日", "2020年11月16日"]
        assert "（2 篇）" in heads[0]
        assert page.locator(".search-group").nth(0).locator(".search-result").count() == 2
        # within one issue, from a result: then within its 版
        page.uncheck("#search-group")
        page.wait_for_selector(".search-results > .search-result")
        item = page.locator(".search-result", has_text="第4版").first
        item.locator("a.search-within", has_text="在本期中搜索").click()
        page.wait_for_url(re.compile(r"from=2020-07-20&to=2020-07-20"))
        results_shown(page)
        assert set(shown_dates(page)) == {"2020-07-20"} and count_in_status(page) == 2
        assert "2020年7月20日 这一期" in page.locator("#search-status").inner_text()
        page.locator(".search-result", has_text="第4版").locator("a.search-within", has_text="在本版中搜索").click()
        page.wait_for_url(re.compile(r"page=4"))
        results_shown(page)
        assert count_in_status(page) == 1
        assert "第4版" in page.locator(".search-result .meta").inner_text()
        assert page.locator("#search-page").input_value() == "4"
        # a shared address with issue= opens that issue's search
        page.goto(base + "search/?q=" + quote("工会") + "&issue=2020-11-16")
        results_shown(page)
        assert shown_dates(page) == ["2020-11-16"]
        assert page.locator("#search-from").input_value() == "2020-11-16"
        assert errors == []


@needs_chromium
def test_without_javascript_the_page_says_what_to_do(repo_site):
    from playwright.sync_api import sync_playwright

    with serve_folder(repo_site, "/repo/") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(java_script_enabled=False).new_page()
            page.goto(base + "search/?q=" + quote("陶然亭"))
            message = page.locator("#search-noscript")
            assert message.is_visible()
            assert "JavaScript" in message.inner_text() and "启用" in message.inner_text()
            assert page.locator("#search-status").inner_text() == ""        # no promise of results
            page.click("#search-noscript >> text=按日期")
            assert page.url.startswith(base + "date/")
            assert page.locator("main a[href*='/repo/']").count() > 0
        finally:
            browser.close()


@needs_chromium
def test_results_do_not_shift_the_page(repo_site):
    """The box, the options and the status stay where they are when results come, and
    Chromium records no layout shift (Lighthouse's CLS) — on a shared link and as one types."""
    for width, height in ((1350, 940), (412, 823)):          # desktop and a phone
        with serve_folder(repo_site, "/repo/") as base, chromium_page() as (page, errors):
            page.set_viewport_size({"width": width, "height": height})
            page.add_init_script(WATCH_SHIFTS)
            page.goto(base + "search/")
            page.wait_for_function("document.querySelector('#search-status').textContent !== ''")
            where = "['#search-input', '#search-scope', '#search-status', '.search-results-area'].map(" \
                    "s => { const r = document.querySelector(s.replace('#search-scope', '.search-scope'))" \
                    ".getBoundingClientRect(); return [r.top, r.left]; })"
            before = page.evaluate(where)
            page.fill("#search-input", "工会")
            page.wait_for_function("document.querySelectorAll('.search-result').length > 5")
            assert page.evaluate(where) == before
            page.fill("#search-input", "陶然亭")
            page.wait_for_function("document.querySelector('.search-result mark') && "
                                   "document.querySelector('.search-result mark').textContent.includes('陶然亭')")
            assert page.evaluate(where) == before
            page.goto(base + "search/?q=" + quote("垃圾分类"))
            page.wait_for_selector(".search-result")
            page.wait_for_timeout(300)
            assert sum(page.evaluate("window.__shifts")) < 0.01
            assert errors == []


@needs_chromium
def test_a_browser_that_cannot_inflate_is_told_so(repo_site):
    with serve_folder(repo_site, "/repo/") as base, chromium_page() as (page, errors):
        page.add_init_script("delete window.DecompressionStream;")
        page.goto(base + "search/?q=" + quote("陶然亭"))
        page.wait_for_function("document.querySelector('#search-status').textContent.includes('搜索出错')")
        assert "浏览器太旧" in page.locator("#search-status").inner_text()
        assert page.locator(".search-result").count() == 0


@needs_chromium
def test_a_first_page_comes_before_the_count_and_the_count_when_asked(repo_site, tmp_path, monkeypatch):
    """In an archive whose common words keep their best postings apart, a first page of the
    most relevant articles comes before the count; asked, the page counts every match
    (the one a clean search counts), keeps the articles it showed first, and pages on."""
    import shutil

    from sitegen.content import load_articles
    from sitegen.search import index, search_files
    from sitegen.search.terms import article_fields, normalise
    from conftest import ROOT

    monkeypatch.setattr(index, "COMMON_DF", 8)
    monkeypatch.setattr(index, "common_df", lambda articles: 8)
    monkeypatch.setattr(index, "BEST", 4)
    site = tmp_path / "site"
    shutil.copytree(repo_site, site)
    for old in [*(site / "search").glob("*.gz"), site / "search/manifest.json"]:
        old.unlink()
    for folder in ("index", "pos", "docs"):
        shutil.rmtree(site / "search" / folder)
    articles = load_articles(ROOT / "content")
    urls = {a.id: f"a/{a.id}/" for a in articles}

    class NoCache:
        cache_dir = None

    def write(name: str, data: bytes) -> None:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)

    search_files(articles, urls, NoCache(), write)
    assert list((site / "search/index").glob("*/*c.gz")) and list((site / "search/index").glob("*/*r.gz"))
    holding = sum(any("工会" in normalise(t) for _, t, _ in article_fields(a)) for a in articles)
    assert holding > 20
    with serve_folder(site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base + "search/?q=" + quote("工会"))
        page.wait_for_function("document.querySelector('#search-status').textContent.includes('最相关')")
        first = page.locator(".search-result-link").evaluate_all("links => links.map(a => a.href)")
        assert 0 < len(first) <= 20
        assert page.locator("#search-count").is_visible()
        page.click("#search-count")
        results_shown(page)
        assert count_in_status(page) == holding
        assert not page.locator("#search-count").is_visible()
        assert page.locator(".search-result-link").evaluate_all("links => links.map(a => a.href)")[:len(first)] == first
        page.click("#search-more")
        page.wait_for_function(f"document.querySelectorAll('.search-result').length == {min(holding, 40)}")
        # a new query starts again from its first page; "more" counts and pages on at once
        page.fill("#search-input", "职工")
        page.wait_for_function("document.querySelector('#search-status').textContent.includes('最相关')")
        shown = page.locator(".search-result").count()
        if page.locator("#search-more").is_visible():
            page.click("#search-more")
            results_shown(page)
            page.wait_for_function(f"document.querySelectorAll('.search-result').length > {shown}")
        assert errors == []
