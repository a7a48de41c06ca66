"""Column line-wraps: joining the lines of a wrapped column back into paragraphs.

Blank lines in OCR output mark column and page breaks as often as paragraph ends
(`持续严格消` / blank / `杀和确保`). A paragraph ends where a sentence ends and the next line
starts a new one: after a blank line, or after a line that stops short of the column edge.
"""

from __future__ import annotations

from sitegen.ocr.spacing import clean_spacing

_TERMINAL = "。！？!?…"
_CLOSERS = "”’）)」』》"


def sentence_closed(text: str) -> bool:
    """Does the text end a sentence? (`…活动。`, `…活动。”`, not `…“群防群治”`.)"""
    t = text.rstrip()
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


def join_wrapped_lines(lines: list[tuple[str, int, bool]], width: int | None) -> list[str]:
    """Paragraphs from ``(text, blank lines before, stands alone)`` rows.

    ``width`` is the column width in characters, or None when the page already has one
    paragraph per line. A row that stands alone (a credit, a marker) is its own paragraph."""
    paragraphs: list[str] = []
    prev_text = None
    prev_alone = False
    for text, gap, alone in lines:
        text = clean_spacing(text.strip())
        if not text:
            continue
        new = (
            prev_text is None or alone or prev_alone
            or (sentence_closed(prev_text) and (gap > 0 or width is None or len(prev_text) < width - 2))
        )
        if new:
            paragraphs.append(text)
        else:
            paragraphs[-1] = _glue(paragraphs[-1], text)
        prev_text, prev_alone = text, alone
    return paragraphs
