"""Writing articles into the content folder without ever losing an editor's correction.

Every file ingest writes carries ``ingest_hash``, a hash of its own text. A file whose text
no longer matches its hash was changed by hand and is never overwritten or removed. What
ingest wrote for each page is recorded in a state file, so that articles a page no longer
yields (after a segmentation change) can be told apart and reported.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.content import Article, article_to_text, is_edited

STATE_NAME = ".ingest-state.json"


@dataclass
class PageChanges:
    written: list[Path] = field(default_factory=list)     # new or updated files
    unchanged: list[Path] = field(default_factory=list)
    kept_edited: list[Path] = field(default_factory=list)  # edited by hand: left alone
    removed: list[Path] = field(default_factory=list)      # generated earlier, no longer yielded
    appeared: list[str] = field(default_factory=list)      # article ids new to this page
    went_away: list[str] = field(default_factory=list)     # article ids the page no longer yields


def article_path(content_dir: Path, article: Article) -> Path:
    if article.date:
        year, month, _ = article.date.split("-")
        return content_dir / year / month / f"{article.id}.md"
    return content_dir / "undated" / f"{article.id}.md"


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".md")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class IngestState:
    """What ingest last wrote: per page file, its text hash and the article files it yielded."""
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
        _write_atomic(content_dir / STATE_NAME, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def store_page(content_dir: Path, source_key: str, page_sha: str, articles: list[Article],
               state: IngestState) -> PageChanges:
    changes = PageChanges()
    before = state.pages.get(source_key, {}).get("articles", {})
    now: dict[str, str] = {}
    for article in articles:
        path = article_path(content_dir, article)
        rel = path.relative_to(content_dir).as_posix()
        now[article.id] = rel
        text = article_to_text(article)
        if path.exists():
            old = path.read_text(encoding="utf-8")
            if old == text:
                changes.unchanged.append(path)
                continue
            if is_edited(old):
                changes.kept_edited.append(path)
                continue
        _write_atomic(path, text)
        changes.written.append(path)
    changes.appeared = [i for i in now if before and i not in before]
    for ident, rel in before.items():
        if ident in now:
            continue
        changes.went_away.append(ident)
        path = content_dir / rel
        if path.exists():
            if is_edited(path.read_text(encoding="utf-8")):
                changes.kept_edited.append(path)
            else:
                path.unlink()
                changes.removed.append(path)
    state.pages[source_key] = {"sha": page_sha, "articles": now}
    return changes
