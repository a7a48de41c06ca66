"""Ingest: page files in, one Markdown file per article out.

``ingest`` is the stage's one entry point (the command line and the build call it); the
work is done by ``pipeline`` (pure: a page's articles), ``identity`` (pure: which article is
which since the last ingest, so that ids and URLs last), ``corrections`` (an editor's
record per page: deleted articles) and ``store`` (files and edits).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.parallel import process_pool
from sitegen.ingest.corrections import PageCorrections, all_corrections, record_hash, record_hashes
from sitegen.ingest.identity import identify
from sitegen.ingest.pipeline import articles_from_page, column_names
from sitegen.ingest.store import ContentIndex, IngestState, store_page
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
    went_away: list[tuple[str, str, str | None, bool]] = field(default_factory=list)  # (page, id, successor, kept)
    kept_deleted: list[tuple[str, str, str | None]] = field(default_factory=list)  # (page, id, record if new)
    restored: list[tuple[str, str]] = field(default_factory=list)    # (page, article id)
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
        if self.kept_deleted:
            parts[-1] += f", {len(self.kept_deleted)} kept deleted"
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
        lines += [f"went away: {page}: {ident} (" + ("its edited file is kept, and published" if kept else
                  f"its URL now leads to {f'a/{to}/' if to else 'its issue'}") + ")"
                  for page, ident, to, kept in self.went_away]
        # Deleting an article's file is an editor's correction: it stays deleted.
        lines += [f"kept deleted: {page}: {ident}" + (f" (deleted by hand; recorded in {record})" if record else "")
                  + f"; sitegen ingest --restore {ident} brings it back" for page, ident, record in self.kept_deleted]
        lines += [f"restored: {page}: {ident}" for page, ident in self.restored]
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


def _segment(item, known_columns, vocabulary_path, gazetteer_path, landmarks_path=None):
    """One page's articles, or a one-line error (runs in a worker process)."""
    from sitegen.places import load_gazetteer
    from sitegen.tags import load_vocabulary

    page, issue, previous, gone = item
    try:
        return articles_from_page(page, issue, known_columns, load_vocabulary(vocabulary_path),
                                  load_gazetteer(gazetteer_path, landmarks_path), previous=previous, gone=gone)
    except SitegenError as exc:
        return str(exc)
    except Exception as exc:  # a bug on one page must not stop the others
        return f"{page.source}: could not segment ({type(exc).__name__}: {exc})"


def _restore(content_dir: Path, ids, report: IngestReport) -> set[str]:
    """Take ``ids`` off their pages' deleted lists; the pages they were on."""
    pages = set()
    wanted = list(dict.fromkeys(ids))
    for record in all_corrections(content_dir):
        hits = [i for i in wanted if i in record.deleted]
        if hits:
            record.deleted = [i for i in record.deleted if i not in hits]
            record.save()
            pages.add(record.relpath)
            wanted = [i for i in wanted if i not in hits]
            report.restored += [(record.relpath, i) for i in hits]
    report.failed += [f"--restore {i}: no page's corrections list {i} as deleted" for i in wanted]
    return pages


