"""Which page files come with their scan: an image beside the page file with the same name
(``p03.txt`` + ``p03.jpg``), or ``image =`` in the pages manifest — a file relative to the
pages folder, or the URL of an IIIF image service."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# In the order a scan beside a page file is chosen when there are several: the master
# formats (TIFF, PNG) before their compressed copies.
IMAGE_SUFFIXES = (".tif", ".tiff", ".png", ".jpg", ".jpeg", ".webp")


@dataclass(frozen=True)
class ScanSource:
    page: str                   # the page file, as articles name it (their ``source``)
    path: Path | None = None    # a local image
    service: str | None = None  # an IIIF image service: its base URL, without /info.json


def image_value(value, pages_dir: Path) -> str:
    """The manifest's ``image`` value checked: an IIIF service URL (normalised) or a path
    relative to the pages folder of a file that exists. ValueError says what is wrong."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"image must be an image file (relative to the pages folder) or an IIIF image "
                         f"service URL, not {value!r}")
    value = value.strip()
    if "://" in value or value.lower().startswith(("http:", "https:")):
        return service_url(value)
    rel = value.replace("\\", "/")
    if rel.startswith("/") or ".." in rel.split("/"):
        raise ValueError(f"image file must be inside the pages folder: {value}")
    if Path(rel).suffix.lower() not in IMAGE_SUFFIXES:
        raise ValueError(f"image file must be {'/'.join(s[1:] for s in IMAGE_SUFFIXES)}: {value}")
    if not (Path(pages_dir) / rel).is_file():
        raise ValueError(f"image file not found: {Path(pages_dir) / rel}")
    return posixpath.normpath(rel)


def service_url(value: str) -> str:
    """An IIIF image service's base URL (``…/info.json`` and a trailing slash taken off)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value) \
            or parts.query or parts.fragment:
        raise ValueError(f"not the URL of an IIIF image service (https://host/path/to/image): {value}")
    base = value.removesuffix("/info.json").rstrip("/")
    if Path(urlsplit(base).path).suffix.lower() in IMAGE_SUFFIXES:
        raise ValueError(f"a URL of an image file is no IIIF image service: give the service's URL (the one its "
                         f"info.json is under), or put the file beside the page file: {value}")
    return base


def find_scans(pages_dir: Path, images: dict[str, str], root: Path | None) -> list[ScanSource]:
    """The scan of each page file that has one. ``images`` is the manifest's ``image`` of
    each page file (by its path in the pages folder); it wins over a file beside the page.
    Every build asks (its "nothing changed" check too), so the folders are walked with plain
    strings: a Path per page file costs a second at 25,000 pages."""
    from sitegen.pages.reading import PAGE_SUFFIXES
    from sitegen.pages.reading import _from_project as page_source   # the name articles give their page

    pages_dir = Path(pages_dir)
    top = str(pages_dir)
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        beside: dict[str, list[str]] = {}
        for name in files:
            stem, suffix = os.path.splitext(name)
            if suffix.lower() in IMAGE_SUFFIXES and not name.startswith("."):
                beside.setdefault(stem, []).append(name)
        prefix = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for name in sorted(files):
            stem, suffix = os.path.splitext(name)
            if suffix.lower() not in PAGE_SUFFIXES or name.startswith("."):
                continue
            image = images.get(prefix + name)
            if image is None and stem not in beside:
                continue
            path = Path(folder) / name
            if not path.is_file():
                continue
            if image and "://" in image:
                found.append(ScanSource(page_source(path, pages_dir, root), service=image))
            elif image:
                found.append(ScanSource(page_source(path, pages_dir, root), path=pages_dir / image))
            else:
                choice = min(beside[stem], key=lambda n: IMAGE_SUFFIXES.index(os.path.splitext(n)[1].lower()))
                if os.path.isfile(os.path.join(folder, choice)):
                    found.append(ScanSource(page_source(path, pages_dir, root), path=Path(folder) / choice))
    return found
