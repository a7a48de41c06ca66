"""Which plain lines of a page are headlines: the one place where the cues are weighed.

Every line of body text that could be a headline is looked at in its place on the page by
each cue (``blocks.cues``); their weights are added to a headline's prior (a line shaped
like a headline, standing apart, is one) and the line is a headline when the sum is
positive. The evidence is kept on the line, so ``sitegen ingest --explain`` can show why.

Two things are decided before any cue is asked, because they are about runs of lines,
not one line: verse (four or more short lines one under the other keep their breaks and
are no headlines) and what follows an unfinished sentence (read on, in page order).
"""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass

from sitegen.blocks.cues import Evidence, Where
from sitegen.blocks.cues.cohesion import cut_word, word_across
from sitegen.blocks.cues.reads_on import reads_on
from sitegen.blocks.cues.continuity import (MARKER_TO, continued_marker, goes_on_with, new_paragraph, over_marker, runs_on,
                                            sentence_open, stands_over_marker)
from sitegen.blocks.cues.openings import opens_lede, stands_over_opening
from sitegen.blocks.cues.shape import half_pair, headline_shaped, phrase_gap, shape
from sitegen.blocks.cues.width import fills, fills_column, local_widths, steady_width
from sitegen.blocks.line import Line, LineKind
from sitegen.ocr.wraps import VERSE_LINES, is_verse, sentence_closed, stanzas

PRIOR = 1.0             # a headline-shaped line standing apart is a headline…
THRESHOLD = 0.0         # …unless the evidence against it outweighs that


@dataclass
class Decision:
    headline: bool
    total: float
    evidence: list[Evidence]

    def explain(self) -> str:
        verdict = "headline" if self.headline else "text"
        return f"{verdict} ({self.total:+g}): " + "; ".join(map(str, self.evidence)) if self.evidence \
            else f"{verdict} ({self.total:+g}): shaped like a headline, standing apart"


def next_in_text(lines: list[Line], i: int) -> int | None:
    """The line after line i, passing over the page's header and footer, which are not part
    of the text around them."""
    return next((k for k in range(i + 1, len(lines)) if lines[k].kind != LineKind.FURNITURE), None)


def headline_run(lines: list[Line], i: int, width: int | None = None, longest: int = 3) -> bool:
    """Lines i.. up to the next blank line are all headline-shaped, few, unfinished, and what
    follows them is not more body text (which would make them a paragraph cut by a column break)."""
    run = [lines[i]]
    after = None
    for line in lines[i + 1:]:
        if line.gap_before or line.kind != LineKind.BODY:
            after = line
            break
        run.append(line)
    # Text after the blank goes on with the run's last line only if something shows it:
    # a word running across, or an opening that continues a sentence (，… 表示…).
    followed_by_text = after is not None and after.kind == LineKind.BODY and not headline_shaped(after) and (
        word_across(run[-1].compact, after.compact) is not None or goes_on_with(after.compact))
    # Three or more lines that all end at the column edge are a wrapped paragraph, however
    # they read (two can be a kicker and a headline of the column's width).
    all_full = width is not None and len(run) >= 3 and all(abs(len(l.compact) - width) <= 1 for l in run)
    # A report's byline straight under the run: a series banner, kicker, headline and
    # subtitle can all stand there, one under the other.
    if after is not None and after.kind in (LineKind.NEWS_START, LineKind.BYLINE) and after.gap_before == 0:
        longest += 2
    return (len(run) <= longest and all(headline_shaped(l) for l in run) and not all_full
            and not sentence_closed(run[-1].text) and not followed_by_text)


def _short_lines(lines: list[Line], width: int) -> Callable[[int], bool]:
    return lambda k: lines[k].kind == LineKind.BODY and len(lines[k].compact) < width - 2


def _gap(lines: list[Line]) -> Callable[[int], int]:
    return lambda k: lines[k].gap_before


def verse_run(lines: list[Line], i: int, width: int | None) -> int:
    """How many lines from i make verse or a list (0 if they do not): ``is_verse`` stanzas
    of short lines. A headline block (series banner, kicker, headline, subtitle) is as short
    and as stacked, but stands over a byline or over text that fills the column: a stanza
    that could head what is under it is not counted as verse."""
    if width is None:
        return 0
    sizes = stanzas(_short_lines(lines, width), _gap(lines), i, len(lines))
    while sizes:
        k = i + sum(sizes)
        after = lines[k] if k < len(lines) else None
        heads = after is not None and after.kind in (LineKind.NEWS_START, LineKind.BYLINE, LineKind.BODY) and (
            after.gap_before == 0 or (len(sizes) > 1 and after.gap_before == 1 and (
                after.kind != LineKind.BODY or len(after.compact) >= width - 2)))
        if not heads:
            break
        sizes.pop()
    return sum(sizes) if is_verse(sizes) else 0


