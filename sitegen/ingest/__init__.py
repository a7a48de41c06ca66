"""Ingest: page files in, one Markdown file per article out.

``ingest`` is the stage's one entry point (the command line and the build call it); the
work is done by ``pipeline`` (pure: a page's articles) and ``store`` (files and edits).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.parallel import process_pool
from sitegen.ingest.pipeline import articles_from_page, column_names
from sitegen.ingest.store import IngestState, store_page
from sitegen.pages import find_page_files, read_page


@dataclass
class IngestReport:
    pages_read: int = 0
    pages_skipped: int = 0                      # unchanged since the last ingest (only_changed)
    articles: int = 0
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept_edited: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    appeared: list[tuple[str, str]] = field(default_factory=list)    # (page, article id)
    went_away: list[tuple[str, str]] = field(default_factory=list)
    residue: list[tuple[str, int, str]] = field(default_factory=list)  # (page, line, text)
    failed: list[str] = field(default_factory=list)                  # one line per failed page
    dated: dict[str, int] = field(default_factory=dict)               # date source → pages read
    undated: list[str] = field(default_factory=list)                  # pages nothing dates

    def summary(self) -> str:
        parts = [f"{self.pages_read} pages read"]
        if self.pages_skipped:
            parts.append(f"{self.pages_skipped} unchanged pages skipped")
        parts.append(f"{self.articles} articles: {len(self.written)} written, {len(self.unchanged)} unchanged, "
                     f"{len(self.kept_edited)} kept because edited")
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        parts.append(f"{len(self.residue)} residue lines")
        if self.failed:
            parts.append(f"{len(self.failed)} pages failed")
        return "ingest: " + ", ".join(parts)

    def details(self) -> list[str]:
        lines = []
        if self.dated:
            lines.append("dates: " + ", ".join(f"{n} {source}" for source, n in sorted(self.dated.items())))
        # Where a date has to come from the archivist: the manifest (pages.toml) takes it.
        lines += [f"undated: {page}: no date in the manifest, the file name, a printed header or the text"
                  for page in self.undated]
        lines += [f"residue: {page}:{line}: {text}" for page, line, text in self.residue]
        lines += [f"kept (edited by hand): {p}" for p in self.kept_edited]
        lines += [f"appeared: {page}: {ident}" for page, ident in self.appeared]
        lines += [f"went away: {page}: {ident}" for page, ident in self.went_away]
        lines += [f"error: {msg}" for msg in self.failed]
        return lines


def _same_file(stamps: dict, state: IngestState, path: Path, pages_dir: Path) -> bool:
    """Unchanged since it was last ingested: same size and time, and its text was ingested."""
    key = path.relative_to(pages_dir).as_posix()
    seen = stamps.get(key)
    if not seen or key not in state.pages:
        return False
    st = path.stat()
    return seen == [st.st_mtime_ns, st.st_size]


PARALLEL_FROM = 64      # pages; below this, starting worker processes costs more than it saves


def _segment(item, known_columns, vocabulary_path, gazetteer_path):
    """One page's articles, or a one-line error (runs in a worker process)."""
    from sitegen.places import load_gazetteer
    from sitegen.tags import load_vocabulary

    page, issue = item
    try:
        return articles_from_page(page, issue, known_columns, load_vocabulary(vocabulary_path),
                                  load_gazetteer(gazetteer_path))
    except SitegenError as exc:
        return str(exc)
    except Exception as exc:  # a bug on one page must not stop the others
        return f"{page.source}: could not segment ({type(exc).__name__}: {exc})"


def ingest(pages_dir: Path, content_dir: Path, settings=None, only_changed: bool = False) -> IngestReport:
    """Read every page file under ``pages_dir`` and write its articles under ``content_dir``.

    A page that cannot be read is reported in ``failed`` and the others still go through.
    With ``only_changed``, pages whose text is the same as at the last ingest are skipped."""
    from sitegen.dates import issue_date, read_manifest
    from sitegen.places import load_gazetteer
    from sitegen.tags import load_vocabulary

    pages_dir, content_dir = Path(pages_dir), Path(content_dir)
    report = IngestReport()
    load_vocabulary(getattr(settings, "vocabulary", None))      # a broken data file fails here, once
    load_gazetteer(getattr(settings, "gazetteer", None))
    manifest = read_manifest(pages_dir)
    state = IngestState.load(content_dir)

    # File times live in the cache, not in content/: they differ on every checkout.
    stamps_file = Path(settings.cache_dir) / "page-stamps.json" if getattr(settings, "cache_dir", None) else None
    try:
        stamps = json.loads(stamps_file.read_text(encoding="utf-8")) if stamps_file else {}
    except (OSError, ValueError):
        stamps = {}
    pages = []
    for path in find_page_files(pages_dir):
        if only_changed and _same_file(stamps, state, path, pages_dir):
            report.pages_skipped += 1          # same size and time as when last ingested
            continue
        try:
            pages.append(read_page(path, pages_dir, getattr(settings, "root", None)))
        except SitegenError as exc:
            report.failed.append(str(exc))
    known_columns = set(state.columns)
    for page in pages:
        known_columns |= column_names(page.text)
    state.columns = sorted(known_columns)

    before = dict(stamps)

    def stamp(key: str) -> None:
        st = (pages_dir / key).stat()
        stamps[key] = [st.st_mtime_ns, st.st_size]

    todo = []
    for page in pages:
        if only_changed and state.pages.get(page.relpath, {}).get("sha") == page.sha:
            report.pages_skipped += 1
            stamp(page.relpath)             # touched but not changed: next time it is not read
        else:
            todo.append((page, issue_date(page.relpath, page.text, manifest)))
    report.pages_read = len(todo)
    job = functools.partial(_segment, known_columns=known_columns, vocabulary_path=getattr(settings, "vocabulary", None),
                            gazetteer_path=getattr(settings, "gazetteer", None))
    pool = process_pool() if len(todo) >= PARALLEL_FROM else None
    if pool is not None:
        # Pages are independent: cut them on every core (jieba dominates the time).
        with pool:
            results = list(pool.map(job, todo, chunksize=16))
    else:
        results = [job(item) for item in todo]

    for (page, issue), result in zip(todo, results):
        key = page.relpath
        if isinstance(result, str):
            report.failed.append(result)
            continue
        source = issue.date_source or "undated"
        report.dated[source] = report.dated.get(source, 0) + 1
        if issue.date is None:
            report.undated.append(page.source)
        changes = store_page(content_dir, key, page.sha, result.articles, state)
        stamp(key)
        report.articles += len(result.articles)
        report.written += changes.written
        report.unchanged += changes.unchanged
        report.kept_edited += changes.kept_edited
        report.removed += changes.removed
        report.appeared += [(page.source, i) for i in changes.appeared]
        report.went_away += [(page.source, i) for i in changes.went_away]
        report.residue += [(page.source, n, text) for n, text in result.residue]
    if report.pages_read or not content_dir.joinpath(".ingest-state.json").exists():
        content_dir.mkdir(parents=True, exist_ok=True)
        state.save(content_dir)
    if stamps_file and stamps != before:
        stamps_file.parent.mkdir(parents=True, exist_ok=True)
        stamps_file.write_text(json.dumps(stamps), encoding="utf-8")
    return report


def print_report(report: IngestReport) -> None:
    import sys

    print(report.summary())
    for line in report.details():
        print(line, file=sys.stderr if line.startswith("error:") else sys.stdout)
