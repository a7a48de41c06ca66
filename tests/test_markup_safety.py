"""Nothing from a page becomes markup: what a reader of the built site sees of a body.

A body's only markup is what ingest writes: paragraphs, a ``### `` subhead at a paragraph's
start, the line breaks of verse, and the one backslash ingest puts before a paragraph that
opens like Markdown. Link and image syntax, emphasis, code spans, entities and HTML are
text; no href or src on any page runs script or loads data from a page's text.
"""

from __future__ import annotations

import hashlib
import gzip
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitegen.config import load_settings
from sitegen.content import read_article
from sitegen.markdown import plain_text, render_body
from sitegen.site import build_site
from sitegen.site.cache import BuildCache
from conftest import copy_project

# What a page or an editor may write, paragraph by paragraph, and what a reader must see.
HOSTILE = [
    "[点击](javascript:alert%28'X'%29)",
    "[脚本](vbscript:msgbox(\"V\")) [数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[大写](JaVaScRiPt:alert(1)) [空白]( java\tscript:alert(1)) [实体](&#106;avascript:alert(1))",
    "见[参考][r]，又见[r]。",
    "[r]: javascript:alert('R')",
    "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) ![图2](javascript:alert(2))",
    "<javascript:alert(3)> <https://example.com/> <a href=\"javascript:alert(4)\">链接</a>",
]
LITERAL = [
    "*强调* 与 **加粗** 与 _下划线_",
    "注\\* 本表数据截至6月底。",
    "代码 `<b>粗</b>` 与 `a*b*c`",
    "实体 &lt;不是标签&gt; 与 &amp; 与 &#60;",
    "\\注 与 \\\\ 与 C:\\Users\\工会",
]
SUBHEAD = "### 精准帮扶暖人心"
VERSE = "春眠不觉晓  \n处处闻啼鸟  \n夜来风雨声  \n花落知多少"
ESCAPED = ["\\# 话题讨论", "\\1. 第一条措施", "\\- 一项要求"]      # as ingest writes them
SEEN_ESCAPED = ["# 话题讨论", "1. 第一条措施", "- 一项要求"]        # as a reader sees them

ALLOWED_SCHEMES = {"http", "https", "mailto"}


class _Page(HTMLParser):
    """Every URL attribute of a page, and the tags and text inside ``<div class=…body…>``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.body_tags: list[str] = []
        self.body_text: list[str] = []
        self.body_html: list[str] = []
        self._depth = 0              # > 0 inside a body div

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href") and value:
                self.urls.append(value)
        if self._depth:
            self.body_tags.append(tag)
            self.body_html.append(self.get_starttag_text())
            if tag == "div":
                self._depth += 1
        elif tag == "div" and any(n == "class" and v and v.endswith("body") for n, v in attrs):
            self._depth = 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self._depth and tag == "div":
            self._depth -= 1

    def handle_endtag(self, tag):
        if self._depth:
            if tag == "div":
                self._depth -= 1
                if not self._depth:
                    return
            self.body_html.append(f"</{tag}>")

    def handle_data(self, data):
        if self._depth:
            self.body_text.append(data)
            self.body_html.append(data)


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _scheme_allowed(url: str) -> bool:
    # As a browser reads it: entities are already decoded by the parser; tabs, newlines and
    # leading controls or spaces are dropped; schemes are case-insensitive.
    u = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    m = re.match(r"([a-z][a-z0-9+.\-]*):", u)
    return m is None or m.group(1) in ALLOWED_SCHEMES


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample site with one article carrying every case, built once."""
    project = copy_project(tmp_path_factory.mktemp("markup"))
    path = sorted((project / "content").rglob("*.md"))[0]
    extra = "\n\n".join([*HOSTILE, *LITERAL, SUBHEAD, VERSE, *ESCAPED])
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + extra + "\n", encoding="utf-8")
    build_site(load_settings(project))
    article = read_article(path)
    public = project / "public"
    return {
        "public": public,
        "id": article.id,
        "article": _read(public / "a" / article.id / "index.html"),
        "printed": [p.read_text(encoding="utf-8") for p in public.rglob("index.html")
                    if f"a/{article.id}/" in p.read_text(encoding="utf-8") and "page-article-lead" in p.read_text(encoding="utf-8")],
        "plain": plain_text(article.body),
    }


def _bodies(built) -> list[_Page]:
    # The printed page (版面) shows each article's opening only, as text: the body is the article page's.
    return [built["article"]]


def test_the_printed_page_opens_the_article_as_text(built):
    (printed,) = built["printed"]
    lead = printed.split(f'<a href="/a/{built["id"]}/">', 1)[1].split('class="page-article-lead">', 1)[1].split("</p>")[0]
    assert "<" not in lead and lead.endswith("…")
    opening = html.unescape(lead)[:-1]
    assert 20 <= len(opening) < 80 and built["plain"].startswith(opening)


def _text(page: _Page) -> str:
    return "".join(page.body_text)


def test_no_page_of_the_site_has_a_script_or_data_url(built):
    bad = {}
    for path in built["public"].rglob("*.html"):
        urls = [u for u in _read(path).urls if not _scheme_allowed(u)]
        if urls:
            bad[str(path.relative_to(built["public"]))] = urls
    assert bad == {}


def test_links_and_images_in_a_body_are_text_not_elements(built):
    for page in _bodies(built):
        assert set(page.body_tags) <= {"p", "h3", "br"}, page.body_tags
        text = _text(page)
        for para in HOSTILE:
            assert para in text, para              # shown exactly as written


