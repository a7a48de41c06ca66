"""Which HTML pages the site has, and what each one shows: (output path, template, context).

Pure: the site model in, a list of page jobs out. Rendering and writing happen elsewhere.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from sitegen.content import Article
from sitegen.site import urls
from sitegen.site.model import Group, Issue, PrintedPage, SiteModel
from sitegen.site.this_day import this_day


@dataclass
class PageJob:
    path: str                 # output file, relative to the site root (…/index.html)
    template: str
    context: dict
    url: str                  # its URL path relative to the site root ("" for the home page)
    in_sitemap: bool = True


def _index(url: str) -> str:
    return f"{url}index.html" if url else "index.html"


def _paginate(base_url: str, articles: list[Article], size: int) -> list[tuple[int, int, list[Article], str]]:
    """A list's pages, numbered from its oldest article: page 1 holds the first ``size``
    articles ever listed, page 2 the next, and so on, each at ``page/N/`` for good. The list's
    own URL shows the newest: the newest full page with what came after it (``size`` to
    ``2 * size - 1`` articles). So an article joining a list changes its first page only (and,
    each ``size`` articles, the page that moves off it appears under its number): an older
    page keeps its URL and its bytes, for readers' links, crawlers and archivists.
    ``articles`` are newest first; returns (number, newest number, articles, URL), newest first."""
    full = max(1, len(articles) // size)          # the newest page's number
    front = len(articles) - (full - 1) * size
    pages = [(full, full, articles[:front], base_url)]
    for number in range(full - 1, 0, -1):
        end = len(articles) - (number - 1) * size
        pages.append((number, full, articles[end - size:end], urls.paginated(base_url, number, full)))
    return pages


PAGER_REACH = 2     # page links either side of the current one
NEWEST = "最新"      # the pager's name for a list's first page (its number changes as the list grows)


def _pager(base_url: str, number: int, total: int) -> dict:
    """Links to the newest and the oldest pages and to those near this one, newest first,
    with a gap (None) where pages are left out: a district with thousands of pages of
    articles would otherwise list every one of them on every one of them. The first page
    is called 最新, not by its number, so that an older page's links stay as they are when
    the list grows."""
    shown = sorted({1, total, *range(max(1, number - PAGER_REACH), min(total, number + PAGER_REACH) + 1)},
                   reverse=True)
    pages: list[tuple[int | str | None, str | None]] = []
    for before, n in zip([total + 1, *shown], shown):
        if before - n > 1:
            pages.append((None, None))
        pages.append((NEWEST if n == total else n, urls.paginated(base_url, n, total)))
    return {
        "number": NEWEST if number == total else number, "total": total, "newest": number == total,
        "prev": urls.paginated(base_url, number + 1, total) if number < total else None,     # newer
        "next": urls.paginated(base_url, number - 1, total) if number > 1 else None,         # older
        "pages": pages,
    }


def _list_jobs(group: Group, kind: str, size: int, template: str = "list.html", extra: dict | None = None) -> list[PageJob]:
    jobs = []
    for number, total, chunk, url in _paginate(group.url, group.articles, size):
        paging = _pager(group.url, number, total)
        # An older page says which of the list's articles it holds, counted from the oldest
        # (words that stay true as the list grows); the first page says how many there are.
        paging["first"], paging["last"] = (number - 1) * size + 1, (number - 1) * size + len(chunk)
        context = {"group": group, "kind": kind, "articles": chunk, "paging": paging}
        context.update(extra or {})
        jobs.append(PageJob(_index(url), template, context, url))
    return jobs


# The districts each place lies in, as the gazetteer says (place → districts), which a build
# fills from its cache: the gazetteer takes a second to load and a day brings few new places.
PLACE_DISTRICTS: dict[str, tuple[str, ...]] = {}


def _districts_of(place: str) -> tuple[str, ...]:
    found = PLACE_DISTRICTS.get(place)
    if found is None:
        from sitegen.places import load_gazetteer

        entry = load_gazetteer().entries.get(place)
        PLACE_DISTRICTS[place] = found = tuple(entry.districts) if entry is not None else ()
    return found


def _by_place(articles: list[Article], district: str) -> list[tuple[str, list[Article]]]:
    """A district's articles grouped by the place that put them there, in order of first use."""
    groups: dict[str, list[Article]] = {}
    for a in articles:
        place = next((p for p in a.places if district in _districts_of(p)), None)
        groups.setdefault(place or district, []).append(a)
    return list(groups.items())


