"""Corrections that move lines: a headline to the right article (``sitegen headline``), an
article that is none (``sitegen unarticle``), a residue line back into an article
(``sitegen join-residue``); an article's body as the editor typed it (``sitegen body``);
and the outline of a page the browser's edit mode shows. On a copy of the sample, as an
editor would do it: what the files and the site show, what re-ingest and another segmenter
keep, that nothing of the page is lost or doubled, that refusals and undo change nothing."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.cli import main
from sitegen.config import Settings
from test_corrections import (DAXING, DONGCHENG, HUACE, HUAIROU, MENTOUGOU, PAGE, SEEDS, TAORANTING, _counted,
                              archive, articles, by_title, edit_page, file_of, page_characters, run,
                              run_into_previous, snapshot)

__all__ = ["archive"]          # the fixture, shared with test_corrections

KICKER = "职工素质助推垃圾分类专项培训及劳模宣讲走进街镇"      # printed over 大兴 (the segmenter's choice)
BANNER = "图片新闻"                                               # a line the segmenter leaves as residue
CONTINUED = "20200720-bd9a1419"                                   # the page's untitled continuation (上接第１版)


def api_settings(root: Path) -> Settings:
    return Settings(root=root, pages_dir=root / "pages", content_dir=root / "content")


def placed(root: Path) -> Counter:
    """The characters of every article, of every page's residue and furniture (the
    segmenter's, and what an editor made residue or furniture) — as ingest has them now."""
    from test_conservation import _typography_off

    from sitegen.ingest import page_view
    from sitegen.ingest.pipeline import column_names
    from sitegen.ocr import undouble
    from sitegen.segmentation import segment_page

    counts = Counter()
    for a in articles(root).values():
        for part in [a.title or "", *a.subtitles, a.column or "", a.byline or "", *a.body.split("\n\n")]:
            counts.update(c for c in re.sub(r"^(\\|### )", "", part) if not c.isspace())
    s = api_settings(root)
    for path in sorted((root / "pages").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        view = page_view(s, path.relative_to(root / "pages").as_posix(), labels=False)
        lines = [*view.residue, *view.furniture, *segment_page(text, column_names(text)).page_furniture]
        for _, line in lines:
            for token in _typography_off(line).split():
                counts.update(undouble(token) or token)
    return _counted(counts)


def assert_conserved(root: Path) -> None:
    want, got = page_characters(root), placed(root)
    assert want == got, f"lost {want - got}, twice {got - want}"


def reingest_changes_nothing(root: Path, capsys) -> str:
    before = snapshot(root / "content")
    code, out = run(root, "ingest", capsys=capsys)
    assert code == 0 and " 0 written" in out and "warning" not in out, out
    assert snapshot(root / "content") == before
    return out


def build(root: Path, capsys) -> Path:
    assert main(["--root", str(root), "build", "--pages", str(root / "pages"), "--content", str(root / "content"),
                 "--output", str(root / "site")]) == 0
    capsys.readouterr()
    return root / "site"


def with_banner(root: Path, capsys) -> None:
    """The page with a banner line between 陶然亭 (whose headline the page prints after its
    text) and the 下沉日记 column: the segmenter places it in no article."""
    edit_page(root, "\n陶然亭工会构建疫情防线侧重", f"\n{BANNER}\n\n陶然亭工会构建疫情防线侧重")
    code, out = run(root, "ingest", capsys=capsys)
    assert code == 0 and f"residue: pages/{PAGE}:38: {BANNER}" in out, out


# --- a headline to the right article ---------------------------------------------------------

def test_a_headline_moved_swaps_with_the_other_and_stays(archive, capsys):
    ids = by_title(archive)
    d, x = ids[DONGCHENG], ids[DAXING]
    bodies = {i: articles(archive)[i].body for i in (d, x)}
    code, out = run(archive, "headline", d, "--to", x, capsys=capsys)
    assert code == 0, out
    assert f"moved the headline «{DONGCHENG}» from {d} to {x}" in out
    assert f"moved the headline «{DAXING}» from {x} to {d} (swapped)" in out
    assert f"recorded in {archive / 'content' / '_corrections' / PAGE}.toml" in out
    now = articles(archive)
    assert now[d].title == DAXING and now[x].title == DONGCHENG
    assert now[x].subtitles == [KICKER] and now[d].subtitles == []        # a kicker stays unless moved
    assert {i: now[i].body for i in (d, x)} == bodies and len(now) == 40   # the texts and URLs stay
    assert_conserved(archive)
    out = reingest_changes_nothing(archive, capsys)
    assert f"kept as corrected: pages/{PAGE}; the segmenter alone would cut it otherwise: it would print " \
           f"«{DAXING}» over another article; it would print «{DONGCHENG[:16]}…» over another article" in out
    site = build(archive, capsys)
    page = (site / "a" / d / "index.html").read_text(encoding="utf-8")
    assert f"<h1" in page and DAXING in page.split("</h1>")[0] and DONGCHENG not in page.split("</h1>")[0]
    # Moving it back puts the page as the segmenter had it (the record says so, and no more).
    assert run(archive, "headline", x, "--to", d, capsys=capsys)[0] == 0
    now = articles(archive)
    assert now[d].title == DONGCHENG and now[x].title == DAXING and now[x].subtitles == [KICKER]


def test_a_kicker_line_moves_alone(archive, capsys):
    ids = by_title(archive)
    d, x = ids[DONGCHENG], ids[DAXING]
    code, out = run(archive, "headline", x, "--to", d, "--line", KICKER, capsys=capsys)
    assert code == 0 and f"moved the kicker/subtitle «{KICKER}» from {x} to {d}" in out
    now = articles(archive)
    assert now[d].title == DONGCHENG and now[d].subtitles == [KICKER]
    assert now[x].title == DAXING and now[x].subtitles == []
    assert_conserved(archive)
    reingest_changes_nothing(archive, capsys)


def test_a_headline_moved_to_an_untitled_article_leaves_none_behind(archive, capsys):
    m = by_title(archive)[MENTOUGOU]
    assert articles(archive)[CONTINUED].title is None
    code, out = run(archive, "headline", m, "--to", CONTINUED, capsys=capsys)
    assert code == 0 and f"{m} has no headline now (give it one with sitegen set {m} title=…)" in out
    now = articles(archive)
    assert now[CONTINUED].title == MENTOUGOU and now[m].title is None
    assert_conserved(archive)
    reingest_changes_nothing(archive, capsys)


def test_a_moved_headline_holds_when_a_segmenter_cuts_the_page_otherwise(archive, capsys, monkeypatch):
    ids = by_title(archive)
    d, x = ids[DONGCHENG], ids[DAXING]
    assert run(archive, "headline", d, "--to", x, capsys=capsys)[0] == 0
    before = {i: (a.title, a.subtitles, a.body) for i, a in articles(archive).items()}
    import sitegen.ingest.pipeline as pipeline

    real = pipeline.segment_page

    def other_segmenter(text, known=frozenset(), **kw):
        """Runs 大兴 into 东城 (its headline and kicker subheads of 东城's text)."""
        result = real(text, known, **kw)
        out = []
        for a in result.articles:
            if a.title == DAXING and out:
                run_into_previous(out, a)
            else:
                out.append(a)
        return dataclasses.replace(result, articles=out)

    monkeypatch.setattr(pipeline, "segment_page", other_segmenter)
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and "warning" not in out, out
    now = {i: (a.title, a.subtitles, a.body) for i, a in articles(archive).items()}
    assert set(now) == set(before)
    assert now[d][0] == DAXING and now[x][0] == DONGCHENG              # still swapped
    assert DAXING not in now[d][2] and DONGCHENG not in now[x][2]      # and nowhere twice
    assert now[d][2] == before[d][2]
    assert_conserved(archive)


def test_a_subhead_left_in_another_text_becomes_a_headline(archive, capsys):
    ids = by_title(archive)
    d, x = ids[DONGCHENG], ids[DAXING]
    assert run(archive, "merge", d, x, capsys=capsys)[0] == 0          # 大兴's headline a subhead of 东城 now
    assert f"### {DAXING}" in articles(archive)[d].body
    code, out = run(archive, "headline", d, "--to", CONTINUED, "--line", DAXING, capsys=capsys)
    assert code == 0 and f"moved the subhead «{DAXING}» from {d} to {CONTINUED}" in out
    now = articles(archive)
    assert now[CONTINUED].title == DAXING and DAXING not in now[d].body and now[d].title == DONGCHENG
    assert_conserved(archive)
    reingest_changes_nothing(archive, capsys)
    # To an article with a headline, a subhead is a subtitle.
    code, out = run(archive, "headline", d, "--to", ids[MENTOUGOU], "--line", KICKER, capsys=capsys)
    assert code == 0 and articles(archive)[ids[MENTOUGOU]].subtitles == [KICKER]
    assert articles(archive)[ids[MENTOUGOU]].title == MENTOUGOU
    assert_conserved(archive)


# --- not an article ---------------------------------------------------------------------------

def test_an_article_made_residue_is_reported_and_its_url_leads_to_its_issue(archive, capsys):
    ident = by_title(archive)[HUACE]
    path = file_of(archive, ident)
    body = articles(archive)[ident].body
    code, out = run(archive, "unarticle", ident, capsys=capsys)
    assert code == 0, out
    assert f"{ident} «{HUACE}» is no article now: its text is the page's residue" in out
    assert f"{ident} is gone: its URL now leads to its issue's page" in out and f"removed: {path}" in out
    assert ident not in articles(archive) and not path.exists() and len(articles(archive)) == 39
    assert_conserved(archive)
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and " 0 written" in out
    assert "the segmenter alone would cut it otherwise: it would make an article of «本报讯（记者马超）由中国工运…»" in out
    first = body.split("\n\n")[0]
    assert f"residue: pages/{PAGE}:249: {first}" in out and f"residue: pages/{PAGE}:281: {HUACE}" in out
    assert ident not in articles(archive)
    site = build(archive, capsys)
    gone = (site / "a" / ident / "index.html").read_text(encoding="utf-8")
    assert 'url=/date/2020/07/20/"' in gone
    assert "中国工运研究所编著" not in (site / "a" / by_title(archive)[HUAIROU] / "index.html").read_text(encoding="utf-8")
    # A refusal now: it is no article.
    code, out = run(archive, "unarticle", ident, capsys=capsys)
    assert code == 1 and f"{ident} is no longer an article" in out


def test_an_article_made_furniture_is_not_reported(archive, capsys):
    ident = by_title(archive)[HUACE]
    code, out = run(archive, "unarticle", ident, "--furniture", capsys=capsys)
    assert code == 0 and "its text is page furniture (part of no article)" in out
    assert ident not in articles(archive)
    assert_conserved(archive)
    out = reingest_changes_nothing(archive, capsys)
    assert "residue:" not in out and "0 residue lines" in out


# --- a residue line back into an article -----------------------------------------------------

def test_a_residue_line_joins_an_article_where_it_is_printed(archive, capsys):
    with_banner(archive, capsys)
    ids = by_title(archive)
    column = ids["沉心、沉身、沉力 坚决筑牢疫情防控基层防线"]
    paragraphs = articles(archive)[column].body.split("\n\n")
    code, out = run(archive, "join-residue", f"pages/{PAGE}", "38", "--to", column, capsys=capsys)
    assert code == 0, out
    assert f"residue line 38 «{BANNER}» of pages/{PAGE} joins {column}" in out and "as its paragraph 1" in out
    assert articles(archive)[column].body.split("\n\n") == [BANNER, *paragraphs]   # printed before its text
    assert_conserved(archive)
    out = reingest_changes_nothing(archive, capsys)
    assert "residue:" not in out and f"it would leave «{BANNER}» in the residue" in out
    assert run(archive, "undo", capsys=capsys)[0] == 0
    # Joined to the article printed before it: it comes after its text, by its text this time.
    t = ids[TAORANTING]
    code, out = run(archive, "join-residue", PAGE, BANNER, "--to", t, capsys=capsys)
    assert code == 0 and "as its paragraph 4" in out
    assert articles(archive)[t].body.endswith(f"\n\n{BANNER}")
    assert_conserved(archive)
    reingest_changes_nothing(archive, capsys)


def test_a_residue_line_of_an_article_made_residue_goes_back_to_an_article(archive, capsys):
    huace, huairou = by_title(archive)[HUACE], by_title(archive)[HUAIROU]
    assert run(archive, "unarticle", huace, capsys=capsys)[0] == 0
    code, out = run(archive, "join-residue", PAGE, "273", "--to", huairou, capsys=capsys)
    assert code == 0 and "as its paragraph 4" in out
    assert articles(archive)[huairou].body.endswith("\n\n据悉，该书为迎接中华全国总工会成立95周年而创作，并为2021年"
                                                   "中国共产党成立100周年献礼，是工会干部和职工群众了解中国工会和工人阶级运动"
                                                   "历史，学习党史、国史和开展相关主题教育的辅导读物。")
    assert_conserved(archive)
    out = reingest_changes_nothing(archive, capsys)
    assert f"{PAGE}:273:" not in out and f"{PAGE}:249:" in out


# --- the body as text -------------------------------------------------------------------------

def test_the_body_typed_by_an_editor_is_a_hand_edit_kept_by_ingest(archive, capsys, tmp_path):
    ident = by_title(archive)[MENTOUGOU]
    path = file_of(archive, ident)
    old = path.read_text(encoding="utf-8")
    front = old[: old.index("\n---\n") + 5]
    typed = tmp_path / "body.txt"
    typed.write_text("门头沟区总工会近日走进社区。\r\n\r\n\r\n普法宣传受到居民欢迎。  \r\n", encoding="utf-8")
    code, out = run(archive, "body", ident, str(typed), capsys=capsys)
    assert code == 0 and f"{ident}: body replaced (2 paragraphs, were 3)" in out and f"written: {path}" in out
    text = path.read_text(encoding="utf-8")
    assert text == front + "\n门头沟区总工会近日走进社区。\n\n普法宣传受到居民欢迎。\n"
    code, out = run(archive, "ingest", capsys=capsys)
    assert f"kept (edited by hand): {path}" in out and path.read_text(encoding="utf-8") == text
    site = build(archive, capsys)
    assert "普法宣传受到居民欢迎。" in (site / "a" / ident / "index.html").read_text(encoding="utf-8")
    from sitegen.corrections import page_outline

    outline = page_outline(archive / "content", api_settings(archive), ident)     # by an article's id too
    mine = next(a for a in outline.articles if a.id == ident)
    assert mine.edited and mine.paragraphs == ["门头沟区总工会近日走进社区。", "普法宣传受到居民欢迎。"]
    # A split of it is refused now (ingest leaves the file alone); undo puts the file back.
    code, out = run(archive, "split", ident, "--at", "2", capsys=capsys)
    assert code == 1 and "was edited by hand" in out
    code, out = run(archive, "undo", capsys=capsys)
    assert code == 0 and path.read_text(encoding="utf-8") == old


# --- the outline the edit mode shows ----------------------------------------------------------

def test_the_outline_of_a_page(archive, capsys):
    from sitegen.corrections import OutlineArticle, PageOutline, ResidueLine, page_outline

    with_banner(archive, capsys)
    outline = page_outline(archive / "content", api_settings(archive), PAGE)
    assert isinstance(outline, PageOutline) and outline.page == PAGE and outline.source == f"pages/{PAGE}"
    assert outline.residue == [ResidueLine(38, BANNER)]
    assert [a.title for a in outline.articles][:4] == [TAORANTING, "沉心、沉身、沉力 坚决筑牢疫情防控基层防线",
                                                        DONGCHENG, DAXING]
    assert all(isinstance(a, OutlineArticle) for a in outline.articles)
    daxing = outline.articles[3]
    assert daxing.subtitles == [KICKER] and daxing.kind == "news" and daxing.order == 4 and not daxing.edited
    assert outline.articles[1].column == "工会干部下沉日记"
    files = articles(archive)
    for a in outline.articles:
        assert "\n\n".join(a.paragraphs) == files[a.id].body
    # Paragraph numbers are those split counts.
    t = outline.articles[0]
    code, out = run(archive, "split", t.id, "--at", "2", capsys=capsys)
    new = re.search(r"(\S+) is a new article", out).group(1)
    assert articles(archive)[new].body.startswith(t.paragraphs[1])


# --- refusals change nothing, undo puts everything back ----------------------------------------

def test_refusals_change_nothing(archive, capsys):
    with_banner(archive, capsys)
    ids = by_title(archive)
    d, x, t = ids[DONGCHENG], ids[DAXING], ids[TAORANTING]
    other_page = ids["拱辰街道工会现场办公为企业解难题"]
    edited = ids[MENTOUGOU]
    path = file_of(archive, edited)
    path.write_text(path.read_text(encoding="utf-8").replace("普法", "普法宣传"), encoding="utf-8")
    before = snapshot(archive / "content")
    refusals = [
        (["headline", "20200720-00000000", "--to", d], "unknown article id '20200720-00000000'"),
        (["headline", d, "--to", "nope"], "unknown article id 'nope'"),
        (["headline", d, "--to", d], "it is the same article"),
        (["headline", d, "--to", other_page], "they are on different pages"),
        (["headline", CONTINUED, "--to", d], f"{CONTINUED} has no headline to move"),
        (["headline", d, "--to", x, "--line", KICKER], f"«{KICKER}» is not a headline line of {d}"),
        (["headline", d, "--to", edited], f"the file of {edited} ({path}) was edited by hand"),
        (["unarticle", "nope"], "unknown article id 'nope'"),
        (["unarticle", edited], "was edited by hand"),
        (["join-residue", PAGE, "39", "--to", t], f"line 39 of pages/{PAGE} is not residue (residue lines: 38)"),
        (["join-residue", PAGE, "不在这里", "--to", t], "«不在这里» is not a residue line"),
        (["join-residue", "pages/p99.txt", "38", "--to", t], "no page file pages/p99.txt was ingested"),
        (["join-residue", PAGE, "38", "--to", other_page], f"it is an article of pages/003_7c2e367b8fe2eefd.txt, not of {PAGE}"),
        (["join-residue", PAGE, "38", "--to", "nope"], "unknown article id 'nope'"),
        (["body", "nope", str(archive / "pages" / PAGE)], "unknown article id 'nope'"),
        (["body", t, str(archive / "nothing.txt")], "nothing.txt: No such file or directory"),
    ]
    for args, message in refusals:
        code, out = run(archive, *args, capsys=capsys)
        lines = out.strip().splitlines()
        assert code == 1 and len(lines) == 1 and lines[0].startswith("error: cannot"), (args, out)
        assert message in out, (args, out)
        assert snapshot(archive / "content") == before, args


def test_api_refusals(archive):
    from sitegen.corrections import not_an_article, page_outline, set_body
    from sitegen.errors import SitegenError

    s, content = api_settings(archive), archive / "content"
    before = snapshot(content)
    ident = by_title(archive)[HUACE]
    with pytest.raises(SitegenError, match="its text becomes residue or furniture, not 'rubbish'"):
        not_an_article(content, s, ident, as_="rubbish")
    with pytest.raises(SitegenError, match="the text is empty"):
        set_body(content, s, ident, " \n\n ")
    with pytest.raises(SitegenError, match="no page file of that path was ingested"):
        page_outline(content, s, "p99.txt")
    assert snapshot(content) == before


def test_undo_puts_each_back_byte_for_byte(archive, capsys):
    with_banner(archive, capsys)
    original = snapshot(archive / "content")
    ids = by_title(archive)
    steps = [
        ["headline", ids[DONGCHENG], "--to", ids[DAXING]],
        ["unarticle", ids[HUACE]],
        ["join-residue", PAGE, "38", "--to", ids[TAORANTING]],
        ["headline", ids[DAXING], "--to", ids[DONGCHENG], "--line", KICKER],
        ["unarticle", ids[HUAIROU], "--furniture"],
    ]
    states = []
    for step in steps:
        states.append(snapshot(archive / "content", "*.md"))
        code, out = run(archive, *step, capsys=capsys)
        assert code == 0, (step, out)
        assert_conserved(archive)
    for state in reversed(states):
        code, out = run(archive, "undo", capsys=capsys)
        assert code == 0 and out.startswith("undone: "), out
        assert snapshot(archive / "content", "*.md") == state
    assert not (archive / "content" / "_corrections").exists()
    assert {k: v for k, v in snapshot(archive / "content").items() if k != ".ingest-state.json"} == \
        {k: v for k, v in original.items() if k != ".ingest-state.json"}
    code, out = run(archive, "ingest", capsys=capsys)
    assert " 0 written, 40 unchanged" in out and "corrected" not in out


# --- the property: any corrections, the new ones too, under any other cut, lose nothing ---------

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SEEDS.glob("*.txt"))), st.randoms(use_true_random=False))
def test_any_lines_moved_under_any_other_cut_lose_nothing(path, rnd):
    from test_corrections import _recut, _seg_chars

    from sitegen.corrections import _entries
    from sitegen.ingest.pipeline import column_names
    from sitegen.ingest.reassign import PageLines, join_residue, move_headlines, set_aside
    from sitegen.ingest.regroup import Draft, build, natural_groups, page_units, regroup
    from sitegen.segmentation import segment_page

    text = path.read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    for _ in range(rnd.randint(0, 2)):                     # banners the segmenter leaves as residue
        blocks.insert(rnd.randrange(len(blocks) + 1), rnd.choice([BANNER, "【简讯】", "欢迎订阅劳动午报"]))
    text = "\n\n".join(blocks)
    segmented = segment_page(text, column_names(text))
    units = page_units(segmented.articles)
    groups = natural_groups(units)
    for n, g in enumerate(groups):
        g.id, g.headline = f"a{n}", units[g.units[0]].seg.title
    heads = [(g, x) for g in groups for x in (units[g.units[0]].seg.title, *units[g.units[0]].seg.subtitles) if x]
    residue = [line for _, line in segmented.residue]
    for step in range(rnd.randint(1, 6)):                  # an editor's splits, merges and moves
        move = rnd.random()
        if move < 0.15:
            g = rnd.choice(groups)
            if len(g.units) > 1:
                k = rnd.randrange(1, len(g.units))
                groups.append(dataclasses.replace(g, units=g.units[k:], id=f"s{step}", headline=None, takes=[],
                                                  residue=[], not_article=None))
                g.units = g.units[:k]
        elif move < 0.3 and len(groups) > 1:
            a, b = rnd.sample(groups, 2)
            own = a.home if a.home in a.units else a.units[0]
            a.units, a.home = sorted(a.units + b.units), own
            a.takes, a.residue = a.takes + b.takes, a.residue + b.residue
            groups.remove(b)
        elif move < 0.55 and heads and len(groups) > 1:
            source, line = rnd.choice(heads)
            rnd.choice([g for g in groups if g is not source]).takes.append(line)
        elif move < 0.75 and len(groups) > 1:
            rnd.choice(groups).not_article = rnd.choice(["residue", "furniture"])
        elif residue:
            rnd.choice(groups).residue.append(rnd.choice(residue))
    entries = _entries(units, groups)

    def apply(articles):
        """What ingest makes of the page: articles, residue and furniture, as characters."""
        units2, cut, _ = regroup(page_units(articles), entries)
        drafts = []
        for g in cut:
            built, sources = build([(units2[i], i) for i in g.units], g.title, g.headline,
                                   g.units.index(g.home) if g.home in g.units else 0)
            drafts.append(Draft(built, sources, g, built.title))
        where, notes = PageLines(text), []
        move_headlines(drafts, notes)
        aside = [d for d in drafts if d.group.not_article]
        kept = [d for d in drafts if not d.group.not_article]
        left, furniture = set_aside(aside, where, segmented.residue)
        left = join_residue(kept, left, where, notes)
        got = _seg_chars([d.article for d in kept]) + _counted(Counter(
            c for _, line in [*left, *furniture] for c in line if not c.isspace()))
        return got, {d.group.id: (d.article.title, [p for p in d.article.paragraphs if not p.startswith("### ")])
                     for d in kept}

    want = _seg_chars(segmented.articles) + _counted(Counter(
        c for _, line in segmented.residue for c in line if not c.isspace()))
    got, meant = apply(segmented.articles)
    assert got == want
    # Another cut of the page: the same characters, every set-aside article still none.
    got2, again = apply(_recut(segmented.articles, rnd))
    assert got2 == want and set(again) == set(meant)
    assert not any(x in again for x in (g.id for g in groups if g.not_article))


