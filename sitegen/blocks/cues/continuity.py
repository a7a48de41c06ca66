"""Sentence continuity: column and page breaks fall mid-sentence, so a line after an
unfinished sentence goes on with it whatever it looks like, and a line whose successor
opens with a comma or a closing mark (or with 表示，说…) is part of that sentence too.

The one exception is width: a sentence cut by a break goes on in a column of the same
width, so a line much wider than the column the sentence was wrapped in is not its rest
(a headline across columns, or an author line's wrapped end before it)."""

from __future__ import annotations

import re

from sitegen.blocks.cues import Evidence, Where
from sitegen.blocks.cues.width import visual_width
from sitegen.blocks.line import Line
from sitegen.dictionary import tokenizer

# (下转第4版) / (转4版) ends a part that goes on on another page; on a line of its own or
# after the last sentence it may stand without brackets (转第2版). Group 1: the page.
MARKER_TO = re.compile(r"(?:[（(]\s*(?:下\s*)?转\s*(?:至\s*)?(?:第\s*)?(\S{1,4}?)\s*版\s*[）)]"
                       r"|(?:^|(?<=[。！？”]))\s*(?:下\s*)?转\s*(?:至\s*)?(?:第\s*)?([0-9０-９一二三四五六七八九十]{1,3})\s*版)\s*$")
# What a line opens with when it goes on with the sentence above: 表示，说…
RUNS_ON = re.compile(r"^(?:表示|说|介绍|指出|认为|告诉|坦言|强调|称|透露|提到|谈到|希望|要求|说道|感慨|笑着)")
GOES_ON = set("，、。；：,;:）)”’」』》！？!?…")


def goes_on_with(text: str) -> bool:
    """Does a line opening with ``text`` go on with the sentence above it?"""
    text = text.lstrip()
    return text[:1] in GOES_ON or RUNS_ON.match(text) is not None


def wider_than_its_column(line: Line, prev: Line | None, width: int | None) -> bool:
    return (width is not None and prev is not None and line.gap_before > 0
            and len(prev.compact) <= width + 1 and len(line.compact) > width + 3)


def sentence_open(where: Where) -> Evidence | None:
    if not where.open_sentence:
        return None
    if wider_than_its_column(where.line, where.prev, where.width):
        return Evidence("sentence-open", 0, "the sentence above is unfinished, but this line is wider than its column")
    return Evidence("sentence-open", -6, "the text above ends mid-sentence")


# Particles that close what came before them (交给 / 了阎影，…, 同事 / 们): no sentence or
# headline opens with one standing alone, though words that start with them do (了解, 的确).
PARTICLES = set("了着过的地得们吗呢吧啊呀")


def opens_on_a_particle(text: str) -> bool:
    if text[:1] not in PARTICLES:
        return False
    first = next(iter(tokenizer().cut(text[:6], HMM=False)), "")
    return len(first) == 1


def runs_on(where: Where) -> Evidence | None:
    if where.nxt is not None and where.nxt.compact[:1] in GOES_ON:
        return Evidence("runs-on", -6, f"the next line opens with {where.nxt.compact[:1]!r}: one sentence")
    # Across a blank line too: a column break falls mid-sentence (…工作时间不固定 / 的特点，…).
    if where.nxt is not None and opens_on_a_particle(where.nxt.compact):
        return Evidence("runs-on", -6, f"the next line opens with the particle {where.nxt.compact[:1]!r}: one sentence")
    return None


def new_paragraph(where: Where) -> Evidence | None:
    """In a wrapped column a line straight under a finished sentence, with no blank line,
    starts the next paragraph. On a page of one paragraph per line no blank line stands
    anywhere, so this says nothing there."""
    line, prev = where.line, where.prev
    if where.width is None or where.open_sentence or line.gap_before or prev is None \
            or prev.kind.value not in ("body", "news_start") or MARKER_TO.search(prev.text):
        return None
    if visual_width(line.compact) > where.width + 1:
        return None         # wider than its column: no paragraph's first line
    if visual_width(line.compact) < where.width - 2:
        return None         # short of the edge, ending no sentence: no wrapped line either
    return Evidence("new-paragraph", -6, "straight under a finished sentence in a wrapped column, no blank line")


def over_marker(where: Where) -> Evidence | None:
    """The paragraph a (下转第2版) marker stands under is the end of a part that goes on on
    another page, even where the OCR lost its last full stop (…良好氛围 / 转第2版): a
    headline never stands over a marker, which comes after the text it continues."""
    if stands_over_marker(where.lines, where.i):
        return Evidence("over-marker", -10, "the paragraph over a continuation marker: where a part breaks off")
    return None


def stands_over_marker(lines: list, i: int) -> bool:
    """Whether line ``i``'s paragraph is the one right over a continuation marker on a line
    of its own (a blank between them at most). Only plain lines make that paragraph: over a
    report's opening (本报讯…) a line is that report's headline, whatever follows."""
    k = i + 1
    while k < len(lines) and lines[k].gap_before == 0 and not MARKER_TO.match(lines[k].text.strip()):
        if lines[k].kind.value != "body":
            return False
        k += 1
    return k < len(lines) and lines[k].gap_before <= 1 and bool(MARKER_TO.match(lines[k].text.strip()))


def continued_marker(where: Where) -> Evidence | None:
    """A (下转第4版) marker on a line of its own ends the text above; it heads nothing."""
    if MARKER_TO.match(where.line.text.strip()):
        return Evidence("continued-marker", -10, "a continuation marker: the end of the text above")
    return None
