"""Column width: every line of a wrapped paragraph but its last fills the column, so a
line as wide as its column, followed by more text, reads as a paragraph's line, and a
headline stands shorter or wider.

Widths change across a page (a lead story over three columns, briefs in a narrow one), so
the width is measured around each line, from the wrapped lines near it, not once a page."""

from __future__ import annotations

import bisect
import re
import statistics

from sitegen.blocks.cues import Evidence, Where
from sitegen.blocks.cues.shape import phrase_gap
from sitegen.blocks.line import Line, LineKind

NEAR = 12               # wrapped lines on either side that measure a line's column
MIN_SAMPLES = 8         # fewer than this: the page's width stands
WIDEST = 30             # a median over this: one paragraph per line, no column
CLEARLY_OFF = 4         # characters off a column's width that no line of it strays


_MARK = re.compile(r"[，。、；：？！,.;:?!“”\"（）()《》—…]")


def _wrapped(lines: list[Line]) -> list[int]:
    """Indexes of lines followed by more of their paragraph: they fill their column. Two
    lines one under the other without a mark of punctuation between them are verse or a
    stack of headlines, set short of the column: they do not measure it (a poem's lines
    would make its column look as narrow as they are)."""
    return [k for k, (a, b) in enumerate(zip(lines, lines[1:]))
            if a.kind == LineKind.BODY and b.kind == LineKind.BODY and b.gap_before == 0
            and (_MARK.search(a.compact) or _MARK.search(b.compact))]


def column_width(lines: list[Line], wrapped: list[int] | None = None) -> int | None:
    """The width of the page's wrapped body column, in characters; None when the page has
    one paragraph per line. ``wrapped``: the lines' ``_wrapped`` indexes, when known."""
    widths = [len(lines[k].compact) for k in (wrapped if wrapped is not None else _wrapped(lines))]
    if len(widths) < MIN_SAMPLES:
        return None
    width = int(statistics.median(widths))
    return width if width <= WIDEST else None


def local_widths(lines: list[Line]) -> list[int | None]:
    """The column width around each line: the median of the NEAR wrapped lines before and
    after it, or the page's width where too few stand near."""
    wrapped = _wrapped(lines)
    page = column_width(lines, wrapped)
    if len(wrapped) < MIN_SAMPLES:
        return [page] * len(lines)
    result: list[int | None] = []
    for i in range(len(lines)):
        at = bisect.bisect_left(wrapped, i)
        near = wrapped[max(0, at - NEAR):at + NEAR]
        widths = [len(lines[k].compact) for k in near]
        if len(widths) < MIN_SAMPLES:
            result.append(page)
            continue
        width = int(statistics.median(widths))
        result.append(width if width <= WIDEST else None)
    return result


def visual_width(text: str) -> float:
    """A line's width in Chinese characters: Latin letters and digits take half as much."""
    return sum(0.5 if c.isascii() else 1 for c in text)


def overhang(line: Line) -> int:
    """How many characters past the column width a wrapped body line can hold: one, a
    punctuation mark hung at the line's end; two with Latin letters or digits, which are
    narrower than Chinese characters."""
    return 2 if any(c.isascii() for c in line.compact) else 1


def fills_column(line: Line, width: int | None) -> bool:
    return width is not None and width - 3 <= len(line.compact) <= width + overhang(line)


def fills(where: Where, reads_as_paragraph: bool, why: str) -> Evidence | None:
    """``reads_as_paragraph`` is worked out by the decision, which knows the run of lines."""
    if reads_as_paragraph:
        return Evidence("fills-column", -4, why)
    return None


def steady_width(where: Where) -> Evidence | None:
    """Where no column could be measured (a small page, or one paragraph per line), or this
    line is clearly off the column measured around it (a caption set wider than the reports
    beside it), the lines under this one tell: when two or more run on at this line's own
    width, it is the first line of their wrapped paragraph. A steady width is evidence
    against a boundary."""
    if where.nxt is None or where.under_banner:
        return None
    if where.width is not None and abs(visual_width(where.line.compact) - where.width) < CLEARLY_OFF:
        return None             # at the column's own width: the column's cues tell
    # Off the column, a blank line may part it from the rest of its paragraph (a column
    # break): a headline set in larger type over its text is never as many characters wide.
    if where.nxt.gap_before > (1 if where.width is not None else 0):
        return None
    if phrase_gap(where.line.text):
        return None             # a space between phrases is a headline's, never a wrapped line's
    lines, n = where.lines, len(where.line.compact)
    same = 0
    for k in range(where.i + 1, len(lines)):
        other = lines[k]
        if other.kind != LineKind.BODY or (k > where.i + 1 and other.gap_before):
            break
        if abs(len(other.compact) - n) > overhang(other):
            break
        same += 1
    if same < 2:
        return None
    if where.width is not None and not any(_MARK.search(ln.compact) for ln in lines[where.i:where.i + same + 1]):
        return None             # equal lines without a mark among them: a stack of headlines
    return Evidence("steady-width", -4, f"the {same} lines under it run on at its width ({n})")


def _wrapped_width(lines: list[Line]) -> float | None:
    """The column width a run of a body's lines was wrapped at: the median width of the lines
    followed by more of their paragraph; None under three of them."""
    widths = [visual_width(lines[k].compact) for k in _wrapped_lines(lines)]
    return statistics.median(widths) if len(widths) >= 3 else None


def _wrapped_lines(lines: list[Line]) -> list[int]:
    """``_wrapped``, but for lines that end a sentence: such a line may be a paragraph's last,
    the next one's set straight under it (or the same words read twice: 致好评。 / 致好评。),
    and short of the column."""
    return [k for k in _wrapped(lines) if not lines[k].compact.endswith(("。", "！", "？"))]


def column_changes(text_above: list[Line], lines: list[Line], pos: int) -> bool:
    """A paragraph that opens at ``pos`` wrapped at another column width than the text
    above it stands in another column of print: pieces set side by side on a page each
    keep their own width, and one article keeps its width from end to end."""
    above = _wrapped_width(text_above[-12:])
    paragraph = []
    for k in range(pos, len(lines)):
        if k > pos and (lines[k].gap_before or lines[k].kind != LineKind.BODY):
            break
        paragraph.append(lines[k])
    if above is None:
        return False
    below = _wrapped_width(paragraph)
    if below is not None:
        return abs(above - below) >= 2
    # Too short a paragraph to measure its width (one or two wrapped lines): it is in
    # another column only when every wrapped line is clearly off the column above, or its
    # first line is wider than that column could hold at all (a line further down may be
    # the caption of a photo set in the text, 图为…).
    wrapped = [visual_width(paragraph[k].compact) for k in _wrapped_lines(paragraph)]
    if paragraph and visual_width(paragraph[0].compact) > above + CLEARLY_OFF:
        return True
    return bool(wrapped) and (all(w <= above - CLEARLY_OFF for w in wrapped))
