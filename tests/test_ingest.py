"""The ingest command end to end: seeds in, article files out, editors' work kept."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.content import article_from_text, read_article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def ingest(pages: Path, content: Path, capsys=None) -> tuple[int, str]:
    code = main(["ingest", "--pages", str(pages), "--content", str(content)])
    out = capsys.readouterr() if capsys else None
    return code, (out.out + out.err if out else "")


def md_files(content: Path) -> dict[Path, bytes]:
    return {p.relative_to(content): p.read_bytes() for p in sorted(content.rglob("*.md"))}


@pytest.fixture
def pages(tmp_path):
    d = tmp_path / "pages"
    shutil.copytree(SEEDS, d)
    return d


def test_seeds_give_one_file_per_article_with_front_matter(pages, tmp_path, capsys):
    content = tmp_path / "content"
    code, out = ingest(pages, content, capsys)
    assert code == 0
    assert "5 pages read" in out and "40 articles" in out
    articles = [read_article(p) for p in content.rglob("*.md")]
    assert len(articles) == 40
    assert len({a.id for a in articles}) == 40
    assert all(a.id.isascii() for a in articles)
    by_title = {a.title: a for a in articles}
    a = by_title["陶然亭工会构建疫情防线侧重“群防群治”"]
    assert a.kind == "news" and a.reporters == ["陈曦"] and a.correspondents == ["牛亚乐"]
    assert a.districts == ["西城区"] and "陶然亭街道" in a.places
    assert a.source.endswith("000_ff3513847beb20a4.txt") and a.order == 1
    assert a.date and a.date_source == "inferred"
    assert 1 <= len(a.tags) <= 6
    assert a.body.startswith("本报讯（记者陈曦通讯员牛亚乐）近日，陶然亭街道总工会联合辖区企业召开防疫安全会，")
    photo = by_title["工会送来矿泉水"]
    assert photo.kind == "photo" and photo.photographers == ["周美玉"] and photo.districts == ["昌平区"]


def test_ingesting_twice_gives_byte_identical_files(pages, tmp_path, capsys):
    content = tmp_path / "content"
    ingest(pages, content, capsys)
    first = md_files(content)
    code, out = ingest(pages, content, capsys)
    assert code == 0 and "0 written, 40 unchanged" in out
    assert md_files(content) == first


def test_ids_are_stable_for_the_same_page_text(pages, tmp_path, capsys):
    ingest(pages, tmp_path / "a", capsys)
    other = tmp_path / "elsewhere"
    shutil.copytree(pages, other)
    ingest(other, tmp_path / "b", capsys)
    ids = lambda c: sorted(p.stem for p in c.rglob("*.md"))
    assert ids(tmp_path / "a") == ids(tmp_path / "b")


def test_an_edited_article_is_never_overwritten(pages, tmp_path, capsys):
    content = tmp_path / "content"
    ingest(pages, content, capsys)
    path = next(p for p in content.rglob("*.md") if "陶然亭工会构建疫情防线" in p.read_text(encoding="utf-8"))
    edited = path.read_text(encoding="utf-8").replace("陶然亭工会构建疫情防线", "陶然亭街道工会构建疫情防线")
    path.write_text(edited, encoding="utf-8")
    code, out = ingest(pages, content, capsys)
    assert code == 0
    assert path.read_text(encoding="utf-8") == edited
    assert "1 kept because edited" in out and str(path) in out


def test_changed_segmentation_reports_and_keeps_edits(pages, tmp_path, capsys):
    content = tmp_path / "content"
    ingest(pages, content, capsys)
    page = pages / "003_7c2e367b8fe2eefd.txt"
    edited_path = next(p for p in content.rglob("*.md") if "拱辰街道工会" in p.read_text(encoding="utf-8"))
    edited_path.write_text(edited_path.read_text(encoding="utf-8") + "\n编者按：已核对。\n", encoding="utf-8")
    # The page is re-OCR'd: its last report is gone.
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index("本报讯 （记者 闫长禄 通讯")], encoding="utf-8")
    code, out = ingest(pages, content, capsys)
    assert code == 0
    assert "went away" in out
    assert edited_path.exists(), "an edited article is kept even when its page no longer yields it"


def test_bad_pages_are_reported_one_line_each_and_others_still_ingested(pages, tmp_path, capsys):
    (pages / "empty.txt").write_bytes(b"")
    (pages / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (pages / "latin1.txt").write_bytes("caf\xe9 \xff\xfe\xfd".encode("latin-1") + b"\x81\x30")
    content = tmp_path / "content"
    code, out = ingest(pages, content, capsys)
    assert code == 1
    errors = [l for l in out.splitlines() if l.startswith("error:")]
    assert len(errors) == 3
    assert any("empty.txt" in l and "empty" in l for l in errors)
    assert any("binary.txt" in l for l in errors)
    assert any("latin1.txt" in l for l in errors)
    assert len(list(content.rglob("*.md"))) == 40


def test_gb18030_bom_and_crlf_pages_read_the_same(pages, tmp_path, capsys):
    text = (SEEDS / "000_ff3513847beb20a4.txt").read_text(encoding="utf-8")
    variants = tmp_path / "variants"
    variants.mkdir()
    (variants / "a.txt").write_bytes(text.encode("utf-8"))
    (variants / "b.txt").write_bytes(text.encode("gb18030"))
    (variants / "c.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    content = tmp_path / "content"
    code, _ = ingest(variants, content, capsys)
    assert code == 0
    bodies = {}
    for p in content.rglob("*.md"):
        a = read_article(p)
        bodies.setdefault(Path(a.source).name, []).append((a.order, a.title, a.body))
    assert sorted(bodies["a.txt"]) == sorted(bodies["b.txt"]) == sorted(bodies["c.txt"])
    assert len(bodies["a.txt"]) == 8


def test_rare_characters_are_kept(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p.txt").write_text("本报讯 （记者 马超） 二〇二〇年， 𠀀𪚥村和㐀庄的\n职工参加了活动。\n\n二〇二〇年活动举行\n", encoding="utf-8")
    ingest(pages, tmp_path / "c", capsys)
    (path,) = (tmp_path / "c").rglob("*.md")
    body = read_article(path).body
    for ch in "〇𠀀𪚥㐀":
        assert ch in body


@pytest.mark.skipif(not (SHARED / "eval" / "score_segmentation.py").exists(), reason="needs ../shared/eval")
def test_segmentation_quality_on_the_seeds(tmp_path, capsys):
    content = tmp_path / "content"
    ingest(SEEDS, content, capsys)
    out = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SHARED / "eval" / "score_segmentation.py"), "--gold",
                    str(SHARED / "eval" / "seeds.gold.json"), "--pages", str(SEEDS), "--content", str(content),
                    "--json", str(out)], check=True, capture_output=True)
    score = json.loads(out.read_text())
    assert score["seg_f1"] >= 0.97
    assert score["title_acc"] >= 0.95
    assert score["kind_acc"] >= 0.95
    assert score["district_f1"] >= 0.9
    assert score["reporter_acc"] >= 0.95


def test_article_file_round_trips():
    from sitegen.content import Article, article_to_text

    a = Article(id="x-1", title="标题: 冒号", subtitles=["yes", "2020-07-01"], date="2020-07-01", body="正文。")
    b = article_from_text(article_to_text(a))
    assert (b.title, b.subtitles, b.date, b.body) == (a.title, a.subtitles, a.date, a.body)


def test_source_names_the_page_file_from_the_project_not_the_machine(tmp_path, capsys):
    # The source is in front matter and in the published JSON export: the folder the
    # archive sits in on one machine must not show, whichever way the folders are given.
    project = tmp_path / "project"
    shutil.copytree(SEEDS, project / "scans" / "2020")
    (project / "sitegen.toml").write_text('[paths]\npages = "scans"\n', encoding="utf-8")
    assert main(["--root", str(project), "ingest"]) == 0
    outside = tmp_path / "elsewhere" / "pages"
    shutil.copytree(SEEDS, outside)
    assert main(["--root", str(project), "ingest", "--pages", str(outside),
                 "--content", str(tmp_path / "other")]) == 0
    capsys.readouterr()
    inside = {read_article(p).source for p in (project / "content").rglob("*.md")}
    given = {read_article(p).source for p in (tmp_path / "other").rglob("*.md")}
    assert "scans/2020/000_ff3513847beb20a4.txt" in inside
    assert "pages/000_ff3513847beb20a4.txt" in given
    assert not any(str(tmp_path) in s for s in inside | given)


def test_the_report_says_where_dates_came_from_and_which_pages_have_none(pages, tmp_path, capsys):
    code, out = ingest(pages, tmp_path / "content", capsys)
    assert code == 0
    assert "dates: 4 inferred, 1 undated" in out
    undated = [line for line in out.splitlines() if line.startswith("undated: ")]
    assert len(undated) == 1 and "004_b2adaa5bbda6ca0b.txt" in undated[0]
