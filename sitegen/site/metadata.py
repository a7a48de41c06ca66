"""What an article page says about itself to machines and to people citing it: JSON-LD
``NewsArticle`` and its citation in the Chinese standard form (GB/T 7714, newspaper [N]),
APA and BibTeX. Pure functions; the article template calls them."""

from __future__ import annotations

from sitegen.content import Article


def _authors(a: Article) -> list[str]:
    return list(dict.fromkeys(a.reporters + a.authors + a.correspondents + a.photographers))


def news_article(a: Article, page_label: str, url: str, paper: str, language: str, description: str,
                 image: str = "") -> dict:
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
    if image:
        data["image"] = [image]
    return data


def citation(a: Article, page_number: str | None, url: str, paper: str) -> str:
    """作者. 题名[N]. 报纸名, 出版日期(版次). 链接 — GB/T 7714's form for a newspaper article."""
    authors = _authors(a)
    head = (", ".join(authors[:3]) + (", 等" if len(authors) > 3 else "") + ". ") if authors else ""
    when = a.date or "出版日期不详"
    page = f"({page_number})" if page_number else ""
    return f"{head}{a.display_title}[N]. {paper}, {when}{page}. {url}"


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def apa(a: Article, page_number: str | None, url: str, paper: str) -> str:
    """APA 7th edition, newspaper article: Author, & Author. (2020, July 20). Title. Paper, page. URL
    (Chinese names are written whole, as APA does for names without initials)."""
    authors = _authors(a)
    if a.date:
        y, m, d = a.date.split("-")
        when = f"({y}, {MONTHS_EN[int(m) - 1]} {int(d)})"
    else:
        when = "(n.d.)"
    if len(authors) > 1:
        names = ", ".join(authors[:-1]) + ", & " + authors[-1]
    else:
        names = "".join(authors)
    page = f", {page_number}" if page_number else ""
    if names:
        return f"{names}. {when}. {a.display_title}. {paper}{page}. {url}"
    return f"{a.display_title}. {when}. {paper}{page}. {url}"     # no author: the title takes its place


_BIBTEX_SPECIAL = {c: "\\" + c for c in "&%$#_{}"}


def _bib(text: str) -> str:
    text = text.replace("\\", "\\textbackslash{}")
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in text).replace("~", "\\textasciitilde{}").replace(
        "^", "\\textasciicircum{}")


def bibtex(a: Article, page_number: str | None, url: str, paper: str, language: str = "chinese") -> str:
    """A BibTeX ``@article`` (the entry type BibTeX and biblatex both read for a newspaper
    article); the key is the article's id, which is ASCII and stable."""
    fields = [("title", a.display_title), ("journal", paper)]
    authors = _authors(a)
    if authors:
        fields.insert(0, ("author", " and ".join(authors)))
    if a.date:
        y, m, d = a.date.split("-")
        fields += [("year", y), ("month", str(int(m))), ("day", str(int(d))), ("date", a.date)]
    if page_number:
        fields.append(("pages", str(page_number)))
    fields += [("url", url), ("language", language)]
    key = "".join(c if c.isascii() and (c.isalnum() or c in "-_:") else "-" for c in a.id)
    body = ",\n".join(f"  {name} = {{{value if name == 'url' else _bib(value)}}}" for name, value in fields)
    return f"@article{{{key},\n{body}\n}}"


def citations(a: Article, page_number: str | None, url: str, paper: str) -> list[tuple[str, str, str]]:
    """The citation block's forms: (key, label, text)."""
    return [("gbt7714", "GB/T 7714", citation(a, page_number, url, paper)),
            ("apa", "APA", apa(a, page_number, url, paper)),
            ("bibtex", "BibTeX", bibtex(a, page_number, url, paper))]
