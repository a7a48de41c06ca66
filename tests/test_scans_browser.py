"""Page scans as a reader sees them, in real Chromium: the 版面 view's scan zooms (finer
tiles load), the issue view shows thumbnails, a page without a scan is as it was, and a
page on an IIIF image service is shown from the service."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from browser import chromium_page, needs_chromium, serve_folder
from sitegen.config import load_settings
from sitegen.site import build_site
from test_scans import PAGES, SERVICE, give_scans, page_scan, printed_page_file

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def scanned_repo(tmp_path_factory) -> tuple[Path, Path]:
    """The sample with three scanned pages, built for a project site (/repo/); and the
    image the IIIF service of the third page serves."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("scanned-repo"))
    give_scans(project)
    build_site(load_settings(project).with_overrides(base_url="/repo/"))
    remote = page_scan((project / "seeds" / f"{PAGES[2]}.txt").read_text(encoding="utf-8"),
                       tmp_path_factory.mktemp("iiif") / "page-2.png", size=(2000, 2800))
    return project / "public", remote


def _url(site: Path, page: str) -> str:
    return printed_page_file(site, page).parent.relative_to(site).as_posix() + "/"


def _folder(page) -> str:
    """The scan folder of the 版面 view open in ``page``."""
    return page.locator(".scan-viewer").get_attribute("data-info").split("/")[-2]


def _scale(url: str) -> float:
    """Full-image pixels per tile pixel of an IIIF tile request: smaller is finer."""
    region, size = url.split("/")[-4:-2]
    if region == "full" or size == "max":
        return 1e9 if region == "full" and size != "max" else 1
    return int(region.split(",")[2]) / int(size.split(",")[0])


def _iiif_service(image_path: Path):
    """A stand-in IIIF Image API 3 service (level 2: any region, any size), as a library's
    image server answers, with the CORS header real services send."""
    image = Image.open(image_path).convert("L")
    width, height = image.size
    seen: list[str] = []

    def handle(route):
        url = route.request.url
        seen.append(url)
        rest = url[len(SERVICE):].lstrip("/")
        headers = {"Access-Control-Allow-Origin": "*"}
        if rest == "info.json":
            body = ('{"@context":"http://iiif.io/api/image/3/context.json","id":"%s","type":"ImageService3",'
                    '"protocol":"http://iiif.io/api/image","profile":"level2","width":%d,"height":%d}'
                    % (SERVICE, width, height))
            return route.fulfill(status=200, body=body, headers=headers, content_type="application/json")
        region, size, _rotation, _quality = rest.split("/")
        x, y, w, h = (0, 0, width, height) if region == "full" else map(int, region.split(","))
        part = image.crop((x, y, x + w, y + h))
        if size not in ("max", "full"):
            sw, _, sh = size.partition(",")
            sw = int(sw) if sw else round(int(sh) * w / h)
            sh = int(sh) if sh else round(sw * h / w)
            part = part.resize((sw, sh))
        out = io.BytesIO()
        part.save(out, "JPEG")
        return route.fulfill(status=200, body=out.getvalue(), headers=headers, content_type="image/jpeg")

    return handle, seen


def _settle(page, seen: list, before: int) -> None:
    """Wait until requests beyond the first ``before`` have come and then stopped coming."""
    for _ in range(100):
        count = len(seen)
        page.wait_for_timeout(400)
        if count > before and len(seen) == count:
            return


