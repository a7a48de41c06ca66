"""What a page carries, before it is printed: one Story per article, with what the gold key
says of it (kind, headline lines, credited names, district). Text comes from words.py frames."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from heldout3 import words as W


@dataclass
class Story:
    kind: str                       # gold kind: news | photo | column | continuation | ad | other
    genre: str                      # finer name for the breakdown (report, feature, wire, diary, …)
    title: str | None = None
    kicker: str | None = None       # 引题, printed above the title
    subtitle: str | None = None     # 副题, printed below it
    column: str | None = None       # column banner (■…)
    author_line: str | None = None  # writer printed before the title, excluded from the body
    paras: list[str] = field(default_factory=list)      # body, byline included
    tail_lines: list[str] = field(default_factory=list)  # credit or signature, part of the body
    box: list[str] = field(default_factory=list)         # 链接 box printed inside the article
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    continued_from: str | None = None
    marker: str | None = None       # "(上接第１版)" printed before the body, excluded
    jump: str | None = None         # "（下转第３版）" printed after the body, excluded
    verse: bool = False             # a poem: lines kept as printed, never wrapped
    wide: bool = False              # caption set across columns


class Maker:
    def __init__(self, rng: random.Random):
        self.r = rng
        self.used_names: set[str] = set()
        self.used_frames: set[str] = set()
        self.district: str | None = None      # a district page's own district

    # --- small pieces -------------------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def name(self) -> str:
        for _ in range(50):
            n = self.pick(W.SURNAMES) + self.pick(W.GIVEN)
            if n not in self.used_names:
                self.used_names.add(n)
                return n
        return n

    def firm(self) -> str:
        return self.pick(W.FIRM_HEAD) + self.pick(W.FIRM_TRADE) + self.pick(W.FIRM_TAIL)

    def phone(self) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(8))

    def date(self) -> str:
        return f"{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"

    def place(self) -> tuple[str, str, str]:
        """(district, street, how the body names the unit) — the district is named in full
        most of the time, sometimes only through its street or town, as reports do."""
        d = self.district or self.pick(list(W.DISTRICTS))
        s = self.pick(W.DISTRICTS[d])
        return d, s, self.pick([d, d, d + s, s])

    def fill(self, frame: str, ctx: dict) -> str:
        r = self.r
        act = ctx["act"]
        vals = dict(
            who=ctx["who"], verb=self.pick(W.VERBS_T), act=act[0], act2=act[0], actp=act[1],
            n=r.choice([20, 30, 45, 60, 80, 100, 150, 200, 300, 500]), n2=r.randint(3, 60),
            n3=r.choice([180, 260, 420, 800, 1200, 3000, 5600]), group=ctx["group"], item=self.pick(W.ITEMS),
            aim=ctx["aim"], aim_long="做好" + ctx["aim"] + "工作", aimshort=ctx["aim"],
            aimA=self.pick(W.AIMS), aimB=self.pick(W.AIMS), nick=self.pick(W.NICKS), season=self.pick(W.SEASONS),
            place=ctx["placename"], placename=ctx["placename"], placefull=ctx["placefull"], date=self.date(),
            day=self.pick(["昨天", "近日", "日前"]), firm=ctx["firm"], workplace=self.pick(W.WORKPLACE),
            money=r.choice([5, 12, 18.5, 30, 45, 84, 120]), person=ctx["person"], person2=self.name(),
            role=self.pick(W.ROLES), quote=self.pick(W.QUOTES), ord=self.pick("二三四五六七八"),
            month=r.randint(1, 12), trade=self.pick(W.TRADES), trade2=self.pick(W.TRADES),
        )
        text = frame.format(**vals)
        if "{person}" in frame:          # a name is spoken for once per article
            ctx["person"] = self.name()
        return text

    def fresh(self, pool: list[str]) -> str:
        """A frame not yet used on this page (pages share stock phrases, not sentences)."""
        left = [f for f in pool if f not in self.used_frames]
        f = self.pick(left or pool)
        self.used_frames.add(f)
        return f

    def context(self, district_known=True):
        d, s, named = self.place()
        scope = self.r.random()
        if not district_known or (scope < 0.12 and not self.district):     # city-wide or national: no district
            who = self.pick(["市总工会", "北京市总工会", "全国总工会", "市教育工会", "市建设工会", "市商贸工会"])
            districts, placename, placefull = [], "基层一线", self.pick(["市劳动人民文化宫", "市职工服务中心", "工人体育场"])
        elif scope < 0.3 and not self.district:      # an enterprise's own union
            firm = self.firm()
            who = self.pick([firm, firm.replace("有限公司", "").replace("股份", "")]) + "工会"
            if self.r.random() < 0.5:
                districts, placename, placefull = [d], s, d + s
                ctx = dict(lede="近日，{who}在位于{placefull}的{workplace}{verb}{actp}，{n}余名职工参加。")
            else:
                districts, placename, placefull, ctx = [], "一线班组", "公司职工之家", {}
            ctx.update(who=who, districts=districts, act=self.pick(W.ACTIVITIES), group=self.pick(W.GROUPS),
                       aim=self.pick(W.AIMS), placename=placename, placefull=placefull, firm=firm,
                       person=self.name(), district=d)
            return ctx
        elif named.endswith(("街道", "镇")) and not named.startswith(d):
            who = named + "总工会"
            districts, placename, placefull = [d], s, s + self.pick(["社区", "辖区", "便民服务中心"])
        else:
            who = self.pick([d + "总工会", W.SHORT[d] + "区总工会" if False else d + "总工会", named + "总工会"])
            districts, placename, placefull = [d], s, d + s
        return dict(who=who, districts=districts, act=self.pick(W.ACTIVITIES), group=self.pick(W.GROUPS),
                    aim=self.pick(W.AIMS), placename=placename, placefull=placefull, firm=self.firm(),
                    person=self.name(), district=d)

    def byline(self, kinds=("记者", "记者", "记者", "记者", "记者通讯员", "记者通讯员", "通讯员", "记者记者",
                            "实习", "本报记者")):
        """The bracket after 本报讯, in the forms the paper prints; and who it credits."""
        k = self.pick(kinds)
        a, b = self.name(), self.name()
        if k == "记者":
            return f"（记者 {a}）", [a], []
        if k == "记者记者":
            return f"（记者 {a} {b}）", [a, b], []
        if k == "通讯员":
            return (f"（通讯员 {a}）", [], [a]) if self.r.random() < 0.7 else (f"（通讯员 {a} {b}）", [], [a, b])
        if k == "实习":
            return f"（记者 {a} 实习记者 {b}）", [a, b], []
        if k == "本报记者":
            return f"（本报记者 {a}）", [a], []
        return self.pick([f"（记者 {a} 通讯员 {b}）", f"（通讯员 {b} 记者 {a}）"]), [a], [b]

    def body(self, ctx, n_mid: int, lede=None) -> list[str]:
        """Lede, middle paragraphs from the activity's theme (and general frames), close.
        n_mid sets the length: reports run some 200 to 1,500 characters, most near 450."""
        lede = lede or self.fill(ctx.get("lede") or self.fresh(W.LEDE), ctx)
        theme = W.THEMES[W.THEME_OF.get(ctx["act"][0], "meeting")]
        target = max(180, int(self.r.lognormvariate(5.9, 0.45)) * (n_mid + 1) // 3 + 60)
        paras, cur, total = [], lede, len(lede)
        mine: set[str] = set()
        while total < target:
            pool = theme if self.r.random() < 0.65 else W.MIDDLE
            left = [f for f in pool if f not in self.used_frames]
            if not left:
                pool = W.MIDDLE if pool is theme else theme
                left = [f for f in pool if f not in self.used_frames]
            if not left:       # a full page: stock sentences recur, but not within an article
                left = [f for f in theme + W.MIDDLE if f not in mine]
                if not left:
                    break
            f = self.fresh(left)
            mine.add(f)
            sent = self.fill(f, ctx)
            total += len(sent)
            if len(cur) > self.r.randint(50, 170):
                paras.append(cur)
                cur = sent
            else:
                cur += sent
        paras.append(cur)
        paras.append(self.fill(self.fresh(W.CLOSE), ctx))
        return paras

    def title_for(self, ctx) -> str:
        t = self.fill(self.pick(W.TITLE_FRAMES), ctx)
        return t.replace("北京市总工会北京市", "北京市")

    # --- articles -------------------------------------------------------------------
    def report(self, size=None, heads=None) -> Story:
        """本报讯 report: the bulk of every news page."""
        ctx = self.context()
        size = size if size is not None else self.r.choice([1, 2, 2, 3, 3, 4, 5])
        bl, rep, cor = self.byline()
        paras = self.body(ctx, size)
        paras[0] = "本报讯 " + bl + " " + paras[0]
        st = Story("news", "report", title=self.title_for(ctx), paras=paras, reporters=rep, correspondents=cor,
                   districts=ctx["districts"])
        if self.r.random() < 0.15:      # the report's own picture, its caption at the foot
            ph = self.pick(rep) if rep and self.r.random() < 0.6 else self.name()
            st.tail_lines = [self.pick(["图为活动现场。", "图为工会干部向职工发放" + self.pick(W.ITEMS) + "。",
                                        "图为职工在比赛中。", "", ""]) + self.pick([f" 本报记者 {ph} 摄", f"（{ph} 摄）", f" {ph}/摄"])]
            st.tail_lines = [t.strip() for t in st.tail_lines]
            st.photographers = [ph]
        if self.r.random() < 0.06:
            st.box = [self.pick(["链接", "■链接", "相关链接"]), self.pick([
                "12351职工服务热线提供法律咨询、心理疏导、困难帮扶等服务，职工可拨打热线或通过“北京工会12351”APP反映诉求。",
                "户外劳动者服务站点一般设在街道社区服务中心、银行网点等处，提供饮水、热饭、充电、如厕等服务。"])]
        heads = heads if heads is not None else self.r.random()
        if heads < 0.14:
            st.kicker = self.fill(self.pick(W.KICKER_FRAMES), ctx)
        elif heads < 0.25:
            st.subtitle = self.fill(self.pick(["{n}名{group}受益", "已覆盖全区{n2}个街乡",
                                               "——{who}{verb}{act}侧记", "{group}点单 工会服务"]), ctx)
        return st

    def feature(self) -> Story:
        """通讯/特写: byline on its own line, 小标题 inside the body."""
        ctx = self.context()
        rep = [self.name()]
        cor = [self.name()] if self.r.random() < 0.4 else []
        by = self.pick(["本报记者 {a}", "本报记者 {a}", "文/本报记者 {a}", "本报记者 {a} 文/图", "□本报记者 {a}"]).format(a=rep[0])
        by += "  通讯员 " + cor[0] if cor and "文/" not in by else ""
        hero = self.name()
        paras = [by]
        trade = self.pick(W.TRADES)
        def story_para(k, first=None):
            return "".join((first or self.fresh(W.FEATURE_SENT)).format(
                hero=hero, firm=ctx["firm"], trade=trade, years=self.r.randint(8, 30), pct=self.r.randint(3, 15),
                n2=self.r.randint(5, 40), person2=self.name()) for first in [first] + [None] * (k - 1))
        # where the worker works: the only place the text names, so the district's evidence
        paras.append((f"在{ctx['placefull']}的{self.pick(W.WORKPLACE)}，" if ctx["districts"] else "")
                     + story_para(self.r.randint(2, 3), first=W.FEATURE_SENT[0]))
        for sub in self.r.sample(["从学徒到“大工匠”", "啃下硬骨头", "把经验传给年轻人", "一线就是课堂",
                                  "千分之一毫米的较量", "守护万家灯火"], k=self.r.randint(2, 3)):
            paras.append("■" + sub if self.r.random() < 0.5 else sub)
            paras += [story_para(self.r.randint(1, 3)) for _ in range(self.r.randint(1, 2))]
        st = Story("news", "feature", title=f"{hero}：{self.pick(['在方寸之间追求极致', '让老设备焕发新活力', '二十年守好一条线', '把“不可能”变成“能”'])}",
                   paras=paras, reporters=rep, correspondents=cor, districts=ctx["districts"])
        if self.r.random() < 0.5:
            st.kicker = self.pick(["走近大国工匠", "劳模风采", "奋斗者 正青春", "一线故事"]) + "·" + ctx["group"]
        if "文/图" in by:
            st.photographers = [rep[0]]
        elif self.r.random() < 0.35:
            st.tail_lines = [self.pick(["（本报记者 {a} 摄）", "本报记者 {a} 摄"]).format(a=rep[0])]
            st.photographers = [rep[0]]
        if self.r.random() < 0.3:
            st.title += self.pick(["（上）", "（下）", "（中）", "之一", "之二"])
        if self.r.random() < 0.3:
            st.paras.insert(0, "编者按：" + self.pick([
                "他们是默默无闻的一线劳动者，也是岗位上的“领头雁”。本报今起推出系列报道，讲述他们的故事。",
                "在平凡岗位上坚守，在急难险重中担当。本期，我们走近一位扎根一线的工匠。"]))
        return st

    def photo(self) -> Story:
        ctx = self.context()
        cap = self.fill(self.pick(W.LEDE), ctx) + self.fill(self.pick(W.MIDDLE), ctx)
        st = Story("photo", "photo", title=self.fill(self.fresh(["{group}收到{item}", "{act}进{place}", "工会送来{item}",
                                                                 "{group}比技能", "{place}的{nick}"]), ctx),
                   paras=[cap], districts=ctx["districts"], wide=self.r.random() < 0.35)
        c = self.r.random()
        a, b = self.name(), self.name()
        if c < 0.35:
            st.tail_lines, st.reporters, st.photographers = [f"本报记者 {a} 摄影报道"], [a], [a]
        elif c < 0.55:
            st.tail_lines, st.reporters, st.correspondents, st.photographers = (
                [f"本报记者 {a}", f"通讯员 {b} 摄影报道"], [a], [b], [a, b])
        elif c < 0.75:
            st.tail_lines, st.photographers = [f"本报记者 {a} 摄"], [a]
        elif c < 0.9:
            st.tail_lines, st.photographers = [f"{a} 摄影报道"], [a]
        else:
            st.tail_lines, st.photographers = [f"{a} 摄"], [a]
        if self.r.random() < 0.2:       # a group of pictures: one headline, a caption each
            for _ in range(self.r.randint(1, 2)):
                st.paras.append(self.pick(["图为", "图①", "图②"]) + self.fill(self.pick(W.THEMES["culture"] + W.THEMES["service"]), ctx))
            st.genre = "photo group"
        elif self.r.random() < 0.15:     # a picture with its caption and no headline
            st.title = None
            st.genre = "photo untitled"
        return st

    def wire_photo(self) -> Story:
        st = self.photo()
        st.districts = []
        st.paras = [f"{self.date()}，{self.pick(['在江苏南京', '在浙江杭州', '在河北雄安新区', '在广东深圳'])}"
                    f"{self.pick(['一处建筑工地', '一家汽车制造企业', '一座物流园区', '一条高铁线路'])}，"
                    f"{self.pick(W.GROUPS)}{self.pick(['正在紧张作业', '在检修设备', '加紧施工'])}。"]
        a = self.name()
        c = self.pick([(["新华社发"], [], []), ([f"新华社记者 {a} 摄"], [], [a]), ([f"新华社发（{a} 摄）"], [], [a])])
        st.tail_lines, st.reporters, st.photographers, st.correspondents = c[0], c[1], c[2], []
        st.genre = "wire photo"
        st.title = self.fresh(["建设者的坚守", "一线忙生产", "高空作业保运行", "节日里的坚守", "抢工期 保供应"])
        return st

    def letter(self) -> Story:
        ctx = self.context()
        who = self.pick(W.SURNAMES) + self.pick(W.GIVEN)
        paras = [self.pick(["编辑同志：", "尊敬的编辑："]),
                 f"我是{ctx['firm']}的一名{self.pick(W.GROUPS)}。" + self.fill(self.pick([
                     "前些日子，{who}为我们{verb}{actp}，我想通过贵报表达谢意。",
                     "最近我遇到一件烦心事，想请报社帮忙问一问。"]), ctx),
                 self.pick(W.ESSAY_SENT).format(topic="车间") + self.pick(W.QUOTES) + "，这是我和工友们的心里话。",
                 self.pick(["此致", "盼复。"])]
        st = Story("column", "letter", title=self.fresh(["感谢工会的“及时雨”", "一封来自工地的信", "我想对工会说声谢谢"]),
                   column=self.pick(["读者来信", "职工心声"]), paras=paras, tail_lines=[f"读者 {who}"], authors=[who],
                   districts=ctx["districts"] if ctx["who"] in paras[1] else [])
        return st

    def diary(self) -> Story:
        ctx = self.context()
        au = self.name()
        unit = self.pick(["市总工会", "北京市金融工会", "市服务工会", "北京职工体育服务中心", ctx["firm"] + "工会"])
        role = self.pick(["副主席 ", "干部 ", "", "职工 "])
        paras = self.body(ctx, self.r.choice([2, 3]))
        paras[0] = paras[0].replace("近日，", "").replace("连日来，", "")
        own = [self.fresh(W.DIARY_SENT) for _ in range(self.r.randint(4, 8))]
        cut = self.r.randint(1, len(own) - 1)
        paras = [self.pick(["我", "作为一名下沉干部，我", "下沉第一天，我"]) + self.pick(
            ["来到了社区卡口，跟着社区干部熟悉情况。", "被分到了核酸检测点负责扫码登记。", "和同事们一起挨家挨户排查登记。"])
            + "".join(own[:cut]), "".join(own[cut:])] + paras[1:]
        if self.r.random() < 0.3:
            paras.insert(0, self.date())
        st = Story("column", "diary", title=self.fresh(["守好社区的“小门”", "一碗热粥 一份牵挂", "在一线读懂“为人民服务”",
                                                        "“只要需要，我随时都在”", "卡口的灯亮到深夜"]),
                   column=self.pick(W.COLUMN_BANNERS_NEWS), author_line=f"{unit}{role}{au}".replace("  ", " "),
                   paras=paras, authors=[au], districts=ctx["districts"])
        if self.r.random() < 0.35:     # signed at the foot instead of above the title
            st.tail_lines, st.author_line = [f"{unit} {au}"], None
        return st

    def opinion(self) -> Story:
        ctx = self.context(district_known=False)
        au = self.name()
        paras = [self.fill("{who}日前{verb}{actp}，{group}纷纷点赞。这件事看似不大，却说到了职工心坎上。", dict(ctx, who=self.pick(["本市一家企业", "某区总工会", "一些地方工会"]))),
                 "为职工办实事，关键在“实”。" + self.pick(["需求从职工中来，服务才能到职工中去。", "少一些“盆景”，多一些“风景”。", "把好事办好，才能把实事办到心坎上。"]),
                 self.pick(["当然，", "同时也要看到，"]) + "个别地方还存在重形式、轻实效的现象，" + self.pick(["活动办完就算完成任务。", "服务清单与职工需求对不上号。"]),
                 "".join(self.fresh(W.OPINION_SENT) for _ in range(self.r.randint(2, 4))),
                 "".join(self.fresh(W.OPINION_SENT) for _ in range(self.r.randint(1, 3))),
                 self.pick(["期待更多这样的做法", "让职工的事有人管、有人办"]) + "，让" + ctx["group"] + "真正感受到“娘家人”的温暖。"]
        st = Story("column", "opinion", title=self.fresh(["为职工办实事贵在“实”", "服务要跟着需求走", "让“娘家人”更暖心",
                                                          "别让好政策停在纸上", "小驿站里有大民生"]),
                   column=self.pick(W.COLUMN_BANNERS_OPINION), paras=paras, authors=[au])
        if self.r.random() < 0.6:
            st.author_line = "□" + self.pick(["", " ", "本报评论员 "]) + au
        else:
            st.tail_lines = ["□" + au]
        return st

    def case(self) -> Story:
        """维权 page case story: report with ■ sub-heads (案情/说法)."""
        topic, fact, law = self.pick(W.DISPUTES)
        d = self.pick(list(W.DISTRICTS))
        rep = [self.name()]
        cor = [self.name()] if self.r.random() < 0.5 else []
        worker = self.pick(W.SURNAMES) + self.pick(["先生", "女士", "某"])
        court = self.pick([d + "人民法院", d + "劳动人事争议仲裁委员会", "北京市第" + self.pick("一二三") + "中级人民法院"])
        lede = (f"本报讯 （记者 {rep[0]}" + (f" 通讯员 {cor[0]}" if cor else "") + f"） {worker}在{self.firm()}工作，"
                f"{fact}。{worker}申请仲裁未果后诉至法院。近日，{court}审结此案，支持了{worker}的主要诉求。")
        paras = [lede, self.pick(["■案情", "案情回顾", "【案情】"]),
                 f"{worker}称，其于{self.r.randint(2015, 2022)}年入职，岗位为{self.pick(['仓储管理员', '维修工', '客服', '司机', '厨师'])}，"
                 f"月工资{self.r.randint(5, 15)}000元。公司辩称双方之间的约定系{worker}自愿签署，不应支付相关款项。",
                 "".join(self.fresh(W.CASE_SENT).format(worker=worker, money=self.r.choice([2.4, 3.6, 5.8, 8.2, 12]))
                         for _ in range(self.r.randint(2, 4))),
                 self.pick(["■说法", "法官说法", "【说法】"]),
                 f"承办法官表示，{law}。本案中，公司未能提供充分证据，应承担举证不能的不利后果。"]
        title = self.pick([f"公司拒付{topic}被判担责", f"{worker}讨回{topic}", f"法院：{topic}不能一“签”了之"])
        if "：" not in title and self.r.random() < 0.4:
            title = self.pick([f"{topic}纠纷：", "职工维权："]) + title
        st = Story("news", "case", title=title,
                   paras=paras, reporters=rep, correspondents=cor, districts=[d] if court.startswith(d) else [])
        if self.r.random() < 0.4:
            st.kicker = self.pick(["入职一年多没签合同", "上班途中受伤", "试用期被一延再延", "离职后仍被“限制”"])
        return st

    def qa(self) -> Story:
        _, fact, law = self.pick(W.DISPUTES)
        lawyer = self.name()
        asker = self.pick(W.SURNAMES) + self.pick(["先生", "女士"])
        paras = [self.pick(["读者", "职工"]) + f"{asker}问：我{fact.replace('公司', '单位')}，请问这样做合法吗？",
                 f"{lawyer}律师答：{law}。" + self.pick(["建议您保留好考勤记录、工资条等证据，", "您可以先与单位协商，协商不成的，"])
                 + "可以拨打12351职工服务热线咨询，或向劳动人事争议仲裁委员会申请仲裁。"]
        if self.r.random() < 0.5:
            _, f2, l2 = self.pick(W.DISPUTES)
            paras += [f"问：{f2.replace('公司', '我们单位')}，职工能怎么办？", f"答：{l2}。"]
        firm = f"北京市{self.pick(W.LAW_FIRMS)}律师事务所"
        st = Story("column", "qa", title=self.fresh(["单位这样做合法吗？", "职工权益如何保障", "遇到这种情况怎么办",
                                                     "律师为您解答", "维权路上别走弯路"]),
                   column=self.pick(W.COLUMN_BANNERS_LAW), paras=paras, authors=[lawyer])
        if self.r.random() < 0.5:
            st.tail_lines = [f"（{firm} 律师 {lawyer}）" if self.r.random() < 0.5 else f"{firm} {lawyer}"]
        else:
            st.author_line = f"{firm} {lawyer}"
        return st

    def essay(self) -> Story:
        topic = self.fresh(W.ESSAY_TOPICS)
        au = self.name()
        sents = [self.fresh(W.ESSAY_SENT).format(topic=topic) for _ in range(self.r.randint(7, 13))]
        paras, cur = [], ""
        for s in sents:
            cur += s
            if len(cur) > self.r.randint(40, 110):
                paras.append(cur)
                cur = ""
        if cur:
            paras.append(cur)
        st = Story("column", "essay", title=topic, column=self.pick(W.COLUMN_BANNERS_ESSAY), paras=paras, authors=[au])
        c = self.r.random()
        if c < 0.45:
            st.author_line = "□" + au
        elif c < 0.7:
            st.tail_lines = ["□" + au]
        elif c < 0.85:
            st.author_line, st.photographers = "文/图 " + au, [au]
        else:
            st.tail_lines = [f"（作者单位：{self.firm()}）"]
            st.author_line = "■" + au
        if self.r.random() < 0.5:
            st.column = None
        return st

    def poem(self) -> Story:
        au = self.name()
        lines = [self.fresh(W.POEM_LINES) for _ in range(self.r.randint(6, 12))]
        stanza = []
        for i, l in enumerate(lines):
            stanza.append(l)
            if i % 4 == 3 and i != len(lines) - 1:
                stanza.append("")
        st = Story("column", "poem", title=self.fresh(["致劳动者", "工地之夜", "我的城", "炉火", "春天的脚手架", "夜班"]),
                   paras=stanza, authors=[au], verse=True, author_line="□" + au if self.r.random() < 0.7 else "■" + au)
        return st

    def wire(self) -> Story:
        org, what, more = self.pick(W.WIRE_TOPICS)
        rep = [self.name()] if self.r.random() < 0.6 else []
        city = self.pick(W.WIRE_CITIES)
        head = (f"新华社{city}{self.date()}电" + (f"（记者 {rep[0]}）" if rep else "") if self.r.random() < 0.6
                else "据新华社电" if not rep else f"新华社北京{self.date()}电（记者 {rep[0]}）")
        if head == "据新华社电":
            rep = []
        paras = [f"{head} 记者从{org}获悉，{org}近日{what}。{more}。",
                 self.pick(["据介绍，", "根据安排，", "通知要求，"]) + self.pick(
                     ["各地要压实属地责任，建立工作台账，", "相关部门将加强协同配合，", "各级工会组织要积极参与，"])
                 + self.pick(["确保各项措施落地见效。", "及时回应劳动者关切。", "切实维护劳动者合法权益。"])]
        for _ in range(self.r.randint(1, 3)):
            paras.append("".join(self.fresh(W.WIRE_SENT) for _ in range(self.r.randint(1, 2))))
        return Story("news", "wire", title=f"{org}{what}", paras=paras, reporters=rep)

    def brief(self, untitled: bool = False) -> Story:
        """简讯: a short item with a ■ headline and no byline name, or a 通讯员 one."""
        ctx = self.context()
        cor = [self.name()] if self.r.random() < 0.5 else []
        p = self.fill(self.pick(W.LEDE), ctx)
        p = ("本报讯 " + (f"（通讯员 {cor[0]}）" if cor else "") + p) if self.r.random() < 0.6 else p
        st = Story("news", "brief", title=self.title_for(ctx), paras=[p], correspondents=cor, districts=ctx["districts"])
        if untitled:
            st.title, st.genre = None, "brief untitled"
        return st

    def continuation(self, page_from: int) -> Story:
        ctx = self.context()
        paras = self.body(ctx, self.r.choice([1, 2, 3]))
        paras[0] = self.pick(["据了解，", "记者了解到，", "同时，", "此外，"]) + paras[0].split("，", 1)[-1]
        digit = "１２３４５６７８"[page_from - 1]
        return Story("continuation", "continuation", paras=paras, continued_from=f"第{page_from}版",
                     marker=self.pick([f"(上接第{digit}版)", f"（上接第{page_from}版）", f"(上接第{page_from}版)"]))

    def ad(self) -> Story:
        t = self.pick(W.ADS)
        d = self.pick(list(W.DISTRICTS))
        text = t.format(firm=self.firm(), phone=self.phone(), n=self.r.randint(2, 9), district=d, street=self.pick(W.DISTRICTS[d]))
        paras = text.split("\n")
        if len(paras) > 1 and self.r.random() < 0.3:
            paras = ["广告"] + paras
        return Story("ad", "ad", paras=paras, verse=True)

    def notices(self) -> Story:
        lines = []
        for _ in range(self.r.randint(2, 5)):
            f = self.firm()
            k = self.pick(W.NOTICES)
            if k == "遗失声明":
                lines.append(f"{f}遗失营业执照副本，统一社会信用代码：911101{self.phone()}{self.r.randint(10, 99)}X，声明作废。")
            else:
                lines.append(f"{f}经股东会决议，拟{ '注销' if k == '注销公告' else '减少注册资本'}，请债权人自本公告见报之日起四十五日内向本公司申报债权。特此公告。")
        return Story("ad", "notices", paras=["分类广告 " + self.pick(["", "登报电话：" + self.phone()])] + lines)

    def gongshi(self) -> Story:
        n = self.r.randint(6, 14)
        if self.r.random() < 0.5:
            rows = [names := "、".join(self.name() for _ in range(n)) + "。"]
        else:     # a table, one row a line ("\t": printed as set, never wrapped)
            rows = ["\t" + self.pick(["序号 姓名 工作单位 职务", "姓名 单位及职务"])] + [
                f"\t{k + 1} {self.name()} {self.firm()} {self.pick(W.TRADES)}" for k in range(n)]
        paras = [f"根据{self.pick(['北京市总工会', '市总工会'])}评选工作安排，经基层推荐、逐级审核，现将拟表彰人选予以公示。",
                 *rows,
                 f"公示期为{self.r.randint(5, 7)}个工作日。如有异议，请以书面形式向评选办公室反映，联系电话：{self.phone()}。",
                 self.pick(["北京市总工会", "评选工作领导小组办公室"])]
        return Story("other", "gongshi", title=self.fresh(["关于首都劳动奖章拟表彰人选的公示", "北京市优秀工会积极分子拟表彰名单公示",
                                                          "关于北京大工匠拟命名人选的公示"]), paras=paras)

    def kailanyu(self, what: str) -> Story:
        paras = [f"为大力弘扬劳模精神、劳动精神、工匠精神，本报今起开设“{what}”专栏，"
                 + self.pick(["走进一线班组，讲述普通劳动者的奋斗故事。", "集中展现各行各业劳动者的风采。"]),
                 self.pick(["敬请关注。", "欢迎读者提供线索。"])]
        return Story("other", "kailanyu", title=self.fresh(["开栏语", "开栏的话"]), paras=paras)

    def lead(self, jump_to: int | None) -> Story:
        """Front-page lead: longer, 引题 often, and cut off by a jump line."""
        st = self.report(size=self.r.choice([3, 4, 5]), heads=self.r.random() * 0.5)
        st.genre = "lead"
        if jump_to:
            st.jump = self.pick([f"（下转第{jump_to}版）", f"(下转第{jump_to}版)", f"转第{jump_to}版"])
            last = st.paras[-1]
            st.paras[-1] = last[: max(8, len(last) * 2 // 3)]
        if self.r.random() < 0.3:
            st.box = ["链接", self.pick(["据统计，", "截至目前，"]) + f"本市已建成户外劳动者服务站点{self.r.randint(1000, 3000)}余家，"
                      + "为职工提供歇脚、饮水、充电等服务。"]
        return st
