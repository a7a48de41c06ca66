"""Generate OCR'd 劳动午报-like page files and their answer key (the scorer's gold format).

Written apart from the segmenter: the page kinds and their proportions come from the real
pages (the five seeds and the paper's web edition), not from the rules ingest follows.
Every article's text is generated (texts.py); place names come from the divisions
gazetteer in ../shared/data.

    python bench/heldout2/generate.py --seed 1 --pages 40 --out /tmp/h2
    → /tmp/h2/pages/*.txt, /tmp/h2/gold.json
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import texts as T  # noqa: E402

SHARED = Path("/work/shared")
if not SHARED.exists():
    SHARED = Path(__file__).resolve().parents[3] / "shared"

# how often each kind of printed page turns up: an 8-page weekday issue has one front page,
# one news/comment page, two union-news pages (the kind the seeds are), one rights page,
# one livelihood/feature page, one culture/supplement page and one special/ads page.
PAGE_KINDS = [("front", 1), ("comment", 1), ("union", 2), ("rights", 1), ("feature", 1),
              ("supplement", 1), ("notice", 1)]
SECTION = {"front": "要闻", "comment": "新闻·快评", "union": "工会", "rights": "维权",
           "feature": "民生", "supplement": "文苑雅舍", "notice": "专题"}


@dataclass
class Article:
    kind: str                                   # news | photo | column | continuation | ad
    title: str | None
    paras: list[str]                            # body paragraphs (bylines, credits included)
    kicker: str | None = None
    subtitle: str | None = None
    column: str | None = None                   # column header line, with its ■
    author_line: str | None = None              # printed before the body
    keep_lines: set[int] = field(default_factory=set)   # paragraphs printed line by line
    subheads: set[int] = field(default_factory=set)     # paragraphs that are 小标题
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    continued_from: str | None = None
    continued_to: str | None = None
    lead_marker: str | None = None              # (上接第１版), printed before the body
    features: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- vocabulary helpers

def load_places() -> dict[str, list[str]]:
    """District → its 街道/镇 names, leaving out names a reader could take for another district."""
    rows = list(csv.DictReader(open(SHARED / "data" / "beijing-divisions.csv", encoding="utf-8")))
    shorts = {r["district"]: r["district"][:-1] for r in rows}
    count: dict[str, int] = {}
    for r in rows:
        count[r["name"]] = count.get(r["name"], 0) + 1
    out: dict[str, list[str]] = {}
    for r in rows:
        if r["level"] not in ("街道", "镇"):
            continue
        name = r["name"]
        if count[name] > 1 or any(s in name for d, s in shorts.items() if d != r["district"]):
            continue
        out.setdefault(r["district"], []).append(name)
    return out


class Words:
    def __init__(self, rng: random.Random):
        self.r = rng
        self.places = load_places()
        self.used_names: set[str] = set()
        self.new_page()

    def new_page(self) -> None:
        self.used: set[str] = set()

    def fresh(self, pool: list, k: int = 1) -> list:
        """k items of pool not yet printed on this page (articles on one page must not share text)."""
        left = [x for x in pool if repr(x) not in self.used] or list(pool)
        out = self.r.sample(left, min(k, len(left)))
        self.used.update(repr(x) for x in out)
        return out

    def name(self) -> str:
        while True:
            n = self.r.choice(T.SURNAMES) + "".join(self.r.choice(T.GIVEN) for _ in range(self.r.choice([1, 2, 2])))
            if n not in self.used_names:
                self.used_names.add(n)
                return n

    def num(self, lo=3, hi=30) -> str:
        return str(self.r.randint(lo, hi))

    def when(self, month: int) -> str:
        return self.r.choice(["近日", "日前", "近日", f"{month}月{self.r.randint(1, 28)}日", "昨天",
                              f"{self.r.randint(1, 28)}日", "连日来"])

    def org(self):
        """(full org, headline form, districts) of an article's acting union."""
        r = self.r
        x = r.random()
        if x < 0.45:
            d = r.choice(sorted(self.places))
            return f"{d}总工会", r.choice([f"{d}总工会", f"{d[:-1]}工会", f"{d[:-1]}区总工会"]), [d]
        if x < 0.7:
            d = r.choice(sorted(self.places))
            p = r.choice(self.places[d])
            return f"{d}{p}总工会", f"{p[:-2] if p.endswith('街道') else p}工会", [d]
        if x < 0.88:
            c = r.choice(T.COMPANIES)
            return f"{c}{r.choice(T.SUBUNITS)}工会", f"{c[2:] if c.startswith('北京') else c}工会", []
        u = r.choice(T.INDUSTRY_UNIONS)
        return u, u.replace("北京市", "市"), []


