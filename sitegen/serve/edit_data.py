"""What the preview's edit forms show: a printed page's articles as their files say now,
their neighbours to merge with, and the choices an editor picks from (kinds, the
gazetteer's districts, the vocabulary's tags). Read-only: every change goes through
``sitegen.corrections``."""

from __future__ import annotations

from pathlib import Path

from sitegen.errors import SitegenError

PEOPLE = ("reporters", "correspondents", "photographers", "authors")


def page_key(settings, state, page: str | None = None, article: str | None = None) -> str:
    """The page (its path under the page folder, as the corrections API names it) of an
    article id, or of a page given by that key or by its source as articles record it."""
    if article:
        key = state.owners().get(article)
        if key is None:
            raise SitegenError(f"unknown article id {article!r}")
        return key
    if not page:
        raise SitegenError("name an article or a page")
    if page in state.pages:
        return page
    pages_dir = Path(settings.pages_dir).resolve()
    for candidate in (Path(page), Path(settings.root) / page):
        try:
            rel = candidate.resolve().relative_to(pages_dir).as_posix()
        except ValueError:
            continue
        if rel in state.pages:
            return rel
    raise SitegenError(f"unknown page {page!r}")


def _article_json(article, path: Path, edited: bool, base_path: str) -> dict:
    from sitegen.site import urls

    out = {name: getattr(article, name) for name in
           ("id", "title", "subtitles", "kind", *PEOPLE, "districts", "places", "tags", "date", "page",
            "continued_from", "continued_to", "order")}
    out.update(display_title=article.display_title, paragraphs=article.body.split("\n\n") if article.body else [],
               body=article.body, edited=edited, file=path.as_posix(), url=base_path + urls.article(article.id))
    return out


def _articles_of(content_dir: Path, state, keys: list[str]) -> dict[str, list]:
    """Each page's live articles (page → [(article, its file, hand-edited?)]) in page order."""
    from sitegen.content import is_edited, read_article
    from sitegen.ingest.store import ContentIndex

    ids = {i: key for key in keys for i in state.pages.get(key, {}).get("articles", {})}
    index = ContentIndex(content_dir, set(state.owners()))
    out: dict[str, list] = {key: [] for key in keys}
    for ident, key in ids.items():
        found = index.get(ident)
        if len(found) != 1:
            continue                    # deleted by the editor, or two files claim it: not offered
        article = read_article(found[0])
        out[key].append((article, found[0], is_edited(found[0].read_text(encoding="utf-8"))))
    for items in out.values():
        items.sort(key=lambda t: (t[0].order, t[0].id))
    return out


def _continues(first, then) -> bool:
    """Loosely, whether ``then`` may go on from ``first`` on another page (the merge itself
    checks the markers exactly): offered as a partner, never merged on this alone."""
    return bool(first.continued_to) and bool(then.continued_from or then.kind == "continuation")


def choices(settings) -> dict:
    from sitegen.ingest.corrections import EDITOR_KINDS
    from sitegen.places import load_gazetteer
    from sitegen.site.build import KIND_NAMES      # the names the site shows the kinds by
    from sitegen.tags import load_vocabulary

    gazetteer = load_gazetteer(getattr(settings, "gazetteer", None), getattr(settings, "landmarks", None))
    vocabulary = load_vocabulary(getattr(settings, "vocabulary", None))
    return {"kinds": [[k, KIND_NAMES[k]] for k in EDITOR_KINDS], "districts": list(gazetteer.districts),
            "tags": list(vocabulary.topics)}


def page_data(settings, page: str | None = None, article: str | None = None, outline=None) -> dict:
    """Everything the edit forms of one printed page need. ``outline`` is the corrections
    API's ``page_outline`` when it has one (the page's residue lines), else None."""
    from sitegen.corrections.log import UndoLog
    from sitegen.ingest.store import IngestState

    content_dir = Path(settings.content_dir)
    state = IngestState.load(content_dir)
    key = page_key(settings, state, page, article)
    date = state.pages[key].get("date")
    same_issue = [k for k, r in state.pages.items() if k != key and date and r.get("date") == date]
    found = _articles_of(content_dir, state, [key, *same_issue])
    base = settings.base_path
    mine = found[key]
    partners: dict[str, list[dict]] = {}
    for a, _, _ in mine:
        near = []
        for k in same_issue:
            for b, _, _ in found[k]:
                if _continues(a, b) or _continues(b, a):
                    near.append({"id": b.id, "display_title": b.display_title, "page": b.page,
                                 "before": _continues(b, a)})
        partners[a.id] = near
    entries = UndoLog(content_dir).entries()
    residue = None
    if outline is not None:
        try:
            residue = [{"line": r.line, "text": r.text} for r in outline(content_dir, settings, key).residue]
        except SitegenError:
            residue = None
    return {"page": key, "date": date, "articles": [_article_json(a, p, e, base) for a, p, e in mine],
            "partners": partners, "residue": residue, "choices": choices(settings),
            "undo": entries[-1].get("summary") if entries else None}
