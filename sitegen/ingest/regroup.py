"""An editor's cut of a page, applied to the segmenter's articles (pure).

The segmenter's articles are read as one sequence of *units*, in its order: their
paragraphs, each knowing the article it came from (the first carries that article's
headline, kicker, column name, author line, bylines and 上接 marker; the last its 下转
marker). A page an editor cut (``[[article]]`` tables in its record, ``corrections``) is
cut into articles at the record's anchors and nowhere else: each anchor is looked for as
the opening of a paragraph (or of the headline and paragraph, when a segmenter read a
first line as the headline); then inside a paragraph, which is cut there (a segmenter
joined two); then as nearly the opening of one (an OCR fix changed a character in it).
Every unit from one anchor to the next belongs to that anchor's article, the units before
the first anchor to the segmenter's articles. So every paragraph of the page is in exactly
one article, whatever the segmenter does, and the articles are the editor's.

What a unit's own article carried besides its paragraphs goes with it: the header of a
segmenter article's first unit heads the corrected article that unit opens, and is kept
in the body (``###`` lines for a column name, headline and kicker, a paragraph for an
author line) when the unit falls inside one (two articles merged); bylines are added up.
A merged article is headed by its own article's header (its first anchor, ``home``), even
when text merged into it comes first on the page. An editor's headline for an article takes
the place of the page's (kept as a kicker when it differs) or of the paragraph's first line
it was taken from; the page's headline, when a segmenter leaves it among the paragraphs just
before the article's text, is taken back (``headline`` in the record). Nothing is dropped.

An anchor that is nowhere to be found is reported (``problems``): its paragraphs stay
with the article before them, so nothing is lost either.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from sitegen.ingest.identity import normalise
from sitegen.blocks.cues.continuity import MARKER_TO

ANCHOR = 16          # normalised characters an anchor holds at least (more where the page needs it to be unique)
NEARLY = 0.8         # least likeness of an anchor to a paragraph opening an OCR fix changed it into
_MARKDOWN_LEAD = re.compile(r"^(#|>|[-+*]\s|\d+[.)]\s)")


@dataclass(eq=False)
class Unit:
    """One paragraph of the page, and the segmenter's article it came from."""
    text: str                 # the paragraph ("" for an article printed with none: its header alone)
    seg: object               # the SegmentedArticle it came from
    first: bool               # it opens that article: the article's header goes with it
    last: bool                # it closes that article: its 下转 marker goes with it
    page: str = ""            # the page file (relpath) it is on
    owner: int | None = None  # while regrouping: the record entry whose anchor starts here

    @cached_property
    def key(self) -> str:
        """What anchors are compared with: letters and digits of the paragraph (of the
        header, for an article with no paragraph)."""
        if self.text:
            return normalise(_unmarked(self.text))
        return normalise("".join([self.seg.title or "", *self.seg.subtitles]))

    @cached_property
    def alt(self) -> str | None:
        """The key with the headline before it: an anchor taken when the headline was the
        paragraph's first line finds the paragraph once a segmenter reads it as a headline."""
        if self.first and self.text and self.seg.title:
            return normalise(self.seg.title) + self.key
        return None

    def opening(self, n: int = 14) -> str:
        text = " ".join((self.text or self.seg.title or "").split())
        return text if len(text) <= n else text[:n] + "…"


@dataclass
class Group:
    """A corrected article: the units it is made of (indices, in page order)."""
    units: list[int]
    id: str | None = None        # pinned by the record
    title: str | None = None     # the editor's headline
    joins: str | None = None     # its text goes to this article of another page
    place: str = "after"
    entry: int | None = None     # its record entry (None: the segmenter's article)
    headline: str | None = None  # the headline the page printed for it, when the record knows it
    home: int | None = None      # the unit its own text starts at (a merged article's; None: its first)
    takes: list[str] = field(default_factory=list)      # headline lines taken from other articles
    residue: list[str] = field(default_factory=list)    # residue lines of the page joining it
    not_article: str | None = None                      # "residue" | "furniture": set aside


@dataclass
class Draft:
    """A corrected article, in the segmenter's terms, and where its paragraphs came from."""
    article: object              # a SegmentedArticle
    sources: list[int]           # per paragraph: the unit it comes from (-1: another page's, -2: a residue line)
    group: Group
    printed: str | None = None   # its headline as built from its units, before headline lines moved


