"""Subheads (小标题): short headings printed inside a long article, between its paragraphs.

A subhead looks like a headline, so the text under it first comes out as a body of its own,
with the subhead for a title. That body has nothing an article of this paper starts with
(no 本报讯 byline, credit, signature, author line or column banner), and the body just
above the subhead already has its headline and ends its last sentence: the subhead and
the text under it are the rest of that article. Text that opens like a lede (近日，/
12月4日，) is a brief of its own under its headline, not a section under a subhead.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.blocks import opens_lede
from sitegen.ocr.wraps import sentence_closed
from sitegen.segmentation.bodies import Body, HeadlineRun
from sitegen.segmentation.headlines import headline_texts

SUBHEAD_MAX = 15        # characters; a subhead is a phrase, shorter than most headlines


@dataclass(frozen=True)
class Subhead:
    article: int         # the body the subhead and the text under it belong to
    text: int            # the body under the subhead
    run: HeadlineRun


def find_subheads(bodies: list[Body], attached: dict[int, list[HeadlineRun]], furnished: set[int]) -> list[Subhead]:
    """The subheads on a page, found among the headline runs ``attached`` to bodies.
    ``furnished`` are the bodies that have a column banner or an author line."""
    found: list[Subhead] = []
    owner = {}                                      # body index the text body is folded into
    for i, body in enumerate(bodies):
        runs = attached.get(i, [])
        if body.start != "plain" or body.credits or body.signature is not None or i in furnished \
                or len(runs) != 1 or i == 0:
            continue
        run = runs[0]
        texts = headline_texts(run)
        above = bodies[i - 1]
        article = owner.get(i - 1, i - 1)
        has_headline = bool(attached.get(article)) or bodies[article].start == "continuation"
        if len(texts) == 1 and len(texts[0]) <= SUBHEAD_MAX and run.position + len(run.lines) == body.first \
                and above.last == run.position - 1 and above.start != "ad" and has_headline \
                and above.signature is None and not above.credits and not opens_lede(body.lines[0]) \
                and sentence_closed(above.lines[-1].text):
            found.append(Subhead(article, i, run))
            owner[i] = article
    return found
