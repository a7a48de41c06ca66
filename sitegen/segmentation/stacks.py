"""Headline lines of two articles read as one run: the OCR often reads the headline of the
article above (printed after it) and the kicker and headline of the article below
straight on, with no blank line between them. Such a run, standing between two bodies,
is cut where its lines stop fitting the body above and start fitting the one below.
"""

from __future__ import annotations

from sitegen.segmentation.wording import share
from sitegen.segmentation.bodies import Body, HeadlineRun
from sitegen.segmentation.headlines import headline_texts

MARGIN = 0.3            # a cut must fit this much better than leaving the run whole


def _fit(text: str, body: Body) -> float:
    return share(text, "".join(line.text for line in body.lines))


def split_shared_runs(bodies: list[Body], runs: list[HeadlineRun]) -> list[HeadlineRun]:
    """``runs`` with each run that two neighbouring bodies share cut in two."""
    above_of = {b.last + 1: b for b in bodies}
    below_of = {b.first: b for b in bodies}
    out: list[HeadlineRun] = []
    for run in runs:
        above, below = above_of.get(run.position), below_of.get(run.position + len(run.lines))
        if len(run.lines) < 2 or above is None or below is None or below.start == "continuation":
            out.append(run)
            continue
        texts = [clean for clean in (headline_texts(HeadlineRun([line], 0))[0] for line in run.lines)]
        up = [_fit(t, above) for t in texts]
        down = [_fit(t, below) for t in texts]
        whole = max(sum(up), sum(down))
        best, cut = whole, None
        for s in range(1, len(texts)):
            score = sum(up[:s]) + sum(down[s:])
            if score > best + MARGIN:
                best, cut = score, s
        if cut is None:
            out.append(run)
        else:
            out += [HeadlineRun(run.lines[:cut], run.position), HeadlineRun(run.lines[cut:], run.position + cut)]
    return out
