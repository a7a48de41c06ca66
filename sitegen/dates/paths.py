"""Dates and page numbers written into file and folder names."""

from __future__ import annotations

import datetime as _dt
import re

_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_PAGE = re.compile(r"(?:^|[_\-/ ])(?:p|P|page|第)0*(\d{1,3})(?:版)?(?=[_\-. /]|$)|(?:^|[_\-/ ])0*(\d{1,3})版")


def date_from_filename(name: str) -> str | None:
    """``2020-07-06``, ``20200706`` or ``2020_07_06`` in a path; None for hash-like names."""
    for m in _DATE.finditer(name):
        start = m.start()
        # Inside a run of hex digits (a hash), eight digits are not a date.
        if (start > 0 and re.match(r"[0-9a-fA-F]", name[start - 1])) or \
                (m.end() < len(name) and re.match(r"[0-9a-fA-F]", name[m.end()])):
            continue
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            continue
    return None


def page_from_filename(name: str) -> str | None:
    """``p03``, ``page3``, ``第3版``, ``03版`` → "3"."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name)
    m = _PAGE.search(stem)
    if not m:
        return None
    return str(int(m.group(1) or m.group(2)))
