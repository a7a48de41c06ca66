"""Lexical cohesion across a line's end: a column edge cuts words (`顺义区人民政府副区` /
`长强调`, `6名同` / `志一边`), a headline ends with a whole one. When a dictionary word runs
from the end of a line into the next, the two are one text."""

from __future__ import annotations

import functools

from sitegen.blocks.cues import Evidence, Where
from sitegen.blocks.cues.width import fills_column
from sitegen.blocks.line import LineKind
from sitegen.dictionary import tokenizer
from sitegen.ocr.wraps import sentence_closed


def word_across(left: str, right: str) -> str | None:
    """The dictionary word that runs from the end of ``left`` into ``right``, if any."""
    return _across(left[-3:], right[:3])


@functools.lru_cache(maxsize=65536)
def _across(head: str, tail: str) -> str | None:
    position = 0
    for word in tokenizer().cut(head + tail, HMM=False):
        if position < len(head) < position + len(word):
            return word
        position += len(word)
    return None


def cut_word(where: Where) -> Evidence | None:
    nxt = where.nxt
    if nxt is None or nxt.kind.value != "body":
        return None
    if where.width is None and nxt.gap_before == 0:
        return None         # one paragraph per line: no column edge between the two lines
    if where.width is not None and (_wrapped_headline(where) or _wrapped_over_opening(where)):
        return None
    word = word_across(where.line.compact, nxt.compact)
    if word is None:
        return None
    return Evidence("cut-word", -4, f"the word {word!r} runs on into the next line")


def _wrapped_headline(where: Where) -> bool:
    """Two lines short of their column, set apart from the text above and below, with no
    punctuation: a headline wrapped in its own type (召开职工 / 代表大会), not text cut by the
    column edge, whose lines fill the column (顺义区人民政府副区 / 长强调，各级工会要…)."""
    line, nxt, j = where.line, where.nxt, where.j
    after = where.lines[j + 1] if j is not None and j + 1 < len(where.lines) else None
    # Set apart by a blank line, or straight under a finished sentence: neither line fills
    # the column, which no paragraph's first line of two fails to do.
    apart = line.gap_before > 0 or (where.i > 0 and sentence_closed(where.lines[where.i - 1].text))
    return apart and (after is None or after.gap_before > 0) \
        and not fills_column(line, where.width) and not fills_column(nxt, where.width) \
        and len(nxt.compact) < where.width - 3 and not any(c in _PUNCTUATION for c in line.compact + nxt.compact)


_PUNCTUATION = set("，。、；：！？,.;:!?")


def _wrapped_over_opening(where: Where) -> bool:
    """A headline wrapped at the column edge, even as wide as the column, its subtitle perhaps
    under it (环卫集团工会职工子女爱心托 / 管班开班 / 累计服务职工207人次): two to four lines set
    apart, not one punctuation mark among them, one blank over a report's opening or byline.
    Text cut by the column edge has its commas, and ends on a full stop before what follows."""
    lines, i = where.lines, where.i
    if i > 0 and where.line.gap_before == 0:
        return False
    k = i + 1
    while k < len(lines) and lines[k].gap_before == 0 and k - i < 4:
        k += 1
    if k - i < 2 or k >= len(lines) or lines[k].gap_before != 1:
        return False
    return lines[k].kind in (LineKind.NEWS_START, LineKind.BYLINE) \
        and not any(c in _PUNCTUATION for line in lines[i:k] for c in line.compact)