def test_an_undo_that_cannot_ingest_undoes_nothing(archive, capsys, tmp_path):
    ident = by_title(archive)[MENTOUGOU]
    typed = tmp_path / "body.txt"
    typed.write_text("门头沟区总工会近日走进社区。\n", encoding="utf-8")
    assert run(archive, "body", ident, str(typed), capsys=capsys)[0] == 0
    before = snapshot(archive / "content")
    code = main(["--root", str(archive), "undo", "--pages", str(archive / "gone"), "--content",
                 str(archive / "content")])
    out = capsys.readouterr().err
    assert code == 1 and out.startswith("error: ") and len(out.strip().splitlines()) == 1
    assert snapshot(archive / "content") == before
    code, out = run(archive, "undo", capsys=capsys)
    assert code == 0 and "门头沟区总工会近日走进社区" not in articles(archive)[ident].body


def test_moved_lines_hold_through_an_ocr_fix_of_them(archive, capsys):
    with_banner(archive, capsys)
    ids = by_title(archive)
    d, x, t = ids[DONGCHENG], ids[DAXING], ids[TAORANTING]
    assert run(archive, "headline", d, "--to", x, capsys=capsys)[0] == 0
    assert run(archive, "join-residue", PAGE, "38", "--to", t, capsys=capsys)[0] == 0
    edit_page(archive, "东城工会9项举措", "东城工会九项举措")
    edit_page(archive, f"\n{BANNER}\n", "\n图片新闻：\n")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and "warning" not in out and "residue:" not in out, out
    now = articles(archive)
    assert now[x].title == "东城工会九项举措推动垃圾分类深入开展" and now[d].title == DAXING   # the page's text now
    assert now[t].body.endswith("\n\n图片新闻：")
    assert_conserved(archive)
    # A line gone from the page altogether is reported, and stays where the segmenter puts it.
    edit_page(archive, "东城工会九项举措推动垃圾分类深入开展", "区工会部署生活垃圾分类")
    code, out = run(archive, "ingest", capsys=capsys)
    record = archive / "content" / "_corrections" / f"{PAGE}.toml"
    assert f"warning: {record}: {x}: the headline line «东城工会9项举措推动垃圾分类深入…» it takes is no other" in out
    now = articles(archive)
    assert now[d].title == DAXING and now[x].title is None and now[x].subtitles == [KICKER]
    assert_conserved(archive)


