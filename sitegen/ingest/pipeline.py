"""One page in, its articles out: segmentation plus the labels (date, places, tags, id).

Pure: the caller reads the page and the data files and writes the results. Ids come from
``identity``: an article the page yielded before (``previous``, from the ingest state)
keeps its id; a new one is named by its page and its own opening text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitegen.content import Article
from sitegen.ingest.identity import Fingerprint, Identities, identify
from sitegen.pages import Page
from sitegen.segmentation import segment_page

_COLUMN_HEADER = re.compile(r"^\s*[■□◆◇●▲★☆]\s*(\S[^\n]{0,20}?)\s*$", re.M)


@dataclass
class PageResult:
    page: Page
    articles: list[Article]
    residue: list[tuple[int, str]] = field(default_factory=list)
    identities: Identities | None = None         # fingerprints, and what went away since last time


def column_names(text: str) -> set[str]:
    """Column (栏目) names a page prints with a ■ mark; other pages print them doubled or bare."""
    return {m.group(1).replace(" ", "") for m in _COLUMN_HEADER.finditer(text)}


def articles_from_page(page: Page, issue, known_columns: set[str], vocabulary=None, gazetteer=None,
                       previous: dict[str, Fingerprint | None] | None = None,
                       gone: dict[str, Fingerprint | None] | None = None) -> PageResult:
    """The articles of one page. ``issue`` carries date, date_source and page (版) number;
    ``previous`` and ``gone`` the fingerprints of the articles the page yielded before."""
    from sitegen.places import find_places
    from sitegen.tags import tag_article

    segmented = segment_page(page.text, known_columns | column_names(page.text))
    articles = []
    for order, seg in enumerate(segmented.articles, start=1):
        body = "\n\n".join(seg.paragraphs)
        places = find_places(seg.title or "", body, subtitles=seg.subtitles, gazetteer=gazetteer) \
            if seg.kind != "ad" else None
        tags = tag_article(seg.title or "", seg.subtitles, body, seg.kind, vocabulary=vocabulary,
                           places=(places.districts + places.places) if places else ())
        articles.append(Article(
            id="",
            title=seg.title,
            subtitles=seg.subtitles,
            kind=seg.kind,
            column=seg.column,
            byline=seg.author_line,
            source=page.source,
            order=order,
            page=issue.page,
            date=issue.date,
            date_source=issue.date_source,
            reporters=seg.byline.reporters,
            correspondents=seg.byline.correspondents,
            photographers=seg.byline.photographers,
            authors=seg.byline.authors,
            districts=places.districts if places else [],
            places=places.places if places else [],
            tags=tags,
            continued_from=seg.continued_from,
            continued_to=seg.continued_to,
            body=body,
        ))
    identities = identify(page.relpath, issue.date, [(a.title, a.subtitles, a.body) for a in articles],
                          previous or {}, gone)
    for a, ident in zip(articles, identities.ids):
        a.id = ident
    return PageResult(page, articles, segmented.residue, identities)
