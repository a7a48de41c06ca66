"""Telling the lines of a page apart: body text, headline, byline start, credit, marker…

OCR reading order is unreliable, so nothing here decides which article a line belongs to;
it only says what each line *is*. Segmentation does the rest.

The one contextual rule is the sentence: column breaks and page breaks fall mid-sentence
(`持续严格消` / blank / `杀和确保`), so a line that follows an unfinished sentence continues
it, whatever it looks like. A headline stands after a finished sentence, has no sentence
punctuation of its own and does not fill the column like a wrapped body line.
"""

from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass, field
from enum import Enum

from sitegen.blocks.furniture import is_page_furniture
from sitegen.bylines import (
    find_credit,
    is_author_line,
    may_be_unspaced_author_line,
    parse_reporter_line,
    starts_news_byline,
)
from sitegen.dictionary import tokenizer
from sitegen.ocr import split_doubled_prefix, undouble
from sitegen.ocr.spacing import clean_spacing, is_cjk
from sitegen.ocr.wraps import VERSE_LINES, sentence_closed


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


# (上接第1版) / (紧接1版) opens a fragment; (下转第4版) / (转4版) ends a part that goes on.
_MARKER_FROM = re.compile(r"^\s*[（(]\s*[上紧]\s*接\s*(?:第\s*)?\S{1,4}?\s*版\s*[）)]")
_MARKER_TO = re.compile(r"[（(]\s*(?:下\s*)?转\s*(?:至\s*)?(?:第\s*)?\S{1,4}?\s*版\s*[）)]\s*$")
# An editor's note (编者按) or a column's opening words (开栏语, 开栏的话) open the text they
# stand in; they look like a short headline but are never one.
EDITORS_NOTE = re.compile(r"^\s*[【\[［〔(（]?\s*(?:编\s*者\s*按|开\s*栏\s*(?:语|的\s*话))\s*[】\]］〕)）]?\s*[:：]?")
_AD = re.compile(r"^\s*(广\s*告|Advertisement\b.*|ADVERTISEMENT\b.*)\s*$")
_COLUMN_MARK = re.compile(r"^\s*[■□◆◇●▲★☆]\s*\S")
_DATELINE = re.compile(r"^\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_CREDIT_LEAD = re.compile(r"^\s*(本报记者|记者|通讯员|本报通讯员|摄影记者)(\s*[\u3400-\u9fff]{2,4})+\s*$")
_RUNS_ON = re.compile(r"^\s*([，、。；：,;:）)”]|表示|说|介绍|指出|认为|告诉|坦言|强调|称|透露|提到|谈到|希望|要求|说道|感慨|笑着)")
_SENTENCE_END = ("。", "！", "？", "!", "?", "”", "」", "』", "…", "）")
_COLUMN_SUFFIX = re.compile(r"(日记|手记|札记|随笔|侧记|漫谈|快评|时评|短评|专栏)$")
_INNER_PUNCT = re.compile(r"[，。；：,;]")
_QUOTED = re.compile(r"“[^”]*”|《[^》]*》|（[^）]*）|\([^)]*\)")
_HEADLINE_MAX = 50
_GOES_ON = set("，、。；：,;:）)”’」』》！？!?")


# How a report's first sentence opens: with when it happened (近日，/ 12月4日，). A column
# line that fills the column would otherwise be taken for a paragraph's first line; one
# followed by a lede's opening is the report's headline.
_LEDE_OPENING = re.compile(r"^(近日|日前|昨天|昨日|今天|今日|前不久|近期|\d{1,2}月\d{1,2}日)[，,]")


def opens_lede(line: Line) -> bool:
    return bool(_LEDE_OPENING.match(line.compact))


def _phrase_gap(text: str) -> bool:
    """A space between two runs of two or more CJK characters: how headlines separate phrases."""
    for m in re.finditer(r"[ \u3000]+", text.strip()):
        s, e = m.start(), m.end()
        t = text.strip()
        if s >= 2 and e + 1 < len(t) and all(is_cjk(c) for c in (t[s - 2], t[s - 1], t[e], t[e + 1])):
            return True
    return False


def _headline_shaped(line: Line, where_headlines_stand: bool = False) -> bool:
    """``where_headlines_stand``: printed straight over a byline or under a column's banner,
    where a headline's colon (劳模张三：三十年坚守一线) does not make it a sentence."""
    text = line.compact
    if not 4 <= len(text) <= _HEADLINE_MAX:
        return False
    if _DATELINE.match(text) or text[-1] in "，、；：,;:（(《“" or text[0] in "，。、；：,;:）)》”":
        return False
    inner = _QUOTED.sub("", text)
    if where_headlines_stand:
        inner = inner.replace("：", "").replace(":", "")
    if _INNER_PUNCT.search(inner):
        return False
    cjk = sum(1 for c in text if is_cjk(c))
    return cjk >= len(text) * 0.5


def _split_ocr_line(raw: str, number: int) -> list[Line]:
    """One OCR line can hold two printed lines: a doubled headline run into the next
    report (`矿矿泉泉水水 本报讯 …`), or a caption ending in its credit."""
    split = split_doubled_prefix(raw)
    if split:
        head, rest = split
        return [Line(head, number), *_split_ocr_line(rest, number)]
    start = find_credit(raw)
    if start is not None and raw[:start].strip():
        return [Line(raw[:start].rstrip(), number), Line(raw[start:].strip(), number, kind=LineKind.CREDIT)]
    return [Line(raw.strip(), number)]


def _typed(line: Line, known_columns: set[str]) -> Line:
    text = line.text
    if line.kind == LineKind.CREDIT:
        line.display = text.strip()
        return line
    doubled = undouble(text)
    if doubled is not None:
        line.doubled, line.display = True, doubled
        is_column = doubled in known_columns or (len(doubled) <= 10 and _COLUMN_SUFFIX.search(doubled))
        line.kind = LineKind.COLUMN if is_column else LineKind.HEADLINE
    elif starts_news_byline(text):
        line.kind = LineKind.NEWS_START
    elif is_page_furniture(text):
        line.kind = LineKind.FURNITURE
    elif EDITORS_NOTE.match(text):
        line.kind = LineKind.NOTE
    elif _MARKER_FROM.match(text):
        line.kind = LineKind.CONTINUED_FROM
    elif _AD.match(text):
        line.kind = LineKind.AD
    elif find_credit(text) == 0:
        line.kind = LineKind.CREDIT
    elif parse_reporter_line(text):
        line.kind = LineKind.BYLINE            # before the banner: ■文/本报记者 X is a byline
    elif _COLUMN_MARK.match(text):
        line.kind = LineKind.COLUMN
    elif is_author_line(text):
        line.kind = LineKind.AUTHOR
    if line.kind == LineKind.COLUMN and not line.display:
        line.display = re.sub(r"^\s*[■□◆◇●▲★☆]\s*", "", text).strip()
    if not line.display:
        line.display = text.strip()
    return line


def _column_width(lines: list[Line]) -> int | None:
    """The width of a wrapped body column, in characters: lines that are followed by more of
    their paragraph fill the column. None when the page has one paragraph per line."""
    widths = []
    for a, b in zip(lines, lines[1:]):
        if a.kind == LineKind.BODY and b.kind == LineKind.BODY and b.gap_before == 0:
            widths.append(len(a.compact))
    if len(widths) < 8:
        return None
    width = int(statistics.median(widths))
    return width if width <= 30 else None


def classify_page(text: str, known_columns: set[str] = frozenset()) -> list[Line]:
    """The non-blank lines of a page, typed."""
    lines: list[Line] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            gap += 1
            continue
        parts = _split_ocr_line(raw, number)
        parts[0].gap_before = gap
        gap = 0
        lines.extend(_typed(p, known_columns) for p in parts)

    # Doubled headline type wraps like any headline: the line under a doubled one, made of
    # pairs too, is the rest of it even when too short to be told doubled alone (`家家属属`).
    for prev, line in zip(lines, lines[1:]):
        if prev.doubled and not line.doubled and line.gap_before == 0 and line.kind in (LineKind.BODY, LineKind.HEADLINE):
            short = undouble(line.text, min_pairs=1)
            if short is not None:
                line.doubled, line.display = True, short
                line.kind = prev.kind if prev.kind in (LineKind.HEADLINE, LineKind.COLUMN) else LineKind.HEADLINE
                line.__dict__.pop("compact", None)

    # The writer's line under a column's banner names a unit of any kind (北京地铁 刘洋).
    for prev, line in zip(lines, lines[1:]):
        if prev.kind == LineKind.COLUMN and line.kind == LineKind.BODY and is_author_line(line.text, under_banner=True):
            line.kind = LineKind.AUTHOR

    # A credit can start on the line before: 本报记者 马超 / 通讯员 赵研容 摄影报道.
    for prev, line in zip(lines, lines[1:]):
        if line.kind == LineKind.CREDIT and prev.kind in (LineKind.BODY, LineKind.AUTHOR, LineKind.BYLINE) \
                and _CREDIT_LEAD.match(prev.text):
            prev.kind = LineKind.CREDIT

    # An author line wrapped by the column edge leaves a name's last character or two on a
    # line of their own (`北京职工体育服务中心董光` / `琳`): one printed line, and then an
    # author line, if it stands where one does.
    i = 1
    while i + 1 < len(lines):
        line, rest = lines[i], lines[i + 1]
        joined = line.text.rstrip() + rest.text.strip()
        if line.kind == LineKind.BODY and rest.kind == LineKind.BODY and rest.gap_before == 0 \
                and len(rest.compact) <= 2 and lines[i - 1].compact.rstrip().endswith(_SENTENCE_END) \
                and (i + 2 == len(lines) or lines[i + 2].gap_before > 0) \
                and (is_author_line(joined) or may_be_unspaced_author_line(joined)):
            line.text = line.display = joined
            line.__dict__.pop("compact", None)
            line.kind = LineKind.AUTHOR
            del lines[i + 1]
        i += 1

    # An author line whose space the OCR lost stands apart: after the end of a sentence, with
    # a blank line (or the page's end) after it, where a wrapped body line runs on — though a
    # column break can fall there too, so a line going on with what the person said
    # (…主席曹玉清 / 表示，…, or …主席施剑表 / 示，… with the word cut) keeps it in the body.
    for i, line in enumerate(lines):
        if line.kind == LineKind.BODY and may_be_unspaced_author_line(line.text) \
                and (i + 1 == len(lines) or (lines[i + 1].gap_before > 0 and not _RUNS_ON.match(lines[i + 1].text)
                                             and not _word_across(line.compact, lines[i + 1].compact))) \
                and i > 0 and lines[i - 1].compact.rstrip().endswith(_SENTENCE_END):
            line.kind = LineKind.AUTHOR

    width = _column_width(lines)
    _mark_headlines(lines, width)
    for prev, line in zip([None, *lines], lines):
        # The column edge can cut the marker too: …价值。（下转第 / 4版）
        if line.kind == LineKind.BODY and (_MARKER_TO.search(line.text) or (
                prev is not None and prev.kind == LineKind.BODY and line.gap_before == 0
                and _MARKER_TO.search(prev.text.rstrip() + line.text.strip()))):
            line.extra["continued_to"] = True
    return lines


def _headline_run(lines: list[Line], i: int, width: int | None = None, longest: int = 3) -> bool:
    """Lines i.. up to the next blank line are all headline-shaped, few, unfinished, and what
    follows them is not more body text (which would make them a paragraph cut by a column break)."""
    run = [lines[i]]
    after = None
    for line in lines[i + 1:]:
        if line.gap_before or line.kind != LineKind.BODY:
            after = line
            break
        run.append(line)
    followed_by_text = after is not None and after.kind == LineKind.BODY and not _headline_shaped(after)
    # Lines that all end at the column edge are a wrapped paragraph, however they read.
    all_full = width is not None and len(run) > 1 and all(abs(len(l.compact) - width) <= 1 for l in run)
    # A report's byline straight under the run: a series banner, kicker, headline and
    # subtitle can all stand there, one under the other.
    if after is not None and after.kind in (LineKind.NEWS_START, LineKind.BYLINE) and after.gap_before == 0:
        longest += 2
    return (len(run) <= longest and all(_headline_shaped(l) for l in run) and not all_full
            and not sentence_closed(run[-1].text) and not followed_by_text)


def next_in_text(lines: list[Line], i: int) -> int | None:
    """The line after line i, passing over the page's header and footer, which are not part
    of the text around them."""
    return next((k for k in range(i + 1, len(lines)) if lines[k].kind != LineKind.FURNITURE), None)


def _word_across(left: str, right: str) -> bool:
    """Does a dictionary word run from the end of one line into the next (`6名同` / `志一边`,
    `相关负责` / `人对全市`)? A column edge cuts words; a headline ends with a whole one."""
    head, tail = left[-3:], right[:3]
    position = 0
    for word in tokenizer().cut(head + tail, HMM=False):
        if position < len(head) < position + len(word):
            return True
        position += len(word)
    return False


def _overhang(line: Line) -> int:
    """How many characters past the column width a wrapped body line can hold: one, a
    punctuation mark hung at the line's end; two with Latin letters or digits, which are
    narrower than Chinese characters."""
    return 2 if any(c.isascii() for c in line.compact) else 1


def _wider_than_its_column(line: Line, prev: Line | None, width: int | None) -> bool:
    """A line after a column break that is wider than the column the unfinished sentence
    was wrapped in does not go on with it: a sentence cut by a break goes on in a column of
    the same width, and what stands wider is a headline across columns (or a credit
    line's wrapped end before it: `…中心董光` / `琳`)."""
    return (width is not None and prev is not None and line.gap_before > 0
            and len(prev.compact) <= width + 1 and len(line.compact) > width + 3)


def _verse_run(lines: list[Line], i: int, width: int | None) -> int:
    """How many lines from i make a stanza of verse or a list (0 if they do not):
    VERSE_LINES or more short lines one under the other. A headline block (series banner,
    kicker, headline, subtitle) is as short and as stacked, but stands over a byline or over
    text that fills the column."""
    if width is None:
        return 0
    k = i
    while k < len(lines) and lines[k].kind == LineKind.BODY and len(lines[k].compact) < width - 2 \
            and (k == i or lines[k].gap_before == 0):
        k += 1
    if k - i < VERSE_LINES:
        return 0
    after = lines[k] if k < len(lines) else None
    if after is not None and after.gap_before == 0 and after.kind in (LineKind.NEWS_START, LineKind.BYLINE, LineKind.BODY):
        return 0
    return k - i


def _mark_headlines(lines: list[Line], width: int | None) -> None:
    """Decide which plain lines are headlines, reading the page in order."""
    open_sentence = False
    verse_until = -1
    for i, line in enumerate(lines):
        if line.kind == LineKind.FURNITURE:
            continue                 # a page's foot can fall mid-sentence
        if i <= verse_until:
            continue                 # a line of verse ends where it was printed to end
        if line.kind in (LineKind.NEWS_START, LineKind.CONTINUED_FROM):
            open_sentence = not sentence_closed(line.text)
            continue
        if line.kind != LineKind.BODY:
            open_sentence = False
            continue
        j = next_in_text(lines, i)
        nxt = lines[j] if j is not None else None
        prev = lines[i - 1] if i else None
        over_byline = nxt is not None and (nxt.kind == LineKind.NEWS_START and nxt.gap_before == 0
                                           or nxt.kind == LineKind.BYLINE and nxt.gap_before <= 1)
        # A column's banner, and the writer's line under it, stand over the piece's headline.
        under_banner = prev is not None and (prev.kind == LineKind.COLUMN or (
            prev.kind == LineKind.AUTHOR and i >= 2 and lines[i - 2].kind == LineKind.COLUMN))
        if not open_sentence and not under_banner:
            stanza = _verse_run(lines, i, width)
            if stanza:
                verse_until, open_sentence = i + stanza - 1, False
                continue
        if (open_sentence and not _wider_than_its_column(line, prev, width)) \
                or not _headline_shaped(line, over_byline or under_banner):
            open_sentence = not sentence_closed(line.text)
            continue
        if line.gap_before == 0 and prev is not None and prev.kind in (LineKind.BODY, LineKind.NEWS_START) \
                and (width is None or len(line.compact) <= width + 3):
            # Straight under a finished sentence, with no blank line: a new paragraph.
            continue
        if nxt is not None and nxt.kind == LineKind.BODY:
            # Straight under a column's banner stands the piece's headline, however wide.
            fills_column = (width is not None and width - 3 <= len(line.compact) <= width + _overhang(line)
                            and not _phrase_gap(line.text) and not under_banner)
            if nxt.gap_before == 0:
                # One paragraph per line: a headline stands apart from the text under it;
                # in columns, a line as wide as the column is a wrapped paragraph's first line,
                # unless its whole run is headline-shaped and ends unfinished (a two-line headline).
                if width is None:
                    wrapped = not (under_banner or _phrase_gap(line.text) or _headline_run(lines, i)
                                   or len(nxt.compact) > _HEADLINE_MAX)
                else:
                    wrapped = fills_column and not _headline_run(lines, i, width) and not opens_lede(nxt)
            else:
                # A column break right after a paragraph's first line: the line fills the
                # column and what follows the break reads on as plain text.
                wrapped = fills_column and not opens_lede(nxt) and (not _headline_shaped(nxt) or (
                    prev is not None and prev.kind == LineKind.HEADLINE and line.gap_before == 0) or (
                    not _headline_run(lines, j, width) and _word_across(line.compact, nxt.compact)))
            # Text under a headline never opens with a comma or a closing mark: a line
            # that does goes on with the sentence of the line above.
            if wrapped or nxt.compact[:1] in _GOES_ON:
                open_sentence = not sentence_closed(line.text)
                continue
        line.kind = LineKind.HEADLINE
        open_sentence = False
