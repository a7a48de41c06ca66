"""A page's text in, its articles out (pure: no files, no dates, no places)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sitegen.blocks import Line, LineKind, classify_page
from sitegen.blocks.cues.width import column_width
from sitegen.blocks.lines import EDITORS_NOTE, is_section_banner
from sitegen.bylines import (
    Byline,
    closing_byline,
    credit_ending,
    parse_author_line,
    parse_credit,
    parse_news_byline,
    parse_reporter_line,
)
# What the body renderer would read as markup at a paragraph's start: escaped here, once.
from sitegen.markdown import ESCAPED_LEAD
from sitegen.ocr.spacing import clean_headline_spacing
from sitegen.ocr.wraps import join_wrapped_lines
from sitegen.segmentation.bodies import Body, Furniture, HeadlineRun, join_bylines_over_headlines, mend_broken_paragraphs, split_page
from sitegen.segmentation.headlines import attach_headlines, choose_title, headline_texts, score_runs
from sitegen.segmentation.stacks import split_crowded_runs, split_shared_runs
from sitegen.segmentation.late_titles import split_under_loose_titles
from sitegen.segmentation.two_headlines import split_two_headed_bodies
from sitegen.segmentation.subheads import fold_subheads
from sitegen.segmentation.kinds import article_kind, column_opener
from sitegen.segmentation.photo_groups import caption_paragraphs, gather_photo_groups, place_photo_groups
from sitegen.blocks.cues.continuity import MARKER_TO

_FROM = re.compile(r"[（(]\s*[上紧]\s*接\s*(?:第\s*)?(\S{1,4}?)\s*版\s*[）)]")
_NUMERALS = {c: n for n, c in enumerate("〇一二三四五六七八九", 0)}


@dataclass
class SegmentedArticle:
    title: str | None
    subtitles: list[str]
    kind: str
    paragraphs: list[str]
    byline: Byline
    column: str | None = None
    author_line: str | None = None
    continued_from: str | None = None
    continued_to: str | None = None
    first_line: int = 0                  # page line where the body starts


@dataclass
class SegmentedPage:
    articles: list[SegmentedArticle]
    residue: list[tuple[int, str]] = field(default_factory=list)   # (line number, text) placed nowhere
    page_furniture: list[tuple[int, str]] = field(default_factory=list)  # header and footer lines
    explanation: list[str] = field(default_factory=list)   # with explain=True: why, decision by decision


def _nearest_bodies(bodies: list[Body], item: Furniture, prefer_previous: bool) -> list[int]:
    """The bodies a column header or author line may belong to, the likeliest first: a
    signed piece never starts with 本报讯. The caller takes the first not already taken,
    so a banner printed again over a column's next piece heads that piece."""
    # A photo its credit closed is no column's piece.
    pieces = [i for i, b in enumerate(bodies) if b.start in ("plain", "feature") and not (b.credits and b.signature is None)]
    before = [i for i in pieces if bodies[i].last < item.position]
    after = [i for i in pieces if bodies[i].first > item.position]
    previous = before[-1] if before else None
    following = after[0] if after else None
    if prefer_previous and following is not None and any(item.position < b.first < bodies[following].first
                                                         for b in bodies):
        # A banner over reports (■简讯 over 本报讯 items) heads a section, not a column piece.
        following = None
    order = []
    # A banner can follow its piece in OCR order, but not a photo its credit closed, nor
    # an editor's note (编者按), which stands over what it introduces.
    if prefer_previous and previous is not None and not bodies[previous].credits \
            and not EDITORS_NOTE.match(bodies[previous].lines[0].text) and (
            bodies[previous].last == item.position - 1
            or (bodies[previous].signature is not None and item.position - bodies[previous].last <= 2)):
        order.append(previous)
    order += [i for i in (following, previous) if i is not None and i not in order]
    return order


def _report_photos(bodies: list[Body], attached: dict, columns: set[int]) -> dict[int, int]:
    """Photos that belong to the report printed just before them: an untitled photo with a
    bare 摄 credit (a 摄影报道 is an article of its own) after a report whose headline the
    OCR read between them. Maps the photo's body to the report's."""
    found = {}
    for i in range(1, len(bodies)):
        photo, report = bodies[i], bodies[i - 1]
        if photo.start == "plain" and photo.credits and i not in attached and i not in columns \
                and all(credit_ending(c.text) == "摄" for c in photo.credits) \
                and report.start in ("news", "feature") and attached.get(i - 1) \
                and all(report.last < r.position < photo.first for r in attached[i - 1] if r.position > report.last):
            found[i] = i - 1
    return found


def _marker_page(pattern: re.Pattern, text: str) -> str | None:
    """The page a marker points to, as 第4版 (第四版, 4版 and ４版 alike)."""
    m = pattern.search(text)
    if not m:
        return None
    page = re.sub(r"\s", "", unicodedata.normalize("NFKC", next(g for g in m.groups() if g)))
    if page and all(c in _NUMERALS or c == "十" for c in page):
        tens, _, ones = page.rpartition("十")
        page = str((_NUMERALS.get(tens, 1) if "十" in page else 0) * 10 + _NUMERALS.get(ones, 0))
    return f"第{page}版"