def fill(template: str, w: Words, **slots) -> str:
    r = w.r
    base = dict(n=w.num(3, 20), n2=w.num(100, 3000), n3=w.num(30, 800), who=r.choice(T.WHO),
                site=r.choice(T.SITES), name=w.name(), role=r.choice(T.ROLES), q=r.choice(T.Q),
                q2=r.choice(T.Q2), goods="慰问品")
    base.update(slots)
    return template.format(**base)


# ---------------------------------------------------------------- article makers

def byline(w: Words, a: Article, photo_ok=False) -> str:
    r = w.r
    rep = [w.name() for _ in range(r.choice([1, 1, 1, 2]))]
    cor = [w.name() for _ in range(r.choice([0, 0, 1, 1, 2]))]
    if r.random() < 0.12:
        rep = []
        cor = cor or [w.name()]
    a.reporters, a.correspondents = rep, cor
    parts = []
    if rep:
        parts.append("记者" + " ".join(rep))
    if cor:
        parts.append("通讯员" + " ".join(cor))
    if len(rep) > 1 or len(cor) > 1:
        a.features.append("several_names")
    if not rep:
        a.features.append("correspondent_only")
    return "本报讯（" + " ".join(parts) + "）"


def news(w: Words, month: int, long=False, org=None) -> Article:
    r = w.r
    full, short, dists = org or w.org()
    topic = w.fresh(T.TOPICS)[0]
    who, site = r.choice(T.WHO), r.choice(T.SITES)
    goods = r.choice(topic["goods"])
    title = fill(r.choice(topic["heads"]), w, o=short, who=who, site=site)
    a = Article("news", title, [], districts=list(dists))
    opening = byline(w, a) + w.when(month) + "，" + full + fill(topic["act"], w, who=who, site=site, goods=goods) + "。"
    dets = [fill(s, w, who=who, site=site, o="工会") for s in topic["det"]]
    r.shuffle(dets)
    paras = [opening + (dets.pop() if r.random() < 0.5 else "")]
    pool = dets + [fill(s, w, o=r.choice(["区总工会", "工会", "该工会"])) for s in w.fresh(T.FOLLOW, 2)]
    pool.append(fill(w.fresh(T.QUOTE)[0], w, o=""))
    r.shuffle(pool)
    n_body = r.randint(2, 3) if not long else len(pool)
    k = 0
    while k < min(n_body, len(pool)):
        take = 2 if r.random() < 0.4 else 1
        paras.append("".join(pool[k:k + take]))
        k += take
    paras.append(fill(w.fresh(T.CLOSE)[0], w, o=r.choice(["工会", "区总工会", "该工会"])))
    if long:
        # long reports carry 小标题 between their parts
        heads = [f"{n}{h}" for n, h in zip(["一、", "二、", "三、"], ["加大投入 服务更精准", "创新方式 覆盖更广泛", "完善机制 保障更有力"])]
        if r.random() < 0.5:
            heads = ["■" + h[2:] for h in heads]
        extra = [fill(s, w, o="工会") for s in w.fresh(T.FOLLOW, 3)]
        for h, e in zip(heads, extra):
            a.subheads.add(len(paras))
            paras.append(h)
            paras.append(e + fill(r.choice(topic["det"]), w, who=who, site=site))
        a.features.append("subheads")
    a.paras = paras
    if r.random() < 0.3:
        a.kicker = r.choice(T.KICKERS)
        a.features.append("kicker")
    if r.random() < 0.3:
        a.subtitle = fill(r.choice(T.SUBS), w)
        a.features.append("subtitle")
    return a


def photo(w: Words, month: int) -> Article:
    r = w.r
    full, short, dists = w.org()
    topic = w.fresh(T.TOPICS)[0]
    who, site = r.choice(T.WHO), r.choice(T.SITES)
    cap = (w.when(month) + "，" + full + fill(topic["act"], w, who=who, site=site, goods=r.choice(topic["goods"]))
           + "。" + fill(r.choice(topic["det"]), w, who=who, site=site))
    a = Article("photo", None, [], districts=list(dists))
    x = r.random()
    p1, p2 = w.name(), w.name()
    if x < 0.35:
        credit, a.photographers = f"本报记者 {p1} 摄", [p1]
    elif x < 0.6:
        credit = f"本报记者 {p1} 通讯员 {p2} 摄影报道"
        a.photographers, a.reporters, a.correspondents = [p1, p2], [p1], [p2]
    elif x < 0.8:
        credit, a.photographers = f"{p1} 摄影报道", [p1]
    else:
        credit, a.photographers, a.correspondents = f"通讯员 {p1} 摄", [p1], [p1]
    if r.random() < 0.2:
        # a photo group: numbered pictures, one caption line each
        cap = cap + "".join(f"图{n}为{fill(s, w, who=who, site=site)}" for n, s in zip("①②③", ["职工在{site}参加活动。", "工作人员为{who}讲解政策。", "现场气氛热烈。"]))
        a.features.append("photo_group")
    a.paras = [cap + " " + credit] if r.random() < 0.5 else [cap, credit]
    a.title = r.choice(["工会送来“清凉包”", "技能比武显身手", "劳模带徒传技艺", "职工书屋迎新书", "健步走迎新春",
                        "律师现场解难题", "爱心托管班开课", "职工趣味运动会", "工会干部进社区", "岗位练兵忙"]) \
        if r.random() < 0.5 else fill(r.choice(topic["heads"]), w, o=short, who=who, site=site)
    a.features.append("photo_caption")
    return a


