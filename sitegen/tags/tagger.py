from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.dictionary import tokenizer
from sitegen.errors import SitegenError, read_toml

DEFAULT_VOCABULARY = Path(__file__).with_name("vocabulary.toml")
MAX_TAGS = 6
MAX_TOPICS = 4
MAX_KEYWORDS = 2
AD_TAG = "广告"

# Words every article of a trade-union daily has, or that say nothing on their own: no
# reader would click them.
STOP_WORDS = frozenset("""
工作 开展 职工 本报 本报讯 记者 通讯员 活动 工会 总工会 相关 负责人 单位 企业 全市 全区 同时 进一步 组织 部门 进行
服务 情况 问题 方面 工作人员 人员 期间 时间 要求 表示 介绍 了解 获悉 近日 昨天 今天 今年 去年 目前 北京 北京市 首都
全国 各级 基层 领导 主席 副主席 书记 集团 公司 中心 社区 街道 区县 大家 群众 广大 一线 作用 形式 内容
方式 措施 举措 工作组 会员 代表 机关 政策 平台 项目 基础 能力 水平 精神 意识 氛围 环境 发展 建设 主题 系列
人们 乡镇 辖区 人次 劳动者 工作者 工会组织 北京市总工会 全国工会 记录 手机 故事 心态 常态 资金 物资 难题
助推 大队 实际行动 服务平台 区级 街道社区 微信 身份 信息 领域 助力 生活 居民 小区 岗位 医务 素质 商户 参赛 决赛
现场 地区 本市 市总 同志 大会 会议 会上 部署 通知 方案 任务 成员 时期 过程 阶段 效果 作品 选手 职责 责任
家人 朋友 身边 心中 心里 过程 关键 重点 特点 经验 成绩 成果 全体 各区 全国总工会 中华全国总工会 单位 年度
工会主席 工会干部 干部 党员 职工群众 宣传 行动 秩序 身体 专项 用品 部分 人数 数量 场次 工作部 全会
印发 新建 主办方 基层组织 工会工作 管理部 机关干部 医务人员 服务行业 外来人员 服从安排 工作人员 职工代表 会员代表
""".split())
# Part-of-speech tags (jieba's dictionary) of words that make tags: nouns, idioms (群防群治)
# and abbreviations (北师大). jieba's dictionary files some common nouns as names (敬老院
# nr, 献爱心 nrt), so a headline word may also be one of those, or a noun-like verb (授旗).
_NOUN_TAGS = frozenset({"n", "nz", "nt", "nl", "ng", "j", "l"})
_HEADLINE_TAGS = _NOUN_TAGS | {"nr", "nrt", "ns", "vn"}
# Words common in all Chinese text (jieba's IDF below these) are not what an article is
# about: 习惯, 区域, 家长 from an opening paragraph, 协会 even from a headline.
_MIN_IDF_HEADLINE = 7.0
_MIN_IDF_OPENING = 8.5
_DIGITS = re.compile(r"[\d０-９.%％·]")
_NUMERAL_START = re.compile(r"^[一二三四五六七八九十百千万亿两几]")
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")     # between paragraphs
_LEDE_CHARS = 300     # enough of the opening to find what the article is about


@dataclass(frozen=True)
class Vocabulary:
    topics: dict[str, tuple[str, ...]]          # tag → words that call for it, longest first
    pattern: re.Pattern | None = None           # every word of every topic, longest first
    topics_of: dict[str, tuple[str, ...]] | None = None   # word → tags it calls for
    pieces: frozenset[str] = frozenset()        # every two-or-more-character piece of those words
    word_cache: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, topics: dict[str, list[str] | tuple[str, ...]]) -> "Vocabulary":
        ordered = {tag: tuple(sorted(set(words) | {tag}, key=lambda w: (-len(w), w))) for tag, words in topics.items()}
        topics_of: dict[str, tuple[str, ...]] = {}
        for tag, words in ordered.items():
            for w in words:
                topics_of[w] = topics_of.get(w, ()) + (tag,)
        alternatives = sorted(topics_of, key=lambda w: (-len(w), w))
        pattern = re.compile("|".join(map(re.escape, alternatives))) if alternatives else None
        pieces = frozenset(w[i:j] for w in topics_of for i in range(len(w)) for j in range(i + 2, len(w) + 1))
        return cls(ordered, pattern, topics_of, pieces)