def test_hand_edits_alongside_and_a_record_changed_by_hand(archive, capsys):
    ids = by_title(archive)
    path = file_of(archive, ids[TAORANTING])
    edited = path.read_text(encoding="utf-8").replace("答卷活动", "答题活动")
    path.write_text(edited, encoding="utf-8")
    assert run(archive, "unarticle", ids[HUACE], capsys=capsys)[0] == 0
    assert run(archive, "headline", ids[DONGCHENG], "--to", ids[DAXING], capsys=capsys)[0] == 0
    assert path.read_text(encoding="utf-8") == edited                # the editor's file is left alone
    code, out = run(archive, "ingest", capsys=capsys)
    assert f"kept (edited by hand): {path}" in out and path.read_text(encoding="utf-8") == edited
    # The record is the editor's too: a value ingest does not know stops the page, naming the line.
    record = archive / "content" / "_corrections" / f"{PAGE}.toml"
    text = record.read_text(encoding="utf-8")
    line = text.splitlines().index('not_article = "residue"') + 1
    record.write_text(text.replace('not_article = "residue"', 'not_article = "rubbish"'), encoding="utf-8")
    before = snapshot(archive / "content", "*.md")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 1 and f"error: {record}:{line}: 'not_article' must be \"residue\" or \"furniture\"" in out
    assert snapshot(archive / "content", "*.md") == before
    # Taken out by hand, the article is back, at its old URL.
    record.write_text(text.replace('not_article = "residue"\n', ""), encoding="utf-8")
    code, out = run(archive, "ingest", capsys=capsys)
    assert code == 0 and ids[HUACE] in articles(archive) and articles(archive)[ids[HUACE]].title == HUACE
    want, got = page_characters(archive), placed(archive)
    assert (want - got, got - want) == (Counter("卷"), Counter("题"))     # all but the editor's own word
