"""Lines an editor moved between a page's articles and its residue (pure).

Applied after a page is cut (``regroup``) and its articles built, by text, so that they
hold under any cut of the page (the record's ``takes``, ``residue`` and ``not_article``,
``sitegen.ingest.corrections``):

* ``move_headlines``: headline lines (a headline, kicker or subtitle, or a ``###`` subhead
  a segmenter left in a body) go to the article that takes them. All are taken out first
  and put in after, so that two articles can swap their headlines; the text moved is the
  page's, as it is now, never the record's copy.
* ``set_aside``: the text of what an editor said is no article becomes residue lines (or
  the page's furniture), each at the page line it is printed on.
* ``join_residue``: residue lines an editor gave to an article join its paragraphs where
  they are printed, in page order.

Nothing is dropped or doubled: a line that is not where the record says is left where it
is, and reported.
"""

from __future__ import annotations

import bisect
import difflib
import re

from sitegen.ingest.identity import normalise
from sitegen.ingest.regroup import NEARLY

_LEAD = re.compile(r"^(\\|### )")
_MARKDOWN_LEAD = re.compile(r"^(#|>|[-+*]\s|\d+[.)]\s)")
_KEY = 12            # letters and digits of a text's opening looked for among the page's lines


def _unmarked(text: str) -> str:
    return _LEAD.sub("", text)


def _short(text: str, n: int = 16) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "…"


class PageLines:
    """Where a text is printed on the page: the line (from 1) its opening is on, compared
    as letters and digits, so that line wraps, spacing and punctuation do not matter."""

    def __init__(self, text: str):
        self.flat = ""
        self.starts: list[int] = []          # offset in ``flat`` of each line's first character
        for line in text.split("\n"):
            self.starts.append(len(self.flat))
            self.flat += normalise(line)

    def line(self, text: str, after: int = 0) -> int | None:
        """The line ``text`` starts on: the first at or after line ``after``, else anywhere."""
        key = normalise(_unmarked(text or ""))[:_KEY]
        if not key:
            return None
        begin = self.starts[after - 1] if 0 < after <= len(self.starts) else 0
        pos = self.flat.find(key, begin)
        if pos < 0:
            pos = self.flat.find(key)
        return bisect.bisect_right(self.starts, pos) if pos >= 0 else None

    def lines(self, texts: list[str], first: int = 0) -> list[int]:
        """Each text's line, in order (one not found: the line of the one before)."""
        out, last = [], first
        for t in texts:
            n = self.line(t, last) or last
            out.append(n)
            last = n
        return out


def _nearest(want: str, keys: list[str]) -> int | None:
    """Which of ``keys`` is ``want``: the one equal to it, else the one nearly it (an OCR
    fix changed a character) when no other is as near; None when none is."""
    if want in keys:
        return keys.index(want)
    scored = sorted(((difflib.SequenceMatcher(None, want, k, autojunk=False).ratio(), i) for i, k in enumerate(keys)
                     if k), reverse=True)
    if scored and scored[0][0] >= NEARLY and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 0.1):
        return scored[0][1]
    return None


def _roles(article) -> list[tuple[str, str]]:
    """(role, text) of an article's headline lines, as they are in it (a subhead with its mark)."""
    return [("headline", article.title)] * bool(article.title) + [("subtitle", x) for x in article.subtitles] + \
        [("subhead", p) for p in article.paragraphs if p.startswith("### ")]


def _header_lines(article) -> list[str]:
    return [normalise(x) for x in (article.title, *article.subtitles) if x] + \
        [normalise(p[4:]) for p in article.paragraphs if p.startswith("### ")]


def move_headlines(drafts, notes: list[str], moved: list[str] | None = None) -> None:
    """Give each draft the headline lines its group ``takes`` from the others (each one
    moved, as a user reads it, into ``moved``)."""
    found, claimed = [], set()
    for t in drafts:
        for line in t.group.takes:
            want = normalise(line)
            if want in _header_lines(t.article):
                continue                      # a segmenter prints it over this article now
            # Every other article's headline lines not taken yet: (draft, role, text).
            lines = [(s, role, text) for s in drafts if s is not t for role, text in _roles(s.article)
                     if (id(s), role, text) not in claimed]
            k = _nearest(want, [normalise(_unmarked(text)) for _, _, text in lines])
            if k is None:
                notes.append(f"{t.group.id}: the headline line «{_short(line)}» it takes is no other article's "
                             "headline on the page any more; it is left where it is")
                continue
            claimed.add((id(lines[k][0]), *lines[k][1:]))
            found.append((t, *lines[k]))
    for _, s, role, text in found:           # all out first: two articles may swap
        a = s.article
        if role == "headline":
            a.title = None
        elif role == "subtitle":
            a.subtitles.remove(text)
        else:
            k = a.paragraphs.index(text)
            del a.paragraphs[k]
            del s.sources[k]
    for t, _, role, text in found:
        a = t.article
        text = _unmarked(text) if role == "subhead" else text
        if moved is not None:
            moved.append(f"it would print «{_short(text)}» over another article")
        if role == "headline" or role == "subhead" and not a.title:
            if a.title:
                a.subtitles.insert(0, a.title)   # the page's headline is page text: kept, as its kicker
            a.title = text
            if a.kind == "continuation":
                a.kind = "news"
        else:
            a.subtitles.append(text)


def aside_lines(article) -> list[str]:
    """An article's text as lines: its header, then its paragraphs (marks off)."""
    return [x for x in (article.column, article.title, *article.subtitles, article.author_line) if x] + \
        [_unmarked(p) for p in article.paragraphs if _unmarked(p)]


def set_aside(drafts, where: PageLines, residue: list[tuple[int, str]]):
    """The page's residue with the text of the drafts an editor said are no article added
    (``not_article = "residue"``), and the page's furniture they make (``"furniture"``):
    (line, text) each, in page order."""
    residue, furniture = list(residue), []
    for d in drafts:
        texts = aside_lines(d.article)
        lines = where.lines(texts, max(0, getattr(d.article, "first_line", 0) - 8))
        (furniture if d.group.not_article == "furniture" else residue).extend(zip(lines, texts))
    return sorted(residue, key=lambda r: r[0]), sorted(furniture, key=lambda r: r[0])


def _escaped(text: str) -> str:
    return "\\" + text if _MARKDOWN_LEAD.match(text) else text


def join_residue(drafts, residue: list[tuple[int, str]], where: PageLines, notes: list[str],
                 moved: list[str] | None = None):
    """Residue lines into the drafts whose group takes them, among their paragraphs where
    they are printed; the residue left."""
    residue = list(residue)
    for d in drafts:
        for line in d.group.residue:
            want = normalise(line)
            k = _nearest(want, [normalise(r[1]) for r in residue])
            hit = residue[k] if k is not None else None
            if hit is None:
                if not any(normalise(_unmarked(p)) == want for t in drafts for p in t.article.paragraphs):
                    notes.append(f"{d.group.id}: the residue line «{_short(line)}» that joins it is not residue "
                                 "of the page any more; it is left where it is")
                continue
            residue.remove(hit)
            if moved is not None:
                moved.append(f"it would leave «{_short(hit[1])}» in the residue")
            a = d.article
            at = where.lines(a.paragraphs, max(0, getattr(a, "first_line", 0) - 8))
            k = next((i for i, n in enumerate(at) if n > hit[0]), len(at))
            a.paragraphs.insert(k, _escaped(hit[1]))
            d.sources.insert(k, -2)
    return residue