def _paragraphs(body: Body, width: int | None) -> list[str]:
    """The body's paragraphs; a subhead folded into it is a ``###`` heading between them."""
    if body.start == "photos":
        return caption_paragraphs(body)
    out: list[str] = []
    section: list[Line] = []
    for line in body.lines:
        if line.extra.get("subhead_rest"):
            continue
        if line.extra.get("subhead"):
            out += _section_paragraphs(section, width)
            out.append("### " + clean_headline_spacing(line.display))
            section = []
        else:
            section.append(line)
    return out + _section_paragraphs(section, width)


def _section_paragraphs(lines: list[Line], width: int | None) -> list[str]:
    if not lines:
        return []
    rows = []
    for line in lines:
        alone = line.kind in (LineKind.CREDIT, LineKind.CONTINUED_FROM, LineKind.AUTHOR, LineKind.AD, LineKind.BYLINE)
        rows.append((line.text, line.gap_before, alone))
    # A credit broken over two lines (本报记者 马超 / 通讯员 赵研容 摄影报道) is one paragraph.
    merged: list[tuple[str, int, bool]] = []
    for row, line in zip(rows, lines):
        if merged and line.kind == LineKind.CREDIT and lines[len(merged) - 1].kind == LineKind.CREDIT:
            text, gap, alone = merged[-1]
            merged[-1] = (text + " " + row[0], gap, True)
            merged.append(None)          # keep indexes aligned with body.lines
            continue
        merged.append(row)
    listed = [bool(line.extra.get("list_item")) for row, line in zip(merged, lines) if row is not None]
    paragraphs = join_wrapped_lines([r for r in merged if r is not None], width, listed)
    return ["\\" + p if ESCAPED_LEAD.match(p) else p for p in paragraphs]


def _byline(body: Body) -> Byline:
    byline = Byline()
    if body.start == "news":
        opening = next((k for k, line in enumerate(body.lines) if line.kind == LineKind.NEWS_START), 0)
        head = "\n".join(line.text for line in body.lines[opening:opening + 4])
        parsed = parse_news_byline(head)
        if parsed:
            byline.merge(parsed)
    text_lines = [line for line in body.lines if line.kind != LineKind.CREDIT]
    if body.start in ("news", "plain") and not byline.reporters and not byline.correspondents and text_lines:
        byline.merge(closing_byline(text_lines[-1].text) or Byline())
    if body.credits:
        credit_text = " ".join(c.text.strip() for c in body.credits)
        names, _ = parse_credit(credit_text)
        byline.merge(names)
    if body.start == "feature":
        byline.merge(parse_reporter_line((body.byline_line() or body.lines[0]).text) or Byline())
    if body.signature is not None and body.signature.kind == LineKind.BYLINE:
        byline.merge(parse_reporter_line(body.signature.text) or Byline())
    elif body.signature is not None:
        byline.authors.extend(n for n in parse_author_line(body.signature.text) if n not in byline.authors)
    return byline


def _doubled_title(title: str | None, runs: list[HeadlineRun]) -> bool:
    return title is not None and any(
        run.lines[0].doubled and title in headline_texts(run) for run in runs)


def _districts_named(text: str) -> set[str]:
    from sitegen.places import load_gazetteer
    from sitegen.places.finder import mentions

    return {m.entry.districts[0] for m in mentions(text, load_gazetteer()) if len(m.entry.districts) == 1}


