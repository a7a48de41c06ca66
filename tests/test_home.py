"""The home page: the latest issue with its 版, and what earlier years printed on the
reader's own day (this day in history), with and without JavaScript."""

from __future__ import annotations

import json
import re

import pytest

from browser import chromium_page, needs_chromium, serve_folder
from sitegen.config import load_settings
from sitegen.content import Article, article_to_text
from sitegen.site import build_site


def _article(id_, date, page, order, title, kind="news"):
    return Article(id=id_, title=title, kind=kind, source=f"pages/{date}-{page}.txt", order=order, page=page,
                   date=date, body=f"{title}的正文。")


ARTICLES = [
    _article("20190720-a", "2019-07-20", "1", 1, "二〇一九年的头条"),
    _article("20200720-a", "2020-07-20", "1", 1, "二〇二〇年的头条"),
    _article("20200720-b", "2020-07-20", "1", 2, "二〇二〇年的广告", kind="ad"),
    _article("20200720-c", "2020-07-20", "2", 1, "二〇二〇年第二版"),
    _article("20210721-a", "2021-07-21", "1", 1, "次日的报纸"),
    _article("20220720-a", "2022-07-20", "1", 1, "今年今天的报纸"),
    _article("20220720-b", "2022-07-20", "3", 1, "今年今天的第三版"),
]


@pytest.fixture(scope="module")
def days_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("this-day")
    (root / "sitegen.toml").write_text('title = "测试报 数字档案"\nbase_url = "/repo/"\n[paths]\npages = "pages"\n'
                                       'content = "content"\noutput = "public"\n', encoding="utf-8")
    for a in ARTICLES:
        folder = root / "content" / a.date[:4]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{a.id}.md").write_text(article_to_text(a, with_hash=False), encoding="utf-8")
    build_site(load_settings(root))
    return root / "public"


def test_the_day_files_are_small_and_name_each_issue_of_that_day(days_site):
    issues = json.loads((days_site / "this-day/07-20.json").read_text(encoding="utf-8"))
    assert [i[0] for i in issues] == ["2019-07-20", "2020-07-20", "2022-07-20"]
    # The 2020 issue: three articles, the ad not listed.
    assert issues[1] == ["2020-07-20", 3, [["20200720-a", "二〇二〇年的头条"], ["20200720-c", "二〇二〇年第二版"]]]
    assert sorted(p.name for p in (days_site / "this-day").iterdir()) == ["07-20.json", "07-21.json"]
    home = (days_site / "index.html").read_text(encoding="utf-8")
    assert 'data-days="07-20 07-21"' in home


def test_the_home_page_lists_the_latest_issue_with_its_pages_and_counts(days_site):
    home = (days_site / "index.html").read_text(encoding="utf-8")
    latest = home.split('class="latest-issue"')[1]
    assert "最新一期：" in latest.split("</h2>")[0] and "2022年7月20日" in latest.split("</h2>")[0]
    pages = latest.split('class="issue-pages"')[1].split("</nav>")[0]
    assert re.findall(r'<a href="/repo/(date/[^"]+)">(第\d版)</a> <span class="count">(\d) 篇', pages) == [
        ("date/2022/07/20/p1/", "第1版", "1"), ("date/2022/07/20/p3/", "第3版", "1")]


@needs_chromium
def test_a_reader_opens_a_page_of_the_latest_issue_from_the_home_page(days_site):
    from playwright.sync_api import expect

    with serve_folder(days_site, "/repo/") as base, chromium_page() as (page, errors):
        page.goto(base)
        latest = page.locator(".latest-issue")
        expect(latest.locator("h2")).to_contain_text("2022年7月20日")
        expect(latest.locator(".issue-pages li")).to_have_text(["第1版 1 篇", "第3版 1 篇"])
        latest.locator(".issue-pages a >> text=第3版").click()
        expect(page).to_have_url(base + "date/2022/07/20/p3/")
        expect(page.locator("ol.printed-page h2")).to_have_text(["今年今天的第三版"])
        assert errors == []


