"""jieba's dictionary, loaded once per process and quietly. The tagger, the search terms and
the byline rules all read it; loading it takes a second, so it is loaded on first use."""

from __future__ import annotations

import functools
import logging


@functools.lru_cache(maxsize=1)
def tokenizer():
    """jieba's default tokenizer, its dictionary loaded (``.FREQ``, ``.total``)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


__all__ = ["tokenizer"]
