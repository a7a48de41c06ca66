"""Subheads (小标题): short headings printed inside a long article, between its paragraphs.

A subhead looks like a headline, so the text under it first comes out as a body of its own,
with the subhead for a title. Whether it is one is weighed here, before any headline is
given to a body, so that the article's headline is matched against the whole article:

- it must stand straight between two bodies: the one above ends a sentence and is not
  closed by a credit or a signature; the one below is plain text with nothing an article
  of this paper starts with (no 讯 opening, byline, credit, signature, banner) and does
  not open like a lede (近日，/ 12月4日，), which makes it a brief under its own headline;
- a numbered or marked heading (一、… / （二）… / 1. … / ■…) is a subhead;
- a subhead is a short phrase; the longer, the likelier a headline;
- the article above has begun as articles begin (a report's opening, a byline line, a
  上接 marker, or a headline standing over it), or it is itself a section under a subhead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitegen.segmentation.wording import share
from sitegen.blocks import opens_lede
from sitegen.blocks.cues.cohesion import word_across
from sitegen.blocks.lines import is_section_banner
from sitegen.bylines import parse_credit, parse_reporter_line
from sitegen.blocks.cues import Evidence
from sitegen.ocr.wraps import sentence_closed
from sitegen.segmentation.bodies import Body, HeadlineRun, PageParts
from sitegen.segmentation.same_story import shared_words, story_words

SUBHEAD_MAX = 18        # characters; a subhead is a phrase, shorter than most headlines
SHORT = 10
LONG = 15
STORY_WORDS = 2         # rare words carried across the heading that make one story
# A report's section under a subhead is a few paragraphs of its story (相关链接, 案情回顾); text
# below as long as a report of its own, naming none of the report's people or things, is
# the next report, printed without a byline (a photo story, a feature with its byline at
# its foot).
OWN_REPORT = 200        # characters


def _fit(text: str, body: Body) -> float:
    """How much of a heading's wording the opening of a body uses: a headline sums up
    its article's opening, a subhead the section under it."""
    return share(text, "".join(line.text for line in body.lines
                               if not line.extra.get("subhead") and not line.extra.get("subhead_rest"))[:200])
_BOX = re.compile(r"^\s*[■□●◆▲★]\s*\S")
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．是]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[、.．]|[■□●◆▲★]\s*\S)")


@dataclass(frozen=True)
class Subhead:
    article: Body         # the body the subhead and the text under it now belong to
    line_number: int
    text: str
    evidence: tuple[Evidence, ...]
    folded: bool = True                 # False: weighed, and left a headline


def _text(body: Body) -> str:
    return "".join(line.compact for line in body.lines)


def _weigh(run: HeadlineRun, above: Body, below: Body, begun: bool, elsewhere: list[str]) -> tuple[float, list[Evidence]]:
    text = "".join(line.compact for line in run.lines)
    evidence = []
    if _NUMBERED.match(run.lines[0].text) or _NUMBERED.match(run.lines[0].display):
        evidence.append(Evidence("numbered", 3, "a numbered or marked heading"))
    if len(text) <= SHORT:
        evidence.append(Evidence("short", 0.5, f"a short phrase ({len(text)} characters)"))
    elif len(text) >= LONG:
        evidence.append(Evidence("long", -1.5, f"{len(text)} characters: as long as a headline"))
    # A headline the OCR read after its article sums up that article's opening; a short
    # phrase may echo it too, as subheads do.
    above_fit, below_fit = _fit(text, above), _fit(text, below)
    if above_fit - below_fit > 0.2:
        evidence.append(Evidence("fits-above", -1.5, f"shares {above_fit:.0%} of its words with the opening of the article above, "
                                                      f"{below_fit:.0%} with the text below: the headline of the article above"))
    above_text, below_text = _text(above), _text(below)
    carried = story_words(above_text, below_text, elsewhere)
    if len(carried) >= STORY_WORDS:
        evidence.append(Evidence("same-story", 1.5, "the text below goes on naming what the text above names, "
                                                     f"and no other text of the page does: {'、'.join(carried[:4])}"))
    elif above.start == "news" and len(below_text) >= OWN_REPORT and len(shared_words(above_text, below_text)) <= 1:
        evidence.append(Evidence("new-story", -2, "the text below is as long as a report and names none of the "
                                                   "people or things the report above names"))
    if begun:
        evidence.append(Evidence("article-above", 1, "the text above belongs to an article that has begun"))
    else:
        evidence.append(Evidence("article-above", -1, "nothing above shows an article begun"))
    return sum(e.weight for e in evidence), evidence


def _own_photo_credit(above: Body, body: Body) -> bool:
    """The credit closing the text under a subhead names the reporter whose byline opens
    the article above (本报记者 谢淑珍 … （本报记者 谢淑珍 摄）): the feature's own photos,
    not a photo of its own under a headline."""
    if above.start != "feature" or len(body.lines) < 4:
        return False
    byline = above.byline_line()
    if byline is None:
        return False
    writers = parse_reporter_line(byline.text)
    names = set(writers.reporters + writers.correspondents) if writers else set()
    took, _ = parse_credit(" ".join(c.text.strip() for c in body.credits))
    shot = set(took.photographers)
    return bool(shot) and shot <= names


