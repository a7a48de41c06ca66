"""A page's own header: the issue date and page as the paper prints them over each page.

`2020年11月18日 星期三`, often with the page (第3版) or the paper's name beside it, and a
page label on a line of its own (`第3版 要闻`). Only a line that is nothing but a header
counts, and a date only when its weekday agrees: a report can mention 11月18日（星期三）
in a sentence, but not on a line of its own.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

_DATELINE = re.compile(
    r"^((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日[（(]?(?:星期|周)([一二三四五六日天])[）)]?(.{0,24})$")
_WEEKDAYS = "一二三四五六日"
# A page label on a line of its own: 第3版, 第03版：要闻.
PAGE_LABEL = re.compile(r"^\s*第\s*([0-9０-９]{1,2})\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff]{2,6})?\s*$")
_PAGE_IN_DATELINE = re.compile(r"第(\d{1,2})版")
_REST = re.compile(r"^(?:农历\S{2,12}|第\d{1,2}版|\d{1,2}版?|[\u4e00-\u9fff]{2,6}|[:：|｜·]|\s)*$")


def dateline(line: str) -> str | None:
    """The date (YYYY-MM-DD) of a page header line, or None for any other line."""
    if len(line) > 60 or "日" not in line:      # most lines: no need to normalise them
        return None
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", line))
    m = _DATELINE.match(text)
    if not m or not _REST.match(m.group(5)):
        return None
    try:
        day = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    weekday = "日" if m.group(4) == "天" else m.group(4)
    return day.isoformat() if _WEEKDAYS.index(weekday) == day.weekday() else None


def printed_header(text: str) -> tuple[str | None, str | None]:
    """The issue date and the page number (第3版) printed in the page's header, where it
    has them: the first header date and the first page label, in one reading of the page."""
    date = page = None
    for line in text.split("\n"):
        if page is None:
            label = PAGE_LABEL.match(line)
            if label:
                page = str(int(unicodedata.normalize("NFKC", label.group(1))))
        found = dateline(line) if date is None or page is None else None
        if found:
            date = date or found
            if page is None:
                in_line = _PAGE_IN_DATELINE.search(re.sub(r"\s+", "", unicodedata.normalize("NFKC", line)))
                page = str(int(in_line.group(1))) if in_line else None
        if date is not None and page is not None:
            break
    return date, page
