"""``sitegen build``: ingest what is new, then render the site. Small named steps:

load → model → pages → render → feeds, sitemap, export, search → write → swap.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from sitegen.config import Settings
from sitegen.errors import SitegenError
from sitegen.markdown import plain_text
from sitegen.parallel import Beside, cores, process_pool
from sitegen.scans import attach_scans, prepare_scans, publish_scans, scan_inputs
from sitegen.site import urls
from sitegen.site.cache import BuildCache, Listing, content_files, load_articles_cached
from sitegen.site.export import by_issue, index_json, issue_export
from sitegen.site.feeds import GROUP_FEED_LEAST, atom_feed, feed_articles, group_feed_since
from sitegen.site.keys import IssueKeys, PageKeys
from sitegen.site.address import address_warnings
from sitegen.site.describe import page_meta
from sitegen.site.errata import add_report_links
from sitegen.site.metadata import news_article
from sitegen.site.minify import collapse_whitespace
from sitegen.site.model import SiteModel, build_model
from sitegen.site.pages import PLACE_DISTRICTS, PageJob, issue_files, page_jobs
from sitegen.site.proof import remember_build
from sitegen.site.redirects import redirect_page, redirect_targets
from sitegen.site.sitemap import chunk_key, robots, site_entries, sitemap_chunks, sitemap_index, urlset
from sitegen.site.this_day import this_day, this_day_files
from sitegen.site.writer import STAGING_OPEN, LiveSite, SiteWriter, StagingRecord, crash_point, recover
from sitegen.templates import make_environment, template_error, theme_dirs

KIND_NAMES = {"news": "消息", "photo": "图片新闻", "column": "专栏", "continuation": "转版", "ad": "广告", "other": "其他"}


@dataclass
class BuildReport:
    articles: int = 0
    files: int = 0                       # files in the site
    written: int = 0                     # files whose bytes changed
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    ingest_summary: str = ""
    warnings: list[str] = field(default_factory=list)          # one line each, for stderr
    content_written: list[Path] = field(default_factory=list)   # article files ingest (re)wrote
    written_files: list[str] = field(default_factory=list)      # site files whose bytes changed
    scans: str = ""                      # pages with a scan, and how many were cut this build

    def summary(self) -> str:
        lines = [self.ingest_summary] if self.ingest_summary else []
        lines += [self.scans] if self.scans else []
        lines.append(f"build: {self.articles} articles, {self.files} files ({self.written} written), {self.seconds:.1f}s")
        return "\n".join(lines)


class _Progress:
    """A progress line on a terminal, shown only once the build has run for a second."""

    def __init__(self, enabled: bool, total: int):
        self.enabled, self.total, self.start, self.last = enabled, total, time.monotonic(), 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.start < 1 or now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / max(self.total, 1))
        sys.stderr.write(f"\rbuild [{'#' * filled}{'.' * (width - filled)}] {done}/{self.total}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and time.monotonic() - self.start >= 1:
            sys.stderr.write("\n")


def _date_cn(date: str | None) -> str:
    if not date:
        return "日期不详"
    y, m, d = date.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def _environment(settings: Settings, model: SiteModel) -> jinja2.Environment:
    base = settings.base_path

    def url(path: str = "") -> str:
        return base + path.lstrip("/")

    def asset(path: str) -> str:
        return base + "static/" + path.lstrip("/")

    def absolute(path: str = "") -> str:
        if "://" in settings.base_url:
            return settings.base_url.rstrip("/") + "/" + path.lstrip("/")
        return url(path)

    env = make_environment(theme_dirs(settings.themes_dir, settings.theme), {
        "site": {"title": settings.title, "paper": settings.paper or settings.title,
                 "language": settings.language, "base_path": base, "export": settings.export},
        "model": model,
        "url": url,
        "asset": asset,
        "absolute": absolute,
        "article_url": lambda a: url(urls.article(a.id)),
        "kind_names": KIND_NAMES,
        "date_cn": _date_cn,
        "news_article": lambda a, image="": news_article(a, settings.paper or settings.title, image),
        "page_meta": jinja2.pass_context(lambda context: page_meta(context, settings.paper or settings.title,
                                                                   settings.title, _date_cn)),
        "scan_url": lambda path, full=False: path if "://" in path else absolute(path) if full else url(path),
    })
    env.filters["date_cn"] = _date_cn
    env.filters["plain"] = plain_text
    env.filters["tojson_ld"] = lambda data: jinja2.utils.htmlsafe_json_dumps(data, ensure_ascii=False,
                                                                             separators=(",", ":"))
    return env


def _compiled_templates(cache_dir: Path, everywhere: str) -> jinja2.BytecodeCache | None:
    """Templates compiled by an earlier build (half a second a fresh process, and again in
    each page worker). Kept under the inputs key, which covers the theme and sitegen's own
    code (the environment's options): compiled by other code, they are not used."""
    folder = cache_dir / "templates"
    mine = folder / everywhere[:16]
    try:
        mine.mkdir(parents=True, exist_ok=True)
        for other in folder.iterdir():
            if other != mine:
                shutil.rmtree(other, ignore_errors=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(mine))


class _Bodies:
    """Article id → its body's HTML, made or read from the cache when a page or feed asks
    for it (``BuildCache.body_html``). ``files``: article id → its file."""

    def __init__(self, cache: BuildCache, files: dict[str, str]):
        self.cache, self.files = cache, files

    def __getitem__(self, article_id: str) -> str:
        return self.cache.body_html(self.files[article_id])

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.files

    def get(self, article_id: str, default=None):
        return self[article_id] if article_id in self.files else default

    def clear(self) -> None:
        self.files = {}


def _render(env: jinja2.Environment, job: PageJob, bodies: dict[str, str]) -> bytes:
    try:
        template = env.get_template(job.template)
        return collapse_whitespace(template.render(page_url=job.url, bodies=bodies, **job.context)).encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        raise template_error(exc) from None
    except jinja2.TemplateNotFound as exc:
        raise SitegenError(f"template not found: {exc.name}", job.template) from None
    except SitegenError:
        raise
    except Exception as exc:  # an error inside a template: name the template file and line
        frame = _template_frame(exc.__traceback__)
        where = frame or (job.template, None)
        raise SitegenError(f"template error while rendering {job.path}: {type(exc).__name__}: {exc}",
                           where[0], where[1]) from None


def _write(writer: SiteWriter, rel: str, data: bytes | None, env: jinja2.Environment, jobs: list[PageJob],
           bodies: dict[str, str], settings: Settings) -> None:
    """Write a file of the site; None means "as last time": the previous file is kept."""
    if data is None and writer.keep(rel):
        return
    if data is None:                   # the previous file is gone after all: make it
        job = next((j for j in jobs if j.path == rel), None)
        if job is None:
            raise SitegenError(f"cannot rebuild {rel}: delete {settings.cache_dir} and build again")
        data = _render(env, job, bodies)
    writer.write(rel, data)


PARALLEL_PAGES = 2000      # pages to render; below this, starting workers costs more than it saves
HOLD_PAGES = 1000          # pages to render; up to this, what is made waits in memory for the staging folder
_RENDERING = None          # what forked page workers render: (env, jobs, bodies, settings, output)


def _render_pages(numbers: list[int]) -> tuple[list[str], set[str]]:
    """Render and write some of the pages (runs in a forked worker process)."""
    env, jobs, bodies, settings, output = _RENDERING
    writer = SiteWriter(output)          # the staging folder the parent made: not entered again
    for n in numbers:
        _write(writer, jobs[n].path, _render(env, jobs[n], bodies), env, jobs, bodies, settings)
    return writer.written, writer.files


def _has_template(env: jinja2.Environment, name: str) -> bool:
    """Optional pages (search) are made only when the theme has their template."""
    try:
        env.get_template(name)
        return True
    except jinja2.TemplateNotFound:
        return False
    except jinja2.TemplateSyntaxError as exc:
        raise template_error(exc) from None


def _template_frame(tb) -> tuple[str, int] | None:
    found = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".html", ".xml", ".j2")):
            found = (name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _stat_hash(h, roots: list[Path]) -> None:
    """Add every file under ``roots`` (or the file itself) to ``h`` by path, size and time."""
    for root in roots:
        files = sorted(root.rglob("*")) if root.is_dir() else [root] if root.is_file() else []
        for p in files:
            if p.is_file() and "__pycache__" not in p.parts:
                st = p.stat()
                h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())


