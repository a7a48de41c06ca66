"""Ingest: page files in, one Markdown file per article out.

``ingest`` is the stage's one entry point (the command line and the build call it); the
work is done by ``pipeline`` (pure: a page's articles), ``identity`` (pure: which article is
which since the last ingest, so that ids and URLs last), ``corrections`` (an editor's
record per page: deleted articles, the page's cut into articles, fields set), ``regroup``
(pure: a record's cut applied to the segmenter's articles), ``reassign`` (pure: the lines
a record moves between articles and the residue) and ``store`` (files and
edits). ``page_view`` is one page as ingest makes it, for ``sitegen.corrections``.
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
from sitegen.ingest.pipeline import PageResult, articles_from_page, column_names
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
    corrected: list[tuple[str, str | None]] = field(default_factory=list)  # (page, how the segmenter differs)
    warnings: list[str] = field(default_factory=list)                 # corrections that could not be applied
    cleaned: list[tuple[str, int]] = field(default_factory=list)      # (page, control/invisible characters taken out)

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
        if self.corrected:
            parts.append(f"{len(self.corrected)} pages kept as corrected")
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
        lines += [f"cleaned: {page}: {n} control or invisible characters taken out (BEL, zero-width, bidi)"
                  for page, n in self.cleaned]
        lines += [f"kept (edited by hand): {p}" for p in self.kept_edited]
        lines += [f"appeared: {page}: {ident}" for page, ident in self.appeared]
        lines += [f"went away: {page}: {ident} (" + ("its edited file is kept, and published" if kept else
                  f"its URL now leads to {f'a/{to}/' if to else 'its issue'}") + ")"
                  for page, ident, to, kept in self.went_away]
        # Deleting an article's file is an editor's correction: it stays deleted.
        lines += [f"kept deleted: {page}: {ident}" + (f" (deleted by hand; recorded in {record})" if record else "")
                  + f"; sitegen ingest --restore {ident} brings it back" for page, ident, record in self.kept_deleted]
        lines += [f"restored: {page}: {ident}" for page, ident in self.restored]
        # A page an editor cut or labelled keeps the editor's articles, whatever the segmenter says.
        lines += [f"kept as corrected: {page}" + (f"; {note}" if note else "") for page, note in self.corrected]
        lines += [f"warning: {msg}" for msg in self.warnings]
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


@dataclass
class _Job:
    """One page to cut, with what its articles depend on."""
    page: object
    issue: object
    previous: dict
    gone: dict
    record: PageCorrections
    incoming: list = field(default_factory=list)      # (page, record) of pages whose text joins this one's
    ignore_joins: bool = False
    prefer: dict | None = None


def _segment(item: _Job, known_columns, vocabulary_path, gazetteer_path, landmarks_path=None, keep=False,
             labels=True):
    """One page's articles, or a one-line error (runs in a worker process)."""
    from sitegen.places import load_gazetteer
    from sitegen.tags import load_vocabulary

    page = item.page
    try:
        return articles_from_page(page, item.issue, known_columns, load_vocabulary(vocabulary_path),
                                  load_gazetteer(gazetteer_path, landmarks_path), previous=item.previous,
                                  gone=item.gone, record=item.record, incoming=item.incoming,
                                  ignore_joins=item.ignore_joins, prefer=item.prefer, keep=keep, labels=labels)
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


@dataclass
class _Links:
    """Pages whose record sends an article's text to an article of another page (a story
    continued from one page on another, merged by an editor): they are cut together."""
    sources: dict[str, set[str]] = field(default_factory=dict)     # target page → pages sending it text
    targets: dict[str, set[str]] = field(default_factory=dict)     # source page → pages it sends text to

    def linked(self, key: str) -> set[str]:
        return self.sources.get(key, set()) | self.targets.get(key, set())


def _join_links(content_dir: Path, state: IngestState, records: dict | None = None) -> _Links:
    """Which pages send text to which (from the records; ``records`` replaces some)."""
    loaded = {}
    for key in record_hashes(content_dir):
        try:
            loaded[key] = PageCorrections.load(content_dir, key)
        except SitegenError:                 # reported when its page is ingested
            continue
    loaded.update(records or {})
    pinned = {e.id: key for key, r in loaded.items() for e in r.articles}
    owners = state.owners()
    links = _Links()
    for key, r in loaded.items():
        for e in r.articles:
            target = pinned.get(e.joins) or owners.get(e.joins) if e.joins else None
            if target and target != key:
                links.sources.setdefault(target, set()).add(key)
                links.targets.setdefault(key, set()).add(target)
    return links


def _prefer(prefer: dict | None, key: str) -> dict | None:
    from sitegen.ingest.identity import Fingerprint

    if not prefer or key not in prefer:
        return None
    return {i: Fingerprint.from_json(fp) for i, fp in prefer[key].items()}


