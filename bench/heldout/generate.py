#!/usr/bin/env python3
"""Held-out generator of synthetic OCR'd newspaper pages and their gold key.

    python bench/heldout/generate.py OUT_DIR [--seed 1] [--pages 40]

writes OUT_DIR/pages/NNN_<hash>.txt (raw page text as an OCR tool saves it) and
OUT_DIR/gold.json in the format of /work/shared/eval/seeds.gold.json, so that

    python /work/shared/eval/score_segmentation.py --gold OUT_DIR/gold.json \
        --pages OUT_DIR/pages --content CONTENT

scores a segmentation.  Every gold article also has a "features" list (the layout
choices drawn for it) and gold["page_features"] lists the page-wide choices; run.py
uses them for a per-feature breakdown.  The text is invented (see grammar.py).  The
same --seed always gives the same pages.

Written without looking at the segmenter or at the project's other page generator.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True  # keep bench/heldout free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import grammar as G  # noqa: E402

WEEK = "一二三四五六日"
HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"})
NO_START = set("，。、；：！？）”》」』…,.;:!?)")
FULLDIG = str.maketrans("0123456789", "０１２３４５６７８９")

# ---------------------------------------------------------------- data

@dataclass
class Art:
    kind: str
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    alternatives: list = field(default_factory=list)
    units: list = field(default_factory=list)      # [(text, "par"|"line")] the body, in order
    reporters: list = field(default_factory=list)
    correspondents: list = field(default_factory=list)
    authors: list = field(default_factory=list)
    photographers: list = field(default_factory=list)
    districts: list = field(default_factory=list)
    continued_from: str | None = None
    continues_to: str | None = None
    column: str | None = None
    author_line: str | None = None
    features: list = field(default_factory=list)
    head_pos: str = "before"          # before | after | far | split | none
    head_style: str = "plain"         # plain | doubled | doubled_split
    layout: tuple = ("clean",)
    pre: list = field(default_factory=list)    # lines printed before the headline block
    post: list = field(default_factory=list)   # lines printed after the body (+ headline)
    top_marker: str | None = None
    end_marker: str | None = None
    jump_title: bool = False
    note: str = ""
    aid: int = -1


def P(text, aid=None, role="x"):
    """A printed line made of one piece."""
    return [(text, aid, role)]


BLANK: list = []


# ---------------------------------------------------------------- page parameters

class Page:
    def __init__(self, rng: random.Random, idx: int):
        self.rng = rng
        self.idx = idx
        self.date = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
        self.number = rng.choice([1, 2, 3, 3, 4, 4, 5, 6, 7, 8])
        self.section = rng.choice(G.SECTIONS)
        r = rng.random()
        self.layout = "wrap" if r < 0.5 else "clean" if r < 0.8 else "mixed"
        self.base_width = rng.randint(9, 16)
        self.col_len = (rng.randint(8, 14), rng.randint(16, 30))
        self.par_blank = rng.choice([0.0, 0.3, 0.7, 1.0, 1.0])
        r = rng.random()
        self.order = "before" if r < 0.35 else "after" if r < 0.65 else "mixed"
        self.halfwidth = rng.random() < 0.25
        r = rng.random()
        self.spacing = 0 if r < 0.45 else 1 if r < 0.85 else 2
        r = rng.random()
        self.encoding = ("utf-8" if r < 0.84 else "utf-8-sig" if r < 0.89 else "crlf" if r < 0.94
                         else "gb18030" if r < 0.97 else "utf-16")
        r = rng.random()
        self.header_pos = ("none" if r < 0.3 else "top" if r < 0.5 else "bottom" if r < 0.65
                           else "both" if r < 0.8 else "mid")
        self.features = [f"page:layout={self.layout}", f"page:order={self.order}",
                         f"page:spacing={self.spacing}", f"page:header={self.header_pos}",
                         f"page:enc={self.encoding}"]
        if self.halfwidth:
            self.features.append("page:halfwidth")
        if self.par_blank == 0.0:
            self.features.append("page:no_par_blanks")

    def header_lines(self):
        rng, d = self.rng, self.date
        date = f"{d.year}年{d.month}月{d.day}日 星期{WEEK[d.weekday()]}"
        ed = f"责任编辑 {G.person(rng)}" + rng.choice(["  美术编辑 ", " 美术编辑 ", "  校对 "]) + G.person(rng)
        if rng.random() < 0.3:
            ed = ed.replace("编辑 ", "编辑：").replace("校对 ", "校对：")
        forms = [
            [date],
            [f"第{self.number}版 {self.section}  {date}"],
            [f"{date}  第{self.number}版 {self.section}"],
            [f"第{self.number}版 {self.section}", date],
            [f"{self.number} {self.section}", f"{d.year}.{d.month:02d}.{d.day:02d}"],
            [f"第{self.number}版 {self.section}"],
        ]
        head = rng.choice(forms)
        foot = [ed] if rng.random() < 0.7 else []
        if rng.random() < 0.15:
            head = ["劳动午报"] + head
        return head, foot


# ---------------------------------------------------------------- text noise

def ocr_space(line: str, level: int, rng) -> str:
    if level == 0 or not line:
        return line
    out = []
    for i, ch in enumerate(line):
        if ch in "（“《(" and i > 0 and rng.random() < 0.25:
            out.append(" ")
        out.append(ch)
        if ch in "，、；：。）”,;:)" and i < len(line) - 1 and rng.random() < 0.4:
            out.append(" ")
        elif ch in "“" and rng.random() < 0.1:
            out.append(" ")
    s = "".join(out)
    if level >= 2 and len(s) > 8 and rng.random() < 0.12:
        a = rng.randrange(0, len(s) - 5)
        b = min(len(s), a + rng.randint(4, 12))
        s = s[:a] + " ".join(s[a:b].replace(" ", "")) + " " + s[b:]
        s = re.sub(" {2,}", " ", s).rstrip()
    return s


def width_of(ch: str) -> float:
    return 0.5 if ord(ch) < 128 else 1.0


def wrap(text: str, w: int, rng) -> list[str]:
    out, cur, cw = [], "", 0.0
    target = w
    for ch in text:
        cwid = width_of(ch)
        if cur and cw + cwid > target and ch not in NO_START:
            out.append(cur)
            cur, cw = "", 0.0
            target = w + rng.choice([0, 0, 0, 0, -1, 1])
        cur += ch
        cw += cwid
    if cur:
        out.append(cur)
    return out


def doubled(s: str) -> str:
    return "".join(c if c == " " else c * 2 for c in s)


# ---------------------------------------------------------------- opening lines (bylines)

def fmt_paren(inner_parts, page, rng):
    """（记者 X 通讯员 Y） with OCR-ish spacing."""
    sp = page.spacing > 0 and rng.random() < 0.75
    toks = []
    for label, names in inner_parts:
        if sp:
            toks.append(label + " " + " ".join(names))
        else:
            toks.append(label + names[0] + ("".join(" " + n for n in names[1:])))
    inner = " ".join(toks)
    if sp and rng.random() < 0.5:
        inner = inner + " "
    return "（" + inner + "）"


OPEN_STYLES = [("bbx_r", 34), ("bbx_rc", 20), ("bbx_rr", 4), ("bbx_rcc", 4), ("bbx_c", 8), ("bb_dated", 8),
               ("zgw_c", 4), ("zgw_r", 2), ("bw_r", 4), ("xh_dated", 6), ("ju_xh", 4), ("shouxi", 2)]


def opening_style(rng) -> str:
    return rng.choices([s for s, _ in OPEN_STYLES], [k for _, k in OPEN_STYLES])[0]


def opening(w: G.Writer, page: Page, rng, style: str | None = None):
    """Return (opening text, reporters, correspondents, style label)."""
    if style is None:
        style = opening_style(rng)
    r1, r2, c1, c2 = w.name(), w.name(), w.name(), w.name()
    sp = " " if page.spacing > 0 and rng.random() < 0.6 else ""
    d = w.recent(3)
    if style == "bbx_r":
        return f"本报讯{sp}" + fmt_paren([("记者", [r1])], page, rng), [r1], [], style
    if style == "bbx_rc":
        return f"本报讯{sp}" + fmt_paren([("记者", [r1]), ("通讯员", [c1])], page, rng), [r1], [c1], style
    if style == "bbx_rr":
        return f"本报讯{sp}" + fmt_paren([("记者", [r1, r2])], page, rng), [r1, r2], [], style
    if style == "bbx_rcc":
        return f"本报讯{sp}" + fmt_paren([("记者", [r1]), ("通讯员", [c1, c2])], page, rng), [r1], [c1, c2], style
    if style == "bbx_c":
        return f"本报讯{sp}" + fmt_paren([("通讯员", [c1])], page, rng), [], [c1], style
    if style == "bb_dated":
        return f"本报北京{d.month}月{d.day}日讯{sp}" + fmt_paren([("记者", [r1])], page, rng), [r1], [], style
    if style == "zgw_c":
        return f"中工网讯{sp}" + fmt_paren([("通讯员", [c1])], page, rng), [], [c1], style
    if style == "zgw_r":
        return f"中工网讯{sp}" + fmt_paren([("记者", [r1])], page, rng), [r1], [], style
    if style == "bw_r":
        return f"本网讯{sp}" + fmt_paren([("记者", [r1])], page, rng), [r1], [], style
    if style == "xh_dated":
        city = rng.choice(["北京", "北京", "北京", "天津", "上海"])
        if rng.random() < 0.3:
            return f"新华社{city}{d.month}月{d.day}日电{sp}（记者{sp}{r1}、{r2}）", [r1, r2], [], style
        return f"新华社{city}{d.month}月{d.day}日电{sp}" + fmt_paren([("记者", [r1])], page, rng), [r1], [], style
    if style == "ju_xh":
        return "据新华社电" + rng.choice(["", " "]), [], [], style
    if style == "shouxi":
        return f"本报讯{sp}" + fmt_paren([("首席记者", [r1])], page, rng), [r1], [], style
    raise ValueError(style)


# ---------------------------------------------------------------- district check

PLACE_PATTERNS = []
for _d in G.DISTRICTS:
    PLACE_PATTERNS.append((_d, _d))
    PLACE_PATTERNS.append((G.DSHORT[_d], _d))
    for _s in G.STREETS[_d]:
        PLACE_PATTERNS.append((_s, _d))
        for short in {G.street_short(_s), _s[:-1] if _s.endswith(("镇", "乡")) else _s}:
            if len(short) >= 2:
                PLACE_PATTERNS.append((short, _d))
PLACE_PATTERNS.sort(key=lambda p: -len(p[0]))


def mentions(text: str) -> dict[str, int]:
    """Count place mentions per district (longest names first, no overlaps).
    新华社 (the news agency) and 交通运输 are words, not 新华街道 / 通运街道."""
    text = text.replace("新华社", "###").replace("交通运输", "####")
    counts: dict[str, int] = {}
    taken = [False] * len(text)
    for pat, d in PLACE_PATTERNS:
        start = 0
        while True:
            i = text.find(pat, start)
            if i < 0:
                break
            if not any(taken[i:i + len(pat)]):
                for k in range(i, i + len(pat)):
                    taken[k] = True
                counts[d] = counts.get(d, 0) + 1
            start = i + 1
    return counts


def district_ok(art: Art) -> bool:
    """The intended gold districts must be exactly what the convention gives:
    named in a headline line or the lede, or named twice in all."""
    heads = " ".join(x for x in (art.kicker, art.title, art.subtitle) if x)
    pars = [t for t, k in art.units if k == "par" and len(t) >= 20 and not t.startswith("【编者按】")]
    lede = pars[0] if pars else ""
    alltext = heads + " " + " ".join(t for t, _ in art.units)
    hl = mentions(heads + " " + lede)
    tot = mentions(alltext)
    derived = {d for d in tot if d in hl or tot[d] >= 2}
    return derived == set(art.districts)


# ---------------------------------------------------------------- article builders

def pick_layout(page: Page, rng, kind="news"):
    mode = page.layout if page.layout != "mixed" else rng.choice(["wrap", "clean"])
    if mode == "clean":
        return ("clean",)
    wdt = page.base_width if rng.random() < 0.6 else rng.randint(9, 16)
    if kind == "photo" and rng.random() < 0.4:
        wdt = rng.randint(18, 34)
    return ("wrap", wdt)


def pick_head_pos(page: Page, rng):
    if page.order == "before":
        pos = "before" if rng.random() < 0.92 else "after"
    elif page.order == "after":
        pos = "after" if rng.random() < 0.9 else "before"
    else:
        pos = rng.choice(["before", "after"])
    if rng.random() < 0.05:
        pos = "far"
    return pos


def add_headlines(art: Art, w: G.Writer, sl, topic, rng, allow_kicker=True):
    art.title = art.title or w.headline(topic, sl)
    r = rng.random()
    if allow_kicker and r < 0.15:
        art.kicker = w.kicker(sl)
    elif allow_kicker and r < 0.27:
        art.subtitle = w.subtitle(sl)
    elif allow_kicker and r < 0.35:
        art.kicker, art.subtitle = w.kicker(sl), w.subtitle(sl)
    if art.kicker and art.kicker == art.title:
        art.kicker = None
    if rng.random() < 0.12 and " " not in art.title and len(art.title) >= 10:
        art.head_style = "spaced"
    if art.kicker:
        art.features.append("kicker")
    if art.subtitle:
        art.features.append("subtitle")


def finish_alternatives(art: Art):
    lines = [x for x in (art.kicker, art.subtitle) if x and not x.startswith("——")]
    if art.head_pos == "split" or (len(lines) == 1 and not (art.kicker and art.subtitle)):
        art.alternatives = lines


def build_news(w: G.Writer, page: Page, rng, brief=False, style=None) -> Art:
    topic = w.topic()
    sc = w.scope()
    if style is None:
        style = opening_style(rng)
    if style in ("xh_dated", "ju_xh") and sc["type"] in ("district", "street", "two", "enterprise"):
        sc = dict(sc, type="city", districts=[], org="市总工会", S="北京", ref="市总工会", venue="全市各区")
    sl = w.slots(sc, topic)
    open_txt, reps, corrs, ostyle = opening(w, page, rng, style)
    art = Art(kind="news", reporters=reps, correspondents=corrs, districts=list(sc["districts"]))
    art.features += [f"open:{ostyle}", f"scope:{sc['type']}"]
    n_par = rng.randint(1, 2) if brief else rng.randint(2, 6)
    incidental = (not brief) and rng.random() < 0.2
    pars = w.news_paragraphs(sc, topic, sl, n_par, open_txt, incidental=incidental)
    if incidental and len(pars) >= 3:
        art.features.append("incidental_district")
    if rng.random() < 0.06 and not brief:
        # editor's note before the text
        pars.insert(0, "【编者按】" + rng.choice([
            f"为深入了解一线职工的工作和生活，本报即日起推出“走近{sl['aud']}”系列报道，讲述他们的故事。",
            f"职工的所思所盼，就是工会工作的方向。本期关注{sl['camp']}活动，敬请读者关注。"]))
        art.features.append("editor_note")
    art.units = [(p, "par") for p in pars]
    if not brief and rng.random() < 0.1:
        ph = w.name()
        art.units.append((rng.choice([f"本报记者 {ph} 摄", f"本报记者{ph}摄", f"通讯员 {ph} 摄"]), "credit"))
        art.photographers = [ph]
        art.features.append("news_photo_credit")
    add_headlines(art, w, sl, topic, rng, allow_kicker=not brief)
    if not brief and art.head_style == "plain" and rng.random() < 0.05:
        art.head_style = rng.choice(["doubled", "doubled_split"])
        art.features.append(art.head_style)
    return art


def build_feature(w: G.Writer, page: Page, rng) -> Art:
    topic = w.topic()
    sc = w.scope()
    while sc["type"] not in ("district", "street", "enterprise"):
        sc = w.scope()
    sl = w.slots(sc, topic)
    sl["venue"] = sc.get("place", sl["venue"])
    f = w.feature(sc, topic, sl)
    x, y = w.name(), w.name()
    sp = " " if rng.random() < 0.7 else ""
    styles = [("rep_corr", f"本报记者{sp}{x}{sp} 通讯员{sp}{y}", [x], [y], [], []),
              ("wen_sheying", f"■文/本报记者{sp}{x}{sp} 摄影/{y}", [x], [], [], [y]),
              ("wen_rep", f"文/本报记者{sp}{x}", [x], [], [], []),
              ("wen_tu", f"文/{x}{sp} 图/{y}", [], [], [x], [y]),
              ("rep", f"□本报记者{sp}{x}", [x], [], [], [])]
    bst, bline, reps, corrs, auths, phots = rng.choice(styles)
    art = Art(kind="news", title=f["title"], reporters=reps, correspondents=corrs, authors=auths,
              photographers=phots, districts=list(sc["districts"]))
    art.features += ["feature", f"byline:{bst}", f"subheads:{f['style']}", f"scope:{sc['type']}"]
    units = [(bline, "line")]
    if rng.random() < 0.3:
        units.append(("【编者按】" + f"他们是城市里默默奉献的普通劳动者。本报推出“{rng.choice(G.COLUMNS)}”专栏，记录他们的奋斗故事。", "par"))
        art.features.append("editor_note")
    units += [(p, "par") for p in f["lede"]]
    for sh, body in f["sections"]:
        units.append((sh, "subhead"))
        units += [(p, "par") for p in body]
    art.units = units
    r = rng.random()
    if r < 0.35:
        art.subtitle = f["dash"]
        art.features.append("dash_subtitle")
    elif r < 0.5:
        art.kicker = w.kicker(sl)
        art.features.append("kicker")
    return art


def build_photo(w: G.Writer, page: Page, rng) -> Art:
    topic = w.topic()
    sc = w.scope()
    while sc["type"] == "two":
        sc = w.scope()
    sl = w.slots(sc, topic)
    sl["venue"] = sc["place"]
    cap = w.fill(w.pick(topic["photo_caps"]), sl) + "。"
    if rng.random() < 0.5:
        cap += w.fill(w.take([t for t in topic["details"] if t not in w.used_tpl]), sl) + "。"
    x, y = w.name(), w.name()
    sp = " " if rng.random() < 0.7 else ""
    credits = [("rep_she", f"本报记者{sp}{x}{sp}摄", [], [], [x]),
               ("xh_she", f"新华社记者{sp}{x}{sp}摄", [], [], [x]),
               ("xh_fa", "新华社发", [], [], []),
               ("wen_she", f"□本报记者{sp}{x}{sp}文/摄", [x], [], [x]),
               ("rep_corr_report", f"本报记者{sp}{x}{sp}通讯员{sp}{y}{sp}摄影报道", [x], [y], [x, y]),
               ("rep_report", f"本报记者{sp}{x}{sp}摄影报道", [x], [], [x]),
               ("bare_report", f"{x}{sp}摄影报道", [], [], [x])]
    cst, credit, reps, corrs, phots = rng.choice(credits)
    art = Art(kind="photo", title=w.unique(lambda: w.pick(topic["photo_titles"])), reporters=reps, correspondents=corrs,
              photographers=phots, districts=list(sc["districts"]))
    art.features += [f"credit:{cst}", f"scope:{sc['type']}"]
    r = rng.random()
    if r < 0.45:
        art.units = [(cap, "par"), (credit, "credit")]
    elif r < 0.75:
        art.units = [(cap + " " + credit, "par")]
        art.features.append("credit_inline")
    else:
        parts = credit.split("通讯员") if "通讯员" in credit else None
        if parts:
            art.units = [(cap, "par"), (parts[0].strip(), "credit"), ("通讯员" + parts[1], "credit")]
        else:
            art.units = [(cap, "par"), (credit, "credit")]
    art.head_style = rng.choice(["plain", "doubled", "doubled", "doubled_split"])
    if art.head_style != "plain":
        art.features.append(art.head_style)
    return art


def build_column(w: G.Writer, page: Page, rng) -> Art:
    topic = w.topic()
    sc = w.scope()
    while sc["type"] in ("enterprise", "national", "industry", "two"):
        sc = w.scope()
    sl = w.slots(sc, topic)
    name = w.name()
    unit = w.pick(G.COLUMN_UNITS)
    col = w.pick(G.COLUMNS)
    if rng.random() < 0.25:
        c = w.commentary(topic, sl)
        col = rng.choice(["午报评论", "工会论坛", "劳动者说"])
        districts = []
    else:
        sl["venue"] = sc.get("place", sl["venue"])
        c = w.column(sc, sl)
        districts = list(sc["districts"])
    author_line = f"{unit} {name}"
    art = Art(kind="column", title=c["title"], authors=[name], districts=districts, column=col,
              author_line=author_line)
    units = [(p, "par" if len(p) > 8 else "line") for p in c["pars"]]
    variant = rng.choice(["A", "B", "C", "D", "E"])
    banner = "■" + col if rng.random() < 0.8 else col
    if rng.random() < 0.2:
        banner = doubled(col)
        art.features.append("doubled_banner")
    if rng.random() < 0.3:
        banner = " " + banner
    al = (" " if rng.random() < 0.4 else "") + (author_line if rng.random() < 0.85 else "□" + author_line)
    art.features += [f"column:{variant}", f"scope:{sc['type']}"]
    if variant == "A":      # banner, author, title, body
        art.pre = [banner, al]
        art.head_pos = "before"
    elif variant == "B":    # author, title, body, banner
        art.pre = [al]
        art.post = [banner]
        art.head_pos = "before"
    elif variant == "C":    # body + signature, banner, title after
        units.append((author_line, "line"))
        art.post = [banner]
        art.head_pos = "after"
        art.note = "signature ends the body"
    elif variant == "D":    # banner, title, body, signature
        art.pre = [banner]
        units.append((author_line, "line"))
        art.head_pos = "before"
    else:                   # banner, title, author, body  (author printed under the title)
        art.pre = [banner]
        art.head_pos = "before"
        art.post_title = [al]
    art.units = units
    if rng.random() < 0.2:
        art.head_style = "spaced"
    return art


def build_continuation(w: G.Writer, page: Page, rng) -> Art:
    topic = w.topic()
    sc = w.scope() if rng.random() < 0.3 else dict(type="city", districts=[], org="市总工会", S="市总工会",
                                                    ref="市总工会", venue="全市各区")
    if sc["type"] not in ("district", "street", "city"):
        sc = dict(type="city", districts=[], org="市总工会", S="市总工会", ref="市总工会", venue="全市各区")
    sl = w.slots(sc, topic)
    pars = w.continuation(sc, topic, sl)
    if sc["type"] in ("district", "street"):
        pars[0] = f"据{sc['org']}相关负责人介绍，" + pars[0]
    src = rng.choice([1, 1, 1, 2, 3])
    src = min(src, max(1, page.number - 1)) if page.number > 1 else 1
    num = str(src)
    if rng.random() < 0.4:
        num = num.translate(FULLDIG)
    elif rng.random() < 0.2:
        num = "一二三四五六七八"[src - 1]
    marker = rng.choice(["（上接第{}版）", "(上接第{}版)", "（上接{}版）"]).format(num)
    art = Art(kind="continuation", continued_from=f"第{src}版", districts=list(sc["districts"]))
    art.units = [(p, "par") for p in pars]
    art.top_marker = marker
    art.head_pos = "none"
    art.features += ["cont_top", f"scope:{sc['type']}"]
    if rng.random() < 0.15:
        art.title = w.headline(topic, sl)
        art.jump_title = True
        art.head_pos = "before"
        art.features.append("jump_title")
    return art


def build_ad(w: G.Writer, page: Page, rng) -> Art:
    art = Art(kind="ad", head_pos="none")
    lines = w.ad()
    art.units = [(l, "line") for l in lines]
    art.features.append("ad_lines" if len(lines) > 1 else "ad_lone")
    return art


# ---------------------------------------------------------------- rendering

def head_block(art: Art, page: Page, rng, aid):
    """Headline lines: kicker, title (plain / doubled / split), subtitle."""
    lines = []
    lead = lambda: " " if rng.random() < 0.1 else ""  # noqa: E731
    if art.kicker:
        lines.append(P(lead() + art.kicker, aid, "kicker"))
    t = art.title
    if art.head_style == "doubled":
        lines.append(P(doubled(t), aid, "title"))
    elif art.head_style == "doubled_split":
        parts = t.split(" ") if " " in t else None
        if not parts:
            k = rng.randint(max(2, len(t) // 2 - 2), max(3, len(t) // 2 + 1))
            parts = [t[:k], t[k:]]
        for ptxt in parts:
            if ptxt:
                lines.append(P(doubled(ptxt), aid, "title"))
    elif art.head_style == "spaced":
        k = rng.randint(2, max(3, len(t) - 2))
        lines.append(P(lead() + t[:k] + " " + t[k:], aid, "title"))
    else:
        lines.append(P(lead() + t, aid, "title"))
    if getattr(art, "post_title", None):
        lines += [P(x, aid, "author") for x in art.post_title]
    if art.subtitle:
        lines.append(P(lead() + art.subtitle, aid, "sub"))
    return lines


def render_body(art: Art, page: Page, rng, aid):
    """Body lines (list of piece-lists, BLANK for empty lines), and the indices of
    column-break blanks (places where the page header may be printed mid-column)."""
    out, breaks = [], []
    sp = page.spacing
    if art.layout[0] == "clean":
        for i, (t, k) in enumerate(art.units):
            out.append(P(ocr_space(t, sp, rng), aid, "body"))
            if i < len(art.units) - 1 and (rng.random() < page.par_blank or k == "subhead"):
                out.append(BLANK)
                if rng.random() < 0.1:
                    out.append(BLANK)
        return out, breaks
    wdt = art.layout[1]
    col_left = rng.randint(*page.col_len) if rng.random() < 0.5 else rng.randint(3, page.col_len[1])
    shifted = False
    for i, (t, k) in enumerate(art.units):
        if k in ("line", "credit", "subhead"):
            chunks = [t]
            if k == "credit" and len(t) > wdt + 4 and " " in t and rng.random() < 0.5:
                cut = t.rfind(" ", 0, len(t) // 2 + 3)
                chunks = [t[:cut], t[cut + 1:]] if cut > 0 else [t]
        else:
            chunks = wrap(t, wdt, rng)
        for j, c in enumerate(chunks):
            out.append(P(ocr_space(c, sp, rng), aid, "body"))
            col_left -= 1
            last = i == len(art.units) - 1 and j == len(chunks) - 1
            if col_left <= 0 and not last:
                out.append(BLANK)
                breaks.append(len(out) - 1)
                col_left = rng.randint(*page.col_len)
                if not shifted and rng.random() < 0.12 and k == "par" and j < len(chunks) - 1:
                    # the article continues in a column of another width
                    new_w = rng.choice([x for x in range(9, 17) if x != wdt])
                    rest = "".join(chunks[j + 1:])
                    wdt, shifted = new_w, True
                    chunks[j + 1:] = wrap(rest, wdt, rng)
                    art.features.append("width_shift")
        if i < len(art.units) - 1 and (out and out[-1] is not BLANK):
            if rng.random() < page.par_blank or k == "subhead" or art.units[i + 1][1] == "subhead" and rng.random() < 0.5:
                out.append(BLANK)
    return out, breaks


# ---------------------------------------------------------------- page assembly

def make_items(w: G.Writer, page: Page, rng):
    """The page's articles as a list of blocks; each block is ("art", Art) or
    ("group", banner, [Art, ...])."""
    items = []
    n_news = rng.randint(2, 6)
    for _ in range(n_news):
        items.append(("art", build_news(w, page, rng)))
    if rng.random() < 0.35:
        k = rng.randint(2, 5)
        arts = [build_news(w, page, rng, brief=True) for _ in range(k)]
        headed = rng.random() < 0.5
        for a in arts:
            h = headed if rng.random() > 0.15 else not headed
            a.features += ["brief", "brief_headed" if h else "brief_unheaded"]
            if not h:
                a.title, a.kicker, a.subtitle, a.head_pos = None, None, None, "none"
        items.append(("group", rng.choice(G.BRIEF_BANNERS), arts))
    if rng.random() < 0.12:
        arts = [build_photo(w, page, rng) for _ in range(rng.randint(2, 3))]
        for a in arts:
            a.features.append("photo_group")
        items.append(("group", rng.choice(G.PHOTO_BANNERS), arts))
    r = rng.random()
    for _ in range(2 if r < 0.2 else 1 if r < 0.55 else 0):
        items.append(("art", build_photo(w, page, rng)))
    if rng.random() < 0.22:
        items.append(("art", build_column(w, page, rng)))
    if rng.random() < 0.2:
        items.append(("art", build_feature(w, page, rng)))
    if rng.random() < 0.2:
        items.append(("art", build_ad(w, page, rng)))
    rng.shuffle(items)
    if rng.random() < 0.25 and page.number > 1:
        c = build_continuation(w, page, rng)
        if rng.random() < 0.8:
            items.insert(0, ("art", c))
        else:
            items.insert(rng.randrange(len(items) + 1), ("art", c))
    # a report jumps to another page
    news = [a for kind, *rest in items if kind == "art" for a in [rest[0]] if a.kind == "news"
            and "feature" not in a.features]
    if news and rng.random() < 0.2:
        a = rng.choice(news)
        to = page.number + rng.randint(1, 4)
        num = str(to) if rng.random() < 0.7 else str(to).translate(FULLDIG)
        a.end_marker = rng.choice(["（下转第{}版）", "(下转第{}版)", "（转{}版）"]).format(num)
        a.continues_to = f"第{to}版"
        a.features.append("cont_end")
    return items


def arrange(art: Art, page: Page, rng, aid):
    """(before lines, body lines, after lines, far lines, body break indices)."""
    art.aid = aid
    body, breaks = render_body(art, page, rng, aid)
    before, after, far = [], [], []
    lead = lambda: " " if rng.random() < 0.15 else ""  # noqa: E731
    before += [P(x, aid, "pre") for x in art.pre]
    if art.top_marker and not art.jump_title:
        before.append(P(art.top_marker, aid, "marker"))
    if art.title and art.head_pos != "none":
        hb = head_block(art, page, rng, aid)
        if art.head_pos == "before":
            before += hb
        elif art.head_pos == "after":
            after += hb
        elif art.head_pos == "far":
            far += hb
        elif art.head_pos == "split":
            k = [i for i, l in enumerate(hb) if l[0][2] == "title"][0]
            before += hb[:k]
            after += hb[k:]
        if art.jump_title:
            before.append(P(art.top_marker, aid, "marker"))
    if art.end_marker:
        body_end = [P(art.end_marker, aid, "marker")]
    else:
        body_end = []
    post = [P(lead() + x, aid, "post") for x in art.post]
    return before, body, body_end + after + post, far, breaks


def build_page(rng: random.Random, idx: int):
    page = Page(rng, idx)
    w = G.Writer(rng, page.date)
    items = make_items(w, page, rng)
    arts: list[Art] = []
    unassigned = []

    # decide layout and headline placement per article
    def prep(a: Art):
        a.layout = pick_layout(page, rng, a.kind)
        if a.layout[0] == "wrap":
            wd = a.layout[1]
            a.features.append("layout:wrap")
            a.features.append("width:" + ("9-11" if wd <= 11 else "12-13" if wd <= 13 else "14-16" if wd <= 16 else "wide"))
        else:
            a.features.append("layout:clean")
        if a.kind in ("news", "photo") and a.title and a.head_pos != "none":
            a.head_pos = pick_head_pos(page, rng)
            if a.kicker and not a.subtitle and a.head_pos in ("before", "after") and rng.random() < 0.25:
                a.head_pos = "split"
        if a.kind == "column" and a.head_pos == "before" and rng.random() < 0.15:
            a.head_pos = "far"
        if a.title and a.head_pos != "none":
            a.features.append(f"head:{a.head_pos}")
        else:
            a.features.append("head:none")
        if a.kicker or a.subtitle:
            finish_alternatives(a)
            if len([x for x in (a.kicker, a.subtitle) if x]) == 1 and a.alternatives:
                a.features.append("two_headline_lines")
        if a.head_style == "spaced":
            a.features.append("title_ocr_space")
        if page.halfwidth:
            tr = lambda s: s.translate(HALF) if s else s  # noqa: E731
            a.title, a.kicker, a.subtitle = tr(a.title), tr(a.kicker), tr(a.subtitle)
            a.alternatives = [tr(x) for x in a.alternatives]
            a.units = [(tr(t), k) for t, k in a.units]
            a.pre = [tr(x) for x in a.pre]
            a.post = [tr(x) for x in a.post]
            if a.top_marker:
                a.top_marker = tr(a.top_marker)
            if a.end_marker:
                a.end_marker = tr(a.end_marker)
            if a.author_line:
                a.author_line = tr(a.author_line)
            if getattr(a, "post_title", None):
                a.post_title = [tr(x) for x in a.post_title]

    blocks = []        # list of (kind, lines, meta)
    far_all = []
    aid = 0
    for it in items:
        if it[0] == "art":
            group = [(None, it[1])]
        else:
            banner = it[1]
            group = [(banner, a) for a in it[2]]
        first = True
        for banner, a in group:
            if not district_ok(a):
                return None
            prep(a)
            before, body, after, far, breaks = arrange(a, page, rng, aid)
            if banner and first:
                before = [P(banner, None, "banner")] + before
                unassigned.append({"text": banner, "why": "section banner over a group of reports"})
            first = False
            blocks.append(dict(aid=aid, before=before, body=body, after=after, breaks=breaks, art=a))
            far_all += far
            arts.append(a)
            aid += 1

    # page header / footer
    head, foot = page.header_lines()
    hdr_top, hdr_bottom = [], []
    if page.header_pos == "top":
        hdr_top = head + foot if rng.random() < 0.3 else head
        hdr_bottom = [] if hdr_top != head else foot
    elif page.header_pos == "bottom":
        hdr_bottom = head + foot
    elif page.header_pos == "both":
        hdr_top, hdr_bottom = (head, foot) if rng.random() < 0.6 else (foot, head)
    elif page.header_pos == "mid":
        cands = [b for b in blocks if [i for i in b["breaks"] if 3 <= i <= len(b["body"]) - 4]]
        if cands:
            b = rng.choice(cands)
            i = rng.choice([i for i in b["breaks"] if 3 <= i <= len(b["body"]) - 4])
            ins = [P(x, None, "header") for x in head] + [BLANK]
            b["body"][i + 1:i + 1] = ins
            b["art"].features.append("header_inside_body")
            hdr_bottom = foot
        else:
            j = rng.randrange(len(blocks) + 1) if blocks else 0
            blocks.insert(j, dict(aid=None, before=[P(x, None, "header") for x in head], body=[], after=[],
                                  breaks=[], art=None))
            hdr_bottom = foot
    for x in head + foot:
        if x in hdr_top or x in hdr_bottom or page.header_pos == "mid":
            unassigned.append({"text": x, "why": "printed page header/footer"})

    # join the blocks
    lines: list = []
    if rng.random() < 0.3:
        lines.append(BLANK)
    lines += [P((" " if rng.random() < 0.1 else "") + x, None, "header") for x in hdr_top]
    if hdr_top:
        lines.append(BLANK)

    def sep():
        r = rng.random()
        return [] if r < 0.15 else [BLANK] if r < 0.9 else [BLANK, BLANK]

    for b in blocks:
        seq = []
        if b["before"]:
            seq += b["before"]
            if b["body"] and rng.random() < 0.45:
                seq.append(BLANK)
        seq += b["body"]
        if b["after"]:
            if b["body"] and rng.random() < 0.75:
                seq.append(BLANK)
            seq += b["after"]
        if not seq:
            continue
        # a doubled photo title may run into the next report's first line (as OCR does)
        if (lines and lines[-1] and lines[-1][-1][2] == "title" and seq[0] and seq[0][0][2] == "body"
                and re.search(r"(.)\1(.)\2", lines[-1][-1][0]) and rng.random() < 0.35):
            lines[-1] = lines[-1] + seq[0]
            arts[b["aid"]].features.append("merged_line")
            seq = seq[1:]
        elif lines and lines[-1] is not BLANK:
            lines += sep()
        lines += seq
    if far_all:
        lines += [BLANK] + far_all
    if hdr_bottom:
        lines += [BLANK] + [P(x, None, "header") for x in hdr_bottom]
    lines.append(BLANK)

    # flatten, find every body's span, check the scorer's gold_spans finds it there
    text_lines, flat = [], []
    pos = 0
    start: dict[int, int] = {}
    end: dict[int, int] = {}
    for ln in lines:
        text_lines.append(" ".join(p[0] for p in ln))
        for t, a, role in ln:
            f = re.sub(r"\s+", "", t)
            if role == "body" and a is not None:
                start.setdefault(a, pos)
                end[a] = pos + len(f)
            pos += len(f)
            flat.append(f)
    flat_s = "".join(flat)
    text = "\n".join(text_lines)
    assert re.sub(r"\s+", "", text) == flat_s

    order = sorted(start, key=lambda a: start[a])
    gold_arts = []
    cursor = 0
    for a_id in order:
        a = arts[a_id]
        s, e = start[a_id], end[a_id]
        head_s = flat_s[s:s + 12]
        tail_s = flat_s[max(s, e - 12):e]
        i = flat_s.find(head_s, cursor)
        if i != s:
            return None
        j = flat_s.find(tail_s, i)
        if j + len(tail_s) != e:
            return None
        cursor = e
        subs = [x for x in (a.kicker, a.subtitle) if x]
        g = dict(title=a.title, subtitles=subs, kind=a.kind, head=head_s, tail=tail_s,
                 reporters=a.reporters, correspondents=a.correspondents, authors=a.authors,
                 photographers=a.photographers, districts=a.districts, continued_from=a.continued_from,
                 features=sorted(set(a.features)))
        if a.alternatives:
            g["title_alternatives"] = a.alternatives
        if a.column:
            g["column"] = a.column
            g["author_line"] = a.author_line
        if a.continues_to:
            g["continues_to"] = a.continues_to
        if a.note:
            g["note"] = a.note
        gold_arts.append(g)
    # bodies must not overlap
    for x, y in zip(order, order[1:]):
        if end[x] > start[y]:
            return None
    return page, text + "\n", gold_arts, unassigned


def encode(text: str, enc: str) -> bytes:
    if enc == "utf-8":
        return text.encode("utf-8")
    if enc == "utf-8-sig":
        return text.encode("utf-8-sig")
    if enc == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if enc == "gb18030":
        return text.encode("gb18030")
    if enc == "utf-16":
        return text.encode("utf-16")
    raise ValueError(enc)


def generate(out: Path, seed: int, n_pages: int) -> dict:
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    gold = {"generator": f"bench/heldout/generate.py --seed {seed} --pages {n_pages}",
            "conventions": "as /work/shared/eval/seeds.gold.json; extra keys: features (layout choices drawn "
                           "for the article), continues_to (a (下转第N版) marker follows the body and is "
                           "excluded from tail); page_features lists page-wide choices.",
            "pages": {}, "page_features": {}, "unassigned_lines": {}}
    for idx in range(n_pages):
        for attempt in range(200):
            rng = random.Random(f"heldout-{seed}-{idx}-{attempt}")
            res = build_page(rng, idx)
            if res:
                break
        else:
            raise SystemExit(f"page {idx}: could not build a consistent page")
        page, text, arts, unassigned = res
        h = hashlib.sha1(f"{seed}-{idx}".encode()).hexdigest()[:16]
        name = f"{idx:03d}_{h}.txt"
        (pages_dir / name).write_bytes(encode(text, page.encoding))
        gold["pages"][name] = arts
        gold["page_features"][name] = page.features
        gold["unassigned_lines"][name] = unassigned
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return gold


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="output folder (pages/ and gold.json are written there)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=40)
    args = ap.parse_args(argv)
    gold = generate(args.out, args.seed, args.pages)
    n = sum(len(v) for v in gold["pages"].values())
    print(f"wrote {len(gold['pages'])} pages, {n} gold articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
