"""Guessing an undated page's issue date from the dates its articles mention.

The year comes from years written on the page (``2020年``), the most mentioned of the
recent ones (a page that mentions 1921, 1949 and 2020 and looks ahead to 2021 is from
2020). The day is the latest month-day the page reports as past: ``持续至11月30日`` is a
future end, not news. A page with no year gives no date.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections import Counter

_FULL = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_FUTURE = re.compile(r"(至|到|截至|截止|持续到|持续至|延续至|之前|前)$")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    # OCR spaces inside numbers and dates: 2020 年 7 月 20 日
    return re.sub(r"(?<=[\d年月])\s+(?=[\d年月日])", "", text)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def infer_date(text: str) -> str | None:
    text = _normalise(text)
    full = [_valid(int(y), int(m), int(d)) for y, m, d in _FULL.findall(text)]
    full = [f for f in full if f]
    years = Counter(int(y) for y in _YEAR.findall(text))
    if not years and not full:
        return None
    if years:
        latest = max(years)
        recent = {y: c for y, c in years.items() if y >= latest - 2}
        top = max(recent.values())
        year = min(y for y, c in recent.items() if c == top)
    else:
        year = int(max(full)[:4])
    days = []
    for m in _MONTH_DAY.finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        if _FUTURE.search(before):
            continue
        day = _valid(year, int(m.group(1)), int(m.group(2)))
        if day:
            days.append(day)
    days += [f for f in full if f.startswith(str(year))]
    if days:
        return max(days)
    return None
