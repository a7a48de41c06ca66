"""Checks every internal link, anchor and asset of a built site: zero broken is the bar
(``sitegen check`` runs it before publishing; the tests run it on every site they build).

Reads each HTML file, collects href/src/srcset/action values (and the OpenGraph URL and
image a shared link shows), each stylesheet's ``url(…)``, the sitemap's and feeds' links; resolves them as a browser
would under the site's base path, and reports the ones that point at no file, or at an
``#id`` the target page does not have. A full URL on the site's own address is checked as
the path it names; links to other sites are not followed (the site must work offline, and a
check must not depend on the network).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRS = ("href", "src", "action", "data-src", "poster")
_META_LINKS = ("og:url", "og:image")           # <meta property=… content=URL>
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass(frozen=True)
class BrokenLink:
    page: str          # the HTML (or CSS) file, relative to the output folder
    target: str        # the link as written
    reason: str = "no such file"

    def __str__(self) -> str:
        kind = "anchor" if self.reason.startswith("no id") else "link"
        return f"{self.page}: broken {kind} {self.target} ({self.reason})"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag == "meta" and dict(attrs).get("property") in _META_LINKS and dict(attrs).get("content"):
            self.links.append(dict(attrs)["content"])
        for name, value in attrs:
            if not value:
                continue
            if name in _LINK_ATTRS:
                self.links.append(value)
            elif name == "srcset":
                self.links += _srcset_urls(value)
            elif name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset, read as browsers do (HTML's srcset parsing): a URL runs to the
    next space, so one may hold commas (an IIIF image's ``full/640,/0/default.jpg``)."""
    urls, i, n = [], 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        j = i
        while j < n and not value[j].isspace():
            j += 1
        url = value[i:j]
        if url.endswith(","):
            url, i = url.rstrip(","), j
        else:
            comma = value.find(",", j)
            i = n if comma < 0 else comma + 1
        if url:
            urls.append(url)
    return urls


def _target_file(output: Path, path: str) -> Path | None:
    target = output / path.lstrip("/")
    if path.endswith("/") or not path:
        index = target / "index.html"
        return index if index.is_file() else None
    if target.is_file():
        return target
    index = target / "index.html"
    return index if index.is_file() else None


def _xml_links(path: Path) -> list[str]:
    """A sitemap's ``<loc>``s and an Atom feed's ``<link href>``s (not its ids: names, not links)."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return []
    return [e.text.strip() for e in root.iter() if e.tag.endswith("}loc") and e.text] + \
           [e.get("href") for e in root.iter() if e.tag.endswith("}link") and e.get("href")]


def check_links(output_dir: Path, base_path: str = "/", site_url: str = "") -> list[BrokenLink]:
    """Every broken internal link or asset of the site in ``output_dir``, served at
    ``base_path``; ``site_url`` (the absolute base URL, if any) makes full links to the site
    itself checked too."""
    output_dir = Path(output_dir)
    site_url = site_url if "://" in site_url else ""
    site_url = site_url.rstrip("/") + "/" if site_url else ""
    ids: dict[Path, set[str]] = {}         # only the ids are kept: a big site has many links

    def parse(path: Path) -> _Page:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        ids[path] = page.ids
        return page

    def ids_of(path: Path) -> set[str]:
        return ids[path] if path in ids else parse(path).ids

    broken = []

    def check(rel: str, source: Path, page_url: str, written: str) -> None:
        link = base_path + written[len(site_url):] if site_url and written.startswith(site_url) else written
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
            return
        path = unquote(parts.path)
        if not path:                       # "#id" on this page
            target: Path | None = source
        else:
            absolute = path if path.startswith("/") else posixpath.join(posixpath.dirname(page_url), path)
            absolute = posixpath.normpath(absolute) + ("/" if path.endswith("/") else "")
            if not (absolute.startswith(base_path) or absolute + "/" == base_path):
                broken.append(BrokenLink(rel, written, f"outside the site's path {base_path}"))
                return
            target = _target_file(output_dir, absolute[len(base_path):] if absolute.startswith(base_path) else "")
        if target is None:
            broken.append(BrokenLink(rel, written))
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target):
            where = target.relative_to(output_dir).as_posix()
            broken.append(BrokenLink(rel, written, f"no id \"{unquote(parts.fragment)}\" on {where}"))

    for html_file in sorted(output_dir.rglob("*.html")):
        rel = html_file.relative_to(output_dir).as_posix()
        page_url = base_path + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        for link in parse(html_file).links:
            check(rel, html_file, page_url, link)
    for xml_file in sorted(output_dir.rglob("*.xml")):      # the sitemap's and the feeds' links
        rel = xml_file.relative_to(output_dir).as_posix()
        for link in _xml_links(xml_file):
            check(rel, xml_file, base_path + rel, link)
    for css_file in sorted(output_dir.rglob("*.css")):
        rel = css_file.relative_to(output_dir).as_posix()
        text = re.sub(r"/\*.*?\*/", "", css_file.read_text(encoding="utf-8", errors="replace"), flags=re.S)
        for m in _CSS_URL.finditer(text):
            if not m.group(2).startswith("#"):        # an SVG filter's #id, not a file
                check(rel, css_file, base_path + rel, m.group(2).strip())
    return broken
