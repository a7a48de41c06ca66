"""Double-spaced OCR output: a blank line after every line of print.

Some OCR tools (and text pulled from a PDF) leave a blank line between every two lines, so
blank lines no longer tell a paragraph's end or a column break from a line wrap. Such a page
is read as if single-spaced: a run of g blank lines stands for g // 2 (one blank line
between lines is no gap at all, two or three are the paragraph break the print had).

The tell is a blank line after lines the column edge cut mid-sentence. On a single-spaced
page only a column break puts one there (one cut line in ten or twenty); a page set one
paragraph to a line has blank lines between nearly all its lines too, but its lines end
their sentences.
"""

from __future__ import annotations

from sitegen.ocr.wraps import sentence_closed

# Fewer cut lines than this say too little: a short page, or one of whole paragraphs.
_MIN_CUT = 20
_SHARE = 0.85


def is_double_spaced(texts: list[str], gaps: list[int]) -> bool:
    """``texts``: a page's lines of text in order; ``gaps[k]``, the blank lines before ``texts[k]``."""
    cut = [gaps[k + 1] for k in range(len(texts) - 1) if not sentence_closed(texts[k])]
    return len(cut) >= _MIN_CUT and sum(1 for g in cut if g >= 1) >= _SHARE * len(cut)


def single_spaced(gap: int) -> int:
    return gap // 2
