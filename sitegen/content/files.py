"""Reading and writing article files: YAML front matter, then the Markdown body.

The text form is deterministic (fixed key order, fixed quoting) so that ingesting the same
page twice gives byte-identical files, and an editor's change shows up as a hash mismatch.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import re
from pathlib import Path

import yaml

from sitegen.content.article import KINDS, Article
from sitegen.errors import SitegenError

FIELD_ORDER = [f.name for f in dataclasses.fields(Article) if f.name not in ("body",)]
LIST_FIELDS = {f.name for f in dataclasses.fields(Article) if f.type == "list[str]"}
_HASH_LINE = re.compile(r"^ingest_hash: .*\n", re.M)
ARTICLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")     # an id is a URL segment


class ArticleFileError(SitegenError):
    """An article file that cannot be read; names the file and line."""


# libyaml's C loader and dumper when PyYAML has them (its wheels do): ten times faster on
# an archive of many thousand files, same results.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_SafeLoader):
    """The safe loader, strict where an article file must be: a key given twice is an
    error (which of the two did the editor mean?), and dates stay text, checked here with
    their line instead of failing inside YAML (2020-02-30)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"'{key}' is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()}
_ANCHOR_HINT = re.compile(r"(?:^|[\s\[{,:])[&*][^\s,\]}]")
SCALAR_FIELDS = {"id", "title", "kind", "source", "page", "date", "date_source", "column", "byline",
                 "continued_from", "continued_to", "ingest_hash"}
YEARS = range(1800, 2101)


