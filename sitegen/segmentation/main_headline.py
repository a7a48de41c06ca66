"""Which line of a headline stack is the main headline (主题), and which are the kicker
(引题) over it and the subtitle (副题) under it.

The printed order (kicker, main, subtitle) is the strongest cue, but OCR reading order
keeps it only within a run of lines printed together. So each line of the stack is
weighed: where it stands in the run, and what it says. A main headline names who did
what; a kicker gives the series or a motto
(聚焦一线 服务职工, 践行初心使命 当好职工娘家人: two phrases side by side, 2021年“X”系列报道,
持续开展“X”活动); a subtitle gives a detail
(首批7家单位参与试点, 强化资金保障、人员保障和职工服务) or opens with a dash (——记…).
"""

from __future__ import annotations

import re

from sitegen.segmentation.wording import bigrams
from sitegen.blocks.cues import Evidence

_DASH = re.compile(r"^\s*[—–\-－―]")
_DETAIL = re.compile(r"\d+\s*(?:余|多)?\s*(?:名|家|个|人次|人|户|场|项|条|所|位|万|件|次|册|元|支|批)|、")
_SERIES = re.compile(r"系列报道|专栏|“[^”]{2,12}”\s*(?:活动|行动)$|^持续开展|^(?:学习贯彻|深入学习)")
_MOTTO = re.compile(r"^[\u4e00-\u9fff]{2,8}[ \u3000]+[\u4e00-\u9fff]{2,8}$")


def weigh_lines(texts: list[str], doubled: list[bool], preferred: dict[int, float], lede: str
                ) -> list[tuple[float, list[Evidence]]]:
    """For each line of the run, its weight as the main headline and the evidence.
    ``preferred``: where the printed order may put the main line (index → weight): beside
    the body, and inside a stack of three or more; ``lede`` the opening of
    the body."""
    lede_grams = bigrams(lede)
    weighed = []
    for j, text in enumerate(texts):
        evidence = []
        if _DASH.match(text):
            evidence.append(Evidence("dash", -10, "opens with a dash: a subtitle"))
        if j in preferred:
            evidence.append(Evidence("position", preferred[j], "where the printed order puts a main line"))
        if _DETAIL.search(text):
            evidence.append(Evidence("detail", -0.25, "gives a count or a list: a subtitle's detail"))
        if _SERIES.search(text) or _MOTTO.match(text):
            evidence.append(Evidence("series", -0.4, "names a series, a campaign or a motto: a kicker"))
        if doubled[j]:
            evidence.append(Evidence("big-type", 0.3, "printed in the stack's biggest type (doubled by the OCR)"))
        grams = bigrams(text)
        if grams and lede_grams:
            fit = len(grams & lede_grams) / len(grams)
            evidence.append(Evidence("lede", round(0.3 * fit, 2), f"shares {fit:.0%} of its words with the opening of the text"))
        weighed.append((sum(e.weight for e in evidence), evidence))
    return weighed


def main_line(texts: list[str], doubled: list[bool], preferred: dict[int, float], lede: str) -> int:
    weighed = weigh_lines(texts, doubled, preferred, lede)
    return max(range(len(texts)), key=lambda j: (weighed[j][0], preferred.get(j, 0)))
