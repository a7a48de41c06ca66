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

_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日[（(]?(?:星期|周)([一二三四五六日天])[）)]?")
_WEEKDAYS = "一二三四五六日"
# A page label on a line of its own: 第3版, 第03版：要闻.
PAGE_LABEL = re.compile(r"^\s*第\s*([0-9０-９]{1,2})\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff]{2,6})?\s*$")
_PAGE = re.compile(r"第(\d{1,2})版|(?<![\d年月])(\d{1,2})版")
# What else a header line prints beside its date and page, in any order: the paper's name,
# the page's section (要闻, 工会, a campaign's name: 我为职工办实事), the lunar date, separators.
_REST_TOKEN = re.compile(r"农历\S{2,12}|劳动午报|[\u4e00-\u9fff]{2,10}|[:：|｜·/／\-—]")
_MAX_WORDS = 2          # section words beside the date: 第4版 工会 2019年1月17日 星期四
# A folio line beside a date also prints the page as a bare number (04 工会 2015年5月16日 星期六)
# and who edited the page (责编 王巍 美编 李娜); a date whose weekday agrees vouches for both.
_BARE_PAGE = re.compile(r"(?:^|\s)([0-9０-９]{1,2})(?=\s|$)")
# Who made the page: 责任编辑 王巍, 美编：李娜. The long titles stand without a separator; a
# short one (编辑, 校对) needs a colon or a space before the name, so that a sentence starting
# with the word is not taken.
EDITOR_TITLE = r"(?:责任编辑|本版编辑|美术编辑|版式设计|责任校对|(?:编辑|美编|校对|版式|责编|排版|组版|制图)(?=\s*[:：]|\s))"
_FOLIO_CREDIT = re.compile(rf"{EDITOR_TITLE}\s*[:：]?\s*[\u3400-\u9fff]{{2,4}}(?=\s|$)")


def _valid(m: re.Match) -> str | None:
    try:
        day = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    weekday = "日" if m.group(4) == "天" else m.group(4)
    return day.isoformat() if _WEEKDAYS.index(weekday) == day.weekday() else None


# A date in figures alone on its line, a header's other form: 2022.05.11, 2022-05-11.
_NUMERIC_DATE = re.compile(r"^\s*((?:19|20)\d\d)\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*$")


def header_line(line: str) -> tuple[str | None, str | None] | None:
    """(date, page) of a line that is nothing but a page header — its date with a weekday
    that agrees, its page (第4版), its section and the paper's name, in any order — or None
    for any other line. A report can mention 11月18日（星期三） in a sentence, but not a
    line of nothing else."""
    numeric = _NUMERIC_DATE.match(line) if len(line) <= 16 else None
    if numeric:
        try:
            return _dt.date(*map(int, numeric.groups())).isoformat(), None
        except ValueError:
            return None
    if len(line) > 60 or ("日" not in line and "版" not in line):      # most lines: no need to normalise
        return None
    spaced = unicodedata.normalize("NFKC", line)
    words = spaced.split()
    text = "".join(words)
    date = page = None
    m = _DATE.search(text)
    if m:
        date = _valid(m)
        if date is None:
            return None
        text = text[:m.start()] + " " + text[m.end():]
        spaced = re.sub(r"(?<=[\d年月日])\s+(?=[\d年月日]|星期)", "", spaced)
        if _DATE.search(spaced):
            spaced = _FOLIO_CREDIT.sub(" ", _DATE.sub(" ", spaced))
            bare = _BARE_PAGE.search(spaced)
            if bare and not _PAGE.search(spaced):
                page = str(int(bare.group(1)))
                spaced = spaced[:bare.start()] + " " + spaced[bare.end():]
            text = "".join(spaced.split())
    p = _PAGE.search(text)
    if p:
        page = str(int(p.group(1) or p.group(2)))
        text = text[:p.start()] + " " + text[p.end():]
    if date is None and page is None:
        return None
    rest = [t for t in _REST_TOKEN.findall(text) if not re.fullmatch(r"[:：|｜·/／\-—]", t)]
    leftover = _REST_TOKEN.sub("", text).strip()
    # Without a date, only a label that leads with its page (第3版 要闻) is a header.
    if leftover or len(rest) > _MAX_WORDS or (date is None and not "".join(words).startswith("第")):
        return None
    return date, page


def printed_header(text: str) -> tuple[str | None, str | None]:
    """The issue date and the page number (第3版) printed in the page's header, where it
    has them: the first header date and the first page label, in one reading of the page."""
    date = page = None
    for line in text.split("\n"):
        found = header_line(line)
        if found:
            date, page = date or found[0], page or found[1]
        if date is not None and page is not None:
            break
    return date, page
