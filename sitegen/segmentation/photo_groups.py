"""A row of photos printed together under one title (定格美好, 镜头里的坚守): each photo has
a caption of a line or two (◀新村街道工会服务站工作人员参与疫情防控, 为一线职工发放防疫
物资), set apart by blank lines, and the title is the big type the OCR reads doubled
(定定格格美美好好).

Each caption is shaped like a headline, so the captions come out of segmentation as
headline runs that fit no body. Such runs standing together, with nothing else between
them, are one photo article when its title stands beside them (the paper sets only photo
titles and some column banners in that type) or when the captions point at their photos
(◀ ▲ ▶ ▼). What is left of a page's headlines does not look like that: a series banner is
one run, and late headlines find their bodies by what they share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sitegen.blocks import LineKind
from sitegen.ocr.spacing import clean_headline_spacing
from sitegen.segmentation.bodies import Body, HeadlineRun
from sitegen.segmentation.headlines import CLEAR_FIT

POINTERS_ALONE = 2      # captions that point at their photos: a row even without its title
CAPTIONS_WITH_TITLE = 2  # captions beside a doubled title


@dataclass
class PhotoGroup:
    body: Body
    captions: list[HeadlineRun]         # the runs its captions were read as
    title: HeadlineRun | None


def _item_spans(bodies: list[Body], runs: list[HeadlineRun], furniture: list[int]) -> list[tuple[int, int, object]]:
    spans = [(b.first, b.last, b) for b in bodies]
    spans += [(r.position, r.position + len(r.lines) - 1, r) for r in runs]
    spans += [(p, p, None) for p in furniture]
    return sorted(spans, key=lambda s: (s[0], s[1]))


def _stretches(items: list[tuple[int, int, object]], loose: set[int]) -> list[list[int]]:
    """Indexes (into ``items``) of loose runs standing together, nothing else between them."""
    out: list[list[int]] = []
    current: list[int] = []
    for n, (_, _, item) in enumerate(items):
        if isinstance(item, HeadlineRun) and id(item) in loose:
            current.append(n)
        else:
            if current:
                out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def caption_paragraphs(body: Body) -> list[str]:
    """One paragraph a caption, its lines joined as a headline's are."""
    out: list[str] = []
    for line in body.lines:
        text = clean_headline_spacing(line.display)
        if line.extra.get("caption_start") or not out:
            out.append(text)
        else:
            out[-1] += text
    return out


def _doubled(run: HeadlineRun) -> bool:
    return all(line.doubled for line in run.lines)


def gather_photo_groups(bodies: list[Body], runs: list[HeadlineRun], attached: dict[int, list[HeadlineRun]],
                        loose_runs: list[HeadlineRun], furniture: list[int],
                        fit: Callable[[HeadlineRun, int | None], float]) -> list[PhotoGroup]:
    """The page's rows of captioned photos, each as a body of captions and its title run
    (a loose run, or one a body took beside other headlines of its own; None if it has none).

    A caption shares words with a report on the same subject (街道总工会, 垃圾分类) and may
    have been taken as its extra headline. A body's best-fitting headline is never a
    caption; ``fit(run, i)`` is how well a run fits body ``i`` (``i`` None: its best fit
    to any body)."""
    loose = {id(r) for r in loose_runs}
    # A body's headline that fits it weakly may be a caption the body took for want of
    # its own; it is one only inside a row, with captions on both sides of it.
    weak: set[int] = set()
    for i, rs in attached.items():
        if not rs:
            continue
        own = max(rs, key=lambda r: fit(r, i))
        loose |= {id(r) for r in rs if r is not own and not _doubled(r)}
        if not _doubled(own) and fit(own, i) < CLEAR_FIT:
            weak.add(id(own))
    items = _item_spans(bodies, runs, furniture)
    groups: list[PhotoGroup] = []
    for stretch in _stretches(items, loose | weak):
        while stretch and id(items[stretch[0]][2]) in weak:
            stretch = stretch[1:]
        while stretch and id(items[stretch[-1]][2]) in weak:
            stretch = stretch[:-1]
        if not stretch:
            continue
        captions = [items[n][2] for n in stretch]
        title = None
        # The title in the row: its doubled run at either end.
        if len(captions) > 1 and _doubled(captions[-1]):
            title = captions.pop()
        elif len(captions) > 1 and _doubled(captions[0]):
            title = captions.pop(0)
        if any(_doubled(c) for c in captions):
            continue
        if title is None:
            # …or straight beside the row: the next item or the one before, a doubled run.
            first, last = stretch[0], stretch[-1]
            for n in (last + 1, first - 1):
                if 0 <= n < len(items) and isinstance(items[n][2], HeadlineRun) and _doubled(items[n][2]):
                    title = items[n][2]
                    break
        if title is not None:
            row = len(captions) >= CAPTIONS_WITH_TITLE
        else:
            # Pointing captions with no title beside them: only where none is clearly a
            # headline of some report.
            pointers = sum(1 for c in captions for line in c.lines if line.extra.get("pointer"))
            row = pointers >= POINTERS_ALONE and all(fit(c, None) < CLEAR_FIT for c in captions)
        if not row:
            continue
        body = Body("photos")
        for run in captions:
            for k, line in enumerate(run.lines):
                line.kind = LineKind.BODY
                line.extra["caption_start"] = k == 0
                body.add(line, run.position + k)
        groups.append(PhotoGroup(body, captions, title))
    return groups


def place_photo_groups(bodies: list[Body], runs: list[HeadlineRun], attached: dict[int, list[HeadlineRun]],
                       loose_runs: list[HeadlineRun], groups: list[PhotoGroup]
                       ) -> tuple[list[Body], list[HeadlineRun], dict[int, list[HeadlineRun]], list[HeadlineRun]]:
    """Bodies, runs, attachments and loose runs with the groups in page order: their
    captions are no headline runs any more, and a title is its group's, taken from a body
    only where that body keeps a headline of its own."""
    caption_runs = {id(r) for g in groups for r in g.captions}
    runs = [r for r in runs if id(r) not in caption_runs]
    attached = {i: [r for r in rs if id(r) not in caption_runs] for i, rs in attached.items()}
    owner = {id(run): i for i, rs in attached.items() for run in rs}
    titles: dict[int, HeadlineRun] = {}
    for g in groups:
        if g.title is None:
            continue
        i = owner.get(id(g.title))
        if i is not None and len(attached[i]) == 1:
            continue        # the body's only headline: leave it there
        titles[id(g.body)] = g.title
        if i is not None:
            attached[i] = [r for r in attached[i] if r is not g.title]
    taken = set(map(id, titles.values()))
    loose_runs = [r for r in loose_runs if id(r) not in caption_runs and id(r) not in taken]
    old = list(bodies)
    merged = sorted(old + [g.body for g in groups], key=lambda b: b.first)
    index = {id(b): n for n, b in enumerate(merged)}
    new_attached: dict[int, list[HeadlineRun]] = {}
    for i, rs in attached.items():
        if rs:
            new_attached[index[id(old[i])]] = rs
    for g in groups:
        if id(g.body) in titles:
            new_attached[index[id(g.body)]] = [titles[id(g.body)]]
    return merged, runs, new_attached, loose_runs
