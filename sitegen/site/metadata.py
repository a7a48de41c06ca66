"""What an article page says about itself to machines: JSON-LD ``NewsArticle``. Pure
functions; the article template calls them. The citation block (GB/T 7714, APA, BibTeX) is
written in the reader's browser (``static/js/citation.js``) from this data, the headline and
the canonical link: in every page the three forms were a sixth of its bytes."""

from __future__ import annotations

from sitegen.content import Article


def authors(a: Article) -> list[str]:
    """Everyone the article names as its makers, once each, in the order a citation lists them."""
    return list(dict.fromkeys(a.reporters + a.authors + a.correspondents + a.photographers))


def news_article(a: Article, paper: str, image: str = "") -> dict:
    """What search engines read of an article (Google's Article data: headline, date, authors,
    image) and the citation is written from (the paper). The page's language is the
    document's ``lang``, its URL the canonical link, its description the page's one ``<meta
    name="description">``; its 版, subtitle, districts and tags are in the page for readers:
    none is written again here. ``image``: the printed page's scan, or "" (the theme's share
    card is no picture of this article)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.display_title,
        "publisher": {"@type": "Organization", "name": paper},
    }
    if a.date:
        data["datePublished"] = a.date
    names = authors(a)
    if names:
        data["author"] = [{"@type": "Person", "name": n} for n in names]
    if image:
        data["image"] = [image]
    return data
