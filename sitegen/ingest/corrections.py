"""Editors' corrections to a page, kept with the content and applied by every ingest.

What an editor changes in an article file is kept by the file itself (its ``ingest_hash``
no longer matches). What an editor decides about a *page* — this article is not to be
published, and later: cut here, these two are one article, this is its headline — has no
article file to live in, and must survive re-ingesting the page with another segmenter.
It lives in one small record per page file::

    content/_corrections/<page path in the pages folder>.toml
    content/_corrections/2020-07-06/p03.txt.toml

beside the articles, so it is committed, reviewed and restored with them. One record a
page, found by the page's path, because every correction to come is about a page's text;
kept apart from ``.ingest-state.json``, which is ingest's own bookkeeping, because this is
an editor's word: ingest changes it only as an editor asked (a deleted file, ``--restore``).
It is plain
TOML an editor can read and change by hand, written only when a correction is made (each
write atomic: a temporary file renamed over the old one), and removed when nothing is left
in it. Ingest reads a page's record before it cuts the page, so that corrections come
before anything else; a page whose record was changed by hand is ingested again even when
its text is unchanged (the state keeps a hash of the record last applied). A record that is
not valid TOML, or holds a key ingest does not know, stops that page with
``file:line: message``: a misspelt key must not silently publish what an editor deleted.

Keys:

``deleted = ["20200720-766ca60c", …]``
    Articles an editor deleted. Deleting an article's file is how an editor says so: the
    next ingest sees that a file it wrote is missing everywhere under ``content/``, records
    the id here and reports ``kept deleted``; from then on ingest does not write it again.
    ``sitegen ingest --restore ID`` (or taking the id out by hand) writes the article
    again; an id listed by hand takes its article down (its file is removed unless it was
    edited). Ids are the identities ``identity`` keeps, so a deletion outlives edits to the
    page and a new segmentation of it.

``[[article]]`` (``sitegen split``, ``sitegen merge``)
    The page's articles as an editor cut them, one table each, in page order::

        [[article]]
        id = "20200720-1a2b3c4d"                 # its id (URL), whatever the text now
        at = "安全会上，陶然亭街道总工会工作人员"   # the opening of the paragraph its text starts at
        headline = "…"                           # the headline the page printed for it, if any
        title = "…"                              # optional: the editor's headline

    A page with such tables is *kept as corrected*: ingest cuts it at the ``at`` anchors
    and nowhere else, whatever the segmenter would do (``sitegen.ingest.regroup``). An
    anchor is the opening characters of a paragraph, compared as letters and digits only,
    so it outlives spacing, punctuation and line-wrap changes; a merged article has more
    (``at = ["…", "…"]``): first where its own text starts, then each run of paragraphs
    merged into it. ``headline`` finds the article's headline again when a segmenter leaves
    it among the paragraphs (and the article, when its opening is gone). ``joins = "ID"``
    (with ``place = "after"`` or ``"before"``) sends the text to an article of another
    page: a story continued from one page on another (上接/下转), merged into one.

    Three more keys say what an editor moved between the page's articles, by its text
    (compared as letters and digits only), so that they hold under any cut of the page:

    ``takes = ["…"]`` (``sitegen headline``)
        Headline lines this article takes from another article of the page: a headline,
        kicker or subtitle the page printed over the wrong body, or a subhead (``###``)
        left in another article's text. A headline taken is its headline (a headline it
        still has becomes its kicker, so no text is lost); a kicker or subtitle, its
        subtitle; a subhead, its headline when it has none, else a subtitle. Two articles
        whose headlines were swapped each take the other's.
    ``residue = ["…"]`` (``sitegen join-residue``)
        Residue lines of the page (printed lines ingest placed in no article) that are this
        article's text: each joins it where it is printed, among its paragraphs in page order.
    ``not_article = "residue"`` or ``"furniture"`` (``sitegen unarticle``)
        This is no article: its text is the page's residue (reported by ingest), or the
        page's furniture (its header, a rule, an advertisement strip: not reported); its id
        went away, and its URL leads to its issue's page.

    A line is found again when an OCR fix changed a character of it (nearly equal, and no
    other line as near); one no longer on the page is reported and left where it is.

``[fields."20200720-766ca60c"]`` (``sitegen set``)
    Front-matter fields an editor set on one article, by id (``kind = "photo"``,
    ``districts = ["朝阳区"]``, …; ``""`` clears ``title``, ``date`` or ``page``), and
    ``at``, the article's opening, which finds it when the id is not on the page any more.

"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.content.files import ARTICLE_ID
from sitegen.errors import SitegenError, read_toml

CORRECTIONS_DIR = "_corrections"
KEYS = ("deleted", "article", "fields")
ENTRY_KEYS = ("id", "at", "headline", "title", "joins", "place", "takes", "residue", "not_article")
NOT_ARTICLE = ("residue", "furniture")
# The front-matter fields an editor may set (``sitegen set``), and the kinds one may give.
FIELDS = ("title", "subtitles", "kind", "reporters", "correspondents", "photographers", "authors",
          "districts", "places", "tags", "date", "page")
LIST_FIELDS = ("subtitles", "reporters", "correspondents", "photographers", "authors", "districts", "places", "tags")
EDITOR_KINDS = ("news", "photo", "column", "continuation", "ad")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The ``deleted = [...]`` assignment, whatever its layout: strings and comments may hold "]".
_DELETED = re.compile(r'^deleted[ \t]*=[ \t]*\[(?:[^\]"#]|"[^"\n]*"|#[^\n]*)*\][^\n]*\n?', re.M)
_TABLE = re.compile(r"^[ \t]*\[", re.M)


def corrections_path(content_dir: Path, relpath: str) -> Path:
    return Path(content_dir) / CORRECTIONS_DIR / f"{relpath}.toml"


@dataclass
class ArticleEntry:
    """One article of a page as an editor cut it."""
    id: str
    at: list[str]                        # the openings of its runs of paragraphs, the first where it starts
    title: str | None = None             # the editor's headline
    joins: str | None = None             # its text goes to this article (of another page)
    place: str = "after"                 # … after that article's text, or before it
    headline: str | None = None          # the headline the page printed for it (found again by its text)
    takes: list[str] = field(default_factory=list)      # headline lines it takes from other articles
    residue: list[str] = field(default_factory=list)    # residue lines of the page that join it
    not_article: str | None = None       # "residue" | "furniture": no article, its text set aside

    def to_toml(self) -> str:
        rows = [f"id = {_q(self.id)}",
                "at = " + (_q(self.at[0]) if len(self.at) == 1 else "[" + ", ".join(map(_q, self.at)) + "]")]
        if self.headline:
            rows.append(f"headline = {_q(self.headline)}")
        if self.title:
            rows.append(f"title = {_q(self.title)}")
        if self.joins:
            rows += [f"joins = {_q(self.joins)}", f"place = {_q(self.place)}"]
        if self.takes:
            rows.append(f"takes = {_q(self.takes)}")
        if self.residue:
            rows.append(f"residue = {_q(self.residue)}")
        if self.not_article:
            rows.append(f"not_article = {_q(self.not_article)}")
        return "[[article]]\n" + "".join(r + "\n" for r in rows)


def _q(value) -> str:
    """A TOML value: a basic string (JSON's escapes are TOML's) or a list of them."""
    import json

    if isinstance(value, list):
        return "[" + ", ".join(_q(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")   # TOML has no raw DEL


def check_field(name: str, value, where=None, line: int | None = None):
    """A field value as the record keeps it, or a SitegenError saying what is wrong."""
    if name not in FIELDS:
        raise SitegenError(f"unknown field {name!r} (fields: {', '.join(FIELDS)})", where, line)
    if name in LIST_FIELDS:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SitegenError(f"{name!r} must be a list of strings", where, line)
        return [v.strip() for v in value if v.strip()]
    if not isinstance(value, str):
        raise SitegenError(f"{name!r} must be a string", where, line)
    value = value.strip()
    if name == "kind" and value not in EDITOR_KINDS:
        raise SitegenError(f"kind must be one of {'|'.join(EDITOR_KINDS)}, not {value!r}", where, line)
    if name == "date" and value:
        import datetime

        try:
            if not _DATE.match(value):
                raise ValueError
            datetime.date.fromisoformat(value)
        except ValueError:
            raise SitegenError(f"date must be a date YYYY-MM-DD, not {value!r}", where, line) from None
    return value


@dataclass
class PageCorrections:
    path: Path
    relpath: str
    deleted: list[str] = field(default_factory=list)
    articles: list[ArticleEntry] = field(default_factory=list)     # the page as cut by an editor
    fields: dict[str, dict] = field(default_factory=dict)          # id → field → value (and "at")
    text: str | None = None            # the file as it was read (None: no file)

    @property
    def corrected(self) -> bool:
        """The editor changed the page's articles (not only deleted some)."""
        return bool(self.articles or self.fields)

    @classmethod
    def load(cls, content_dir: Path, relpath: str) -> "PageCorrections":
        path = corrections_path(content_dir, relpath)
        if not path.is_file():
            return cls(path, relpath)
        data, text = read_toml(path, "corrections file")

        def line_of(key: str, after: int = 0) -> int:
            m = re.compile(rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", re.M).search(text, after)
            return text[: m.start()].count("\n") + 1 if m else 1

        def table_at(n: int) -> int:
            """Where the n-th [[article]] table starts (offset)."""
            found = list(re.finditer(r"^[ \t]*\[\[[ \t]*article[ \t]*\]\]", text, re.M))
            return found[n].start() if n < len(found) else 0

        for key in data:
            if key not in KEYS:
                raise SitegenError(f"unknown key {key!r} (known: {', '.join(KEYS)})", path, line_of(key))
        deleted = data.get("deleted", [])
        if not isinstance(deleted, list) or not all(isinstance(i, str) and ARTICLE_ID.match(i) for i in deleted):
            raise SitegenError("'deleted' must be a list of article ids (\"20200720-766ca60c\")", path,
                               line_of("deleted"))
        entries = data.get("article", [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise SitegenError("'article' must be tables [[article]]", path, line_of("article"))
        articles, seen = [], set()
        for n, e in enumerate(entries):
            start = table_at(n)
            line = text[:start].count("\n") + 1
            for key in e:
                if key not in ENTRY_KEYS:
                    raise SitegenError(f"unknown key {key!r} in [[article]] (known: {', '.join(ENTRY_KEYS)})",
                                       path, line_of(key, start))
            ident, at = e.get("id"), e.get("at")
            if not isinstance(ident, str) or not ARTICLE_ID.match(ident):
                raise SitegenError("[[article]] needs an id (\"20200720-766ca60c\")", path, line)
            if ident in seen:
                raise SitegenError(f"[[article]] id {ident!r} is given twice", path, line_of("id", start))
            seen.add(ident)
            at = [at] if isinstance(at, str) else at
            if not isinstance(at, list) or not at or not all(isinstance(a, str) and a.strip() for a in at):
                raise SitegenError("[[article]] needs 'at': the opening of the paragraph it starts at", path,
                                   line_of("at", start) if "at" in e else line)
            title, joins, place = e.get("title"), e.get("joins"), e.get("place", "after")
            for key in ("title", "headline"):
                if e.get(key) is not None and not isinstance(e.get(key), str):
                    raise SitegenError(f"{key!r} must be a string", path, line_of(key, start))
            if joins is not None and not (isinstance(joins, str) and ARTICLE_ID.match(joins)):
                raise SitegenError("'joins' must be an article id", path, line_of("joins", start))
            if place not in ("after", "before"):
                raise SitegenError("'place' must be \"after\" or \"before\"", path, line_of("place", start))
            lists = {}
            for key in ("takes", "residue"):
                value = e.get(key, [])
                value = [value] if isinstance(value, str) else value
                if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                    raise SitegenError(f"{key!r} must be a list of lines (strings)", path, line_of(key, start))
                lists[key] = value
            not_article = e.get("not_article")
            if not_article is not None and not_article not in NOT_ARTICLE:
                raise SitegenError("'not_article' must be \"residue\" or \"furniture\"", path,
                                   line_of("not_article", start))
            articles.append(ArticleEntry(ident, list(at), title or None, joins, place, e.get("headline") or None,
                                         lists["takes"], lists["residue"], not_article))
        fields_data = data.get("fields", {})
        if not isinstance(fields_data, dict) or not all(isinstance(v, dict) for v in fields_data.values()):
            raise SitegenError("'fields' must be tables [fields.\"ID\"]", path, line_of("fields"))
        fields = {}
        for ident, values in fields_data.items():
            m = re.search(rf'^[ \t]*\[[ \t]*fields[ \t]*\.[ \t]*["\']?{re.escape(ident)}["\']?[ \t]*\]', text, re.M)
            start = m.start() if m else 0
            if not ARTICLE_ID.match(ident):
                raise SitegenError(f"[fields.{ident!r}]: not an article id", path, text[:start].count("\n") + 1)
            checked = {}
            for name, value in values.items():
                line = line_of(name, start)
                if name == "at":
                    if not isinstance(value, str):
                        raise SitegenError("'at' must be a string", path, line)
                    checked[name] = value
                else:
                    checked[name] = check_field(name, value, path, line)
            fields[ident] = checked
        return cls(path, relpath, list(dict.fromkeys(deleted)), articles, fields, text)

    def _deleted_block(self, titles: dict[str, str] | None) -> str:
        # Each id's comment (its headline) is kept; a new id's is its headline now.
        titles = {**dict(re.findall(r'"([A-Za-z0-9_-]+)",?[ \t]*#[ \t]*([^\n]*)', self.text or "")), **(titles or {})}
        rows = "".join(f'    "{i}",{"  # " + _comment(titles[i]) if titles.get(i) else ""}\n' for i in self.deleted)
        return f"deleted = [\n{rows}]\n" if self.deleted else ""

    def _header(self) -> str:
        return (f"# Editors' corrections to the page file {self.relpath}, applied by `sitegen ingest`.\n"
                "# Commit this file with the content.\n"
                "#\n"
                "# deleted: articles deleted by hand; ingest does not write them again\n"
                "# (`sitegen ingest --restore ID` brings one back).\n")

    def save(self, titles: dict[str, str] | None = None) -> None:
        """Write the ``deleted`` list into the record as it is (atomically), keeping the
        rest of its text, or remove the record when nothing is left in it."""
        block = self._deleted_block(titles)
        if self.text is None:
            if not block:
                return
            text = self._header() + block
        elif _DELETED.search(self.text):
            text = _DELETED.sub(lambda m: block, self.text, count=1)
        else:
            # Before the first table: a key after a [table] line would be that table's.
            m = _TABLE.search(self.text)
            at = m.start() if m else len(self.text)
            head = self.text[:at]
            text = head + ("" if head.endswith("\n") or not head else "\n") + block + \
                ("\n" if m and block else "") + self.text[at:]
        self._write(text)

    def render(self, titles: dict[str, str] | None = None, comments: dict[str, str] | None = None) -> str:
        """The whole record from its data (what ``sitegen split``/``merge``/``set`` write):
        the comment lines it opens with are kept, the rest is written afresh.
        ``comments``: id → a line naming the article (its headline), over its table."""
        comments = comments or {}
        head = ""
        if self.text:
            m = re.match(r"(?:[ \t]*#[^\n]*\n)*", self.text)
            head = m.group(0) if m else ""
        head = head.rstrip("\n") + "\n" if head.strip() else self._header()
        parts = [head]
        block = self._deleted_block(titles)
        if block:
            parts.append("\n" + block)
        if self.articles:
            parts.append("\n# article: the page's articles as an editor cut them (sitegen split / merge), in page\n"
                         "# order. Ingest cuts the page at these openings (`at`, letters and digits\n"
                         "# compared) and nowhere else; `joins` sends an article's text to an article of\n"
                         "# another page it continues.\n")
            if any(e.takes or e.residue or e.not_article for e in self.articles):
                parts.append("# takes: headline lines it takes from another article (sitegen headline);\n"
                             "# residue: residue lines that join it (sitegen join-residue); not_article:\n"
                             "# its text is the page's residue or furniture (sitegen unarticle).\n")
            for e in self.articles:
                note = None if e.headline or e.title else comments.get(e.id)
                parts.append("\n" + (f"# {_comment(note, 60)}\n" if note else "") + e.to_toml())
        if self.fields:
            parts.append("\n# fields: front-matter fields an editor set (sitegen set), by article id;\n"
                         "# `at` is the article's opening, which finds it if its id is gone.\n")
            for ident, values in self.fields.items():
                note = comments.get(ident)
                rows = "".join(f"{k} = {_q(v)}\n" for k, v in values.items())
                parts.append("\n" + (f"# {_comment(note, 60)}\n" if note else "") + f"[fields.{_q(ident)}]\n" + rows)
        return "".join(parts)

    def write(self, titles: dict[str, str] | None = None, comments: dict[str, str] | None = None) -> None:
        """Write the record from its data (see ``render``), or remove it when empty."""
        self._write(self.render(titles, comments) if (self.deleted or self.articles or self.fields) else "")

    def _write(self, text: str) -> None:
        from sitegen.ingest.store import write_atomic

        if not re.search(r"^[ \t]*[A-Za-z\"\[]", text, re.M):     # no key left: only the header
            if self.path.exists():
                self.path.unlink()
                _prune(self.path.parent, self.path.parents[len(Path(self.relpath).parts) - 1])
            self.text = None
            return
        if text != self.text:
            write_atomic(self.path, text)
            self.text = text


def _comment(title: str, width: int = 40) -> str:
    return " ".join(title.split())[:width]


def _prune(folder: Path, top: Path) -> None:
    """Remove the folders a removed record leaves empty, up to the corrections folder."""
    while True:
        try:
            folder.rmdir()
        except OSError:
            return
        if folder == top:
            return
        folder = folder.parent


def record_hash(path: Path) -> str:
    import hashlib

    return hashlib.sha1(Path(path).read_bytes()).hexdigest()[:16]


def record_hashes(content_dir: Path) -> dict[str, str]:
    """Page path → a hash of its record's text, for every record (read, not parsed: cheap)."""
    root = Path(content_dir) / CORRECTIONS_DIR
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix()[: -len(".toml")]: record_hash(p) for p in sorted(root.rglob("*.toml"))}


def all_corrections(content_dir: Path) -> list[PageCorrections]:
    root = Path(content_dir) / CORRECTIONS_DIR
    if not root.is_dir():
        return []
    return [PageCorrections.load(content_dir, p.relative_to(root).as_posix()[: -len(".toml")])
            for p in sorted(root.rglob("*.toml"))]