def _last_stanza(lines: list[Line], i: int, width: int | None, stanza_end: int) -> int:
    """How many lines from i make a poem's last stanza, shorter than VERSE_LINES (0 if they do
    not): short lines one under the other, a stanza's blank under the verse above, and
    nothing under them that they could head (more text straight under, or after one blank)."""
    if width is None or stanza_end < 0 or stanza_end != i - 1 or lines[i].gap_before != 1:
        return 0
    sizes = stanzas(_short_lines(lines, width), _gap(lines), i, len(lines))
    n = sizes[0] if sizes else 0
    after = lines[i + n] if i + n < len(lines) else None
    if n < 2 or (after is not None and after.gap_before <= 1 and after.kind == LineKind.BODY):
        return 0
    return n


def _in_list(lines: list[Line], i: int) -> bool:
    """On a page of one paragraph per line: one of VERSE_LINES or more short unpunctuated
    lines one under the other (a list, verse), not a headline over its text."""
    def short(k: int) -> bool:
        return 0 <= k < len(lines) and lines[k].kind == LineKind.BODY and headline_shaped(lines[k]) \
            and len(lines[k].compact) <= 20
    lo = i
    while short(lo - 1) and lines[lo].gap_before == 0:
        lo -= 1
    hi = i
    while short(hi + 1) and lines[hi + 1].gap_before == 0:
        hi += 1
    return hi - lo + 1 >= VERSE_LINES


def _reads_as_paragraph(where: Where) -> tuple[bool, str]:
    """Does the line, followed by more body text, read as a paragraph's first line?"""
    line, nxt, lines, width = where.line, where.nxt, where.lines, where.width
    if nxt.gap_before == 0:
        if width is None:
            return _in_list(lines, where.i), "one of a list of short lines"
        full = fills_column(line, width) and not phrase_gap(line.text) and not where.under_banner
        return (full and not headline_run(lines, where.i, width) and not opens_lede(nxt),
                f"fills its {width}-character column and the text goes on under it")
    # A column break right after a paragraph's first line: the line fills the column and
    # what follows the break reads on as plain text.
    full = fills_column(line, width) and not phrase_gap(line.text) and not where.under_banner
    why = f"fills its {width}-character column and the text after the break reads on"
    if not full or opens_lede(nxt):
        return False, why
    prev = where.prev
    goes_on = word_across(line.compact, nxt.compact) is not None or goes_on_with(nxt.compact)
    return (((not headline_shaped(nxt) and (goes_on or where.open_sentence)) or (
        prev is not None and prev.kind == LineKind.HEADLINE and line.gap_before == 0 and not headline_shaped(nxt)) or (
        goes_on and not headline_run(lines, where.j, width))), why)


def weigh(where: Where) -> Decision:
    paragraph_start = new_paragraph(where)
    if paragraph_start is not None and headline_run(where.lines, where.i, where.width):
        # The lines down to the next blank are all headline-shaped and end no sentence:
        # a stack of headline lines, not a paragraph.
        paragraph_start = None
    evidence = [e for e in (shape(where), half_pair(where), continued_marker(where), over_marker(where),
                            sentence_open(where), paragraph_start, runs_on(where), stands_over_opening(where))
                if e is not None]
    # The cues still to ask can only weigh against a headline: when the line is text
    # already, they would change nothing (and they cost a dictionary look-up each).
    if where.nxt is not None and where.nxt.kind == LineKind.BODY and PRIOR + sum(e.weight for e in evidence) > THRESHOLD:
        reads, why = _reads_as_paragraph(where)
        evidence += [e for e in (fills(where, reads, why), cut_word(where), steady_width(where)) if e is not None]
    total = PRIOR + sum(e.weight for e in evidence)
    return Decision(total > THRESHOLD, total, evidence)


# Lines the line typing already knows are text: the evidence, and whether the text under
# goes on from them. One of a list of names (a 公示) ends where it was printed; 【案情】
# heads the text under it, which goes on from it whatever it looks like.
_SETTLED_TEXT = {
    "list_item": (Evidence("list", 0, "one of a list of 单位 姓名 lines"), False),
    "part_label": (Evidence("part-label", 0, "labels a part of an article"), True),
    "sign_off": (Evidence("sign-off", 0, "the body that issues the notice above, signing it"), False),
}


def _subtitle_under(lines: list[Line], k: int) -> bool:
    """Line ``k`` closes a headline's stack as its subtitle (…书屋添 / 新书 / 6项举措惠及282名
    职工): a phrase without a mark of punctuation, set apart from what follows it."""
    line = lines[k]
    after = lines[k + 1] if k + 1 < len(lines) else None
    return line.kind == LineKind.BODY and 4 <= len(line.compact) <= 24 \
        and not re.search(r"[，。；：！？,.;:!?、“”]", line.compact) and (after is None or after.gap_before > 0)


