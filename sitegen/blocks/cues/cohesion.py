"""Lexical cohesion across a line's end: a column edge cuts words (`顺义区人民政府副区` /
`长强调`, `6名同` / `志一边`), a headline ends with a whole one. When a dictionary word runs
from the end of a line into the next, the two are one text."""

from __future__ import annotations

import functools

from sitegen.blocks.cues import Evidence, Where
from sitegen.dictionary import tokenizer


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
    word = word_across(where.line.compact, nxt.compact)
    if word is None:
        return None
    return Evidence("cut-word", -4, f"the word {word!r} runs on into the next line")
