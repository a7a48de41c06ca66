"""Telling the lines of a page apart: body text, headline, byline start, credit, marker…

OCR reading order is unreliable, so nothing here decides which article a line belongs to;
it only says what each line *is*. Segmentation does the rest.

The one contextual rule is the sentence: column breaks and page breaks fall mid-sentence
(`持续严格消` / blank / `杀和确保`), so a line that follows an unfinished sentence continues
it, whatever it looks like. A headline stands after a finished sentence, has no sentence
punctuation of its own and does not fill the column like a wrapped body line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sitegen.blocks.cues.cohesion import word_across
from sitegen.blocks.cues.continuity import MARKER_TO, goes_on_with
from sitegen.blocks.cues.openings import opens_lede
from sitegen.blocks.furniture import guide_lines, is_page_furniture, weather_lines
from sitegen.blocks.headline_decision import mark_headlines
from sitegen.blocks.line import Line, LineKind
from sitegen.bylines import (
    boxed_author_line,
    boxed_signature,
    trailing_signature,
    find_credit,
    is_author_line,
    may_be_unspaced_author_line,
    parse_reporter_line,
    starts_news_byline,
)
from sitegen.ocr import split_doubled_prefix, undouble
from sitegen.ocr.line_spacing import is_double_spaced, single_spaced
from sitegen.ocr.wraps import sentence_closed


# (上接第1版) / (紧接1版) opens a fragment; (下转第4版) / (转4版) ends a part that goes on.
_MARKER_FROM = re.compile(r"^\s*[（(]\s*[上紧]\s*接\s*(?:第\s*)?\S{1,4}?\s*版\s*[）)]")
# An editor's note (编者按) or a column's opening words (开栏语, 开栏的话) open the text they
# stand in; they look like a short headline but are never one.
EDITORS_NOTE = re.compile(r"^\s*[【\[［〔(（]?\s*(?:编\s*者\s*按|开\s*栏\s*(?:语|的\s*话))\s*[】\]］〕)）]?\s*[:：]?")
_TRAILING_AD_LABEL = re.compile(r"^\s*([^，。；！？,;!?]*[^\s，。；！？,;!?])\s+广\s*告\s*$")
_AD = re.compile(r"^\s*(广\s*告|Advertisement\b.*|ADVERTISEMENT\b.*)\s*$")
# A classified notice's heading (遗失声明, 注销公告, 招聘启事): paid copy, an advertisement
# whatever it is printed beside, never a headline or a subhead of the report above it.
_CLASSIFIED = re.compile(r"^\s*(?:遗\s*失|挂\s*失|作\s*废|注\s*销|清\s*算|减\s*资|迁\s*址|更\s*名|招\s*聘|寻\s*人)\s*"
                         r"(?:声\s*明|公\s*告|启\s*事)\s*$")
# An advertisement's contact line: a number to call and little else. Reports give phone
# numbers inside sentences, never on a line of their own.
_CONTACT = re.compile(r"^\s*[\u4e00-\u9fff]{0,6}(?:电\s*话|热\s*线|专\s*线|微\s*信)\s*[:：]?\s*[\d\-—－ ]{7,20}\s*$")
# …or a few words and the number set apart beside them, as an advertisement prints its
# contact (二十四小时服务 45837895).
_CONTACT_BESIDE = re.compile(r"^\s*[\u4e00-\u9fff]{2,10}\s+\d[\d\-—－]{6,12}\s*$")
# …and the lines that go with it: where to find the advertiser (地址：…, 网址：…).
_ADDRESS = re.compile(r"^\s*(?:地\s*址|网\s*址|邮\s*箱|联\s*系\s*人|营业时间)\s*[:：]\s*\S.{0,30}$")
_CLASSIFIEDS = re.compile(r"^\s*(?:分\s*类\s*广\s*告|分\s*类\s*信\s*息|便\s*民\s*信\s*息)"
                          r"(?:\s*[\u4e00-\u9fff]{0,4}(?:电\s*话|热\s*线)\s*[:：]?\s*(?:[\d\-— ]{7,20})?)?\s*$")
# Who issues a notice: 北京市总工会, 评选办公室, 组委会.
ISSUER = re.compile(r"[\u4e00-\u9fff（）()]{2,24}(?:总工会|工会|委员会|组委会|办公室|领导小组|联合会|协会)")
# An issuer signing a notice, perhaps with the date beside it (北京市总工会 2022年6月25日),
# or the part of the date the column's edge left it (…2022年6月25 / 日): group 1.
SIGN_OFF = re.compile(ISSUER.pattern + r"\s*((?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日?)?)?")
_WANTED = re.compile(r"^\s*(?:高薪)?\s*(?:诚\s*聘|招\s*聘|急\s*聘|招\s*工|转\s*让|出\s*租|求\s*购)\s*$")
_BOX_MARKS = "■□◆◇●▲★☆"
_COLUMN_MARK = re.compile(rf"^\s*[{_BOX_MARKS}]\s*\S")
_BOX_LABEL = re.compile(r"^\s*[■□]")
# A caption points at its photo in a row of photos (◀左图 ▲上图 ▶右图 ▼下图). ▲ boxes a
# banner too, but a banner's name is short: a caption says what the picture shows.
_POINTER = re.compile(r"^\s*(?:[◀▶▼◄►▽◁▷]|▲(?=\s*\S{6}))")
_BRACKETED_BANNER = re.compile(r"^\s*[【\[［〔]\s*[\u4e00-\u9fff]{2,8}\s*[】\]］〕]\s*$")     # 【简讯】
_CREDIT_LEAD = re.compile(r"^\s*(本报记者|记者|通讯员|本报通讯员|摄影记者)(\s*[\u3400-\u9fff]{2,4})+\s*$")
_SENTENCE_END = ("。", "！", "？", "!", "?", "”", "」", "』", "…", "）")
_COLUMN_SUFFIX = re.compile(r"(日记|手记|札记|随笔|侧记|漫谈|快评|时评|短评|专栏)$")
# The labels of an article's parts, printed in brackets or boxed on their own line: a case
# story's 【案情】【评析】【提醒】, a report's 【链接】. They belong to the text they head,
# unlike a section's banner (【简讯】), which heads articles of their own.
ARTICLE_PART = re.compile(r"^\s*(?:[【［〔]\s*(?:%(names)s)\s*[】］〕]|[■□]\s*(?:%(names)s))\s*$" % {"names": "|".join((
    "案情", "案例", "评析", "说法", "点评", "释法", "提醒", "提示", "链接", "背景", "相关链接", "延伸阅读",
    "律师说法", "法官说法", "专家点评", "律师提醒", "法官提醒", "专家提醒", "以案说法", "温馨提示", "小贴士"))})
# A headline the OCR ran into the first line of the next text, a space between them
# (新街口工会职工沟通会开进快递站点 15日，北京市…): two printed lines.
_HEADLINE_RUN_ON = re.compile(r"^\s*([\u4e00-\u9fff“”《》0-9]{4,40})\s+(\S.*)$")
# …and its subtitle after it, which may open on a dash (——记…).
_SUBTITLE_RUN_ON = re.compile(r"^\s*((?:——|—)?[\u4e00-\u9fff“”《》0-9]{6,40})\s+(\S.*)$")
# A page's number and section (7 综合, 07 要闻, A3 社会) printed as a label beside its header.
_PAGE_NUMBER_LABEL = re.compile(r"^\s*[A-D]?\d{1,2}\s*[\u4e00-\u9fff]{2,4}\s*$")
# The sections a page prints its briefs and photos under, with or without a mark.
# A section's name ends with what it holds, whoever's it is (工会简讯, 基层快讯, 京城速递).
_SECTION = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}(?:简讯|短讯|快讯|速递|图片新闻|图说新闻)|工会动态|一线传真)$")


_NEWS_OPENING_INSIDE = re.compile(r"(?<=\S)[ \t\u3000]+(?=本报讯)")
_SENTENCE_MARK = re.compile(r"[，。；！？,;!?：:]")


def _split_ocr_line(raw: str, number: int) -> list[Line]:
    """One OCR line can hold two printed lines: a doubled headline run into the next
    report (`矿矿泉泉水水 本报讯 …`), or a caption ending in its credit."""
    split = split_doubled_prefix(raw)
    if split:
        head, rest = split
        return [Line(head, number), *_split_ocr_line(rest, number)]
    start = find_credit(raw)
    if start is not None and raw[:start].strip():
        return [*_split_ocr_line(raw[:start].rstrip(), number), Line(raw[start:].strip(), number, kind=LineKind.CREDIT)]
    run_on = _HEADLINE_RUN_ON.match(raw)
    if run_on and (opens_lede(Line(run_on.group(2), number)) or starts_news_byline(run_on.group(2))):
        return [Line(run_on.group(1), number), *_split_ocr_line(run_on.group(2), number)]
    if run_on:
        # A headline and its subtitle run into the text's first line (…驿站 现场吸纳16名职工入会
        # 近日，…, or …的一天 ——记… 本报讯…): each printed line is a line.
        rest = _SUBTITLE_RUN_ON.match(run_on.group(2))
        if rest and (opens_lede(Line(rest.group(2), number)) or starts_news_byline(rest.group(2))):
            return [Line(run_on.group(1), number), Line(rest.group(1), number), *_split_ocr_line(rest.group(2), number)]
    opening = _NEWS_OPENING_INSIDE.search(raw)
    if opening and not _SENTENCE_MARK.search(raw[:opening.start()]) and len("".join(raw[:opening.start()].split())) >= 4:
        # Headline lines run on into the next report's opening (落实全会精神 服务首都发展
        # 房山工会召开职工代表大会 本报讯（记者…): a report opens only at a line's start.
        return [*_split_ocr_line(raw[:opening.start()].rstrip(), number), *_split_ocr_line(raw[opening.start():].strip(), number)]
    start = trailing_signature(raw)
    if start is not None:
        return [Line(raw[:start].rstrip(), number), Line(raw[start:].strip(), number, kind=LineKind.AUTHOR)]
    label = _TRAILING_AD_LABEL.match(raw)
    if label:
        # An advertisement's label read into the headline beside it (集体理发暖人心 广告).
        return [*_split_ocr_line(label.group(1), number), Line("广告", number)]
    return [Line(raw.strip(), number)]


def _join_cut_tails(lines: list[Line], whole: Callable[[Line, str], bool]) -> None:
    """A line's last few characters the column edge carried to a line of their own (four at
    most, straight under it) are read back onto it where ``whole(line, joined text)`` says the
    two make what was printed as one."""
    k = 0
    while k + 1 < len(lines):
        line, rest = lines[k], lines[k + 1]
        if rest.kind == LineKind.BODY and rest.gap_before == 0 and len(rest.compact) <= 4:
            joined = line.text.rstrip() + rest.text.strip()
            if whole(line, joined):
                line.text = line.display = joined
                line.__dict__.pop("compact", None)
                del lines[k + 1]
        k += 1


def _stacked_runs(lines: list[Line], belongs) -> list[tuple[int, int]]:
    """(start, end) of each run of lines one under the other (no blank line between them)
    that ``belongs(line)`` takes."""
    runs, k = [], 0
    while k < len(lines):
        end = k
        while end < len(lines) and belongs(lines[end]) and (end == k or lines[end].gap_before == 0):
            end += 1
        if end > k:
            runs.append((k, end))
        k = max(end, k + 1)
    return runs


def _as_list(rows: list[Line]) -> None:
    """Lines of a list or a table: text of what they stand in, each ending where it was printed."""
    for line in rows:
        line.kind, line.display = LineKind.BODY, line.text.strip()
        line.extra["list_item"] = True


def is_section_banner(name: str) -> bool:
    """简讯, 图片新闻: a section of the page, not a column (栏目) of signed pieces."""
    return _SECTION.match("".join(name.split())) is not None


def _bare_banner(text: str) -> bool:
    """A column's or section's banner printed without its mark: a name such columns take
    (工会干部手记) or a section's (图片新闻). (Names printed with ■ elsewhere are no
    evidence: subheads take the mark too.)"""
    name = "".join(text.split())
    return 2 <= len(name) <= 8 and (_SECTION.match(name) is not None or _COLUMN_SUFFIX.search(name) is not None)


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
    elif _CLASSIFIED.match(text):
        line.kind = LineKind.AD               # 遗失声明: one notice, ending with its sentence
        line.extra["one_notice"] = True
    elif _AD.match(text) or _CLASSIFIEDS.match(text) or _WANTED.match(text):
        # 广告; 分类广告, a box of several notices, one advertisement; 诚聘, copy down to its
        # contact line.
        line.kind = LineKind.AD
    elif _CONTACT.match(text) or _CONTACT_BESIDE.match(text):
        line.kind = LineKind.AD
        line.extra["contact"] = True
    elif _ADDRESS.match(text) and not re.search(r"[。！？]", text):
        line.kind = LineKind.AD
        line.extra["contact"] = line.extra["address"] = True
    elif find_credit(text) == 0:
        line.kind = LineKind.CREDIT
    elif parse_reporter_line(text):
        line.kind = LineKind.BYLINE            # before the banner: ■文/本报记者 X is a byline
        line.text = re.sub(r"^\s*[■□◆●]\s*", "", text)     # its box is typography
    elif (name := boxed_signature(text)) and not is_section_banner(name):
        line.kind = LineKind.AUTHOR            # □苏薇: a signed piece's writer, no banner
    elif boxed_author_line(text):
        line.kind = LineKind.AUTHOR            # □某运输集团收费所 吕明远: the writer, no banner
    elif (inner := _BRACKETED_LINE.match(text)) and is_author_line(inner.group(1)):
        # （北京市正和律师事务所律师 何芳彬）: the answering lawyer or the writer signs the
        # text above; a headline is never in brackets.
        line.kind, line.display = LineKind.AUTHOR, inner.group(1).strip()
    elif _WRITER_NOTE.match(text):
        # （作者单位：…）, （作者系…）: who the writer is, closing the piece above; it names
        # no one, but stands where a signature stands and is never a headline.
        line.kind, line.display = LineKind.AUTHOR, text.strip()
    elif _POINTER.match(text):
        line.extra["pointer"] = True           # a photo's caption: text or a headline-shaped line, no banner
    elif ARTICLE_PART.match(text):
        line.extra["part_label"] = True        # text of the article it labels, never a banner
    elif _COLUMN_MARK.match(text) or _BRACKETED_BANNER.match(text):
        line.kind = LineKind.COLUMN
    elif _bare_banner(text):
        line.kind = LineKind.COLUMN
    elif is_author_line(text):
        line.kind = LineKind.AUTHOR
    if line.kind == LineKind.COLUMN and not line.display:
        line.display = re.sub(r"^\s*[■□◆◇●▲★☆]\s*|^\s*[【\[［〔]\s*|\s*[】\]］〕]\s*$", "", text).strip()
    if not line.display:
        line.display = text.strip()
    return line


# A photo report's credit cut by the column edge (…本报记者 孙妍 摄影报 / 道).
_CUT_CREDIT = re.compile(r"(摄影报|摄影|摄)[ \t\u3000]*\n[ \t\u3000]*(影报道|报道|道)[ \t\u3000]*(?=\n|$)")


def _mend_cut_credit(m: re.Match) -> str:
    if m.group(1) + m.group(2) != "摄影报道":
        return m.group(0)
    return "摄影报道\n"       # the credit whole on its line; the line under it left blank, to keep numbering


# A credit the column edge cut inside a name (本报记者 杨娜颖 通讯员 周 / 然晖 摄影报道): its
# roles and names over the rest of a name and its ending.
_CUT_NAMED_CREDIT = re.compile(r"(?m)^([ \t\u3000]*(?:本报|新华社)?(?:记\s*者|通\s*讯\s*员|实\s*习\s*生)[^\n]{1,24})\n"
                               r"[ \t\u3000]*([^\n]{1,10}?(?:摄影报道|摄影|摄))[ \t\u3000]*$")


def _mend_cut_named_credit(m: re.Match) -> str:
    whole = m.group(1).rstrip() + m.group(2).strip()
    if find_credit(m.group(1)) is not None or find_credit(whole) != 0:
        return m.group(0)
    return whole + "\n"     # whole on its line; the line under it left blank, to keep numbering


_WRITER_NOTE = re.compile(r"^[ \t\u3000]*(?:[（(]作者(?:单位|简介)?[ \t\u3000]*(?:[：:]|系|为|是)[^（）()\n。！？]{2,40}[）)]|作者(?:单位|简介)[ \t\u3000]*[：:][^（）()\n。！？]{2,40})[ \t\u3000]*$")
_BRACKETED_LINE = re.compile(r"^[ \t\u3000]*[（(]([^（）()]{4,40})[）)][ \t\u3000]*$")
# The same signature cut by the column edge (（北京市正和律师事务 / 所律师 何芳彬）).
_CUT_SIGNATURE = re.compile(r"(?m)^([ \t\u3000]*[（(][^（）()\n]{2,30})\n[ \t\u3000]*([^（）()\n]{1,24}[）)])[ \t\u3000]*$")


def _mend_cut_signature(m: re.Match) -> str:
    whole = m.group(1).rstrip() + m.group(2).strip()
    inner = _BRACKETED_LINE.match(whole)
    if inner is None or not is_author_line(inner.group(1)):
        return m.group(0)
    return whole + "\n"     # whole on its line; the line under it left blank, to keep numbering


# A □ signature after a piece's last sentence that the column edge cut over the next line or
# two (…学本领。 □某 / 运输集团收费所 吕 / 明远), the paragraph ending with it.
_CUT_BOXED_SIGNATURE = re.compile(r"(?m)^([^\n]*[。！？!?…”）)》][ \t\u3000]*□[^\n□]{0,14})\n([^\n□]{1,20})"
                                  r"(?:\n([^\n□]{1,6}))?[ \t\u3000]*(?=\n[ \t\u3000]*\n|\n?\Z)")


def _mend_cut_boxed_signature(m: re.Match) -> str:
    whole = m.group(1).rstrip() + m.group(2).strip() + (m.group(3) or "").strip()
    if trailing_signature(whole) is None:
        return m.group(0)
    return whole + "\n" * (2 if m.group(3) is not None else 1)     # blank lines keep the numbering


_RUNNING_PUNCTUATION = re.compile(r"[，。、；？！”’）]")


def classify_page(text: str, known_columns: set[str] = frozenset()) -> list[Line]:
    """The non-blank lines of a page, typed."""
    lines: list[Line] = []
    firsts: list[Line] = []            # the first part of each line of the file
    gap = 0
    text = _CUT_CREDIT.sub(_mend_cut_credit, text)
    text = _CUT_NAMED_CREDIT.sub(_mend_cut_named_credit, text)
    text = _CUT_SIGNATURE.sub(_mend_cut_signature, text)
    text = _CUT_BOXED_SIGNATURE.sub(_mend_cut_boxed_signature, text)
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            gap += 1
            continue
        # The end of a doubled headline run into the text under it (劳劳动动者者的的 /
        # 一一天天 今年暑假…): two pairs are enough straight under doubled type.
        tail = split_doubled_prefix(raw, min_pairs=2) if gap == 0 and lines and lines[-1].doubled else None
        parts = [Line(tail[0], number), *_split_ocr_line(tail[1], number)] if tail else _split_ocr_line(raw, number)
        parts[0].gap_before = gap
        gap = 0
        firsts.append(parts[0])
        lines.extend(_typed(p, known_columns) for p in parts)
    if is_double_spaced([line.text for line in firsts], [line.gap_before for line in firsts]):
        for line in firsts:
            line.gap_before = single_spaced(line.gap_before)

    # Doubled headline type wraps like any headline: the line under a doubled one, made of
    # pairs too, is the rest of it even when too short to be told doubled alone (`家家属属`).
    # So is a short first line over a doubled one (`金金秋秋` / `助助学学暖暖人人心心`).
    def undouble_beside(line: Line, doubled: Line) -> None:
        if not line.doubled and line.kind in (LineKind.BODY, LineKind.HEADLINE):
            short = undouble(line.text, min_pairs=2)
            if short is not None:
                line.doubled, line.display = True, short
                line.kind = doubled.kind if doubled.kind in (LineKind.HEADLINE, LineKind.COLUMN) else LineKind.HEADLINE
                line.__dict__.pop("compact", None)

    texts = [line.text for line in lines]
    for k in guide_lines(texts) | weather_lines(texts):
        if lines[k].kind != LineKind.FURNITURE:
            lines[k].kind, lines[k].display = LineKind.FURNITURE, lines[k].text.strip()

    # A mark the OCR read into a line of running text (…活动现场， / ■工会工作人员向…) is a
    # speck, not a banner: a banner stands apart, not in the middle of a sentence.
    # Across a column break (a blank line) too, when the line goes on with the sentence's
    # punctuation (■也温暖”职工线上读书): a banner's or subhead's name has none.
    for prev, line in zip(lines, lines[1:]):
        if line.kind == LineKind.COLUMN and _COLUMN_MARK.match(line.text) \
                and (line.gap_before == 0 or (line.gap_before == 1 and _RUNNING_PUNCTUATION.search(line.text))) \
                and prev.kind == LineKind.BODY and not prev.compact.endswith(_SENTENCE_END):
            line.text = re.sub(rf"^\s*[{_BOX_MARKS}]\s*", "", line.text)     # the speck; any other mark is text
            line.kind, line.display = LineKind.BODY, line.text.strip()
            line.__dict__.pop("compact", None)

    # A page's header is often two lines: its date, and beside it the page's number and
    # section as the page prints them (7 综合, 07 要闻). Such a label is the header's only
    # next to the header's date at the top or foot of the page; anywhere else it could be
    # a line of text.
    for k, line in enumerate(lines):
        if (k < 3 or k >= len(lines) - 3) and line.kind in (LineKind.BODY, LineKind.HEADLINE) and _PAGE_NUMBER_LABEL.match(line.text) \
                and any(other.kind == LineKind.FURNITURE for other in lines[max(0, k - 1):k + 2]):
            line.kind = LineKind.FURNITURE

    for prev, line in zip(lines, lines[1:]):
        if prev.doubled and line.gap_before == 0:
            undouble_beside(line, prev)
    for line, nxt in zip(reversed(lines[:-1]), reversed(lines[1:])):
        if nxt.doubled and nxt.gap_before == 0 and nxt.number != line.number:
            undouble_beside(line, nxt)

    # A report's opening cut by the column edge (新华社天津10月9日 / 电（记者…）): read across it.
    for line, nxt in zip(lines, lines[1:]):
        if line.kind == LineKind.BODY and nxt.kind == LineKind.BODY and nxt.gap_before == 0 \
                and starts_news_byline(line.text.rstrip() + nxt.text.strip()[:3]) and not starts_news_byline(nxt.text):
            line.kind = LineKind.NEWS_START

    # A word or two over a report's opening (简讯, 快讯) is a section's banner: too short
    # for a headline, and no text of its own.
    for k, line in enumerate(lines):
        if line.kind == LineKind.BODY and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", line.text.strip()) \
                and any(nxt.kind == LineKind.NEWS_START for nxt in lines[k + 1:k + 3]) \
                and (k == 0 or line.gap_before or lines[k - 1].kind != LineKind.BODY
                     or lines[k - 1].compact.endswith(_SENTENCE_END)):
            line.kind, line.display = LineKind.COLUMN, line.text.strip()

    # Three or more 单位 姓名 lines one under the other are a list (a 公示's names, the
    # winners of an award), text of the notice they stand in; a writer signs once. Beside
    # two such lines a unit of any kind will do (检修车间 沈菲芳), as under a banner: the
    # list's own shape says what the line is, and a headline has no surname after its gap.
    def listed(line: Line) -> bool:
        return line.kind == LineKind.AUTHOR or (
            line.kind in (LineKind.BODY, LineKind.HEADLINE) and is_author_line(line.text, under_banner=True))

    for k, end in _stacked_runs(lines, listed):
        if end - k >= 3 and sum(line.kind == LineKind.AUTHOR for line in lines[k:end]) >= 2:
            _as_list(lines[k:end])

    # A table printed in a notice (序号 姓名 单位 职务, one row a line): three or more lines
    # of three or more fields apart, no sentence among them, with the heading row over them,
    # is the notice's text. A headline has a phrase gap or two, not columns row after row.
    def row(line: Line) -> bool:
        return line.kind in (LineKind.BODY, LineKind.HEADLINE, LineKind.AUTHOR) \
            and len(line.text.split()) >= 3 and not re.search(r"[，。；！？,;!?]", line.text)

    for k, end in _stacked_runs(lines, row):
        if end - k >= 3:
            start = k - 1 if k > 0 and lines[k].gap_before == 0 and len(lines[k - 1].text.split()) >= 2 \
                and lines[k - 1].kind in (LineKind.BODY, LineKind.HEADLINE) else k
            _as_list(lines[start:end])

    # A notice is signed by the body that issues it, on a line of its own under its last
    # sentence (…如有异议，请以书面形式反映。 / 北京市总工会): its text, not a headline. The
    # notice's words are in that last paragraph, whichever of its lines (…请以书面形式向评选
    # 办公室反映，联系 / 电话：00739545。).
    def last_paragraph(k: int) -> str:
        start = k
        while start > 0 and lines[start].gap_before == 0 and lines[start - 1].kind == LineKind.BODY:
            start -= 1
        return "".join(line.compact for line in lines[start:k + 1])

    # The date may stand beside the issuer, the column's edge cutting it (北京市总工会
    # 2022年6月25 / 日): the rest of the date is the sign-off's too.
    for k, (prev, line) in enumerate(zip(lines, lines[1:])):
        signed = SIGN_OFF.fullmatch(line.compact)
        if line.kind in (LineKind.BODY, LineKind.HEADLINE) and line.gap_before <= 1 and prev.kind == LineKind.BODY \
                and signed and prev.compact.endswith(_SENTENCE_END) \
                and re.search(r"公示|异议|特此|公告|通知|反映", last_paragraph(k)):
            line.kind, line.display = LineKind.BODY, line.text.strip()
            line.extra["sign_off"] = True
            rest = lines[k + 2] if k + 2 < len(lines) else None
            if signed.group(1) and not signed.group(1).endswith("日") and rest is not None and rest.gap_before == 0 \
                    and re.fullmatch(r"\d{0,2}日", rest.compact):
                rest.kind, rest.display = LineKind.BODY, rest.text.strip()
                rest.extra["sign_off"] = True

    # A part's name boxed (■律师说法) over a writer's line is the banner of the column that
    # writer's piece runs under: a part's label heads text, a banner a piece and its writer.
    for line, nxt in zip(lines, lines[1:]):
        if line.extra.get("part_label") and _BOX_LABEL.match(line.text) and nxt.gap_before <= 1 and (
                nxt.kind == LineKind.AUTHOR or (
                    nxt.kind == LineKind.BODY and is_author_line(nxt.text, under_banner=True))):
            del line.extra["part_label"]
            line.kind = LineKind.COLUMN
            line.display = re.sub(rf"^\s*[{_BOX_MARKS}]\s*", "", line.text).strip()

    # The writer's line under a column's banner names a unit of any kind (北京地铁 刘洋), or
    # runs unit and name together (京西物业有限公司工会傅建国) over the piece's title.
    for prev, line, nxt in zip(lines, lines[1:], [*lines[2:], None]):
        if prev.kind == LineKind.COLUMN and line.kind == LineKind.BODY and (
                is_author_line(line.text, under_banner=True) or (
                    may_be_unspaced_author_line(line.text, under_banner=True) and nxt is not None and nxt.gap_before == 0)):
            line.kind = LineKind.AUTHOR

    # A credit cut by the column edge: the caption's last line ends with its start
    # (…举手表决。 本报记者 / 李秋 摄). Read across the edge, the credit is whole: the two
    # parts are credit lines, the caption keeps the rest.
    k = 0
    while k + 1 < len(lines):
        line, rest = lines[k], lines[k + 1]
        if line.kind == LineKind.BODY and rest.kind == LineKind.BODY and rest.gap_before <= 1 \
                and len(rest.compact) <= (10 if rest.gap_before == 0 else 6):
            joined = line.text.rstrip() + " " + rest.text.strip()
            start = find_credit(joined)
            if start is None:       # a name cut by the edge: 通讯员 张 / 欣摄影报道
                joined = line.text.rstrip() + rest.text.strip()
                start = find_credit(joined)
            if start is not None and start < len(line.text.rstrip()):
                rest.kind = LineKind.CREDIT
                rest.display = rest.text.strip()
                head, credit = line.text[:start].rstrip(), line.text[start:].strip()
                if head:
                    line.text = line.display = head
                    line.__dict__.pop("compact", None)
                    lines.insert(k + 1, Line(credit, line.number, kind=LineKind.CREDIT, display=credit))
                    k += 1
                else:
                    line.kind, line.display = LineKind.CREDIT, line.text.strip()
        k += 1

    # A brief's signature after its last sentence, cut by the column edge (…等课程。 （唐 /
    # 娜）): read across the edge, as it was printed, so the sentence before it is closed.
    _join_cut_tails(lines, lambda line, joined: line.kind == LineKind.BODY and not sentence_closed(line.text)
                    and sentence_closed(joined) and re.search(r"[（(][^（()）]*$", line.text) is not None)
    # …or a credit's ending cut (本报记者 卢菁 摄 / 影报道): one credit line.
    _join_cut_tails(lines, lambda line, joined: line.kind == LineKind.CREDIT and find_credit(joined) == 0)

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
                and (i + 1 == len(lines) or (lines[i + 1].gap_before > 0 and not goes_on_with(lines[i + 1].text)
                                             and not word_across(line.compact, lines[i + 1].compact))) \
                and i > 0 and lines[i - 1].compact.rstrip().endswith(_SENTENCE_END):
            line.kind = LineKind.AUTHOR

    mark_headlines(lines)
    for prev, line in zip([None, *lines], lines):
        # The column edge can cut the marker too: …价值。（下转第 / 4版）
        if line.kind == LineKind.BODY and (MARKER_TO.search(line.text) or (
                prev is not None and prev.kind == LineKind.BODY and line.gap_before == 0
                and MARKER_TO.search(prev.text.rstrip() + line.text.strip()))):
            line.extra["continued_to"] = True
    return lines
