"""The site model: the archive's articles arranged the ways a reader browses them.

Pure: articles in, plain data out. Issues (days) hold printed pages, pages hold articles in
print order; districts, tags and people hold their articles newest first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sitegen.content import Article
from sitegen.site import urls

ROLES = {"reporters": "记者", "correspondents": "通讯员", "photographers": "摄影", "authors": "作者"}
# The 16 districts in the usual order, with their official romanisation (pinyin guesses
# 朝阳 wrong: it is Chaoyang).
DISTRICT_SLUGS = {"东城区": "dongcheng", "西城区": "xicheng", "朝阳区": "chaoyang", "丰台区": "fengtai",
                  "石景山区": "shijingshan", "海淀区": "haidian", "门头沟区": "mentougou", "房山区": "fangshan",
                  "通州区": "tongzhou", "顺义区": "shunyi", "昌平区": "changping", "大兴区": "daxing",
                  "怀柔区": "huairou", "平谷区": "pinggu", "密云区": "miyun", "延庆区": "yanqing"}
DISTRICT_ORDER = list(DISTRICT_SLUGS)


@dataclass
class PrintedPage:
    date: str | None
    key: str                          # URL segment
    label: str                        # 第3版, or the file name
    source: str
    articles: list[Article] = field(default_factory=list)
    number: str | None = None         # the page number as printed, when known
    scan: object | None = None        # its scan (sitegen.scans.Scan), when the page file has one

    @property
    def url(self) -> str:
        return urls.printed_page(self.date, self.key)


@dataclass
class Issue:
    date: str | None
    pages: list[PrintedPage] = field(default_factory=list)

    @property
    def url(self) -> str:
        return urls.day(self.date)

    @property
    def articles(self) -> list[Article]:
        return [a for p in self.pages for a in p.articles]


@dataclass
class Group:
    """A district, tag or person with its articles, newest first."""
    name: str
    slug: str
    url: str
    articles: list[Article] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)


@dataclass
class SiteModel:
    articles: list[Article]
    issues: list[Issue]                       # newest first; the undated issue last
    page_of: dict[str, PrintedPage]           # article id → its printed page
    districts: list[Group]                    # all 16, in the usual order
    tags: list[Group]                         # most used first
    people: list[Group]
    tag_url: dict[str, str]
    district_url: dict[str, str]
    person_url: dict[str, str]
    continuation: dict[str, tuple[Article | None, Article | None]]   # id → (continued from, continued to)
    # URL of a dated issue or of a printed page → (the one before it, the one after it): the
    # issue printed before and after, or the 版 before and after in the same issue.
    neighbours: dict[str, tuple] = field(default_factory=dict)

    def around(self, issue_or_page) -> tuple:
        """The issue (or 版) before this one and the one after it; None where there is none."""
        return self.neighbours.get(issue_or_page.url, (None, None))

    @property
    def dated_issues(self) -> list[Issue]:
        return [i for i in self.issues if i.date]

    def years(self) -> dict[str, dict[str, list[Issue]]]:
        out: dict[str, dict[str, list[Issue]]] = {}
        for issue in sorted(self.dated_issues, key=lambda i: i.date):
            y, m, _ = issue.date.split("-")
            out.setdefault(y, {}).setdefault(m, []).append(issue)
        return out


def _newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date or "", a.source, -a.order), reverse=True)


def _page_number(page: PrintedPage) -> tuple:
    digits = "".join(c for c in page.number or "" if c.isdigit())
    return (int(digits) if digits else 10**6, page.source)


UNKNOWN_PAGE = "版次不详"


def _page_label(page: str | None) -> str:
    if not page:
        return UNKNOWN_PAGE
    return f"第{page}版" if str(page).isdigit() else str(page)


def _distinguish_labels(pages: list[PrintedPage]) -> None:
    """Pages of one issue that would share a label (no number printed, or the same number
    on two undated files) are numbered in page order."""
    same: dict[str, list[PrintedPage]] = defaultdict(list)
    for page in pages:
        same[page.label].append(page)
    for label, group in same.items():
        if len(group) > 1:
            for n, page in enumerate(group, 1):
                page.label = f"{label}（{n}）"


def _digits(text: str | None) -> str:
    return "".join(c for c in text or "" if c.isdigit())


def _match_continuations(articles: list[Article]) -> dict[str, tuple[Article | None, Article | None]]:
    """Pair a fragment (上接第1版) with the article on that page of the same issue that says
    下转; only an unambiguous pair is linked."""
    links: dict[str, tuple[Article | None, Article | None]] = {}
    heads: dict[tuple, list[Article]] = defaultdict(list)      # (date, page digits) → articles saying 下转
    heads_any: dict[str | None, list[Article]] = defaultdict(list)
    for a in articles:
        if a.continued_to:
            heads[(a.date, _digits(a.page))].append(a)
            heads_any[a.date].append(a)
    for frag in articles:
        if not frag.continued_from:
            continue
        wanted = _digits(frag.continued_from)
        found = [a for a in (heads[(frag.date, wanted)] if wanted else heads_any[frag.date]) if a is not frag]
        if len(found) == 1:
            head = found[0]
            links[frag.id] = (head, links.get(frag.id, (None, None))[1])
            links[head.id] = (links.get(head.id, (None, None))[0], frag)
    return links


def _neighbours(issues: list[Issue]) -> dict[str, tuple]:
    """Each dated issue with the issues printed before and after it (the undated pages are
    no issue in time), and each page with the pages before and after it, as a reader turns
    them: past an issue's last 版 comes the next issue's first, before its first the previous
    issue's last. The undated pages turn only among themselves."""
    def around(items: list, n: int) -> tuple:
        return (items[n - 1] if n else None, items[n + 1] if n + 1 < len(items) else None)

    out: dict[str, tuple] = {}
    dated = sorted((i for i in issues if i.date), key=lambda i: i.date)
    for n, issue in enumerate(dated):
        out[issue.url] = around(dated, n)
    for run in [[p for i in dated for p in i.pages], *(i.pages for i in issues if not i.date)]:
        for n, page in enumerate(run):
            out[page.url] = around(run, n)
    return out