def ingest(pages_dir: Path, content_dir: Path, settings=None, only_changed: bool = False,
           restore=()) -> IngestReport:
    """Read every page file under ``pages_dir`` and write its articles under ``content_dir``.

    A page that cannot be read is reported in ``failed`` and the others still go through.
    With ``only_changed``, pages whose text is the same as at the last ingest are skipped.
    ``restore`` names deleted articles to write again."""
    from sitegen.dates import issue_date, read_manifest
    from sitegen.places import load_gazetteer
    from sitegen.tags import load_vocabulary

    pages_dir, content_dir = Path(pages_dir), Path(content_dir)
    report = IngestReport()
    load_vocabulary(getattr(settings, "vocabulary", None))      # a broken data file fails here, once
    load_gazetteer(getattr(settings, "gazetteer", None), getattr(settings, "landmarks", None))
    manifest = read_manifest(pages_dir)
    state = IngestState.load(content_dir)
    state.upgrade(content_dir)
    forced = _restore(content_dir, restore, report) if restore else set()
    # A page whose editor's record changed since it was applied is ingested again.
    records = record_hashes(content_dir)
    forced |= {key for key in set(records) | set(state.pages)
               if records.get(key) != state.pages.get(key, {}).get("corrections")}

    # File times live in the cache, not in content/: they differ on every checkout.
    stamps_file = Path(settings.cache_dir) / "page-stamps.json" if getattr(settings, "cache_dir", None) else None
    try:
        stamps = json.loads(stamps_file.read_text(encoding="utf-8")) if stamps_file else {}
    except (OSError, ValueError):
        stamps = {}
    pages = []
    for path in find_page_files(pages_dir):
        if only_changed and _same_file(stamps, state, path, pages_dir) \
                and path.relative_to(pages_dir).as_posix() not in forced:
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

    todo, corrections = [], {}
    for page in pages:
        if only_changed and state.pages.get(page.relpath, {}).get("sha") == page.sha \
                and page.relpath not in forced:
            report.pages_skipped += 1
            stamp(page.relpath)             # touched but not changed: next time it is not read
            continue
        try:                                # an editor's record of the page comes first
            corrections[page.relpath] = PageCorrections.load(content_dir, page.relpath)
        except SitegenError as exc:
            report.failed.append(str(exc))
            continue
        todo.append((page, issue_date(page.relpath, page.text, manifest),
                     state.fingerprints(page.relpath), state.fingerprints(page.relpath, "gone")))
    report.pages_read = len(todo)
    job = functools.partial(_segment, known_columns=known_columns, vocabulary_path=getattr(settings, "vocabulary", None),
                            gazetteer_path=getattr(settings, "gazetteer", None),
                            landmarks_path=getattr(settings, "landmarks", None))
    pool = process_pool() if len(todo) >= PARALLEL_FROM else None
    if pool is not None:
        # Pages are independent: cut them on every core (jieba dominates the time).
        with pool:
            results = list(pool.map(job, todo, chunksize=16))
    else:
        results = [job(item) for item in todo]

    owners = state.owners() if todo else {}
    index = ContentIndex(content_dir, set(owners)) if todo else None
    for (page, issue, previous, gone), result in zip(todo, results):
        key = page.relpath
        if isinstance(result, str):
            report.failed.append(result)
            continue
        ids = result.identities
        if any(owners.get(i, key) != key for i in ids.ids):
            # A new id another page has already (a hash collision): name the article again.
            ids = identify(key, issue.date, [(a.title, a.subtitles, a.body) for a in result.articles],
                           previous, gone, reserved={i for i, k in owners.items() if k != key})
            for a, ident in zip(result.articles, ids.ids):
                a.id = ident
        source = issue.date_source or "undated"
        report.dated[source] = report.dated.get(source, 0) + 1
        if issue.date is None:
            report.undated.append(page.source)
        record = corrections[key]
        was_deleted = list(record.deleted)
        changes = store_page(content_dir, key, page.sha, issue.date, result.articles, ids.fingerprints,
                             ids.went_away, state, record, index)
        if record.deleted != was_deleted:
            record.save({a.id: a.display_title for a in result.articles})
        if record.text is not None:
            state.pages[key]["corrections"] = record_hash(record.path)
        owners.update((i, key) for i in ids.ids)
        stamp(key)
        report.articles += len(result.articles)
        report.written += changes.written
        report.unchanged += changes.unchanged
        report.kept_edited += changes.kept_edited
        report.removed += changes.removed
        report.appeared += [(page.source, i) for i in changes.appeared]
        report.went_away += [(page.source, *w) for w in changes.went_away]
        report.kept_deleted += [(page.source, i, str(record.path) if new else None) for i, new in changes.kept_deleted]
        report.failed += [f"{paths[1]}: duplicate id {i!r}: {paths[0]} has it too (an id is a URL: "
                          "give one of them another id, or delete one)" for i, paths in changes.clashes]
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
