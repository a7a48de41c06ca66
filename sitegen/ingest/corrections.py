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

Keys now:

``deleted = ["20200720-766ca60c", …]``
    Articles an editor deleted. Deleting an article's file is how an editor says so: the
    next ingest sees that a file it wrote is missing everywhere under ``content/``, records
    the id here and reports ``kept deleted``; from then on ingest does not write it again.
    ``sitegen ingest --restore ID`` (or taking the id out by hand) writes the article
    again; an id listed by hand takes its article down (its file is removed unless it was
    edited). Ids are the identities ``identity`` keeps, so a deletion outlives edits to the
    page and a new segmentation of it.

Room is left for the corrections to come (``boundaries``, ``titles``, ``merged``): new keys
of the same record, read here and handed to the pipeline before it segments the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import SitegenError, read_toml

CORRECTIONS_DIR = "_corrections"
KEYS = ("deleted",)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# The ``deleted = [...]`` assignment, whatever its layout: strings and comments may hold "]".
_DELETED = re.compile(r'^deleted[ \t]*=[ \t]*\[(?:[^\]"#]|"[^"\n]*"|#[^\n]*)*\][^\n]*\n?', re.M)


def corrections_path(content_dir: Path, relpath: str) -> Path:
    return Path(content_dir) / CORRECTIONS_DIR / f"{relpath}.toml"


@dataclass
class PageCorrections:
    path: Path
    relpath: str
    deleted: list[str] = field(default_factory=list)
    text: str | None = None            # the file as it was read (None: no file)

    @classmethod
    def load(cls, content_dir: Path, relpath: str) -> "PageCorrections":
        path = corrections_path(content_dir, relpath)
        if not path.is_file():
            return cls(path, relpath)
        data, text = read_toml(path, "corrections file")

        def line_of(key: str) -> int:
            m = re.search(rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", text, re.M)
            return text[: m.start()].count("\n") + 1 if m else 1

        for key in data:
            if key not in KEYS:
                raise SitegenError(f"unknown key {key!r} (known: {', '.join(KEYS)})", path, line_of(key))
        deleted = data.get("deleted", [])
        if not isinstance(deleted, list) or not all(isinstance(i, str) and _ID.match(i) for i in deleted):
            raise SitegenError("'deleted' must be a list of article ids (\"20200720-766ca60c\")", path,
                               line_of("deleted"))
        return cls(path, relpath, list(dict.fromkeys(deleted)), text)

    def save(self, titles: dict[str, str] | None = None) -> None:
        """Write the record (atomically), or remove it when nothing is left in it."""
        from sitegen.ingest.store import write_atomic

        # Each id's comment (its headline) is kept; a new id's is its headline now.
        titles = {**dict(re.findall(r'"([A-Za-z0-9_-]+)",?[ \t]*#[ \t]*([^\n]*)', self.text or "")), **(titles or {})}
        rows = "".join(f'    "{i}",{"  # " + _comment(titles[i]) if titles.get(i) else ""}\n' for i in self.deleted)
        block = f"deleted = [\n{rows}]\n" if self.deleted else ""
        if self.text is None:
            if not block:
                return
            text = (f"# Editors' corrections to the page file {self.relpath}, applied by `sitegen ingest`.\n"
                    "# Commit this file with the content.\n"
                    "#\n"
                    "# deleted: articles deleted by hand; ingest does not write them again\n"
                    "# (`sitegen ingest --restore ID` brings one back).\n" + block)
        elif _DELETED.search(self.text):
            text = _DELETED.sub(lambda m: block, self.text, count=1)
        else:
            text = self.text + ("" if self.text.endswith("\n") or not self.text else "\n") + block
        if not re.search(r"^[ \t]*[A-Za-z\"]", text, re.M):     # no key left: only the header
            self.path.unlink(missing_ok=True)
            _prune(self.path.parent, self.path.parents[len(Path(self.relpath).parts) - 1])
            self.text = None
            return
        if text != self.text:
            write_atomic(self.path, text)
            self.text = text


def _comment(title: str) -> str:
    return " ".join(title.split())[:40]


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
