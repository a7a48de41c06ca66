"""The site on a phone (390×844 and widths around it): a compact header, names that never
break inside, and one date format everywhere."""

from __future__ import annotations

import contextlib
import html.parser
import re

from browser import chromium_page, needs_chromium, serve_folder

PHONE = {"width": 390, "height": 844}
PAGES = ["", "a/20200720-96c81094/", "a/nodate-c266bbe3/", "tag/yi-qing-fang-kong/", "district/",
         "date/2020/07/20/", "search/"]

# Every name the site shows as such, and each place in an article's list of places (one
# text, names between 、), as the lines it is laid out on.
BROKEN_NAMES = """() => {
  const broken = [];
  const lines = rects => new Set([...rects].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  for (const e of document.querySelectorAll(".article-meta dd a, .district, .district-list a, .person, .tag, .date, .issue-pages li")) {
    if (lines(e.getClientRects()) > 1) broken.push(e.textContent);
  }
  // An article's places (between 、) and the words of a link to the 版 or issue before or
  // after (← 上一期 2020年7月4日: the date is one word).
  for (const [selector, between] of [[".places", /[（）、]/], [".prev-next a", / /]]) for (const e of document.querySelectorAll(selector)) {
    const text = e.firstChild;
    let at = 0;
    for (const name of text.data.split(between)) {
      const start = text.data.indexOf(name, at);
      at = start + name.length;
      if (!name) continue;
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, at);
      if (lines(range.getClientRects()) > 1) broken.push(name);
    }
  }
  return broken;
}"""


def _cjk_widths(page) -> None:
    """Where no CJK font is installed (CI) Chromium draws a Chinese character a third of an
    em wide; spaced out, the characters take the width they have on a phone."""
    if page.evaluate("document.createElement('canvas').getContext('2d').measureText('区').width") < 8:
        page.add_style_tag(content="body * { letter-spacing: .65em !important; }")


@contextlib.contextmanager
def _on_a_phone(site):
    """A phone-sized page and a function that opens a path of the site in it."""
    with serve_folder(site) as base, chromium_page() as (page, errors):
        page.set_viewport_size(PHONE)

        def visit(path: str) -> None:
            page.goto(base + path)
            _cjk_widths(page)

        yield page, visit, errors


@needs_chromium
def test_the_header_takes_little_of_a_phone_screen(sample_site):
    with _on_a_phone(sample_site) as (page, visit, errors):
        for path in PAGES:
            visit(path)
            header = page.locator("header.site-header").bounding_box()
            assert header["height"] < 0.15 * PHONE["height"], (path, header)
            # Everything in it is still there and usable: title, the four sections, search.
            for part in ["a.site-title", "nav.site-nav >> text=日期", "nav.site-nav >> text=作者", "#site-search"]:
                box = page.locator(f"header.site-header {part}").bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (path, part)
        page.locator("#site-search").fill("工会")
        page.locator("#site-search").press("Enter")
        page.wait_for_url(re.compile(r"search/\?q="))
        # Search results give their dates as every other page does.
        meta = page.locator(".search-result .meta").first
        meta.wait_for()
        assert re.match(r"\d{4}年\d{1,2}月\d{1,2}日|日期不详", meta.inner_text()), meta.inner_text()
        assert errors == []


@needs_chromium
def test_no_district_or_place_name_breaks_inside_at_any_phone_width(sample_site):
    with _on_a_phone(sample_site) as (page, visit, errors):
        for path in PAGES:
            visit(path)
            for width in range(320, 441, 4):
                page.set_viewport_size({"width": width, "height": PHONE["height"]})
                assert page.evaluate(BROKEN_NAMES) == [], (path, width)
                assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
        assert errors == []


class _VisibleText(html.parser.HTMLParser):
    """The text a reader sees, less the text the paper printed (bodies, kickers, headlines
    in lists) and the citation, whose GB/T 7714 form writes dates as 2020-07-20."""

    SKIP = {"script", "style"}
    SKIP_CLASSES = {"article-body", "page-article-body", "citation", "article-link", "kicker"}

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = tag in self.SKIP or bool(classes & self.SKIP_CLASSES)
        self.stack.append(skip or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if self.stack and tag not in {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.text.append(data)


OTHER_DATES = re.compile(r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|\d{4}年0\d月|月0\d日"
                         r"|\d{4}年\d{1,2}月\d{1,2}号")


def test_one_date_format_across_the_site(sample_site, synthetic_site):
    seen = 0
    for site in (sample_site, synthetic_site):
        for path in site.rglob("*.html"):
            parser = _VisibleText()
            parser.feed(path.read_text(encoding="utf-8"))
            text = " ".join(parser.text)
            assert not OTHER_DATES.findall(text), (path, OTHER_DATES.findall(text))
            seen += len(re.findall(r"\d{4}年\d{1,2}月\d{1,2}日", text))
    assert seen > 100
