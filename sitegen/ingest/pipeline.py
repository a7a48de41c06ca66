"""One page in, its articles out: segmentation plus the labels (date, places, tags, id).

Pure: the caller reads the page and the data files and writes the results. An editor's
record of the page (``corrections``) comes first: its cut of the page into articles
(``regroup``) replaces the segmenter's, the lines it moves (``reassign``: headlines to
their articles, text that is no article to the residue, residue lines to an article) are
moved, and the fields it sets replace what the labels found. Ids come from ``identity``: an article the record names keeps the id it gives; one
the page yielded before (``previous``, from the ingest state) keeps its id; a new one is
named by its page and its own opening text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitegen.content import Article
from sitegen.ingest.identity import Fingerprint, Identities, identify, normalise
from sitegen.ingest.reassign import PageLines, join_residue, move_headlines, set_aside
from sitegen.ingest.regroup import Draft, Group, Unit, build, cut_difference, natural_groups, page_units, regroup
from sitegen.pages import Page
from sitegen.segmentation import segment_page

_COLUMN_HEADER = re.compile(r"^\s*[■□◆◇●▲★☆]\s*(\S[^\n]{0,20}?)\s*$", re.M)


@dataclass
class PageCut:
    """A page's paragraphs and how they are grouped into articles (``regroup``)."""
    units: list[Unit]
    groups: list[Group]
    problems: list[str] = field(default_factory=list)
    corrected: bool = False              # cut by an editor's record
    drafts: list[Draft] = field(default_factory=list)   # the page's own articles, in order
    aside: list[Draft] = field(default_factory=list)    # what an editor said is no article
    moved: list[str] = field(default_factory=list)      # lines an editor moved, as the segmenter differs


@dataclass
class PageResult:
    page: Page
    articles: list[Article]
    residue: list[tuple[int, str]] = field(default_factory=list)
    identities: Identities | None = None         # fingerprints, and what went away since last time
    pins: list[str | None] = field(default_factory=list)       # ids the record gives, per article
    corrected: bool = False                      # the page's record cut it or set fields
    cut_note: str | None = None                  # how the segmenter alone would cut a corrected page
    notes: list[str] = field(default_factory=list)             # what the record could not do
    joined_away: dict[str, str] = field(default_factory=dict)  # id → the article of another page it joins
    accepted: list[tuple[str, str]] = field(default_factory=list)  # (page, id): other pages' text taken in
    cut: PageCut | None = None                   # with keep=True (sitegen.corrections)
    furniture: list[tuple[int, str]] = field(default_factory=list)  # (line, text) an editor made page furniture


def column_names(text: str) -> set[str]:
    """Column (栏目) names a page prints with a ■ mark; other pages print them doubled or bare."""
    return {m.group(1).replace(" ", "") for m in _COLUMN_HEADER.finditer(text)}


def cut_page(page: Page, known_columns: set[str], record=None) -> tuple[PageCut, list]:
    """The page's paragraphs and articles: the segmenter's cut, or the editor's when the
    page's record has one. Also the segmenter's residue."""
    segmented = segment_page(page.text, known_columns | column_names(page.text))
    units = page_units(segmented.articles, page.relpath)
    if record is not None and record.articles:
        units, groups, problems = regroup(units, record.articles)
        return PageCut(units, groups, problems, True), segmented.residue
    return PageCut(units, natural_groups(units)), segmented.residue


def _cut_note(cut: PageCut) -> str | None:
    would_start, would_not = cut_difference(cut.units, cut.groups)
    parts = []
    if would_not:
        parts.append("no article would start at " + ", ".join(f"«{u.opening()}»" for u in would_not))
    if would_start:
        parts.append("one would start at " + ", ".join(f"«{u.opening()}»" for u in would_start))
    # Lines an editor moved: the segmenter alone would leave them where they were.
    parts += [f"it would make an article of «{_unit_opening(cut, d)}»" for d in cut.aside] + cut.moved
    if not parts:
        return "the segmenter alone now cuts it the same way"
    return "the segmenter alone would cut it otherwise: " + "; ".join(parts)


def _unit_opening(cut: PageCut, draft: Draft) -> str:
    return cut.units[draft.group.units[0]].opening()


def _incoming(incoming, known_columns: set[str]) -> dict[str, list]:
    """Text other pages' records send to articles of this page: target id → (place,
    units, page, id) of each joining article."""
    parts: dict[str, list] = {}
    for other, record in incoming:
        cut, _ = cut_page(other, known_columns, record)
        for g in cut.groups:
            if g.joins:
                parts.setdefault(g.joins, []).append((g.place, [cut.units[i] for i in g.units], other.relpath, g.id))
    return parts


def _field_value(name: str, value):
    return (value or None) if name in ("title", "date", "page") else list(value) if isinstance(value, list) else value


