"""A body two headlines clearly fit, each in a part of its own, is two articles.

Briefs without an opening (no 本报讯, a headline and one paragraph each) run on into each
other when the OCR reads some of their headlines after them: nothing in the text marks
where one ends and the next begins. Their headlines do: each shares its words with its own
paragraphs and not with the other's (lexical cohesion, as TextTiling cuts a text where its
vocabulary changes). A body that two headline runs fit clearly is cut at the paragraph
boundary that best parts their words; a subtitle or a second headline of one article
shares its words with the same part as the first and cuts nothing. A body opened by a
report's opening (本报讯…) is one report — a round-up's sections each share words with
their own paragraphs too — except for a photo printed under it: a caption opening like a
lede (27日，…) down to the credit that closes the body, with a headline of its own; or a
notice under it, down to the sign-off that closes the body (北京市总工会 2023年11月23日).
"""

from __future__ import annotations

import re

from sitegen.blocks import SIGN_OFF, opens_lede
from sitegen.ocr.wraps import sentence_closed
from sitegen.segmentation.bodies import Body, HeadlineRun, cut_body, opens_caption
from sitegen.segmentation.headlines import headline_texts
from sitegen.segmentation.wording import bigrams, share

FITS = 0.2          # a headline that shares this much of its words with the body is one of its own…
PARTED = 0.25       # …and each of the two must share this much more with its part than with the other
FRAMED_PARTED = 0.4     # …and more yet to cut a report opened by 本报讯 between its two ends


def _text(lines) -> str:
    return "".join(line.text for line in lines)


def _share(grams: set[str], text_grams: set[str]) -> float:
    return len(grams & text_grams) / len(grams) if grams else 0.0


# A notice's sign-off: who issued it and when, on a line of its own (北京市总工会 2023年11月23日),
# the column edge perhaps cutting it (…2023年11月2 / 3日).


def _signed_as_a_notice(lines) -> bool:
    def dated(text: str) -> bool:
        signed = SIGN_OFF.fullmatch(text)
        return bool(signed and signed.group(1) and signed.group(1).endswith("日"))

    return any(dated("".join(line.text.strip() for line in lines[-n:])) for n in (1, 2) if len(lines) >= n)


def _best_cut(body: Body, heads: list[str]) -> int | None:
    # Each headline's pairs that the body holds at all: pairs the text never uses (大赛,
    # 决出) tell nothing about which part is whose.
    whole = bigrams(_text(body.lines))
    head_grams = [bigrams(h) & whole for h in heads]
    best, cut = 0.0, None
    notice = _signed_as_a_notice(body.lines)
    for k in range(1, len(body.lines)):
        if not sentence_closed(body.lines[k - 1].text):
            continue            # a paragraph can only end where a sentence does
        if body.start != "plain" and not (body.credits and (opens_lede(body.lines[k]) or opens_caption(body.lines[k]))) \
                and not notice:
            continue            # a report is cut only above a photo's caption or a notice, each closed by its own
        above, below = bigrams(_text(body.lines[:k])), bigrams(_text(body.lines[k:]))
        fit = [(_share(g, above), _share(g, below)) for g in head_grams]
        for a in range(len(heads)):
            for b in range(len(heads)):
                if a == b:
                    continue
                first = fit[a][0] - fit[a][1]
                second = fit[b][1] - fit[b][0]
                # Of cuts that part the words alike, the lowest: paragraphs that share words
                # with neither headline close the piece above (下一步，…) more often than they
                # open the one below, whose lede says what its headline says.
                if first >= PARTED and second >= PARTED and first + second >= best:
                    best, cut = first + second, k
    return cut


def _framing(body: Body, runs: list[HeadlineRun], whole: str) -> list[str] | None:
    """The headline straight over a report's opening and the one straight after its end,
    when both fit it."""
    over = [r for r in runs if 0 <= body.first - (r.position + len(r.lines)) <= 1]
    after = [r for r in runs if 0 <= r.position - body.last - 1 <= 1]
    if len(over) != 1 or len(after) != 1:
        return None
    heads = ["".join(headline_texts(r)) for r in (over[0], after[0])]
    return heads if all(share(h, whole) >= FITS for h in heads) else None


def _cohesion(upper: str, lower: str, window: int = 150) -> float:
    """How much the text either side of a paragraph boundary shares its wording: low at the
    seam of two pieces (TextTiling's lexical cohesion, in windows of the two sides)."""
    a, b = bigrams(upper[-window:]), bigrams(lower[:window])
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _framed_cut(body: Body, over: str, after: str) -> int | None:
    """Where a report framed by two headlines ends and the unbylined piece the OCR ran on
    under it begins (a piece signed at its foot, a photo story, a commentary), the second
    headline printed after its text as the column OCR reads headlines: a paragraph's
    start, under a blank line, where the text above clearly keeps the first headline's
    words and the text below the second's; of those, the seam where the wording changes
    most. A round-up's sections each share words with their own headings too, but those
    stand between its paragraphs, not at its two ends."""
    whole = bigrams(_text(body.lines))
    over_grams, after_grams = bigrams(over) & whole, bigrams(after) & whole
    best = None
    for k in range(1, len(body.lines)):
        if not sentence_closed(body.lines[k - 1].text) or body.lines[k].number - body.lines[k - 1].number < 2:
            continue
        upper, lower = _text(body.lines[:k]), _text(body.lines[k:])
        above, below = bigrams(upper), bigrams(lower)
        parted = min(_share(over_grams, above) - _share(over_grams, below),
                     _share(after_grams, below) - _share(after_grams, above))
        if parted >= FRAMED_PARTED:
            cohesion = _cohesion(upper, lower)
            if best is None or cohesion < best[0]:
                best = (cohesion, k)
    return best[1] if best else None


def split_two_headed_bodies(bodies: list[Body], attached: dict[int, list[HeadlineRun]],
                            positions: dict[int, int]) -> list[Body] | None:
    """The page's bodies with each body two headlines share cut in two, or None when
    none is. ``positions`` gives each line's (by id) position on the page."""
    out: list[Body] = []
    changed = False
    for i, body in enumerate(bodies):
        heads = ["".join(headline_texts(run)) for run in attached.get(i, [])]
        whole = _text(body.lines)
        heads = [h for h in heads if share(h, whole) >= FITS]
        # A report opened by 本报讯 is one report, whatever its sections' headings share (a
        # round-up of several unions' work is one article), but for a photo under it (_best_cut).
        cut = _best_cut(body, heads) if len(heads) >= 2 and body.start in ("plain", "news") else None
        if cut is None and body.start == "news":
            framing = _framing(body, attached.get(i, []), whole)
            cut = _framed_cut(body, *framing) if framing else None
        if cut is None:
            out.append(body)
            continue
        changed = True
        body.lines[cut].extra["cut_between_headlines"] = True
        out.extend(cut_body(body, cut, positions))
    return out if changed else None