def _headline_rest(lines: list[Line], i: int) -> str | None:
    """Why the short line under line ``i``, a break under it, ends a headline that line
    ``i`` opens, or None: the quote the line opens closes there (…为职工“减压 / 赋能”), or
    the line reads on into it (工地书屋里的 / 春节, ``reads_on``). Text would end its
    sentence there; a headline ends its quote, or its phrase."""
    if i + 1 >= len(lines):
        return None
    line, rest = lines[i], lines[i + 1]
    after = lines[i + 2] if i + 2 < len(lines) else None
    text, tail = line.compact, rest.compact
    if rest.kind != LineKind.BODY or rest.gap_before or not 1 <= len(tail) <= 8:
        return None
    if after is not None and not after.gap_before and not _subtitle_under(lines, i + 2):
        return None
    if text.count("“") == text.count("”") + 1 and tail.count("”") == tail.count("“") + 1 \
            and not re.search(r"[，。；：！？,.;:!?]", text + tail) and 6 <= len(text + tail) <= 40:
        return "its quote closes on the short line under it"
    if (i == 0 or line.gap_before > 0) and 4 <= len(text) <= 24 and not re.search(r"[，。；：！？,.;:!?、]", text + tail):
        return reads_on(text, tail)
    return None


def mark_headlines(lines: list[Line]) -> None:
    """Decide which plain lines are headlines, reading the page in order."""
    widths = local_widths(lines)
    open_sentence = False
    verse_until = -1
    stanza_end = -1              # the last line of the last stanza of verse
    for i, line in enumerate(lines):
        if line.kind == LineKind.FURNITURE:
            continue                 # a page's foot can fall mid-sentence
        if i <= verse_until:
            continue                 # a line of verse ends where it was printed to end
        if line.kind in (LineKind.NEWS_START, LineKind.CONTINUED_FROM, LineKind.NOTE):
            open_sentence = not sentence_closed(line.text)
            continue
        if line.kind != LineKind.BODY:
            open_sentence = False
            continue
        rest_why = None if open_sentence or stands_over_marker(lines, i) else _headline_rest(lines, i)
        if rest_why is not None:
            for k, why in ((i, rest_why), (i + 1, "ends the headline above")):
                lines[k].extra["decision"] = Decision(True, 1, [Evidence("headline-rest", 1, why)])
                lines[k].kind = LineKind.HEADLINE
            lines[i + 1].extra["headline_rest"] = True
            verse_until = i + 1
            open_sentence = False
            continue
        settled = next((v for k, v in _SETTLED_TEXT.items() if line.extra.get(k)), None)
        if settled is not None:
            evidence, goes_on = settled
            line.extra["decision"] = Decision(False, 0, [evidence])
            open_sentence = goes_on
            continue
        width = widths[i]
        j = next_in_text(lines, i)
        nxt = lines[j] if j is not None else None
        prev = lines[i - 1] if i else None
        over_byline = nxt is not None and (nxt.kind == LineKind.NEWS_START and nxt.gap_before == 0
                                           or nxt.kind == LineKind.BYLINE and nxt.gap_before <= 1)
        # A column's banner, and the writer's line under it, stand over the piece's headline.
        under_banner = prev is not None and (prev.kind == LineKind.COLUMN or (
            prev.kind == LineKind.AUTHOR and i >= 2 and lines[i - 2].kind == LineKind.COLUMN))
        # A poem's title stands straight under its writer's line (□江嘉怡 / 春天的脚手架), as
        # short as the verse under it: the verse starts under the title.
        under_writer = prev is not None and prev.kind == LineKind.AUTHOR and line.gap_before == 0
        if not open_sentence and not under_banner and not under_writer:
            stanza = verse_run(lines, i, width) or _last_stanza(lines, i, width, stanza_end)
            if stanza:
                verse_until, open_sentence = i + stanza - 1, False
                stanza_end = verse_until
                for k in range(i, i + stanza):
                    lines[k].extra["decision"] = Decision(False, 0, [Evidence("verse", 0, f"one of {stanza} short lines")])
                continue
        decision = weigh(Where(lines, i, width, open_sentence, prev, nxt, j, under_banner, over_byline))
        line.extra["decision"] = decision
        if decision.headline:
            line.kind = LineKind.HEADLINE
            open_sentence = False
        else:
            # A (下转…) marker closes its text: what follows starts afresh.
            open_sentence = not sentence_closed(line.text) and not MARKER_TO.search(line.text)
