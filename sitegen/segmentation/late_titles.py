"""A headline left over straight under a piece that has one of its own: the title of a last
piece that ran on into it.

A photo's title is often printed after its caption (身边的温暖, under 近日，… and its
点评：…), and a caption set in the same column as the report over it runs on into that
report: only its opening, worded as a lede is (近日，/ 12月4日，), shows where it begins.
Its title, printed after it, fits no body the headlines have not taken, and would be left
over. So when a headline run is left over right under a body that has a headline already,
the body is cut above its last paragraph that opens like a lede, provided that part is the
smaller one, and the run goes to that part.
"""

from __future__ import annotations

from sitegen.blocks import opens_lede
from sitegen.ocr.wraps import sentence_closed
from sitegen.segmentation.bodies import Body, HeadlineRun, cut_body


def _last_lede(body: Body) -> int | None:
    """Where the body's last paragraph opening like a lede starts, in its second half, after
    a finished sentence; None when there is none."""
    lines = body.lines
    for k in range(len(lines) - 1, max(len(lines) // 2, 1) - 1, -1):
        if lines[k].gap_before > 0 and sentence_closed(lines[k - 1].text) and opens_lede(lines[k]):
            return k
    return None


def split_under_loose_titles(bodies: list[Body], attached: dict[int, list[HeadlineRun]],
                             loose: list[HeadlineRun], positions: dict[int, int]) -> list[Body] | None:
    """The page's bodies, each that a left-over headline run stands straight under (and that
    has a headline of its own) cut above its last lede-like paragraph; None when none is.
    ``positions`` gives each line's (by id) position on the page."""
    under = {run.position: run for run in loose}
    out: list[Body] = []
    changed = False
    for i, body in enumerate(bodies):
        cut = None
        if body.last + 1 in under and attached.get(i) and body.start in ("news", "plain", "feature") \
                and body.signature is None:
            cut = _last_lede(body)
        if cut is None:
            out.append(body)
            continue
        changed = True
        body.lines[cut].extra["cut_under_title"] = True           # for --explain
        out.extend(cut_body(body, cut, positions))
    return out if changed else None


__all__ = ["split_under_loose_titles"]
