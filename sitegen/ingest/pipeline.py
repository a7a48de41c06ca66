"""One page in, its articles out: segmentation plus the labels (date, places, tags, id).

Pure: the caller reads the page and the data files and writes the results.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from sitegen.content import Article
from sitegen.pages import Page
from sitegen.segmentation import segment_page
from sitegen.segmentation.segment import SegmentedArticle

_COLUMN_HEADER = re.compile(r"^\s*[■□◆◇●▲★☆]\s*(\S[^\n]{0,20}?)\s*$", re.M)


@dataclass
class PageResult:
    page: Page
    articles: list[Article]
    residue: list[tuple[int, str]] = field(default_factory=list)


def column_names(text: str) -> set[str]:
    """Column (栏目) names a page prints with a ■ mark; other pages print them doubled or bare."""
    return {m.group(1).replace(" ", "") for m in _COLUMN_HEADER.finditer(text)}


def _article_id(page: Page, seg: SegmentedArticle, date: str | None, taken: set[str]) -> str:
    """Stable and ASCII: the issue date, then a hash of the page (its path in the pages folder
    and its text) and of where the body starts."""
    head = "".join(seg.paragraphs)[:32]
    n = 0
    while True:
        digest = hashlib.sha1(f"{page.relpath}\n{page.sha}\n{head}\n{n}".encode("utf-8")).hexdigest()[:8]
        ident = f"{date.replace('-', '')}-{digest}" if date else f"nodate-{digest}"
        if ident not in taken:
            taken.add(ident)
            return ident
        n += 1


def articles_from_page(page: Page, issue, known_columns: set[str], vocabulary=None, gazetteer=None) -> PageResult:
    """The articles of one page. ``issue`` carries date, date_source and page (版) number."""
    from sitegen.places import find_places
    from sitegen.tags import tag_article

    segmented = segment_page(page.text, known_columns | column_names(page.text))
    taken: set[str] = set()
    articles = []
    for order, seg in enumerate(segmented.articles, start=1):
        body = "\n\n".join(seg.paragraphs)
        places = find_places(seg.title or "", body, subtitles=seg.subtitles, gazetteer=gazetteer) \
            if seg.kind != "ad" else None
        tags = tag_article(seg.title or "", seg.subtitles, body, seg.kind, vocabulary=vocabulary,
                           places=(places.districts + places.places) if places else ())
        articles.append(Article(
            id=_article_id(page, seg, issue.date, taken),
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
    return PageResult(page, articles, segmented.residue)