def _bytes_hash(h, roots: list[Path]) -> None:
    """Add every file under ``roots`` (or the file itself) to ``h`` by name and bytes: a fresh
    checkout or install (a CI run) gives these files new times but the same pages."""
    for n, root in enumerate(roots):
        files = sorted(root.rglob("*")) if root.is_dir() else [root] if root.is_file() else []
        for p in files:
            if p.is_file() and "__pycache__" not in p.parts:
                data = p.read_bytes()
                h.update(f"{n}:{p.relative_to(root) if p != root else p.name}\0{len(data)}\0".encode())
                h.update(data)


def _inputs_key(settings: Settings) -> str:
    """What every page depends on: the settings, the theme's files, the data files
    (gazetteer, vocabulary) and sitegen's own code (about 1 MB, read on every build)."""
    import hashlib

    import sitegen

    h = hashlib.sha1(repr(sorted(vars(settings).items(), key=lambda kv: kv[0])).encode())
    _bytes_hash(h, [*theme_dirs(settings.themes_dir, settings.theme), Path(sitegen.__file__).parent,
                   Path(settings.root) / "sitegen.toml",
                   *(Path(p) for p in (settings.vocabulary, settings.gazetteer, settings.landmarks) if p)])
    return h.hexdigest()


def _search_beside(search_files, articles, article_urls, settings, cache: BuildCache, writer: SiteWriter):
    """The search stage in a process of its own (``Beside``): the files it made and the
    ones it kept, for the build's writer to take, and their keys."""
    if not gc.isenabled():     # forked while the build loads: what it loaded stays out of the walks
        gc.freeze()
        gc.enable()
    made: list[tuple[str, bytes]] = []
    kept: list[str] = []

    def keep(rel: str) -> bool:
        if writer.keep(rel):
            kept.append(rel)
            return True
        return False

    previous = {k: v for k, v in cache.search.items() if writer.live.holds(k)}
    keys = search_files(articles, article_urls, settings, lambda rel, data: made.append((rel, data)),
                        previous=previous, keep=keep)
    return keys, made, kept