def segment_page(text: str, known_columns: frozenset[str] | set[str] = frozenset(),
                 explain: bool = False) -> SegmentedPage:
    """``explain``: also say, line by line and headline by headline, what decided the cut."""
    lines = classify_page(text, set(known_columns))
    width = column_width(lines)
    parts = split_page(lines)
    mend_broken_paragraphs(parts, width)
    join_bylines_over_headlines(parts)
    # Sections under subheads join their article first, so that its headline is matched
    # against the whole of it.
    subheads = fold_subheads(parts, {f.position for f in parts.columns} | {f.position for f in parts.authors})
    bodies = parts.bodies
    parts.runs = split_shared_runs(bodies, parts.runs)
    scores: dict | None = {} if explain else None
    fits: dict = {}
    banners = [f.position for f in parts.columns]
    writers = [f.position for f in parts.authors]
    attached, loose_runs = attach_headlines(bodies, parts.runs, _districts_named, banners, parts=scores, fits=fits, writers=writers)
    runs = split_crowded_runs(bodies, parts.runs, attached,
                              lambda singles: score_runs(bodies, singles, _districts_named, banners, writers=writers))
    if len(runs) != len(parts.runs):
        parts.runs = runs
        scores = {} if explain else None
        attached, loose_runs = attach_headlines(bodies, parts.runs, _districts_named, banners, parts=scores, fits=fits, writers=writers)
    positions = {id(line): k for k, line in enumerate(lines)}     # each line's place on the page
    split = split_two_headed_bodies(bodies, attached, positions)
    if split is not None:
        parts.bodies = bodies = split
        scores = {} if explain else None
        attached, loose_runs = attach_headlines(bodies, parts.runs, _districts_named, banners, parts=scores, fits=fits, writers=writers)
    late = split_under_loose_titles(bodies, attached, loose_runs, positions)
    if late is not None:
        parts.bodies = bodies = late
        scores = {} if explain else None
        attached, loose_runs = attach_headlines(bodies, parts.runs, _districts_named, banners, parts=scores, fits=fits, writers=writers)
    run_index = {id(r): k for k, r in enumerate(parts.runs)}

    def fit(run: HeadlineRun, i: int | None) -> float:
        k = run_index[id(run)]
        if i is not None:
            return fits.get((k, i), 0.0)
        return max((s for (kk, _), s in fits.items() if kk == k), default=0.0)

    groups = gather_photo_groups(bodies, parts.runs, attached, loose_runs,
                                 [f.position for f in parts.columns] + [f.position for f in parts.authors], fit)
    if groups:
        old_bodies, old_runs = bodies, parts.runs
        bodies, parts.runs, attached, loose_runs = place_photo_groups(bodies, parts.runs, attached, loose_runs, groups)
        parts.bodies = bodies
        if scores:
            run_at = {id(r): k for k, r in enumerate(parts.runs)}
            body_at = {id(b): i for i, b in enumerate(bodies)}
            scores = {(run_at[id(old_runs[k])], body_at[id(old_bodies[i])]): v for (k, i), v in scores.items()
                      if id(old_runs[k]) in run_at}
            for group in groups:
                if group.title is not None and id(group.title) in run_at:
                    scores[(run_at[id(group.title)], body_at[id(group.body)])] = {
                        "the title of the row of photos it stands beside": None}     # a reason, no weight

    column_of: dict[int, str] = {}
    residue: list[tuple[int, str]] = []
    for item in parts.columns:
        if is_section_banner(item.line.display):
            # A section's banner (简讯, 图片新闻) heads the items under it; it is no column of theirs.
            residue.append((item.line.number, item.line.text.strip()))
            continue
        i = next((i for i in _nearest_bodies(bodies, item, prefer_previous=True) if i not in column_of), None)
        if i is not None:
            column_of[i] = clean_headline_spacing(item.line.display)
        else:
            residue.append((item.line.number, item.line.text.strip()))
    author_of: dict[int, Line] = {}
    for item in parts.authors:
        i = next((i for i in _nearest_bodies(bodies, item, prefer_previous=False) if i not in author_of), None)
        if i is not None:
            author_of[i] = item.line
        else:
            residue.append((item.line.number, item.line.text.strip()))
    for run in loose_runs:
        for line in run.lines:
            residue.append((line.number, line.text.strip()))

    # A report's photo printed under it is the rest of the report.
    photos = _report_photos(bodies, attached, set(column_of))
    articles = []
    for i, body in enumerate(bodies):
        if i in photos:
            continue
        title, subtitles = choose_title(body, attached.get(i, []))
        if title is None:
            title = column_opener(body)     # 开栏语 heads the column's opening words, as the paper prints it
        byline = _byline(body)
        author_line = None
        if i in author_of:
            author_line = clean_headline_spacing(author_of[i].text)
            byline.authors.extend(n for n in parse_author_line(author_of[i].text) if n not in byline.authors)
        signed = i in author_of or body.signature is not None or i in column_of
        kind = article_kind(body, signed, titled=title is not None, opens_page=i == 0,
                            doubled_title=_doubled_title(title, attached.get(i, [])))
        paragraphs = _paragraphs(body, width)
        last = body
        for j in sorted(j for j, report in photos.items() if report == i):
            last = bodies[j]
            paragraphs += _paragraphs(last, width)
            byline.merge(_byline(last))
        articles.append(SegmentedArticle(
            title=title,
            subtitles=subtitles,
            kind=kind,
            paragraphs=paragraphs,
            byline=byline,
            column=column_of.get(i),
            author_line=author_line,
            continued_from=_marker_page(_FROM, body.lines[0].text) if body.start == "continuation" else None,
            continued_to=_marker_page(MARKER_TO, "".join(line.text.strip() for line in last.lines[-2:])),
            first_line=body.lines[0].number,
        ))
    residue.sort()
    result = SegmentedPage(articles, residue, [(line.number, line.text.strip()) for line in parts.page_furniture])
    if explain:
        from sitegen.segmentation.explain import explain_page

        result.explanation = explain_page(lines, parts, attached, scores, photos, subheads)
    return result


__all__ = ["SegmentedArticle", "SegmentedPage", "segment_page", "headline_texts"]
