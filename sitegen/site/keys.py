"""The inputs of each page, as a key: a page whose key is unchanged need not be rendered.

Each key lists exactly what the page's template shows (the articles it lists and how, the
links it makes, the counts it prints). ``tests/test_serve.py`` holds an incremental build
equal to a clean one, which is what keeps these keys honest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal

from sitegen.content import Article
from sitegen.site.model import SiteModel
from sitegen.site.pages import PageJob


def _h(value) -> str:
    # marshal (format 0: no references, so equal values give equal bytes whatever their
    # identity) is four times faster than repr for the plain tuples most keys are; a value
    # holding another object (a page's scan) falls back to repr.
    try:
        data = b"m" + marshal.dumps(value, 0)
    except ValueError:
        data = b"r" + repr(value).encode("utf-8")
    return hashlib.sha1(data).hexdigest()


_FIELDS = tuple(f.name for f in dataclasses.fields(Article))


def article_print(a: Article) -> str:
    return _h(tuple(getattr(a, name) for name in _FIELDS))


class PageKeys:
    """``keys(job)``: a page's key. What many pages share (an issue's contents, an article
    as a list shows it) is worked out once per build, not once per page that shows it."""

    def __init__(self, model: SiteModel, prints: dict[str, str]):
        self.model, self.prints = model, prints
        self._items: dict[int, bytes] = {}
        self._issues: dict[int, str] = {}

    def _item(self, a: Article) -> bytes:
        """What a list shows of an article, as bytes: an article is in half a dozen lists,
        each page of which would otherwise marshal it again (most of the keys' time)."""
        item = self._items.get(id(a))
        if item is None:
            item = self._items[id(a)] = marshal.dumps((a.id, a.display_title, a.date, a.kind, tuple(a.districts)), 0)
        return item

    def _items_of(self, articles) -> bytes:
        # marshal's bytes say where each value ends: joined, they still tell one list of
        # items from another.
        return b"".join([self._item(a) for a in articles])

    def _issue(self, issue) -> str:
        if issue is None:
            return ""
        h = self._issues.get(id(issue))
        if h is None:
            h = self._issues[id(issue)] = _h((issue.date, tuple((p.label, p.url, self._items_of(p.articles), p.scan)
                                                                for p in issue.pages)))
        return h

    def __call__(self, job: PageJob) -> str:
        model, prints = self.model, self.prints
        c = job.context
        t = job.template
        if t == "article.html":
            a = c["article"]
            prev, nxt = c["prev_article"], c["next_article"]
            cont = c["continued"]
            links = (tuple(model.person_url.get(n) for names in a.people.values() for n in names),
                     tuple(model.district_url.get(d) for d in a.districts), tuple(model.tag_url.get(x) for x in a.tags))
            value = (prints[a.id], prev and (prev.id, prev.display_title), nxt and (nxt.id, nxt.display_title),
                     c["printed_page"].label, c["printed_page"].url, c["issue_url"], c["printed_page"].scan,
                     tuple(p and (p.id, p.display_title, p.continued_to) for p in cont), links, c.get("errata_url"),
                     _around(c))
        elif t in ("list.html", "district.html"):
            g = c["group"]
            p = c["paging"]
            # How many articles the list has is shown on its newest page only: an older page
            # stands as the list grows.
            value = (c["kind"], g.name, g.url, len(g.articles) if p["newest"] else None, tuple(sorted(g.roles)),
                     tuple(p["pages"]), p["number"], p["newest"], p["prev"], p["next"], p["first"], p["last"],
                     self._items_of(c["articles"]),
                     tuple((p, tuple(a.id for a in arts)) for p, arts in c.get("by_place", ())))
        elif t == "printed_page.html":
            value = (self._issue(c["issue"]), tuple(prints[a.id] for a in c["printed_page"].articles),
                     c["printed_page"].url, _around(c))
        elif t == "issue.html":
            value = (self._issue(c["issue"]), _around(c))
        elif t == "index.html":
            value = (self._issue(c["latest"]), len(model.articles), len(model.dated_issues), len(model.tags),
                     len(model.people), tuple(c.get("this_day", ())))
        elif t in ("dates.html", "year.html", "month.html"):
            value = (repr({k: v for k, v in c.items() if k not in ("years", "months", "issues", "by_day")}),
                     _years(c), [(i.date, len(i.articles)) for i in model.issues if not i.date])
        elif t == "districts.html":
            value = (tuple(sorted(c["district_counts"].items())), tuple((g.name, g.url) for g in model.districts))
        elif t == "tags.html":
            value = tuple((g.name, g.url, len(g.articles)) for g in model.tags)
        elif t == "people.html":
            value = tuple((g.name, g.url, tuple(sorted(g.roles)), len(g.articles)) for g in model.people)
        else:
            value = ()
        return _h((t, job.url, value))


def _around(c: dict) -> tuple:
    """The neighbouring issues and 版 a page links to."""
    return tuple(x and (x.url, getattr(x, "label", x.date)) for k in ("page_around", "issue_around")
                 for x in c.get(k, ()))


def _years(c: dict) -> tuple:
    def issues(items):
        return tuple((i.date, len(i.articles), i.url) for i in items)

    if "years" in c:
        return tuple((y, tuple((m, issues(v)) for m, v in sorted(months.items()))) for y, months in sorted(c["years"].items()))
    if "months" in c:
        return tuple((m, issues(v)) for m, v in sorted(c["months"].items()))
    return issues(c.get("issues", ()))


def _near(pair) -> tuple:
    return tuple(x and (x.url, getattr(x, "label", x.date)) for x in pair)


class IssueKeys:
    """``keys(issue)``: the inputs of all the pages of one dated issue (``pages.ISSUE_TEMPLATES``:
    its own page, its printed pages, its articles' pages) as one key. It holds all that the
    page keys of those pages hold: its articles in full (their prints), the pages they are
    printed on, the lists they link to, the articles they continue, the issues and 版
    before and after; so an issue whose key is unchanged has pages whose keys are unchanged,
    and a daily update need not set up the pages of the thousands of issues it leaves
    alone. ``files``: article id → its file, where the 纠错 link names the file (else None)."""

    def __init__(self, model: SiteModel, prints: dict[str, str], files: dict[str, str] | None = None):
        self.model, self.prints, self.files = model, prints, files

    def _article(self, a: Article) -> tuple:
        model = self.model
        cont = model.continuation.get(a.id)
        return (self.prints[a.id],
                tuple(model.person_url.get(n) for names in (a.reporters, a.correspondents, a.photographers, a.authors)
                      for n in names),
                tuple(model.district_url.get(d) for d in a.districts), tuple(model.tag_url.get(x) for x in a.tags),
                cont and tuple(x and x.id for x in cont), self.files.get(a.id) if self.files is not None else None)

    def __call__(self, issue) -> str:
        model = self.model
        pages = tuple((p.label, p.url, p.number, p.source, p.scan, _near(model.around(p)),
                       tuple([self._article(a) for a in p.articles])) for p in issue.pages)
        return _h(("issue", issue.date, issue.url, _near(model.around(issue)), pages))
