"""Which headline belongs to which body.

OCR reading order puts many headlines after their article, some far away, and kickers
and subtitles on either side. Position alone cannot say which is whose, so each headline
run is scored against each body by what they share (character pairs, weighted by how rare
they are on the page: a place or a name counts more than 工会), with a small bonus for
standing right next to the body. Every body that needs a headline first gets its best run
(a one-to-one matching), then runs left over join the body they clearly belong to; what
belongs to none (a series banner) is left as residue.

The main headline of a body is the first line of the nearest run printed after it if there
is one (the big headline, read late by the OCR), else the last line of the nearest run
before it (a kicker stands above its headline).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from typing import Callable

from sitegen.segmentation.wording import bigrams
from sitegen.ocr.spacing import clean_headline_spacing
from sitegen.blocks import Line
from sitegen.segmentation.bodies import Body, HeadlineRun
from sitegen.segmentation.main_headline import main_line
from sitegen.blocks.cues.reads_on import reads_on

# A line opened by a dash is a subtitle (副题: ——记全国劳动模范张三), never the main headline.
_SUBTITLE_DASH = re.compile(r"^\s*[—–\-－―]")
MATCH_THRESHOLD = 0.2       # a body's own headline must share at least this much
EXTRA_THRESHOLD = 0.3       # a second run (kicker, subtitle) must share more…
EXTRA_MARGIN = 0.1          # …and fit its body clearly better than any other
PLACE_WEIGHT = 0.15         # a district named by both headline and body, or by the headline only
UNDER_ITS_CREDIT = 0.2      # a photo's title in doubled type straight under the credit closing its caption
STACKED_OVER_BYLINE = 0.3   # printed straight over a report's byline (本报讯, 本报记者 X), no blank line
BANNER_BETWEEN = 0.5        # a column banner between a headline and a body: another piece's
BANNER_FAR = 0.1            # …among the bodies between them
WRITER_BETWEEN = 1.0        # a writer's line between a body's end and a headline under it: the
                            # line opens the headline's piece, whatever words the two share
REACH = 30                  # bodies on either side of a headline that it may belong to
CLEAR_FIT = 0.5             # a pair this good shows where the page's headlines stand…
ORIENTATION_MIN = 3         # …when there are this many…
ORIENTATION_SHARE = 0.75    # …and this share of them stand on one side of their bodies
PAGE_ORDER = 0.15           # then a headline next to a body on that side gains this


def stack_entries(run: HeadlineRun) -> list[list[Line]]:
    """The run's lines grouped as printed headlines: doubled type wrapped over lines, a
    quote closing on the line under it (为职工“减压 / 赋能”) and a headline wrapped by a
    narrow column with a word cut at the edge (开展安 / 全隐患排查) are each one; a kicker
    and its headline are two phrases, each whole."""
    entries: list[list[Line]] = []
    prev_text, prev_doubled = "", False
    for line in run.lines:
        text = clean_headline_spacing(line.display)
        joined = entries and (
            (line.doubled and prev_doubled) or line.extra.get("headline_rest")
            or (not line.doubled and not prev_doubled and not _SUBTITLE_DASH.match(text)
                and reads_on(prev_text, text) is not None))
        if joined:
            entries[-1].append(line)
            prev_text += text
        else:
            entries.append([line])
            prev_text = text
        prev_doubled = line.doubled
    return entries


def headline_stack(run: HeadlineRun) -> list[tuple[str, bool]]:
    """The headline lines of a run, each with whether it was printed in doubled (big) type;
    an entry of ``stack_entries`` is one headline."""
    return [("".join(clean_headline_spacing(line.display) for line in entry),
             entry[0].doubled) for entry in stack_entries(run)]


def headline_texts(run: HeadlineRun) -> list[str]:
    return [text for text, _ in headline_stack(run)]


def _body_text(body: Body) -> str:
    return "".join(line.text for line in body.lines)


def score_runs(bodies: list[Body], runs: list[HeadlineRun],
               districts_of: Callable[[str], set[str]] | None = None,
               banners: list[int] = (), parts: dict | None = None,
               sides: dict | None = None, writers: list[int] = ()) -> dict[tuple[int, int], float]:
    """How well each headline run (index k) fits each body (index i) that can take one.

    ``districts_of`` names the districts a text mentions: a headline that names a district
    belongs to a body that names it too (大兴劳模… goes with the 大兴 report, not with the
    东城 one that shares 垃圾分类). ``banners`` are the positions of column banners (■栏目):
    a banner opens a new piece, so a headline on its far side is not a body's. ``writers``
    are the positions of writers' lines standing apart (□江旭): one under a body's end
    opens the next piece, so a headline under it is not that body's.
    ``parts``, when given, receives each score's terms by name, for ``--explain``;
    ``sides`` receives, for a run next to a body, whether it stands "before" or "after" it."""
    # A continued part (上接…) takes only a headline reprinted straight over it.
    eligible = [i for i, b in enumerate(bodies) if b.start in ("news", "feature", "plain", "continuation")]
    grams = {i: bigrams(_body_text(bodies[i])) for i in eligible}
    df = Counter(g for i in eligible for g in grams[i])
    n = max(len(eligible), 1)

    @functools.lru_cache(maxsize=None)
    def weight(g: str) -> float:
        # A pair found in no body tells nothing about which body; weigh it as a common one.
        return math.log((n + 1) / (df.get(g) or n / 2 + 0.5)) + 0.1

    run_grams = [bigrams("".join(headline_texts(r))) for r in runs]
    run_places = [districts_of("".join(headline_texts(r))) if districts_of else set() for r in runs]
    body_places = {i: districts_of(_body_text(bodies[i])) if districts_of else set() for i in eligible}
    edges = sorted((p for j in eligible for p in (bodies[j].first, bodies[j].last)))
    run_positions = sorted(r.position for r in runs)
    banner_positions = sorted(banners)
    writer_positions = sorted(writers)

    def count_between(sorted_positions: list[int], lo: int, hi: int) -> int:
        return bisect.bisect_left(sorted_positions, hi) - bisect.bisect_right(sorted_positions, lo)

    def score(k: int, i: int) -> float:
        run, grams_k = runs[k], run_grams[k]
        if not grams_k:
            return 0.0
        body = bodies[i]
        stacked = run.position + len(run.lines) == body.first and body.lines[0].gap_before == 0
        if body.start == "continuation" and not stacked:
            return 0.0
        total = sum(weight(g) for g in grams_k)
        shared = sum(weight(g) for g in grams_k if g in grams[i]) / total
        lo, hi = sorted((run.position, body.first if run.position < body.first else body.last))
        # Bodies between the run and this one (each body has two edges; a body is never
        # split by a run, so counting edges and halving is exact).
        between = (count_between(edges, lo, hi) + 1) // 2
        runs_between = count_between(run_positions, lo, hi)
        # Standing right next to the body counts, and counts most for captions and signed
        # pieces, whose headlines often share no words with them.
        nearby = 0.0
        if between == 0:
            nearby = 0.15 if run.position < body.first else 0.1
            if sides is not None:
                sides[(k, i)] = "before" if run.position < body.first else "after"
            if body.start == "plain":
                nearby += 0.15
            if runs_between:
                nearby /= 3
        if stacked and body.start in ("news", "feature", "continuation"):
            nearby += STACKED_OVER_BYLINE
        if between == 0 and run.position > body.last and body.credits and body.lines[-1] is body.credits[-1] \
                and run.lines[0].doubled:
            nearby += UNDER_ITS_CREDIT
        agree = 0.0
        if run_places[k]:
            agree = PLACE_WEIGHT if run_places[k] & body_places[i] else -PLACE_WEIGHT
        # A banner between a headline and the body beside it opens another piece; one
        # among the bodies between a far headline and its body tells little.
        apart = (BANNER_BETWEEN if between == 0 else BANNER_FAR) if count_between(banner_positions, lo, hi) else 0.0
        # body / □江旭 / headline: the writer's line opens the piece the headline is the title of.
        opened = WRITER_BETWEEN if between == 0 and run.position > body.last and not apart \
            and count_between(writer_positions, lo, hi) else 0.0
        if parts is not None:
            parts[(k, i)] = {"shared words": shared, "nearby": nearby, "districts": agree,
                             "bodies between": -0.03 * between, "banner between": -apart,
                             "writer's line between": -opened}
        return shared + nearby + agree - 0.03 * between - apart - opened

    # A headline stands near its body: within REACH bodies of it (the OCR's reading order
    # scatters headlines over a page, not over a hundred articles). Scoring only those
    # keeps a page's cost linear in its length.
    firsts = [bodies[i].first for i in eligible]
    pairs = {}
    for k, run in enumerate(runs):
        at = bisect.bisect_left(firsts, run.position)
        for i in eligible[max(0, at - REACH):at + REACH]:
            pairs[(k, i)] = score(k, i)
    return pairs


def _assign(scores: dict[tuple[int, int], float]) -> dict[int, int]:
    """Each body's own headline run, chosen for the whole page at once: the one-to-one
    matching with the most fit in all (over MATCH_THRESHOLD), not the best pair first. A
    headline stacked over the next report can still belong to the report above it, when
    the page's other headlines fit only that way."""
    pairs = [(k, i, s) for (k, i), s in scores.items() if s >= MATCH_THRESHOLD]
    if not pairs:
        return {}
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    # Runs and bodies that no pair links fall apart into independent groups; each is
    # solved alone, so a long page costs a sum of small problems, not one huge one.
    owner: dict[int, int] = {}
    for group in _groups(pairs):
        ks = sorted({k for k, _, _ in group})
        bs = sorted({i for _, i, _ in group})
        row, col = {k: n for n, k in enumerate(ks)}, {i: n for n, i in enumerate(bs)}
        fit = np.zeros((len(ks), len(bs)))
        for k, i, s in group:
            fit[row[k], col[i]] = s - MATCH_THRESHOLD + 1e-6      # a pair at the threshold still counts
        rows, cols = linear_sum_assignment(fit, maximize=True)
        owner.update({ks[r]: bs[c] for r, c in zip(rows, cols) if fit[r, c] > 0})
    return owner


