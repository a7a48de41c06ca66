"""Corrections that move lines between a page's articles and its residue.

``move_headline`` (a headline, kicker or subtitle printed over the wrong body goes to the
right one, the two headlines swapping where both have one), ``not_an_article`` (the text
is the page's residue or furniture) and ``to_article`` (a residue line is an article's).
Each writes the page's whole cut into its record, as ``split`` does, with the lines moved
by their text (``takes``, ``residue``, ``not_article``: ``sitegen.ingest.corrections``),
tries the record on the page, and ingests the page again; ``sitegen undo`` puts it back.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.ingest.identity import normalise


def _short(text: str, n: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "…"


def _replaced(view, changed: list) -> list:
    """The page's groups, some replaced (``changed``: (old group, new) pairs)."""
    new = {id(old): g for old, g in changed}
    return [new.get(id(g), g) for g in view.cut.groups]


def _record(archive, key, view, changed: list):
    """The page's record with its cut, some groups replaced (``changed``: (old, new) pairs)."""
    from sitegen.corrections import _entries, _headlines, _page_record

    heads = _headlines(view)
    for old, new in changed:
        heads[id(new)] = heads.get(id(old))
    groups = _replaced(view, changed)
    return groups, _page_record(archive, key, _entries(view.cut.units, groups, heads))


def _copy(group):
    return dataclasses.replace(group, takes=list(group.takes), residue=list(group.residue))


def _draft_of(view, ident: str):
    return next((d for d in view.cut.drafts if d.group.id == ident), None)


def _headline_lines(article) -> list[tuple[str, str]]:
    """(role, text) of an article's headline lines: headline, kickers and subtitles, subheads."""
    out = [("headline", article.title)] if article.title else []
    out += [("subtitle", s) for s in article.subtitles]
    out += [("subhead", p[4:]) for p in article.paragraphs if p.startswith("### ")]
    return out


def _take(groups, target, line: str) -> None:
    """``target`` takes ``line``: no other article takes it any more (the last move wins)."""
    want = normalise(line)
    for g in groups:
        if g is not target:
            g.takes = [t for t in g.takes if normalise(t) != want]
    if all(normalise(t) != want for t in target.takes):
        target.takes.append(line)


def move_headline(content_dir, settings, article_id: str, to_id: str, line: str | None = None):
    """The headline of ``article_id`` (or its headline line ``line``: the headline, a kicker
    or subtitle, or a subhead of its text) goes to ``to_id``. When the headline moves and
    ``to_id`` has one, ``to_id``'s goes to ``article_id``: the two swap."""
    from sitegen.corrections import _comments, _commit, _refuse_edited, _try, _two

    verb = f"move a headline from {article_id} to {to_id}"
    archive, (ka, va, na), (kb, _, nb) = _two(content_dir, settings, article_id, to_id, verb,
                                              "it is the same article")
    if ka != kb:
        raise SitegenError(f"cannot {verb}: they are on different pages ({va.page.source}, "
                           f"{archive.view(kb).page.source}); a headline moves within its page")
    _refuse_edited(archive, verb, article_id, to_id)
    da, db = va.cut.drafts[na], va.cut.drafts[nb]
    lines = _headline_lines(da.article)
    if line is None:
        if not da.article.title:
            raise SitegenError(f"cannot {verb}: {article_id} has no headline to move")
        role, text = lines[0]
    else:
        want = normalise(line)
        hit = next(((r, t) for r, t in lines if normalise(t) == want), None) if want else None
        if hit is None:
            have = ", ".join(f"«{_short(t)}»" for _, t in lines) or "none"
            raise SitegenError(f"cannot {verb}: «{_short(line)}» is not a headline line of {article_id} "
                               f"(its headline, kickers, subtitles and subheads: {have})")
        role, text = hit
    swap = role == "headline" and db.article.title
    ga, gb = _copy(da.group), _copy(db.group)
    changed = [(da.group, ga), (db.group, gb)]
    groups = _replaced(va, changed)
    _take(groups, gb, text)
    if swap:
        _take(groups, ga, db.article.title)
    groups, record = _record(archive, ka, va, changed)
    tried = _try(archive, {ka: record}, ka, groups, va.cut.units)
    got_b = _draft_of(tried, to_id)
    if got_b is None or normalise(text) not in [normalise(t) for _, t in _headline_lines(got_b.article)]:
        raise SitegenError(f"cannot {verb}: the page would not print «{_short(text)}» over {to_id} "
                           "(nothing was changed)")
    what = {"headline": "headline", "subtitle": "kicker/subtitle", "subhead": "subhead"}[role]
    changes = [f"moved the {what} «{text}» from {article_id} to {to_id}"]
    if swap:
        changes.append(f"moved the headline «{db.article.title}» from {to_id} to {article_id} (swapped)")
    elif role == "headline":
        changes.append(f"{article_id} has no headline now (give it one with sitegen set {article_id} title=…)")
    return _commit(archive, "headline", changes, {ka: record}, _comments(va), article=article_id)


