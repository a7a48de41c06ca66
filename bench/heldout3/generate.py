#!/usr/bin/env python3
"""Held-out page generator (heldout3): N page files in the seeds' raw OCR format plus a gold
key in seeds.gold.json's format. Seeded and deterministic.

    python bench/heldout3/generate.py --seed 1 --pages 40 --out /tmp/h3
    → /tmp/h3/pages/NNN_<hash>.txt and /tmp/h3/gold.json
"""

from __future__ import annotations

import datetime as _dt

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))

from heldout3 import words as W  # noqa: E402
from heldout3.printing import Line, Printer, flatten, spans  # noqa: E402
from heldout3.stories import Maker, Story  # noqa: E402

# Page kinds and how often each turns up in a run of the paper's pages (see README: a day's
# paper is a front page, several union-news pages, a district or trade page, a rights page,
# a commentary/general page, a domestic-news page, a literary supplement, a service page, and
# on some days a page of notices and advertising).
PAGE_KINDS = [("union", 30), ("front", 12), ("district", 10), ("rights", 12), ("opinion", 8),
              ("domestic", 8), ("literary", 10), ("service", 4), ("notices", 6)]
MODES = [("column", 75), ("paragraph", 25)]   # four seeds of five are column OCR, one paragraph OCR


def weighted(r: random.Random, table):
    return r.choices([k for k, _ in table], weights=[w for _, w in table])[0]


