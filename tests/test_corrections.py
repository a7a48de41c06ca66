"""Corrections: an editor fixes what the ingest got wrong (split, merge, set, undo), and
nothing undoes it — not a re-ingest, not a segmenter that cuts the page otherwise, not an
OCR fix of the page, not a hand edit of a file. Everything through the command line, on a
copy of the sample, as an editor would see it."""

from __future__ import annotations

import dataclasses
import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.cli import main
from sitegen.content import read_article
from sitegen.ocr import undouble

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGE = "000_ff3513847beb20a4.txt"
TAORANTING = "陶然亭工会构建疫情防线侧重“群防群治”"          # 3 paragraphs
DONGCHENG = "东城工会9项举措推动垃圾分类深入开展"
DAXING = "大兴劳模示范引领垃圾分类"
HUAIROU = "怀柔建筑施工领域职工志愿服务队成立"
HUACE = "《中国工会从这里走来》画册出版发行"
MENTOUGOU = "门头沟区总工会普法宣传进社区"
SECOND = "安全会上，陶然亭街道总工会工作人员首先组织"    # the 陶然亭 report's second paragraph


def run(root: Path, *args: str, capsys) -> tuple[int, str]:
    code = main(["--root", str(root), *args[:1], "--pages", str(root / "pages"), "--content", str(root / "content"),
                 *args[1:]])
    out = capsys.readouterr()
    return code, out.out + out.err


def articles(root: Path) -> dict[str, object]:
    """Every article of the content folder, by id."""
    return {a.id: a for a in map(read_article, (root / "content").rglob("*.md"))}


def by_title(root: Path) -> dict[str, str]:
    return {a.title: a.id for a in articles(root).values() if a.title}


def snapshot(folder: Path, pattern: str = "*") -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob(pattern)) if p.is_file()}


def file_of(root: Path, ident: str) -> Path:
    (path,) = [p for p in (root / "content").rglob(f"{ident}.md")]
    return path


def edit_page(root: Path, old: str, new: str, page: str = PAGE) -> None:
    path = root / "pages" / page
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def archive(tmp_path, capsys) -> Path:
    """The sample pages ingested into a scratch content folder."""
    shutil.copytree(SEEDS, tmp_path / "pages")
    code, out = run(tmp_path, "ingest", capsys=capsys)
    assert code == 0 and "40 articles" in out
    return tmp_path


# Nothing lost: the characters of every page, against those of every article and the residue
# (what tests/test_conservation.py counts, over the archive: a merge may take text across pages).

_MARKS = re.compile(r"^\s*[■□◆◇●▲★☆](?=\s*\S)")


def _counted(counts: Counter) -> Counter:
    out = Counter()
    for ch, n in counts.items():
        out[unicodedata.normalize("NFKC", ch)] += n
    return out


def page_characters(root: Path) -> Counter:
    from test_conservation import expected_characters

    counts = Counter()
    for path in sorted((root / "pages").rglob("*.txt")):
        counts += expected_characters(path.read_text(encoding="utf-8"))
    return _counted(counts)


