"""Bylines and credits: who wrote, reported and photographed an article.

- a news byline: ``本报讯 （记者 陈曦 通讯员 牛亚乐）``, OCR-spaced (``记 者 白 莹``) or broken across lines,
  or after a dateline (``本报北京11月18日电``, a wire story's ``新华社北京11月18日电``);
- a photo credit closing a caption: ``本报记者 周美玉 摄影报道``, ``万玉藻 摄影报道``, ``本报记者 彭程 摄``;
- an author line signing a column: ``市服务工会 冯显亮`` (unit, then the name);
- a feature's byline on a line of its own: ``本报记者 李四 通讯员 王五``, ``文/李四 图/王五``.
"""

from sitegen.bylines.parse import (
    boxed_author_line,
    Byline,
    credit_ending,
    find_credit,
    is_author_line,
    may_be_unspaced_author_line,
    parse_author_line,
    boxed_signature,
    bracket_signature,
    closing_byline,
    trailing_signature,
    parse_credit,
    parse_news_byline,
    parse_reporter_line,
    starts_news_byline,
)

__all__ = [
    "bracket_signature",
    "Byline",
    "closing_byline",
    "credit_ending",
    "find_credit",
    "is_author_line",
    "may_be_unspaced_author_line",
    "parse_author_line",
    "boxed_author_line",
    "boxed_signature",
    "trailing_signature",
    "parse_credit",
    "parse_news_byline",
    "parse_reporter_line",
    "starts_news_byline",
]
