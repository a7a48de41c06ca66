"""Whitespace out of rendered HTML: the templates' indentation costs every page of the site
(at 100,000 articles, megabytes) and no reader sees it.

Only runs of whitespace that hold a line break are touched, each becoming one line break,
and runs of spaces between two tags, each becoming one space: a browser shows such a run as
one space (or nothing, between blocks), so the page reads the same. Text in ``<pre>``,
``<textarea>`` and ``<script>`` keeps its spacing.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_RUN = re.compile(r"[ \t\r\f]*\n\s*")
_SPACES = re.compile(r"(?<=>)[ \t]{2,}(?=<)")


def collapse_whitespace(html: str) -> str:
    parts = _KEPT.split(html)
    # split() gives: text, kept element, its tag name, text, …
    out = []
    for n, part in enumerate(parts):
        kind = n % 3
        if kind == 0:
            out.append(_SPACES.sub(" ", _RUN.sub("\n", part)))
        elif kind == 1:
            out.append(part)
    return "".join(out)


__all__ = ["collapse_whitespace"]