def placed_characters(root: Path, typed: tuple[str, ...] = ()) -> Counter:
    """Characters of the articles (less the headlines an editor typed) and of the residue."""
    from test_conservation import _typography_off

    from sitegen.ingest.pipeline import column_names
    from sitegen.segmentation import segment_page

    counts = Counter()
    for a in articles(root).values():
        parts = [a.title if a.title and a.title not in typed else "", *a.subtitles, a.column or "", a.byline or "",
                 *a.body.split("\n\n")]
        for part in parts:
            counts.update(c for c in re.sub(r"^(\\|### )", "", part) if not c.isspace())
    for path in sorted((root / "pages").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result = segment_page(text, column_names(text))
        for _, line in [*result.residue, *result.page_furniture]:
            for token in _typography_off(line).split():
                counts.update(undouble(token) or token)
    return _counted(counts)


def assert_conserved(root: Path, typed: tuple[str, ...] = ()) -> None:
    want, got = page_characters(root), placed_characters(root, typed)
    assert want == got, f"lost {want - got}, twice {got - want}"


# --- split ---------------------------------------------------------------------------------

def test_split_then_reingest_keeps_both(archive, capsys):
    ident = by_title(archive)[TAORANTING]
    code, out = run(archive, "split", ident, "--at", "2", "--title", "安全生产月知识学习", capsys=capsys)
    assert code == 0, out
    new = re.search(rf"split {ident} at paragraph 2: (\S+) is a new article", out).group(1)
    assert f"recorded in {archive / 'content' / '_corrections' / PAGE}.toml" in out
    assert f"written: {file_of(archive, new)}" in out
    now = articles(archive)
    assert len(now) == 41
    first, second = now[ident], now[new]
    assert first.title == TAORANTING and len(first.body.split("\n\n")) == 1
    assert second.title == "安全生产月知识学习" and second.body.startswith(SECOND)
    assert len(second.body.split("\n\n")) == 2 and second.source == first.source and second.order == 2
    assert SECOND not in first.body
    before = snapshot(archive / "content")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and "0 written, 41 unchanged" in out
    assert f"kept as corrected: pages/{PAGE}" in out and "1 pages kept as corrected" in out
    assert "no article would start at «安全会上" in out                      # the segmenter disagrees: said, not done
    assert snapshot(archive / "content") == before
    assert_conserved(archive, typed=("安全生产月知识学习",))


def test_split_without_a_title_takes_a_headline_line(archive, capsys):
    # The OCR read a subhead above the second paragraph: split there, it is the new headline.
    edit_page(archive, "安全会上， 陶然亭街道总工", "安全月活动走进商户\n\n安全会上， 陶然亭街道总工")
    run(archive, "ingest", capsys=capsys)
    ident = by_title(archive)[TAORANTING]
    assert "### 安全月活动走进商户" in articles(archive)[ident].body
    code, out = run(archive, "split", ident, "--at", "2", capsys=capsys)
    assert code == 0 and "headline «安全月活动走进商户»" in out
    new = articles(archive)[by_title(archive)["安全月活动走进商户"]]
    assert new.body.startswith(SECOND) and "安全月活动走进商户" not in new.body
    assert_conserved(archive)
    # Without a line that reads as a headline, no headline.
    code, out = run(archive, "split", by_title(archive)[DONGCHENG], "--at", "3", capsys=capsys)
    assert code == 0 and "no headline" in out
    assert_conserved(archive)


# --- merge ---------------------------------------------------------------------------------

def test_merge_then_reingest_keeps_one(archive, capsys, tmp_path):
    ids = by_title(archive)
    a, b = ids[DONGCHENG], ids[DAXING]
    b_body = articles(archive)[b].body
    code, out = run(archive, "merge", a, b, capsys=capsys)
    assert code == 0, out
    assert f"merged {b} into {a}: «{DAXING}» now follows «{DONGCHENG}»" in out
    assert f"{b} is gone: its URL now leads to a/{a}/" in out and "removed: " in out
    now = articles(archive)
    assert len(now) == 39 and b not in now
    merged = now[a]
    assert merged.title == DONGCHENG and f"### {DAXING}" in merged.body and b_body in merged.body
    assert "孙艳" in merged.reporters and "边磊" in merged.reporters
    before = snapshot(archive / "content")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and "0 written, 39 unchanged" in out and f"kept as corrected: pages/{PAGE}" in out
    assert snapshot(archive / "content") == before
    assert_conserved(archive)


def test_merge_with_an_article_before_it_keeps_its_own_headline(archive, capsys):
    ids = by_title(archive)
    a, b = ids[DAXING], ids[DONGCHENG]                        # 东城 is printed before 大兴
    bodies = {i: articles(archive)[i].body for i in (a, b)}
    code, out = run(archive, "merge", a, b, capsys=capsys)
    assert code == 0 and f"«{DONGCHENG}» now comes before «{DAXING}»" in out
    merged = articles(archive)[a]
    assert merged.title == DAXING and merged.body == f"### {DONGCHENG}\n\n{bodies[b]}\n\n{bodies[a]}"
    before = snapshot(archive / "content")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and "0 written" in out and snapshot(archive / "content") == before
    assert_conserved(archive)


def test_refusals_change_nothing(archive, capsys):
    ids = by_title(archive)
    t = ids[TAORANTING]
    other_page = by_title(archive)["拱辰街道工会现场办公为企业解难题"]
    photo = by_title(archive)["工会送来矿泉水"]
    one_paragraph = next(a.id for a in articles(archive).values() if "\n\n" not in a.body)
    file_of(archive, ids[DONGCHENG]).unlink()            # an editor deletes an article
    run(archive, "ingest", capsys=capsys)
    before = snapshot(archive / "content")
    refusals = [
        (["split", "20200720-00000000", "--at", "2"], "unknown article id '20200720-00000000'"),
        (["split", t, "--at", "1"], "paragraph 1: that is outside its body (a new article starts at one of "
                                    "paragraphs 2–3)"),
        (["split", t, "--at", "4"], "paragraph 4: that is outside its body"),
        (["split", t, "--at", "0"], "outside its body"),
        (["split", one_paragraph, "--at", "2"], "its body has 1 paragraph, nothing to start a new article with"),
        (["merge", t, t], "an article cannot be merged with itself"),
        (["merge", t, "nope"], "unknown article id 'nope'"),
        (["merge", t, other_page], "they are on different pages"),
        (["merge", photo, t], "neither continues the other"),
        (["set", t, "colour=red"], "unknown field 'colour'"),
        (["set", t, "kind=editorial"], "kind must be one of news|photo|column|continuation|ad, not 'editorial'"),
        (["set", t, "districts=朝阳区,火星区"], "'火星区' is not a district of the gazetteer"),
        (["set", t, "date=2020-02-30"], "date must be a date YYYY-MM-DD"),
        (["set", t, "kind"], "expected FIELD=VALUE"),
        (["set", "nope", "kind=photo"], "unknown article id 'nope'"),
        (["set", t, "id=x"], "unknown field 'id'"),
        (["undo"], "nothing to undo"),
        (["split", ids[DONGCHENG], "--at", "2"], f"{ids[DONGCHENG]} is deleted (sitegen ingest --restore "
                                                 f"{ids[DONGCHENG]} brings it back)"),
    ]
    for args, message in refusals:
        code, out = run(archive, *args, capsys=capsys)
        lines = out.strip().splitlines()
        assert code == 1 and len(lines) == 1 and lines[0].startswith(("error: cannot", "error: nothing")), (args, out)
        assert message in out, (args, out)
        assert snapshot(archive / "content") == before, args
    edit_page(archive, "安全会上， 陶然亭街道总工", "安全会上，陶然亭街道总工")   # not ingested yet
    code, out = run(archive, "split", t, "--at", "2", capsys=capsys)
    assert code == 1 and f"the page file pages/{PAGE} changed since the last ingest (run sitegen ingest first)" in out
    assert snapshot(archive / "content") == before


# --- set -----------------------------------------------------------------------------------

def test_set_kind_and_districts(archive, capsys):
    ident = by_title(archive)[MENTOUGOU]
    old = articles(archive)[ident]
    assert old.kind == "news" and old.districts == ["门头沟区"]
    code, out = run(archive, "set", ident, "kind=photo", "districts=朝阳区,海淀", "tags=普法", capsys=capsys)
    assert code == 0, out
    assert f"{ident}: kind: news → photo" in out
    assert f"{ident}: districts: [门头沟区] → [朝阳区, 海淀区]" in out         # a short form reads as the district
    assert f"written: {file_of(archive, ident)}" in out
    new = articles(archive)[ident]
    assert new.kind == "photo" and new.districts == ["朝阳区", "海淀区"] and new.tags == ["普法"]
    assert new.body == old.body and new.title == old.title
    before = snapshot(archive / "content")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and "0 written" in out and f"kept as corrected: pages/{PAGE}" in out
    assert snapshot(archive / "content") == before
    # Fields are the page's own again when cleared: an empty title is no headline.
    code, out = run(archive, "set", ident, "title=", capsys=capsys)
    assert code == 0 and f"title: {MENTOUGOU} → (none)" in out and articles(archive)[ident].title is None


# --- undo ----------------------------------------------------------------------------------

def test_undo_restores(archive, capsys):
    original = snapshot(archive / "content", "*.md")
    ids = by_title(archive)
    t, d, x = ids[TAORANTING], ids[DONGCHENG], ids[DAXING]
    assert run(archive, "split", t, "--at", "3", capsys=capsys)[0] == 0
    assert run(archive, "merge", d, x, capsys=capsys)[0] == 0
    after_merge = snapshot(archive / "content", "*.md")
    assert run(archive, "set", t, "kind=column", capsys=capsys)[0] == 0
    code, out = run(archive, "undo", capsys=capsys)
    assert code == 0 and f"undone: {t}: kind: news → column" in out
    assert snapshot(archive / "content", "*.md") == after_merge
    code, out = run(archive, "undo", capsys=capsys)
    assert code == 0 and f"undone: merged {x} into {d}" in out and x in articles(archive)
    code, out = run(archive, "undo", capsys=capsys)
    assert code == 0 and f"undone: split {t} at paragraph 3" in out
    # The same files, ids and URLs as before any correction; nothing left to undo.
    assert snapshot(archive / "content", "*.md") == original
    assert not (archive / "content" / "_corrections").exists()
    code, out = run(archive, "undo", capsys=capsys)
    assert code == 1 and "nothing to undo" in out
    code, out = run(archive, "ingest", capsys=capsys)
    assert "0 written, 40 unchanged" in out and "corrected" not in out


def test_undo_refuses_a_record_changed_by_hand_since(archive, capsys):
    ident = by_title(archive)[TAORANTING]
    run(archive, "split", ident, "--at", "2", capsys=capsys)
    record = archive / "content" / "_corrections" / f"{PAGE}.toml"
    record.write_text(record.read_text(encoding="utf-8") + "# 编辑的备注\n", encoding="utf-8")
    before = snapshot(archive / "content")
    code, out = run(archive, "undo", capsys=capsys)
    assert code == 1 and f"{record} changed since" in out
    assert snapshot(archive / "content") == before


# --- what the correction survives ----------------------------------------------------------

def _corrected(archive, capsys) -> dict[str, str]:
    """Split 陶然亭 at 2 (typed headline), merge 怀柔 + 画册, set 门头沟's kind; the new id."""
    ids = by_title(archive)
    code, out = run(archive, "split", ids[TAORANTING], "--at", "2", "--title", "安全生产月知识学习", capsys=capsys)
    new = re.search(r"(\S+) is a new article", out).group(1)
    assert run(archive, "merge", ids[HUAIROU], ids[HUACE], capsys=capsys)[0] == 0
    assert run(archive, "set", ids[MENTOUGOU], "kind=photo", capsys=capsys)[0] == 0
    return {**ids, "new": new}


def _texts(archive) -> dict[str, tuple]:
    return {i: (a.title, a.body, a.kind) for i, a in articles(archive).items()}


def run_into_previous(out: list, a) -> None:
    """A segmenter that misses the boundary before ``a``: its headline and kicker are
    subheads of the article before it (the last of ``out``), its text that article's."""
    prev = out.pop()
    out.append(dataclasses.replace(prev, paragraphs=prev.paragraphs + [
        f"### {a.title}", *(f"### {s}" for s in a.subtitles), *a.paragraphs]))


def test_a_segmenter_that_cuts_the_page_otherwise_keeps_the_correction(archive, capsys, monkeypatch):
    ids = _corrected(archive, capsys)
    before = _texts(archive)
    import sitegen.ingest.pipeline as pipeline
    from sitegen.bylines import Byline
    from sitegen.segmentation import SegmentedArticle

    real = pipeline.segment_page

    def other_segmenter(text, known=frozenset(), **kw):
        """Cuts 陶然亭 at its third paragraph, not its second; misses the boundary between
        东城 and 大兴 (大兴's headline a subhead, its kicker under it); leaves 怀柔 and 画册 apart."""
        result = real(text, known, **kw)
        if "陶然亭街道总工" not in text:
            return result
        out = []
        for a in result.articles:
            if a.title == TAORANTING:
                out += [dataclasses.replace(a, paragraphs=a.paragraphs[:2]),
                        SegmentedArticle(None, [], "news", a.paragraphs[2:], Byline())]
            elif a.title == DAXING:
                run_into_previous(out, a)
            else:
                out.append(a)
        return dataclasses.replace(result, articles=out)

    monkeypatch.setattr(pipeline, "segment_page", other_segmenter)
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and "warning" not in out
    assert f"kept as corrected: pages/{PAGE}; the segmenter alone would cut it otherwise" in out
    assert "one would start at «针对疫情防控和安全生产" in out
    now = _texts(archive)
    assert set(now) == set(before)                                    # the same articles, the same URLs
    for ident, (title, body, kind) in before.items():
        if ident != ids[DAXING]:
            assert now[ident] == (title, body, kind), ident
    # 大兴 takes its headline back from the article the segmenter ran it into; its kicker stays in its body.
    title, body, _ = now[ids[DAXING]]
    assert title == DAXING and body.startswith("### 职工素质助推垃圾分类") and body.endswith(before[ids[DAXING]][1])
    assert DAXING not in now[ids[DONGCHENG]][1]
    assert_conserved(archive, typed=("安全生产月知识学习",))


def test_a_segmenter_that_makes_the_editors_cut_itself_changes_nothing(archive, capsys, monkeypatch):
    ident = by_title(archive)[TAORANTING]
    run(archive, "split", ident, "--at", "2", capsys=capsys)
    before = snapshot(archive / "content", "*.md")
    import sitegen.ingest.pipeline as pipeline
    from sitegen.bylines import Byline
    from sitegen.segmentation import SegmentedArticle

    real = pipeline.segment_page

    def agreeing(text, known=frozenset(), **kw):
        result = real(text, known, **kw)
        out = []
        for a in result.articles:
            if a.title == TAORANTING:
                out += [dataclasses.replace(a, paragraphs=a.paragraphs[:1]),
                        SegmentedArticle(None, [], "news", a.paragraphs[1:], Byline())]
            else:
                out.append(a)
        return dataclasses.replace(result, articles=out)

    monkeypatch.setattr(pipeline, "segment_page", agreeing)
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and "0 written, 41 unchanged" in out
    assert f"kept as corrected: pages/{PAGE}; the segmenter alone now cuts it the same way" in out
    assert snapshot(archive / "content", "*.md") == before


def test_an_ocr_fix_of_the_page_keeps_the_correction(archive, capsys):
    ids = _corrected(archive, capsys)
    count = len(articles(archive))
    # Fixes inside the openings the record finds articles by: spacing, then a character.
    edit_page(archive, "安全会上， 陶然亭街道总工", "安全会上，陶然亭街道的总工")
    edit_page(archive, "国工运研究所编著", "国工运研究院编著")
    edit_page(archive, "（记者 闫长禄）2020", "（记者 阎长禄）2020")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and "warning" not in out and "went away" not in out and "appeared" not in out
    now = articles(archive)
    assert len(now) == count
    assert now[ids["new"]].body.startswith("安全会上，陶然亭街道的总工会") and now[ids["new"]].title == "安全生产月知识学习"
    assert "由中国工运研究院编著" in now[ids[HUAIROU]].body and ids[HUACE] not in now
    assert now[ids[MENTOUGOU]].kind == "photo" and now[ids[MENTOUGOU]].reporters == ["阎长禄"]
    assert_conserved(archive, typed=("安全生产月知识学习",))


def test_an_opening_gone_from_the_page_is_reported_and_loses_nothing(archive, capsys):
    ids = _corrected(archive, capsys)
    # The second paragraph of 陶然亭, where the editor's split starts, is rewritten from its start.
    edit_page(archive, "安全会上， 陶然亭街道总工\n会工作人员首先组织与会人员进\n行",
              "会议期间， 与会代表们首先组织开\n展了")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0
    record = archive / "content" / "_corrections" / f"{PAGE}.toml"
    assert f"warning: {record}: {ids['new']}: the paragraph it starts at" in out
    assert "is not on the page any more; its text stays with the article before it" in out
    assert "会议期间，与会代表们首先组织开展了" in articles(archive)[ids[TAORANTING]].body
    assert_conserved(archive)


def test_hand_edits_and_corrections_live_together(archive, capsys):
    ids = by_title(archive)
    t = ids[TAORANTING]
    code, out = run(archive, "split", t, "--at", "2", capsys=capsys)
    new = re.search(r"(\S+) is a new article", out).group(1)
    # An editor fixes a word in the new article by hand: kept through re-ingest, split and all.
    path = file_of(archive, new)
    edited = path.read_text(encoding="utf-8").replace("答卷活动", "答题活动")
    path.write_text(edited, encoding="utf-8")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and f"kept (edited by hand): {path}" in out and path.read_text(encoding="utf-8") == edited
    # set on a hand-edited file sets the field in it, and keeps the edit.
    code, out = run(archive, "set", new, "title=安全生产月", "reporters=陈曦", capsys=capsys)
    assert code == 0 and "edited by hand, so the fields are set in it too" in out
    a = read_article(path)
    assert a.title == "安全生产月" and a.reporters == ["陈曦"] and "答题活动" in a.body
    # A split or merge of a hand-edited article is refused: ingest would keep the file whole.
    before = snapshot(archive / "content")
    code, out = run(archive, "split", new, "--at", "2", capsys=capsys)
    assert code == 1 and f"the file of {new} ({path}) was edited by hand" in out
    code, out = run(archive, "merge", t, new, capsys=capsys)
    assert code == 1 and "was edited by hand" in out
    assert snapshot(archive / "content") == before
    # Undo of the set puts the hand-edited file back as it was.
    code, out = run(archive, "undo", capsys=capsys)
    assert code == 0 and path.read_text(encoding="utf-8") == edited


def test_conservation_after_corrections(archive, capsys):
    ids = by_title(archive)
    steps = [
        ["split", ids[TAORANTING], "--at", "3"],
        ["split", ids["沉心、沉身、沉力 坚决筑牢疫情防控基层防线"], "--at", "2"],
        ["merge", ids[HUAIROU], ids[MENTOUGOU]],                 # not neighbours: 画册 stays between
        ["merge", ids[DONGCHENG], ids[DAXING]],
        ["split", ids[DONGCHENG], "--at", "4"],                  # where 大兴's headline is: the merge undone by hand
        ["split", ids["朝阳区三年开展职工沟通会近2000场"], "--at", "4"],
        ["merge", ids["发行集团工会知识竞赛宣传健康理念"], ids["良乡镇职工沟通会面对面解答职工疑惑"]],
    ]
    for step in steps:
        code, out = run(archive, *step, capsys=capsys)
        assert code == 0, (step, out)
        assert_conserved(archive)
    now = articles(archive)
    assert now[ids[HUAIROU]].body.count("\n\n### 门头沟区总工会普法宣传进社区\n\n") == 1
    assert now[ids[HUACE]].order == 8 and now[ids[HUAIROU]].order == 7
    # Split where 大兴's headline was: 大兴 is back, with its headline, its text and its old URL.
    redone = next(a for a in now.values() if a.title == DAXING)
    assert redone.id == ids[DAXING] and redone.body == articles_before_merge_body(archive, DAXING)
    code, out = run(archive, "ingest", capsys=capsys)
    assert "0 written" in out and "2 pages kept as corrected" in out
    assert_conserved(archive)


def articles_before_merge_body(archive, title) -> str:
    """The body the segmenter gives the article of ``title`` (no corrections)."""
    from sitegen.ingest.pipeline import column_names
    from sitegen.segmentation import segment_page

    for path in (archive / "pages").glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        for a in segment_page(text, column_names(text)).articles:
            if a.title == title:
                return "\n\n".join(a.paragraphs)
    raise KeyError(title)


# --- across pages: a story continued --------------------------------------------------------

FRONT = """市总工会启动夏季送清凉活动

本报讯 （记者 张三） 近日， 市总工会启动
2020年夏季送清凉活动， 为坚守在高温一线的
户外劳动者送去防暑降温物品。

据介绍， 今年的送清凉活动将持续到8月底，
覆盖全市各区的建筑工地、 环卫站点和快递网点。
（下转第4版）

朝阳区总工会举办职工运动会

本报讯 （记者 李四） 近日， 朝阳区总工会举
办第十届职工运动会， 来自全区各行业的一千余名
职工参加了比赛。
"""
BACK = """(上接第1版)
活动中， 各级工会干部走进一线， 把绿豆汤、
藿香正气水等物品送到职工手中， 并叮嘱大家注意
休息， 科学防暑。

市总工会相关负责人表示， 将持续关注户外劳动
者的工作环境， 切实维护职工合法权益。

海淀区工会开展安全培训

本报讯 （记者 王五） 近日， 海淀区总工会组织
辖区企业开展安全生产培训， 三百余名职工参加。
"""


@pytest.fixture
def two_pages(tmp_path, capsys) -> Path:
    day = tmp_path / "pages" / "2020-07-20"
    day.mkdir(parents=True)
    (day / "p01.txt").write_text(FRONT, encoding="utf-8")
    (day / "p04.txt").write_text(BACK, encoding="utf-8")
    assert run(tmp_path, "ingest", capsys=capsys)[0] == 0
    return tmp_path


def test_a_story_continued_on_another_page_merges_into_one(two_pages, capsys):
    ids = {a.title or a.body[:7]: a.id for a in articles(two_pages).values()}
    front, back = ids["市总工会启动夏季送清凉活动"], ids["（上接第1版）"]
    before = snapshot(two_pages / "content")
    code, out = run(two_pages, "merge", front, ids["海淀区工会开展安全培训"], capsys=capsys)
    assert code == 1 and "neither continues the other" in out and snapshot(two_pages / "content") == before
    code, out = run(two_pages, "merge", front, back, capsys=capsys)
    assert code == 0 and f"{back} is gone: its URL now leads to a/{front}/" in out
    now = articles(two_pages)
    assert back not in now and len(now) == 3
    story = now[front]
    assert story.body.endswith("（上接第1版）\n\n活动中，各级工会干部走进一线，把绿豆汤、藿香正气水等物品送到职工手中，"
                               "并叮嘱大家注意休息，科学防暑。\n\n市总工会相关负责人表示，将持续关注户外劳动者的工作环境，"
                               "切实维护职工合法权益。")
    assert story.continued_to is None and story.page == "1"
    code, out = run(two_pages, "ingest", capsys=capsys)
    assert "0 written, 3 unchanged" in out and "2 pages kept as corrected" in out
    # The page the text came from is ingested alone (it changed): the story keeps its text.
    edit_page(two_pages, "科学防暑", "科学地防暑", page="2020-07-20/p04.txt")
    code, out = run(two_pages, "ingest", capsys=capsys)
    assert code == 0 and "科学地防暑" in articles(two_pages)[front].body and back not in articles(two_pages)
    assert_conserved(two_pages)
    code, out = run(two_pages, "undo", capsys=capsys)
    assert code == 0 and back in articles(two_pages) and "科学地防暑" not in articles(two_pages)[front].body


# --- the API, and the site ------------------------------------------------------------------

def test_the_api_returns_what_changed(archive):
    from sitegen.config import Settings
    from sitegen.corrections import Correction, set_fields, split, undo
    from sitegen.errors import SitegenError

    settings = Settings(root=archive, pages_dir=archive / "pages", content_dir=archive / "content")
    ident = by_title(archive)[TAORANTING]
    done = split(archive / "content", settings, ident, 2)
    assert isinstance(done, Correction) and done.action == "split" and done.article == ident
    assert done.new_id in articles(archive) and done.records == [archive / "content" / "_corrections" / f"{PAGE}.toml"]
    with pytest.raises(SitegenError, match="unknown field 'colour'"):
        set_fields(archive / "content", settings, ident, {"colour": "red"})
    assert set_fields(archive / "content", settings, ident, {"districts": "朝阳区"}).changes == [
        f"{ident}: districts: [西城区] → [朝阳区]"]
    assert undo(archive / "content", settings).changes[0].startswith("undone: ")


def test_the_built_site_shows_the_corrections(archive, capsys):
    ids = _corrected(archive, capsys)
    (archive / "sitegen.toml").write_text("export = true\n", encoding="utf-8")      # the export shows them too
    assert main(["--root", str(archive), "build", "--pages", str(archive / "pages"), "--content",
                 str(archive / "content"), "--output", str(archive / "site")]) == 0
    capsys.readouterr()
    site = archive / "site"
    new = (site / "a" / ids["new"] / "index.html").read_text(encoding="utf-8")
    assert "安全生产月知识学习" in new and "安全会上，陶然亭街道总工会工作人员" in new
    old = (site / "a" / ids[TAORANTING] / "index.html").read_text(encoding="utf-8")
    assert "安全会上，陶然亭街道总工会工作人员" not in old
    merged = (site / "a" / ids[HUAIROU] / "index.html").read_text(encoding="utf-8")
    assert HUACE in merged and "中国工运研究所编著" in merged
    gone = (site / "a" / ids[HUACE] / "index.html").read_text(encoding="utf-8")
    assert f'url=/a/{ids[HUAIROU]}/"' in gone
    sitemaps = "".join(f.read_text(encoding="utf-8") for f in (site / "sitemaps").glob("*.xml"))
    assert f"/a/{ids[HUAIROU]}/" in sitemaps and f"/a/{ids[HUACE]}/" not in sitemaps
    import json
    from sitegen.site.export import read_issue_export
    exported = {r["id"]: r for f in (site / "data" / "issues").glob("*.jsonl.gz") for r in read_issue_export(f.read_bytes())}
    assert exported[ids[MENTOUGOU]]["kind"] == "photo"
    from sitegen.link_checker import check_links
    assert check_links(site, "/") == []


# --- the property: any corrections, under any other cut of the page, lose nothing -------------


def _chars(pieces) -> Counter:
    counts = Counter()
    for piece in pieces:
        counts.update(c for c in re.sub(r"^(\\|### )", "", piece or "") if not c.isspace())
    return _counted(counts)


def _seg_chars(articles) -> Counter:
    return _chars(p for a in articles for p in [a.title, *a.subtitles, a.column, a.author_line, *a.paragraphs])


def _recut(articles, rnd):
    """Another segmenter's cut of the same text: articles run together (the second's headline
    and kicker a subhead), cut in two, paragraphs joined."""
    from sitegen.bylines import Byline
    from sitegen.segmentation import SegmentedArticle

    out = [dataclasses.replace(a, paragraphs=list(a.paragraphs), subtitles=list(a.subtitles)) for a in articles]
    for _ in range(rnd.randint(1, 4)):
        n = rnd.randrange(len(out))
        a = out[n]
        move = rnd.random()
        if move < 0.4 and n + 1 < len(out) and not out[n + 1].column and not out[n + 1].author_line:
            b = out.pop(n + 1)
            a.paragraphs += [f"### {x}" for x in (b.title, *b.subtitles) if x] + b.paragraphs
        elif move < 0.7 and len(a.paragraphs) > 1:
            k = rnd.randrange(1, len(a.paragraphs))
            out[n:n + 1] = [dataclasses.replace(a, paragraphs=a.paragraphs[:k]),
                            SegmentedArticle(None, [], "news", a.paragraphs[k:], Byline())]
        elif len(a.paragraphs) > 1:
            k = rnd.randrange(len(a.paragraphs) - 1)
            if not any(x.startswith("### ") for x in a.paragraphs[k:k + 2]):
                a.paragraphs[k:k + 2] = [a.paragraphs[k] + a.paragraphs[k + 1]]
    return out


def _bodies(units, groups) -> dict[str, str]:
    """Each corrected article's text less headings, as letters and digits."""
    from sitegen.ingest.identity import normalise
    from sitegen.ingest.regroup import build

    out = {}
    for g in groups:
        article, _ = build([(units[i], i) for i in g.units], g.title, g.headline, _home(g))
        out[g.id] = normalise("".join(p for p in article.paragraphs if not p.startswith("### ")))
    return out


def _home(g) -> int:
    return g.units.index(g.home) if g.home in g.units else 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SEEDS.glob("*.txt"))), st.randoms(use_true_random=False))