def _this_day(page):
    box = page.locator("#this-day")
    return box.locator("h2").inner_text(), box.locator("h3").all_inner_texts(), box.locator("a.article-link").all_inner_texts()


@needs_chromium
def test_the_home_page_shows_what_earlier_years_printed_on_the_readers_day(days_site):
    from playwright.sync_api import expect

    with serve_folder(days_site, "/repo/") as base, chromium_page() as (page, errors):
        page.clock.set_fixed_time("2022-07-20T08:00:00")
        page.goto(base)
        expect(page.locator("#this-day h3")).to_have_count(2)
        heading, issues, articles = _this_day(page)
        assert heading == "历史上的今天：7月20日"
        # Newest first, this year's own paper left out (it is no history yet), the ad left out.
        assert issues == ["2020年7月20日 2 年前 · 3 篇", "2019年7月20日 3 年前 · 1 篇"]
        assert articles == ["二〇二〇年的头条", "二〇二〇年第二版", "二〇一九年的头条"]
        page.locator("#this-day a.article-link >> text=二〇一九年的头条").click()
        expect(page).to_have_url(base + "a/20190720-a/")
        page.go_back()
        page.locator("#this-day h3 a").first.click()
        expect(page).to_have_url(base + "date/2020/07/20/")
        assert errors == []


@needs_chromium
def test_a_day_without_earlier_papers_says_so_and_leads_to_the_calendar(days_site):
    from playwright.sync_api import expect

    with serve_folder(days_site, "/repo/") as base, chromium_page() as (page, errors):
        for when, day in [("2023-03-01T08:00:00", "3月1日"), ("2021-07-21T20:00:00", "7月21日")]:
            page.clock.set_fixed_time(when)
            page.goto(base)
            note = page.locator("#this-day .this-day-note")
            expect(note).to_have_text(f"往年的{day}没有报纸。按日期浏览")
            assert page.locator("#this-day h3").count() == 0
        note.locator("a").click()
        expect(page).to_have_url(base + "date/")
        assert errors == []


@needs_chromium
def test_without_javascript_the_home_page_points_to_the_calendar(days_site):
    from playwright.sync_api import expect

    with serve_folder(days_site, "/repo/") as base, chromium_page() as (page, _):
        quiet = page.context.browser.new_page(java_script_enabled=False)
        quiet.goto(base)
        box = quiet.locator("#this-day")
        expect(box.locator("h2")).to_have_text("历史上的今天")
        expect(box.locator(".this-day-note")).to_contain_text("需要 JavaScript")
        box.locator(".this-day-note a").click()
        expect(quiet).to_have_url(base + "date/")
        expect(quiet.locator("ul.year-list a")).to_have_text(["2022年", "2021年", "2020年", "2019年"])


@needs_chromium
def test_the_day_is_the_readers_own_in_their_time_zone(days_site):
    """Just after midnight in Beijing it is already 7月20日 there, while still the 19th in UTC."""
    from playwright.sync_api import expect

    with serve_folder(days_site, "/repo/") as base, chromium_page() as (page, errors):
        beijing = page.context.browser.new_context(timezone_id="Asia/Shanghai").new_page()
        beijing.clock.set_fixed_time("2023-07-19T16:30:00Z")
        beijing.goto(base)
        expect(beijing.locator("#this-day h2")).to_have_text("历史上的今天：7月20日")
        expect(beijing.locator("#this-day h3")).to_have_count(3)      # 2022, 2020, 2019


@needs_chromium
def test_a_day_file_that_cannot_be_fetched_still_leaves_the_calendar(days_site):
    from playwright.sync_api import expect

    with serve_folder(days_site, "/repo/") as base, chromium_page() as (page, _):
        page.route("**/this-day/*.json", lambda route: route.abort())
        page.clock.set_fixed_time("2022-07-20T08:00:00")
        page.goto(base)
        note = page.locator("#this-day .this-day-note")
        expect(note).to_have_text("往年今天的报纸没能载入（离线？），也可按日期浏览")
        expect(note.locator("a")).to_have_attribute("href", "/repo/date/")
