"""Cutting text into index terms, exactly as ``search-core.js`` cuts a query."""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections import Counter

WORD_MIN = 3           # jieba words shorter than this are covered by the pairs anyway


def normalise(text: str) -> str:
    """NFKC, lower case, letters and digits only (what the browser's normalise() keeps)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def pairs(stream: str) -> Counter:
    if len(stream) == 1:
        return Counter([stream])
    return Counter(stream[i:i + 2] for i in range(len(stream) - 1))


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def words(text: str) -> Counter:
    """jieba's fine-grained (search mode) words, so parts of long words are words too."""
    out = Counter()
    for w in _jieba().cut_for_search(text):
        n = normalise(w)
        if len(n) >= WORD_MIN:
            out[n] += 1
    return out


WORDS_FROM_BODY = 300   # characters of the body that jieba cuts into words


def field_terms(text: str, word_chars: int | None = None) -> dict[str, int]:
    """The terms of one field: every pair of adjacent characters, and jieba's longer words
    (of the first ``word_chars`` characters only, when given)."""
    counts = pairs(normalise(text)) + words(text if word_chars is None else text[:word_chars])
    return dict(sorted(counts.items()))


def article_terms(article) -> dict[str, dict[str, int]]:
    from sitegen.markdown import plain_text

    a = article
    return {
        "title": field_terms(" ".join([a.title or "", *a.subtitles])),
        "people": field_terms(" ".join(a.reporters + a.correspondents + a.photographers + a.authors + [a.byline or ""])),
        # Pairs already find every piece of the body; jieba's words rank whole words first,
        # and where they matter most is the headline and the lede. Cutting whole bodies
        # would double a large build for little.
        "body": field_terms(plain_text(a.body), WORDS_FROM_BODY),
    }


def shard_of(term: str, count: int) -> int:
    """The shard a term lives in: 32-bit FNV-1a of its UTF-8 bytes (search-core.js does the same)."""
    h = 2166136261
    for b in term.encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h % count