def _shades(counts: dict[str, int], steps: int = 4) -> dict[str, int]:
    """Shade 0 for no articles, 1..steps in proportion to the busiest district."""
    most = max(counts.values(), default=0) or 1
    return {name: 0 if n == 0 else max(1, min(steps, -(-steps * n // most))) for name, n in counts.items()}


def trail(date: str | None, page: PrintedPage | None = None, here: bool = True) -> list[tuple[str, str | None]]:
    """The breadcrumbs after 首页 down to an issue or a 版: 2020年 › 7月 › 20日 › 第3版, each a
    link but the last when it is the page itself (``here``); an article adds its headline."""
    if date:
        y, m, d = date.split("-")
        steps = [(f"{y}年", urls.year(y)), (f"{int(m)}月", urls.month(y, m)), (f"{int(d)}日", urls.day(date))]
    else:
        steps = [("日期", "date/"), ("日期不详", urls.day(None))]
    if page is not None:
        steps.append((page.label, page.url))
    return steps[:-1] + [(steps[-1][0], None)] if here else steps


# The pages that belong to one issue: its own page, its printed pages and its articles'
# pages. What they show comes from that issue and its neighbours only (``keys.IssueKeys``),
# so a daily update need not set up the pages of the issues it leaves as they were.
ISSUE_TEMPLATES = frozenset({"article.html", "issue.html", "printed_page.html"})


def issue_files(issue: Issue) -> list[str]:
    """The site files of an issue's pages, as ``page_jobs`` names them."""
    files = [_index(urls.article(a.id)) for p in issue.pages for a in p.articles]
    files.append(_index(issue.url))
    files += [_index(p.url) for p in issue.pages]
    return files


def page_jobs(model: SiteModel, page_size: int, skip: frozenset[str] | set[str] = frozenset(),
              days: dict | None = None) -> list[PageJob]:
    """Every page of the site, but those of the dated issues in ``skip`` (their dates):
    their files stand as the last build made them. ``days``: ``this_day(model)``, when
    the caller has it."""
    jobs: list[PageJob] = []
    latest = model.dated_issues[0] if model.dated_issues else (model.issues[0] if model.issues else None)
    days = this_day(model) if days is None else days
    jobs.append(PageJob("index.html", "index.html", {"latest": latest, "this_day": list(days)}, ""))

    for article in model.articles:
        if skip and article.date in skip:
            continue
        page = model.page_of[article.id]
        i = page.articles.index(article)
        jobs.append(PageJob(_index(urls.article(article.id)), "article.html", {
            "article": article,
            "printed_page": page,
            "prev_article": page.articles[i - 1] if i > 0 else None,
            "next_article": page.articles[i + 1] if i + 1 < len(page.articles) else None,
            "continued": model.continuation.get(article.id, (None, None)),
            "issue_url": urls.day(article.date),
            "trail": trail(article.date, page, here=False),
            "page_around": model.around(page),
            "issue_around": model.neighbours.get(urls.day(article.date), (None, None)),
        }, urls.article(article.id)))

    years = model.years()
    jobs.append(PageJob("date/index.html", "dates.html", {"years": years}, "date/"))
    for y, months in years.items():
        jobs.append(PageJob(_index(urls.year(y)), "year.html", {"year": y, "months": months}, urls.year(y)))
        for m, issues in months.items():
            by_day = {int(i.date[8:]): i for i in issues}
            weeks = calendar.Calendar(firstweekday=0).monthdayscalendar(int(y), int(m))
            jobs.append(PageJob(_index(urls.month(y, m)), "month.html",
                                {"year": y, "month": m, "weeks": weeks, "by_day": by_day, "issues": issues},
                                urls.month(y, m)))
    for issue in model.issues:
        if skip and issue.date in skip:
            continue
        jobs.append(PageJob(_index(issue.url), "issue.html",
                            {"issue": issue, "trail": trail(issue.date), "issue_around": model.around(issue)},
                            issue.url))
        for page in issue.pages:
            jobs.append(PageJob(_index(page.url), "printed_page.html", {
                "issue": issue, "printed_page": page, "trail": trail(issue.date, page),
                "page_around": model.around(page), "issue_around": model.around(issue)}, page.url))

    from sitegen.maps import CREDIT, district_shapes

    counts = {g.name: len(g.articles) for g in model.districts}

    jobs.append(PageJob("district/index.html", "districts.html",
                        {"district_map": district_shapes(), "map_credit": CREDIT,
                         "district_counts": counts, "district_shades": _shades(counts)}, "district/"))
    for group in model.districts:
        for job in _list_jobs(group, "district", page_size, "district.html"):
            job.context["by_place"] = _by_place(job.context["articles"], group.name)
            jobs.append(job)
    jobs.append(PageJob("tag/index.html", "tags.html", {}, "tag/"))
    for group in model.tags:
        jobs += _list_jobs(group, "tag", page_size)
    jobs.append(PageJob("people/index.html", "people.html", {}, "people/"))
    for group in model.people:
        jobs += _list_jobs(group, "person", page_size)
    jobs.append(PageJob("search/index.html", "search.html", {}, "search/"))
    jobs.append(PageJob("404.html", "404.html", {}, "404.html", in_sitemap=False))
    return jobs