def _groups(pairs: list[tuple[int, int, float]]) -> list[list[tuple[int, int, float]]]:
    """The pairs split into groups that share no run and no body (union-find)."""
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k, i, _ in pairs:
        parent[find(("r", k))] = find(("b", i))
    groups: dict = {}
    for pair in pairs:
        groups.setdefault(find(("r", pair[0])), []).append(pair)
    return list(groups.values())


def attach_headlines(bodies: list[Body], runs: list[HeadlineRun],
                     districts_of: Callable[[str], set[str]] | None = None, banners: list[int] = (),
                     parts: dict | None = None, fits: dict | None = None, writers: list[int] = ()
                     ) -> tuple[dict[int, list[HeadlineRun]], list[HeadlineRun]]:
    """Map body index → its headline runs (page order), and the runs that fit no body.
    ``fits``, when given, receives ``score_runs``' scores (before the page's order is
    weighed in), for what is decided after the headlines."""
    sides: dict[tuple[int, int], str] = {}
    scores = score_runs(bodies, runs, districts_of, banners, parts, sides, writers)
    if fits is not None:
        fits.clear()
        fits.update(scores)
    owner = _assign(scores)
    # Where this page's headlines stand: when the pairs that clearly fit mostly have the
    # headline on one side of its body (the OCR read them all after, say), a headline
    # next to a body on that side is likelier its own, even where it shares few words.
    clear = [sides.get((k, i)) for k, i in owner.items() if scores[(k, i)] >= CLEAR_FIT]
    for side in ("after", "before"):
        if len(clear) >= ORIENTATION_MIN and clear.count(side) >= ORIENTATION_SHARE * len(clear):
            for key, where in sides.items():
                if where == side:
                    scores[key] += PAGE_ORDER
                    if parts is not None and key in parts:
                        parts[key]["page's order"] = PAGE_ORDER
            owner = _assign(scores)
            break
    # A headline that shares few words with its report (小发明解决大难题) still stands next
    # to it: a run left over, beside a body that got no headline, with no banner between,
    # is that body's — on the page's side when both neighbours are bare.
    titled = set(owner.values())
    side_counts = {side: list(sides.values()).count(side) for side in ("after", "before")}
    beside: dict[int, list[tuple[int, str]]] = {}
    for (k, i), where in sides.items():
        beside.setdefault(k, []).append((i, where))
    for k in range(len(runs)):
        if k in owner:
            continue
        bare = [(i, where) for i, where in beside.get(k, ()) if i not in titled and scores[(k, i)] > 0]
        if len(bare) > 1:
            bare = sorted(bare, key=lambda b: side_counts[b[1]], reverse=True)[:1]
        if bare:
            owner[k] = bare[0][0]
            titled.add(bare[0][0])
            if parts is not None and (k, bare[0][0]) in parts:
                parts[(k, bare[0][0])]["the only headline beside it"] = None     # a reason, no weight
    scored = sorted(((s, k, i) for (k, i), s in scores.items()), reverse=True)
    # A run left over joins the body it fits best, if it fits it clearly better than any other.
    best: dict[int, list[tuple[float, int]]] = {}
    for s, k, i in scored:
        best.setdefault(k, []).append((s, i))
    for k, ranked in best.items():
        if k in owner:
            continue
        (s1, i1), s2 = ranked[0], (ranked[1][0] if len(ranked) > 1 else 0.0)
        if s1 >= EXTRA_THRESHOLD and s1 - s2 >= EXTRA_MARGIN:
            owner[k] = i1

    attached: dict[int, list[HeadlineRun]] = {}
    residue = []
    for k, run in enumerate(runs):
        if k in owner:
            attached.setdefault(owner[k], []).append(run)
        else:
            residue.append(run)
    return attached, residue


