"""Nothing lost: every character of a page ends up in exactly one article or in the residue."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.ocr import undouble
from sitegen.segmentation import segment_page

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
_COLUMN_MARK = re.compile(r"^\s*[■□◆◇●▲★☆](?=\s*\S)")   # a column header: the mark, then its name
# 【简讯】 (an editor's note, 【编者按】, is text)
_BANNER_BRACKETS = re.compile(r"^(\s*)[【\[［〔](?!\s*(?:编者按|开栏))(\s*[\u4e00-\u9fff]{2,8}\s*)[】\]］〕](\s*)$")


def _typography_off(line: str) -> str:
    """A banner's mark or brackets are typography, not text."""
    return _BANNER_BRACKETS.sub(r"\1\2\3", _COLUMN_MARK.sub("", line))


def _counted(counts: Counter) -> Counter:
    """Characters as NFKC reads them: the ingest writes a half-width mark the OCR read in
    Chinese text in its full-width form (, → ，), the same character to NFKC."""
    out = Counter()
    for ch, n in counts.items():
        out[unicodedata.normalize("NFKC", ch)] += n
    return out


def expected_characters(text: str) -> Counter:
    """The page's characters, less whitespace, with doubled headline type counted once
    and the ■ bullet of column headers left out (it is typography, not text)."""
    counts = Counter()
    rows = [_typography_off(line) for line in text.split("\n")]
    # Doubled headline type wraps: a line of two or more pairs beside a doubled line (no
    # blank line between) is doubled too (家家属属), however short.
    doubled = [bool(r.strip()) and undouble(r) is not None for r in rows]
    changed = True
    while changed:
        changed = False
        for k, r in enumerate(rows):
            if not doubled[k] and r.strip() and undouble(r, min_pairs=2) is not None and (
                    (k > 0 and doubled[k - 1]) or (k + 1 < len(rows) and doubled[k + 1])):
                doubled[k] = changed = True
    for r, whole in zip(rows, doubled):
        if whole:
            counts.update(undouble(r, min_pairs=2))
        else:
            for token in r.split():
                counts.update(undouble(token) or token)
    return counts


def placed_characters(text: str) -> Counter:
    result = segment_page(text)
    counts = Counter()
    for a in result.articles:
        for part in [a.title or "", *a.subtitles, a.column or "", a.author_line or "", *a.paragraphs]:
            part = re.sub(r"^(\\|### )", "", part)      # a Markdown escape, or a subhead's mark
            counts.update(c for c in part if not c.isspace())
    # Lines placed in no article stay as printed: counted as the page's own lines are, a
    # doubled line's wrapped rest beside it (as printed, one line under the other) included.
    left = sorted([*result.residue, *result.page_furniture])
    group: list[str] = []
    for k, (number, line) in enumerate(left):
        group.append(line)
        if k + 1 == len(left) or left[k + 1][0] != number + 1:
            counts.update(expected_characters("\n".join(group)))
            group = []
    return counts


def assert_conserved(text: str) -> None:
    want, got = _counted(expected_characters(text)), _counted(placed_characters(text))
    assert want == got, f"lost {want - got}, invented {got - want}"


def test_seed_pages_lose_nothing():
    for path in SEEDS:
        assert_conserved(path.read_text(encoding="utf-8"))


seed_lines = [line for p in SEEDS for line in p.read_text(encoding="utf-8").split("\n")]
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
rare = st.sampled_from("〇㐀㑇𠀀𪚥𫠠")
punct = st.sampled_from("，。、；：“”《》（）() ！？…—·■ ")
latin = st.sampled_from("abcXYZ0123456789 ")
free_line = st.text(st.one_of(cjk, cjk, cjk, rare, punct, latin), max_size=30)
doubled = st.text(cjk, min_size=3, max_size=8).map(lambda s: "".join(c * 2 for c in s))
special = st.sampled_from(["【简讯】", "简讯", "劳动午报", "中工网讯（通讯员 李红）", "■文/本报记者 张华 摄影/刘明",
                           "【编者按】", "新华社发", "本报讯 （记者 陈曦 通讯员", "牛亚乐） 近日， 陶然亭", "(上接第１版)", " 广告", "■工会干部下沉日记",
                           "市服务工会 冯显亮", "本报记者 周美玉 摄影报道", "本报记者 马超", "通讯员 赵研容 摄影报道",
                           "（下转第4版）", "6月11日", "2020年11月18日 星期三", "第3版 要闻", "责任编辑 王巍 美术编辑 李娜",
                           "本报记者 李四 通讯员 王五", "文/李四 图/王五", "——记全国劳动模范张三", "（本报记者 彭程 摄）",
                           "新华社北京11月18日电（记者 张三）", "（转4版）", "劳模张三：三十年坚守一线", ""])
page_line = st.one_of(st.sampled_from(seed_lines), free_line, doubled, special, st.just(""))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(page_line, min_size=1, max_size=60))
def test_generated_pages_lose_nothing(lines):
    assert_conserved("\n".join(lines))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SEEDS), st.randoms(use_true_random=False))
def test_shuffled_seed_pages_lose_nothing(path, rnd):
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    rnd.shuffle(blocks)
    assert_conserved("\n\n".join(blocks))
