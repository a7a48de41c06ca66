"""Control and invisible characters in a page reach no article, no feed and no byline rule."""

from __future__ import annotations

from xml.etree import ElementTree

from sitegen.cli import main
from sitegen.content.files import load_articles
from sitegen.pages import read_page

PAGE = ("\u202e西城区总工会为环卫工人送清凉\n"
        "本报讯（记者\u200b李红）连日来，西城区总工会走访辖区环卫站点\x07，为一线职工送去防暑降温用品。\n")


def test_a_page_is_read_without_its_control_and_invisible_characters(tmp_path):
    (tmp_path / "p.txt").write_text(PAGE, encoding="utf-8")
    page = read_page(tmp_path / "p.txt", tmp_path)
    assert page.invisible == 3
    assert "\x07" not in page.text and "\u200b" not in page.text and "\u202e" not in page.text


def test_the_article_keeps_its_reporter_and_title_and_the_feeds_are_valid_xml(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2021-07-06_p03.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sitegen.toml").write_text('title = "t"\nbase_url = "https://example.org/"\n', encoding="utf-8")
    assert main(["--root", str(tmp_path), "build", "--pages", str(pages), "--content", str(tmp_path / "content"),
                 "--output", str(tmp_path / "public"), "-q"]) == 0
    [article] = load_articles(tmp_path / "content")
    assert article.title == "西城区总工会为环卫工人送清凉"
    assert article.reporters == ["李红"]
    feeds = list((tmp_path / "public").rglob("*.xml"))
    assert feeds
    for feed in feeds:
        ElementTree.parse(feed)          # raises on a character XML cannot take


def test_a_page_file_too_large_to_be_a_page_is_refused_with_one_line_and_the_others_are_ingested(tmp_path, monkeypatch):
    import sitegen.pages.reading as reading

    monkeypatch.setattr(reading, "MAX_PAGE_BYTES", 2000)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2021-07-06_p03.txt").write_text(PAGE, encoding="utf-8")
    (pages / "2021-07-06_p04.txt").write_text(PAGE * 40, encoding="utf-8")
    from sitegen.ingest import ingest

    report = ingest(pages, tmp_path / "content")
    assert len(report.failed) == 1 and "p04.txt" in report.failed[0] and "at most" in report.failed[0]
    assert report.articles == 1



def test_the_ingest_report_says_which_pages_were_cleaned(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2021-07-06_p03.txt").write_text(PAGE, encoding="utf-8")
    assert main(["--root", str(tmp_path), "ingest", "--pages", str(pages), "--content", str(tmp_path / "content")]) == 0
    out = capsys.readouterr().out
    assert "cleaned: pages/2021-07-06_p03.txt: 3 control or invisible characters taken out" in out