def test_any_corrections_under_any_other_cut_lose_nothing(path, rnd):
    from sitegen.corrections import _entries
    from sitegen.ingest.pipeline import column_names
    from sitegen.ingest.regroup import build, natural_groups, page_units, regroup
    from sitegen.segmentation import segment_page

    text = path.read_text(encoding="utf-8")
    segmented = segment_page(text, column_names(text))
    units = page_units(segmented.articles)
    groups = natural_groups(units)
    for n, g in enumerate(groups):
        g.id, g.headline = f"a{n}", units[g.units[0]].seg.title
    for step in range(rnd.randint(1, 4)):                 # an editor's splits and merges
        if rnd.random() < 0.5:
            g = rnd.choice(groups)
            if len(g.units) > 1:
                k = rnd.randrange(1, len(g.units))
                groups.append(dataclasses.replace(g, units=g.units[k:], id=f"s{step}", headline=None))
                g.units = g.units[:k]
        elif len(groups) > 1:
            a, b = rnd.sample(groups, 2)
            own = a.home if a.home in a.units else a.units[0]
            a.units, a.home = sorted(a.units + b.units), own
            groups.remove(b)
    entries = _entries(units, groups)
    meant = _bodies(units, groups)

    # The same segmenter: exactly the editor's articles, nothing lost.
    again, cut, problems = regroup(page_units(segmented.articles), entries)
    assert not problems
    assert [[again[i].text for i in g.units] for g in cut] == \
        [[units[i].text for i in g.units] for g in sorted(groups, key=lambda g: g.units[0])]
    assert [_home(g) for g in cut] == [_home(g) for g in sorted(groups, key=lambda g: g.units[0])]
    drafts = [build([(again[i], i) for i in g.units], g.title, g.headline, _home(g))[0] for g in cut]
    assert _seg_chars(drafts) == _seg_chars(segmented.articles)

    # Another cut of the page: still the editor's articles (their text), still nothing lost.
    recut = _recut(segmented.articles, rnd)
    units2, cut2, problems2 = regroup(page_units(recut), entries)
    drafts2 = [build([(units2[i], i) for i in g.units], g.title, g.headline, _home(g))[0] for g in cut2]
    assert _seg_chars(drafts2) == _seg_chars(recut)
    assert not problems2 and _bodies(units2, cut2) == meant
