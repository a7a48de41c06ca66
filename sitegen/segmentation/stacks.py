"""Headline lines of two articles read as one run: the OCR often reads the headline of the
article above (printed after it) and the kicker and headline of the article below
straight on, with no blank line between them. Such a run, standing between two bodies,
is cut where its lines stop fitting the body above and start fitting the one below.
"""

from __future__ import annotations

from sitegen.segmentation.wording import share
from sitegen.segmentation.bodies import Body, HeadlineRun
from sitegen.segmentation.headlines import headline_texts, stack_entries

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
        # Cut only between printed headlines: never inside one wrapped over two lines.
        entries = stack_entries(run)
        texts = [headline_texts(HeadlineRun(e, 0))[0] for e in entries]
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
            at = sum(len(e) for e in entries[:cut])
            out += [HeadlineRun(run.lines[:at], run.position), HeadlineRun(run.lines[at:], run.position + at)]
    return out


CROWD_FIT = 0.5         # a line that fits a bare body this well is that body's own headline
CROWD_MARGIN = 0.3      # …and must fit it this much better than the run's body


def split_crowded_runs(bodies: list[Body], runs: list[HeadlineRun], attached: dict[int, list[HeadlineRun]],
                       score_lines) -> list[HeadlineRun]:
    """``runs`` with each run that holds the headlines of several articles cut between them.

    The OCR reads a page's headlines in its own order: several articles' headlines may come
    one under the other, far from their bodies (all at the page's end, say). Matched whole,
    such a run goes to one body and leaves the others bare. A line of it that clearly fits
    a body left bare, much better than the body the run went to, is that body's: the run
    is cut where its lines stop fitting one body and start fitting another. ``score_lines(runs)``
    scores one-line runs against the bodies, as the page's headlines are scored."""
    titled = {i for i, rs in attached.items() if rs}
    owner = {id(r): i for i, rs in attached.items() for r in rs}
    bare = [i for i, b in enumerate(bodies) if i not in titled and b.start in ("news", "feature", "plain")]
    if not bare:
        return runs
    # Each run's printed headlines (stack_entries), all scored in one pass.
    stacks: dict[int, tuple[list[list], list[int]]] = {}
    singles: list[HeadlineRun] = []
    for r, run in enumerate(runs):
        entries = stack_entries(run)
        if len(entries) < 2:
            continue
        starts = [run.position]
        for e in entries[:-1]:
            starts.append(starts[-1] + len(e))
        stacks[r] = (entries, list(range(len(singles), len(singles) + len(entries))))
        singles += [HeadlineRun(e, p) for e, p in zip(entries, starts)]
    scores = score_lines(singles) if singles else {}
    out: list[HeadlineRun] = []
    for r, run in enumerate(runs):
        if r not in stacks:
            out.append(run)
            continue
        entries, keys = stacks[r]
        home = owner.get(id(run))
        # Each line claimed by the body it clearly fits (a bare one, or the run's own); a
        # new claim starts a new run, a line that fits nothing clearly (a kicker, a
        # subtitle) stays with the line above it.
        taken: set[int] = set()
        cuts, last_claim = [], None
        for j, key in enumerate(keys):
            stay = scores.get((key, home), 0.0) if home is not None else 0.0
            fits = [(scores.get((key, i), 0.0), i) for i in bare if i not in taken]
            s, i = max(fits) if fits else (0.0, None)
            claim = None
            if s >= CROWD_FIT and s - stay >= CROWD_MARGIN:
                claim = i
                taken.add(i)
            elif stay >= CROWD_FIT:
                claim = home
            if claim is not None and last_claim is not None and claim != last_claim:
                cuts.append(j)
            if claim is not None:
                last_claim = claim
        if not cuts:
            out.append(run)
            continue
        bounds = [0, *cuts, len(entries)]
        position = run.position
        for a, b in zip(bounds, bounds[1:]):
            lines = [line for e in entries[a:b] for line in e]
            out.append(HeadlineRun(lines, position))
            position += len(lines)
    return out
