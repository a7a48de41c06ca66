"""The benchmark's synthetic archive: the same command gives the same archive, laid out as
the paper's page files with a manifest the ingest reads. Shape only: speed is not tested."""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

from sitegen.content import load_articles
from sitegen.dates.manifest import read_manifest
from sitegen.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_archive", ROOT / "bench" / "make_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_archive = _load_generator()


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    make_archive.main(["--articles", "120", "--out", str(out), "--seed", "7"])
    return out


def test_same_seed_same_archive_other_seed_other_archive(archive, tmp_path):
    make_archive.main(["--articles", "120", "--out", str(tmp_path / "again"), "--seed", "7"])
    make_archive.main(["--articles", "120", "--out", str(tmp_path / "other"), "--seed", "8"])
    assert _digest(tmp_path / "again") == _digest(archive)
    assert _digest(tmp_path / "other") != _digest(archive)


def test_manifest_lists_every_page_file_with_its_date_and_page(archive):
    pages = archive / "pages"
    files = sorted(p.relative_to(pages).as_posix() for p in pages.rglob("*.txt"))
    manifest = read_manifest(pages)
    assert sorted(manifest) == files
    for rel, entry in manifest.items():
        year, day, name = rel.split("/")
        assert entry.date == day and day.startswith(year)
        assert entry.page == str(int(name[1:3]))


def test_issues_have_four_pages_of_six_to_ten_articles_over_years():
    articles = make_archive.make_articles(2000, seed=3)
    per_page = Counter(source for source, _, _ in articles)
    full_pages = list(per_page.values())[:-1]          # the archive's last page may be cut short
    assert min(full_pages) >= 6 and max(full_pages) <= 10
    per_issue = Counter(a.date for _, _, a in articles)
    pages_per_issue = Counter(a.date for a in {a.source: a for _, _, a in articles}.values())
    assert set(list(pages_per_issue.values())[:-1]) == {4}
    dates = sorted(per_issue)
    assert int(dates[-1][:4]) - int(dates[0][:4]) >= 2


def test_articles_are_distinct_and_keep_the_papers_structure():
    articles = [a for _, _, a in make_archive.make_articles(1000, seed=1)]
    assert len({a.body for a in articles}) == len(articles)
    assert len({a.title for a in articles}) > 0.5 * len(articles)
    assert {a.kind for a in articles} >= {"news", "photo", "column"}
    for a in articles:
        # a varied month or day is still a possible one
        for month, day in re.findall(r"(?<!\d)(\d{1,2})月(\d{1,2})日", a.body):
            assert 1 <= int(month) <= 12 and 1 <= int(day) <= 31, a.body


def test_page_files_read_like_ocr_pages(archive):
    texts = [p.read_text(encoding="utf-8") for p in (archive / "pages").rglob("*.txt")]
    assert any("本报讯 （记者 " in t for t in texts)               # spaced bylines, as OCR prints them
    lines = [line for t in texts for line in t.splitlines() if line]
    assert max(len(line) for line in lines) <= 40                  # wrapped into narrow columns


def test_ingest_finds_the_articles_the_archive_was_made_of(archive, tmp_path):
    content = tmp_path / "content"
    report = ingest(archive / "pages", content)
    assert not report.failed
    made = {(a.date, a.page, a.title): a for _, _, a in make_archive.make_articles(120, seed=7)}
    found = {(a.date, a.page, a.title): a for a in load_articles(content)}
    both = made.keys() & found.keys()
    assert len(both) >= 0.9 * len(made)
    # columns under their banner, photos with their credit: the ingest sees what the paper prints
    assert sum(found[k].kind == made[k].kind for k in both) >= 0.9 * len(both)
    columns = [k for k in both if made[k].column]
    assert columns and sum(found[k].column == made[k].column for k in columns) >= 0.8 * len(columns)


def test_content_mode_writes_article_files_the_build_reads(tmp_path):
    make_archive.main(["--articles", "30", "--out", str(tmp_path), "--seed", "2", "--content"])
    articles = load_articles(tmp_path / "content")
    assert len(articles) == 30
    assert all(a.date and a.title for a in articles)
    assert not (tmp_path / "pages").exists()
