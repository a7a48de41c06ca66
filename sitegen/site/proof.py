"""A proof of an edited article: while previewing, the article's own page and its printed
page (版面) are rendered again at once from the last build's model, before the full rebuild
(lists, feeds, search) has run, so the editor sees the edit within a moment of saving.

A proof is only made when it can be right about those two pages: the article keeps its
id, date, page and place on the page, the last build in this process left its model, and
nothing but article files changed. Anything else waits for the full rebuild, which
renders every page that depends on the edit and leaves the site equal to a clean build.
"""

from __future__ import annotations

import dataclasses
from collections import ChainMap
from dataclasses import dataclass
from pathlib import Path

import jinja2

from sitegen.content import Article, read_article
from sitegen.markdown import render_body
from sitegen.site.minify import collapse_whitespace
from sitegen.site.pages import PageJob
from sitegen.site.writer import InPlaceWriter


@dataclass
class _LastBuild:
    env: jinja2.Environment
    article_pages: dict[str, PageJob]        # article id → its page
    printed_pages: dict[str, PageJob]        # printed page URL → its page
    bodies: dict[str, str]                   # article id → body HTML
    ids: dict[str, str]                      # article file (resolved) → article id


_LAST: dict[str, _LastBuild] = {}


def remember_build(output_dir: Path, env: jinja2.Environment, jobs: list[PageJob], bodies: dict[str, str],
                   files: dict[str, Article]) -> None:
    """Keep what a proof needs from the build that just finished (one site per process)."""
    _LAST.clear()
    _LAST[str(Path(output_dir).resolve())] = _LastBuild(
        env=env,
        article_pages={j.context["article"].id: j for j in jobs if j.template == "article.html"},
        printed_pages={j.url: j for j in jobs if j.template == "printed_page.html"},
        bodies=bodies,
        ids={str(Path(p).resolve()): a.id for p, a in files.items()},
    )


def _placed(a: Article) -> tuple:
    return (a.id, a.date, a.page, a.source, a.order)


def proof(settings, changed: set[Path]) -> list[str] | None:
    """Render the pages of the edited articles in ``changed`` into the output folder and
    return the files written, or None when no proof can be made."""
    last = _LAST.get(str(Path(settings.output_dir).resolve()))
    content = Path(settings.content_dir).resolve()
    if last is None or not changed:
        return None
    if any(p.suffix != ".md" or content not in Path(p).resolve().parents for p in changed):
        return None
    made: dict[str, bytes] = {}
    for path in changed:
        ident = last.ids.get(str(Path(path).resolve()))
        job = last.article_pages.get(ident) if ident else None
        try:
            article = read_article(Path(path))
        except Exception:       # broken front matter: the full build names the file and line
            return None
        if job is None or _placed(article) != _placed(job.context["article"]):
            return None
        bodies = ChainMap({article.id: render_body(article.body)}, last.bodies)
        page_job = last.printed_pages.get(job.context["printed_page"].url)
        old_page = job.context["printed_page"]
        page = dataclasses.replace(old_page, articles=[article if a.id == article.id else a for a in old_page.articles])
        jobs = [dataclasses.replace(job, context={**job.context, "article": article, "printed_page": page})]
        if page_job is not None:
            # The issue's tabs mark the page shown by comparing it with the issue's own pages.
            issue = page_job.context["issue"]
            issue = dataclasses.replace(issue, pages=[page if p is old_page else p for p in issue.pages])
            jobs.append(dataclasses.replace(page_job, context={**page_job.context, "issue": issue,
                                                                "printed_page": page}))
        try:
            for j in jobs:
                made[j.path] = collapse_whitespace(last.env.get_template(j.template).render(
                    page_url=j.url, bodies=bodies, **j.context)).encode("utf-8")
        except Exception:       # the full build reports template errors with file and line
            return None
    writer = InPlaceWriter(Path(settings.output_dir), set())      # each file replaced whole
    for rel, data in made.items():
        writer.write(rel, data)
    return writer.written
