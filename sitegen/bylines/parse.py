from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitegen.dictionary import tokenizer
from sitegen.ocr.spacing import is_cjk

_S = r"[ \t\u3000]*"
# The paper names itself 本报 or, on later pages, by its name: 劳动午报记者 X.
_OWN_PAPER = r"(?:本报|劳动午报)"
_NAME_CHARS = r"[\u3400-\u9fff·•]"

# Roles in the order they can appear inside a byline; longer forms first.
_ROLES = {
    "本报记者": "reporters", "特约记者": "reporters", "实习记者": "reporters", "记者": "reporters",
    "实习生": "reporters",
    "特约通讯员": "correspondents", "通讯员": "correspondents",
    "摄影": "photographers", "摄": "photographers",
    "作者": "authors", "文/": "authors", "图/": "photographers",
}
# 文 and 图 are roles only before their slash (文/李四 图/王五): 文 is also a surname (记者 文萱辉).
_S_WRAPPED = r"[ \t\u3000\n]*"      # a role word may be cut by the line's end too (通讯 / 员)
_ROLE_RE = re.compile("|".join(sorted((r.replace("", _S_WRAPPED)[len(_S_WRAPPED):-len(_S_WRAPPED)].replace("/", "[/／]")
                                       for r in _ROLES), key=len, reverse=True)))

# A report opens with its outlet's dateline: 本报讯, 本网讯, 中工网讯, a dated one
# (本报北京7月27日讯, 本报北京11月18日电), or a news agency's for a wire story
# (新华社北京11月18日电, 据新华社电). One pattern for all of them, so that an outlet the rules
# never named (人民网北京7月3日电) opens a report too: an outlet word, an optional place and
# date, then 讯 or 电, followed by the reporters in brackets, a space or the text.
_AGENCY = r"(?:新华社|中新社|中国新闻社)"
_OWN = rf"本{_S}[报网刊]"
_OTHER_OUTLET = rf"(?:[\u4e00-\u9fff]{_S}){{1,5}}(?:网|报|社|台|新{_S}闻)"      # OCR may space it: 中工 网 讯
_DATE = rf"{_S}\d{{1,2}}{_S}月{_S}\d{{1,2}}{_S}日"
_PLACE = r"(?:(?!记者|通讯员)[\u4e00-\u9fff]){2,6}?"
_OPENING = "|".join([
    rf"{_OWN}{_S}讯",                                          # 本报讯, 本网讯
    rf"(?:据{_S})?{_AGENCY}(?:{_S}{_PLACE})?{_DATE}{_S}电",       # 新华社北京11月18日电
    rf"据{_S}{_AGENCY}{_S}电",                                      # 据新华社电
    rf"{_AGENCY}(?:{_S}{_PLACE})?{_S}电(?=[ \t\u3000]*[（(]|[ \t\u3000]|$)",   # 新华社北京电
    rf"(?:{_OWN}|{_AGENCY}|{_OTHER_OUTLET})(?:{_S}{_PLACE})?{_DATE}{_S}[讯电]",   # 本报北京7月27日讯
    # Any other outlet's undated opening (中工网讯) only before its reporters or a space:
    # a wrapped line can start with …台电话 or …网讯 inside a sentence.
    rf"{_OTHER_OUTLET}{_S}[讯电](?=[ \t\u3000]*[（(]|[ \t\u3000])",
])
_NEWS_START = re.compile(rf"^{_S}(?:{_OPENING})")
_NEWS_BYLINE = re.compile(rf"^{_S}(?:{_OPENING}){_S}[（(]([^（）()]*)[）)]")


@dataclass
class Byline:
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)

    def merge(self, other: "Byline") -> None:
        for role in ("reporters", "correspondents", "photographers", "authors"):
            mine = getattr(self, role)
            mine.extend(n for n in getattr(other, role) if n not in mine)


def starts_news_byline(line: str) -> bool:
    return bool(_NEWS_START.match(line))


def _mend_wrapped_name(m: re.Match) -> str:
    """A line break inside the brackets: the column edge may cut a name (赖凤 / 玉）). A
    fragment of one character, or two fragments of three in all, are one name; two longer
    ones are two names that the break fell between."""
    left, right = m.group(1), m.group(2)
    one = len(left) == 1 or len(right) == 1 or len(left) + len(right) <= 3
    return left + right if one else f"{left} {right}"


