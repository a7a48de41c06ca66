"""A headline's shape: a phrase of 4 to 50 characters, mostly Chinese, with no sentence
punctuation inside it (quoted titles and bracketed words aside) and nothing at its ends
that a sentence would leave there."""

from __future__ import annotations

import functools
import re

from sitegen.blocks.cues import Evidence, Where
from sitegen.blocks.line import Line
from sitegen.ocr.spacing import is_cjk

HEADLINE_MAX = 50
_DATELINE = re.compile(r"^\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_INNER_PUNCT = re.compile(r"[，。；：,;]")
_QUOTED = re.compile(r"“[^”]*”|《[^》]*》|（[^）]*）|\([^)]*\)")


def phrase_gap(text: str) -> bool:
    """A space between two runs of two or more CJK characters: how headlines separate phrases."""
    t = text.strip()
    for m in re.finditer(r"[ \u3000]+", t):
        s, e = m.start(), m.end()
        if s >= 2 and e + 1 < len(t) and all(is_cjk(c) for c in (t[s - 2], t[s - 1], t[e], t[e + 1])):
            return True
    return False


# Who speaks in an interview or a Q&A (记者：…？ 答：…, 读者问：…): a turn of the text.
_SPEAKER = re.compile(r"^(?:本报记者|记者|读者问|职工问|网友问|律师答|专家答|主持人|嘉宾|问|答|Q|A)[:：]")


# A notice's sign-off: who issued it, and when (北京市总工会 2019年9月21日).
_ISSUED = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}\s+(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def headline_shaped(line: Line, where_headlines_stand: bool = False) -> bool:
    """``where_headlines_stand``: printed straight over a byline or under a column's banner,
    where a headline's colon (劳模张三：三十年坚守一线) does not make it a sentence."""
    text = line.compact
    if not 4 <= len(text) <= HEADLINE_MAX:
        return False
    if _SPEAKER.match(text) or _ISSUED.search(line.text.strip()):
        return False
    if _DATELINE.match(text) or text[-1] in "，、；：,;:（(《“" or text[0] in "，。、；：,;:）)》”":
        return False
    # A quoted sentence followed by more text (“干一行就要爱一行。”这是…) is a sentence; a
    # headline may quote one, alone.
    if re.match(r"^“[^”]*[。！？!?][^”]*”.", text):
        return False
    inner = _QUOTED.sub("", text)
    if where_headlines_stand:
        inner = inner.replace("：", "").replace(":", "")
    else:
        # A feature's headline names its subject before a colon (劳模张三：三十年坚守一线):
        # one colon after a short name, with a phrase after it.
        # What follows the colon may be their own words, a clause or two (姚妮萍：只要职工
        # 需要，我就在); a sentence of text runs longer.
        left, colon, right = inner.partition("：") if "：" in inner else inner.partition(":")
        # The phrase after the colon is measured with its quotes (王晶：把“不可能”变成“能”).
        said = re.split(r"[：:]", text, maxsplit=1)[-1]
        if colon and 2 <= len(left) <= 14 and len(said) >= 4 and not re.search(r"[：:]", right):
            inner = left + right
            clauses = re.split(r"[，,]", right)
            if len(clauses) == 2 and len(text) <= 24 and all(len(c) >= 3 for c in clauses):
                inner = left + "".join(clauses)
    if _INNER_PUNCT.search(inner):
        return False
    cjk = sum(1 for c in text if is_cjk(c))
    return cjk >= len(text) * 0.5


_FULL_STOP = re.compile(r"[。.][”’」』）)]*$")
_SPOKEN = re.compile(r"^“[^”]*[，,][^”]*[！？!?]”$")
# Words that tie a sentence to what follows: a line ending on one is cut mid-sentence
# (…工作笔记交给了 / 庞强华，…); a headline ends on a whole phrase.
_TIES = set("的了把在和与对给被将向从及或而但让使于以并由同跟比着过地得")
# One of a kind with nothing counted (…长城仪表集团的一名 / 钳工): a count of 2000场 may end a
# headline, 一名 never does. Not 部: 运营一部, 项目一部 are a firm's departments.
_WANTS_NOUN = re.compile(r"(?:一|两|每)(?:名|位|个|家|种|项|件|台|条|支|座|所|批|本|张|份|篇|套|辆|棵|块)$")
# Adverbs that only ever lean on the verb after them (…在外出采访中经常 / 会有如此困境); not
# 总 (市总), 肯定 (获肯定), 自然 (走进自然) or 不, which end headlines as words of their own.
_LEANING = set("经常 常常 总是 往往 一定 必然 都 也 还 就 才".split())
# 会 after an adverb is the verb that wants another (…采访中经常会 / 有如此困境); alone it
# may end a meeting's name (分享会), as 能 may end a headline that quotes it (变成“能”).
_ADVERBS = _LEANING | {"总", "不", "肯定", "自然"}


def shape(where: Where) -> Evidence | None:
    if not headline_shaped(where.line, where.over_byline or where.under_banner):
        return Evidence("shape", -10, "not shaped like a headline (length, punctuation or a date alone)")
    if _FULL_STOP.search(where.line.compact):
        # A headline may exclaim or ask (…！ …？), never end on a full stop.
        return Evidence("full-stop", -6, "ends on a full stop, as a sentence does")
    if _SPOKEN.match(where.line.compact):
        # “工会想得很周到，我们特别感动！”: a quoted exclamation of clauses is what
        # someone said, set as a paragraph; a headline quoting a phrase has no clauses.
        return Evidence("spoken", -3, "a quoted sentence of clauses ending in ！ or ？")
    if _WANTS_NOUN.search(where.line.compact):
        return Evidence("ends-on-a-tie", -4, "ends on a measure word (…的一名), which wants its noun")
    last = _last_word(where.line.compact)
    if last == "会" and _before_last_word(where.line.compact) in _ADVERBS:
        return Evidence("ends-on-a-tie", -4, "ends on 会 after an adverb, which wants a verb after it")
    if last in _LEANING:
        return Evidence("ends-on-a-tie", -4, f"ends on the adverb {last!r}, which wants a verb after it")
    if last in _TIES:
        # …的 can end a headline that quotes a saying (幸福是奋斗出来的), and 了 one that
        # says a thing has happened (快递小哥入会了): weighed less.
        return Evidence("ends-on-a-tie", {"的": -0.5, "了": -2}.get(last, -4),
                        f"ends on {last!r}, which ties a sentence to what follows")
    return None


# The first half of a pair of clauses (不但…还…, 虽然…但…): a line that opens one and does
# not close it breaks off mid-sentence, where a headline says its whole.
_PAIR_OPENS = re.compile(r"不但|不仅|虽然|尽管|一方面")
_PAIR_CLOSES = re.compile(r"还|而且|并且|也|更|但|却|而|另一方面")


def half_pair(where: Where) -> Evidence | None:
    text = where.line.compact
    m = _PAIR_OPENS.search(text)
    if m is None or _PAIR_CLOSES.search(text[m.end():]):
        return None
    return Evidence("half-pair", -4, f"opens a pair of clauses with {m.group(0)!r} and does not close it")


def _last_word(text: str) -> str:
    words = _words_of(text[-6:])
    return words[-1] if words else ""


def _before_last_word(text: str) -> str:
    words = _words_of(text[-6:])
    return words[-2] if len(words) >= 2 else ""


@functools.lru_cache(maxsize=65536)
def _words_of(tail: str) -> tuple[str, ...]:
    from sitegen.dictionary import tokenizer

    return tuple(tokenizer().lcut(tail, HMM=False))
