"""A page scan's derivatives, made once and kept in the cache by the image's content hash:
the deep-zoom tiles, web-size copies (the page's picture until the viewer has drawn it, or
where no viewer runs; its OpenGraph image) and a thumbnail (the issue view). Pillow reads and writes the images."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.scans import tiles as tiling

WEB_WIDTH = 1200           # OpenGraph's recommended width; also what a phone shows
SMALL_WIDTH = 640          # the page's picture on a phone: a fifth of the bytes of the web copy
THUMB_WIDTH = 320          # twice the issue view's thumbnail, for high-density screens
QUALITY = 80               # JPEG quality of every derivative
MAX_PIXELS = 250_000_000   # a 600 dpi broadsheet is some 120 million; beyond this, no page scan
RECIPE = f"tiles{tiling.TILE}-q{QUALITY}-web{WEB_WIDTH}-small{SMALL_WIDTH}-thumb{THUMB_WIDTH}-v2"
META = "scan.json"


@dataclass(frozen=True)
class Derivatives:
    """What the cache holds of one image, in its own folder."""
    folder: str                     # the cache folder's name, also the scan's folder in the site
    width: int                      # of the tiled image
    height: int
    web: tuple[int, int]            # web.jpg's size
    small: tuple[int, int]          # small.jpg's size
    thumb: tuple[int, int]          # thumb.jpg's size
    files: tuple[str, ...]          # every file, relative to the folder

    @classmethod
    def load(cls, path: Path) -> "Derivatives":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["folder"], data["width"], data["height"], tuple(data["web"]), tuple(data["small"]),
                   tuple(data["thumb"]),
                   tuple(data["files"]))


def content_hash(path: Path, known: dict) -> str:
    """The image's SHA-256, looked up in ``known`` (path → [size, mtime, hash]) while the
    file's size and time are those it was hashed at: a big TIFF is read once."""
    st = path.stat()
    key = str(path)
    hit = known.get(key)
    if hit and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
        return hit[2]
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    known[key] = [st.st_size, st.st_mtime_ns, h.hexdigest()]
    return h.hexdigest()


def folder_name(sha: str, largest: int | None) -> str:
    """Named by the image's content and how it is cut: a new recipe makes new URLs, so no
    browser shows a tile of the old cut."""
    return hashlib.sha1(f"{sha}:{RECIPE}:{largest}".encode()).hexdigest()[:20]


def _open(source: Path):
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        img = Image.open(source)
        img.seek(0)                     # a multi-page TIFF: its first page
        img = ImageOps.exif_transpose(img)
        img.load()
    except Image.DecompressionBombError:
        raise SitegenError(f"image too large to tile (over {MAX_PIXELS // 1_000_000} million pixels): "
                           f"scale it down", source) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        reason = str(exc).split("\n")[0] or type(exc).__name__
        raise SitegenError(f"cannot read the page scan ({reason}): replace the file or take it away", source) from None
    if img.mode in ("1", "L", "LA", "I", "I;16", "I;16B", "I;16L", "F"):
        # Newspaper scans are mostly grey: kept grey, a third of the bytes of colour.
        if img.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
            img = img.convert("I").point(lambda v: v / 256).convert("L") if img.getextrema()[1] > 255 \
                else img.convert("L")
        else:
            img = img.convert("L")
    elif img.mode != "RGB":
        rgba = img.convert("RGBA")
        img = Image.new("RGB", rgba.size, "white")
        img.paste(rgba, mask=rgba.getchannel("A"))
    return img


def _save(img, path: Path, progressive: bool = False) -> None:
    """A JPEG with optimised tables (a tenth smaller); the pictures shown whole are
    progressive, so that a slow connection sees the page at once, sharpening."""
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=QUALITY, optimize=True, progressive=progressive)


def _shrunk(img, width: int):
    from PIL import Image

    if img.width <= width:
        return img.copy()
    return img.resize((width, max(1, round(img.height * width / img.width))), Image.Resampling.LANCZOS)


def derive(source: Path, cache_dir: Path, folder: str, largest: int | None) -> Derivatives:
    """Make the derivatives of ``source`` in ``cache_dir/folder`` (whole, or not at all)."""
    from PIL import Image

    img = _open(source)
    if largest and max(img.size) > largest:
        img.thumbnail((largest, largest), Image.Resampling.LANCZOS)
    width, height = img.size
    target = Path(cache_dir) / folder
    tmp = target.with_name(f".{folder}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    files = []
    level, scale = img, 1
    web_source = img
    for tile in tiling.tiles(width, height):
        while tile.scale != scale:          # each level from the one above: halving is quick and sharp
            level, scale = level.reduce(2), scale * 2
            if level.width >= WEB_WIDTH:
                web_source = level
        _save(level.crop(tile.box), tmp / tile.path)
        files.append(tile.path)
    web = _shrunk(web_source, WEB_WIDTH)
    _save(web, tmp / "web.jpg", progressive=True)
    small = _shrunk(web, SMALL_WIDTH)
    _save(small, tmp / "small.jpg", progressive=True)
    thumb = _shrunk(small, THUMB_WIDTH)
    _save(thumb, tmp / "thumb.jpg")
    files += ["web.jpg", "small.jpg", "thumb.jpg"]
    made = Derivatives(folder, width, height, web.size, small.size, thumb.size, tuple(files))
    (tmp / META).write_text(json.dumps(asdict(made)), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)      # a cut left half-made by a killed build
    os.replace(tmp, target)
    return made


def cached(cache_dir: Path, folder: str) -> Derivatives | None:
    """The derivatives the cache holds, if all there (one is made again rather than a
    site published with a tile missing)."""
    try:
        made = Derivatives.load(Path(cache_dir) / folder / META)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return made if all(os.path.isfile(Path(cache_dir) / folder / f) for f in made.files) else None
