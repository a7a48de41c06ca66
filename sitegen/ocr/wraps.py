"""Column line-wraps: joining the lines of a wrapped column back into paragraphs.

Blank lines in OCR output mark column and page breaks as often as paragraph ends
(`持续严格消` / blank / `杀和确保`). A paragraph ends where a sentence ends and the next line
starts a new one: after a blank line, or after a line that stops short of the column edge.
"""

from __future__ import annotations

import re

from sitegen.ocr.punctuation import full_width
from sitegen.ocr.spacing import clean_spacing, is_cjk

_TERMINAL = "。！？!?…"
_CLOSERS = "”’）)」』》"
_SIGNED_END = re.compile(r"(?<=[。！？!?…”])\s*[（(][^（()）]{1,24}[）)]$")


def sentence_closed(text: str) -> bool:
    """Does the text end a sentence? (`…活动。`, `…活动。”`, not `…“群防群治”`.)"""
    t = text.rstrip()
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


def _verse(rows: list[tuple[str, int, bool]], width: int | None) -> list[bool]:
    """Which rows are lines of verse or of a list: in a wrapped column every line but a
    paragraph's last fills the column, so VERSE_LINES short lines in a row, with no blank
    line between them, were broken where they were printed, not by the column edge."""
    if width is None:
        return [False] * len(rows)
    short = [not alone and len(text) < width - 2 for text, _, alone in rows]
    verse = [False] * len(rows)
    start = 0
    for k in range(len(rows) + 1):
        if k == len(rows) or not short[k] or (k > start and rows[k][1] > 0):
            if k - start >= VERSE_LINES and all(short[start:k]):
                verse[start:k] = [True] * (k - start)
            start = k + 1 if k < len(rows) and not short[k] else k
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
