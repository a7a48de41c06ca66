"""The sitemaps and robots.txt.

``sitemap.xml`` is a sitemap index: one sitemap per year of the paper
(``sitemaps/2015.xml``: that year's articles, issues and printed pages), one for undated
ones and one for every other page (lists, indexes: ``sitemaps/pages.xml``). A sitemap holds
at most 50,000 URLs (the protocol's limit; at 100 bytes a URL it stays far under 50 MB), so
a bigger year goes on in ``2015-2.xml``. A year's sitemap stops changing once the year's
issues are in, which is what a crawler re-reading the index wants.

Each URL has a ``lastmod``: the newest issue date the page shows (an article's own date, a
list page's newest article), else the archive's newest date. Dates come from the articles, not
from file times, so a clean build and a rebuild give the same sitemaps.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000


@dataclass
class Entry:
    url: str            # relative to the site root
    lastmod: str | None  # YYYY-MM-DD; None only in an archive with no dated issue
    sitemap: str        # which sitemap it goes in: a year, "undated" or "pages"


def _dates(context: dict):
    if "article" in context:
        yield context["article"].date
    if "group" in context and context.get("articles"):
        yield context["articles"][0].date          # the page's newest (undated ones come last)
    if "issue" in context:
        yield context["issue"].date
    for issue in context.get("issues", ()):
        yield issue.date
    for issues in context.get("months", {}).values():
        yield from (i.date for i in issues)
    if context.get("latest") is not None:
        yield context["latest"].date


_DATE_URL = re.compile(r"date/(\d{4}|undated)/")


def entry(job, newest: str | None) -> Entry:
    """Where a page goes in the sitemaps, and its lastmod (``newest``: the archive's newest date)."""
    if job.template == "article.html":
        # Most of the site's pages, so taken straight: an article page shows its own date only.
        date = job.context["article"].date
        return Entry(job.url, date or newest, date[:4] if date else "undated")
    lastmod = max((d for d in _dates(job.context) if d), default=None) or newest
    m = _DATE_URL.match(job.url)
    return Entry(job.url, lastmod, m.group(1) if m else "pages")


_DATE_PAGES = frozenset({"dates.html", "year.html", "month.html"})


def site_entries(model, jobs, newest: str | None) -> list[Entry]:
    """Every page's entry, in the order ``pages.page_jobs`` lists the pages (the order each
    sitemap keeps). The pages of issues (their articles', their printed pages', their own)
    are taken from the model: ``jobs`` may leave them out (``page_jobs``' ``skip``). Each
    shows its issue's date (an article its own: the same)."""
    from sitegen.site import urls
    from sitegen.site.pages import ISSUE_TEMPLATES

    head: list[Entry] = []
    dates: list[Entry] = []
    rest: list[Entry] = []
    for job in jobs:
        if job.in_sitemap and job.template not in ISSUE_TEMPLATES:
            part = head if job.template == "index.html" else dates if job.template in _DATE_PAGES else rest
            part.append(entry(job, newest))
    articles = [Entry(urls.article(a.id), a.date or newest, a.date[:4] if a.date else "undated")
                for a in model.articles]
    issues = []
    for issue in model.issues:
        lastmod = issue.date or newest
        for url in (issue.url, *(p.url for p in issue.pages)):
            m = _DATE_URL.match(url)
            issues.append(Entry(url, lastmod, m.group(1) if m else "pages"))
    return head + articles + dates + issues + rest


def chunk_key(chunk: list[Entry]) -> str:
    """What a sitemap file is made from (its URLs and their lastmod), as text to hash."""
    return "\n".join([f"{e.url}\t{e.lastmod}" for e in chunk])


def _xml(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def sitemap_chunks(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Which sitemap file each entry goes in: path → its entries, in the index's order."""
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(e.sitemap, []).append(e)
    chunks: dict[str, list[Entry]] = {}
    for name in sorted(groups):
        chunk_list = groups[name]
        for n in range(0, len(chunk_list), MAX_URLS):
            path = f"sitemaps/{name}.xml" if n == 0 else f"sitemaps/{name}-{n // MAX_URLS + 1}.xml"
            chunks[path] = chunk_list[n: n + MAX_URLS]
    return chunks


def urlset(chunk: list[Entry], absolute) -> bytes:
    """One sitemap file."""
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}urlset")
    for e in chunk:
        url = ET.SubElement(root, f"{{{NS}}}url")
        ET.SubElement(url, f"{{{NS}}}loc").text = absolute(e.url)
        if e.lastmod:
            ET.SubElement(url, f"{{{NS}}}lastmod").text = e.lastmod
    return _xml(root)


def sitemap_index(chunks: dict[str, list[Entry]], absolute) -> bytes:
    """``sitemap.xml``: the sitemaps, each with the newest lastmod of its URLs."""
    ET.register_namespace("", NS)
    index = ET.Element(f"{{{NS}}}sitemapindex")
    for path, chunk in chunks.items():
        listed = ET.SubElement(index, f"{{{NS}}}sitemap")
        ET.SubElement(listed, f"{{{NS}}}loc").text = absolute(path)
        lastmod = max((e.lastmod for e in chunk if e.lastmod), default=None)
        if lastmod:
            ET.SubElement(listed, f"{{{NS}}}lastmod").text = lastmod
    return _xml(index)


def sitemaps(entries: list[Entry], absolute) -> dict[str, bytes]:
    """Site path → bytes: ``sitemap.xml`` (the index) and the sitemaps it lists."""
    chunks = sitemap_chunks(entries)
    files = {path: urlset(chunk, absolute) for path, chunk in chunks.items()}
    files["sitemap.xml"] = sitemap_index(chunks, absolute)
    return files


def robots(sitemap_url: str) -> bytes:
    return f"User-agent: *\nAllow: /\nSitemap: {sitemap_url}\n".encode("utf-8")
