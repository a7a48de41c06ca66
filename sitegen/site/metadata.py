"""What an article page says about itself to machines and to people citing it: JSON-LD
``NewsArticle`` and a citation line in the Chinese standard form (GB/T 7714, newspaper
[N]). Pure functions; the article template calls them."""

from __future__ import annotations

from sitegen.content import Article


def _authors(a: Article) -> list[str]:
    return list(dict.fromkeys(a.reporters + a.authors + a.correspondents + a.photographers))


def news_article(a: Article, page_label: str, url: str, paper: str, language: str, description: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.display_title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": language,
        "publisher": {"@type": "Organization", "name": paper},
        "articleSection": page_label,
    }
    if a.subtitles:
        data["alternativeHeadline"] = " ".join(a.subtitles)
    if a.date:
        data["datePublished"] = a.date
    authors = _authors(a)
    if authors:
        data["author"] = [{"@type": "Person", "name": n} for n in authors]
    if a.tags:
        data["keywords"] = ", ".join(a.tags)
    if a.districts:
        data["contentLocation"] = [{"@type": "Place", "name": f"北京市{d}"} for d in a.districts]
    if description:
        data["description"] = description
    return data


def citation(a: Article, page_number: str | None, url: str, paper: str) -> str:
    """作者. 题名[N]. 报纸名, 出版日期(版次). 链接 — GB/T 7714's form for a newspaper article."""
    authors = _authors(a)
    head = (", ".join(authors[:3]) + (", 等" if len(authors) > 3 else "") + ". ") if authors else ""
    when = a.date or "出版日期不详"
    page = f"({page_number})" if page_number else ""
    return f"{head}{a.display_title}[N]. {paper}, {when}{page}. {url}"
