"""Cutting text into index terms, exactly as ``search-core.js`` cuts a query."""

from __future__ import annotations

import functools
import logging
import unicodedata

WORD_MIN = 3           # jieba words shorter than this are covered by the pairs anyway


def normalise(text: str) -> str:
    """NFKC, lower case, letters and digits only (what the browser's normalise() keeps)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def pairs(stream: str) -> set[str]:
    if len(stream) == 1:
        return {stream}
    return {stream[i:i + 2] for i in range(len(stream) - 1)}


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def words(text: str) -> set[str]:
    """jieba's fine-grained (search mode) words, so parts of long words are words too."""
    out = set()
    for w in _jieba().cut_for_search(text):
        n = normalise(w)
        if len(n) >= WORD_MIN:
            out.add(n)
    return out


def field_terms(text: str) -> str:
    """The terms of one field, space-separated for lunr's whitespace tokenizer."""
    return " ".join(sorted(pairs(normalise(text)) | words(text)))