def brief(w: Words, month: int) -> Article:
    r = w.r
    full, short, dists = w.org()
    topic = w.fresh(T.TOPICS)[0]
    who, site = r.choice(T.WHO), r.choice(T.SITES)
    text = (w.when(month) + "，" + full + fill(topic["act"], w, who=who, site=site, goods=r.choice(topic["goods"])) + "。"
            + fill(r.choice(topic["det"]), w, who=who, site=site))
    name = w.name()
    a = Article("news", fill(r.choice(topic["heads"]), w, o=short, who=who, site=site), [], districts=list(dists))
    if r.random() < 0.4:
        text += f"（{name}）"
        a.authors = [name]
        a.features.append("brief_signed")
    a.paras = [text]
    a.features.append("brief")
    return a


def comment(w: Words, columned=True) -> Article:
    r = w.r
    t = w.fresh(T.COMMENT_TOPIC)[0]
    sents = [s.format(t=t) for s in w.fresh(T.COMMENT, r.randint(4, 6))]
    paras = ["".join(sents[i:i + 2]) for i in range(0, len(sents), 2)]
    author = w.name()
    a = Article("column" if columned else "news",
                r.choice([f"让{t}更有温度", f"{t}贵在落实", f"{t}不能流于形式", f"把{t}办到职工心坎上", f"{t}需要多方合力"]),
                paras, authors=[author])
    if columned:
        a.column = r.choice(["■午报快评", "■职工话题", "■维权评论", "新闻·快评"])
        a.features.append("comment_column")
    if r.random() < 0.5:
        a.paras[-1] += " " + "□" + r.choice(["", " "]) + author
        a.features.append("signature_end")
    else:
        a.author_line = "□" + r.choice(["", " "]) + author
        a.features.append("author_line")
    return a


def qa(w: Words, month: int) -> Article:
    r = w.r
    items = w.fresh(T.QA, r.randint(2, 3))
    a = Article("news", None, [])
    if r.random() < 0.5:
        lawyer = w.name()
        firm = r.choice(["北京市京工", "北京市惠民", "北京市正和", "北京市方圆"]) + "律师事务所"
        a.kind, a.column = "column", r.choice(["■律师说法", "■维权热线"])
        a.title = r.choice(["职工维权 律师来答", "您问我答", "这些劳动权益问题您了解吗"])
        a.author_line = f"{firm} 律师 {lawyer}" if r.random() < 0.5 else None
        a.authors = [lawyer]
        for q, ans in items:
            a.paras.append(r.choice(["读者问：", "问：", "职工问："]) + q)
            a.paras.append(r.choice(["律师答：", "答："]) + "".join(ans))
        if not a.author_line:
            a.paras.append(f"（{firm}律师 {lawyer}）")
            a.features.append("signature_end")
        a.features.append("qa_lawyer")
    else:
        rep, who = w.name(), w.name()
        full, short, dists = w.org()
        a.title = r.choice([f"{short}{who}：把法律服务送到职工身边", f"访{short}法律顾问{who}", "维权路上，工会怎样帮职工"])
        a.reporters, a.districts = [rep], list(dists)
        a.author_line = f"本报记者 {rep}"
        a.paras.append(f"{w.when(month)}，记者就职工关心的劳动权益问题采访了{full}法律顾问{who}。")
        for q, ans in items:
            a.paras.append("记者：" + q.replace("我", "职工"))
            a.paras.append(r.choice([f"{who}：", "答："]) + "".join(ans))
        a.features += ["qa_interview", "byline_line"]
    return a


