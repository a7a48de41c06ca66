"""The content store's promises: an article's URL outlives edits to its page, an editor's
deletion or move is respected, one URL is one file, and an old URL still leads somewhere."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.config import load_settings
from sitegen.content import read_article
from sitegen.errors import SitegenError
from sitegen.site import build_site

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGE = "000_ff3513847beb20a4.txt"
OPENING = "牛亚乐） 近日， 陶然亭街道总工"      # in the page file: the 陶然亭 report's second line


def ingest(pages: Path, content: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["ingest", "--pages", str(pages), "--content", str(content), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def ids_by_title(content: Path) -> dict[str, str]:
    return {(a.title or a.body[:20]): a.id for a in map(read_article, content.rglob("*.md"))}


def file_of(content: Path, words: str) -> Path:
    (path,) = [p for p in content.rglob("*.md") if words in p.read_text(encoding="utf-8")]
    return path


def edit_page(pages: Path, old: str, new: str) -> None:
    page = pages / PAGE
    text = page.read_text(encoding="utf-8")
    assert text.count(old) == 1
    page.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def pages(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "pages")
    return tmp_path / "pages"


@pytest.fixture
def content(pages, tmp_path, capsys):
    content = tmp_path / "content"
    assert ingest(pages, content, capsys)[0] == 0
    return content


def test_editing_two_characters_of_a_page_keeps_every_url(pages, content, capsys):
    before = ids_by_title(content)
    # An OCR fix in the opening words of one report (近日 → 日前): the words its new id would be named by.
    edit_page(pages, OPENING, OPENING.replace("近日", "日前"))
    code, out = ingest(pages, content, capsys)
    assert code == 0 and "went away" not in out and "appeared" not in out
    assert ids_by_title(content) == before
    path = file_of(content, "陶然亭街道总工会联合辖区企业")
    assert "日前，陶然亭街道总工会" in path.read_text(encoding="utf-8")
    assert "1 written, 39 unchanged" in out
    assert len(list(content.rglob("*.md"))) == 40


def test_an_id_does_not_depend_on_the_rest_of_the_page(pages, tmp_path, capsys):
    # Two archives ingested from scratch, the second with two articles of the page edited past
    # their opening words: the ids are the same (an id hashes its article's opening, not the page).
    ingest(pages, tmp_path / "a", capsys)
    edit_page(pages, "安全会上， 陶然亭街道总工", "安全会上，陶然亭街道的总工")
    edit_page(pages, "收获很多，感触很多", "收获很多，感触良多")
    ingest(pages, tmp_path / "b", capsys)
    assert ids_by_title(tmp_path / "a") == ids_by_title(tmp_path / "b")


def test_a_hand_edited_article_is_not_published_twice_when_its_page_changes(pages, content, capsys):
    path = file_of(content, "陶然亭街道总工会联合辖区企业")
    edited = path.read_text(encoding="utf-8").replace("召开防疫安全会", "召开了防疫安全会")
    path.write_text(edited, encoding="utf-8")
    edit_page(pages, OPENING, OPENING.replace("近日", "日前"))
    code, out = ingest(pages, content, capsys)
    assert code == 0 and f"kept (edited by hand): {path}" in out
    assert path.read_text(encoding="utf-8") == edited
    assert len(list(content.rglob("*.md"))) == 40
    assert [p for p in content.rglob("*.md") if "防疫安全会" in p.read_text(encoding="utf-8")] == [path]


def test_a_deleted_article_stays_deleted_until_restored(pages, content, capsys):
    path = file_of(content, "陶然亭街道总工会联合辖区企业")
    ident, text = path.stem, path.read_text(encoding="utf-8")
    path.unlink()
    code, out = ingest(pages, content, capsys)
    assert code == 0 and not path.exists()
    assert f"kept deleted: pages/{PAGE}: {ident}" in out and "deleted by hand" in out
    assert "1 kept deleted" in out
    record = content / "_corrections" / f"{PAGE}.toml"
    assert f'"{ident}",' in record.read_text(encoding="utf-8")
    # The page changes (an OCR fix in that very article): still deleted, and nothing else moves.
    edit_page(pages, OPENING, OPENING.replace("近日", "日前"))
    code, out = ingest(pages, content, capsys)
    assert code == 0 and not path.exists() and f"kept deleted: pages/{PAGE}: {ident}" in out
    assert len(list(content.rglob("*.md"))) == 39
    edit_page(pages, OPENING.replace("近日", "日前"), OPENING)
    code, out = ingest(pages, content, capsys, "--restore", ident)
    assert code == 0 and f"restored: {PAGE}: {ident}" in out
    assert path.read_text(encoding="utf-8") == text
    assert not record.exists() and not (content / "_corrections").exists()
    code, out = ingest(pages, content, capsys)
    assert "0 written, 40 unchanged" in out and "deleted" not in out


def test_restoring_an_article_not_deleted_is_an_error(pages, content, capsys):
    code, out = ingest(pages, content, capsys, "--restore", "20200720-00000000")
    assert code == 1 and "20200720-00000000" in out


def test_a_broken_corrections_record_names_its_file_and_line(pages, content, capsys):
    record = content / "_corrections" / f"{PAGE}.toml"
    record.parent.mkdir()
    record.write_text('# mine\ndeleted = []\ndeletd = ["x"]\n', encoding="utf-8")
    code, out = ingest(pages, content, capsys)
    assert code == 1 and f"{record}:3: unknown key 'deletd'" in out


def test_a_moved_article_is_that_article(pages, content, capsys, tmp_path):
    path = file_of(content, "陶然亭街道总工会联合辖区企业")
    edited = path.read_text(encoding="utf-8").replace("召开防疫安全会", "召开了防疫安全会")
    moved = content / "2020" / "06" / path.name
    moved.parent.mkdir()
    path.unlink()
    moved.write_text(edited, encoding="utf-8")
    code, out = ingest(pages, content, capsys)
    assert code == 0 and not path.exists() and moved.read_text(encoding="utf-8") == edited
    assert "kept deleted" not in out
    settings = load_settings(ROOT).with_overrides(pages_dir=pages, content_dir=content, output_dir=tmp_path / "site")
    build_site(settings)
    assert (tmp_path / "site" / "a" / path.stem / "index.html").is_file()


def test_a_copied_article_file_is_a_clash_naming_both_files(pages, content, capsys, tmp_path):
    path = file_of(content, "陶然亭街道总工会联合辖区企业")
    copy = path.with_name("copy.md")
    shutil.copy(path, copy)
    code, out = ingest(pages, content, capsys)
    assert code == 1 and str(path) in out and str(copy) in out and "duplicate id" in out
    settings = load_settings(ROOT).with_overrides(pages_dir=pages, content_dir=content, output_dir=tmp_path / "site")
    with pytest.raises(SitegenError) as err:
        build_site(settings)
    assert str(path) in str(err.value) and str(copy) in str(err.value)


def _filler(n: int) -> str:
    """Text of n characters no other article shares (a long passage the OCR had missed)."""
    rng = random.Random(7)
    return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(n))


def test_an_article_that_went_away_leads_to_its_replacement(pages, content, capsys, tmp_path):
    settings = load_settings(ROOT).with_overrides(pages_dir=pages, content_dir=content, output_dir=tmp_path / "site")
    old = file_of(content, "陶然亭街道总工会联合辖区企业").stem
    # Re-OCR'd: the report opens with a passage first read as noise, longer than its old text.
    edit_page(pages, OPENING, OPENING.replace("近日， ", "近日，" + _filler(800)))
    # And another page loses its last report.
    other = pages / "003_7c2e367b8fe2eefd.txt"
    gone_path = file_of(content, "拱辰街道工会")
    gone, date = gone_path.stem, read_article(gone_path).date.replace("-", "/")
    text = other.read_text(encoding="utf-8")
    other.write_text(text[: text.index("本报讯 （记者 闫长禄 通讯")], encoding="utf-8")
    code, out = ingest(pages, content, capsys)
    assert code == 0
    new = file_of(content, "陶然亭街道总工会联合辖区企业").stem
    assert new != old and f"went away: pages/{PAGE}: {old} (its URL now leads to a/{new}/)" in out
    assert f"{gone} (its URL now leads to its issue)" in out
    build_site(settings)
    site = tmp_path / "site"
    moved = (site / "a" / old / "index.html").read_text(encoding="utf-8")
    assert f'url=/a/{new}/"' in moved and f'href="/a/{new}/"' in moved and 'rel="canonical"' in moved
    assert (site / "a" / new / "index.html").is_file()
    assert f'url=/date/{date}/"' in (site / "a" / gone / "index.html").read_text(encoding="utf-8")
    sitemaps = "".join(f.read_text(encoding="utf-8") for f in (site / "sitemaps").glob("*.xml"))
    assert f"/a/{new}/" in sitemaps and f"/a/{old}/" not in sitemaps
    from sitegen.link_checker import check_links
    assert check_links(site, "/") == []


def test_a_deleted_articles_url_leads_to_its_issue(pages, content, capsys, tmp_path):
    path = file_of(content, "陶然亭街道总工会联合辖区企业")
    date = read_article(path).date.replace("-", "/")
    path.unlink()
    ingest(pages, content, capsys)
    settings = load_settings(ROOT).with_overrides(pages_dir=pages, content_dir=content, output_dir=tmp_path / "site")
    build_site(settings)
    assert f'url=/date/{date}/"' in (tmp_path / "site" / "a" / path.stem / "index.html").read_text(encoding="utf-8")


def test_ingesting_twice_changes_no_byte_of_the_content(pages, content, capsys):
    edit_page(pages, OPENING, OPENING.replace("近日", "日前"))
    file_of(content, "我作为市总工会第三批下沉").unlink()
    ingest(pages, content, capsys)
    first = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    code, out = ingest(pages, content, capsys)
    assert code == 0 and "0 written" in out
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == first


def test_state_written_before_fingerprints_keeps_the_old_ids(pages, content, capsys):
    # An archive ingested by an earlier sitegen (state: id → path, no fingerprints, other
    # ids): its articles keep their ids and URLs.
    import json

    state_file = content / ".ingest-state.json"
    state = json.loads(state_file.read_text(encoding="utf-8"))
    renamed = {}
    for record in state["pages"].values():
        old = {}
        for n, (ident, entry) in enumerate(record.pop("articles").items()):
            path = content / entry["path"]
            legacy = f"{ident.split('-')[0]}-old{n:05d}"
            text = path.read_text(encoding="utf-8").replace(f"id: {ident}\n", f"id: {legacy}\n")
            path.unlink()
            new_path = path.with_name(f"{legacy}.md")
            new_path.write_text(text, encoding="utf-8")     # edited by the renaming: kept as it is
            old[legacy] = new_path.relative_to(content).as_posix()
            renamed[legacy] = new_path
        record["articles"] = old
        record.pop("date")
    state_file.write_text(json.dumps(state), encoding="utf-8")
    code, out = ingest(pages, content, capsys)
    assert code == 0 and "went away" not in out and "appeared" not in out
    assert sorted(p.stem for p in content.rglob("*.md")) == sorted(renamed)


def test_a_split_and_a_merge_keep_the_larger_parts_id():
    from sitegen.ingest.identity import fingerprint, identify

    rng = random.Random(3)
    a, b = _filler(300), "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(200))
    first = identify("p.txt", "2020-07-20", [(None, [], a), (None, [], b)], {})
    prints = dict(zip(first.ids, first.fingerprints))
    merged = identify("p.txt", "2020-07-20", [(None, [], a + b)], prints)
    assert merged.ids == [first.ids[0]] and merged.went_away == {first.ids[1]: first.ids[0]}
    split = identify("p.txt", "2020-07-20", [(None, [], a[:100]), (None, [], a[100:])],
                     {first.ids[0]: fingerprint(None, [], a)})
    assert split.ids[1] == first.ids[0] and split.ids[0] != first.ids[0]


def test_an_id_listed_as_deleted_by_hand_is_taken_down_by_the_next_build(pages, content, capsys, tmp_path):
    path = file_of(content, "陶然亭街道总工会联合辖区企业")
    record = content / "_corrections" / f"{PAGE}.toml"
    record.parent.mkdir()
    record.write_text(f'# 不发表\ndeleted = ["{path.stem}"]\n', encoding="utf-8")
    settings = load_settings(ROOT).with_overrides(pages_dir=pages, content_dir=content, output_dir=tmp_path / "site")
    build_site(settings)                   # the page's text is unchanged: its record is what changed
    assert not path.exists()
    assert "url=/date/" in (tmp_path / "site" / "a" / path.stem / "index.html").read_text(encoding="utf-8")
    assert record.read_text(encoding="utf-8") == f'# 不发表\ndeleted = ["{path.stem}"]\n'   # the editor's, as written
