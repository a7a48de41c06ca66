"""Where headlines stand: over a report's opening (本报讯…, a byline line) or a subtitle
(——记…), under a column's banner, over a lede (近日，/ 12月4日，), apart from the text by a phrase gap."""

from __future__ import annotations

import re

from sitegen.blocks.cues import Evidence, Where
from sitegen.blocks.line import Line

# How a report's first sentence opens: with when it happened (近日，/ 12月4日，).
_LEDE_OPENING = re.compile(r"^(近日|日前|昨天|昨日|今天|今日|前不久|近期|连日来|(?:\d{1,2}月)?\d{1,2}日)[，,]")


# How a letter opens: its salutation alone on a line (编辑同志：, 尊敬的工会领导：).
_SALUTATION = re.compile(r"^(?:(?:尊敬的|亲爱的)[\u4e00-\u9fff]{1,12}|编辑同志|编辑部|[\u4e00-\u9fff]{1,8}(?:同志|师傅|老师|工友)们?)[：:]$")


def is_salutation(line: Line) -> bool:
    """The line is a letter's salutation alone (编辑同志：, 尊敬的编辑：)."""
    return bool(_SALUTATION.match(line.compact))


def opens_lede(line: Line) -> bool:
    """The line opens a piece's first sentence: a report's, with when it happened, or a
    letter's, with its salutation."""
    return bool(_LEDE_OPENING.match(line.compact) or _SALUTATION.match(line.compact))


_DASH = re.compile(r"^\s*[—–－―]{1,2}\s*\S")


def stands_over_opening(where: Where) -> Evidence | None:
    if _DASH.match(where.line.compact) and len(where.line.compact) <= 30:
        return Evidence("dash", 3, "opens with a dash, as a subtitle does (——记…)")
    if where.over_byline:
        return Evidence("over-opening", 2, "straight over a report's opening or byline line")
    if where.nxt is not None and where.nxt.gap_before == 0 and _DASH.match(where.nxt.compact) \
            and len(where.nxt.compact) <= 30:
        # The dash line under it is a subtitle (——记劳模张三); what stands over a subtitle
        # is the headline it completes.
        return Evidence("over-subtitle", 5, "straight over a subtitle opened by a dash")
    if where.under_banner:
        return Evidence("under-banner", 3, "straight under a column's banner")
    if where.nxt is not None and where.nxt.kind.value == "body" and opens_lede(where.nxt):
        return Evidence("over-lede", 3, "the next line opens like a report's or a letter's first sentence")
    return None