def not_an_article(content_dir, settings, article_id: str, as_: str = "residue"):
    """``article_id`` is no article: its text becomes the page's residue (``as_="residue"``,
    reported by ingest) or its furniture (``"furniture"``: part of no article, not
    reported). Its file goes; its URL leads to its issue's page."""
    from sitegen.corrections import _Archive, _comments, _commit, _refuse_edited, _try

    verb = f"make {article_id} no article"
    if as_ not in ("residue", "furniture"):
        raise SitegenError(f"cannot {verb}: its text becomes residue or furniture, not {as_!r}")
    archive = _Archive(content_dir, settings)
    key, view, n = archive.find(article_id, verb)
    _refuse_edited(archive, verb, article_id)
    draft = view.cut.drafts[n]
    if any(s == -1 for s in draft.sources):
        raise SitegenError(f"cannot {verb}: text of another page is merged into it (undo that merge first)")
    if len(view.articles) == 1:
        raise SitegenError(f"cannot {verb}: it is the only article of {view.page.source}")
    g = _copy(draft.group)
    g.not_article = as_
    groups, record = _record(archive, key, view, [(draft.group, g)])
    record.fields.pop(article_id, None)
    tried = _try(archive, {key: record}, key, groups, view.cut.units)
    if any(a.id == article_id for a in tried.articles):
        raise SitegenError(f"cannot {verb}: the page would still make it an article (nothing was changed)")
    article = view.articles[n]
    what = "the page's residue (ingest reports it)" if as_ == "residue" else "page furniture (part of no article)"
    changes = [f"{article_id} «{_short(article.display_title)}» is no article now: its text is {what}",
               f"{article_id} is gone: its URL now leads to its issue's page"]
    return _commit(archive, "unarticle", changes, {key: record}, _comments(view), article=article_id)


def find_page_key(archive, page: str | Path) -> str | None:
    """A page's key (its path in the pages folder) from the key itself, or from a path to
    the file (as ingest names it: ``pages/p03.txt``), relative to the project or absolute."""
    text = str(page)
    if text in archive.state.pages:
        return text
    pages_dir = Path(archive.settings.pages_dir).resolve()
    root = Path(getattr(archive.settings, "root", None) or ".")
    for path in (Path(text), root / text):
        try:
            key = path.resolve().relative_to(pages_dir).as_posix()
        except (ValueError, OSError):
            continue
        if key in archive.state.pages:
            return key
    return None


def to_article(content_dir, settings, page_key: str, line, article_id: str):
    """A residue line of the page ``page_key`` (its path in the pages folder, or its file's
    path as ingest names it: ``pages/p03.txt``) joins ``article_id``, where it is printed
    among its paragraphs. ``line`` is the residue line's number in the page file (an int,
    as ingest reports it: ``residue: pages/p03.txt:38: …``) or its text."""
    from sitegen.corrections import _Archive, _comments, _commit, _refuse_edited, _try

    verb = f"join a residue line to {article_id}"
    archive = _Archive(content_dir, settings)
    key = find_page_key(archive, page_key)
    if key is None:
        raise SitegenError(f"cannot {verb}: no page file {page_key} was ingested")
    akey, view, n = archive.find(article_id, verb)
    if akey != key:
        raise SitegenError(f"cannot {verb}: it is an article of {view.page.source}, not of {page_key}")
    _refuse_edited(archive, verb, article_id)
    residue = view.residue
    listed = ", ".join(str(k) for k, _ in residue) or "none"
    if isinstance(line, int) or isinstance(line, str) and line.strip().isdigit():
        number = int(line)
        hit = next((r for r in residue if r[0] == number), None)
        if hit is None:
            raise SitegenError(f"cannot {verb}: line {number} of {view.page.source} is not residue "
                               f"(residue lines: {listed})")
    else:
        want = normalise(str(line or ""))
        hit = next((r for r in residue if want and normalise(r[1]) == want), None)
        if hit is None:
            raise SitegenError(f"cannot {verb}: «{_short(str(line))}» is not a residue line of {view.page.source} "
                               f"(residue lines: {listed})")
    number, text = hit
    draft = view.cut.drafts[n]
    g = _copy(draft.group)
    g.residue.append(text)
    groups, record = _record(archive, key, view, [(draft.group, g)])
    tried = _try(archive, {key: record}, key, groups, view.cut.units)
    got = _draft_of(tried, article_id)
    k = next((i for i, s in enumerate(got.sources) if s == -2 and normalise(got.article.paragraphs[i]) ==
              normalise(text)), None) if got else None
    if k is None or len(tried.residue) != len(residue) - 1:
        raise SitegenError(f"cannot {verb}: the page would not take the line into it (nothing was changed)")
    article = view.articles[n]
    changes = [f"residue line {number} «{_short(text)}» of {view.page.source} joins {article_id} "
               f"«{_short(article.display_title)}» as its paragraph {k + 1}"]
    return _commit(archive, "residue", changes, {key: record}, _comments(view), article=article_id)
