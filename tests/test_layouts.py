"""The same articles printed in other layouts segment the same way.

The seed articles (checked against the answer key elsewhere) are laid out again: headline
before or after the body, wrapped in narrow columns with column breaks falling mid-sentence,
or one paragraph per line, in shuffled order. Segmentation must recover every article.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from sitegen.segmentation import segment_page

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
_NON_WORD = re.compile(r"[\W_]+")


def seed_news():
    """Titled 本报讯 reports of the sample, as (title, paragraphs)."""
    out = []
    for path in SEEDS:
        for a in segment_page(path.read_text(encoding="utf-8")).articles:
            if a.kind == "news" and a.title and not a.subtitles:
                out.append((a.title, a.paragraphs))
    return out


def wrap(paragraph: str, width: int, rnd: random.Random) -> list[str]:
    lines = [paragraph[i:i + width] for i in range(0, len(paragraph), width)]
    # A column break now and then: a blank line mid-paragraph, mid-sentence.
    out = []
    for line in lines:
        if out and rnd.random() < 0.15:
            out.append("")
        out.append(line)
    return out


def layout(articles, rnd: random.Random, headline_after: bool, columns: bool) -> str:
    width = rnd.randint(11, 15)     # one column width per page, as printed
    chunks = []
    for title, paragraphs in articles:
        body = []
        for p in paragraphs:
            body += wrap(p, width, rnd) if columns else [p]
            body.append("")
        body_text = "\n".join(body).strip("\n")
        chunks.append(f"{body_text}\n\n{title}" if headline_after else f"{title}\n\n{body_text}")
    return "\n\n".join(chunks) + "\n"


def norm(text: str) -> str:
    return _NON_WORD.sub("", text)


@pytest.mark.parametrize("headline_after", [False, True])
@pytest.mark.parametrize("columns", [False, True])
@pytest.mark.parametrize("seed", range(20))
def test_relaid_pages_segment_the_same(headline_after, columns, seed):
    rnd = random.Random(seed)
    pool = seed_news()
    articles = rnd.sample(pool, 6)
    page = layout(articles, rnd, headline_after, columns)
    got = {norm(a.title or ""): norm("".join(a.paragraphs)) for a in segment_page(page).articles}
    want = {norm(t): norm("".join(ps)) for t, ps in articles}
    assert got == want


def test_column_wide_headlines_under_a_banner_or_over_a_lede_are_headlines():
    # Headlines as wide as the column, printed with no blank line under them, read like a
    # paragraph's first line; what stands above (a column's banner) or below (a lede's
    # opening, 近日，) says they are headlines.
    rnd = random.Random(5)
    news = dict(seed_news())
    (first_title, first_paragraphs), = [(t, ps) for t, ps in news.items() if t.startswith("东城工会")][:1]
    paragraphs = news["陶然亭工会构建疫情防线侧重“群防群治”"]
    lede = "近日，" + "".join(paragraphs)[len("本报讯（记者陈曦通讯员牛亚乐）近日，"):]
    width = 15
    headline = "陶然亭工会构建疫情防线群防群治"       # exactly the column's width
    assert len(headline) == width
    column_title = "“只要防疫工作有需要，我随叫随到”"
    column_body = "2月26日自接到通知，我作为一名党员，积极响应市总工会的号召，踊跃报名参加下沉社区志愿服务工作。" * 3
    first = [line for p in first_paragraphs for line in [*wrap(p, width, rnd), ""]]
    page = "\n".join([first_title, "", *first, headline, *wrap(lede, width, rnd), "",
                      "■工会干部下沉日记", "", column_title, *wrap(column_body, width, rnd), "", "市服务工会 冯显亮", ""])
    articles = segment_page(page).articles
    assert [a.title for a in articles] == [first_title, headline, column_title]
    assert norm("".join(articles[1].paragraphs)) == norm(lede)
    assert articles[2].kind == "column" and articles[2].byline.authors == ["冯显亮"]


def test_a_stack_of_headline_lines_straight_over_a_byline_heads_the_report():
    # Series banner, kicker, subtitle and headline printed one under the other, with the
    # 本报讯 byline straight under them and a finished report above.
    rnd = random.Random(3)
    news = seed_news()
    (above_title, above), (title, paragraphs) = news[0], news[1]
    stack = ["学习贯彻党的十九届五中全会精神", "谱写首都工会工作新篇章", "16名职工讲述爱岗敬业的感人故事", title]
    page = "\n".join([above_title, "", *[x for p in above for x in [*wrap(p, 14, rnd), ""]],
                      *stack, *[x for p in paragraphs for x in [*wrap(p, 14, rnd), ""]]])
    articles = segment_page(page).articles
    assert [a.title for a in articles] == [above_title, title]
    assert articles[1].subtitles == stack[:3]
    assert norm("".join(articles[0].paragraphs)) == norm("".join(above))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_a_page_saved_double_spaced_segments_as_printed(path):
    # Some OCR tools leave a blank line after every line of print, so that blank lines no
    # longer tell a paragraph's end from a line wrap; the page holds the same articles.
    text = path.read_text(encoding="utf-8")
    printed = segment_page(text).articles
    spaced = segment_page(text.replace("\n", "\n\n")).articles
    assert [(a.title, a.kind) for a in spaced] == [(a.title, a.kind) for a in printed]
    assert [norm("".join(a.paragraphs)) for a in spaced] == [norm("".join(a.paragraphs)) for a in printed]
