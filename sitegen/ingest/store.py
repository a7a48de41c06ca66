"""Writing articles into the content folder without ever losing an editor's correction.

Every file ingest writes carries ``ingest_hash``, a hash of its own text. A file whose text
no longer matches its hash was changed by hand and is never overwritten or removed.

An article is its id, wherever its file is: ingest looks the id up among all the files
under ``content/`` (a file an editor moved to another folder is still that article, and
is neither written again at its old place nor counted as gone); two files with one id are
a clash, reported with both paths, and neither is touched. A file that ingest wrote and
that is now missing everywhere was deleted by an editor: the deletion is recorded in the
page's corrections (``corrections``) and the article is not written again.

The state file ``content/.ingest-state.json`` (committed with the content) records per
page file its text hash, its issue date, the articles it yielded (id → the path ingest
gave the file, the fingerprint ``identity`` matches by, and ``deleted`` when it is kept
deleted) and the ones that went away
(``gone``: id → the id that took most of its text, or null). The site sends the URL of
every id in the state that no article has any more to its successor, or to its issue.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.content import Article, article_to_text, is_edited
from sitegen.ingest.corrections import PageCorrections
from sitegen.ingest.identity import Fingerprint

STATE_NAME = ".ingest-state.json"


@dataclass
class PageChanges:
    written: list[Path] = field(default_factory=list)     # new or updated files
    unchanged: list[Path] = field(default_factory=list)
    kept_edited: list[Path] = field(default_factory=list)  # edited by hand: left alone
    removed: list[Path] = field(default_factory=list)      # generated earlier, no longer yielded
    appeared: list[str] = field(default_factory=list)      # article ids new to this page
    went_away: list[tuple[str, str | None, bool]] = field(default_factory=list)  # (id, successor, file kept)
    kept_deleted: list[tuple[str, bool]] = field(default_factory=list)      # (id, deleted since last time)
    clashes: list[tuple[str, list[Path]]] = field(default_factory=list)     # id in two files or more


def article_path(content_dir: Path, article: Article) -> Path:
    if article.date:
        year, month, _ = article.date.split("-")
        return content_dir / year / month / f"{article.id}.md"
    return content_dir / "undated" / f"{article.id}.md"


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class IngestState:
    """What ingest last wrote: per page file, its text hash, date, articles and gone ids."""
    pages: dict[str, dict] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, content_dir: Path) -> "IngestState":
        path = content_dir / STATE_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(pages=data.get("pages", {}), columns=data.get("columns", []))
        except (OSError, ValueError):
            return cls()

    def save(self, content_dir: Path) -> None:
        data = {"pages": dict(sorted(self.pages.items())), "columns": sorted(set(self.columns))}
        write_atomic(content_dir / STATE_NAME, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    def upgrade(self, content_dir: Path) -> None:
        """State written before fingerprints (article id → path): fingerprint the files as
        they are, so that the articles keep their ids (and URLs) across the upgrade."""
        from sitegen.content import read_article
        from sitegen.ingest.identity import fingerprint

        for record in self.pages.values():
            articles = record.get("articles", {})
            for ident, entry in articles.items():
                if isinstance(entry, str):
                    new = {"path": entry}
                    try:
                        a = read_article(content_dir / entry)
                        new.update(fingerprint(a.title, a.subtitles, a.body).to_json())
                        record.setdefault("date", a.date)
                    except Exception:      # missing or broken: it cannot be matched by its text
                        pass
                    articles[ident] = new

    def fingerprints(self, key: str, part: str = "articles") -> dict[str, Fingerprint | None]:
        return {i: Fingerprint.from_json(e) for i, e in self.pages.get(key, {}).get(part, {}).items()}

    def owners(self) -> dict[str, str]:
        """Every id the state knows → its page."""
        return {i: key for key, record in self.pages.items()
                for part in ("articles", "gone") for i in record.get(part, {})}


_ID_LINE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?:.*\n)*?id:[ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9_-]*)", re.M)


class ContentIndex:
    """Where each article id's file is under the content folder (files named by their id are
    taken at their word; others are read for the id in their front matter)."""

    def __init__(self, content_dir: Path, known: set[str]):
        self.paths: dict[str, list[Path]] = {}
        for path in sorted(Path(content_dir).rglob("*.md")):
            ident = path.stem
            if ident not in known:
                try:
                    m = _ID_LINE.match(path.read_text(encoding="utf-8")[:4000])
                except (OSError, UnicodeDecodeError):
                    m = None
                ident = m.group(1) if m else ident
            self.paths.setdefault(ident, []).append(path)

    def get(self, ident: str) -> list[Path]:
        return self.paths.get(ident, [])

    def put(self, ident: str, path: Path) -> None:
        self.paths[ident] = [path]

    def drop(self, ident: str, path: Path) -> None:
        left = [p for p in self.paths.get(ident, []) if p != path]
        if left:
            self.paths[ident] = left
        else:
            self.paths.pop(ident, None)


def store_page(content_dir: Path, source_key: str, page_sha: str, date: str | None, articles: list[Article],
               prints: list[Fingerprint], went_away: dict[str, str | None], state: IngestState,
               corrections: PageCorrections, index: ContentIndex) -> PageChanges:
    """Write one page's articles (their ids settled by ``identity``) and record them."""
    changes = PageChanges()
    record = state.pages.get(source_key, {})
    before = record.get("articles", {})
    gone = dict(record.get("gone", {}))
    deleted = set(corrections.deleted)
    now: dict[str, dict] = {}
    for article, fp in zip(articles, prints):
        ident = article.id
        canonical = article_path(content_dir, article)
        now[ident] = {"path": canonical.relative_to(content_dir).as_posix(), **fp.to_json()}
        gone.pop(ident, None)
        found = index.get(ident)
        if len(found) > 1:
            changes.clashes.append((ident, list(found)))
            continue
        if not found:
            if ident in deleted:
                now[ident]["deleted"] = True
                changes.kept_deleted.append((ident, False))
            elif ident in before and not before[ident].get("deleted"):
                # Ingest wrote it last time and it is nowhere now: an editor deleted it.
                corrections.deleted.append(ident)
                now[ident]["deleted"] = True
                changes.kept_deleted.append((ident, True))
            else:                            # new, or taken off the deleted list: written
                write_atomic(canonical, article_to_text(article))
                index.put(ident, canonical)
                changes.written.append(canonical)
            continue
        path = found[0]
        old = path.read_text(encoding="utf-8")
        edited = is_edited(old)
        if ident in deleted:                 # listed as deleted by hand, yet there
            if edited:
                changes.kept_edited.append(path)
            else:
                path.unlink()
                index.drop(ident, path)
                changes.removed.append(path)
            now[ident]["deleted"] = True
            changes.kept_deleted.append((ident, False))
            continue
        text = article_to_text(article)
        if path != canonical:
            recorded = (before.get(ident) or {}).get("path")
            if not edited and recorded == path.relative_to(content_dir).as_posix():
                # Ingest's own file, where ingest put it: it follows the article (a new date).
                write_atomic(canonical, text)
                path.unlink()
                index.put(ident, canonical)
                changes.written.append(canonical)
                continue
            # Otherwise an editor put it there: it stays where it is.
        if old == text:
            changes.unchanged.append(path)
        elif edited:
            changes.kept_edited.append(path)
        else:
            write_atomic(path, text)
            changes.written.append(path)
    changes.appeared = [i for i in now if before and i not in before]
    for ident, entry in before.items():
        if ident in now:
            continue
        successor = went_away.get(ident)
        gone[ident] = {"to": successor, **{k: v for k, v in entry.items() if k in ("size", "sketch")}}
        kept = False
        for path in list(index.get(ident)):
            if is_edited(path.read_text(encoding="utf-8")):
                changes.kept_edited.append(path)
                kept = True
            else:
                path.unlink()
                index.drop(ident, path)
                changes.removed.append(path)
        changes.went_away.append((ident, successor, kept))
    state.pages[source_key] = {"sha": page_sha, "date": date, "articles": now}
    if gone:
        state.pages[source_key]["gone"] = dict(sorted(gone.items()))
    return changes


def load_redirects(content_dir: Path) -> dict[str, tuple[str | None, str | None]]:
    """Every id the ingest state knows → (the id that took its text or None, its issue date).
    The site makes a redirect page for each one no article has."""
    state = IngestState.load(Path(content_dir))
    out: dict[str, tuple[str | None, str | None]] = {}
    for record in state.pages.values():
        date = record.get("date")
        for ident in record.get("articles", {}):
            out[ident] = (None, date)
        for ident, entry in record.get("gone", {}).items():
            out.setdefault(ident, (entry.get("to") if isinstance(entry, dict) else None, date))
    return out
