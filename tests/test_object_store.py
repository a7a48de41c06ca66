"""An archive past one GitHub Pages site is published to an object store with a CDN in
front (the README's "When the archive outgrows one GitHub Pages site"). Such a host serves
keys, not folders: an index document for a key ending in ``/``, a redirect to ``key/`` for a
folder named without its slash, an error document with status 404 for anything else, and no
listing; a CDN in front may add ``Content-Encoding: gzip`` to the ``.gz`` files. Here the
site, built for its own address, is served that way under that address and read in
Chromium: every page of its sitemap, an article, a search, and a missing page at depth."""

from __future__ import annotations

import contextlib
import functools
import http.client
import http.server
import mimetypes
import re
import threading
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest

from browser import CHROMIUM, CHROMIUM_ARGS, needs_chromium
from conftest import write_synthetic_project
from sitegen.config import load_settings
from sitegen.site.build import build_site

HOST = "archive.example.org"


class ObjectStore(http.server.BaseHTTPRequestHandler):
    """What an S3 website endpoint or an R2 public bucket with an index document does with a
    request; ``encoded``: a CDN in front serves the stored ``.gz`` files as gzip-encoded."""

    def __init__(self, *args, root: Path, encoded: bool, **kwargs):
        self.root, self.encoded = root, encoded
        super().__init__(*args, **kwargs)

    def _object(self, key: str) -> Path | None:
        path = self.root / key
        return path if key and path.is_file() and self.root in path.resolve().parents else None

    def do_GET(self):
        key = unquote(urlsplit(self.path).path).lstrip("/")
        found = self._object(key + "index.html" if key.endswith("/") or not key else key)
        if found is None and self._object(key + "/index.html"):
            self.send_response(302)
            self.send_header("Location", "/" + key + "/")
            self.end_headers()
            return
        status = 200 if found else 404
        found = found or self._object("404.html")
        data = found.read_bytes() if found else b""
        self.send_response(status)
        if found is not None and found.suffix == ".gz" and self.encoded:
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Encoding", "gzip")
        else:
            self.send_header("Content-Type", mimetypes.guess_type(found.name if found else "x.html")[0]
                             or "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def object_store(root: Path, encoded: bool):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(ObjectStore, root=root,
                                                                                   encoded=encoded))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser_at(port: int):
    """Chromium that finds the site's own host name on the local store, over plain HTTP."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1:{port}"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            failed: list[str] = []
            page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
            yield page, errors, failed
        finally:
            browser.close()


@pytest.fixture(scope="module")
def store_site(tmp_path_factory) -> Path:
    root = write_synthetic_project(tmp_path_factory.mktemp("object-store"), base_url=f"https://{HOST}/")
    build_site(load_settings(root))
    return root / "public"


def _sitemap_paths(site: Path) -> list[str]:
    paths = []
    for sitemap in sorted((site / "sitemaps").glob("*.xml")):
        paths += [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8"))]
    return paths


def _status(port: int, path: str) -> int:
    """The store's answer to a request for ``path``, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", quote(path, safe="/?=&%"), headers={"Host": HOST})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@needs_chromium
@pytest.mark.parametrize("encoded", [False, True], ids=["gz-as-stored", "gz-encoded-by-cdn"])
def test_the_site_reads_and_searches_from_an_object_store_at_its_own_address(store_site, encoded):
    paths = _sitemap_paths(store_site)
    assert len(paths) > 20 and all(p.startswith("/") for p in paths)
    with object_store(store_site, encoded) as port, browser_at(port) as (page, errors, failed):
        base = f"http://{HOST}"
        for path in paths:                      # every page the sitemap promises, as the store serves it
            assert _status(port, path) == 200, path
        page.goto(base + "/")
        # every link of the home page within the site is a key the store has (none needs a redirect)
        links = page.eval_on_selector_all("a[href^='/'], link[href^='/'], script[src^='/']",
                                          "els => els.map(e => e.getAttribute('href') || e.getAttribute('src'))")
        assert len(links) > 10
        for link in sorted(set(links)):
            assert _status(port, link.split("#")[0]) == 200, link
        page.locator("a[href^='/a/']").first.click()
        page.wait_for_load_state()
        assert page.url.startswith(base + "/a/") and page.locator("article h1, main h1").count() >= 1
        page.goto(base + "/search/?q=" + quote("陶然亭"))
        page.wait_for_function("document.querySelector('#search-status').textContent.startsWith('找到')")
        assert "陶然亭工会构建疫情防线" in page.locator(".search-result").first.inner_text()
        assert errors == [] and failed == [], (errors, failed)
        # a page that is not there, deep in the site: the store's error document, styled
        response = page.goto(base + "/a/no-such-article/or-deeper/")
        assert response.status == 404
        assert page.evaluate("[...document.styleSheets].some(s => (s.href || '').endsWith('/static/css/site.css')"
                             " && s.cssRules.length > 0)")
        assert [u for u in failed if "no-such-article" not in u] == []