def _open_scan(page, url: str, seen: list) -> None:
    """Open the 版面 view and reach for the scan (the pointer over it): the viewer opens
    and loads its first tiles."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    before = len(seen)
    page.mouse.move(0, 0)
    page.hover(".scan-viewer")
    page.wait_for_selector(".page-scan.scan-ready", timeout=20000)
    _settle(page, seen, before)


def test_the_printed_page_shows_its_scan_beside_the_text_and_it_zooms(scanned_repo):
    site, _ = scanned_repo
    with serve_folder(site, "/repo/") as base, chromium_page() as (page, errors):
        page.set_viewport_size({"width": 1400, "height": 1000})
        tiles, missing, scripts = [], [], []
        page.on("response", lambda r: (tiles if r.ok else missing).append(r.url)
                if "/repo/scans/" in r.url and r.url.endswith("default.jpg") else None)
        page.on("request", lambda r: scripts.append(r.url) if r.url.endswith(".js") else None)
        page.goto(base + _url(site, PAGES[0]))
        page.wait_for_load_state("networkidle")
        # A reader who only reads gets the page's picture and no viewer.
        assert page.evaluate("document.querySelector('.scan-picture').naturalWidth") >= 640
        assert not tiles and not [u for u in scripts if "openseadragon" in u]
        _open_scan(page, base + _url(site, PAGES[0]), tiles)
        assert tiles and not missing
        coarsest = min(_scale(u) for u in tiles)
        # The text is beside the scan, not under it.
        scan_box = page.locator(".page-scan").bounding_box()
        text_box = page.locator("ol.printed-page").bounding_box()
        assert text_box["x"] >= scan_box["x"] + scan_box["width"] and abs(text_box["y"] - scan_box["y"]) < 50
        # The viewer's drawing is on top of the page's picture, which stood in until it had opened.
        assert page.evaluate("""() => { const b = document.querySelector('.scan-viewer').getBoundingClientRect();
            return !!document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2).closest('.openseadragon-canvas'); }""")
        # The buttons zoom in on the middle of the page, down to full-size tiles.
        shown = len(tiles)
        for _ in range(3):
            page.get_by_role("button", name="放大版面").click()
        _settle(page, tiles, shown)
        assert len(tiles) > shown and not missing
        assert min(_scale(u) for u in tiles[shown:]) == 1
        # On another page, the scroll wheel zooms in where the pointer is.
        _open_scan(page, base + _url(site, PAGES[1]), tiles)
        shown = len(tiles)
        coarsest = min(_scale(u) for u in tiles[:shown] if "/" + _folder(page) + "/" in u)
        viewer = page.locator(".scan-viewer").bounding_box()
        page.mouse.move(viewer["x"] + viewer["width"] * 0.2, viewer["y"] + viewer["height"] * 0.2)
        for _ in range(4):
            page.mouse.wheel(0, -300)
            page.wait_for_timeout(150)
        _settle(page, tiles, shown)
        assert len(tiles) > shown and min(_scale(u) for u in tiles[shown:]) < coarsest and not missing
        assert not errors


def test_without_scripts_the_page_picture_shows(scanned_repo):
    site, _ = scanned_repo
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS

    with serve_folder(site, "/repo/") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(java_script_enabled=False).new_page()
            page.goto(base + _url(site, PAGES[1]))
            picture = page.locator(".scan-picture")
            assert picture.is_visible()
            assert page.evaluate("document.querySelector('.scan-picture').naturalWidth") >= 640
            # OpenSeadragon's script is on the page but cannot run: nothing covers the picture.
            assert page.locator(".openseadragon-canvas").count() == 0
        finally:
            browser.close()


def test_the_issue_view_shows_page_thumbnails_and_the_article_shares_its_page(scanned_repo):
    site, _ = scanned_repo
    with serve_folder(site, "/repo/") as base, chromium_page() as (page, errors):
        page_url = _url(site, PAGES[0])
        page.goto(base + page_url.rsplit("/", 2)[0] + "/")
        thumb = page.locator("a.page-thumb img")
        thumb.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('a.page-thumb img').naturalWidth > 0")
        assert page.evaluate("document.querySelector('a.page-thumb img').naturalWidth") == 320
        page.locator("a.page-thumb").click()
        page.wait_for_load_state("load")
        assert page.url == base + page_url
        page.locator(".printed-page h2 a").first.click()
        page.wait_for_load_state("load")
        image = page.locator('meta[property="og:image"]').get_attribute("content")
        assert re.fullmatch(r"/repo/scans/\w+/web\.jpg", image)
        response = page.request.get(base.split("/repo/")[0] + image)
        assert response.ok and response.headers["content-type"] == "image/jpeg"
        assert Image.open(io.BytesIO(response.body())).width == 1200
        assert not errors


def test_a_page_without_a_scan_shows_as_before(scanned_repo):
    site, _ = scanned_repo
    with serve_folder(site, "/repo/") as base, chromium_page() as (page, errors):
        asked = []
        page.on("request", lambda r: asked.append(r.url))
        page.goto(base + _url(site, "003_7c2e367b8fe2eefd"))
        page.wait_for_load_state("networkidle")
        assert page.locator(".page-scan").count() == 0
        assert page.locator("ol.printed-page > li").count() >= 2
        assert not [u for u in asked if "openseadragon" in u or "/scans/" in u]
        assert not errors


def test_a_page_on_an_iiif_service_is_read_from_the_service(scanned_repo):
    site, remote = scanned_repo
    handle, seen = _iiif_service(remote)
    with serve_folder(site, "/repo/") as base, chromium_page() as (page, errors):
        page.route(SERVICE + "/**", handle)
        ours = []
        page.on("request", lambda r: ours.append(r.url) if "/repo/scans/" in r.url else None)
        _open_scan(page, base + _url(site, PAGES[2]), seen)
        assert f"{SERVICE}/info.json" in seen
        pictures = {f"{SERVICE}/full/{w},/0/default.jpg" for w in (640, 1200)}    # the <img>, not the viewer
        assert [u for u in seen if u.endswith("default.jpg") and u not in pictures] and not ours
        shown = len(seen)
        for _ in range(3):
            page.get_by_role("button", name="放大版面").click()
        _settle(page, seen, shown)
        assert len(seen) > shown
        assert not errors
