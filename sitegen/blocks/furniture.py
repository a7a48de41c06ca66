"""The page's own furniture: the header over the page and the credits at its foot.

They belong to no article, and an article's text can run on past them (a page's foot can
fall mid-sentence in OCR order).
"""

from __future__ import annotations

import re

from sitegen.dates.header import EDITOR_TITLE, header_line

_NAMES = r"[\u3400-\u9fff]{2,4}(?:\s*[、，,]\s*[\u3400-\u9fff]{2,4})*"
# Who made the page, printed at its foot: 责任编辑 王巍 美术编辑 李娜 / 本版编辑：刘莉.
_EDITORS = re.compile(rf"^\s*{EDITOR_TITLE}\s*[:：]?\s*{_NAMES}(?:\s+{EDITOR_TITLE}\s*[:：]?\s*{_NAMES})*\s*$")


# The paper's name printed alone over the page (its masthead or running head).
_MASTHEAD = re.compile(r"^\s*(?:劳\s*动\s*午\s*报|LAODONG\s+WUBAO)\s*$", re.I)


# Under the masthead: how many pages the issue has and its number (今日8版 第6561期, 总第9999期).
_ISSUE_COUNT = re.compile(r"^\s*(?:今日\s*\d{1,2}\s*版)?\s*(?:总\s*)?(?:第\s*\d{3,5}\s*期)?\s*$")


# How readers reach the paper, printed at a page's foot (新闻热线：63523155, 本版邮箱：…): the
# paper's own lines, not an advertisement's contact (登报热线 is one: classified notices).
_CONTACT_ITEM = r"(?:本版|新闻|报料|读者|投稿|编辑部)\s*(?:热线|邮箱|电话|信箱|传真)\s*[:：]\s*[\w.@\-]+"
_PAPER_CONTACT = re.compile(rf"^\s*{_CONTACT_ITEM}(?:\s+{_CONTACT_ITEM})*\s*$")


def is_page_furniture(text: str) -> bool:
    """The page's header (2020年11月18日 星期三, 第3版 要闻), its running head (劳动午报),
    the issue's count under it (今日8版 第6561期), its editors' credits or the paper's own
    hotline and mailbox."""
    return bool(_EDITORS.match(text) or _MASTHEAD.match(text) or header_line(text)
                or (text.strip() and _ISSUE_COUNT.match(text)) or _PAPER_CONTACT.match(text))


# A front page's guide to the issue (今日导读): a heading over lines that each name an
# article and the page it is on (▶法律服务送到社区工作者身边 5版). Furniture: the articles
# are on their own pages.
_GUIDE_HEADING = re.compile(r"^\s*(?:今日|本期|本报)?\s*(?:导\s*读|要\s*目)\s*$")
_GUIDE_ENTRY = re.compile(r"^\s*([▶►▷◆●■·•]?)\s*[^，。；！？]{3,40}?\s*(?:第\s*)?[0-9０-９一二三四五六七八九十]{1,2}\s*版\s*$")


def guide_lines(texts: list[str]) -> set[int]:
    """Which of a page's lines are its guide's: its heading and its entries. An entry is
    marked (▶) or stands with another one under it or over it: a line of text does not end
    on a page's number."""
    entries = {k for k, t in enumerate(texts) if _GUIDE_ENTRY.match(t) and not header_line(t)}
    marked = {k for k in entries if _GUIDE_ENTRY.match(texts[k]).group(1)}
    guide = marked | {k for k in entries if k - 1 in entries or k + 1 in entries}
    for k, t in enumerate(texts):
        if _GUIDE_HEADING.match(t) and any(j in guide for j in range(k + 1, k + 3)):
            guide.add(k)
    return guide


# A weather box (今日天气 / 白天 多云 西北风四五级 / 最高气温16℃): the front page's, no article's.
_WEATHER_HEADING = re.compile(r"^\s*(?:今日|明日|北京)?\s*天\s*气(?:\s*预\s*报)?\s*$")
# A wind's direction turning (北转南风) names its first direction bare.
_WEATHER_WORDS = re.compile(r"白天|夜间|晴|多云|阴|小雨|中雨|大雨|阵雨|雷阵雨|雨夹雪|小雪|大雪|[东南西北]{1,2}转(?=[东南西北])|转|[东南西北]*风|[\d一二三四五六七八九十]+[-~～至]?[\d一二三四五六七八九十]*级|"
                            r"最高|最低|气温|\d+\s*[℃度]|[-~～至]|\s+")


def weather_lines(texts: list[str]) -> set[int]:
    """A weather box's heading and the lines under it made of nothing but weather words."""
    box: set[int] = set()
    for k, t in enumerate(texts):
        if not _WEATHER_HEADING.match(t):
            continue
        under = [j for j in range(k + 1, min(k + 6, len(texts)))]
        lines = []
        for j in under:
            if _WEATHER_WORDS.sub("", texts[j]).strip() == "" and texts[j].strip():
                lines.append(j)
            else:
                break
        if lines:
            box |= {k, *lines}
    return box