def _names(segment: str) -> list[str]:
    """Names in one role's segment; OCR may space every character (白 莹), so single
    characters are glued back together."""
    segment = re.sub(r"([\u3400-\u9fff]+)[ \t\u3000]*\n[ \t\u3000]*([\u3400-\u9fff]+)", _mend_wrapped_name, segment)
    tokens = [t for t in re.split(r"[\s、，,]+", segment) if t]
    names: list[str] = []
    glue = ""
    for tok in tokens:
        if len(tok) == 1 and is_cjk(tok):
            glue += tok
            continue
        if glue:
            names.append(glue)
            glue = ""
        names.append(tok)
    if glue:
        names.append(glue)
    return [n for n in names if 2 <= len(n) <= 5 and all(is_cjk(c) or c in "·•" for c in n)]


def _split_roles(inner: str, default_role: str | None = None) -> Byline:
    byline = Byline()
    pos, role = 0, default_role
    matches = list(_ROLE_RE.finditer(inner))
    for m in matches:
        if role and m.start() > pos:
            getattr(byline, role).extend(_names(inner[pos:m.start()]))
        role = _ROLES[re.sub(r"\s", "", m.group()).replace("／", "/")]
        pos = m.end()
    if role:
        getattr(byline, role).extend(_names(inner[pos:]))
    return byline


def parse_news_byline(text: str) -> Byline | None:
    """The byline of a 本报讯 article; ``text`` is the article's first lines joined by
    spaces, or by line breaks where the lines were wrapped."""
    m = _NEWS_BYLINE.match(text) or _NEWS_BYLINE.match(text.replace("\n", "", 1))   # 10月9日 / 电（…
    if not m:
        return None
    return _split_roles(m.group(1))


# A credit closes a caption: optional role words and names, then 摄影报道 or a lone 摄
# (文/摄 when the reporter wrote and photographed), the whole sometimes in brackets or
# after a box mark: （本报记者 彭程 摄）, □本报记者 X 文/摄, 新华社记者 X 摄. A news agency's
# photo may carry only the agency: 新华社发, 新华社发（X 摄）.
_AGENCIES = r"(?:新华社|中新社|中新网|人民网|视觉中国|中工网)"
_CREDIT = re.compile(
    rf"(?:(?<=[。！？”）)\s])|^){_S}(?P<mark>[□■]{_S})?(?P<open>[（(]{_S})?"
    rf"((?:(?:{_OWN_PAPER}|特约|{_AGENCIES})?(?:记者|通讯员|摄影记者)?{_S}{_NAME_CHARS}{{2,4}}{_S}(?:[/／]{_S}文{_S}(?=\S))?){{1,4}}?)"
    rf"(?:文{_S}[/／]{_S}|[/／]{_S})?(摄{_S}影{_S}报{_S}道|摄)(?(open){_S}[）)])[ \t\u3000]*$"
)
_AGENCY_CREDIT = re.compile(
    rf"(?:(?<=[。！？”）)\s])|^){_S}[（(]?{_S}{_AGENCIES}{_S}发{_S}(?:[（(][^（）()]{{2,16}}[）)])?{_S}[）)]?[ \t\u3000]*$")
_CREDIT_ROLE = re.compile(rf"({_OWN_PAPER}记者|{_OWN_PAPER}|特约记者|摄影记者|记者|通讯员|{_AGENCIES})")


def _photographer_alone(line: str, m: re.Match) -> bool:
    """A photographer's name alone before 摄, set apart from a caption's last sentence
    (…拍摄笑脸照。许尤文 摄) or on a line of its own under a report (闫长禄 摄, （闫长禄摄）):
    one name, a space before 摄 or brackets round the two."""
    names = m.group(3).strip()
    if not re.fullmatch(rf"{_NAME_CHARS}{{2,4}}", names):
        return False
    before = line[:m.start("open") if m.group("open") else m.start(3)].strip()
    spaced = line[m.start(3):m.start(4)].endswith((" ", "\u3000", "\t", "/", "／"))     # 姚一鸣/摄
    if not before:
        return spaced or bool(m.group("open"))
    return before[-1] in "。！？”" and spaced


# A name the OCR spaced out over a justified line, before its 摄 (赵 思 远 摄).
_SPACED_NAME = re.compile(r"(?<!\S)([\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3})(?= 摄)")


