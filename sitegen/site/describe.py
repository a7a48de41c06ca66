"""What each page says about itself to search engines and to the card a shared link shows:
a description, an OpenGraph type and title, and a share image. Pure: the page's template
context in, a ``PageMeta`` out; ``base.html`` writes it into every page's <head>.

A description uses only what the page itself shows (its articles' headlines, counts it
prints), so that a page whose inputs are unchanged (``sitegen.site.keys``) says the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.markdown import plain_text

DESCRIPTION_CHARS = 100          # a result shows some 80 characters of Chinese text (Baidu, Google)
ARTICLE_DESCRIPTION_CHARS = 80   # an article's opening words, the rest of which the page holds
SHARE_CARD = "static/share-card.png"   # the theme's default card


@dataclass(frozen=True)
class PageMeta:
    description: str
    og_type: str                 # "article" for an article, "website" for the rest
    og_title: str | None         # None: the page's <title>
    image: str                   # site path of the share image
    image_alt: str               # "" for the theme's card (its alt would be the site's name again)
    image_size: tuple[int, int] | None = None      # a scan's: a tall picture, laid out before it is fetched

    @property
    def is_card(self) -> bool:
        """The theme's card, which shows the site, not this page."""
        return self.image == SHARE_CARD


def _cut(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _headlines(articles, limit: int = 6) -> str:
    """"：headline；headline…等" after a count of articles, or "。" when none has a headline
    (an untitled piece's opening words say little out of context)."""
    titles = [a.title for a in articles if a.title]
    if not titles:
        return "。"
    return "：" + "；".join(titles[:limit]) + ("等" if len(titles) > limit else "")


def article_description(article, paper: str, date_cn) -> str:
    """The opening of the text; for an article of a few words (a photo's caption, an ad),
    its headline, paper and date before them."""
    text = plain_text(article.body).strip()
    if len(text) >= 40:
        return _cut(text, ARTICLE_DESCRIPTION_CHARS)
    head = f"{article.display_title}（{paper}{date_cn(article.date)}）"
    return _cut(f"{head}：{text}" if text and text != article.display_title else head + "。", ARTICLE_DESCRIPTION_CHARS)


def page_meta(context, paper: str, site_title: str, date_cn) -> PageMeta:
    """``context``: the page's template variables (a mapping); ``date_cn``: how the site
    writes a date (the templates' own filter, so that a description reads like the page)."""
    get = context.get
    og_type, og_title = "website", None
    # A page's context may name its own image; a printed page with a scan, and each of its
    # articles, share the scan's web-size picture; otherwise the theme's card.
    scan = getattr(get("printed_page"), "scan", None)
    image = get("share_image") or (scan.web if scan is not None else None) or SHARE_CARD
    alt = ""
    if get("article") is not None:
        a = get("article")
        og_type, og_title = "article", a.display_title
        description = article_description(a, paper, date_cn)
    elif get("printed_page") is not None and get("issue") is not None:
        page, issue = get("printed_page"), get("issue")
        og_title = f"{paper} {date_cn(issue.date)} {page.label}"
        description = f"{paper}{date_cn(issue.date)}{page.label}，{len(page.articles)}篇文章{_headlines(page.articles)}"
    elif get("issue") is not None:
        issue = get("issue")
        og_title = f"{paper} {date_cn(issue.date)}"
        description = (f"{paper}{date_cn(issue.date)}，共{len(issue.pages)}版{len(issue.articles)}篇文章"
                       f"{_headlines(issue.articles)}")
    elif get("group") is not None:
        group, paging = get("group"), get("paging") or {}
        what = {"district": f"北京市{group.name}", "tag": f"标签“{group.name}”",
                "person": f"{'、'.join(sorted(group.roles)) or '作者'}{group.name}"}.get(get("kind"), group.name)
        og_title = group.name
        if paging.get("newest", True):
            description = f"{paper}数字档案中{what}的{len(group.articles)}篇文章"
        else:    # what stays true of an older page as the list grows (pages count from the oldest)
            description = f"{paper}数字档案中{what}的文章，第{paging['number']}页（第{paging['first']}至{paging['last']}篇）"
        description += _headlines(get("articles") or [])
    elif get("latest", False) is not False:
        model, latest = get("model"), get("latest")
        description = (f"{paper}数字档案：{len(model.articles)}篇文章，{len(model.dated_issues)}期报纸"
                       + (f"，最新一期{date_cn(latest.date)}" if latest is not None and latest.date else "")
                       + "。按日期、区域、标签、作者浏览，全文搜索。")
    elif get("month") is not None:
        issues = get("issues") or []
        description = f"{paper}{get('year')}年{int(get('month'))}月出版的{len(issues)}期报纸，按日历浏览。"
    elif get("months") is not None:
        months = get("months")
        description = (f"{paper}{get('year')}年出版的{sum(len(v) for v in months.values())}期报纸，"
                       f"分{len(months)}个月浏览。")
    elif get("years") is not None:
        years = sorted(get("years"))
        span = f"{years[0]}年至{years[-1]}年" if len(years) > 1 else (f"{years[0]}年" if years else "")
        description = f"按日期浏览{paper}数字档案：{span}的每一期报纸，逐年、逐月、逐日。"
    elif get("district_counts") is not None:
        counts = get("district_counts")
        description = (f"按北京市16个区浏览{paper}数字档案：{sum(1 for n in counts.values() if n)}个区有报道，"
                       "地图上每个区都是一个链接。")
    else:
        description = _other_description(context, paper)
    size = None
    if scan is not None and image == scan.web:
        alt, size = f"{get('printed_page').label}版面", scan.web_size
    return PageMeta(_cut(description), og_type, og_title, image, alt, size)


def _other_description(context, paper: str) -> str:
    """Pages told apart by their template alone: tags, people, search, 404."""
    name = getattr(context, "name", "") or ""
    model = context.get("model")
    if name.endswith("tags.html") and model is not None:
        return f"{paper}数字档案的{len(model.tags)}个标签：{'、'.join(g.name for g in model.tags[:12])}等。"
    if name.endswith("people.html") and model is not None:
        return f"{paper}数字档案中的{len(model.people)}位记者、通讯员、摄影与作者，按姓名查看各自的文章。"
    if name.endswith("search.html"):
        return f"全文搜索{paper}数字档案：按词语、人名、地名查找文章，可按区域、标签、年份筛选。"
    if name.endswith("404.html"):
        return f"找不到这个页面。可以回到{paper}数字档案首页，按日期浏览，或者搜索档案。"
    return f"{paper}数字档案。"