# --- what each kind of page carries -------------------------------------------------------
def page_stories(kind: str, m: Maker) -> tuple[list[Story], dict[int, str], list[str]]:
    """(stories in reading order, banners printed before story i, furniture lines)."""
    r = m.r
    banners: dict[int, str] = {}
    furniture: list[tuple[str, list[str]]] = []
    st: list[Story] = []
    month = r.randint(1, 12)
    year, date = r.randint(2015, 2023), r.randint(1, 28)
    m.pick('一二三四五六日')     # drawn as before, so that the rest of each page stays as it was
    # The paper prints the weekday that goes with the date.
    day = f"{year}年{month}月{date}日 星期{'一二三四五六日'[_dt.date(year, month, date).weekday()]}"
    if kind == "front":
        furniture.append(("masthead and date line", [
            "劳动午报", day, f"今日{m.pick(['8', '12', '16'])}版 第{r.randint(5000, 9000)}期"]))
        st.append(m.lead(jump_to=r.choice([2, 3, 3, 4])))
        if r.random() < 0.3:        # national news on the front page comes from 新华社
            st.insert(0, m.wire())
        for _ in range(r.randint(2, 3)):
            s = m.report(size=r.choice([1, 2, 3]))
            if r.random() < 0.3:
                s.jump = m.pick(["（下转第3版）", "(下转第4版)", "转第2版"])
            st.append(s)
        if r.random() < 0.7:
            st.insert(r.randint(1, len(st)), m.photo())
        if r.random() < 0.4:
            st.append(m.opinion())
        toc = [f"{m.pick(['■', '▲', ''])}{t} {m.r.randint(2, 8)}版" for t in
               [m.title_for(m.context()) for _ in range(r.randint(3, 5))]]
        furniture.append(("front-page contents box (导读)", [m.pick(["导读", "今日导读", "■导读"])] + toc))
        # Beijing's usual daily highs by month; the low some 8-12 degrees under it
        high = [2, 5, 12, 20, 26, 30, 31, 30, 26, 19, 10, 3][month - 1] + r.randint(-4, 4)
        sky = [w for w in W.WEATHER if (w != "小雪" or month in (1, 2, 3, 11, 12)) and (w != "雷阵雨" or 5 <= month <= 9)]
        furniture.append(("weather box", [f"今日天气", f"白天 {m.pick(sky)} {m.pick(W.WIND)}", f"夜间 {m.pick(sky)}",
                                          f"最高气温{high}℃ 最低气温{high - r.randint(8, 12)}℃"]))
    elif kind == "union":
        n = r.randint(4, 8)
        for _ in range(n):
            st.append(m.feature() if r.random() < 0.06 else m.report())
        for _ in range(r.choice([0, 1, 1, 2])):
            st.insert(r.randint(0, len(st)), m.photo())
        if r.random() < 0.45:
            st.insert(r.randint(0, len(st)), m.diary())
        if r.random() < 0.08:
            st.insert(r.randint(0, len(st)), m.letter())
        if r.random() < 0.2:
            st.insert(r.randint(1, len(st)), m.brief())
        if r.random() < 0.5:
            st.append(m.continuation(1))
        if r.random() < 0.35:
            st.insert(r.randint(len(st) // 2, len(st)), m.ad())
        if r.random() < 0.3:
            banners[r.randint(0, len(st) - 1)] = m.pick(["同心抗疫 工会在行动", "为职工办实事", "喜迎二十大 建功新时代",
                                                        "聚焦新就业形态劳动者", "工会温暖 伴你同行"])
    elif kind == "district":
        d = m.district = m.pick(list(W.DISTRICTS))
        banners[0] = W.SHORT[d] + m.pick(["·工会", "工会", ""])
        if r.random() < 0.3:
            st.append(m.kailanyu(m.pick(["走近大国工匠", "劳模风采", "一线故事"])))
        for _ in range(r.randint(1, 2)):
            st.append(m.feature())
        for _ in range(r.randint(1, 3)):
            st.append(m.report(size=r.choice([1, 2])))
        if r.random() < 0.5:
            st.insert(r.randint(1, len(st)), m.photo())
    elif kind == "rights":
        for _ in range(r.randint(1, 2)):
            st.append(m.case())
        st.insert(r.randint(0, len(st)), m.qa())
        for _ in range(r.randint(1, 2)):
            st.append(m.report(size=r.choice([1, 2])))
        if r.random() < 0.5:
            st.append(m.brief())
        if r.random() < 0.4:
            banners[r.randint(0, len(st) - 1)] = m.pick(["12351职工服务热线", "维权", "劳动者权益保障"])
        if r.random() < 0.15:
            st.append(m.continuation(1))
    elif kind == "opinion":
        for _ in range(r.randint(1, 2)):
            st.append(m.opinion())
        for _ in range(r.randint(1, 3)):
            st.append(m.report(size=r.choice([1, 2])))
        if r.random() < 0.6:
            k = len(st)
            untitled = r.random() < 0.4
            for _ in range(r.randint(2, 4)):
                st.append(m.brief(untitled))
            banners[k] = m.pick(["简讯", "工会动态", "短讯"])
    elif kind == "domestic":
        for _ in range(r.randint(2, 4)):
            st.append(m.wire())
        for _ in range(r.randint(1, 2)):
            st.insert(r.randint(0, len(st)), m.report(size=r.choice([1, 2])))
        if r.random() < 0.5:
            st.insert(r.randint(0, len(st)), m.wire_photo() if r.random() < 0.6 else m.photo())
        if r.random() < 0.15:
            st.append(m.continuation(r.choice([1, 2])))
    elif kind == "literary":
        for _ in range(r.randint(2, 3)):
            st.append(m.essay())
        if r.random() < 0.3:
            st.insert(r.randint(0, len(st)), m.letter())
        for _ in range(r.randint(0, 2)):
            st.insert(r.randint(0, len(st)), m.poem())
        if r.random() < 0.4:
            st.append(m.photo())
    elif kind == "service":
        for _ in range(r.randint(2, 4)):
            st.append(m.report(size=r.choice([1, 2])))
        st.insert(r.randint(0, len(st)), m.wire())
        if r.random() < 0.5:
            st.append(m.photo())
        if r.random() < 0.5:
            st.append(m.ad())
    elif kind == "notices":
        if r.random() < 0.6:
            st.append(m.gongshi())
        st.append(m.notices())
        for _ in range(r.randint(1, 2)):
            st.insert(r.randint(0, len(st)), m.ad())
        if r.random() < 0.5:
            st.insert(0, m.report(size=1))
    elif r.random() < 0.2:      # a folio line the OCR kept
        furniture.append(("folio line", [f"{r.randint(2, 12)} {m.pick(['工会新闻', '综合新闻', '维权', '副刊', '区域'])} "
                                         f"{day} 责编 {m.name()} {m.pick(['美编', '校对'])} {m.name()}"]))
    return st, banners, furniture


# --- laying a page out ----------------------------------------------------------------------
def headline_lines(p: Printer, s: Story, i: int) -> list[Line]:
    out = []
    if s.kicker:
        out.append(p.head_line(s.kicker, i))
    if s.title:
        if s.kind == "photo" and (p.mode == "column" and p.r.random() < 0.8):
            out += p.doubled(s.title, i)
        elif len(s.title) > 14 and p.r.random() < (0.35 if s.genre == "lead" else 0.1):
            k = p.r.randint(6, len(s.title) - 5)      # a headline set in two lines
            out += [p.head_line(s.title[:k], i), Line(s.title[k:], i)]
        else:
            out.append(p.head_line(s.title, i))
    if s.subtitle:
        out.append(p.head_line(s.subtitle, i))
    return out


def assemble(p: Printer, stories: list[Story], banners: dict[int, str], furniture: list[tuple[str, list[str]]]):
    r = p.r
    lines: list[Line] = []
    unassigned: list[dict] = []
    late: list[tuple[int, list[Line]]] = []   # (after which story, headline lines) printed late
    notes: dict[int, str] = {}
    notes_early: set[int] = set()

    def gap():
        lines.extend([Line("")] * r.choice([1, 1, 1, 2, 3]))

    placed: dict[int, list] = {}
    for k, (why, block) in enumerate(furniture):
        # masthead and folio on top; the contents and weather boxes wherever the OCR reached them
        at = 0 if k == 0 or r.random() < 0.5 else r.randint(1, len(stories))
        placed.setdefault(at, []).append((why, block))
    for i, s in enumerate(stories + [None]):
        for why, block in placed.get(i, []):
            lines.extend(Line(x) for x in block)
            unassigned.append({"text": " ".join(block), "why": why})
            gap()
        if s is None:
            break
        if i in banners:
            lines += p.banner(banners[i])
            unassigned.append({"text": banners[i], "why": "page or series banner over several articles"})
            gap()
        heads = headline_lines(p, s, i)
        body = p.body_lines(s, i)
        pre: list[Line] = []
        post: list[Line] = []
        col_banner = p.banner(s.column, i) if s.column else []
        author = [Line((" " if r.random() < 0.3 else "") + s.author_line, i)] if s.author_line else []
        roll = r.random()
        where = "before"
        if s.kind == "photo":
            where = "after" if roll < (0.75 if p.mode == "column" else 0.3) else "before"
        elif s.kind == "column":
            where = "before" if roll < (0.65 if p.mode == "column" else 0.9) else "after"
        elif s.kind == "news" and p.mode == "column":
            # the seeds' column OCR: 18% of news headlines before the body, 68% right after
            # it, 14% after one or two later bodies or at the page's foot
            where = ("before" if roll < 0.18 else "after" if roll < 0.80 else
                     ("split" if s.kicker or s.subtitle else "after") if roll < 0.86 else "late")
        elif s.kind == "news":
            where = "before" if roll < 0.95 else "after"
        if s.kind == "column":
            if where == "before":
                pre = col_banner + author + heads
            else:      # the seeds' diaries: author and title first, the banner after the body
                if r.random() < 0.5:
                    pre, post = author + heads, col_banner
                else:
                    pre, post = author, col_banner + heads
        elif where == "before":
            pre = heads
        elif where == "after":
            post = heads
        elif where == "split":
            title = [h for h in heads if h.text.strip() in (s.title or "")]
            others = [h for h in heads if h.text.strip() not in (s.title or "")]
            pre, post = others, title
        if s.marker:
            pre = pre + [Line(s.marker, i)]
        if s.kicker and p.mode == "column" and pre and pre[0].text.strip() == s.kicker and i and r.random() < 0.1:
            # seed 0: a kicker read before the previous article's body, under the banner
            at = max(k for k, ln in enumerate(lines) if ln.owner == i - 1 and ln.body) if any(
                ln.owner == i - 1 and ln.body for ln in lines) else None
            first = min(k for k, ln in enumerate(lines) if ln.owner == i - 1 and ln.body) if at is not None else None
            if first is not None:
                lines.insert(first, Line(""))
                lines.insert(first, pre.pop(0))
                notes_early.add(i)
        if s.jump:
            post = [Line(s.jump, i)] + post
        if pre:
            lines += pre
            if r.random() < 0.6:
                lines.append(Line(""))
        lines += body
        if post:
            if r.random() < 0.7:
                lines.append(Line(""))
            lines += post
        for due, held in [x for x in late if x[0] <= i]:
            lines.append(Line(""))
            lines += held
        late = [x for x in late if x[0] > i]
        if where == "late":
            late.append((i + r.choice([1, 1, 2, 99]), heads))
        notes[i] = where
        # the seeds' photo title run into the next article's first line
        if s.kind == "photo" and post and i + 1 < len(stories) and r.random() < 0.3 and i + 1 not in banners:
            lines[-1].join = True
            continue
        gap()
    for _, held in late:
        lines += held
        gap()
    return lines, unassigned, notes


def gold_entry(s: Story, flat: str, span: tuple[int, int], cursor: int) -> dict | None:
    a, b = span
    k = 12
    head = flat[a:a + k]
    while flat.find(head, cursor) != a and k < b - a:
        k += 1
        head = flat[a:a + k]
    if flat.find(head, cursor) != a:
        return None
    k = min(12, b - a)
    tail = flat[b - k:b]
    while flat.find(tail, a) != b - k and k < b - a:
        k += 1
        tail = flat[b - k:b]
    if flat.find(tail, a) != b - k:
        return None
    e = dict(title=s.title, subtitles=[x for x in (s.kicker, s.subtitle) if x], kind=s.kind, head=head, tail=tail,
             reporters=s.reporters, correspondents=s.correspondents, authors=s.authors, photographers=s.photographers,
             districts=s.districts, continued_from=s.continued_from, dates_mentioned=[], genre=s.genre)
    alts = [x for x in (s.kicker, s.subtitle) if x and not x.startswith("——")]
    if s.title and alts:
        e["title_alternatives"] = alts
    if s.column:
        e["column"] = s.column
    if s.author_line:
        e["author_line"] = s.author_line
    return e


def make_page(seed: int, index: int) -> tuple[str, str, list[dict], list[dict], str]:
    for attempt in range(20):
        r = random.Random(f"heldout3:{seed}:{index}:{attempt}")
        kind = weighted(r, PAGE_KINDS)
        mode = weighted(r, MODES)
        m = Maker(r)
        stories, banners, furniture = page_stories(kind, m)
        p = Printer(r, mode)
        lines, unassigned, where = assemble(p, stories, banners, furniture)
        flat, owner_span = spans(lines)
        order = sorted(owner_span, key=lambda i: owner_span[i][0])
        gold, cursor, ok = [], 0, True
        for i in order:
            e = gold_entry(stories[i], flat, owner_span[i], cursor)
            if e is None:
                ok = False
                break
            if where.get(i) not in (None, "before"):
                e["note"] = f"headline printed {where[i]} the body"
            gold.append(e)
            cursor = owner_span[i][1]
        if ok:
            text = "\n" + flatten(lines) if r.random() < 0.6 else flatten(lines)
            return text, kind, gold, unassigned, mode
    raise RuntimeError(f"page {index}: no layout with findable gold spans")


def generate(seed: int, pages: int, out: Path) -> dict:
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    gold = {"pages": {}, "page_notes": {}, "unassigned_lines": {}, "page_kinds": {},
            "conventions": ("as seeds.gold.json: head/tail are the first/last characters (12, more where "
                            "12 are not unique) of a body in the page text with whitespace removed; byline, "
                            "credit and signature in the body; headline, kicker, column banner, author line "
                            "above the title, continuation marker and jump line outside it. 'genre' names the "
                            "generator's article type; 'page_kinds' the page's kind.")}
    for i in range(pages):
        text, kind, arts, unassigned, mode = make_page(seed, i)
        name = f"{i:03d}_{hashlib.sha1(f'{seed}:{i}'.encode()).hexdigest()[:16]}.txt"
        (pages_dir / name).write_text(text, encoding="utf-8")
        gold["pages"][name] = arts
        gold["unassigned_lines"][name] = unassigned
        gold["page_kinds"][name] = kind
        gold["page_notes"][name] = f"{kind} page, {mode} OCR"
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return gold


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    g = generate(a.seed, a.pages, a.out)
    n = sum(len(v) for v in g["pages"].values())
    print(f"{a.pages} pages, {n} articles → {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