def find_credit(line: str) -> int | None:
    """Where a photo credit starts in ``line`` (it always runs to the end), or None."""
    if "摄" not in line and "发" not in line:
        return None
    found = _find_credit(line)
    if found is None and _SPACED_NAME.search(line):
        # A credit that is the whole line once its name is read whole (赵 思 远 摄).
        return 0 if _find_credit(_SPACED_NAME.sub(lambda m: m.group(1).replace(" ", ""), line)) == 0 else None
    return found


def _find_credit(line: str) -> int | None:
    stripped = line.rstrip()
    agency = _AGENCY_CREDIT.search(stripped)
    if agency:
        start = agency.start()
    else:
        m = _CREDIT.search(stripped) if "摄" in line else None
        if not m:
            return None
        names_part = m.group(3)
        if not names_part.strip():
            return None
        # A lone 摄 needs a role word opening the credit; otherwise it is ordinary text (…进行拍摄).
        if m.group(4) == "摄" and not _CREDIT_ROLE.match(names_part.strip()) \
                and not _photographer_alone(stripped, m):
            return None
        start = m.start("mark") if m.group("mark") else m.start("open") if m.group("open") else m.start(3)
    while start < len(line) and line[start] in " \t\u3000":
        start += 1
    return start


def credit_ending(text: str) -> str | None:
    """How a credit line ends: "摄影报道" (a photo report), "摄" (a photo: also an agency's
    新华社发), or None."""
    text = re.sub(r"[ \t\u3000]+(?=[摄影报道]*$)", "", text.strip().rstrip("）)").rstrip())
    if text.endswith("摄影报道"):
        return "摄影报道"
    if text.endswith("摄") or _AGENCY_CREDIT.search(text + ("）" if "（" in text else "")):
        return "摄"
    return None


def parse_credit(text: str) -> tuple[Byline, bool]:
    """Names in a credit; the flag says whether it is a photo report (摄影报道).

    In 摄影报道 the named 记者/通讯员 reported and photographed; a bare 摄 credits only the
    photographer; names with no role in 摄影报道 are photographers only."""
    text = text.strip().lstrip("□■ \t\u3000").lstrip("（(").rstrip("）) \t\u3000")
    text = re.sub(r"摄[ \t\u3000]*影[ \t\u3000]*报[ \t\u3000]*道$", "摄影报道", text)     # 摄影 / 报道 cut by a line end
    agency = re.match(rf"{_AGENCIES}{_S}发{_S}[（(]?", text)
    if agency:                      # 新华社发（X 摄）: the names in brackets took the photo
        text = text[agency.end():].rstrip("）) \t\u3000")
        if not text.endswith("摄"):
            return Byline(), False
    photo_report = text.endswith("摄影报道")
    inner = text[: -len("摄影报道")] if photo_report else text[:-1]
    wrote = re.match(rf"(.*?){_S}[/／]{_S}文{_S}(?=\S)(.*)$", inner)
    if wrote and not photo_report:
        # 本报记者 高铭/文 白霖/摄: the writer, then who took the photos.
        writer = _split_roles(re.sub(rf"{_OWN_PAPER}记者|{_OWN_PAPER}", "记者", wrote.group(1)), default_role="reporters")
        shot = _split_roles(re.sub(rf"[/／]{_S}$", "", wrote.group(2)), default_role="photographers")
        return Byline(reporters=writer.reporters, correspondents=writer.correspondents,
                      photographers=shot.reporters + shot.correspondents + shot.photographers), False
    wrote_too = bool(re.search(rf"文{_S}[/／]{_S}$", inner))      # 文/摄: wrote and photographed
    inner = re.sub(rf"文{_S}[/／]{_S}$", "", inner)
    inner = re.sub(_AGENCIES, "", inner)
    inner = re.sub(rf"[/／]{_S}$", "", inner)      # 姚一鸣/摄
    inner = re.sub(rf"{_OWN_PAPER}记者|{_OWN_PAPER}", "记者", inner)
    b = _split_roles(inner, default_role="photographers")
    names = b.reporters + b.correspondents + b.photographers
    result = Byline(photographers=list(dict.fromkeys(names)))
    if wrote_too:
        result.reporters, result.correspondents = b.reporters, b.correspondents
    if photo_report:
        result.reporters = b.reporters
        result.correspondents = b.correspondents
    return result, photo_report


