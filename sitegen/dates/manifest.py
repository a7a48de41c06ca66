"""The page manifest: issue date and page number for each page file.

``pages.toml`` in the pages folder, one table per page file, keyed by the file's path
relative to that folder::

    # sitegen page manifest
    ["2020-07-06/p03.txt"]
    date = 2020-07-06      # a TOML date, or a "YYYY-MM-DD" string
    page = 3               # page (版) number, or a label such as "A3"

    ["scan-0012.txt"]
    date = "2020-07-07"

Both keys are optional; a file not listed falls back to its file name, then to the text.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import SitegenError, read_toml

MANIFEST_NAME = "pages.toml"


@dataclass(frozen=True)
class ManifestEntry:
    date: str | None = None
    page: str | None = None


def _line_of(text: str, key: str) -> int | None:
    for i, line in enumerate(text.splitlines(), start=1):
        if key in line and line.lstrip().startswith("["):
            return i
    return None


def read_manifest(pages_dir: Path) -> dict[str, ManifestEntry]:
    path = Path(pages_dir) / MANIFEST_NAME
    if not path.exists():
        return {}
    data, text = read_toml(path, "page manifest")
    entries = {}
    for name, table in data.items():
        line = None
        if not isinstance(table, dict) or not isinstance(table.get("date", ""), (str, _dt.date)) \
                or not isinstance(table.get("page", ""), (int, str)):
            line = _line_of(text, name)          # only needed for the error message
        elif isinstance(table.get("date"), str):
            try:
                _dt.date.fromisoformat(table["date"])
            except ValueError:
                line = _line_of(text, name)
        if not isinstance(table, dict):
            raise SitegenError(f"'{name}' must be a table like [\"{name}\"] with date = and page =", path, line)
        date = table.get("date")
        if isinstance(date, _dt.datetime):
            date = date.date()
        if isinstance(date, _dt.date):
            date = date.isoformat()
        elif date is not None:
            date = str(date)
            try:
                _dt.date.fromisoformat(date)
            except ValueError:
                raise SitegenError(f"date of '{name}' must be YYYY-MM-DD, not {date!r}", path, line) from None
        page = table.get("page")
        if page is not None and not isinstance(page, (int, str)):
            raise SitegenError(f"page of '{name}' must be a number or a label", path, line)
        entries[name.replace("\\", "/")] = ManifestEntry(date, str(page) if page is not None else None)
    return entries