def _unmarked(text: str) -> str:
    return re.sub(r"^(\\|### )", "", text)


def page_units(articles, page: str = "") -> list[Unit]:
    """The segmenter's articles as one sequence of paragraphs."""
    units = []
    for seg in articles:
        paragraphs = seg.paragraphs or [""]
        for i, text in enumerate(paragraphs):
            units.append(Unit(text, seg, i == 0, i == len(paragraphs) - 1, page))
    return units


def natural_groups(units: list[Unit]) -> list[Group]:
    """The segmenter's own cut: one group per segmenter article."""
    groups: list[Group] = []
    for i, u in enumerate(units):
        if not groups or units[groups[-1].units[-1]].seg is not u.seg:
            groups.append(Group([]))
        groups[-1].units.append(i)
    return groups


def runs(group: Group) -> list[list[int]]:
    """A group's units as runs of consecutive units (a merged article has several)."""
    out: list[list[int]] = []
    for i in group.units:
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _raw_index(text: str, n: int) -> int:
    """Where in ``text`` the (n+1)-th letter or digit starts (the characters between the
    n-th and it stay with what comes before)."""
    count = 0
    for i, ch in enumerate(text):
        size = len(normalise(ch))
        if count >= n and size:
            return i
        count += size
    return len(text)


def _cut_unit(u: Unit, at: int) -> tuple[Unit, Unit]:
    """A paragraph cut in two where its ``at``-th letter or digit starts."""
    lead = re.match(r"^(\\|### )", u.text)
    skip = len(lead.group(0)) if lead else 0
    i = skip + _raw_index(u.text[skip:], at)
    head = Unit(u.text[:i].rstrip(), u.seg, u.first, False, u.page, u.owner)
    tail = Unit(u.text[i:].lstrip(), u.seg, False, u.last, u.page)
    return head, tail


def _likeness(anchor: str, u: Unit) -> float:
    best = 0.0
    for key in (u.key, u.alt):
        if key:
            best = max(best, difflib.SequenceMatcher(None, anchor, key[: len(anchor)], autojunk=False).ratio())
    return best


def regroup(units: list[Unit], entries) -> tuple[list[Unit], list[Group], list[str]]:
    """The page cut at the anchors of the record's ``entries`` (``ArticleEntry``): the
    units (a paragraph an anchor fell inside is two units then), the groups in page order,
    and what could not be found."""
    units = list(units)
    for u in units:
        u.owner = None
    anchors = [(e, a, normalise(text)) for e, entry in enumerate(entries) for a, text in enumerate(entry.at)]
    found: dict[tuple[int, int], Unit] = {}

    def claim(e: int, a: int, u: Unit) -> None:
        u.owner = e
        found[(e, a)] = u
        if a == 0:
            homes[e] = u

    homes: dict[int, Unit] = {}

    # 1. A paragraph that is the anchor, then one that opens with it.
    for exact in (True, False):
        for e, a, na in anchors:
            if (e, a) in found or not na:
                continue
            for u in units:
                keys = [k for k in (u.key, u.alt) if k]
                if u.owner is None and any(k == na if exact else k.startswith(na) for k in keys):
                    claim(e, a, u)
                    break
    # 2. Inside a paragraph (a segmenter joined two): cut it there.
    for e, a, na in anchors:
        if (e, a) in found or not na:
            continue
        for k, u in enumerate(units):
            pos = u.key.find(na, 1) if u.text else -1
            if pos > 0:
                head, tail = _cut_unit(u, pos)
                units[k:k + 1] = [head, tail]
                homes.update((e2, head) for e2, v in list(homes.items()) if v is u)
                claim(e, a, tail)
                break
    # 3. Nearly the opening of a paragraph (an OCR fix inside the anchor), and no other as near.
    for e, a, na in anchors:
        if (e, a) in found or not na:
            continue
        scored = sorted(((_likeness(na, u), k) for k, u in enumerate(units) if u.owner is None and u.key),
                        reverse=True)
        if scored and scored[0][0] >= NEARLY and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 0.1):
            claim(e, a, units[scored[0][1]])
    # 4. An article's opening gone, its headline not: where the segmenter's article of that headline starts.
    for e, a, na in anchors:
        headline = normalise(entries[e].headline or "")
        if (e, a) in found or a or not headline:
            continue
        hits = [u for u in units if u.first and u.owner is None and normalise(u.seg.title or "") == headline]
        if len(hits) == 1:
            claim(e, a, hits[0])

    problems = []
    for e, a, na in anchors:
        if (e, a) not in found:
            entry = entries[e]
            what = "the paragraph it starts at" if a == 0 else "a paragraph merged into it"
            problems.append(f"{entry.id}: {what} («{_short(entry.at[a])}») is not on the page any more; "
                            "its text stays with the article before it")

    groups: list[Group] = []
    by_entry: dict[int, Group] = {}
    current = None
    for i, u in enumerate(units):
        if u.owner is not None:
            current = u.owner
            if current not in by_entry:
                entry = entries[current]
                by_entry[current] = Group([], entry.id, entry.title, entry.joins, entry.place, current,
                                          entry.headline, takes=list(entry.takes), residue=list(entry.residue),
                                          not_article=entry.not_article)
                groups.append(by_entry[current])
        if current is None:           # before the first anchor: the segmenter's articles
            if not groups or units[groups[-1].units[-1]].seg is not u.seg:
                groups.append(Group([]))
            groups[-1].units.append(i)
        else:
            by_entry[current].units.append(i)
    for e, g in by_entry.items():
        home = units.index(homes[e]) if e in homes else None
        g.home = home if home is not None and home in g.units and home != g.units[0] else None
    _reheaded(units, groups)
    return units, [g for g in groups if g.units], problems


