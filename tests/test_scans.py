"""Page scans: a page file's image beside it or named in pages.toml becomes deep-zoom tiles,
a web-size copy and a thumbnail in the built site; made once per image; a bad image or a
bad manifest entry is one line naming the file. (In Chromium: tests/test_scans_browser.py.)"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from sitegen.cli import main
from sitegen.config import load_settings
from sitegen.dates import read_manifest
from sitegen.errors import SitegenError
from sitegen.link_checker import check_links
from sitegen.site import build_site

PAGES = ["000_ff3513847beb20a4", "001_34d9694d41ad9721", "002_cb66371daed3482d"]
SERVICE = "https://iiif.example.org/iiif/3/laodong-wubao-002"


def page_scan(text: str, path: Path, size: tuple[int, int] = (1600, 2240)) -> Path:
    """A stand-in for a scan of the page: its text set in columns on grey paper (this
    machine has no Chinese font, so the characters are glyph boxes; the layout is a page's)."""
    width, height = size
    img = Image.new("L", size, 238)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=max(12, width // 70))
    step = int(font.size * 1.3)
    columns, x, y = 4, width // 30, height // 30
    column_width = (width - 2 * x) // columns
    col = 0
    for line in text.splitlines():
        for part in textwrap.wrap(line, max(4, column_width // font.size - 1)) or [""]:
            draw.text((x + col * column_width, y), part, fill=25, font=font)
            y += step
            if y > height - step * 2:
                col, y = col + 1, height // 30
                if col == columns:
                    break
        if col == columns:
            break
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)
    return path


def give_scans(project: Path, service: str = SERVICE) -> dict[str, Path]:
    """Three pages get scans: a JPEG beside the first page file, a PNG named in pages.toml
    for the second, an IIIF image service for the third. The others have none."""
    seeds = project / "seeds"
    beside = page_scan((seeds / f"{PAGES[0]}.txt").read_text(encoding="utf-8"), seeds / f"{PAGES[0]}.jpg")
    named = page_scan((seeds / f"{PAGES[1]}.txt").read_text(encoding="utf-8"), seeds / "scans" / "page-1.png",
                      size=(1400, 1960))
    (seeds / "pages.toml").write_text(
        f'["{PAGES[1]}.txt"]\nimage = "scans/page-1.png"\n\n["{PAGES[2]}.txt"]\nimage = "{service}"\n',
        encoding="utf-8")
    return {"beside": beside, "named": named}


def printed_page_file(site: Path, page: str) -> Path:
    """The 版面 view of the page file ``page`` (its URL ends in the page file's name)."""
    found = [p for p in site.glob("date/**/index.html") if p.parent.name.endswith(page)]
    assert len(found) == 1, found
    return found[0]


def printed_page_html(site: Path, page: str) -> str:
    return printed_page_file(site, page).read_text(encoding="utf-8")


def scan_folders(site: Path) -> list[Path]:
    return sorted(p for p in (site / "scans").iterdir() if p.is_dir()) if (site / "scans").is_dir() else []


def files_of(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    """The sample project with three scanned pages, built."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("scanned"))
    give_scans(project)
    build_site(load_settings(project))
    return project


def test_each_local_scan_is_tiled_as_iiif_level_0(scanned):
    site = scanned / "public"
    folders = scan_folders(site)
    assert len(folders) == 2                        # the two local scans; the IIIF one makes none
    sizes = set()
    for folder in folders:
        info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
        assert info["profile"] == "level0" and info["id"] == f"/scans/{folder.name}"
        width, height = info["width"], info["height"]
        sizes.add((width, height))
        tile, factors = info["tiles"][0]["width"], info["tiles"][0]["scaleFactors"]
        covered = dict.fromkeys(factors, 0)
        for path in folder.glob("*/*/0/default.jpg"):
            # A tile's path is its IIIF request: the region of the full image, the size shown.
            region, size = path.parts[-4], path.parts[-3]
            x, y, rw, rh = (0, 0, width, height) if region == "full" else map(int, region.split(","))
            w, h = (width, height) if size == "max" else map(int, size.split(","))
            level = [s for s in factors if (-(-rw // s), -(-rh // s)) == (w, h) and x % (tile * s) == y % (tile * s) == 0
                     and rw in (tile * s, width - x) and rh in (tile * s, height - y)]
            assert len(level) == 1, path
            with Image.open(path) as img:
                assert img.size == (w, h), path
            covered[level[0]] += rw * rh
        # Every level covers the whole page once; the last fits in one tile.
        assert covered == dict.fromkeys(factors, width * height)
        assert max(-(-width // factors[-1]), -(-height // factors[-1])) <= tile
        with Image.open(folder / "web.jpg") as web, Image.open(folder / "small.jpg") as small, \
                Image.open(folder / "thumb.jpg") as thumb:
            assert (web.width, small.width, thumb.width) == (1200, 640, 320)
            assert abs(web.height / web.width - height / width) < 0.01
    assert sizes == {(1600, 2240), (1400, 1960)}


def test_the_printed_page_view_shows_its_scan_and_the_original_to_download(scanned):
    site = scanned / "public"
    html = printed_page_html(site, PAGES[0])
    assert 'class="page-scan"' in html and 'data-info="/scans/' in html
    assert "openseadragon.min.js" in html and "scan-viewer.js" in html
    original = next(f for f in scan_folders(site) if f"/scans/{f.name}/info.json" in html) / "original.jpg"
    assert original.read_bytes() == (scanned / "seeds" / f"{PAGES[0]}.jpg").read_bytes()
    assert f'href="/scans/{original.parent.name}/original.jpg" download' in html
    assert (site / "static" / "js" / "openseadragon.min.js").is_file()
    assert (site / "static" / "js" / "openseadragon.LICENSE.txt").is_file()
    assert check_links(site, "/") == []


def test_a_page_on_an_iiif_service_makes_no_tiles_and_points_the_viewer_at_the_service(scanned):
    site = scanned / "public"
    html = printed_page_html(site, PAGES[2])
    assert f'data-info="{SERVICE}/info.json"' in html
    assert f'src="{SERVICE}/full/640,/0/default.jpg"' in html
    issue = (printed_page_file(site, PAGES[2]).parent.parent / "index.html").read_text(encoding="utf-8")
    assert f'<img src="{SERVICE}/full/320,/0/default.jpg"' in issue
    assert len(scan_folders(site)) == 2


def test_a_page_without_a_scan_is_as_it_was(scanned, sample_site):
    for page in ("003_7c2e367b8fe2eefd", "004_b2adaa5bbda6ca0b"):
        assert printed_page_html(scanned / "public", page) == printed_page_html(sample_site, page)


def test_an_articles_opengraph_image_is_its_page(scanned):
    site = scanned / "public"
    for page, wanted in ((PAGES[0], "/scans/"), (PAGES[2], f"{SERVICE}/full/1200,/0/default.jpg")):
        html = printed_page_html(site, page)
        first = html.split('<li class="page-article')[1].split('href="', 1)[1].split('"', 1)[0]
        article = (site / first.lstrip("/") / "index.html").read_text(encoding="utf-8")
        image = article.split('<meta property="og:image" content="', 1)[1].split('"', 1)[0]
        assert wanted in image
        if image.startswith("/"):
            with Image.open(site / image.lstrip("/")) as img:
                assert img.width == 1200


def test_a_rebuild_makes_no_tiles_again(scanned):
    site, cache = scanned / "public", scanned / ".sitegen-cache" / "scans"
    before = {f.name: files_of(f) for f in scan_folders(site)}
    cached = {f.name: files_of(f) for f in cache.iterdir() if f.is_dir()}
    # Nothing changed: the build returns at once.
    assert build_site(load_settings(scanned)).written == 0
    # An article edited: its pages are made again, not a tile.
    article = next((scanned / "content").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n") + "\n\n编者补记。\n", encoding="utf-8")
    report = build_site(load_settings(scanned))
    assert report.written > 0 and not [f for f in report.written_files if f.startswith("scans/")]
    assert "scans: 3 pages with a scan, 0 cut this build" in report.summary()
    assert {f.name: files_of(f) for f in scan_folders(site)} == before
    assert {f.name: files_of(f) for f in cache.iterdir() if f.is_dir()} == cached


def test_a_new_scan_replaces_the_old_one(project):
    give_scans(project)
    build_site(load_settings(project))
    old = {f.name for f in scan_folders(project / "public")}
    image = project / "seeds" / f"{PAGES[0]}.jpg"
    page_scan("另一张扫描图\n" * 40, image)
    report = build_site(load_settings(project))
    new = {f.name for f in scan_folders(project / "public")}
    assert len(new) == 2 and len(new - old) == 1
    made = [f for f in report.written_files if f.startswith("scans/")]
    replaced = (new - old).pop()
    assert made and all(f.startswith(f"scans/{replaced}/") for f in made)
    assert check_links(project / "public", "/") == []
    # The cache keeps what the site uses, no more; a tile lost from it is made again.
    cache = project / ".sitegen-cache" / "scans"
    assert {f.name for f in cache.iterdir() if f.is_dir()} == new
    lost = next((cache / replaced).glob("*/*/0/default.jpg"))
    lost.unlink()
    page_scan("第三张扫描图\n" * 40, project / "seeds" / "scans" / "page-1.png", size=(1400, 1960))
    build_site(load_settings(project))
    assert lost.is_file() and check_links(project / "public", "/") == []


def test_a_corrupt_scan_is_one_line_and_the_previous_site_stays_whole(project, capsys):
    give_scans(project)
    build_site(load_settings(project))
    before = {p: p.read_bytes() for p in (project / "public").rglob("*") if p.is_file()}
    bad = project / "seeds" / f"{PAGES[0]}.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG" + os.urandom(2000))
    code = main(["--root", str(project), "build"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1
    assert err.startswith(f"error: {bad}: cannot read the page scan")
    after = {p: p.read_bytes() for p in (project / "public").rglob("*") if p.is_file()}
    assert after == before


def test_originals_can_be_left_out_and_tiles_capped(project):
    give_scans(project)
    settings = project / "sitegen.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n[scans]\noriginals = false\nlargest = 1024\n",
                        encoding="utf-8")
    build_site(load_settings(project))
    site = project / "public"
    for folder in scan_folders(site):
        assert not list(folder.glob("original.*"))
        info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
        assert max(info["width"], info["height"]) == 1024
    assert "下载原图" not in printed_page_html(site, PAGES[0])


@pytest.mark.parametrize("value, message", [
    ('"scans/missing.jpg"', "image file not found"),
    ('"ftp://example.org/iiif/p1"', "not the URL of an IIIF image service"),
    ('"https://example.org/scans/p1.jpg"', "a URL of an image file is no IIIF image service"),
    ('"https://exa mple.org/iiif/p1"', "not the URL of an IIIF image service"),
    ('"../elsewhere/p1.jpg"', "must be inside the pages folder"),
    ("3", "image must be an image file"),
])
def test_a_bad_image_in_the_manifest_names_the_line(tmp_path, value, message):
    (tmp_path / "p1.txt").write_text("本报讯 正文。", encoding="utf-8")
    (tmp_path / "pages.toml").write_text(f'# scans\n["p1.txt"]\ndate = 2020-07-06\nimage = {value}\n', encoding="utf-8")
    with pytest.raises(SitegenError) as err:
        read_manifest(tmp_path)
    assert str(err.value).startswith(f"{tmp_path / 'pages.toml'}:4: 'p1.txt': ") and message in str(err.value)


def test_an_image_is_for_a_page_file_not_a_folder(tmp_path):
    page_scan("正文", tmp_path / "p1.jpg", size=(600, 800))
    (tmp_path / "pages.toml").write_text('["2020/"]\nimage = "p1.jpg"\n', encoding="utf-8")
    with pytest.raises(SitegenError, match=r"pages.toml:2: .*not a folder"):
        read_manifest(tmp_path)


def test_a_missing_image_stops_the_build_in_one_line(project, capsys):
    (project / "seeds" / "pages.toml").write_text(f'["{PAGES[1]}.txt"]\nimage = "scans/p1.tif"\n', encoding="utf-8")
    code = main(["--root", str(project), "build"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1
    assert "pages.toml:2:" in err and "image file not found" in err and "p1.tif" in err


def test_which_image_is_a_pages_scan(tmp_path):
    from sitegen.scans.sources import find_scans

    pages = tmp_path / "pages"
    for name in ("2020/p1.txt", "2020/p2.txt", "2020/p3.txt", "p4.txt"):
        (pages / name).parent.mkdir(parents=True, exist_ok=True)
        (pages / name).write_text("本报讯 正文。", encoding="utf-8")
    for name in ("2020/p1.jpg", "2020/p1.TIF", "2020/p2.png", "2020/.p3.jpg", "scans/four.png", "2020/p3-x.jpg"):
        (pages / name).parent.mkdir(parents=True, exist_ok=True)
        (pages / name).write_bytes(b"")
    found = {s.page: s for s in find_scans(pages, {"2020/p2.txt": SERVICE, "p4.txt": "scans/four.png"}, tmp_path)}
    assert found["pages/2020/p1.txt"].path == pages / "2020/p1.TIF"      # the master, not its JPEG copy
    assert found["pages/2020/p2.txt"].service == SERVICE                 # the manifest over the file beside
    assert found["pages/p4.txt"].path == pages / "scans/four.png"
    assert "pages/2020/p3.txt" not in found                               # a hidden file, another name


@pytest.mark.parametrize("table, message", [
    ("[scans]\noriginal = false\n", "unknown key 'original'"),
    ("[scans]\noriginals = \"no\"\n", "originals must be true or false"),
    ("[scans]\nlargest = 100\n", "largest must be a number of pixels of at least 512"),
])
def test_bad_scan_settings_are_one_line_naming_the_settings_file(project, capsys, table, message):
    give_scans(project)
    settings = project / "sitegen.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n" + table, encoding="utf-8")
    code = main(["--root", str(project), "build"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1
    assert err.startswith(f"error: {settings}: [scans]") and message in err
