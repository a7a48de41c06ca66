"""Real articles of the paper laid out as raw OCR page files, with the gold key.

The text is the corpus's (real bodies, bylines, credits, the site's headline where it has
one); how a page is set and read by the OCR is heldout3's printer and page assembler
(bench/heldout3, itself written apart from the segmenter from the five seeds): column lines
of 11–16 characters broken mid-word or whole paragraphs, headlines before, after or far from
their bodies, doubled photo titles, banners, furniture. What this module adds is what real
text brings that invented text did not: the paper's own bylines and credits, long and short
bodies, paragraphs that open with quotes or dates, headlines with spaces and quotes, kickers,
jump lines, continuation halves of real reports, captions inside a report, signatures.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import random
import re
from pathlib import Path

from heldout3.generate import assemble, gold_entry as _gold_entry
from heldout3.printing import Printer, flatten, spans
from heldout3.stories import Story
from realtext.corpus import DISTRICTS, OLD_NAMES, districts_of

# Page kinds, as the corpus can fill them: it is nearly all union news (the site's stored
# pages), so most pages are union-news pages like the seeds; a front page takes a lead with
# its jump line; a page of briefs runs short reports under a banner; a features page mixes
# letters and essays with photos.
PAGE_KINDS = [("union", 55), ("front", 15), ("briefs", 15), ("features", 15)]
MODES = [("column", 75), ("paragraph", 25)]      # four seeds of five are column OCR

# Punctuation the site prints half-width between Chinese characters; the paper prints it
# full-width (the column seeds), and the paragraph engine turns it half-width again.
FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_CJK = r"[\u4e00-\u9fff“”‘’《》、。（）]"


def full_width(text: str) -> str:
    text = re.sub(rf"(?<={_CJK})\s*([,:;!?])\s*|\s*([,:;!?])\s*(?={_CJK})",
                  lambda m: FULL[m.group(1) or m.group(2)], text)
    text = re.sub(r"\(([^()]*)\)", lambda m: "（" + m.group(1) + "）" if re.search(_CJK, m.group(1)) else m.group(0), text)
    return text


def byline_form(p: str) -> str:
    """本报讯 (记者 马超) 近日 → 本报讯（记者 马超）近日, the form the printer spaces out."""
    return re.sub(r"^本报讯\s*[（(]\s*([^）)]*?)\s*[）)]\s*", r"本报讯（\1）", p)


# Headlines the generator writes itself for articles the corpus has no headline for: a
# subject read from the body (its union or unit) and a predicate from this small list.
PREDICATES = [("疫情", "助力疫情防控"), ("大篷车", "志愿服务大篷车进社区"), ("慰问", "慰问一线职工"), ("送清凉", "为一线职工送清凉"), ("妈咪", "母婴室投入使用"),
              ("母婴", "母婴室投入使用"), ("体检", "组织劳模健康体检"), ("垃圾分类", "开展垃圾分类宣传"),
              ("授牌", "为先进职工之家授牌"), ("文化", "送文化进企业"), ("二次报销", "完成二次报销赔付"),
              ("志愿", "志愿服务走进社区"), ("送温暖", "启动送温暖活动"), ("当选", "召开全委扩大会"),
              ("西瓜", "职工风采展演举办")]
# Photos' invented titles name no topic: a topical one given to another photo's caption (集体理发
# over a reading room) would score a right assignment as wrong.
PHOTO_TITLES = ["一线写真", "镜头里的坚守", "身边的温暖", "劳动者的一天", "暖心时刻", "定格美好"]
SHORT = {d: d[:-1] for d in DISTRICTS}
COLUMN_TITLES = ["我与午报的缘分", "一份报纸的温度", "午报伴我成长", "快递里的年味", "写在午报边上"]
def subject_of(text: str) -> str:
    """The union a report is about, as a headline names it: a district's (or its street's or
    town's) union, the city federation, or a unit's own union."""
    for d in list(OLD_NAMES) + DISTRICTS:
        m = re.search(re.escape(d) + r"([\u4e00-\u9fff]{2,5}?(?:街道|镇|乡))?总工会", text)
        if m:
            return (SHORT.get(d, d) if m.group(1) else d) + (m.group(1) or "") + "总工会"
    m = re.search(r"([\u4e00-\u9fff]{2,5}?(?:街道|镇))总工会", text)
    if m:
        return m.group(0)
    if "市总工会" in text:
        return "市总工会"
    m = re.search(r"(?:^|[，。、])([\u4e00-\u9fff]{2,6}?(?:集团|公司|医院|园区|工会))工会", text)
    return m.group(1) + "工会" if m else "首都职工"


def invented_title(art: dict, k: int) -> str:
    if art["kind"] == "photo":
        return PHOTO_TITLES[k % len(PHOTO_TITLES)]
    if art["kind"] == "column":
        return COLUMN_TITLES[k % len(COLUMN_TITLES)]
    body = "".join(art["paragraphs"])
    pred = next((p for key, p in PREDICATES if key in body), "开展职工服务活动")
    return subject_of(body) + pred


def story_of(art: dict, k: int, r: random.Random) -> Story:
    paras = [byline_form(full_width(p)) for p in art["paragraphs"]]
    title = art.get("headline") or invented_title(art, k)
    st = Story(art["kind"], genre="report", title=title, kicker=art.get("kicker"), subtitle=art.get("subtitle"),
               paras=paras, reporters=list(art["reporters"]), correspondents=list(art["correspondents"]),
               districts=list(art["districts"]), jump=art.get("jump"))
    tails = [full_width(x) for x in (art.get("signature"), art.get("caption")) if x]
    st.tail_lines = tails
    sig = art.get("signature") or ""
    if art["kind"] == "photo":
        st.genre = "wire photo" if "新华社" in sig else "photo"
        st.photographers = [n for n in re.findall(r"本报记者\s*(\S{2,3}?)\s*摄", sig)]
        st.wide = r.random() < 0.4
    elif art["kind"] == "column":
        st.genre = "column"
        if sig.startswith("□"):
            st.authors = [sig.lstrip("□").split()[-1]]
    elif st.jump:
        st.genre = "lead"
    elif not art.get("byline"):
        st.genre = "unbylined report"
    elif art.get("kicker") or art.get("subtitle"):
        st.genre = "report with kicker"
    return st


def continuation_of(art: dict, k: int, r: random.Random) -> Story | None:
    """The second half of a real report, as a page carries it under (上接第１版)."""
    paras = art["paragraphs"]
    if art["kind"] != "news" or len(paras) < 3:
        return None
    cut = r.randint(1, len(paras) - 2)
    body = [full_width(p) for p in paras[cut:]]
    return Story("continuation", "continuation", paras=body, continued_from="第1版",
                 districts=districts_of("".join(body)),
                 marker=r.choice(["(上接第１版)", "（上接第1版）", "(上接第1版)"]))


def ad_story() -> Story:
    # seed 3: a lone 广告 line stands for an advertisement block
    return Story("ad", "ad", paras=["广告"], verse=True)


def gold_entry(s: Story, flat: str, span: tuple[int, int], cursor: int) -> dict | None:
    """heldout3's gold entry, with head and tail kept inside a body shorter than 12
    characters (a lone 广告 line: seed 3's key has head 广告, tail 广告)."""
    a, b = span
    if b - a >= 12:
        return _gold_entry(s, flat, span, cursor)
    e = _gold_entry(s, flat[:b] + "\x00" * 12, span, cursor)
    if e is None or flat.find(flat[a:b], cursor) != a:
        return None
    e["head"] = e["tail"] = flat[a:b]
    return e


def weighted(r: random.Random, table):
    return r.choices([k for k, _ in table], weights=[w for _, w in table])[0]


class Deck:
    """Deals the corpus's articles round after round, so that every article is printed about
    as often as any other, each time on another page in another layout."""

    def __init__(self, arts: list[dict], r: random.Random):
        self.arts, self.r, self.order = arts, r, []
        self.uses = [0] * len(arts)

    def take(self, ok, avoid: set[int]) -> int | None:
        for _ in range(2):
            if not self.order:
                self.order = list(range(len(self.arts)))
                self.r.shuffle(self.order)
            for n, i in enumerate(self.order):
                if i not in avoid and ok(self.arts[i]):
                    self.order.pop(n)
                    self.uses[i] += 1
                    return i
            self.order = []
        cands = [i for i, a in enumerate(self.arts) if i not in avoid and ok(a)]
        if not cands:
            return None
        i = min(cands, key=lambda j: (self.uses[j], self.r.random()))
        self.uses[i] += 1
        return i


def short(a: dict) -> bool:
    return a["kind"] == "news" and sum(len(p) for p in a["paragraphs"]) < 420


def page_plan(kind: str, deck: Deck, r: random.Random):
    """(stories, article index of each or None, banners, furniture)."""
    arts = deck.arts
    picked: list[int | None] = []
    stories: list[Story] = []
    banners: dict[int, str] = {}
    furniture: list[tuple[str, list[str]]] = []
    used: set[int] = set()

    def add(ok=lambda a: True, at=None, cont=False):
        i = deck.take(ok, used)
        if i is None:
            return
        used.add(i)
        s = continuation_of(arts[i], i, r) if cont else story_of(arts[i], i, r)
        if s is None:
            return
        k = len(stories) if at is None else at
        stories.insert(k, s)
        picked.insert(k, i)

    year, month, day = r.randint(2015, 2024), r.randint(1, 12), r.randint(1, 28)
    date = f"{year}年{month}月{day}日 星期{'一二三四五六日'[_dt.date(year, month, day).weekday()]}"
    if kind == "front":
        furniture.append(("masthead and date line", ["劳动午报", date, f"今日{r.choice(['8', '12', '16'])}版 第{r.randint(5000, 9000)}期"]))
        add(lambda a: bool(a.get("jump")) or (a["kind"] == "news" and len(a["paragraphs"]) >= 3))
        if stories and not stories[0].jump:
            stories[0].jump = r.choice(["（下转第3版）", "(下转第4版)", "转第2版"])
            stories[0].genre = "lead"
        for _ in range(r.randint(2, 3)):
            add(lambda a: a["kind"] == "news")
        if r.random() < 0.6:
            add(lambda a: a["kind"] == "photo", at=r.randint(1, len(stories)))
        heads = [a["headline"] for a in arts if a.get("headline")]
        toc = [f"{r.choice(['■', '▲', ''])}{t} {r.randint(2, 8)}版" for t in r.sample(heads, min(len(heads), r.randint(3, 4)))]
        furniture.append(("front-page contents box (导读)", [r.choice(["导读", "今日导读", "■导读"])] + toc))
    elif kind == "union":
        for _ in range(r.randint(4, 7)):
            add(lambda a: a["kind"] == "news")
        for _ in range(r.choice([0, 1, 1, 2])):
            add(lambda a: a["kind"] == "photo", at=r.randint(0, len(stories)))
        if r.random() < 0.2:
            add(lambda a: a["kind"] == "column", at=r.randint(0, len(stories)))
        if r.random() < 0.45:
            add(lambda a: a["kind"] == "news", cont=True)
        if r.random() < 0.3:
            k = r.randint(len(stories) // 2, len(stories))
            stories.insert(k, ad_story())
            picked.insert(k, None)
        if r.random() < 0.3 and stories:
            banners[r.randint(0, len(stories) - 1)] = r.choice(["同心抗疫 工会在行动", "为职工办实事", "工会温暖 伴你同行",
                                                              "喜迎二十大 建功新时代"])
    elif kind == "briefs":
        for _ in range(r.randint(1, 2)):
            add(lambda a: a["kind"] == "news" and not short(a))
        k = len(stories)
        for _ in range(r.randint(3, 5)):
            add(short)
        banners[k] = r.choice(["简讯", "工会动态", "短讯", "区县工会"])
        if r.random() < 0.4:
            add(lambda a: a["kind"] == "photo")
    else:   # features
        for _ in range(r.randint(1, 3)):
            add(lambda a: a["kind"] == "column")
        for _ in range(r.randint(1, 2)):
            add(lambda a: a["kind"] == "photo", at=r.randint(0, len(stories)))
        for _ in range(r.randint(1, 2)):
            add(lambda a: a["kind"] == "news")
    for s in stories:       # a column piece carries its column's banner half the time
        if s.kind == "column" and r.random() < 0.5:
            s.column = r.choice(["我与午报", "编读往来", "职工心声", "漫画"])
    labels = sorted({a["page_label"] for a in arts if a.get("page_label")})
    if labels and kind != "front" and r.random() < 0.25:      # a folio line the OCR kept
        lab = r.choice(labels).replace("第", "").replace("版:", " ")
        furniture.append(("folio line", [f"{lab} {date}"]))
    return stories, picked, banners, furniture


def make_page(arts: list[dict], deck: Deck, seed: int, index: int):
    for attempt in range(30):
        r = random.Random(f"realtext:{seed}:{index}:{attempt}")
        kind = weighted(r, PAGE_KINDS)
        mode = weighted(r, MODES)
        snapshot = (list(deck.order), list(deck.uses))
        stories, picked, banners, furniture = page_plan(kind, deck, r)
        p = Printer(r, mode)
        lines, unassigned, where = assemble(p, stories, banners, furniture)
        flat, owner_span = spans(lines)
        gold, cursor, ok = [], 0, True
        for i in sorted(owner_span, key=lambda i: owner_span[i][0]):
            e = gold_entry(stories[i], flat, owner_span[i], cursor)
            if e is None:
                ok = False
                break
            e["layout"] = where.get(i) or "before"
            e["ocr"] = mode
            j = picked[i]
            if j is not None:
                e["url"] = arts[j]["url"]
                e["headline_source"] = ("site" if arts[j].get("headline") else "invented") if stories[i].title else None
            if e["layout"] != "before":
                e["note"] = f"headline printed {e['layout']} the body"
            gold.append(e)
            cursor = owner_span[i][1]
        if ok and gold:
            text = "\n" + flatten(lines) if r.random() < 0.6 else flatten(lines)
            return text, kind, gold, unassigned, mode
        deck.order, deck.uses = snapshot
    raise RuntimeError(f"page {index}: no layout with findable gold spans")


def generate(arts: list[dict], seed: int, pages: int, out: Path) -> dict:
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    deck = Deck(arts, random.Random(f"realtext-deck:{seed}"))
    gold = {"pages": {}, "page_notes": {}, "unassigned_lines": {}, "page_kinds": {},
            "conventions": ("as seeds.gold.json: head/tail are the first/last characters (12, more where 12 are "
                            "not unique) of a body in the page text with whitespace removed; byline, credit, caption "
                            "and signature in the body; headline, kicker, column banner, continuation marker and jump "
                            "line outside it. Bodies are real articles of the paper (see bench/realtext/README.md); "
                            "'headline_source' says whether the headline is the site's or the generator's; 'layout' "
                            "where the headline was printed; 'ocr' the engine; 'url' the article.")}
    for i in range(pages):
        text, kind, entries, unassigned, mode = make_page(arts, deck, seed, i)
        name = f"{i:03d}_{hashlib.sha1(f'realtext:{seed}:{i}'.encode()).hexdigest()[:16]}.txt"
        (pages_dir / name).write_text(text, encoding="utf-8")
        gold["pages"][name] = entries
        gold["unassigned_lines"][name] = unassigned
        gold["page_kinds"][name] = kind
        gold["page_notes"][name] = f"{kind} page, {mode} OCR"
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return gold
