"""The daily update: a new issue added to a built archive gives the site a clean build
gives, whether the build runs where the last one did or on a fresh checkout with the
cache and the site restored (as the GitHub Pages workflow's actions/cache does)."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from pathlib import Path

import pytest

import sitegen.site.build as build_module
import sitegen.site.cache as cache_module
import sitegen.site.writer as writer_module
from sitegen.config import load_settings
from sitegen.parallel import can_fork
from sitegen.content import article_to_text, read_article
from sitegen.site import build_site
from conftest import copy_project, site_differences


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The pages a build renders (the sample is small enough to render in one process)."""
    made: list[str] = []
    real = build_module._render
    monkeypatch.setattr(build_module, "_render", lambda env, job, bodies: made.append(job.path) or real(env, job, bodies))
    return made


def _archive(dest: Path) -> Path:
    """The sample's articles, without page files (what a CI checkout builds)."""
    project = copy_project(dest)
    shutil.rmtree(project / "seeds")
    return project


def _add_issue(content: Path, day: str) -> int:
    """The newest issue's articles again, as the next day's issue (ingest's output for it)."""
    articles = [(p, read_article(p)) for p in sorted(content.rglob("*.md"))]
    newest = max(a.date or "" for _, a in articles)
    made = 0
    for path, a in articles:
        if a.date == newest:
            b = dataclasses.replace(a, id=f"{a.id}-next", date=day, ingest_hash=None)
            target = content / day[:4] / day[5:7] / f"{b.id}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(article_to_text(b), encoding="utf-8")
            made += 1
    return made


def _clean_build(project: Path, dest: Path) -> Path:
    clean = dest / "clean"
    clean.mkdir()
    shutil.copy(project / "sitegen.toml", clean / "sitegen.toml")
    shutil.copytree(project / "content", clean / "content")
    shutil.copytree(project / "themes", clean / "themes")
    build_site(load_settings(clean))
    return clean / "public"


def test_a_new_issue_built_onto_the_archive_equals_a_clean_build(tmp_path, rendered):
    project = _archive(tmp_path / "project")
    first = build_site(load_settings(project))
    assert _add_issue(project / "content", "2022-12-31") > 1
    rendered.clear()
    report = build_site(load_settings(project))
    assert any(p.endswith("-next/index.html") for p in rendered)
    assert 0 < len(rendered) < len(first.written_files) / 2     # the day's pages, not the site again
    assert report.articles > first.articles
    assert site_differences(project / "public", _clean_build(project, tmp_path)) == []


def test_a_fresh_checkout_with_the_cache_restored_builds_only_the_new_issue(tmp_path, rendered):
    project = _archive(tmp_path / "project")
    first = build_site(load_settings(project))
    # What the workflow keeps: the cache and the site, copied away and back with their times
    # (tar keeps them to the nanosecond); the checkout gives every file of the project a new time.
    kept = tmp_path / "kept"
    for name in (".sitegen-cache", "public"):
        shutil.copytree(project / name, kept / name, symlinks=True)
    shutil.rmtree(project / "public")
    shutil.rmtree(project / ".public.staging", ignore_errors=True)
    shutil.rmtree(project / ".sitegen-cache")
    for path in [*(project / "content").rglob("*.md"), *(project / "themes").rglob("*.*"), project / "sitegen.toml"]:
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)
        os.utime(path, ns=(path.stat().st_mtime_ns + 7_000_000_123,) * 2)
    for name in (".sitegen-cache", "public"):
        shutil.copytree(kept / name, project / name, symlinks=True)
    _add_issue(project / "content", "2022-12-31")
    rendered.clear()
    build_site(load_settings(project))
    assert 0 < len(rendered) < len(first.written_files) / 2
    assert site_differences(project / "public", _clean_build(project, tmp_path)) == []


def test_a_restored_site_whose_times_were_cut_to_seconds_is_made_again_whole(tmp_path, rendered):
    project = _archive(tmp_path / "project")
    first = build_site(load_settings(project))
    kept = tmp_path / "kept"
    shutil.copytree(project / "public", kept)
    shutil.rmtree(project / "public")
    shutil.rmtree(project / ".public.staging", ignore_errors=True)
    for path in kept.rglob("*"):
        if path.is_file():
            seconds = path.stat().st_mtime_ns // 1_000_000_000 * 1_000_000_000
            os.utime(path, ns=(seconds, seconds))
    shutil.copytree(kept, project / "public")
    # (The folder may get the inode the old one had, and then "nothing changed since the last
    # build" would rightly stand: the bytes are the same. Here the site files are the question.)
    (project / ".sitegen-cache" / "last-build.json").unlink()
    rendered.clear()
    build_site(load_settings(project))
    assert len(rendered) == len([p for p in first.written_files if p.endswith(".html")])   # none trusted
    assert site_differences(project / "public", _clean_build(project, tmp_path)) == []


