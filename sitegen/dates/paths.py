"""Dates and page numbers written into file and folder names."""

from __future__ import annotations

import datetime as _dt
import re

_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_HEX_RUN = re.compile(r"[0-9a-fA-F]+")
_PAGE = re.compile(
    r"(?:^|[^A-Za-z0-9])(?:p|P|page|Page|PAGE)[-_]?0*(\d{1,3})(?=$|[^0-9])"   # p03, page3
    r"|第\s*0*(\d{1,3})\s*版"                                                   # 第3版
    r"|(?:^|[^0-9])0*(\d{1,3})版")                                              # _03版


def _in_hash(name: str, start: int, end: int) -> bool:
    """Eight digits inside a long run of hex digits with letters in it (a content hash such
    as ff3513847beb20a4) are not a date; ``ldwb20200706`` is a prefix and a date."""
    for m in _HEX_RUN.finditer(name):
        if m.start() <= start and end <= m.end():
            return m.end() - m.start() >= 12 and any(c.isalpha() for c in m.group())
    return False


def date_from_filename(name: str) -> str | None:
    """A date written in a file or folder path: ``2020-07-06``, ``20200706``,
    ``2020_07_06`` (or with dots); None when there is none, when it is impossible
    (2020-02-30) or when the digits belong to a hash."""
    for m in _DATE.finditer(name):
        if _in_hash(name, m.start(), m.end()):
            continue
        try:
            return _dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
        except ValueError:
            continue
    return None


def page_from_filename(name: str) -> str | None:
    """The page (版) number when the file name marks it clearly: ``p03``, ``page3``,
    ``第3版``, ``_03版`` → "3". A bare number is not enough (it may be a sequence)."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name.replace("\\", "/").rsplit("/", 1)[-1])
    m = _PAGE.search(stem)
    if not m:
        return None
    number = int(next(g for g in m.groups() if g))
    return str(number) if number else None