def _anchors(raw: str) -> int | None:
    """The line of the first YAML anchor or alias (&a, *a) in the front matter: an article
    needs none, and aliases of aliases make a few lines expand past any memory."""
    if not _ANCHOR_HINT.search(raw):
        return None
    try:
        for token in yaml.scan(raw, Loader=yaml.SafeLoader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                return token.start_mark.line + 2
    except yaml.YAMLError:
        return None                 # the load reports it, with its line
    return None


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


_PLAIN_UNSAFE = re.compile(
    r"""^(?:[-?:,\[\]{}#&*!|>'"%@`~]|$)|: |\s#|^\s|\s$|^(?:y|n|yes|no|on|off|true|false|null|~)$"""
    r"|^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^\d{4}-\d\d?-\d\d?|^0[xob]|^[-+]?\.(?:inf|nan)$",
    re.I)


def _str_presenter(dumper, value: str):
    # Quote strings YAML would otherwise read back as something else (dates, numbers, yes/no).
    style = '"' if _PLAIN_UNSAFE.search(value) or "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)
# Lists on one line ([陈曦, 牛亚乐]); the mapping itself always one key a line, so that the
# ingest hash line can follow it.
_Dumper.add_representer(list, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _front_matter(article: Article) -> str:
    data = {}
    for name in FIELD_ORDER:
        if name == "ingest_hash":
            continue
        value = getattr(article, name)
        if value is None or (name in LIST_FIELDS and not value):
            if name in ("title", "date", "page"):
                data[name] = None      # keep the key so editors see where it goes
            continue
        data[name] = list(value) if name in LIST_FIELDS else value
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)


def content_hash(text: str) -> str:
    """Hash of an article file's text, leaving out its own ``ingest_hash`` line."""
    return hashlib.sha256(_HASH_LINE.sub("", text, count=1).encode("utf-8")).hexdigest()[:16]


def article_to_text(article: Article, with_hash: bool = True) -> str:
    """The file text for an article; with ``with_hash`` the ingest hash is stamped in."""
    body = article.body.strip("\n")
    text = f"---\n{_front_matter(article)}---\n\n{body}\n"
    if not with_hash:
        return text
    digest = content_hash(text)
    return text.replace("\n---\n\n", f"\ningest_hash: {digest}\n---\n\n", 1)


_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


def article_from_text(text: str, path: Path | str = "<text>") -> Article:
    m = _FRONT.match(text)
    if not m:
        raise ArticleFileError("no front matter: the file must start with a line '---'", path, 1)
    raw = m.group(1) or ""
    anchor = _anchors(raw)
    if anchor is not None:
        raise ArticleFileError("front matter may not use YAML anchors or aliases (&name, *name)", path, anchor)
    try:
        data = yaml.load(raw, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleFileError(f"front matter is not valid YAML: {problem}", path, line) from None
    if not isinstance(data, dict):
        raise ArticleFileError("front matter must be a mapping of field: value", path, 2)

    def line_of(key: str) -> int:
        for i, row in enumerate(raw.splitlines(), start=2):
            if row.startswith(f"{key}:"):
                return i
        return 2

    known = {f.name for f in dataclasses.fields(Article)}
    values = {}
    for key, value in data.items():
        if key not in known:
            continue                                  # extra fields are the editor's business
        if isinstance(value, (_dt.date, _dt.datetime)):
            value = value.isoformat()[:10]
        if key in LIST_FIELDS:
            if value is None:
                value = []
            elif isinstance(value, str):
                value = [value]
            if not isinstance(value, list):
                raise ArticleFileError(f"'{key}' must be a list", path, line_of(key))
            value = [str(v) for v in value if v is not None and str(v).strip()]
        elif key == "order":
            if not isinstance(value, int) or isinstance(value, bool):
                raise ArticleFileError("'order' must be a whole number", path, line_of(key))
        elif isinstance(value, (list, dict)):
            raise ArticleFileError(f"'{key}' must be one value, not a {'list' if isinstance(value, list) else 'mapping'}",
                                   path, line_of(key))
        elif value is not None:
            value = str(value)
        values[key] = value
    if not values.get("id"):
        values["id"] = Path(str(path)).stem
    if not ARTICLE_ID.match(values["id"]):
        raise ArticleFileError(f"'id' must be ASCII letters, digits, - or _: {values['id']!r}", path, line_of("id"))
    kind = values.get("kind") or "news"
    if kind not in KINDS:
        raise ArticleFileError(f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}", path, line_of("kind"))
    date = values.get("date")
    if date:
        try:
            day = _dt.date.fromisoformat(date) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None
        except ValueError:
            raise ArticleFileError(f"'date' {date!r} is no day of the calendar", path, line_of("date")) from None
        if day is None:
            raise ArticleFileError(f"'date' must be YYYY-MM-DD, not {date!r}", path, line_of("date"))
        if day.year not in YEARS:
            raise ArticleFileError(f"'date' {date!r} is outside {YEARS[0]}–{YEARS[-1]}", path, line_of("date"))
    values["body"] = text[m.end():].strip("\n")
    return Article(**values)


def read_article(path: Path) -> Article:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ArticleFileError("not UTF-8 text", path, line) from None
    return article_from_text(text, path)


def is_edited(text: str) -> bool:
    """True when a file written by ingest has since been changed by hand."""
    m = re.search(r"^ingest_hash: (\S+)$", text, re.M)
    return m is None or m.group(1) != content_hash(text)


def check_unique_ids(articles: list[Article], paths: list[Path] | None = None) -> list[Article]:
    """The articles, if no two share an id (the id is the URL); else an error naming both
    files (``paths``: each article's file)."""
    seen: dict[str, int] = {}
    for n, a in enumerate(articles):
        if a.id in seen:
            first = paths[seen[a.id]] if paths else articles[seen[a.id]].source
            raise ArticleFileError(f"duplicate id {a.id!r}: {first} has it too (an id is a URL: "
                                   "give one of them another id, or delete one)", paths[n] if paths else a.source or a.id)
        seen[a.id] = n
    return articles


def load_articles(content_dir: Path) -> list[Article]:
    """Every article under ``content_dir``; the first broken file raises with its path and line."""
    paths = sorted(Path(content_dir).rglob("*.md"))
    return check_unique_ids([read_article(p) for p in paths], paths)