def test_a_new_issue_leaves_the_older_pages_of_the_lists_it_joins_as_they_were(tmp_path, rendered):
    # Lists count their pages from the oldest article: a reader's link to tag/x/page/3/ keeps
    # showing the same articles as the archive grows, and the day's update makes again only
    # each list's first page and the few pages whose pager reaches the newest.
    project = _archive(tmp_path / "project")
    toml = project / "sitegen.toml"
    toml.write_text(re.sub(r"^page_size = \d+", "page_size = 1", toml.read_text(encoding="utf-8"), flags=re.M),
                    encoding="utf-8")
    build_site(load_settings(project))
    public = project / "public"
    older = {p: p.read_bytes() for p in public.glob("*/*/page/*/index.html")}
    assert len(older) > 20
    joined = _add_issue(project / "content", "2022-12-31")
    rendered.clear()
    build_site(load_settings(project))
    made_again = [p for p in rendered if "/page/" in p]
    assert made_again, "the pages that moved off each first page are made"
    for rel in made_again:
        base, number = rel.split("/page/")[0], int(rel.split("/page/")[1].split("/")[0])
        top = max(int(p.parent.name) for p in (public / base / "page").glob("*/index.html"))
        assert number > top - joined - 4, rel          # only the new pages and those whose pager reaches them
    kept = [p for p, data in older.items() if p.read_bytes() == data]
    assert len(kept) > len(older) / 2
    assert site_differences(public, _clean_build(project, tmp_path)) == []


def test_a_damaged_month_in_the_cache_costs_only_a_re_read_of_that_month(tmp_path, monkeypatch):
    # The cache keeps the articles a content folder (a month) to a file. A file cut short
    # (a full disk, a killed build), or one left from another month's state, must never
    # show a reader an article as it was: the month is read again, the site is right.
    project = _archive(tmp_path / "project")
    build_site(load_settings(project))
    shards = sorted((project / ".sitegen-cache" / "articles").glob("*.marshal"))
    assert len(shards) >= 2
    shards[0].write_bytes(shards[0].read_bytes()[:100])          # cut short
    shards[1].write_bytes(shards[-1].read_bytes())               # another month's file in its place
    edited = sorted((project / "content").rglob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("\n\n", "\n\n（更正）", 1), encoding="utf-8")
    _add_issue(project / "content", "2022-12-31")
    build_site(load_settings(project))
    assert "（更正）" in (project / "public" / "a" / read_article(edited).id / "index.html").read_text(encoding="utf-8")
    assert site_differences(project / "public", _clean_build(project, tmp_path)) == []
    # and the damaged files were written again whole: the next build reads no article file
    reread = []
    real = cache_module._parse
    monkeypatch.setattr(cache_module, "_parse", lambda path, data: reread.append(path) or real(path, data))
    for path in (project / "content").rglob("*.md"):
        os.utime(path)                    # every file looks changed: only its bytes say it is not
    build_site(load_settings(project))
    assert reread == []


def test_a_rebuild_after_a_rebuild_links_again_only_what_the_last_one_changed(tmp_path, monkeypatch):
    # The build that switches records in which files the staging folder (the site before)
    # differs from the live one; the next build links again only those instead of walking
    # both folders (230,000 files at 100,000 articles), and still gives a clean build's site,
    # also after a page of the live site was deleted or a stray file put there by hand.
    walks = []
    real = writer_module.subprocess.Popen

    def popen(args, **kwargs):
        if writer_module._SYNC in args:
            walks.append(args)
        return real(args, **kwargs)

    monkeypatch.setattr(writer_module.subprocess, "Popen", popen)
    project = _archive(tmp_path / "project")
    public = project / "public"
    build_site(load_settings(project))
    _add_issue(project / "content", "2022-12-31")
    build_site(load_settings(project))
    assert len(walks) == 1                  # no record yet: the staging folder is made by the walk
    steps = [lambda: _add_issue(project / "content", "2023-01-01"),
             lambda: next((project / "content").rglob("*-next.md")).unlink(),    # an article's pages go away
             lambda: ((public / "tag" / "index.html").unlink(), (public / "stray.txt").write_text("x"),
                      os.utime(sorted((project / "content").rglob("*.md"))[0]))]
    for n, step in enumerate(steps):
        step()
        build_site(load_settings(project))
        assert len(walks) == 1, n
        (tmp_path / str(n)).mkdir()
        assert site_differences(public, _clean_build(project, tmp_path / str(n))) == [], n
        assert not [p for p in public.rglob("*") if p.is_dir() and not any(p.iterdir())], n


