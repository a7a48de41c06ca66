"""Column line-wraps: joining the lines of a wrapped column back into paragraphs.

Blank lines in OCR output mark column and page breaks as often as paragraph ends
(`持续严格消` / blank / `杀和确保`). A paragraph ends where a sentence ends and the next line
starts a new one: after a blank line, or after a line that stops short of the column edge.
"""

from __future__ import annotations

from collections.abc import Callable

import re

from sitegen.ocr.punctuation import full_width
from sitegen.ocr.spacing import clean_spacing, is_cjk

_TERMINAL = "。！？!?…"
_CLOSERS = "”’）)」』》"
_SIGNED_END = re.compile(r"(?<=[。！？!?…”])\s*[（(][^（()）]{1,24}[）)]$")
# A speck the OCR read after the last full stop (…见成效。 ', …活动。丨): a mark no sentence
# goes on with.
_SPECK_AFTER = re.compile(r"(?<=[。！？!?…”])\s*['`´·丨|l、]$")


def sentence_closed(text: str) -> bool:
    """Does the text end a sentence? (`…活动。`, `…活动。”`, not `…“群防群治”`.)"""
    t = _SPECK_AFTER.sub("", text.rstrip())
    if " " in t[-4:] or "\u3000" in t[-4:]:
        t = "".join(t.split())      # the OCR's space between a full stop and its quote (心态。 ”)
    # A signature or credit in brackets after the last sentence (…课程。（许华）, …。（完）)
    # closes it.
    signed = _SIGNED_END.search(t)
    if signed:
        t = t[:signed.start()]
    while t and t[-1] in _CLOSERS:
        if t[-1] in "”’" and len(t) >= 2 and t[-2] in _TERMINAL:
            return True
        t = t[:-1]
    return bool(t) and t[-1] in _TERMINAL


def _glue(left: str, right: str) -> str:
    # Two Latin words meet at a wrap with a space between them; a number cut by the column
    # edge (`均达500` / `0人以上`) is one number.
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum() \
            and not (left[-1].isdigit() and right[0].isdigit()):
        return left + " " + right
    return left + right


# In an interview each turn is a paragraph: 问：… / 答：… / 记者：…
_SPEAKER = re.compile(r"^(?:问|答|记者|主持人|读者)[:：]")
VERSE_LINES = 4        # short lines in a row, within one stanza, that make verse or a list
HARD_BREAK = "  \n"    # Markdown's line break inside a paragraph


def _list_spacing(text: str) -> str:
    words = text.split()
    if len(words) > 1 and all(len(w) >= 2 and all(is_cjk(ch) for ch in w) for w in words):
        return " ".join(words)
    return clean_spacing(text)


def stanzas(short: Callable[[int], bool], gap: Callable[[int], int], i: int, end: int) -> list[int]:
    """The stanzas of short rows from row i (rows before ``end``), as their sizes: short rows
    one under the other make a stanza; a stanza of two rows or more one blank under it goes
    on with the poem (a poem printed in stanzas of three is as much verse as one of four
    lines). ``short`` and ``gap`` are asked only of the rows the poem could reach, since the
    line typing asks this of every line of a page."""
    sizes: list[int] = []
    k = i
    while k < end and short(k) and (not sizes or gap(k) == 1):
        start = k
        k += 1
        while k < end and short(k) and gap(k) == 0:
            k += 1
        if sizes and k - start < 2:
            break
        sizes.append(k - start)
    return sizes


def is_verse(sizes: list[int]) -> bool:
    """VERSE_LINES short rows in one stanza, or as many in stanzas of two or more: a column
    fills every line of a paragraph but its last, so these were broken where they were
    printed, not by the column edge."""
    return bool(sizes) and (sizes[0] >= VERSE_LINES or (
        len(sizes) >= 2 and min(sizes) >= 2 and sum(sizes) >= VERSE_LINES))


def _verse(rows: list[tuple[str, int, bool]], width: int | None) -> list[bool]:
    """Which rows are lines of verse or of a list (``stanzas``, ``is_verse``)."""
    if width is None:
        return [False] * len(rows)
    short = [not alone and len(text) < width - 2 for text, _, alone in rows]
    gaps = [gap for _, gap, _ in rows]
    verse = [False] * len(rows)
    k = 0
    while k < len(rows):
        sizes = stanzas(short.__getitem__, gaps.__getitem__, k, len(rows))
        # A poem's last stanza may be shorter: two short lines or more, a stanza's blank
        # under verse.
        after_verse = k > 0 and verse[k - 1] and gaps[k] > 0 and sizes and sizes[0] >= 2
        if is_verse(sizes) or after_verse:
            n = sum(sizes) if is_verse(sizes) else sizes[0]
            verse[k:k + n] = [True] * n
            k += n
        else:
            k += sizes[0] if sizes else 1
    return verse


def join_wrapped_lines(lines: list[tuple[str, int, bool]], width: int | None,
                       listed: list[bool] | None = None) -> list[str]:
    """Paragraphs from ``(text, blank lines before, stands alone)`` rows; ``listed`` marks
    the rows already known to be a list's (a notice's 单位 姓名 lines), however long.

    ``width`` is the column width in characters, or None when the page already has one
    paragraph per line. A row that stands alone (a credit, a marker) is its own paragraph;
    lines of verse or of a list keep their line breaks, a stanza to a paragraph."""
    kept = [k for k, (text, _, _) in enumerate(lines) if text.strip()]
    raw = [(lines[k][0].strip(), lines[k][1], lines[k][2]) for k in kept]
    known = [bool(listed and listed[k]) for k in kept]
    rows = [(clean_spacing(text), gap, alone) for text, gap, alone in raw]
    verse = [v or l for v, l in zip(_verse(rows, width), known)]
    # In a list the spaces between names are the printer's (张三 李四 王五), not the OCR's;
    # a list or table known as such keeps every one between its fields.
    rows = [(" ".join(r[0].split()) if l else _list_spacing(r[0]) if v else c, g, a)
            for r, (c, g, a), v, l in zip(raw, rows, verse, known)]
    paragraphs: list[str] = []
    prev_text = None
    prev_alone = prev_verse = False
    for (text, gap, alone), in_verse in zip(rows, verse):
        new = (
            prev_text is None or alone or prev_alone
            or (sentence_closed(prev_text) and (gap > 0 or width is None or len(prev_text) < width - 2
                                                or _SPEAKER.match(text)))
            or (in_verse != prev_verse) or (in_verse and gap > 0)
        )
        if new:
            paragraphs.append(text)
        elif in_verse:
            paragraphs[-1] += HARD_BREAK + text
        else:
            paragraphs[-1] = _glue(paragraphs[-1], text)
        prev_text, prev_alone, prev_verse = text, alone, in_verse
    return [full_width(p) for p in paragraphs]