# Two-character surnames, whose bearers' names run to four characters (司马玉宇, 欧阳晓华).
_COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|宇文|长孙|夏侯|端木|司徒|司空|呼延|南宫|独孤|西门"
# The unit may carry the writer's title after a gap of its own (北京市正和律师事务所 律师 卢然静,
# a letter's 此致 读者 唐晨曦);
# a phrase there that is no title (陶然亭 工会 送清凉) makes a headline's phrase gaps.
_AUTHOR_LINE = re.compile(rf"^{_S}([\u3400-\u9fff（）()·]{{2,24}}?(?:[ \t\u3000]+([\u3400-\u9fff]{{2,5}}))?){_S}"
                          rf"[ \t\u3000]{_S}((?:{_COMPOUND_SURNAMES}){_NAME_CHARS}{{1,2}}|{_NAME_CHARS}{{2,3}}){_S}$")
_TITLE_END = re.compile(r"(?:律师|记者|编辑|读者|主编|主任|主席|书记|教授|经理|工程师|会计师|法官|检察官|调解员|研究员|老师|"
                        r"教师|医生|干部|部长|处长|科长|所长|站长|队长|院长|校长|社长)$")


def _author_match(line: str) -> re.Match | None:
    """`单位 姓名` or `单位 职务 姓名`: group 1 the unit (with the title), group 3 the name."""
    m = _AUTHOR_LINE.match(line)
    if m is None or (m.group(2) and not _TITLE_END.search(m.group(2))):
        return None
    return m


_UNIT_END = re.compile(
    r"(工会|总工会|中心|主席|副主席|书记|委员会|公司|集团|局|处|部|办|院|校|大学|医院|街道|社区|协会|联合会|"
    r"研究所|研究院|委|站|所|队|馆|记者|编辑|干部|职工|教师|律师|读者)$"
)


# OCR often loses the space between unit and name (北京职工体育服务中心董光琳). Without it a
# headline can look the same (海淀区总工会送清凉), so the name must then start with a common
# surname and not be an ordinary word (中心马上办).
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝鞠鄂郁傅萧赖阎")
_AUTHOR_LINE_UNSPACED = re.compile(rf"^{_S}([㐀-鿿（）()·]{{4,22}}?)({_NAME_CHARS}{{2,3}}){_S}$")
_COMMON_WORD = 100          # jieba dictionary frequency from which two characters are a word, not a name
_RARE_WORD = 10             # …and under which it is no word a column could be named by either
_UNIT_END_UNSPACED = re.compile(r"(工会|总工会|中心|委员会|公司|集团|医院|街道|社区|协会|联合会|研究所|研究院|大学|学校|"
                                r"主席|副主席|书记|主任|经理)$")


def _unspaced_author(line: str, under_banner: bool = False) -> re.Match | None:
    m = _AUTHOR_LINE_UNSPACED.match(line)
    if not m or not _UNIT_END_UNSPACED.search(m.group(1)) or m.group(2)[0] not in _SURNAMES:
        return None
    freq = tokenizer().FREQ       # loaded only when a line may be an author line
    name = m.group(2)
    # In running text a word cut by the column edge can end the line (…主席施剑表 / 示);
    # under a banner, where the writer's line stands, a given name may be a word (傅建国).
    parts = {name} if under_banner else {name, name[:2], name[1:]}
    if any(freq.get(part, 0) >= _COMMON_WORD for part in parts):
        return None
    return m


def is_author_line(line: str, under_banner: bool = False) -> bool:
    """`单位 姓名`: a unit or title, a space, then a two- or three-character name. Straight
    under a column's banner, where the writer's line stands, any unit will do
    (北京地铁 刘洋) if the name starts with a surname."""
    m = _author_match(line)
    if not m:
        return False
    name = m.group(3)
    if tokenizer().FREQ.get(name, 0) >= _COMMON_WORD and name[0] not in _SURNAMES:
        return False        # 健康讲座送到职工 身边: a headline's phrase gap before a word, no name
    return bool(_UNIT_END.search(m.group(1))) or (under_banner and name[0] in _SURNAMES)