def case(w: Words, month: int) -> Article:
    r = w.r
    q, ans = w.fresh(T.QA)[0]
    worker, rep = w.name(), w.name()
    a = Article("news", r.choice([f"职工{worker[0]}某讨薪记", "一份迟到的劳动合同", f"{worker[0]}女士的维权之路", "这笔加班费该不该给"]),
                [], reporters=[rep])
    a.author_line = f"本报记者 {rep}" + (f" 通讯员 {w.name()}" if r.random() < 0.4 else "")
    if "通讯员" in a.author_line:
        a.correspondents = [a.author_line.split("通讯员 ")[1]]
    a.paras = ["【案情】", f"{worker[0]}某于{r.randint(2015, 2021)}年入职一家物流公司，" + q.replace("我", f"{worker[0]}某").rstrip("？") + "，双方由此产生争议。",
               "【评析】", "".join(ans), "【提醒】", "遇到类似问题，职工可以拨打职工服务热线12351寻求帮助。"]
    a.subheads = {0, 2, 4}
    a.features += ["case_brackets", "byline_line"]
    if r.random() < 0.4:
        a.column = "■举案说法"
    return a


def feature(w: Words, month: int) -> Article:
    r = w.r
    hero, rep = w.name(), w.name()
    c = r.choice(T.COMPANIES)
    who = r.choice(T.WHO)
    a = Article("news", r.choice([f"{hero}：{r.randint(10, 30)}年守护一方平安", f"{hero}的“匠心”人生", f"{who}{hero}的一天",
                                  f"把平凡岗位干出彩"]), [], reporters=[rep])
    a.subtitle = f"——记{c}{who}{hero}" if r.random() < 0.6 else None
    if a.subtitle:
        a.features.append("dash_subtitle")
    line = f"本报记者 {rep}"
    if r.random() < 0.4:
        cor = w.name()
        a.correspondents = [cor]
        line += f" 通讯员 {cor}"
    if r.random() < 0.3:
        line = f"文/本报记者 {rep} 图/{a.correspondents[0] if a.correspondents else w.name()}"
    a.author_line = line
    sents = [fill(s, w, who=who, site=r.choice(T.SITES)) for s in
             [f"早上六点，{hero}已经出现在{{site}}。", "他总说，干一行就要爱一行、钻一行。", f"入职{r.randint(8, 25)}年来，{hero}先后获得多项荣誉称号。",
              "遇到技术难题，他总是第一个冲上去。", "徒弟们都说，跟着师傅学到的不只是技术，更是做人的道理。",
              "“{q}。”谈起工作，他这样说。", "工作之余，他还带领班组开展技术革新，累计提出合理化建议{n}条。",
              "如今，他的创新成果已在全系统推广应用。", "对于未来，他有着朴素的愿望：把手上的活儿干好，把技术传下去。"]]
    paras = ["".join(sents[i:i + 2]) for i in range(0, len(sents), 2)]
    if r.random() < 0.5:
        paras.insert(2, "“一定要干在前头”")
        paras.insert(5 if len(paras) > 5 else len(paras), "“技术要传下去”")
        a.subheads = {2, min(5, len(paras) - 1)}
        a.features.append("quoted_subheads")
    if r.random() < 0.25:
        paras.insert(0, "编者按：" + r.choice(["在首都的大街小巷，有这样一群人默默坚守在平凡岗位上。", "本报今起推出系列报道，讲述一线职工的奋斗故事。"])
                     + "他们的故事，值得被更多人看见。")
        a.features.append("editor_note")
    a.paras = paras
    a.features.append("byline_line")
    if r.random() < 0.3:
        a.column = r.choice(["■身边的劳模", "■我的岗位"])
        a.features.append("column_header")
    return a


