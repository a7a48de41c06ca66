"""Whether the text under a heading goes on telling the story above it.

A subhead's section names the people, firms and things of the sections before it (宋翡翠,
the case's company); the next article on a page names its own. Words the two texts share
and no other text of the page uses, and that are rare in the language (names, terms of the
case, not 工会 or 活动), are the story carried across the heading.
"""

from __future__ import annotations

import functools
import re

from sitegen.dictionary import tokenizer

# Below this count in jieba's dictionary (of some 60 million words) a word is rare enough
# to name one story's people or things; 工会, 职工, 活动 are far above it.
_RARE = 3000
_OPENING = 300           # characters of the text below that are read
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,}$|^[A-Za-z0-9\u4e00-\u9fff]{3,}$")


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    jieba = tokenizer()
    return frozenset(w for w in jieba.cut(text, HMM=True)
                     if _CJK.match(w) and not w.isdigit() and jieba.FREQ.get(w, 0) < _RARE)


def shared_words(above: str, below: str) -> frozenset[str]:
    """The rare words ``above`` and the opening of ``below`` share."""
    return _words(above) & _words(below[:_OPENING])


def story_words(above: str, below: str, elsewhere: list[str]) -> list[str]:
    """The rare words ``above`` and the opening of ``below`` share and no text of
    ``elsewhere`` (the page's other pieces) uses."""
    shared = shared_words(above, below)
    if not shared:
        return []
    others = set().union(*(_words(t) for t in elsewhere)) if elsewhere else set()
    return sorted(shared - others)
