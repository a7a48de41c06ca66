"""What an editor types, read: ``FIELD=VALUE`` assignments, and a paragraph's first line
that reads as a headline (the headline a split-off article takes when none is typed)."""

from __future__ import annotations

import json
import re

from sitegen.errors import SitegenError
from sitegen.ingest.corrections import EDITOR_KINDS, FIELDS, LIST_FIELDS, check_field
from sitegen.ingest.identity import normalise

# Lists are typed with commas; names, districts, places and tags also with Chinese ones.
_ITEMS = re.compile(r"[,，、]")
_SENTENCE_END = tuple("。！？!?；;，,、：:…")
_MARKER = re.compile(r"[（(]\s*(?:[上紧]\s*接|下\s*转|转\s*(?:第|\d))|^\s*(?:广\s*告|Advertisement\b)")


def parse_assignment(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise SitegenError(f"expected FIELD=VALUE, not {text!r} (fields: {', '.join(FIELDS)})")
    return name, value


def field_value(name: str, raw: str, districts: list[str] | None = None):
    """The value of one field as typed (``kind=photo``, ``districts=朝阳区,海淀区``), as the
    record keeps it; a SitegenError saying what is wrong otherwise."""
    if name not in FIELDS:
        raise SitegenError(f"unknown field {name!r} (fields: {', '.join(FIELDS)})")
    raw = raw.strip()
    if name in LIST_FIELDS:
        parts = raw.split(",") if name == "subtitles" else _ITEMS.split(raw)
        value = list(dict.fromkeys(p.strip() for p in parts if p.strip()))
    else:
        value = raw
    if name == "kind" and value not in EDITOR_KINDS:
        raise SitegenError(f"kind must be one of {'|'.join(EDITOR_KINDS)}, not {value!r}")
    if name == "districts" and districts is not None:
        value = [_district(v, districts) for v in value]
    return check_field(name, value)


def _district(name: str, districts: list[str]) -> str:
    """A district of the gazetteer, by its full name or its short one (朝阳 → 朝阳区)."""
    if name in districts:
        return name
    short = [d for d in districts if d[:-1] == name or d.rstrip("区县") == name]
    if len(short) == 1:
        return short[0]
    raise SitegenError(f"{name!r} is not a district of the gazetteer (districts: {', '.join(districts)})")


def show(value) -> str:
    """A field value as a user reads it in a message."""
    if value is None or value == "":
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    return str(value)


def headline_line(paragraph: str, more_after: bool) -> str | None:
    """The paragraph's first line when it reads as a headline: a line of its own (or a
    subhead), short, not ending a sentence, no byline, credit or marker; and text after it,
    so that the article it heads has a body."""
    from sitegen.bylines import credit_ending, is_author_line, starts_news_byline

    subhead = paragraph.startswith("### ")
    text = re.sub(r"^(\\|### )", "", paragraph)
    line, _, rest = text.partition("\n")
    line = line.strip()
    if not line or not (rest.strip() or more_after):
        return None
    n = len(normalise(line))
    if not 4 <= n <= 40 or len(line) > 48:
        return None
    if not subhead and (line.endswith(_SENTENCE_END) or "。" in line or line.count("，") > 1):
        return None
    if starts_news_byline(line) or credit_ending(line) or is_author_line(line) or _MARKER.search(line):
        return None
    return line


def yaml_line(name: str, value) -> str:
    """One front-matter line (JSON is YAML: strings quoted, lists in brackets)."""
    if value is None or value == "" and name in ("title", "date", "page"):
        return f"{name}: null"
    return f"{name}: {json.dumps(value, ensure_ascii=False)}"