def _reheaded(units: list[Unit], groups: list[Group]) -> None:
    """An article whose headline a segmenter now prints as a paragraph of its own just
    before its text (a subhead of the article before, maybe with its kicker under it, or an
    article of its headline alone) takes it back, with the subheads between."""
    where = {i: g for g in groups for i in g.units}
    for g in groups:
        start = g.home if g.home is not None else g.units[0] if g.units else None
        if not g.headline or start is None or units[start].first:
            continue
        want = normalise(g.headline)
        for j in range(start - 1, max(start - 4, -1), -1):
            u = units[j]
            if u.owner is not None or where.get(j) is not where.get(start - 1):
                break
            if u.key == want:
                for k in range(j, start):
                    where[k].units.remove(k)
                    where[k] = g
                g.units = sorted(g.units + list(range(j, start)))
                if g.home is not None:
                    g.home = j
                break
            if not (u.text.startswith("### ") or not u.text):
                break                     # only headings stand between a headline and its text


_FROM = re.compile(r"^\s*[（(]\s*[上紧]\s*接\s*(?:第\s*)?(\S{1,4}?)\s*版\s*[）)]")


def _page_of(marker: re.Match | None) -> str | None:
    """The page a 上接/下转 marker points to, as 第4版."""
    if not marker:
        return None
    page = re.sub(r"\s", "", unicodedata.normalize("NFKC", next(g for g in marker.groups() if g)))
    return f"第{page}版" if page else None


def _short(text: str, n: int = 16) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "…"


def _escaped(text: str) -> str:
    return "\\" + text if _MARKDOWN_LEAD.match(text) else text


