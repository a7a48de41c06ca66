"""What an article page says about itself to machines: JSON-LD ``NewsArticle``. Pure
functions; the article template calls them. The citation block (GB/T 7714, APA, BibTeX) is
written in the reader's browser (``static/js/citation.js``) from this data, the headline and
the canonical link: in every page the three forms were a sixth of its bytes."""

from __future__ import annotations

from sitegen.content import Article


def authors(a: Article) -> list[str]:
    """Everyone the article names as its makers, once each, in the order a citation lists them."""
    return list(dict.fromkeys(a.reporters + a.authors + a.correspondents + a.photographers))


def news_article(a: Article, page_label: str, url: str, paper: str, image: str = "") -> dict:
    """The page's language is the document's ``lang``, its description the page's one
    ``<meta name="description">``, its districts the metadata list's links: they are not
    written again here."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.display_title,
        "url": url,
        "publisher": {"@type": "Organization", "name": paper},
        "articleSection": page_label,
    }
    if a.subtitles:
        data["alternativeHeadline"] = " ".join(a.subtitles)
    if a.date:
        data["datePublished"] = a.date
    names = authors(a)
    if names:
        data["author"] = [{"@type": "Person", "name": n} for n in names]
    if a.tags:
        data["keywords"] = ", ".join(a.tags)
    if image:
        data["image"] = [image]
    return data