def may_be_unspaced_author_line(line: str, under_banner: bool = False) -> bool:
    """`单位姓名` with the space lost. A wrapped line of body text can read the same
    (…分公司总经理杨立伟 / 说，…), so the caller also asks that it stand apart."""
    return _unspaced_author(line, under_banner) is not None


def boxed_author_line(line: str) -> bool:
    """□ before a writer's unit and name (□某运输集团收费所 吕明远): a signed piece's
    writer, as a reader's letter is signed, not a column's banner."""
    text = line.strip()
    return text.startswith("□") and is_author_line(text[1:].strip())


def parse_author_line(line: str) -> list[str]:
    if boxed_author_line(line):
        line = line.strip()[1:].strip()
    if re.fullmatch(r"[（(][^（）()]+[）)]", line.strip()):
        line = line.strip()[1:-1].strip()     # （北京市正和律师事务所律师 何芳彬）: a signature in brackets
    m = _author_match(line)
    if m is not None:
        return [m.group(3)]
    m = _unspaced_author(line)
    if m is None:
        name = boxed_signature(line)
        return [name] if name else []
    return [m.group(2)]


# A feature's byline on a line of its own: 本报记者 李四 / 文/本报记者 李四 / 本报记者 李四
# 通讯员 王五 / 文/李四 图/王五. Only roles, names and separators; no credit's 摄 at the end.
_LINE_ROLE = re.compile(rf"(?:文图|图文|文|图|摄影|摄){_S}[/／]|(?:{_OWN_PAPER}|特约|实习)?{_S}(?:记{_S}者|通{_S}讯{_S}员)|实{_S}习{_S}生")
_LINE_SEPARATORS = re.compile(r"[\s、，,/／]+")
_BOTH_ROLES = rf"(?:文{_S}[/／·、]{_S}图|图{_S}[/／·、]{_S}文)"
_BOTH_ROLES_FIRST = re.compile(rf"^{_BOTH_ROLES}{_S}[/／:：]?{_S}")
_BOTH_ROLES_LAST = re.compile(rf"{_S}(?:{_BOTH_ROLES}|[/／]{_S}文)$")


def parse_reporter_line(line: str) -> Byline | None:
    """The names of a byline printed on its own line, or None if the line is anything else.
    It may stand in brackets, as at the end of a feature: （本报记者 李四）."""
    text = line.strip().lstrip("■□◆●")      # ■文/本报记者 李四: a box marks the byline
    if re.fullmatch(r"[（(].*[）)]", text):
        text = text[1:-1].strip()
    # 文/图 本报记者 李四, 本报记者 李四 文/图: one writer took the pictures too. Read as 文/,
    # the role that names the writer; after the names it is moved before them.
    text = _BOTH_ROLES_FIRST.sub("文/", text)
    both_last = _BOTH_ROLES_LAST.search(text)
    if both_last:
        text = "文/" + text[:both_last.start()].strip()
    if not _LINE_ROLE.match(text) or re.search(r"摄(影|影报道)?$", text) or len(text) > 40:
        return None
    names: list[str] = []
    single = False
    for token in (t for t in _LINE_SEPARATORS.split(_LINE_ROLE.sub(" / ", text)) if t):
        if len(token) == 1 and single:          # OCR spaced the name out: 李 四
            names[-1] += token
        else:
            names.append(token)
        single = len(token) == 1
    if not names or not all(2 <= len(n) <= 4 and all(is_cjk(c) or c in "·•" for c in n) for n in names):
        return None
    if re.search(r"[，,]", text) and any(_opens_on_a_word(n) for n in names):
        return None             # 记者了解到， 活动得到: what the reporter learned, a sentence of text
    roles = re.sub(rf"(?:文图|图文|文){_S}[/／]", "文/ ", text)
    roles = re.sub(rf"(?:图|摄影|摄){_S}[/／]", "图/ ", roles)
    roles = re.sub(rf"({_OWN_PAPER}|特约|实习)(?=\s*记\s*者|\s*通\s*讯\s*员)", "", roles)
    # 摄影/本报记者 刘明: the reporter named after a picture role took the pictures.
    roles = re.sub(rf"图/{_S}(?:记{_S}者|通{_S}讯{_S}员)", "图/ ", roles)
    byline = _split_roles(roles)
    return byline if byline.reporters or byline.correspondents or byline.authors or byline.photographers else None