def choose_title(body: Body, runs: list[HeadlineRun]) -> tuple[str | None, list[str]]:
    """The main headline and the other headline lines (kickers and subtitles, page order)."""
    if not runs:
        return None, []
    after = [r for r in runs if r.position > body.last]
    before = [r for r in runs if r.position < body.first]
    # The first line of the run after the body, else the last of the run before it.
    main_run = min(after, key=lambda r: r.position) if after else max(before, key=lambda r: r.position)
    stack = headline_stack(main_run)
    texts, doubled = [t for t, _ in stack], [d for _, d in stack]
    # The printed order: kicker, main, subtitle. A stack of three may have its main line
    # in the middle; the line beside the body is the main one of a stack read after the
    # body from its top (main, subtitle) or before it down to it (kickers, main).
    beside_body = 0 if after else len(texts) - 1
    preferred = {beside_body: 0.2, 1: 0.2} if len(texts) == 3 else {beside_body: 0.3}
    # What the body says first, its opening's outlet and reporters left out.
    lede = re.sub(r"^[^（(]{0,20}[（(][^）)]{0,40}[）)]", "", "".join(line.text for line in body.lines[:12]).strip())[:300]
    main_index = main_line(texts, doubled, preferred, lede)
    title = texts[main_index]
    others = []
    for run in sorted(runs, key=lambda r: r.position):
        for j, text in enumerate(headline_texts(run)):
            if not (run is main_run and j == main_index):
                others.append(text)
    return title, others