def test_an_older_issue_whose_links_moved_is_made_again_though_its_articles_did_not_change(tmp_path, rendered):
    # A daily update sets up only the pages of the issues whose inputs changed. An issue
    # can change without any of its articles changing: a new tag spelled as an older tag's
    # slug takes that URL (the slug an editor wrote is kept first) and the older tag moves
    # to another, so every older page that links the older tag must be made again.
    from sitegen.site.urls import slugify

    project = _archive(tmp_path / "project")
    content = project / "content"
    build_site(load_settings(project))
    dated = sorted((a.date, p, a) for p in content.rglob("*.md") for a in [read_article(p)] if a.date and a.tags)
    _, _, older = dated[0]
    old_slug = slugify(older.tags[0])
    page = project / "public" / "a" / older.id / "index.html"
    assert f"tag/{old_slug}/" in page.read_text(encoding="utf-8")
    _add_issue(content, "2022-12-31")
    new_file = next(content.rglob("*-next.md"))
    new = read_article(new_file)
    new_file.write_text(article_to_text(dataclasses.replace(new, tags=[old_slug])), encoding="utf-8")
    rendered.clear()
    build_site(load_settings(project))
    assert f"a/{older.id}/index.html" in rendered
    assert f"tag/{old_slug}/" not in page.read_text(encoding="utf-8")        # it links the older tag's new URL
    assert site_differences(project / "public", _clean_build(project, tmp_path)) == []


def test_bodies_kept_in_a_damaged_or_misplaced_cache_file_are_made_again(tmp_path):
    # The bodies' HTML is read from the cache only when a page that shows it is made again;
    # a file of it cut short, or another month's file in its place, never puts a wrong or
    # missing text on a page.
    project = _archive(tmp_path / "project")
    build_site(load_settings(project))
    kept = sorted((project / ".sitegen-cache" / "articles").glob("*.bodies"))
    assert len(kept) >= 2
    first = kept[0].read_bytes()
    kept[0].write_bytes(kept[-1].read_bytes())         # another month's bodies in its place
    kept[-1].write_bytes(first[:len(first) // 2])      # cut short
    template = project / "themes" / "default" / "templates" / "article.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{# changed #}\n", encoding="utf-8")
    build_site(load_settings(project))                 # the theme changed: every page is made again
    assert site_differences(project / "public", _clean_build(project, tmp_path)) == []


def _site_files(public: Path) -> dict[str, bytes]:
    return {str(p.relative_to(public)): p.read_bytes() for p in sorted(public.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("how", ["error", pytest.param("killed", marks=pytest.mark.skipif(
    not can_fork(), reason="killing the search's own process: it has one only where forking is safe"))])
def test_a_daily_update_whose_search_fails_says_why_and_leaves_the_site_as_it_was(tmp_path, monkeypatch, how):
    # A daily update's search is made in a process beside the pages: what goes wrong there
    # is the build's error, and the site stays the last build's.
    from sitegen.errors import SitegenError
    import sitegen.search

    project = _archive(tmp_path / "project")
    build_site(load_settings(project))
    before = _site_files(project / "public")
    _add_issue(project / "content", "2022-12-31")

    def failing(*args, **kwargs):
        if how == "killed":
            os.kill(os.getpid(), 9)
        raise SitegenError("search: something went wrong in the index")

    monkeypatch.setattr(sitegen.search, "search_files", failing)
    with pytest.raises(SitegenError) as failed:
        build_site(load_settings(project))
    if how == "error":
        assert str(failed.value) == "search: something went wrong in the index"
    else:
        assert str(failed.value) == "the search stopped in its own process without an answer (killed by signal 9)"
    assert _site_files(project / "public") == before
    monkeypatch.undo()
    build_site(load_settings(project))
    assert site_differences(project / "public", _clean_build(project, tmp_path)) == []