def fold_subheads(parts: PageParts, furnished_positions: set[int]) -> list[Subhead]:
    """Find the subheads among the page's headline runs and fold each, with the text under
    it, into the body above: the run leaves ``parts.runs``, the body under it leaves
    ``parts.bodies``. ``furnished_positions`` are the positions of banners and author lines,
    which start pieces of their own."""
    found: list[Subhead] = []
    # A subhead may carry a box mark (■服务职工有温度), which the line typing reads as a
    # column's banner: inside an article it is weighed as a subhead like the others.
    # A section's banner (■短讯, ■工会动态) heads the briefs under it, never a section of
    # the article above.
    marked = {f.position: f for f in parts.columns if _BOX.match(f.line.text) and not is_section_banner(f.line.display)}
    candidates = [*parts.runs, *(HeadlineRun([f.line], p) for p, f in marked.items())]
    runs_at = {run.position: run for run in candidates}
    ends_at = {run.position + len(run.lines): run for run in candidates}
    bodies = parts.bodies
    merged: list[Body] = []
    for index, body in enumerate(bodies):
        above = merged[-1] if merged else None
        run = ends_at.get(body.first)
        # A section's label over its subhead, a line apart (同心抗疫 / 为一线职工做好防疫服务
        # 保障): weighed as the subhead under it, and taken only where the story goes on.
        label = None
        if run is not None and above is not None and len(run.lines) == 1 and above.last == run.position - 2:
            upper = ends_at.get(run.position)
            if upper is not None and len(upper.lines) == 1 and upper.position == above.last + 1 \
                    and upper.position not in marked and not upper.lines[0].doubled and not run.lines[0].doubled \
                    and len(upper.lines[0].compact) <= SHORT:
                label = upper
        heading_at = label.position if label is not None else run.position if run is not None else None
        # Two lines are one subhead only when the column's edge cut a word of it (…但不许诺待 /
        # 遇不降); a kicker over its headline (读者来信 / 一封来自工地的信) heads an article.
        if above is None or run is None or len(run.lines) > 2 or above.last != heading_at - 1 \
                or body.start != "plain" or (body.in_column and run.position not in marked) \
                or (body.credits and not _own_photo_credit(above, body)) or body.signature is not None \
                or above.start == "ad" or above.signature is not None or above.credits \
                or not sentence_closed(above.lines[-1].text) or opens_lede(body.lines[0]) \
                or any(above.first <= p <= body.last and p not in (run.position, heading_at) for p in furnished_positions) \
                or sum(len(line.compact) for line in run.lines) > SUBHEAD_MAX \
                or (len(run.lines) == 2 and word_across(run.lines[0].compact, run.lines[1].compact) is None):
            merged.append(body)
            continue
        begun = above.start in ("news", "feature", "continuation") or above.extra_sections > 0 \
            or above.first in ends_at
        # The page's other pieces: those before (sections folded into ``above`` are in it) and after.
        elsewhere = [_text(b) for b in merged if b is not above] + [_text(b) for b in bodies[index + 1:]]
        score, evidence = _weigh(run, above, body, begun, elsewhere)
        if label is not None and not any(e.cue == "same-story" for e in evidence):
            score = 0.0         # a kicker over a headline, a line apart, heads an article of its own
        if score <= 0:
            found.append(Subhead(above, run.lines[0].number, run.lines[0].display, tuple(evidence), folded=False))
            merged.append(body)
            continue
        line = run.lines[0]
        line.extra["subhead"] = True
        if len(run.lines) == 2:
            # A subhead the column's edge wrapped (公司催促续签合同 但不许诺待 / 遇不降) is one heading.
            rest = run.lines[1]
            line.display = line.display.rstrip() + rest.display.strip()
            line.__dict__.pop("compact", None)
            rest.extra["subhead_rest"] = True
        if label is not None:
            label.lines[0].extra["subhead"] = True
            parts.runs.remove(runs_at[label.position])
            found.append(Subhead(above, label.lines[0].number, label.lines[0].display, tuple(evidence)))
        above.lines += [*(label.lines if label is not None else []), *run.lines, *body.lines]
        above.last = body.last
        above.credits += body.credits
        above.signature = body.signature
        above.extra_sections += 1
        if run.position in marked:
            parts.columns.remove(marked.pop(run.position))
            furnished_positions = furnished_positions - {run.position}
        else:
            parts.runs.remove(runs_at[run.position])
        found.append(Subhead(above, line.number, line.display, tuple(evidence)))
    parts.bodies[:] = merged
    return found


__all__ = ["Subhead", "fold_subheads", "SUBHEAD_MAX"]
