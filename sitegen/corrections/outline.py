"""One printed page as an editor corrects it: its articles in page order and its residue.

What the browser's edit mode shows of a page (and what the correction functions' paragraph
numbers and residue lines refer to): built on ``sitegen.ingest.page_view``, so it is the
page as ingest makes it of the page file and its record, not as the files were last edited.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.errors import SitegenError


@dataclass
class OutlineArticle:
    id: str
    title: str | None
    subtitles: list[str]               # kicker (引题) and subtitle (副题) lines
    kind: str
    paragraphs: list[str]              # the body's paragraphs: ``split --at N`` counts these, from 1
    column: str | None = None
    order: int = 0                     # position on the page, from 1
    edited: bool = False               # its file was edited by hand: ingest (and split, merge) leave it alone


@dataclass
class ResidueLine:
    line: int                          # line number in the page file (from 1)
    text: str


@dataclass
class PageOutline:
    page: str                          # the page file's path in the pages folder (the record's key)
    source: str                        # the page file, as ingest names it in messages
    articles: list[OutlineArticle] = field(default_factory=list)
    residue: list[ResidueLine] = field(default_factory=list)


def page_outline(content_dir, settings, page_key: str) -> PageOutline:
    """The page ``page_key`` (its path in the pages folder, the path of its file as ingest
    names it — ``pages/p03.txt`` —, or the id of one of its articles) as ingest cuts it now."""
    from sitegen.corrections import _Archive
    from sitegen.corrections.moves import find_page_key

    archive = _Archive(content_dir, settings)
    key = find_page_key(archive, page_key) or archive.owners.get(str(page_key))
    if key is None:
        raise SitegenError(f"cannot outline {page_key!r}: no page file of that path was ingested "
                           "(and no article has that id)")
    from sitegen.content import read_article

    view = archive.view(key)
    articles = []
    for a in view.articles:
        edited = archive.edited(a.id)
        if edited is not None:          # what is published is the editor's file
            a = read_article(edited)
        articles.append(OutlineArticle(a.id, a.title, list(a.subtitles), a.kind,
                                       a.body.split("\n\n") if a.body else [], a.column, a.order, edited is not None))
    return PageOutline(key, view.page.source, articles, [ResidueLine(n, text) for n, text in view.residue])
