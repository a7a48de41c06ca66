"""Whether a line reads on into the next: two lines of a headline stack that are one headline
set in two lines, or a headline and the short line that ends it.

A narrow column breaks a long headline anywhere (开展安 / 全隐患排查, 房山区总工会 /
为先进职工之家授牌), while a kicker, a headline and a subtitle are each a whole phrase. A
line reads on into the next when the break cuts a word, when the line ends on a word that
needs what follows (…的, …和, …为, an opening quote) or the next opens on one that needs
what precedes (的…, 和…, a closing quote), or when the line names only who (a union, its
workers) and the next says what they did, with no subject of its own.
"""

from __future__ import annotations

import functools
import re

from sitegen.blocks.cues.cohesion import word_across

# Words a headline cannot end on: particles, conjunctions, prepositions, an opening mark.
_NEEDS_MORE = frozenset("的和与及暨并为对向把将在从让给被由以于“《（(")
# …nor open on: particles and conjunctions that hang on what precedes, a closing mark.
_HANGS_ON = frozenset("的了着过们等及和与并而”》）)、，")
# …nor open on the tail of a campaign's or a day's name standing alone (安全生产 / 月活动,
# 全民阅读 / 日): 月 and its kind end a name, they begin none.
_BOUND_TAIL = frozenset("月周日节季")
# What a number at a line's end counts, opening the next (1700 / 余名职工, 30 / 万元).
_COUNT_TAIL = re.compile(r"^(?:余|多)?[名人位家场个项次件户万亿元]")
# Who a report is about, as its headline names them before saying what they did.
_ACTOR = re.compile(r"(?:总工会|工会|职工|农民工|劳动者|建设者|集团|公司|委|局|队|员|者|们)$")
_VERB_TAGS = ("v", "vd", "vi", "vn", "vq", "p")
# A place over the body it names (顺义高丽营镇 / 总工会慰问…): one name cut in two.
_PLACE_END = re.compile(r"(?:区|镇|乡|县|街道|社区|村)$")
_BODY_START = re.compile(r"^(?:总工会|工会|妇联|团委|党委|政府|街道|社区)")
# A count opening the line (36名职工, 百余人, 2000场): the object of the verb above it.
_COUNT = re.compile(r"^(?:\d+|[一二三四五六七八九十百千万两]+)" + _COUNT_TAIL.pattern[1:])
# Where a verb of one character sends its object (送 / 进地铁工地, 送 / 到职工家中): a
# complement standing alone, which ends no verb of its own line.
_COMPLEMENTS = frozenset("进到入出回上下给往至")
# Verbs a headline does not end on, for they want their object (延庆工会组织 / 劳模…).
_TAKES_OBJECT = frozenset("组织 开展 举办 召开 慰问 走进 看望 探望 助力 签订 印发 发布 推出 携手 联合 邀请 帮助 关爱 为".split())


@functools.lru_cache(maxsize=4096)
def _tags(text: str) -> tuple[tuple[str, str], ...]:
    import jieba.posseg

    from sitegen.dictionary import tokenizer
    tokenizer()
    return tuple((w.word, w.flag) for w in jieba.posseg.cut(text, HMM=False))


def _says_what(text: str) -> bool:
    return any(flag.startswith(_VERB_TAGS) and len(word) > 1 for word, flag in _tags(text))


def reads_on(upper: str, lower: str) -> str | None:
    """Why ``lower`` continues the headline ``upper`` (the reason, for ``--explain``), or None."""
    upper, lower = upper.strip(), lower.strip()
    if not upper or not lower:
        return None
    word = word_across(upper, lower)
    if word is not None:
        return f"the word {word!r} runs on into the next line"
    if upper.count("“") > upper.count("”") and lower.count("”") > lower.count("“"):
        return "the quote the line opens closes on the next"
    if upper[-1].isdigit() and _COUNT_TAIL.match(lower):
        return "the line ends on a number, the next opens on what it counts"
    up, low = _tags(upper), _tags(lower)
    (last, last_tag), (first, first_tag) = up[-1], low[0]
    # The word standing alone, not the end of a longer one (参与, 合同, 目的).
    if last in _NEEDS_MORE:
        return f"the line ends on {upper[-1]!r}, which needs what follows"
    if first in _HANGS_ON:
        return f"the next line opens on {lower[0]!r}, which hangs on what precedes"
    if first in _BOUND_TAIL and 1 < len(lower) <= 6 and len(last) >= 2 and last_tag.startswith(("n", "v")):
        return f"the next line opens on {first!r}, the end of a name cut before it (安全生产 / 月活动)"
    if len(last) == 1 and last_tag == "v" and first in _COMPLEMENTS:
        return f"the line ends on the verb {last!r}, the next opens on where it sends ({first!r})"
    if _PLACE_END.search(upper) and _BODY_START.match(lower):
        return "the line ends on a place, the next opens on the body it names"
    if " " in upper:
        return None             # two phrases side by side: a motto, whole
    if last in _TAKES_OBJECT and not first_tag.startswith(_VERB_TAGS):
        return f"the line ends on {last!r}, which wants its object"
    if last_tag == "v" and _COUNT.match(lower) and not _says_what(lower):
        return f"the line ends on {last!r}, the next opens on how many it reached"
    if _ACTOR.search(upper) and not _says_what(upper) and first_tag.startswith(_VERB_TAGS):
        return "the line names who, the next says what they did"
    return None