def page_view(settings, relpath: str, records: dict | None = None, labels: bool = True):
    """One page's articles as ingest makes them now, with its cut kept (``PageResult.cut``):
    what ``sitegen.corrections`` works on. ``records`` (page → ``PageCorrections``) stands
    in for the records on disk: a correction being tried before it is written. Without
    ``labels``, the articles have no places or tags (quicker)."""
    from sitegen.dates import issue_date, read_manifest

    pages_dir, content_dir = Path(settings.pages_dir), Path(settings.content_dir)
    records = dict(records or {})
    state = IngestState.load(content_dir)

    def record_of(key: str) -> PageCorrections:
        if key not in records:
            records[key] = PageCorrections.load(content_dir, key)
        return records[key]

    def page_of(key: str):
        path = pages_dir / key
        if not path.is_file():
            raise SitegenError("page file not found (its articles cannot be corrected)", path)
        return read_page(path, pages_dir, getattr(settings, "root", None))

    page = page_of(relpath)
    links = _join_links(content_dir, state, records)
    incoming = [(page_of(k), record_of(k)) for k in sorted(links.sources.get(relpath, ()))]
    job = _Job(page, issue_date(relpath, page.text, read_manifest(pages_dir)), state.fingerprints(relpath),
               state.fingerprints(relpath, "gone"), record_of(relpath), incoming)
    known = set(state.columns) | column_names(page.text)
    result = _segment(job, known, getattr(settings, "vocabulary", None), getattr(settings, "gazetteer", None),
                      getattr(settings, "landmarks", None), keep=True, labels=labels)
    if not isinstance(result, PageResult):
        raise SitegenError(result)
    return result


def ingest(pages_dir: Path, content_dir: Path, settings=None, only_changed: bool = False,
           restore=(), prefer: dict | None = None) -> IngestReport:
    """Read every page file under ``pages_dir`` and write its articles under ``content_dir``.

    A page that cannot be read is reported in ``failed`` and the others still go through.
    With ``only_changed``, pages whose text is the same as at the last ingest are skipped.
    ``restore`` names deleted articles to write again. ``prefer`` (page → id →
    fingerprint) gives articles ids they had before a correction now undone."""
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
        todo.append(_Job(page, issue_date(page.relpath, page.text, manifest), state.fingerprints(page.relpath),
                         state.fingerprints(page.relpath, "gone"), corrections[page.relpath],
                         prefer=_prefer(prefer, page.relpath)))
    links = _join_links(content_dir, state) if corrections else _Links()
    if links.sources:
        # Pages one story runs across (merged by an editor) are cut together: each is read
        # again when the other is.
        read = {item.page.relpath: item.page for item in todo}
        wanted = sorted({k for item in todo for k in links.linked(item.page.relpath)} - set(read))
        for key in wanted:
            try:
                page = read_page(pages_dir / key, pages_dir, getattr(settings, "root", None))
                corrections[key] = PageCorrections.load(content_dir, key)
            except SitegenError as exc:
                report.failed.append(str(exc))
                continue
            read[key] = page
            known_columns |= column_names(page.text)
            todo.append(_Job(page, issue_date(key, page.text, manifest), state.fingerprints(key),
                             state.fingerprints(key, "gone"), corrections[key], prefer=_prefer(prefer, key)))
        for item in todo:
            for source in sorted(links.sources.get(item.page.relpath, ())):
                if source in read and source in corrections:
                    item.incoming.append((read[source], corrections[source]))
    report.pages_read = len(todo)
    job = functools.partial(_segment, known_columns=known_columns, vocabulary_path=getattr(settings, "vocabulary", None),
                            gazetteer_path=getattr(settings, "gazetteer", None),
                            landmarks_path=getattr(settings, "landmarks", None))
    owners = state.owners() if todo else {}
    index = ContentIndex(content_dir, set(owners)) if todo else None

    def store(item, result) -> None:
        page, issue, previous, gone = item.page, item.issue, item.previous, item.gone
        key = page.relpath
        if isinstance(result, str):
            report.failed.append(result)
            return
        ids = result.identities
        if any(owners.get(i, key) != key for i in ids.ids):
            # A new id another page has already (a hash collision): name the article again.
            ids = identify(key, issue.date, [(a.title, a.subtitles, a.body) for a in result.articles],
                           previous, gone, reserved={i for i, k in owners.items() if k != key},
                           pins=result.pins, prefer=item.prefer)
            ids.went_away.update((i, to) for i, to in result.joined_away.items() if i in previous)
            for a, ident in zip(result.articles, ids.ids):
                a.id = ident
        source = issue.date_source or "undated"
        report.dated[source] = report.dated.get(source, 0) + 1
        if page.invisible:
            report.cleaned.append((page.source, page.invisible))
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
        if result.corrected:
            report.corrected.append((page.source, result.cut_note))
        report.warnings += [f"{record.path}: {note}" for note in result.notes]

    # Each page's articles are written as soon as the page is cut, so that a page that
    # takes long (or fails) holds no other back. A page that sends text to an article of
    # another page (a continued story an editor merged) waits for every page: the text
    # stays on its own page if no page took it in (that article is gone, or its page failed).
    job = functools.partial(_segment, known_columns=known_columns, vocabulary_path=getattr(settings, "vocabulary", None),
                            gazetteer_path=getattr(settings, "gazetteer", None),
                            landmarks_path=getattr(settings, "landmarks", None))
    taken: set = set()
    waiting: list = []

    def take(results) -> None:
        for item, result in zip(todo, results):
            if not isinstance(result, str):
                taken.update(result.accepted)
                if result.joined_away:
                    waiting.append((item, result))
                    continue
            store(item, result)

    pool = process_pool() if len(todo) >= PARALLEL_FROM else None
    if pool is not None:
        # Pages are independent: cut them on every core (jieba dominates the time).
        with pool:
            take(pool.map(job, todo, chunksize=4))      # results in order, as each is done
    else:
        take(job(item) for item in todo)
    for item, result in waiting:
        left = {i: to for i, to in result.joined_away.items() if (item.page.relpath, i) not in taken}
        if left:
            item.ignore_joins = True
            result = job(item)
            report.warnings += [f"{item.page.source}: {i} joins {to}, which is not an article of its page any "
                                "more; it stays on its own page" for i, to in left.items()]
        store(item, result)
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
        print(line, file=sys.stderr if line.startswith(("error:", "warning:")) else sys.stdout)
