"""Checks every internal link and asset of a built site: zero broken is the bar.

Reads each HTML file, collects href/src/srcset/action values, resolves them as a browser
would under the site's base path, and reports the ones that point at no file, or at an
``#id`` the target page does not have. Links to other sites are not followed (the site
must work offline, and a check must not depend on the network).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRS = ("href", "src", "action", "data-src", "poster")


@dataclass(frozen=True)
class BrokenLink:
    page: str          # the HTML file, relative to the output folder
    target: str        # the link as written

    def __str__(self) -> str:
        return f"{self.page}: {self.target}"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
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


def check_links(output_dir: Path, base_path: str = "/") -> list[BrokenLink]:
    """Every broken internal link or asset of the site in ``output_dir``, served at ``base_path``."""
    output_dir = Path(output_dir)
    ids: dict[Path, set[str]] = {}         # only the ids are kept: a big site has many links

    def parse(path: Path) -> _Page:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        ids[path] = page.ids
        return page

    def ids_of(path: Path) -> set[str]:
        return ids[path] if path in ids else parse(path).ids

    broken = []
    for html_file in sorted(output_dir.rglob("*.html")):
        rel = html_file.relative_to(output_dir).as_posix()
        page_url = base_path + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        for link in parse(html_file).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            path = unquote(parts.path)
            if not path:                       # "#id" on this page
                target: Path | None = html_file
            else:
                absolute = path if path.startswith("/") else posixpath.join(posixpath.dirname(page_url), path)
                absolute = posixpath.normpath(absolute) + ("/" if path.endswith("/") else "")
                if not (absolute.startswith(base_path) or absolute + "/" == base_path):
                    broken.append(BrokenLink(rel, link))   # outside the site: broken under a project path
                    continue
                target = _target_file(output_dir, absolute[len(base_path):] if absolute.startswith(base_path) else "")
            if target is None:
                broken.append(BrokenLink(rel, link))
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target):
                broken.append(BrokenLink(rel, link))
    return broken
