import pytest

from sitegen.dates import date_from_filename, infer_date, issue_date, page_from_filename, read_manifest
from sitegen.errors import SitegenError


@pytest.mark.parametrize("name,date", [
    ("2020-07-06/p03.txt", "2020-07-06"),
    ("20200706_03.txt", "2020-07-06"),
    ("ldwb_2020_07_06_p3.txt", "2020-07-06"),
    ("000_ff3513847beb20a4.txt", None),
    ("scan_ab20200706ff.txt", None),
    ("20201399.txt", None),
])
def test_date_in_file_name(name, date):
    assert date_from_filename(name) == date


def test_page_in_file_name():
    assert page_from_filename("p03.txt") == "3"
    assert page_from_filename("2020-07-06_第4版.txt") == "4"
    assert page_from_filename("000_ff3513847beb20a4.txt") is None


def test_inferred_from_full_dates_and_month_days():
    assert infer_date("2020年是门头沟双达标之年。7月20日走进通州区。") == "2020-07-20"
    assert infer_date("２０２０年７月４日，全国职工主题阅读活动举行。") == "2020-07-04"


def test_future_ends_are_not_the_issue_date():
    assert infer_date("2020年，11月16日开展竞赛，活动将持续至11月30日。") == "2020-11-16"


def test_year_from_the_recent_mode_not_from_history_or_plans():
    text = "1921年成立，1949年迁入北京，为2021年献礼。2020年是门头沟双达标之年。7月20日活动举行。"
    assert infer_date(text) == "2020-07-20"


def test_no_year_no_date():
    assert infer_date("5月13日活动结束。") is None


def test_manifest_first_then_file_name_then_text(tmp_path):
    (tmp_path / "pages.toml").write_text('["a.txt"]\ndate = 2019-03-05\npage = 3\n\n["b/2018-01-02.txt"]\npage = "A2"\n',
                                         encoding="utf-8")
    manifest = read_manifest(tmp_path)
    assert issue_date("a.txt", "2020年7月20日", manifest).__dict__ == {"date": "2019-03-05", "date_source": "manifest", "page": "3"}
    b = issue_date("b/2018-01-02.txt", "2020年7月20日", manifest)
    assert (b.date, b.date_source, b.page) == ("2018-01-02", "filename", "A2")
    c = issue_date("c.txt", "2020年7月20日活动", manifest)
    assert (c.date, c.date_source) == ("2020-07-20", "inferred")
    assert issue_date("d.txt", "无日期", manifest).date is None


def test_broken_manifest_names_file_and_line(tmp_path):
    path = tmp_path / "pages.toml"
    path.write_text('["a.txt"]\ndate = 2019-03-05\n\n["b.txt"]\ndate = "2019-13-45"\n', encoding="utf-8")
    with pytest.raises(SitegenError) as err:
        read_manifest(tmp_path)
    assert str(err.value).startswith(f"{path}:4:")
    path.write_text('["a.txt"\ndate = 1\n', encoding="utf-8")
    with pytest.raises(SitegenError) as err:
        read_manifest(tmp_path)
    assert str(err.value).startswith(f"{path}:1:")
