"""Checks every internal link and asset of a built site: zero broken is the bar.

Reads each HTML file, collects href/src (and srcset) values, resolves them as a browser
would under the site's base path, and reports the ones that point at no file.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class BrokenLink:
    page: str          # the HTML file, relative to the output folder
    target: str        # the link as written


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in ("href", "src", "action", "data-src"):
                self.links.append(value)


def _exists(output: Path, path: str) -> bool:
    target = output / path.lstrip("/")
    if path.endswith("/") or not path:
        return (target / "index.html").is_file()
    return target.is_file() or (target / "index.html").is_file()


def check_links(output_dir: Path, base_path: str = "/") -> list[BrokenLink]:
    output_dir = Path(output_dir)
    broken = []
    for html_file in sorted(output_dir.rglob("*.html")):
        rel = html_file.relative_to(output_dir).as_posix()
        page_url = base_path + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        parser = _Links()
        parser.feed(html_file.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "javascript:", "data:")):
                continue
            path = unquote(parts.path)
            if not path:
                continue
            absolute = path if path.startswith("/") else posixpath.join(posixpath.dirname(page_url), path)
            absolute = posixpath.normpath(absolute) + ("/" if path.endswith("/") else "")
            if not absolute.startswith(base_path) and absolute + "/" != base_path:
                broken.append(BrokenLink(rel, link))
                continue
            inside = absolute[len(base_path):] if absolute.startswith(base_path) else ""
            if not _exists(output_dir, inside):
                broken.append(BrokenLink(rel, link))
    return broken