def test_emphasis_backslashes_code_and_entities_show_as_written(built):
    for page in _bodies(built):
        text = _text(page)
        for para in LITERAL:
            assert para in text, para
        assert not {"em", "strong", "code"} & set(page.body_tags)


def test_a_subhead_is_a_heading_and_verse_keeps_its_line_breaks(built):
    for page in _bodies(built):
        body = "".join(page.body_html)
        assert "<h3>精准帮扶暖人心</h3>" in body
        assert "<p>春眠不觉晓<br>\n处处闻啼鸟<br>\n夜来风雨声<br>\n花落知多少</p>" in body


def test_ingest_s_escape_is_dropped_and_nothing_else(built):
    for page in _bodies(built):
        body = "".join(page.body_html)
        for seen in SEEN_ESCAPED:
            assert f"<p>{seen}</p>" in body
        assert "\\#" not in body and "\\1." not in body


def test_search_shows_the_text_a_reader_sees(built):
    docs = [d for p in (built["public"] / "search" / "docs").glob("*.gz")
            for d in json.loads(gzip.decompress(p.read_bytes()))]      # a few articles to a file
    (doc,) = [d for d in docs if d["u"].rstrip("/").endswith(built["id"])]
    x = doc["x"]
    assert "*强调* 与 **加粗**" in x and "注\\* 本表" in x and "`<b>粗</b>`" in x and "&lt;不是标签&gt;" in x
    assert "[点击](javascript:alert%28'X'%29)" in x
    assert "精准帮扶暖人心 春眠不觉晓 处处闻啼鸟 夜来风雨声 花落知多少 # 话题讨论 1. 第一条措施" in x
    assert "###" not in x and "\\#" not in x


def test_a_body_rendered_by_an_older_sitegen_is_rendered_again(project):
    # A site built before this change kept its bodies' HTML keyed by their text alone; a
    # rebuild with the new rules must not serve that HTML (and its live links) again.
    build_site(load_settings(project))
    settings = load_settings(project)
    cache_file = Path(settings.cache_dir) / "build-cache.pickle"
    cache = BuildCache.load(cache_file)
    stale = '<p><a href="javascript:alert(1)">旧</a></p>'
    cache.bodies = {hashlib.sha1(a.body.encode("utf-8")).hexdigest(): stale
                    for _, _, a in cache.articles.values()}
    cache.pages = {}                      # other code: every page's inputs differ
    cache.save(cache_file)
    (Path(settings.cache_dir) / "last-build.json").unlink()
    build_site(settings)
    article = sorted((project / "public" / "a").glob("*/index.html"))[0]
    assert "javascript:" not in article.read_text(encoding="utf-8")


# The rules one by one, on render_body and plain_text.

@pytest.mark.parametrize("body, html, plain", [
    ("甲\n\n乙", "<p>甲</p>\n<p>乙</p>", "甲 乙"),
    ("甲\n  \t\n\n\n乙", "<p>甲</p>\n<p>乙</p>", "甲 乙"),                      # blank lines
    ("甲\r\n\r\n乙  \r\n丙", "<p>甲</p>\n<p>乙<br>\n丙</p>", "甲 乙 丙"),         # CRLF
    ("### 小标题\n正文", "<h3>小标题</h3>\n<p>正文</p>", "小标题 正文"),
    ("### 甲\n### 乙", "<h3>甲</h3>\n<h3>乙</h3>", "甲 乙"),
    ("正文\n### 不是标题", "<p>正文\n### 不是标题</p>", "正文 ### 不是标题"),     # only at a paragraph's start
    ("## 二级", "<p>## 二级</p>", "## 二级"),
    ("###没有空格", "<p>###没有空格</p>", "###没有空格"),
    ("### ", "<p>###</p>", "###"),
    ("### *小*标题 <i>", "<h3>*小*标题 &lt;i&gt;</h3>", "*小*标题 <i>"),
    ("\\# 话题", "<p># 话题</p>", "# 话题"),
    ("\\> 引文", "<p>&gt; 引文</p>", "> 引文"),
    ("\\* 注", "<p>* 注</p>", "* 注"),
    ("\\2) 第二", "<p>2) 第二</p>", "2) 第二"),
    ("\\### 不是标题", "<p>### 不是标题</p>", "### 不是标题"),
    ("\\\\# 两个反斜杠", "<p>\\\\# 两个反斜杠</p>", "\\\\# 两个反斜杠"),
    ("\\注", "<p>\\注</p>", "\\注"),
    ("甲  \n\\# 乙", "<p>甲<br>\n\\# 乙</p>", "甲 \\# 乙"),                      # only ingest's one escape
    ("> 引文\n- 列表\n1. 编号", "<p>&gt; 引文\n- 列表\n1. 编号</p>", "> 引文 - 列表 1. 编号"),
    ("    缩进", "<p>缩进</p>", "缩进"),
    ("a & b < c > d \"e\" 'f'", "<p>a &amp; b &lt; c &gt; d \"e\" 'f'</p>", "a & b < c > d \"e\" 'f'"),
    ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>", "[x](javascript:alert(1))"),
    ("", "", ""),
])
def test_rules(body, html, plain):
    assert render_body(body) == html
    assert plain_text(body) == plain


def test_rendered_bodies_carry_no_attribute():
    # The HTML of any body is made of <p>, <h3> and <br> alone: no attribute, so no URL.
    body = "\n\n".join([*HOSTILE, *LITERAL, SUBHEAD, VERSE, *ESCAPED])
    assert set(re.findall(r"<[^>]*>", render_body(body))) == {"<p>", "</p>", "<h3>", "</h3>", "<br>"}