def build(seq: list[tuple[Unit, int]], title: str | None = None, headline: str | None = None, home: int = 0):
    """One corrected article from its units (each with its index, -1 for another page's):
    a SegmentedArticle, and per paragraph the unit it came from. ``title`` is the editor's
    headline; ``headline`` the page's, taken from the first paragraph when no header has it.
    ``home`` is where in ``seq`` the article's own text starts (text merged into it may come
    before): its header heads the article, unless it has no headline and the first has."""
    from sitegen.bylines import Byline, parse_news_byline

    lead = seq[0][0]
    out, skip = None, None
    opened = lead.seg.continued_from if lead.first else _page_of(_FROM.match(_unmarked(lead.text)))
    if home:                          # a merged article, its own text after text merged into it
        h = seq[home][0]
        if h.first and (h.seg.title or not (lead.first and lead.seg.title)):
            out = dataclasses.replace(h.seg, subtitles=list(h.seg.subtitles), paragraphs=[], continued_to=None,
                                      byline=copy.deepcopy(h.seg.byline), continued_from=opened)
        elif not h.first and headline and h.text and normalise(_unmarked(h.text)) == normalise(headline):
            # Its headline, which a segmenter left among the paragraphs.
            after = seq[home + 1][0].text if home + 1 < len(seq) else ""
            out = dataclasses.replace(h.seg, title=headline, subtitles=[], paragraphs=[],
                                      kind="news" if h.seg.kind in ("continuation", "column") else h.seg.kind,
                                      byline=parse_news_byline(after) or Byline(), column=None, author_line=None,
                                      continued_from=opened, continued_to=None)
            skip = home
        else:
            home = 0                  # no headline of its own: the one its text now starts under
    if out is not None:
        pass
    elif lead.first:
        s = lead.seg
        out = dataclasses.replace(s, subtitles=list(s.subtitles), paragraphs=[], byline=copy.deepcopy(s.byline),
                                  continued_to=None)
    else:                             # the rest of an article an editor cut in two: read from its text
        s = lead.seg
        marker = _FROM.match(_unmarked(lead.text))
        out = dataclasses.replace(s, title=None, subtitles=[], paragraphs=[],
                                  kind="continuation" if marker else "news" if s.kind in ("continuation", "column")
                                  else s.kind, byline=parse_news_byline(lead.text) or Byline(), column=None,
                                  author_line=None, continued_from=_page_of(marker), continued_to=None)
    sources: list[int] = []
    for pos, (u, index) in enumerate(seq):
        if u.first and pos != home:   # another article's header, inside this one: kept in the body
            h = u.seg
            lines = ["### " + x for x in (h.column, h.title, *h.subtitles) if x]
            if h.author_line:
                lines.append(_escaped(h.author_line))
            out.paragraphs += lines
            sources += [index] * len(lines)
            out.byline.merge(h.byline)
        if u.text and pos != skip:
            out.paragraphs.append(u.text)
            sources.append(index)
    last = seq[-1][0]
    out.continued_to = last.seg.continued_to if last.last else _page_of(MARKER_TO.search(last.text))
    liftable = not home and out.paragraphs and sources[0] == seq[0][1]
    if headline and not out.title and liftable and _lift(out, sources, headline):
        out.title = headline
        out.kind = "news" if out.kind == "continuation" else out.kind
    if title:
        if out.title and normalise(out.title) != normalise(title):
            out.subtitles.insert(0, out.title)          # the page's headline is page text: kept
        elif not out.title and liftable:
            _lift(out, sources, title)
        out.title = title
    return out, sources


def _lift(out, sources: list[int], title: str) -> bool:
    """Take a headline out of the first paragraph when it opens with it (the paragraph's
    first line it was taken from, or a subhead): whether it did."""
    nt = normalise(title)
    first = out.paragraphs[0]
    text = _unmarked(first)
    if not nt or not normalise(text).startswith(nt):
        return False
    rest = text[_raw_index(text, len(nt)):].strip()
    if rest:
        out.paragraphs[0] = _escaped(rest)
    else:
        del out.paragraphs[0]
        del sources[0]
    return True


def anchor_text(units: list[Unit], k: int) -> str:
    """The opening of unit ``k`` that finds it among the page's units: at least ``ANCHOR``
    letters and digits, more until no other paragraph opens the same way (the whole
    paragraph when another is the same: then they are found in page order)."""
    u = units[k]
    raw = _unmarked(u.text) if u.text else "".join([u.seg.title or "", *u.seg.subtitles])
    others = [key for j, v in enumerate(units) if j != k for key in (v.key, v.alt) if key]
    key = u.key
    for n in range(min(ANCHOR, len(key)), len(key) + 1):
        prefix = key[:n]
        if not any(o.startswith(prefix) for o in others):
            return raw[: _raw_index(raw, n)].rstrip() if n < len(key) else raw.strip()
    return raw.strip()


def cut_difference(units: list[Unit], groups: list[Group]) -> tuple[list[Unit], list[Unit]]:
    """How the segmenter alone would cut the page otherwise: the paragraphs it would start
    an article at that the corrected cut does not, and those it would not."""
    starts = {id(units[r[0]]) for g in groups for r in runs(g)}
    would_start = [u for u in units if u.first and id(u) not in starts]
    would_not = [units[r[0]] for g in groups for r in runs(g) if not units[r[0]].first]
    return would_start, sorted(would_not, key=lambda u: units.index(u))