def articles_from_page(page: Page, issue, known_columns: set[str], vocabulary=None, gazetteer=None,
                       previous: dict[str, Fingerprint | None] | None = None,
                       gone: dict[str, Fingerprint | None] | None = None, record=None, incoming=(),
                       ignore_joins: bool = False, prefer: dict[str, Fingerprint | None] | None = None,
                       keep: bool = False, labels: bool = True) -> PageResult:
    """The articles of one page. ``issue`` carries date, date_source and page (版) number;
    ``previous`` and ``gone`` the fingerprints of the articles the page yielded before.
    ``record`` is the page's editor's record (``corrections``): its cut and its fields
    come before anything else; ``incoming`` the (page, record) of other pages whose record
    sends text to an article of this one; ``ignore_joins`` keeps this page's text that
    would go to another page here (that page did not take it). Without ``labels``, no
    places or tags (a correction being tried needs only the cut and the ids)."""
    from sitegen.places import find_places
    from sitegen.tags import tag_article

    cut, residue = cut_page(page, known_columns, record)
    parts = _incoming(incoming, known_columns) if incoming else {}
    notes = list(cut.problems)
    joined_away, accepted = {}, []
    for g in cut.groups:
        if g.joins and not ignore_joins and g.id:
            joined_away[g.id] = g.joins
            continue
        seq = [(cut.units[i], i) for i in g.units]
        home = g.units.index(g.home) if g.home in g.units else 0
        for place, units, other, ident in parts.get(g.id, []) if g.id else []:
            extra = [(u, -1) for u in units]
            if place == "before":
                seq, home = extra + seq, home + len(extra)
            else:
                seq = seq + extra
            accepted.append((other, ident))
        built, sources = build(seq, g.title, g.headline, home)
        cut.drafts.append(Draft(built, sources, g, built.title))
    # Lines an editor moved: headlines to their articles, text set aside, residue joined.
    furniture = []
    if cut.corrected:
        move_headlines(cut.drafts, notes, cut.moved)
        cut.aside = [d for d in cut.drafts if d.group.not_article]
        cut.drafts = [d for d in cut.drafts if not d.group.not_article]
        if cut.aside or any(d.group.residue for d in cut.drafts):
            where = PageLines(page.text)
            residue, furniture = set_aside(cut.aside, where, residue)
            residue = join_residue(cut.drafts, residue, where, notes, cut.moved)
    drafts = cut.drafts
    texts = [(d.article.title, d.article.subtitles, "\n\n".join(d.article.paragraphs)) for d in drafts]
    pins = [d.group.id for d in drafts]
    identities = identify(page.relpath, issue.date, texts, previous or {}, gone, pins=pins, prefer=prefer)
    identities.went_away.update((i, to) for i, to in joined_away.items() if i in (previous or {}))

    # The fields an editor set, by id (or, when the id is gone, by the article's opening).
    overrides: dict[int, dict] = {}
    where = {ident: n for n, ident in enumerate(identities.ids)}
    for ident, values in (record.fields if record is not None else {}).items():
        n = where.get(ident)
        if n is None and values.get("at"):
            na = normalise(values["at"])
            hits = [k for k, t in enumerate(texts) if na and normalise(t[2] or t[0] or "").startswith(na)]
            if len(hits) == 1:
                n = hits[0]
                notes.append(f"{ident}: its fields are set on {identities.ids[n]}, which opens with its text")
        if n is None:
            notes.append(f"{ident}: no such article on the page any more; the fields set on it are not applied")
            continue
        overrides.setdefault(n, {}).update((k, v) for k, v in values.items() if k != "at")

    articles = []
    for order, (d, ident) in enumerate(zip(drafts, identities.ids), start=1):
        seg = d.article
        mine = overrides.get(order - 1, {})
        kind = mine.get("kind", seg.kind)
        body = "\n\n".join(seg.paragraphs)
        places = find_places(seg.title or "", body, subtitles=seg.subtitles, gazetteer=gazetteer) \
            if kind != "ad" and labels else None
        tags = tag_article(seg.title or "", seg.subtitles, body, kind, vocabulary=vocabulary,
                           places=(places.districts + places.places) if places else ()) if labels else []
        article = Article(
            id=ident,
            title=seg.title,
            subtitles=seg.subtitles,
            kind=kind,
            column=seg.column,
            byline=seg.author_line,
            source=page.source,
            order=order,
            page=issue.page,
            date=issue.date,
            date_source=issue.date_source,
            reporters=seg.byline.reporters,
            correspondents=seg.byline.correspondents,
            photographers=seg.byline.photographers,
            authors=seg.byline.authors,
            districts=places.districts if places else [],
            places=places.places if places else [],
            tags=tags,
            continued_from=seg.continued_from,
            continued_to=seg.continued_to,
            body=body,
        )
        for name, value in mine.items():
            setattr(article, name, _field_value(name, value))
            if name == "date":
                article.date_source = "editor" if value else None
        articles.append(article)
    corrected = record is not None and record.corrected
    note = _cut_note(cut) if cut.corrected else None
    if joined_away:
        note = "; ".join([*([note] if note else []), *(f"{i} is part of {to} (another page's)"
                                                        for i, to in joined_away.items())])
    return PageResult(page, articles, residue, identities, pins, corrected, note, notes, joined_away, accepted,
                      cut if keep else None, furniture)