def build_model(articles: list[Article]) -> SiteModel:
    pages: dict[tuple, PrintedPage] = {}
    for a in articles:
        # Undated page files all share one "issue" (日期不详), where page numbers repeat:
        # there a page is known by its file.
        key = urls.page_key(a.page if a.date else None, a.source)
        k = (a.date, key)
        if k not in pages:
            pages[k] = PrintedPage(a.date, key, _page_label(a.page), a.source, number=a.page)
        pages[k].articles.append(a)
    issues: dict[str | None, Issue] = {}
    page_of = {}
    for page in sorted(pages.values(), key=_page_number):
        page.articles.sort(key=lambda a: a.order)
        issues.setdefault(page.date, Issue(page.date)).pages.append(page)
        for a in page.articles:
            page_of[a.id] = page
    for issue in issues.values():
        _distinguish_labels(issue.pages)
    issue_list = sorted((i for i in issues.values() if i.date), key=lambda i: i.date, reverse=True)
    if None in issues:
        issue_list.append(issues[None])

    district_names = {d for a in articles for d in a.districts}
    # The sixteen districts keep their own slugs; a name an editor wrote that is no district
    # of the gazetteer (chaoyang) gets one no district has.
    district_slugs = {d: DISTRICT_SLUGS[d] for d in DISTRICT_ORDER if d in DISTRICT_SLUGS}
    district_slugs |= urls.unique_slugs((district_names | set(DISTRICT_ORDER)) - set(district_slugs),
                                        reserved={slug: name for name, slug in district_slugs.items()})
    # The archive sorted newest first once: each district's, tag's and person's articles are
    # taken from it in that order (the same order sorting each list would give, as sorting
    # keeps ties in file order), not sorted again list by list.
    newest = _newest_first(articles)
    by_district = defaultdict(list)
    for a in newest:
        for d in dict.fromkeys(a.districts):
            by_district[d].append(a)
    districts = []
    for name in DISTRICT_ORDER + sorted(district_names - set(DISTRICT_ORDER)):
        slug = district_slugs[name]
        districts.append(Group(name, slug, urls.district(slug), by_district[name]))

    tag_slugs = urls.unique_slugs([t for a in articles for t in a.tags])
    by_tag = defaultdict(list)
    for a in newest:
        for t in dict.fromkeys(a.tags):
            by_tag[t].append(a)
    tags = [Group(t, tag_slugs[t], urls.tag(tag_slugs[t]), arts) for t, arts in by_tag.items()]
    tags.sort(key=lambda g: (-len(g.articles), g.slug))

    by_person: dict[str, Group] = {}
    roles = tuple(ROLES.items())
    person_slugs = urls.unique_slugs([n for a in articles for field_, _ in roles for n in getattr(a, field_)])
    for a in newest:
        for field_, role in roles:
            for n in getattr(a, field_):
                g = by_person.get(n)
                if g is None:
                    g = by_person[n] = Group(n, person_slugs[n], urls.person(person_slugs[n]))
                if not g.articles or g.articles[-1] is not a:     # a person in two roles is listed once
                    g.articles.append(a)
                g.roles.add(role)
    people = sorted(by_person.values(), key=lambda g: (-len(g.articles), g.slug))

    return SiteModel(
        articles=newest,
        issues=issue_list,
        page_of=page_of,
        districts=districts,
        tags=tags,
        people=people,
        tag_url={g.name: g.url for g in tags},
        district_url={g.name: g.url for g in districts},
        person_url={g.name: g.url for g in people},
        continuation=_match_continuations(articles),
        neighbours=_neighbours(issue_list),
    )
