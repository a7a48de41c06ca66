"""Issue dates and page numbers: manifest first, then the file name, then the page text."""

import datetime as dt

import pytest

from sitegen.dates import date_from_filename, infer_date, issue_date, page_from_filename, read_manifest
from sitegen.errors import SitegenError


@pytest.mark.parametrize("name,date", [
    ("2020-07-06/p03.txt", "2020-07-06"),
    ("20200706_03.txt", "2020-07-06"),
    ("ldwb_2020_07_06_p3.txt", "2020-07-06"),
    ("ldwb20200706.txt", "2020-07-06"),
    ("archive/2020.07.06/page1.txt", "2020-07-06"),
    ("000_ff3513847beb20a4.txt", None),          # a hash, not a date
    ("scan_ab20200706ff0011.txt", None),         # eight digits inside a hash
    ("20201399.txt", None),                      # no 13th month
    ("20200230.txt", None),                      # no 30 February
    ("2020-0706.txt", None),                     # mixed separators
    ("scan-0012.txt", None),
])
def test_date_in_file_name(name, date):
    assert date_from_filename(name) == date


@pytest.mark.parametrize("name,page", [
    ("p03.txt", "3"),
    ("2020-07-06/p03.txt", "3"),
    ("page12.txt", "12"),
    ("2020-07-06_第4版.txt", "4"),
    ("ldwb_20200706_03版.txt", "3"),
    ("000_ff3513847beb20a4.txt", None),
    ("20200706_03.txt", None),                   # a bare number may be a sequence
    ("top3.txt", None),
])
def test_page_in_file_name(name, page):
    assert page_from_filename(name) == page


def test_seed_pages_are_dated_from_their_text():
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    dates = {p.name[:3]: infer_date(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))}
    assert dates == {"000": "2020-07-20", "001": "2020-07-04", "002": "2022-07-22",
                     "003": "2020-11-16", "004": None}


def test_full_dates_and_month_days():
    assert infer_date("2020年是门头沟双达标之年。7月20日走进通州区。") == "2020-07-20"
    assert infer_date("1925年5月1日，全总成立。2020年7月4日，全国职工主题阅读活动举行。") == "2020-07-04"


def test_full_width_digits_and_ocr_spaces():
    assert infer_date("２０２０年７月４日，全国职工主题阅读活动举行。") == "2020-07-04"
    assert infer_date("2020 年 7 月\n4 日举行") == "2020-07-04"


def test_future_ends_and_plans_are_not_the_issue_date():
    assert infer_date("2020年，11月16日开展竞赛，活动将持续至11月30日。") == "2020-11-16"
    assert infer_date("2020年。活动将于7月25日举行，7月20日启动。") == "2020-07-20"
    assert infer_date("2020年。请于7月30日前报名。7月4日发布。") == "2020-07-04"
    assert infer_date("到2025年，建成体系。2020年是关键之年。7月20日召开。") == "2020-07-20"


def test_year_from_the_recent_mode_not_from_history_or_plans():
    text = "1921年成立，1949年迁入北京，为2021年献礼。2020年是门头沟双达标之年。7月20日活动举行。"
    assert infer_date(text) == "2020-07-20"
    # two recent years mentioned equally often: the earlier one
    assert infer_date("2019年总结，2020年部署。3月5日召开。") == "2019-03-05"
    # the most mentioned of the recent years
    assert infer_date("2021年回顾。2022年计划，2022年目标，2022年。7月22日召开。") == "2022-07-22"


def test_implausible_years_are_ignored():
    assert infer_date("2099年。2020年。7月20日。", today=dt.date(2026, 1, 1)) == "2020-07-20"


def test_no_year_no_date():
    assert infer_date("5月13日活动结束。") is None
    assert infer_date("") is None


def test_manifest_first_then_file_name_then_text(tmp_path):
    (tmp_path / "pages.toml").write_text(
        '# manifest\n["a.txt"]\ndate = 2019-03-05\npage = 3\n\n["b/2018-01-02.txt"]\npage = "A2"\n'
        '\n["old/"]\ndate = "1998-05-01"\n', encoding="utf-8")
    manifest = read_manifest(tmp_path)
    a = issue_date("a.txt", "2020年7月20日", manifest)
    assert (a.date, a.date_source, a.page) == ("2019-03-05", "manifest", "3")
    b = issue_date("b/2018-01-02.txt", "2020年7月20日", manifest)
    assert (b.date, b.date_source, b.page) == ("2018-01-02", "filename", "A2")
    c = issue_date("c_p02.txt", "2020年7月20日活动", manifest)
    assert (c.date, c.date_source, c.page) == ("2020-07-20", "inferred", "2")
    d = issue_date("d.txt", "无日期", manifest)
    assert (d.date, d.date_source) == (None, None)
    # a folder entry dates every page under it
    old = issue_date("old/2020-07-06/p1.txt", "2020年7月20日", manifest)
    assert (old.date, old.date_source, old.page) == ("1998-05-01", "manifest", "1")


def test_a_printed_page_header_dates_the_page_when_its_weekday_agrees():
    page = "2020年11月18日 星期三 第3版 要闻\n\n本报讯 近日，12月4日将举办的活动……\n"
    h = issue_date("p03.txt", page, {})
    assert (h.date, h.date_source) == ("2020-11-18", "header")
    # a weekday that disagrees, or a date inside a sentence, is no header: the text decides
    assert issue_date("x.txt", "2020年11月18日 星期二\n2020年7月20日活动", {}).date_source == "inferred"
    assert issue_date("x.txt", "2020年11月18日星期三，北京市总工会召开会议。", {}).date_source == "inferred"
    # the file name still comes first for the date, but the printed page beats a number in it
    named = issue_date("2021-01-02/page0012.txt", page, {})
    assert (named.date_source, named.page) == ("filename", "3")
    assert issue_date("scan0012.txt", "2020年11月18日 星期三\n第03版：要闻\n", {}).page == "3"


def test_no_manifest_is_no_entries(tmp_path):
    assert read_manifest(tmp_path) == {}


@pytest.mark.parametrize("text,line,words", [
    ('["a.txt"]\ndate = 2019-03-05\n\n["b.txt"]\npage = 2\ndate = "2019-13-45"\n', 6, "date"),
    ('["a.txt"]\ndate = "20190305"\n', 2, "date"),
    ('["a.txt"]\ndate = 2019-03-05\npage = true\n', 3, "page"),
    ('["a.txt"]\npage = 0\n', 2, "page"),
    ('["a.txt"]\npage = 2\ndat = 2019-03-05\n', 3, "unknown key 'dat'"),
    ('["ba.txt"]\npage = 1\n["a.txt"]\npage = 2.5\n', 4, "page"),
    ('date = 2019-03-05\n', 1, "table"),
    ('["a.txt"\ndate = 1\n', 1, "invalid TOML"),
])
def test_broken_manifest_names_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "pages.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SitegenError) as err:
        read_manifest(tmp_path)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert words in str(err.value)