def essay(w: Words) -> Article:
    r = w.r
    author = w.name()
    wkr = r.choice(T.WHO)
    a = Article("news", r.choice(T.ESSAY_TITLES), [], authors=[author])
    if r.random() < 0.3:
        lines = w.fresh(T.POEM, r.randint(6, 8))
        a.paras = ["\n".join(lines[:len(lines) // 2]), "\n".join(lines[len(lines) // 2:])]
        a.keep_lines = {0, 1}
        a.features.append("poem")
    else:
        d = r.choice(sorted(w.places))
        p = r.choice(w.places[d])
        picked = w.fresh(T.ESSAY, r.randint(5, 7))
        sents = [s.format(w=wkr, p=p) for s in picked]
        if any("{p}" in s for s in picked):
            a.districts = [d]
        a.paras = ["".join(sents[i:i + 2]) for i in range(0, len(sents), 2)]
    sig = "□" + author + r.choice(["", " 文/图", ""])
    if r.random() < 0.55:
        a.author_line = sig
        a.features.append("author_line")
    else:
        a.paras.append(sig)
        a.features.append("signature_end")
    if r.random() < 0.6:
        a.kind, a.column = "column", r.choice(["■职工文苑", "■岁月留痕", "■心灵驿站", "■劳动者之歌"])
        a.features.append("column_header")
    return a


def notice_list(w: Words, month: int, year: int) -> Article:
    r = w.r
    title = r.choice([f"关于{year}年度北京市优秀工会工作者拟表彰名单的公示", f"{year}年首都职工技能大赛获奖名单",
                      f"关于{year}年北京市工人先锋号拟命名名单的公示"])
    rows = []
    for _ in range(r.randint(6, 12)):
        c = r.choice(T.COMPANIES)
        rows.append(f"{c}{r.choice(T.SUBUNITS)} {w.name()}")
    a = Article("news", title, [])
    a.paras = [f"根据评选工作安排，经基层推荐、审核评议，现将拟表彰名单予以公示。公示期为{month}月{r.randint(1, 20)}日至{month}月{r.randint(21, 28)}日。",
               "\n".join(rows),
               f"公示期间，如有异议，请以书面形式向北京市总工会反映。联系电话：{r.randint(6000, 6999)}{r.randint(1000, 9999)}。",
               f"北京市总工会 {year}年{month}月{r.randint(1, 28)}日"]
    a.keep_lines = {1}
    a.features += ["list", "notice"]
    return a


def table_news(w: Words, month: int) -> Article:
    a = news(w, month)
    r = w.r
    rows = ["单位 参与人数 发放物资（份）"]
    for c in r.sample(T.COMPANIES, 4):
        rows.append(f"{c} {r.randint(50, 900)} {r.randint(100, 5000)}")
    a.paras.insert(2, "\n".join(rows))
    a.keep_lines = {2}
    a.features.append("table")
    return a


def ad(w: Words) -> Article:
    r = w.r
    lines = [s.format(tel=f"{r.randint(6000, 6999)}{r.randint(1000, 9999)}", addr="北京市" + r.choice(["东三环中路", "西四环北路", "建国路", "学院路"]) + f"{r.randint(1, 99)}号",
                      job=r.choice(T.JOBS), co=r.choice(T.COMPANIES) + "服务部", co2="北京" + r.choice(["恒达", "顺和", "永信"]) + "商贸有限公司")
             for s in r.choice(T.AD_LINES)]
    a = Article("ad", None, ["\n".join(lines)], keep_lines={0})
    a.features.append("ad_" + ("lone" if lines == ["广告"] else "copy"))
    return a


def continuation(w: Words, month: int) -> Article:
    r = w.r
    a = news(w, month)
    a.kind, a.kicker, a.subtitle = "continuation", None, None
    a.paras = a.paras[1:]          # no 本报讯 opening: it was printed on the page before
    x = r.random()
    if x < 0.6:
        a.title = None
        a.lead_marker = r.choice(["(上接第１版)", "（上接第1版）", "(上接第1版)"])
        a.continued_from = "第1版"
        a.features.append("jump_in_marker")
    elif x < 0.8:
        a.lead_marker = r.choice(["(上接第１版)", "（上接第1版）"])
        a.continued_from = "第1版"
        a.features.append("jump_in_titled")
    else:
        a.title = None
        a.features.append("jump_in_marker_lost")
    a.features = [f for f in a.features if f not in ("kicker", "subtitle")]
    return a


# ---------------------------------------------------------------- page plans

def plan(kind: str, w: Words, month: int, year: int, page_no: int) -> list[Article]:
    r = w.r
    arts: list[Article] = []
    if kind == "front":
        lead = news(w, month, long=True)
        lead.kicker = lead.kicker or r.choice(T.KICKERS)
        lead.features = [f for f in lead.features if f != "kicker"] + ["kicker", "front_lead"]
        if r.random() < 0.6:
            lead.continued_to = f"第{r.randint(2, 5)}版"
            lead.paras.append(f"（下转第{lead.continued_to[1]}版）" if r.random() < 0.5 else f"(下转第{lead.continued_to[1]}版)")
            lead.features.append("jump_out_marker")
        arts.append(lead)
        arts += [news(w, month) for _ in range(r.randint(1, 2))]
        if r.random() < 0.6:
            arts.append(photo(w, month))
        arts += [brief(w, month) for _ in range(r.randint(2, 4))]
    elif kind == "comment":
        arts += [news(w, month) for _ in range(r.randint(2, 3))]
        arts += [comment(w, columned=r.random() < 0.75) for _ in range(r.randint(2, 3))]
        if r.random() < 0.5:
            arts.append(photo(w, month))
    elif kind == "union":
        if r.random() < 0.35:
            arts.append(continuation(w, month))
        arts += [news(w, month) for _ in range(r.randint(4, 7))]
        for _ in range(r.choice([0, 1, 1, 2])):
            arts.insert(r.randint(0, len(arts)), photo(w, month))
        if r.random() < 0.4:
            arts.insert(r.randint(0, len(arts)), essay_diary(w, month))
        if r.random() < 0.35:
            arts.insert(r.randint(1, len(arts)), ad(w))
    elif kind == "rights":
        arts.append(qa(w, month))
        arts.append(case(w, month))
        arts += [news(w, month) for _ in range(r.randint(1, 3))]
        if r.random() < 0.5:
            arts.append(comment(w))
        r.shuffle(arts)
    elif kind == "feature":
        arts.append(feature(w, month))
        arts += [news(w, month) for _ in range(r.randint(1, 2))]
        if r.random() < 0.6:
            arts.append(table_news(w, month))
        if r.random() < 0.5:
            arts.append(qa(w, month))
        r.shuffle(arts)
    elif kind == "supplement":
        arts += [essay(w) for _ in range(r.randint(3, 5))]
        if r.random() < 0.4:
            arts.append(photo(w, month))
    elif kind == "notice":
        arts.append(notice_list(w, month, year))
        arts += [news(w, month) for _ in range(r.randint(1, 3))]
        arts += [ad(w) for _ in range(r.randint(1, 2))]
        r.shuffle(arts)
    return arts


def essay_diary(w: Words, month: int) -> Article:
    """A signed diary or experience piece under a column header, as on the union pages."""
    r = w.r
    author = w.name()
    org = r.choice(T.INDUSTRY_UNIONS + T.CITY_ORGS)
    d = r.choice(sorted(w.places))
    p = r.choice(w.places[d])
    sents = [f"{month}月{r.randint(1, 28)}日，我来到{d}{p}报到，开始了新的工作。"] + \
        [s.format(w=r.choice(T.WHO), p=p) for s in w.fresh(T.ESSAY, 5)]
    a = Article("column", r.choice(["在基层的日子里", "一次难忘的走访", "职工的笑脸就是动力", "沉下去才能听得见"]),
                ["".join(sents[i:i + 2]) for i in range(0, len(sents), 2)], authors=[author], districts=[d])
    a.column = r.choice(["■工会干部下沉日记", "■我的岗位"])
    a.author_line = f"{org} {author}"
    a.features += ["column_header", "author_line", "affiliation_author"]
    return a


# ---------------------------------------------------------------- OCR rendering

NO_LINE_START = set("，。、；：？！）”’》 ,.;:?!)")
HALF = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "！": "!", "？": "?"})
PUNCT_SPACE = re.compile(r"([，、；：。）])")


class Style:
    def __init__(self, r: random.Random):
        x = r.random()
        # narrow columns with stray spaces (four of the five seeds), long lines with
        # half-width punctuation (the fifth), or clean wide lines
        self.name = "column" if x < 0.55 else "long" if x < 0.85 else "wide"
        self.width = r.randint(11, 14) if self.name == "column" else r.randint(18, 26)
        self.r = r

    def damage(self, text: str) -> str:
        r = self.r
        if self.name == "long":
            return text.translate(HALF)
        if self.name == "column":
            text = PUNCT_SPACE.sub(lambda m: m.group(1) + (" " if r.random() < 0.45 else ""), text)
            text = re.sub(r"（", lambda m: " （" if r.random() < 0.6 else "（", text)
            text = re.sub(r"“", lambda m: " “" if r.random() < 0.35 else "“", text)
            if r.random() < 0.08 and len(text) > 30:
                i = r.randint(0, len(text) - 16)
                j = i + r.randint(6, 14)
                text = text[:i] + " ".join(text[i:j]) + text[j:]
        return text

    def wrap(self, text: str) -> list[str]:
        if self.name == "long":
            # long-line OCR breaks only at the bottom of a column, now and then mid-sentence
            if len(text) > 90 and self.r.random() < 0.35:
                k = self.r.randint(40, len(text) - 20)
                return [text[:k], "", text[k:]]
            return [text]
        lines, cur, width = [], "", 0.0
        for ch in text:
            cw = 0.5 if ch.isascii() else 1.0
            # typesetting keeps closing punctuation off the start of a line
            if width + cw > self.width and cur and ch not in NO_LINE_START:
                lines.append(cur)
                cur, width = "", 0.0
            cur += ch
            width += cw
        if cur:
            lines.append(cur)
        return lines


RUN_ON = "\x00"   # marks a headline line the OCR ran into the next line


def double(line: str) -> str:
    return "".join(ch * 2 if not ch.isspace() else ch for ch in line)


def render_head(a: Article, st: Style, r: random.Random) -> list[str]:
    out = []
    title = a.title or ""
    doubled = a.kind == "photo" and r.random() < 0.7 or r.random() < 0.08
    if a.kicker:
        out.append(a.kicker)
    t_lines = [title]
    if len(title) > 10 and (doubled or r.random() < 0.12):
        k = r.randint(len(title) // 2, len(title) - 2)
        t_lines = [title[:k], title[k:]]
        a.features.append("title_wrapped")
    if doubled:
        t_lines = [double(t) for t in t_lines]
        a.features.append("doubled_title")
    out += t_lines
    if a.subtitle:
        out.append(a.subtitle)
    if st.name == "long":
        out = [o.translate(HALF) for o in out]
    return out


def render_page(arts: list[Article], st: Style, r: random.Random, header: list[str], footer: list[str],
                banner: str | None, group_header: str | None):
    """Lay the articles out as OCR reads them; return page lines and each body's line range."""
    lines: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    late: list[list[str]] = []          # headlines the OCR read at the end of the page
    unassigned: list[str] = []

    def blank():
        if lines and lines[-1] != "":
            lines.append("")

    lines += [""]
    if header:
        lines += header
        blank()
        unassigned += header
    banner_at = r.randint(1, max(1, len(arts) - 1)) if banner else -1
    group_at = next((i for i, a in enumerate(arts) if "brief" in a.features), -1) if group_header else -1
    col_since = 0
    # where the OCR put each headline stack: above the body, under it (as on four of the
    # five seeds), or at the end of the page; and whether the column header and the
    # author line come before the headline
    wheres, col_afters, author_firsts = [], [], []
    for a in arts:
        x = r.random()
        where = "before" if x < 0.5 or not a.title else "after" if x < 0.95 else "late"
        if a.kind == "photo" and a.title:
            where = "after" if r.random() < 0.7 else "before"
        wheres.append(where)
        col_afters.append(bool(a.column) and r.random() < 0.35)
        author_firsts.append(bool(a.author_line) and r.random() < 0.4)
    for i, a in enumerate(arts):
        if i == banner_at:
            blank(); lines.append(banner); blank()
            unassigned.append(banner)
        if i == group_at:
            blank(); lines.append(group_header); blank()
            unassigned.append(group_header)
        head = render_head(a, st, r) if a.title else ([a.kicker] if a.kicker else [])
        where, col_after, author_first = wheres[i], col_afters[i], author_firsts[i]
        if where != "before" and a.title:
            a.features.append("headline_after_body" if where == "after" else "headline_far")
        if a.column and not col_after:
            blank(); lines.append((" " if r.random() < 0.4 else "") + a.column); blank()
        if author_first:
            lines.append(" " + a.author_line); blank()
        if where == "before":
            blank(); lines += head; blank()
        if a.author_line and not author_first:
            lines.append((" " if r.random() < 0.5 else "") + a.author_line); blank()
        if a.lead_marker:
            lines.append(a.lead_marker)
        start = len(lines)
        for pi, p in enumerate(a.paras):
            if pi in a.keep_lines:
                body = [st.damage(l) if st.name != "long" else l.translate(HALF) for l in p.split("\n")]
            elif pi in a.subheads:
                body = [p if st.name != "long" else p.translate(HALF)]
                blank() if r.random() < 0.7 else None
            else:
                body = st.wrap(st.damage(p))
            for l in body:
                lines.append(l)
                col_since += 1
                if st.name == "column" and col_since > r.randint(14, 26):
                    lines.append("")          # a column ends, often mid-sentence
                    col_since = 0
            if r.random() < 0.85:
                blank()
        while lines and lines[-1] == "":
            lines.pop()
        spans[i] = (start, len(lines))
        blank()
        if where == "after":
            # a headline the OCR ran into the first body line of the next article
            nxt = i + 1
            if (r.random() < 0.15 and nxt < len(arts) and wheres[nxt] != "before" and not arts[nxt].lead_marker
                    and not (arts[nxt].column and not col_afters[nxt]) and not arts[nxt].author_line
                    and nxt != banner_at and nxt != group_at):
                lines.append(" ".join(head) + RUN_ON)
                a.features.append("title_run_on")
                continue
            lines += head; blank()
        elif where == "late":
            late.append(head)
        if col_after:
            lines.append(" " + a.column); blank()
            a.features.append("column_header_after")
    for head in late:
        if head:
            blank(); lines += head; blank()
    if footer:
        blank(); lines += footer
        unassigned += footer
    lines.append("")
    lines = [l if l.endswith(RUN_ON) else l.rstrip() for l in lines]
    return lines, spans, unassigned


# ---------------------------------------------------------------- the key

def flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


def make_page(r: random.Random, w: Words, idx: int, kind: str):
    year = r.choice([2019, 2020, 2021, 2022, 2023])
    month = r.randint(1, 12)
    day = r.randint(1, 28)
    date = dt.date(year, month, day)
    page_no = 1 if kind == "front" else r.randint(2, 8)
    w.new_page()
    arts = plan(kind, w, month, year, page_no)
    st = Style(r)
    for a in arts:
        a.features.append("style_" + st.name)
    header, footer = [], []
    wk = "一二三四五六日"[date.weekday()]
    if r.random() < 0.35:
        header = [f"{year}年{month}月{day}日 星期{wk}", f"第{page_no}版 {SECTION[kind]}" if r.random() < 0.5 else f"{SECTION[kind]} 第{page_no}版"]
    if r.random() < 0.3:
        footer = [f"责任编辑 {w.name()}" + (f" 美编 {w.name()}" if r.random() < 0.5 else "")]
        if r.random() < 0.3:
            footer.append(r.choice(["本版邮箱：ldwb_news@example.cn", "新闻热线：6" + str(r.randint(1000000, 9999999))]))
    if kind == "front" and r.random() < 0.6:
        # 今日导读: one line per story inside the issue, with its page
        footer = ["今日导读"] + [f"▶{fill(r.choice(t['heads']), w, o=w.org()[1], who=r.choice(T.WHO), site=r.choice(T.SITES))} {r.randint(2, 8)}版"
                                for t in r.sample(T.TOPICS, 3)] + footer
    banner = r.choice(["学习贯彻全会精神 谱写首都工会新篇章", "同心抗疫 工会在行动", "我为职工办实事"]) if r.random() < 0.12 else None
    group = r.choice(T.BRIEF_HEADERS) if any("brief" in a.features for a in arts) else None
    # the run-on headline makes line bookkeeping fiddly; render, then locate bodies by text
    lines, spans, unassigned = render_page(arts, st, r, header, footer, banner, group)
    text = "\n".join(lines)
    # glue run-on headlines (a line ending in a space) to the following line
    text = text.replace(RUN_ON + "\n", " ")
    name = f"{idx:03d}_{hashlib.sha1(f'{idx}{text[:50]}'.encode()).hexdigest()[:16]}.txt"
    gold = []
    for i, a in enumerate(arts):
        s, e = spans[i]
        body = "\n".join(lines[s:e])
        fb = flat(body)
        entry = dict(title=a.title, subtitles=[x for x in (a.kicker, a.subtitle) if x], kind=a.kind,
                     head=fb[:12], tail=fb[-12:], reporters=a.reporters, correspondents=a.correspondents,
                     authors=a.authors, photographers=a.photographers, districts=a.districts,
                     continued_from=a.continued_from, dates_mentioned=[], features=sorted(set(a.features)),
                     _flat=fb)
        if a.column:
            entry["column"] = a.column.lstrip("■ ").strip()
        if a.author_line:
            entry["author_line"] = a.author_line
        if a.continued_to:
            entry["continued_to"] = a.continued_to
        if a.title and (a.kicker or a.subtitle) and not (a.kicker and a.subtitle):
            other = a.kicker or a.subtitle
            if not other.startswith("——"):
                # two stacked lines in one type size: which is the main headline cannot
                # be told from the text
                entry["title_alternatives"] = [other]
        gold.append(entry)
    return name, text, gold, unassigned, kind, st.name


def fix_heads(text: str, gold: list[dict]) -> None:
    """Lengthen head/tail where the scorer's left-to-right search would find the wrong place."""
    fl = flat(text)
    cursor = 0
    for g in gold:
        fb = g.pop("_flat")
        want = fl.find(fb, cursor)
        if want < 0:
            raise SystemExit(f"body not in page text: {g['head']}")
        n = 12
        while True:
            head = fb[:n]
            i = fl.find(head, cursor)
            if i < 0:
                i = fl.find(head)
            if i == want or n >= len(fb):
                break
            n += 4
        g["head"] = fb[:n]
        m = 12
        while True:
            tail = fb[-m:]
            j = fl.find(tail, want)
            if j + len(tail) == want + len(fb) or m >= len(fb):
                break
            m += 4
        g["tail"] = fb[-m:]
        cursor = want + len(fb)


def generate(seed: int, n_pages: int, out: Path) -> dict:
    r = random.Random(seed)
    w = Words(r)
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    kinds = [k for k, n in PAGE_KINDS for _ in range(n)]
    key = {"pages": {}, "page_kinds": {}, "unassigned_lines": {},
           "conventions": "as ../shared/eval/seeds.gold.json; extra keys: features (layout features of the "
                          "article, for the breakdown), page_kinds (page kind and OCR style of each page)"}
    for idx in range(n_pages):
        kind = r.choice(kinds)
        name, text, gold, unassigned, kind, style = make_page(r, w, idx, kind)
        fix_heads(text, gold)
        (pages_dir / name).write_text(text, encoding="utf-8")
        key["pages"][name] = gold
        key["page_kinds"][name] = {"kind": kind, "style": style}
        key["unassigned_lines"][name] = [{"text": u, "why": "page header, footer, banner or group header"} for u in unassigned]
    (out / "gold.json").write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    return key


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    key = generate(args.seed, args.pages, args.out)
    n = sum(len(v) for v in key["pages"].values())
    print(f"{len(key['pages'])} pages, {n} articles → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
