"""Corrections: an editor fixes what the ingest got wrong, and nothing undoes it.

The one API behind ``sitegen split``, ``merge``, ``set``, ``headline``, ``unarticle``,
``join-residue``, ``body`` and ``undo``, and the browser's edit mode (which reads a page
with ``page_outline``). The line moves are in ``moves``, the body in ``body``. Each function takes the content folder and
the settings, and either makes its correction and returns a ``Correction`` (what changed,
one line each, and the files ingest wrote or removed), or raises a ``SitegenError`` with a
one-line message and changes nothing.

A correction is never made to the article files themselves: it is written into the page's
editor's record (``content/_corrections/<page>.toml``, ``sitegen.ingest.corrections``) as
text anchors and per-article fields, and the page is ingested again, so that the files
are what ingest makes of the page and the record — every time, through re-ingests and a
segmenter that cuts the page otherwise. A split or a merge writes the page's whole cut
into its record (one ``[[article]]`` a corrected article, with its id), so that the page
keeps the editor's articles from then on; before it is written, the new record is tried
on the page and must give exactly the articles meant. A hand-edited article file still
wins (ingest leaves it alone), so a split or merge of one is refused, and ``set`` on one
changes the field in the file too.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.corrections.log import UndoLog, read_text, text_hash
from sitegen.corrections.values import field_value, headline_line, parse_assignment, show, yaml_line
from sitegen.errors import SitegenError
from sitegen.ingest.corrections import ArticleEntry, PageCorrections
from sitegen.ingest.regroup import Group, anchor_text, runs

__all__ = ["Correction", "OutlineArticle", "PageOutline", "ResidueLine", "merge", "move_headline", "not_an_article",
           "page_outline", "set_body", "set_fields", "split", "to_article", "undo"]


@dataclass
class Correction:
    action: str                                     # split | merge | set | body | headline | unarticle | residue | undo
    changes: list[str]                              # what changed, as a user reads it
    article: str | None = None                      # the article corrected
    new_id: str | None = None                       # split: the new article
    records: list[Path] = field(default_factory=list)      # editors' records written
    written: list[Path] = field(default_factory=list)      # article files ingest (re)wrote
    removed: list[Path] = field(default_factory=list)      # article files ingest removed
    warnings: list[str] = field(default_factory=list)      # from the ingest that applied it

    def lines(self) -> list[str]:
        return (self.changes + [f"recorded in {p}" for p in self.records] + [f"written: {p}" for p in self.written]
                + [f"removed: {p}" for p in self.removed] + [f"warning: {w}" for w in self.warnings])


def _settings(content_dir, settings):
    from sitegen.config import Settings

    settings = settings or Settings()
    return dataclasses.replace(settings, content_dir=Path(content_dir)) if content_dir else settings


class _Archive:
    """The content folder as the last ingest left it, read for one correction."""

    def __init__(self, content_dir, settings):
        from sitegen.ingest.store import IngestState

        self.settings = _settings(content_dir, settings)
        self.content_dir = Path(self.settings.content_dir)
        self.state = IngestState.load(self.content_dir)
        self.owners = self.state.owners()
        self.views: dict[str, object] = {}
        self.pages_read: dict[str, object] = {}

    def view(self, key: str):
        from sitegen.ingest import page_view

        if key not in self.views:
            view = page_view(self.settings, key)
            for d, a in zip(view.cut.drafts, view.articles):
                d.group.id = d.group.id or a.id      # every article by the id it has now
            self.views[key] = view
        return self.views[key]

    def find(self, ident: str, verb: str):
        """(page, its view, the article's position) of a live article, or why not."""
        from sitegen.pages import read_page

        key = self.owners.get(ident)
        if key is None:
            raise SitegenError(f"cannot {verb}: unknown article id {ident!r}")
        record = self.state.pages[key]
        if ident not in record.get("articles", {}):
            to = (record.get("gone", {}).get(ident) or {}).get("to")
            raise SitegenError(f"cannot {verb}: {ident} is no longer an article" +
                               (f" (its text is in {to})" if to else ""))
        pages_dir = Path(self.settings.pages_dir)
        page = self.pages_read.get(key)
        if page is None:
            try:
                page = read_page(pages_dir / key, pages_dir, getattr(self.settings, "root", None))
            except SitegenError:
                raise SitegenError(f"cannot {verb}: the page file of {ident} ({pages_dir / key}) cannot be read") from None
            self.pages_read[key] = page          # two articles of one page: the page read once
        if page.sha != record.get("sha"):
            raise SitegenError(f"cannot {verb}: the page file {page.source} changed since the last ingest "
                               "(run sitegen ingest first)")
        view = self.view(key)
        ids = [a.id for a in view.articles]
        if ident not in ids:
            raise SitegenError(f"cannot {verb}: {ident} is not an article of {page.source} any more "
                               "(run sitegen ingest first)")
        if ident in view_record(self, key).deleted:
            raise SitegenError(f"cannot {verb}: {ident} is deleted (sitegen ingest --restore {ident} brings it back)")
        return key, view, ids.index(ident)

    def file_of(self, ident: str) -> Path | None:
        from sitegen.ingest.store import ContentIndex

        if not hasattr(self, "_index"):
            self._index = ContentIndex(self.content_dir, set(self.owners))
        found = self._index.get(ident)
        return found[0] if len(found) == 1 else None

    def edited(self, ident: str) -> Path | None:
        from sitegen.content import is_edited

        path = self.file_of(ident)
        return path if path is not None and is_edited(path.read_text(encoding="utf-8")) else None


def view_record(archive: _Archive, key: str) -> PageCorrections:
    return PageCorrections.load(archive.content_dir, key)


def _two(content_dir, settings, first: str, second: str, verb: str, same: str):
    """The archive and where each of two articles a correction joins is, or why not."""
    if first == second:
        raise SitegenError(f"cannot {verb}: {same}")
    archive = _Archive(content_dir, settings)
    return archive, archive.find(first, verb), archive.find(second, verb)


def _refuse_edited(archive: _Archive, verb: str, *ids: str) -> None:
    for ident in ids:
        path = archive.edited(ident)
        if path is not None:
            raise SitegenError(f"cannot {verb}: the file of {ident} ({path}) was edited by hand, and ingest leaves it "
                               "as it is, so its text would be published twice or lost; put the file back as "
                               "ingest wrote it first, or make the edit with sitegen set")


def _entries(units, groups: list[Group], headlines: dict[int, str] | None = None) -> list[ArticleEntry]:
    """The record's tables for a cut of the page: each group's runs by their openings
    (a group with no id yet: the one ingest is to name), and the headline the page printed
    for it (``headlines``: group, by identity → headline)."""
    headlines = headlines or {}
    out = []
    for g in sorted(groups, key=lambda g: g.units[0]):
        starts = [r[0] for r in runs(g)]
        home = g.home if g.home in g.units else starts[0]        # where its own text starts comes first
        at = [anchor_text(units, k) for k in [home, *(k for k in starts if k != home)]]
        out.append(ArticleEntry(g.id or "", at, g.title, g.joins, g.place,
                                None if g.title else headlines.get(id(g), g.headline),
                                list(g.takes), list(g.residue), g.not_article))
    return out


def _headlines(view) -> dict[int, str]:
    """Group (by identity) → the headline its article has from the page (before headline
    lines an editor moved: the record says where the page prints it)."""
    return {id(d.group): d.printed for d in [*view.cut.drafts, *view.cut.aside] if d.printed and not d.group.title}


def _texts(units, groups) -> list[list[str]]:
    return [[units[i].text for i in g.units] for g in sorted(groups, key=lambda g: g.units[0])]


def _try(archive: _Archive, records: dict[str, PageCorrections], key: str, groups, units):
    """The page as the new records make it; refuse unless its cut is the one meant."""
    from sitegen.ingest import page_view

    view = page_view(archive.settings, key, records, labels=False)
    if view.cut.problems or _texts(view.cut.units, view.cut.groups) != _texts(units, groups):
        raise SitegenError(f"cannot record this correction of {key}: its paragraphs cannot be told apart "
                           "by their openings (nothing was changed)")
    return view


def _page_record(archive: _Archive, key: str, entries: list[ArticleEntry]) -> PageCorrections:
    record = view_record(archive, key)
    record.articles = entries
    return record


def _comments(view) -> dict[str, str]:
    return {a.id: a.display_title for a in view.articles}


def _commit(archive: _Archive, action: str, changes: list[str], records: dict[str, PageCorrections],
            comments: dict[str, str], files: dict[Path, str | None] | None = None, summary: str | None = None,
            **result) -> Correction:
    """Write the records (and files), ingest the pages again, log the undo."""
    from sitegen.ingest import ingest
    from sitegen.ingest.corrections import record_hash
    from sitegen.ingest.store import IngestState, write_atomic

    files = files or {}
    before = {r.path: read_text(r.path) for r in records.values()}
    before.update((p, read_text(p)) for p in files)
    prefer = {key: {i: {k: v for k, v in e.items() if k in ("size", "sketch")}
                    for i, e in archive.state.pages.get(key, {}).get("articles", {}).items()}
              for key in {*records, *archive.views}}
    for record in records.values():
        record.write(comments=comments)
    for path, text in files.items():
        write_atomic(path, text)
    report = _ingest(archive, ingest)
    state = IngestState.load(archive.content_dir)
    failed = [k for k, r in records.items() if state.pages.get(k, {}).get("corrections")
              != (record_hash(r.path) if r.path.exists() else None)]
    if failed:                             # the page did not take it: put everything back
        _restore(before)
        _ingest(archive, ingest)
        raise SitegenError(f"cannot {action}: the page did not ingest with the correction ("
                           + (report.failed[0] if report.failed else failed[0]) + "); nothing was changed")
    UndoLog(archive.content_dir).push(action, summary or changes[0], before, prefer)
    return Correction(action, changes, records=[r.path for r in records.values() if r.path.exists()],
                      written=report.written, removed=report.removed,
                      warnings=report.warnings + report.failed, **result)


def _ingest(archive: _Archive, ingest, prefer=None):
    s = archive.settings
    return ingest(s.pages_dir, s.content_dir, settings=s, only_changed=True, prefer=prefer)


def _restore(before: dict[Path, str | None]) -> None:
    from sitegen.ingest.store import write_atomic

    for path, text in before.items():
        if text is None:
            Path(path).unlink(missing_ok=True)
        else:
            write_atomic(Path(path), text)


def split(content_dir, settings, article_id: str, at: int, title: str | None = None) -> Correction:
    """Start a new article at paragraph ``at`` (1-based, 2 or more) of the article's body.
    The new article gets its own file and id, and ``title`` as its headline (without one,
    the paragraph's first line when it reads as a headline, else none)."""
    verb = f"split {article_id}"
    archive = _Archive(content_dir, settings)
    key, view, n = archive.find(article_id, verb)
    draft = view.cut.drafts[n]
    count = len(draft.article.paragraphs)
    if count < 2:
        raise SitegenError(f"cannot {verb}: its body has {count} paragraph{'s' if count != 1 else ''}, "
                           "nothing to start a new article with")
    if not 2 <= at <= count:
        raise SitegenError(f"cannot {verb} at paragraph {at}: that is outside its body "
                           f"(a new article starts at one of paragraphs 2–{count})")
    source = draft.sources[at - 1]
    if source == -2:
        raise SitegenError(f"cannot {verb} at paragraph {at}: that paragraph is a residue line joined to it "
                           "(undo that first)")
    if source < 0:
        raise SitegenError(f"cannot {verb} at paragraph {at}: that paragraph is another page's "
                           "(merged from there: undo the merge first)")
    group = draft.group
    k = group.units.index(source)
    if k == 0:
        raise SitegenError(f"cannot {verb} at paragraph {at}: it is part of the article's opening")
    _refuse_edited(archive, verb, article_id)
    units = view.cut.units
    lead = units[source]
    if title is not None:
        title = " ".join(title.split()) or None
    elif not (lead.first and lead.seg.title) and draft.article.paragraphs[at - 1] == lead.text:
        title = headline_line(lead.text, more_after=len(group.units) > k + 1)
    first = dataclasses.replace(group, units=group.units[:k])
    second = Group(group.units[k:], None, title, headline=lead.seg.title if lead.first and not title else None)
    groups = [g for g in view.cut.groups if g is not group] + [first, second]
    heads = _headlines(view)
    heads[id(first)] = heads.get(id(group))
    record = _page_record(archive, key, _entries(units, groups, heads))
    # The new article's id is the one ingest gives it (an id it had before, or a new one).
    tried = _try(archive, {key: record}, key, groups, units)
    new_id = next(a.id for d, a in zip(tried.cut.drafts, tried.articles) if not d.group.id)
    for e in record.articles:
        e.id = e.id or new_id
    _try(archive, {key: record}, key, groups, units)
    opening = lead.opening(20)
    changes = [f"split {article_id} at paragraph {at}: {new_id} is a new article from «{opening}», "
               + (f"headline «{title}»" if title else "no headline")]
    comments = {**_comments(view), new_id: title or opening}
    return _commit(archive, "split", changes, {key: record}, comments, article=article_id, new_id=new_id)


def _continued(first, then) -> bool:
    """``then`` continues ``first`` on another page of the same issue: a 下转 marker in
    ``first`` and a 上接 marker in ``then`` that agree with each other's pages (or, for
    untitled text at the top of a page, a continuation whose 上接 the OCR lost, the 下转)."""
    if first.date != then.date or not first.continued_to:
        return False
    if not (then.continued_from or then.kind == "continuation" and not then.title):
        return False

    def page_no(label) -> str | None:
        return re.sub(r"^第|版$", "", str(label)) if label else None

    if then.page and page_no(first.continued_to) != page_no(then.page):
        return False
    if then.continued_from and first.page and page_no(then.continued_from) != page_no(first.page):
        return False
    return True


def merge(content_dir, settings, article_id: str, other_id: str) -> Correction:
    """Join ``other_id``'s text to ``article_id``'s, in page order; ``other_id`` is gone
    (its URL leads to ``article_id``). Articles of two pages only when one continues the
    other (上接/下转)."""
    verb = f"merge {other_id} into {article_id}"
    archive, (ka, va, na), (kb, vb, nb) = _two(content_dir, settings, article_id, other_id, verb,
                                               "an article cannot be merged with itself")
    _refuse_edited(archive, verb, article_id, other_id)
    a, b = va.articles[na], vb.articles[nb]
    ga, gb = va.cut.drafts[na].group, vb.cut.drafts[nb].group
    records: dict[str, PageCorrections] = {}
    if ka == kb:
        own = ga.home if ga.home in ga.units else ga.units[0]
        merged = dataclasses.replace(ga, units=sorted(ga.units + gb.units), home=own, takes=ga.takes + gb.takes,
                                     residue=ga.residue + gb.residue)
        groups = [merged if g is ga else g for g in va.cut.groups if g is not gb]
        heads = _headlines(va)
        heads[id(merged)] = heads.get(id(ga))
        record = _page_record(archive, ka, _entries(va.cut.units, groups, heads))
        record.fields.pop(other_id, None)
        records[ka] = record
        _try(archive, records, ka, groups, va.cut.units)
    else:
        if _continued(a, b):
            place = "after"
        elif _continued(b, a):
            place = "before"
        else:
            raise SitegenError(f"cannot {verb}: they are on different pages ({a.source}, {b.source}), and neither "
                               "continues the other (上接/下转 markers)")
        if any(s < 0 for s in va.cut.drafts[na].sources) and place == "before":
            place = "after"
        joined = dataclasses.replace(gb, joins=article_id, place=place)
        groups_b = [joined if g is gb else g for g in vb.cut.groups]
        records[ka] = _page_record(archive, ka, _entries(va.cut.units, va.cut.groups, _headlines(va)))
        heads = _headlines(vb)
        heads[id(joined)] = heads.get(id(gb))
        record_b = _page_record(archive, kb, _entries(vb.cut.units, groups_b, heads))
        record_b.fields.pop(other_id, None)
        records[kb] = record_b
        _try(archive, records, kb, [g for g in groups_b], vb.cut.units)
        tried = _try(archive, records, ka, va.cut.groups, va.cut.units)
        if (kb, other_id) not in tried.accepted:
            raise SitegenError(f"cannot {verb}: the text of {other_id} could not be joined to {article_id}")
    # Text other pages send to the article going away goes to the one it joins.
    for other in _all_records(archive):
        target = records.get(other.relpath, other)
        if any(e.joins == other_id for e in target.articles):
            for e in target.articles:
                if e.joins == other_id:
                    e.joins = article_id
            records[other.relpath] = target
    after = b.order > a.order if ka == kb else place == "after"
    changes = [f"merged {other_id} into {article_id}: «{b.display_title}» now {'follows' if after else 'comes before'} "
               f"«{a.display_title}»", f"{other_id} is gone: its URL now leads to a/{article_id}/"]
    comments = {**_comments(vb), **_comments(va)}
    return _commit(archive, "merge", changes, records, comments, article=article_id)


def _all_records(archive: _Archive) -> list[PageCorrections]:
    from sitegen.ingest.corrections import record_hashes

    out = []
    for key in record_hashes(archive.content_dir):
        try:
            out.append(PageCorrections.load(archive.content_dir, key))
        except SitegenError:
            continue
    return out


def set_fields(content_dir, settings, article_id: str, assignments) -> Correction:
    """Set front-matter fields of an article: ``assignments`` is ``{"kind": "photo"}`` or
    ``["kind=photo", "districts=朝阳区,海淀区"]``. Every value is checked before anything
    is changed (kind, districts of the gazetteer, dates; no unknown field)."""
    from sitegen.places import load_gazetteer

    verb = f"set fields of {article_id}"
    try:
        items = list(assignments.items()) if isinstance(assignments, dict) else \
            [parse_assignment(a) for a in assignments]
    except SitegenError as exc:
        raise SitegenError(f"cannot {verb}: {exc.message}") from None
    if not items:
        raise SitegenError(f"cannot {verb}: no FIELD=VALUE given")
    archive = _Archive(content_dir, settings)
    districts = None
    values: dict[str, object] = {}
    for name, raw in items:
        if name == "districts" and districts is None:
            s = archive.settings
            districts = load_gazetteer(getattr(s, "gazetteer", None), getattr(s, "landmarks", None)).districts
        try:
            values[name] = field_value(name, raw if isinstance(raw, str) else ",".join(raw), districts)
        except SitegenError as exc:
            raise SitegenError(f"cannot {verb}: {exc.message}") from None
    key, view, n = archive.find(article_id, verb)
    article = view.articles[n]
    record = view_record(archive, key)
    mine = dict(record.fields.get(article_id, {}))
    draft = view.cut.drafts[n]
    first = next((s for s in draft.sources if s >= 0), None)
    if first is not None:
        mine["at"] = anchor_text(view.cut.units, first)
    changes = []
    for name, value in values.items():
        old = getattr(article, name)
        new = (value or None) if name in ("title", "date", "page") else value
        if old == new:
            changes.append(f"{article_id}: {name}: {show(new)} (as it was; now kept as set)")
        else:
            changes.append(f"{article_id}: {name}: {show(old)} → {show(new)}")
        mine[name] = value
    record.fields[article_id] = {"at": mine.pop("at")} | mine if "at" in mine else mine
    files = {}
    edited = archive.edited(article_id)
    if edited is not None:                 # a hand-edited file is left alone by ingest: set it there too
        files[edited] = _set_front_matter(edited, values)
        changes.append(f"{edited}: edited by hand, so the fields are set in it too")
    summary = changes[0] if len(values) == 1 else f"set {', '.join(values)} of {article_id}"
    return _commit(archive, "set", changes, {key: record}, _comments(view), files, summary, article=article_id)


_FRONT = re.compile(r"\A(\ufeff?---[ \t]*\r?\n)(.*?)(^---[ \t]*(?:\r?\n|\Z))", re.S | re.M)


def _set_front_matter(path: Path, values: dict) -> str:
    """The file's text with the fields set in its front matter, one line each, the rest as
    the editor left it."""
    from sitegen.content import article_from_text

    text = path.read_text(encoding="utf-8")
    m = _FRONT.match(text)
    if not m:
        raise SitegenError("no front matter to set fields in", path, 1)
    lines = m.group(2).splitlines(keepends=True)
    for name, value in values.items():
        new = yaml_line(name, value) + "\n"
        at = next((i for i, line in enumerate(lines) if re.match(rf"{re.escape(name)}[ \t]*:", line)), None)
        if at is None:
            at = next((i for i, line in enumerate(lines) if line.startswith("ingest_hash:")), len(lines))
            lines.insert(at, new)
            continue
        end = at + 1
        while end < len(lines) and re.match(r"[ \t]+\S|-[ \t]", lines[end]):
            end += 1                       # a block list or a folded value under the key
        lines[at:end] = [new]
    out = m.group(1) + "".join(lines) + m.group(3) + text[m.end():]
    article = article_from_text(out, path)
    for name, value in values.items():
        want = (value or None) if name in ("title", "date", "page") else value
        if getattr(article, name) != want:
            raise SitegenError(f"could not set {name} in the front matter by hand-edit rules", path)
    return out


def undo(content_dir, settings) -> Correction:
    """Undo the last correction (``split``, ``merge`` or ``set``); again for the one before."""
    from sitegen.ingest import ingest

    archive = _Archive(content_dir, settings)
    log = UndoLog(archive.content_dir)
    entries = log.entries()
    if not entries:
        raise SitegenError("nothing to undo: no correction was made (or the last 20 are undone)")
    last = entries[-1]
    before = {}
    for rel, f in last.get("files", {}).items():
        path = archive.content_dir / rel
        if text_hash(read_text(path)) != f.get("after"):
            raise SitegenError(f"cannot undo «{last.get('summary')}»: {path} changed since (by hand?); "
                               "undo it by hand")
        before[path] = f.get("before")
    now = {path: read_text(path) for path in before}
    _restore(before)
    try:
        report = _ingest(archive, ingest, prefer=last.get("prefer"))
    except BaseException:                  # ingest could not run (a pages folder gone): nothing undone
        _restore(now)
        raise
    log.pop()
    changes = [f"undone: {last.get('summary')}"]
    records = [p for p in before if p.suffix == ".toml"]
    changes += [f"removed {p} (nothing left in it)" for p in records if before[p] is None]
    return Correction("undo", changes, records=[p for p in records if before[p] is not None],
                      written=report.written, removed=report.removed, warnings=report.warnings + report.failed)


# The rest of the API, in modules of their own (they build on the above).
from sitegen.corrections.body import set_body  # noqa: E402
from sitegen.corrections.outline import OutlineArticle, PageOutline, ResidueLine, page_outline  # noqa: E402
from sitegen.corrections.moves import move_headline, not_an_article, to_article  # noqa: E402
