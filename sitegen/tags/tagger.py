from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import SitegenError, read_toml

DEFAULT_VOCABULARY = Path(__file__).with_name("vocabulary.toml")
MAX_TAGS = 6
MAX_TOPICS = 4
MAX_KEYWORDS = 2
KEYWORD_TEXT = 1500   # characters of headline and body looked at for keywords

# Words every article of a trade-union daily has: no reader would click them.
STOP_WORDS = frozenset("""
工作 开展 职工 本报 记者 通讯员 活动 工会 总工会 相关 负责人 单位 企业 全市 全区 同时 进一步 组织 部门 进行
服务 情况 问题 方面 工作人员 人员 期间 时间 要求 表示 介绍 了解 获悉 近日 昨天 今年 目前 北京 北京市 首都
全国 各级 基层 领导 主席 副主席 书记 集团 公司 中心 社区 街道 区县 单位 大家 群众 广大 一线 作用 形式 内容
方式 措施 举措 工作组 会员 代表 机关 政策 平台 项目 基础 能力 水平 精神 意识 氛围 环境 发展 建设 主题 系列
人们 乡镇 辖区 人次 劳动者 工作者 工会组织 北京市总工会 全国工会 记录 手机 故事 心态 常态 资金 物资 难题
助推 大队 实际行动 服务平台 区级 街道社区 微信 身份 信息 领域 助力 生活 居民 小区 岗位 医务 素质 商户 参赛 决赛 现场 地区 本市 市总
""".split())
_NUMERALS = "一二三四五六七八九十百千万两"
# Without part-of-speech tags, leave out words that are plainly verbs or function words.
_VERBISH = re.compile(r"^(进行|开展|加强|推进|组织|推动|提高|做好|认真|积极|充分|通过|发挥|落实|实现|确保|坚持|参加|参与|表示|介绍|获悉|举办|召开)$")
_NUMBERISH = re.compile(r"[\d０-９.%％一二三四五六七八九十百千万亿]+")


@dataclass(frozen=True)
class Vocabulary:
    topics: dict[str, tuple[str, ...]]          # tag → words that call for it


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> Vocabulary:
    data, text = read_toml(path, "tag vocabulary")
    topics = {}
    for tag, table in data.items():
        words = table.get("words") if isinstance(table, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            line = next((i for i, l in enumerate(text.splitlines(), 1) if l.strip() in (f"[{tag}]", f"[\"{tag}\"]")), None)
            raise SitegenError(f"tag '{tag}' needs words = [\"…\", …]", path, line)
        topics[tag] = tuple(sorted(set(words) | {tag}, key=len, reverse=True))
    return Vocabulary(topics)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The tag vocabulary at ``path``, or the packaged one."""
    return _load(Path(path) if path else DEFAULT_VOCABULARY)


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    return jieba.analyse


def _keywords(text: str, headline: str, exclude: set[str]) -> list[str]:
    analyse = _jieba()
    dictionary = analyse.default_tfidf.tokenizer.FREQ if hasattr(analyse, "default_tfidf") else {}
    found = []
    # Plain segmentation, not part-of-speech tagging: POS tagging is ten times slower, and
    # the dictionary check below already keeps only real words.
    for word in analyse.extract_tags(text[:KEYWORD_TEXT], topK=12):
        if len(word) < 2 or word in STOP_WORDS or _NUMBERISH.fullmatch(word) or any(c.isdigit() for c in word) \
                or word[0] in _NUMERALS:
            continue
        # Words jieba made up from unknown character runs (心伴 of 暖心伴考) only when the
        # headline itself uses them.
        if dictionary and not dictionary.get(word) and word not in headline:
            continue
        if _VERBISH.search(word):
            continue
        if any(word in e or e in word for e in exclude):
            continue
        found.append(word)
        if len(found) == MAX_KEYWORDS:
            break
    return found


def tag_article(title: str, subtitles: list[str] | tuple, body: str, kind: str,
                vocabulary: Vocabulary | None = None, places: list[str] | tuple = ()) -> list[str]:
    """The article's tags, strongest first. ``places`` are names the article is already
    filed under (districts, places): no keyword repeats them."""
    if kind == "ad":
        return ["广告"]
    vocabulary = vocabulary or load_vocabulary()
    headline = " ".join([title or "", *subtitles])
    lede = body.strip().split("\n\n", 1)[0]
    scored = []
    for tag, words in vocabulary.topics.items():
        in_headline = any(w in headline for w in words)
        in_lede = any(w in lede for w in words)
        count = sum(body.count(w) for w in words)
        if in_headline or in_lede or count >= 2:
            scored.append((-(3 * in_headline + 2 * in_lede + count), tag))
    topics = [tag for _, tag in sorted(scored)[:MAX_TOPICS]]
    used = set(topics) | {w for t in topics for w in vocabulary.topics[t]} | set(places)
    used |= {p[:-1] for p in places if p.endswith("区")} | {re.sub(r"(街道|地区|镇|乡)$", "", p) for p in places}
    keywords = _keywords(f"{headline}\n{headline}\n{body}", headline, used) if body.strip() or headline.strip() else []
    tags = (topics + keywords)[:MAX_TAGS]
    return tags