def _opens_on_a_word(token: str) -> bool:
    """A byline's "name" that opens on an ordinary word with no surname before it (了解到,
    活动得到): prose after 记者, not a name."""
    if token[0] in _SURNAMES:
        return False
    freq = tokenizer().FREQ
    return any(freq.get(token[:k], 0) >= _COMMON_WORD for k in range(2, len(token) + 1))


# A signed piece (a comment, an essay) is signed with its writer's name after a hollow box,
# on a line of its own over or under the text, or at the end of its last line:
# □苏薇 / …转变。 □乔瑶娟.
_BOXED_NAME = re.compile(r"□\s*([\u4e00-\u9fff]{2,4})\s*$")
# On a line of its own the writer's name takes either box (□江旭, ■邱嘉怡); a column's
# banner in the same box names no one (■简讯, ■心灵驿站).
_BOXED_NAME_LINE = re.compile(r"[□■]\s*([\u4e00-\u9fff]{2,4})\s*$")


def _a_name(name: str) -> bool:
    return name[0] in _SURNAMES and tokenizer().FREQ.get(name, 0) < _COMMON_WORD


def boxed_signature(line: str) -> str | None:
    """The writer's name of a line that is nothing but □ and a name."""
    text = line.strip()
    m = _BOXED_NAME_LINE.match(text)
    if m is None or not _a_name(m.group(1)):
        return None
    # ■ is a banner's box first: a name there must be no word at all (邱嘉怡, not 钱包).
    if text.startswith("■") and (len(m.group(1)) > 3 or tokenizer().FREQ.get(m.group(1), 0) >= _RARE_WORD):
        return None
    return m.group(1)


# A letter signed by its reader after its last sentence (…盼复。读者 赵雨桐, …。此致 读者 唐晨曦).
_READER_SIGNATURE = re.compile(r"(?<=[。！？!?])[ \t\u3000]*((?:此致[ \t\u3000]*)?读者[ \t\u3000]*[\u4e00-\u9fff]{2,4})[ \t\u3000]*$")


def trailing_signature(line: str) -> int | None:
    """Where a signature at the end of a line of text starts — a □ one (…转变。 □乔瑶娟,
    …《长江日报》） □王铎) or a reader's (…盼复。读者 赵雨桐) — or None."""
    reader = _READER_SIGNATURE.search(line)
    if reader and is_author_line(reader.group(1)):
        return reader.start(1)
    m = _BOXED_NAME.search(line.rstrip())
    named = m is not None and _a_name(m.group(1))
    start = m.start() if named else line.rfind("□")
    if start <= 0 or not (named or boxed_author_line(line[start:])):
        return None         # no box, or one whose name (or unit and name) is not a writer's
    before = line[:start].rstrip()
    # After a sentence, or after the source a reprint cites in brackets (…。（2月6日《长江日报》）).
    return start if before and before[-1] in "。！？!?…”）)》" else None


# A brief is signed in brackets after its last sentence: …凝聚力。（宋萍莹）, （记者 李四）,
# （通讯员 王五 赵六）. The names must read as names, so that (下转五版) or (中国) does not.
_BRACKET_SIGNATURE = re.compile(r"(?<=[。！？!?…”])\s*[（(]([^（()）]{2,30})[）)]\s*$")
_SIGNATURE_ROLE = re.compile(rf"(?:{_OWN_PAPER}|特约|实习)?\s*(?:记\s*者|通\s*讯\s*员|实\s*习\s*生)")


def closing_byline(line: str) -> Byline | None:
    """The reporters a report names in brackets after its last sentence (本报讯 近日，…。
    （记者 王小明）), when the bracket holds their roles; None otherwise."""
    m = _BRACKET_SIGNATURE.search(line)
    if m is None or not _SIGNATURE_ROLE.search(m.group(1)):
        return None
    return parse_reporter_line(m.group(1))


def bracket_signature(line: str) -> list[str] | None:
    """The names a line's closing bracket signs it with, or None."""
    m = _BRACKET_SIGNATURE.search(line)
    if m is None:
        return None
    names = [n for n in re.split(r"[\s、，,]+", _SIGNATURE_ROLE.sub(" ", m.group(1))) if n]
    if names and all(2 <= len(n) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in n) and _a_name(n) for n in names):
        return names
    return None