def _fingerprint(inputs_key: str, listing: Listing, settings: Settings) -> str:
    """What the whole site is made from, cheaply: the inputs of every page and the articles."""
    import hashlib

    h = hashlib.sha1(inputs_key.encode())
    h.update("\n".join(f"{path}\0{size}\0{mtime}" for path, mtime, size in listing).encode("utf-8", "surrogateescape"))
    _stat_hash(h, scan_inputs(settings))
    return h.hexdigest()


def _site_id(output: Path) -> int | None:
    """Which site the output folder holds: a switch puts another folder in its place."""
    try:
        return os.stat(output).st_ino
    except OSError:
        return None


def _unchanged(stamp: Path, fingerprint: str, settings: Settings) -> bool:
    try:
        previous = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    output = Path(settings.output_dir)
    return (previous.get("fingerprint") == fingerprint and previous.get("output") == str(output.resolve())
            and previous.get("site") == _site_id(output) and (output / "index.html").is_file())


def build_site(settings: Settings, progress: bool = False, changed: set[Path] | None = None,
               preview: bool = False) -> BuildReport:
    """Build the whole site into ``settings.output_dir``, rendering only the pages whose
    inputs changed and writing only the files whose bytes changed. The site is made in a
    staging folder and switched in whole at the end (``sitegen.site.writer``): whatever stops
    a build, the output folder holds the previous site or the new one. ``changed`` (the
    files that changed, from the preview server) keeps the cache in memory between builds;
    ``preview`` builds even when nothing changed, so that the preview server holds the model
    its proofs of edited articles are made from."""
    from sitegen.ingest import ingest

    report = BuildReport(warnings=address_warnings(settings.base_url, settings.base_path))
    t0 = time.monotonic()

    def stage(name: str, since: float) -> float:
        now = time.monotonic()
        report.stages[name] = report.stages.get(name, 0.0) + now - since
        return now

    t = t0
    if settings.pages_dir and Path(settings.pages_dir).is_dir():
        ingest_report = ingest(settings.pages_dir, settings.content_dir, settings=settings, only_changed=True)
        if ingest_report.failed:
            raise SitegenError(ingest_report.failed[0])
        if ingest_report.pages_read:
            report.ingest_summary = ingest_report.summary()
        report.content_written = ingest_report.written + ingest_report.removed
    t = stage("ingest", t)

    content_dir = Path(settings.content_dir)
    if not content_dir.is_dir():
        raise SitegenError("content folder not found (run sitegen ingest first)", content_dir)
    output = Path(settings.output_dir)
    recover(output)                     # a build killed mid-switch: the previous site back first
    everywhere = _inputs_key(settings)
    listing = content_files(content_dir)
    fingerprint = _fingerprint(everywhere, listing, settings)
    stamp = Path(settings.cache_dir) / "last-build.json"
    if not changed and not preview and _unchanged(stamp, fingerprint, settings):
        # Nothing the site is made from has changed since the last build: the output stands.
        previous = json.loads(stamp.read_text(encoding="utf-8"))
        report.articles, report.files = previous["articles"], previous["files"]
        stage("load", t)
        report.seconds = time.monotonic() - t0
        return report
    # The staging folder is brought level with the live site first: from what the last build
    # recorded of the two when that still stands, else by a walk in a process of its own
    # while this one loads the articles and renders what changed.
    cache_file = Path(settings.cache_dir) / "build-cache.pickle"
    collecting = gc.isenabled()
    gc.disable()                        # (see _build)
    cache = BuildCache.load(cache_file, articles=False)
    # What the cache says the live site holds; a file is carried over on its strength only
    # while it is the very file recorded (a build killed after its switch left other files).
    live = LiveSite(output, cache.files if cache.output == str(output.resolve()) else {})
    live.check()
    writer = SiteWriter(output, live)
    recorded = StagingRecord(Path(settings.cache_dir) / STAGING_OPEN,
                             cache.files if cache.output == str(output.resolve()) else None, cache.staging)
    try:
        writer.start(recorded)
        return _build(settings, report, t0, t, stage, writer, everywhere, listing, fingerprint, stamp, progress,
                      changed, preview, cache, recorded)
    except BaseException:
        writer.abort()
        raise
    finally:
        gc.unfreeze()                   # a preview server's next build may drop this one's model
        (gc.enable if collecting else gc.disable)()


