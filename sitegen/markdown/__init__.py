"""Article bodies to HTML: the few marks ingest writes are markup, everything else is text.

A body is page text: what the OCR read, joined into paragraphs by ingest and corrected by
editors. Text read off a printed page is never markup, so the body is *not* read as
general Markdown. Exactly three things in it are markup, the three ingest itself writes:

- **paragraphs**, separated by a blank line (a line of nothing but whitespace);
- **a subhead** (小标题): a paragraph whose first line starts with ``### `` is an ``<h3>``
  of the rest of that line; the lines after it, if any, start a new paragraph;
- **line breaks** of verse or a list: a line ending in two spaces is followed by ``<br>``.

And one escape: a paragraph that ingest found starting with something Markdown would read
as markup (``#``, ``>``, ``- ``, ``+ ``, ``* ``, ``1. ``, ``1) ``) was written with one
backslash in front (``\\# 话题``); that backslash is dropped and the rest shown as written.

Everything else is shown exactly as written, HTML-escaped: ``*强调*`` keeps its asterisks,
``注\\*`` its backslash, `` `code` `` its backticks, ``&lt;`` reads ``&lt;``, ``<b>`` reads
``<b>``. Link and image syntax (``[点击](javascript:…)``, ``[r]: https://…``, ``![图](data:…)``,
``<https://…>``) is text too, whatever its URL: a printed page has no links, and a body
cannot tell an editor's link from one the OCR read off a page. So a body carries no URL
and the HTML made here has no attribute at all; the only links on an article's page are
the ones the site makes from ids, dates, tags and names.

The reading is Python-Markdown's, with every construct but these switched off, rather
than a reader of our own: paragraphs and line breaks are its own processors, the subhead
and the escape two small extensions of it.
"""

from __future__ import annotations

import functools
import hashlib
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from pathlib import Path

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

SUBHEAD = "### "                                # what ingest writes before a subhead
# What ingest escapes at a paragraph's start (sitegen/segmentation/segment.py uses this
# pattern to write the escape), matched after the backslash.
ESCAPED_LEAD = re.compile(r"#|>|[-+*]\s|\d+[.)]\s")
_BLANK_LINE = re.compile(r"\n\s*\n")           # a blank line (or several) between paragraphs


def _rules() -> str:
    # What a body's HTML depends on besides its text: this module. A build keeps rendered
    # bodies keyed by both (sitegen/site/cache.py), so new rules render every body again
    # instead of serving HTML the old ones made.
    try:
        return hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:16]
    except OSError:
        return "2"


RULES = _rules()


def _blocks(text: str) -> Iterator[tuple[bool, str]]:
    """``(is_subhead, text)`` for each paragraph and subhead of the body, in order."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for block in _BLANK_LINE.split(text):
        block = block.strip()
        while block:
            first = block[0]
            if first == "#" and block.startswith(SUBHEAD):
                head, _, rest = block.partition("\n")
                head = head[len(SUBHEAD):].strip()
                if head:
                    yield True, head
                    block = rest.strip()
                    continue
            elif first == "\\" and ESCAPED_LEAD.match(block, 1):
                block = block[1:]
            yield False, block
            break


def _escape(text: str) -> str:
    # html.escape(text, quote=False), without its call overhead.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


class _Subhead(BlockProcessor):
    """``### 小标题`` at a paragraph's start: an ``<h3>``; the lines after it a new paragraph."""

    def test(self, parent, block) -> bool:
        return block.startswith(SUBHEAD) and bool(block.partition("\n")[0][len(SUBHEAD):].strip())

    def run(self, parent, blocks) -> None:
        head, _, rest = blocks.pop(0).partition("\n")
        etree.SubElement(parent, "h3").text = head[len(SUBHEAD):].strip()
        if rest.strip():
            blocks.insert(0, rest)


class _Escape(Treeprocessor):
    """Ingest's one backslash before a paragraph that opens like Markdown (``\\# 话题``)."""

    def run(self, root) -> None:
        for p in root.iter("p"):
            if p.text and p.text.startswith("\\") and ESCAPED_LEAD.match(p.text, 1):
                p.text = p.text[1:]
            if p.text and not len(p):
                p.text = p.text.rstrip()


class _Lines(Preprocessor):
    """Line ends made one; the markers Python-Markdown keeps for itself taken out of the text."""

    def run(self, lines: list[str]) -> list[str]:
        return [re.sub(r"[\x02\x03]", "", line) if ("\x02" in line or "\x03" in line) else line for line in lines]


@functools.lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """Python-Markdown with every construct but paragraphs, the subhead and the line
    break switched off: no emphasis, code, link, image, reference, list, quote, rule,
    raw HTML or entity is read, so all of them are shown as text (the serializer escapes
    ``&``, ``<`` and ``>`` in it)."""
    md = markdown.Markdown(output_format="html")
    md.preprocessors.deregister("html_block")
    md.preprocessors.deregister("normalize_whitespace")        # it expands tabs: text stays as written
    md.preprocessors.register(_Lines(md), "lines", 30)
    for name in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote", "reference"):
        md.parser.blockprocessors.deregister(name)
    md.parser.blockprocessors.register(_Subhead(md.parser), "subhead", 70)
    for name in [p.name for p in md.inlinePatterns._priority]:
        if name != "linebreak":
            md.inlinePatterns.deregister(name)
    md.treeprocessors.register(_Escape(md), "ingest_escape", 25)
    md.postprocessors.deregister("raw_html")
    return md


def render_body(text: str) -> str:
    """The body as HTML: ``<p>``, ``<h3>`` and ``<br>`` elements and escaped text."""
    md = _converter()
    md.reset()
    # Every & is text: the serializer would pass an entity (&#60;) through as markup.
    return md.convert(text.replace("\r\n", "\n").replace("\r", "\n").replace("&", "&amp;"))


def plain_text(text: str) -> str:
    """The body as one line of text, as a reader sees it (for descriptions and snippets):
    a subhead reads as text, ingest's escape is gone, the lines of a verse or a list and
    the paragraphs are joined by a space; every other character stays as written."""
    parts = []
    for _, block in _blocks(text):
        parts.append(" ".join(line.strip() for line in block.split("\n")) if "\n" in block else block)
    return " ".join(parts)
