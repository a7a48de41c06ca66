"""Guessing an undated page's issue date from the dates its articles mention.

News reports what has happened, so the issue date is the latest date the page reports as
past. Dates written in full (2020年7月4日) count as they are. A month-day (7月20日) takes
the year the page talks about most: the years written on it (``2020年``), leaving out
plans and targets (到2035年, 为2021年…献礼), the most mentioned of the recent ones, ties to
the earlier (a page that recalls 1921 and 1949 and looks ahead to 2021 is from 2020).
Month-days that end something in the future (持续至11月30日, 将于7月25日, 7月30日前) are
left out. A page with no year gives no date: a month-day alone could be any year.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections import Counter

_FULL = re.compile(r"(?<!\d)((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
# Words before a month-day that make it an end or a plan, not news: 持续至, 截至, 将于.
_FUTURE_BEFORE = re.compile(r"(?:至|到|截至|截止|直至|将于|将在|定于|计划于|预计于?|拟于)$")
# ... before a year: 到2025年, 为2021年…献礼, 迎接2022年冬奥会; but 2018年至2020年 is a range.
_PLAN_BEFORE = re.compile(r"(?<!年)(?:至|到|直至)$|(?:(?<![作成认以因称视更])为|迎接|面向|展望|力争|计划|预计)$")
# ... and after either: 7月30日前 (a deadline), 2025年前, 2035年远景目标.
_FUTURE_AFTER = re.compile(r"(?:前|之前|以前|截止|远景|目标)")
_YEARS_RECENT = 2          # years this close to the latest one count as "recent"


def _normalise(text: str) -> str:
    # Full-width digits (２０２０年) and OCR spaces or line breaks inside dates (2020 年 7 月).
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"(?<=[\d年月])\s+(?=[\d年月日])", "", text)


def _valid(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _is_future(text: str, start: int, end: int, before: re.Pattern = _FUTURE_BEFORE) -> bool:
    return bool(before.search(text[max(0, start - 4):start]) or _FUTURE_AFTER.match(text, end))


def infer_date(text: str, today: _dt.date | None = None) -> str | None:
    """The issue date a page's text suggests (YYYY-MM-DD), or None."""
    text = _normalise(text)
    latest_plausible = (today or _dt.date.today()).year + 1
    past: list[_dt.date] = []
    for m in _FULL.finditer(text):
        day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day and day.year <= latest_plausible and not _is_future(text, m.start(), m.end()):
            past.append(day)
    years = Counter()
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if year <= latest_plausible and not _is_future(text, m.start(), m.end(), _PLAN_BEFORE):
            years[year] += 1
    if years:
        latest = max(years)
        recent = {y: n for y, n in years.items() if y >= latest - _YEARS_RECENT}
        top = max(recent.values())
        year = min(y for y, n in recent.items() if n == top)
        for m in _MONTH_DAY.finditer(text):
            if _is_future(text, m.start(), m.end()):
                continue
            day = _valid(year, int(m.group(1)), int(m.group(2)))
            if day:
                past.append(day)
    return max(past).isoformat() if past else None