def _build(settings: Settings, report: BuildReport, t0: float, t: float, stage, writer: SiteWriter, everywhere: str,
           listing: Listing, fingerprint: str, stamp: Path, progress: bool, changed: set[Path] | None,
           preview: bool, cache: BuildCache, recorded: StagingRecord) -> BuildReport:
    from sitegen.ingest.store import load_redirects
    from sitegen.search import search_files
    from sitegen.site.minify import minified_script

    content_dir = Path(settings.content_dir)
    output = Path(settings.output_dir)
    cache_file = Path(settings.cache_dir) / "build-cache.pickle"
    # Loading makes millions of objects that live as long as the build (articles, the model,
    # the page jobs), none of them in a cycle: the collector would walk them again and
    # again as they pile up (a third of a 100k update's loading). It is off while they are
    # made, and they are then set aside (gc.freeze) from its walks and from the forked
    # workers' copies.
    gc.disable()
    cache.load_articles(cache_file)
    live = writer.live
    articles = load_articles_cached(content_dir, cache, listing)
    report.articles = len(articles)
    if cache.memo_key == everywhere:
        urls.SLUGS.update(cache.slugs)
        PLACE_DISTRICTS.update(cache.places)
    model = build_model(articles)
    t = stage("load", t)
    scans = prepare_scans(settings)        # before anything is rendered: a bad scan stops the build here
    attach_scans(model, scans)
    if scans.by_source:
        n = len(scans.by_source)
        report.scans = f"scans: {n} page{'s' if n != 1 else ''} with a scan, {scans.derived} cut this build"
    t = stage("scans", t)

    article_urls = {a.id: urls.article(a.id) for a in articles}
    # A rebuild by the code and settings of the last build (a daily update) makes its search
    # files beside its pages, on the core they leave idle: the search reads only the articles
    # and their URLs, settled by now. A first build's pages and search each fill every core
    # already, and hold the most memory, so they take their turns.
    beside = None
    if not preview and changed is None and cache.search and cache.memo_key == everywhere:
        live.wait()
        beside = Beside(lambda: _search_beside(search_files, articles, article_urls, settings, cache, writer),
                        what="the search")
    try:
        # Each article's print and body key, in the order of ``articles`` (the files' order).
        derived = [cache.derived[path] for path, _, _ in listing if path.endswith(".md")]
        prints = {a.id: d[0] for a, d in zip(articles, derived)}
        files_of = {a.id: p for p, (_, _, a) in cache.articles.items()}
        # The bodies' HTML is made (or read from the cache) only for the pages and feeds made.
        bodies = _Bodies(cache, files_of)
        t = stage("markdown", t)

        env = _environment(settings, model)
        env.bytecode_cache = _compiled_templates(Path(settings.cache_dir), everywhere)
        days = this_day(model)
        # The dated issues whose pages stand as the last build left them: the same key (what
        # all those pages show) and every one of their files still the very file recorded.
        # Their pages are not even set up (at 100,000 articles nine pages in ten). A preview's
        # builds set up every page (its proofs start from them), but record the keys as well.
        page_keys: dict[str, str] = {}
        issue_keys: dict[str, tuple[str, tuple[str, ...]]] = {}
        skip: set[str] = set()
        issue_key = IssueKeys(model, prints, files_of if settings.repository else None)
        for issue in model.dated_issues:
            key = everywhere + issue_key(issue)
            before = cache.issues.get(issue.date)
            if (before is not None and before[0] == key and not preview and changed is None
                    and all(rel in cache.pages and writer.keep(rel) for rel in before[1])):
                skip.add(issue.date)
                for rel in before[1]:
                    page_keys[rel] = cache.pages[rel]
                issue_keys[issue.date] = before
            else:
                issue_keys[issue.date] = (key, tuple(issue_files(issue)))
        del issue_key
        jobs = [j for j in page_jobs(model, settings.page_size, skip, days)
                if j.template != "search.html" or _has_template(env, j.template)]
        add_report_links(jobs, files_of, settings, env.globals["absolute"])
        todo: list[int] = []                    # the pages whose inputs changed: to render
        job_key = PageKeys(model, prints)
        for n, job in enumerate(jobs):
            key = everywhere + job_key(job)
            page_keys[job.path] = key
            if cache.pages.get(job.path) != key or not live.holds(job.path):
                todo.append(n)
        del job_key
    except BaseException:
        if beside is not None:
            beside.close()
        raise
    gc.freeze()
    gc.enable()
    # Every build goes into the staging folder, switched in at the end: the live site is
    # never changed, whatever stops the build. A rebuild that changes few pages (a preview's
    # always) holds what it makes until the staging folder is level with the live site, so
    # the two overlap; otherwise the walk is awaited and each file written as soon as it is
    # made (the site is never all in memory).
    writer.hold = hold = changed is not None or len(todo) <= HOLD_PAGES
    writing = 0.0

    def put(rel: str, data: bytes | None) -> None:
        nonlocal writing
        started = time.monotonic()
        _write(writer, rel, data, env, jobs, bodies, settings)
        writing += time.monotonic() - started

    def stage(name: str, since: float) -> float:
        nonlocal writing
        now = time.monotonic()
        report.stages[name] = report.stages.get(name, 0.0) + now - since - writing
        report.stages["write"] = report.stages.get("write", 0.0) + writing
        writing = 0.0
        return now

    with writer, beside or contextlib.nullcontext():   # a failed build stops its search
        bar = _Progress(progress, len(jobs))
        rendering = set(todo)
        for n, job in enumerate(jobs):
            if n not in rendering:
                put(job.path, None)          # same inputs as last time: the page stands
        pool = None if hold or len(todo) < PARALLEL_PAGES else process_pool()
        if pool is not None:
            # Pages are independent: render and write them on every core, straight into the
            # staging folder (the workers share the model with this process as it stands,
            # and every body's HTML, made here first so that the cache keeps it).
            cache.all_bodies()
            t = stage("markdown", t)
            global _RENDERING
            _RENDERING = (env, jobs, bodies, settings, output)
            step = max(100, len(todo) // (8 * cores()))
            done = 0
            try:
                with pool:
                    for written, kept in pool.map(_render_pages, [todo[i:i + step] for i in range(0, len(todo), step)]):
                        writer.written += written
                        writer.files.update(kept)
                        done += len(kept)
                        bar.update(done)
            finally:
                _RENDERING = None
        else:
            for n, i in enumerate(todo, 1):
                put(jobs[i].path, _render(env, jobs[i], bodies))
                bar.update(n)
        bar.close()
        t = stage("templates", t)

        absolute = env.globals["absolute"]
        newest = next((i.date for i in model.dated_issues), None)
        exports = {}                         # a file made from many pages' data → what it was made from

        def feed(rel: str, title: str, site_url: str, entries: list) -> None:
            # Keyed by its entries (their prints say all a feed shows of them), like a page: a
            # tag's feed stands until one of its newest articles changes or a new one joins.
            exports[rel] = made_from = hashlib.sha1("\0".join(
                [everywhere, title, site_url, absolute(""), settings.language, "" if entries else str(newest),
                 *(prints[a.id] for a in entries)]).encode()).hexdigest()
            if cache.exports.get(rel) == made_from and live.holds(rel):
                put(rel, None)
            else:
                put(rel, atom_feed(title, rel, site_url, entries, absolute, settings.language, bodies, newest))

        feed("feed.xml", settings.title, "", feed_articles(model.articles, settings.feed_size))
        since = group_feed_since(newest)
        for group in model.districts + model.tags:
            feed(f"{group.url}feed.xml", f"{settings.title} · {group.name}", group.url,
                 feed_articles(group.articles, settings.feed_size, since, GROUP_FEED_LEAST))
        # A sitemap is keyed by its URLs and their lastmod, like a page: a year's stands once its issues are in.
        chunks = sitemap_chunks(site_entries(model, jobs, newest))
        for rel, chunk in chunks.items():
            exports[rel] = made_from = hashlib.sha1((everywhere + absolute("") + chunk_key(chunk)).encode()).hexdigest()
            put(rel, None if cache.exports.get(rel) == made_from and live.holds(rel) else urlset(chunk, absolute))
        put("sitemap.xml", sitemap_index(chunks, absolute))
        put("robots.txt", robots(absolute("sitemap.xml")))
        put(".nojekyll", b"")
        if settings.export:
            for rel, issue_articles in by_issue(model.articles).items():
                # Keyed by its articles and their URLs, like a page: an unchanged issue's file is kept.
                exports[rel] = made_from = everywhere + "".join(prints[a.id] + absolute(article_urls[a.id])
                                                                for a in issue_articles)
                if cache.exports.get(rel) == made_from and live.holds(rel):
                    put(rel, None)
                else:
                    put(rel, issue_export(issue_articles, lambda a: absolute(article_urls[a.id])))
            put("data/index.json", index_json(model.articles, lambda a: absolute(article_urls[a.id])))
        for rel, data in this_day_files(days).items():
            put(rel, data)
        # Article URLs that went away lead to what took their text, or to their issue.
        targets = redirect_targets(load_redirects(content_dir), set(article_urls),
                                   {j.url for j in jobs} | {i.url for i in model.issues})
        for old, target in targets.items():
            put(f"{urls.article(old)}index.html", redirect_page(target, env.globals["url"](target), absolute(target),
                                                               settings.language))
        url = env.globals["url"]
        if not preview and changed is None:
            # What only the pages needed is let go before the search, the build's largest
            # stage: the bodies' HTML (saved now with their articles, which is safe before the
            # switch: each is kept under its own text's hash) and the page jobs. At 100k
            # articles some 400 MB that the search's workers would otherwise start with.
            cache.save_articles(cache_file)
            bodies.clear()
            cache.drop_bodies()
            jobs.clear()
        t = stage("feeds", t)

        if beside is not None:
            search_keys, made, kept = beside.result()
            for rel in kept:
                writer.keep(rel)
            for rel, data in made:
                put(rel, data)
        else:
            # The search files go out as they are made (some 200 MB of them at 100k articles).
            previous = {k: v for k, v in cache.search.items() if live.holds(k)}
            search_keys = search_files(articles, article_urls, settings, put, previous=previous, keep=writer.keep,
                                       save_cache=changed is None)
        t = stage("search", t)

        publish_scans(writer, scans, url)
        t = stage("scans", t)

        for theme in theme_dirs(settings.themes_dir, settings.theme):   # a site's own files first
            static = theme / "static"
            if static.is_dir():
                writer.copy_tree(static, "static/", transform=minified_script)
        stamp.unlink(missing_ok=True)     # no "nothing changed" for a site this build may switch
        writer.commit()
    crash_point("before-cache")
    report.files = len(writer.files)
    report.written = len(writer.written)
    report.written_files = list(writer.written)
    if preview or changed is not None:        # the preview server's next proof starts from here
        remember_build(output, env, jobs, bodies, {p: a for p, (_, _, a) in cache.articles.items()})
    # Only now, with the new site live, is it recorded: what each file is made from, and the
    # file itself (inode, size, time), so a record can never vouch for a file it did not see.
    cache.pages, cache.search, cache.exports, cache.issues = page_keys, search_keys, exports, issue_keys
    cache.slugs, cache.places, cache.memo_key = dict(urls.SLUGS), dict(PLACE_DISTRICTS), everywhere
    cache.files = dict(writer.files)
    cache.output = str(output.resolve())
    writer.record(recorded)
    cache.staging = recorded.saved()
    if changed is None:
        cache.save(cache_file)          # a preview server keeps it in memory between its builds
        recorded.close()                # the next build may trust the record
    else:
        cache.remember(cache_file)
    crash_point("before-stamp")
    stamp.parent.mkdir(parents=True, exist_ok=True)
    tmp = stamp.with_suffix(".tmp")
    tmp.write_text(json.dumps({"fingerprint": fingerprint, "articles": report.articles, "files": report.files,
                               "output": str(output.resolve()), "site": _site_id(output)}), encoding="utf-8")
    os.replace(tmp, stamp)
    stage("write", t)
    report.seconds = time.monotonic() - t0
    return report


__all__ = ["BuildReport", "build_site"]
