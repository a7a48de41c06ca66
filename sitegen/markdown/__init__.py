"""Article bodies: Markdown to HTML, with any HTML in the text shown as text.

OCR text and editors' files may contain ``<`` and ``&`` (``<script>`` in a quoted tweet,
say); they are escaped before Markdown sees them, so nothing from a page becomes markup.
"""

from __future__ import annotations

import functools
import html
import re

import markdown as _markdown


@functools.lru_cache(maxsize=1)
def _converter() -> _markdown.Markdown:
    return _markdown.Markdown(extensions=[], output_format="html")


def render_body(text: str) -> str:
    md = _converter()
    md.reset()
    return md.convert(html.escape(text, quote=False))


_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def plain_text(text: str) -> str:
    """The body as one line of text (for descriptions and snippets)."""
    # A subhead (### 小标题) reads as text; a leading backslash only escapes Markdown; the
    # lines of a verse or a list read as one line.
    return " ".join(_LINE_BREAK.sub(" ", _HEADING_MARK.sub("", p.strip()).lstrip("\\"))
                    for p in text.split("\n\n") if p.strip())
