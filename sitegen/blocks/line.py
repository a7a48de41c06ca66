"""The line of a page, and what it can be on the printed page."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import Enum

from sitegen.ocr.spacing import clean_spacing


class LineKind(str, Enum):
    BODY = "body"
    HEADLINE = "headline"
    NEWS_START = "news_start"        # 本报讯 (…) opens a report
    BYLINE = "byline"                # 本报记者 李四: a feature's byline on a line of its own
    CREDIT = "credit"                # 本报记者 X 摄影报道: closes a photo or report
    CONTINUED_FROM = "continued_from"  # (上接第1版)
    CONTINUED_TO = "continued_to"      # (下转第4版)
    AD = "ad"                        # 广告 / Advertisement for …
    COLUMN = "column"                # ■栏目名, or a doubled column name
    AUTHOR = "author"                # 市服务工会 冯显亮
    FURNITURE = "furniture"          # the page's own header and footer: 2020年11月18日 星期三, 责任编辑 王巍
    NOTE = "note"                    # 【编者按】, 开栏语: an editor's note opening the text under a headline


@dataclass
class Line:
    text: str                        # the printed text of this line (a part of an OCR line when split)
    number: int                      # 1-based line number in the page file
    gap_before: int = 0              # blank lines between this line and the previous one
    kind: LineKind = LineKind.BODY
    doubled: bool = False            # printed in doubled OCR type; `display` has it undone
    display: str = ""                # text with OCR repairs applied (for headlines: undoubled)
    extra: dict = field(default_factory=dict)

    @functools.cached_property
    def compact(self) -> str:
        """The text without OCR spaces; read only once the line is typed (display is final)."""
        return clean_spacing(self.display or self.text)