def _line_of(text: str, key: str) -> int | None:
    for i, line in enumerate(text.splitlines(), start=1):
        stripped = line.split("#", 1)[0].strip()
        if stripped.startswith("["):
            if stripped.strip("[]").strip().strip("\"'") == key:
                return i
        elif re.match(rf"[\"']?{re.escape(key)}[\"']?\s*=", stripped):
            return i
    return None


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> Vocabulary:
    data, text = read_toml(path, "tag vocabulary")
    topics = {}
    for tag, value in data.items():
        # Either  "疫情防控" = ["防疫", …]  or a table  ["疫情防控"]  words = ["防疫", …]
        words = value.get("words") if isinstance(value, dict) else value
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words) \
                or not tag.strip() or (isinstance(value, dict) and set(value) - {"words"}):
            raise SitegenError(f"tag '{tag}' needs a list of words: \"{tag}\" = [\"…\", …] "
                               f"(or a table [\"{tag}\"] with words = [\"…\", …])", path, _line_of(text, tag))
        topics[tag.strip()] = [w.strip() for w in words]
    return Vocabulary.of(topics)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The tag vocabulary at ``path``, or the packaged one. Loaded once per path."""
    return _load(Path(path) if path else DEFAULT_VOCABULARY)


@functools.lru_cache(maxsize=1)
def _jieba():
    """jieba's tokenizer, its dictionary's part-of-speech tags and its IDF table, loaded
    once. The tags are looked up per word rather than by jieba.posseg's tagger, which is
    ten times slower than plain segmentation."""
    dt = tokenizer()
    import jieba.analyse
    import jieba.posseg

    tfidf = jieba.analyse.default_tfidf
    return dt, jieba.posseg.dt.word_tag_tab, tfidf.idf_freq, tfidf.median_idf


def _topics(vocabulary: Vocabulary, headline: str, lede: str, body: str) -> list[tuple[float, str]]:
    """(strength, tag) for each topic that fits: a word of it in a headline line, in the
    lede, or twice in the body (non-overlapping, so 下沉社区 is one 下沉)."""
    if vocabulary.pattern is None:
        return []
    strength: dict[str, float] = {}
    for text, weight in ((headline, 3.0), (lede, 2.0)):
        for tag in {t for w in vocabulary.pattern.findall(text) for t in vocabulary.topics_of[w]}:
            strength[tag] = strength.get(tag, 0.0) + weight
    counts: dict[str, int] = {}
    for w in vocabulary.pattern.findall(body):
        for tag in vocabulary.topics_of[w]:
            counts[tag] = counts.get(tag, 0) + 1
    for tag, n in counts.items():
        if n >= 2 or tag in strength:
            strength[tag] = strength.get(tag, 0.0) + n
    order = {tag: i for i, tag in enumerate(vocabulary.topics)}
    return sorted(((s, tag) for tag, s in strength.items()), key=lambda st: (-st[0], order[st[1]]))


# What a word is worth as a keyword, whatever the article: (allowed from a headline,
# allowed from the opening, IDF weight); None for a word that never is. Words repeat across
# articles, so this is looked up once per word and vocabulary.
_UNFIT = None


def _word_worth(word: str, vocabulary: Vocabulary) -> tuple[bool, bool, float] | None:
    cache = vocabulary.word_cache
    if word in cache:
        return cache[word]
    _, pos_of, idf, median_idf = _jieba()
    worth = _UNFIT
    if len(word) >= 2 and word not in STOP_WORDS and not _DIGITS.search(word) \
            and not _NUMERAL_START.match(word) and word.isalnum():
        weight = idf.get(word, median_idf)
        pos = pos_of.get(word)
        # Not a piece of a vocabulary word either (防控 of 疫情防控): when that topic was too
        # weak to tag, its fragment is no better.
        of_vocabulary = word in vocabulary.pieces or bool(vocabulary.pattern and vocabulary.pattern.search(word))
        worth = (pos in _HEADLINE_TAGS and weight >= _MIN_IDF_HEADLINE and not of_vocabulary,
                 pos in _NOUN_TAGS and weight >= _MIN_IDF_OPENING and not of_vocabulary,
                 weight)
    cache[word] = worth
    return worth


def _keywords(headline: str, opening: str, text: str, vocabulary: Vocabulary, covered: set[str],
              limit: int, strict: bool = True) -> list[tuple[float, str]]:
    """(score, word): nouns of the headline and opening that the article keeps coming back
    to, by TF-IDF over the whole text with jieba's IDF table. A headline word counts as two
    more mentions; anything else needs two. Without ``strict``, any word will do."""
    tokenizer = _jieba()[0]
    # Dictionary words only (no HMM): unknown-word guesses are fragments such as 会近 of
    # 沟通会近2000场 or 对受 of 加大对受疫情影响.
    headline_words = {w for w in tokenizer.lcut(headline, HMM=False) if len(w) > 1} if headline else set()
    candidates = headline_words | {w for w in tokenizer.lcut(opening, HMM=False) if len(w) > 1}
    scored = []
    for word in candidates:
        worth = _word_worth(word, vocabulary)
        if worth is None or (covered and _overlaps(word, covered)):
            continue
        in_headline = word in headline_words
        tf = text.count(word) + (2 if in_headline else 0)
        if strict and not (worth[0] if in_headline else (worth[1] and tf >= 2)):
            continue
        scored.append((tf * worth[2], word))
    scored.sort(key=lambda sw: (-sw[0], sw[1]))
    chosen: list[tuple[float, str]] = []
    for score, word in scored:
        if not _overlaps(word, {w for _, w in chosen}):       # 敬业 beside 爱岗敬业
            chosen.append((score, word))
            if len(chosen) == limit:
                break
    return chosen


def _overlaps(word: str, others: set[str]) -> bool:
    return any(word in o or o in word for o in others)


def tag_article(title: str, subtitles: list[str] | tuple, body: str, kind: str,
                vocabulary: Vocabulary | None = None, places: list[str] | tuple = ()) -> list[str]:
    """The article's tags, strongest first: vocabulary topics (at most four), then at most
    two keywords of its own; one to six in all (never none while it has words). ``places``
    are names it is already filed under (districts, places): no keyword repeats them."""
    if kind == "ad":
        return [AD_TAG]
    vocabulary = vocabulary or load_vocabulary()
    headline = "\n".join([title or "", *subtitles]).strip()
    body = body.strip()
    lede = _BLANK_LINE.split(body, 1)[0]
    topics = [tag for _, tag in _topics(vocabulary, headline, lede, body)[:MAX_TOPICS]]

    covered = set(topics) | {w for t in topics for w in vocabulary.topics[t]} | set(places)
    covered |= {re.sub(r"(区|街道|地区|镇|乡)$", "", p) for p in places}
    covered.discard("")
    if not headline and not body:
        return topics
    opening = body[:_LEDE_CHARS]
    text = f"{headline}\n{body}"
    keywords = [w for _, w in _keywords(headline, opening, text, vocabulary, covered, MAX_KEYWORDS)]
    tags = (topics + keywords)[:MAX_TAGS]
    if not tags:
        # Nothing a reader would pick from the vocabulary or the nouns: the article's
        # most telling word of any kind, rather than no tag at all.
        tags = [w for _, w in _keywords(headline, opening, text, vocabulary, covered, 1, strict=False)]
    return tags
