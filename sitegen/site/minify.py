"""Whitespace out of rendered HTML: the templates' indentation costs every page of the site
(at 100,000 articles, megabytes) and no reader sees it.

Only whitespace between two tags is touched, and text in ``<pre>``, ``<textarea>`` and
``<script>`` keeps its spacing. A run that holds a line break goes altogether when a block's
tag is on either side of it (a browser shows nothing there: white space at the start or end
of a line, or between blocks), and otherwise becomes one line break (between two inline
tags it is the space a browser shows); a run of spaces between two tags becomes one space.
So the page reads the same.

The theme's own scripts are minified as they are published (``minified_script``): their
comments (half of search-core.js) and indentation are for whoever reads the source, not for
a reader's download. rjsmin, a small minifier in Python (no Node build step), removes
comments and white space only and renames nothing, so the published script is the source's
code.
"""

from __future__ import annotations

import bisect
import re

import rjsmin

_KEPT = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_RUN = re.compile(r"[ \t\r\f]*\n\s*")
_SPACES = re.compile(r"(?<=>)[ \t]{2,}(?=<|$)")     # $: a kept element's tag follows
# A tag (or a comment, the doctype), white space holding a line break, and the next tag.
_BETWEEN = re.compile(
    r"(<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?>|<!--.*?-->|<!doctype[^>]*>)[ \t\r\f]*\n\s*(?=<(/?)([a-zA-Z][a-zA-Z0-9]*)?)",
    re.S | re.I)
# Elements a browser lays out as blocks, or that show nothing (the head's, the script's).
BLOCKS = frozenset("""html head body meta link title script style noscript template header footer main
nav section article aside div p ul ol li dl dt dd h1 h2 h3 h4 h5 h6 form fieldset legend table caption
colgroup col thead tbody tfoot tr td th figure figcaption pre hr br details summary blockquote address
svg g path defs text""".split())     # white space between an SVG's shapes and labels draws nothing


def _drop_between_blocks(html: str) -> str:
    kept = [m.span() for m in _KEPT.finditer(html)]
    starts = [a for a, _ in kept]

    def between(m: re.Match) -> str:
        at = m.end(1)                               # where the white space starts
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and at < kept[i][1]:
            return m.group(0)                       # inside <pre>, <textarea> or <script>
        before, after = (m.group(3) or "").lower(), (m.group(5) or "").lower()
        if not m.group(3) or before in BLOCKS or after in BLOCKS:
            return m.group(1)
        return m.group(0)

    return _BETWEEN.sub(between, html)


def collapse_whitespace(html: str) -> str:
    parts = _KEPT.split(_drop_between_blocks(html))
    # split() gives: text, kept element, its tag name, text, …
    out = []
    for n, part in enumerate(parts):
        kind = n % 3
        if kind == 0:
            out.append(_SPACES.sub(" ", _RUN.sub("\n", part)))
        elif kind == 1:
            out.append(part)
    return "".join(out)




def minified_script(rel: str, data: bytes) -> bytes:
    """A theme file as published: a script not minified already loses its comments and white
    space (a /*! … */ comment, a licence, is kept); anything else as it is."""
    if not rel.endswith(".js") or rel.endswith(".min.js"):
        return data
    return rjsmin.jsmin(data.decode("utf-8"), keep_bang_comments=True).encode("utf-8")


__all__ = ["collapse_whitespace", "minified_script"]
