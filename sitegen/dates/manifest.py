"""The page manifest: issue date and page number for each page file.

``pages.toml`` in the pages folder, one table per page file, keyed by the file's path
relative to that folder (forward slashes)::

    # sitegen page manifest
    ["2020-07-06/p03.txt"]
    date = 2020-07-06      # a TOML date, or a "YYYY-MM-DD" string
    page = 3               # page (版) number, or a label such as "A3"
    image = "scans/p03.tif" # its scan: a file relative to this folder, or an IIIF image service URL

    ["scan-0012.txt"]
    date = "2020-07-07"

    ["1998-05/"]           # a folder (trailing slash): every page file under it
    date = 1998-05-01

Every key is optional. A file's own table wins over its folder's; a file not listed
falls back to the date in its file name, then to the dates written in its text. Any
other key, an impossible date, a page that is neither a number nor a label, an image file
that is not there or a URL that is no IIIF service is an error naming the manifest file and
line. ``image`` belongs to a page file, not a folder.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import SitegenError, read_toml

MANIFEST_NAME = "pages.toml"
_KEYS = ("date", "page", "image")


@dataclass(frozen=True)
class ManifestEntry:
    date: str | None = None       # YYYY-MM-DD
    page: str | None = None       # "3", "A3"
    image: str | None = None      # its scan: a path in the pages folder, or an IIIF service URL


def _header_line(text: str, name: str) -> int | None:
    for i, line in enumerate(text.splitlines(), start=1):
        stripped = line.split("#", 1)[0].strip()
        if stripped.startswith("[") and stripped.strip("[]").strip().strip("\"'") == name:
            return i
    return None


def _key_line(text: str, name: str, key: str | None) -> int | None:
    """The line of ``key`` inside the table ``name`` (or of the table's header). Looked up
    only for an error message: a manifest may list a hundred thousand pages."""
    header = _header_line(text, name)
    if header is None:              # a plain key = value outside any table
        return next((i for i, line in enumerate(text.splitlines(), start=1)
                     if re.match(rf"\s*[\"']?{re.escape(name)}[\"']?\s*=", line)), None)
    if key is None:
        return header
    lines = text.splitlines()
    for i in range(header, len(lines)):
        stripped = lines[i].strip()
        if stripped.startswith("["):
            break
        if re.match(rf"[\"']?{re.escape(key)}[\"']?\s*=", stripped):
            return i + 1
    return header


def _date(value, fail) -> str:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                return _dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    fail(f"date must be a date such as 2020-07-06 (or \"2020-07-06\"), not {value!r}")


def _page(value, fail) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, str)) or (isinstance(value, int) and value < 1) \
            or (isinstance(value, str) and not value.strip()):
        fail(f"page must be a page number such as 3 or a label such as \"A3\", not {value!r}")
    return str(value).strip()


def _image(value, key: str, pages_dir: Path, fail) -> str:
    from sitegen.scans.sources import image_value

    if key.endswith("/"):
        fail("image belongs to a page file, not a folder: give each page file its own")
    try:
        return image_value(value, pages_dir)
    except ValueError as exc:
        fail(str(exc))


def read_manifest(pages_dir: Path) -> dict[str, ManifestEntry]:
    """The manifest of ``pages_dir`` (``pages.toml``), keyed by posix paths relative to it;
    folder entries end in ``/``. No manifest, no entries."""
    path = Path(pages_dir) / MANIFEST_NAME
    if not path.is_file():
        return {}
    data, text = read_toml(path, "page manifest")
    entries = {}
    for name, table in data.items():
        def fail(message, key=None, name=name):
            raise SitegenError(f"'{name}': {message}", path, _key_line(text, name, key))

        if not isinstance(table, dict):
            fail("not a page file table: write [\"path/of/page.txt\"] and below it date = … and page = …")
        unknown = sorted(set(table) - set(_KEYS))
        if unknown:
            fail(f"unknown key '{unknown[0]}' (a page file takes date, page and image)", unknown[0])
        date = _date(table["date"], lambda m: fail(m, "date")) if "date" in table else None
        page = _page(table["page"], lambda m: fail(m, "page")) if "page" in table else None
        key = name.replace("\\", "/").removeprefix("./")
        image = _image(table["image"], key, pages_dir, lambda m: fail(m, "image")) if "image" in table else None
        entries[key] = ManifestEntry(date, page, image)
    return entries


def manifest_entry(manifest: dict[str, ManifestEntry], relpath: str) -> ManifestEntry:
    """The entry for a page file: its own, else the nearest folder's, field by field."""
    relpath = relpath.replace("\\", "/")
    date = page = None
    own = manifest.get(relpath)
    if own:
        date, page = own.date, own.page
    if date is None or page is None:
        parts = relpath.split("/")[:-1]
        while parts and (date is None or page is None):
            folder = manifest.get("/".join(parts) + "/")
            if folder:
                date = date or folder.date
                page = page or folder.page
            parts.pop()
    return ManifestEntry(date, page, own.image if own else None)
