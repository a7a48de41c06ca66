"""What a build keeps for the next one: parsed articles, rendered bodies, and the inputs of
every page it wrote, so that a rebuild reads, converts and renders only what changed.

Stored in the project's ``.sitegen-cache/`` (safe to delete). Entries are keyed by what
they were made from (a file's size and time, a body's hash, a page's inputs), so a stale
entry is never used: it simply stops matching.

The articles are kept a content folder to a file (``articles/<folder>.marshal``: a month
of the paper), their bodies' HTML beside it (``<folder>.bodies``), the rest in
``build-cache.pickle``. A daily update adds to one month: only that month's files are
written again, not the whole archive's (at 100,000 articles some 400 MB each way). Each
entry in a folder's file carries its own file's time, size and hash, and each body's HTML
is kept under its text's hash, so a folder file left by a build that stopped before the
rest of the cache was saved is as safe to use as any. A body's HTML is read only when a
page or feed that shows it is made (``body_html``): a daily update reads a month or two.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
from dataclasses import dataclass, field, fields
from pathlib import Path

from sitegen.content import Article, read_article
from sitegen.content.files import article_from_text, check_unique_ids
from sitegen.markdown import RULES as BODY_RULES
from sitegen.markdown import render_body
from sitegen.parallel import spread

VERSION = 13
SHARDS = "articles"          # beside the cache file: the articles a content folder to a file
BODIES = ".bodies"           # a folder file's bodies' HTML, beside it


@dataclass
class BuildCache:
    articles: dict[str, tuple[int, int, Article]] = field(default_factory=dict)   # path → (mtime_ns, size, article)
    bodies: dict[str, str] = field(default_factory=dict)                          # body hash → HTML (read or made)
    pages: dict[str, str] = field(default_factory=dict)                           # output path → inputs key
    search: dict[str, str] = field(default_factory=dict)                          # search file → inputs key
    output: str = ""                                                              # the folder those pages are in
    files: dict[str, tuple[int, int, int]] = field(default_factory=dict)          # every file of that site:
    #                                                                 (inode, size, mtime_ns), as the build left it
    exports: dict[str, str] = field(default_factory=dict)                         # export file → its inputs
    # dated issue → (the inputs of all its pages, their files): see keys.IssueKeys
    issues: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)                         # path → sha1 of the article file
    # path → (article print, body key) of the article kept in ``articles``, under ``rules``:
    # an article carried over from the cache is not hashed again.
    derived: dict[str, tuple[str, str]] = field(default_factory=dict)
    rules: str = ""
    # Slugs (name → slug) and the districts of places (place → districts) made by the code
    # and data whose inputs key is ``memo_key``.
    slugs: dict[str, str] = field(default_factory=dict)
    places: dict[str, tuple[str, ...]] = field(default_factory=dict)
    memo_key: str = ""
    # What the build that saved this cache recorded of its staging folder (writer.StagingRecord).
    staging: tuple = ()

    # What each folder's file held when loaded: folder → its entries, so that only a folder
    # whose articles changed is written again.
    loaded: dict[str, tuple] = field(default_factory=dict, repr=False)
    shards_read: bool = field(default=False, repr=False)
    # body hash → the bodies file holding its HTML, not read yet; the bodies files read.
    _bodies_at: dict[str, str] = field(default_factory=dict, repr=False)
    _bodies_read: set[str] = field(default_factory=set, repr=False)
    _damaged: set[str] = field(default_factory=set, repr=False)

    @classmethod
    def load(cls, path: Path, articles: bool = True) -> "BuildCache":
        """The cache saved at ``path``; with ``articles=False`` without the articles and
        bodies (``load_articles`` reads them), which are most of it."""
        # A preview server builds again and again in one process: keep the cache in memory
        # as long as the file on disk is the one this process wrote.
        remembered = _MEMORY.get(str(path))
        if remembered and _stamp(path) == remembered[0]:
            return remembered[1]
        cache = cls()
        try:
            with path.open("rb") as fh:
                data = pickle.load(fh)
            if data.get("version") == VERSION:
                cache = cls(**data["cache"])
        except Exception:     # missing or damaged: only a slower build
            pass
        if articles:
            cache.load_articles(path)
        return cache

    def load_articles(self, path: Path) -> None:
        if not self.shards_read:
            self.shards_read = True
            self._load_shards(path.parent / SHARDS)

    def _load_shards(self, folder: Path) -> None:
        try:
            names = [e.path for e in os.scandir(folder) if e.name.endswith(".marshal")]
        except OSError:
            return
        rules = _rules()
        at = self._bodies_at
        for name in names:
            try:
                with open(name, "rb") as fh:
                    # Read whole, then parsed: marshal.load on the file itself reads it in
                    # small pieces (2.7 s against 0.6 s for 100,000 articles' files).
                    version, shard_rules, where, entries = marshal.loads(fh.read())
            except Exception:   # damaged or from another Python: that folder's articles are read again
                continue
            if version != VERSION or shard_rules != rules:
                continue
            bodies = name[:-len(".marshal")] + BODIES
            for key, mtime, size, digest, made, values in entries:
                self.articles[key] = (mtime, size, Article(*values))
                self.digests[key] = digest
                self.derived[key] = made
                at[made[1]] = bodies
            self.rules = rules
            self.loaded[where] = tuple(e[:5] for e in entries)

    def body_html(self, key: str) -> str:
        """The HTML of the body of the article kept under ``key`` (its file): from memory,
        else from the bodies file of the folder it was saved with, else rendered now."""
        body = self.derived[key][1]
        html = self.bodies.get(body)
        if html is None:
            name = self._bodies_at.get(body)
            if name is not None and name not in self._bodies_read:
                self._read_bodies(name)
                html = self.bodies.get(body)
            if html is None:
                html = self.bodies[body] = render_body(self.articles[key][2].body)
        return html

    def _read_bodies(self, name: str) -> None:
        self._bodies_read.add(name)
        try:
            with open(name, "rb") as fh:
                version, rules, where, html = marshal.loads(fh.read())
        except Exception:       # damaged: its bodies are rendered again, and the file written again
            self._damaged.add(name)
            return
        if version == VERSION and rules == self.rules:
            for k, v in html.items():
                self.bodies.setdefault(k, v)
        else:
            self._damaged.add(name)

    def drop_bodies(self) -> None:
        """Let the bodies' HTML go (saved already); asked for again, it is read again."""
        self.bodies = {}
        self._bodies_read = set()

    def all_bodies(self) -> None:
        """Every article's body's HTML in memory (before pages are rendered in forked workers).
        Those neither in memory nor saved (a cold build's: all of them) are rendered on every
        core: at 100,000 articles this was nine seconds with a core idle."""
        missing: dict[str, str] = {}          # body key → its text
        for key in self.articles:
            body = self.derived[key][1]
            if body in self.bodies or body in missing:
                continue
            name = self._bodies_at.get(body)
            if name is not None and name not in self._bodies_read:
                self._read_bodies(name)
                if body in self.bodies:
                    continue
            missing[body] = self.articles[key][2].body
        self.bodies.update(zip(missing, rendered(list(missing.values()))))

    def save_articles(self, path: Path) -> None:
        """Save the articles and bodies now (``path``: the cache file), as ``save`` would."""
        self._save_shards(path.parent / SHARDS)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._save_shards(path.parent / SHARDS)
        tmp = path.with_suffix(".tmp")
        kept = {k: v for k, v in vars(self).items() if k not in _IN_SHARDS}
        with tmp.open("wb") as fh:
            pickle.dump({"version": VERSION, "cache": kept}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        self.remember(path)

    def _save_shards(self, folder: Path) -> None:
        by_folder: dict[str, list[str]] = {}
        for key in self.articles:
            by_folder.setdefault(os.path.dirname(key), []).append(key)
        folder.mkdir(parents=True, exist_ok=True)
        wanted = set()
        for where, keys in by_folder.items():
            stem = hashlib.sha1(where.encode("utf-8", "surrogateescape")).hexdigest()[:20]
            name, bodies = stem + ".marshal", stem + BODIES
            wanted.update((name, bodies))
            keys.sort()
            heads = tuple((k, *self.articles[k][:2], self.digests[k], self.derived[k]) for k in keys)
            if (self.loaded.get(where) == heads and str(folder / bodies) not in self._damaged
                    and (folder / name).is_file() and (folder / bodies).is_file()):
                continue                      # that month's articles are as the files have them
            entries = [(*head, _fields(self.articles[head[0]][2])) for head in heads]
            # Every body of the month, so that its file never lacks one (read from the
            # month's old file first, which this write replaces).
            html = {}
            for k in keys:
                html[self.derived[k][1]] = self.body_html(k)
            for data, target in (((VERSION, self.rules, where, html), bodies),
                                 ((VERSION, self.rules, where, entries), name)):
                tmp = folder / f".{target}.tmp"
                with open(tmp, "wb") as fh:
                    marshal.dump(data, fh)
                os.replace(tmp, folder / target)
            for k in keys:
                self._bodies_at[self.derived[k][1]] = str(folder / bodies)
            self._bodies_read.add(str(folder / bodies))
            self._damaged.discard(str(folder / bodies))
            self.loaded[where] = heads
        for e in os.scandir(folder):
            if e.name not in wanted:
                os.unlink(e.path)             # a folder no longer in the content, or a temporary file
        for where in set(self.loaded) - set(by_folder):
            del self.loaded[where]

    def remember(self, path: Path) -> None:
        """Keep this cache in memory for this process's next build (while the file stands)."""
        self.shards_read = True           # its articles are the ones this build read
        _MEMORY[str(path)] = (_stamp(path), self)


_IN_SHARDS = {"articles", "digests", "derived", "bodies", "loaded", "shards_read", "_bodies_at", "_bodies_read",
              "_damaged"}
_FIELD_NAMES = tuple(f.name for f in fields(Article))


def _fields(article: Article) -> tuple:
    return tuple(getattr(article, name) for name in _FIELD_NAMES)


_MEMORY: dict[str, tuple[tuple, "BuildCache"]] = {}


def _stamp(path: Path) -> tuple:
    try:
        st = path.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return ()


Listing = list[tuple[str, int, int]]       # the content folder's files: (path, mtime_ns, size), in path order


def content_files(content_dir: Path) -> Listing:
    """Every file under ``content_dir`` (the articles, the redirects ingest keeps) with its
    time and size, in one walk (os.scandir gives the type with each name: 100,000 files
    are one stat each, not three)."""
    found: Listing = []
    folders = [str(content_dir)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for e in entries:
                if e.is_dir(follow_symlinks=False):       # as rglob: a linked folder is not walked
                    folders.append(e.path)
                elif e.is_file():
                    st = e.stat()
                    found.append((e.path, st.st_mtime_ns, st.st_size))
    found.sort(key=lambda f: f[0].split("/"))      # as sorted(Path.rglob()) orders them
    return found


def load_articles_cached(content_dir: Path, cache: BuildCache, listing: Listing | None = None) -> list[Article]:
    """Every article under ``content_dir``, re-reading only files changed since the cache."""
    from sitegen.site.keys import article_print

    fresh: dict[str, tuple[int, int, Article]] = {}
    digests: dict[str, str] = {}
    rules = _rules()
    known = cache.derived if cache.rules == rules else {}
    derived: dict[str, tuple[str, str]] = {}
    articles = []
    listing = [f for f in (content_files(content_dir) if listing is None else listing) if f[0].endswith(".md")]
    def unchanged(key: str, mtime: int, size: int) -> bool:      # the very file the cache read
        hit = cache.articles.get(key)
        return bool(hit) and hit[0] == mtime and hit[1] == size and key in cache.digests

    unread = [key for key, mtime, size in listing if not unchanged(key, mtime, size)]
    read = _read_all(unread, cache) if len(unread) >= READ_IN_POOL_FROM else {}
    for key, mtime, size in listing:
        hit = cache.articles.get(key)
        if unchanged(key, mtime, size):
            article, digests[key] = hit[2], cache.digests[key]
            made = None
        else:
            # A fresh checkout (a CI run with its cache restored) gives every file a new time:
            # a file whose bytes are the ones read last time is not parsed again.
            got = read.get(key)
            if got is None:
                got = _read_one(key, cache)
            digests[key], article, made = got
            if article is None:
                article = hit[2]
        fresh[key] = (mtime, size, article)
        kept = known.get(key)
        if kept and hit and article is hit[2]:
            derived[key] = kept
        else:
            derived[key] = made or (article_print(article), body_key(article.body))
        articles.append(article)
    cache.articles, cache.digests, cache.derived, cache.rules = fresh, digests, derived, rules
    return check_unique_ids(articles, [Path(key) for key, _, _ in listing])


RENDER_IN_POOL_FROM = 500     # fewer bodies are rendered here faster than workers start
READ_IN_POOL_FROM = 2000     # fewer files are read here faster than workers start and answer


def rendered(texts: list[str]) -> list[str]:
    """Each body text's HTML, in order: on every core when there are many."""
    return spread(render_body, texts, RENDER_IN_POOL_FROM)


def _read_one(key: str, cache: BuildCache) -> tuple[str, Article | None, tuple[str, str] | None]:
    """A content file's digest, and its article with its print and body key, or None for
    both when its bytes are those the cache holds (its article is the cached one)."""
    from sitegen.site.keys import article_print

    path = Path(key)
    data = path.read_bytes()
    digest = hashlib.sha1(data).hexdigest()
    if key in cache.articles and cache.digests.get(key) == digest:
        return digest, None, None
    article = _parse(path, data)
    return digest, article, (article_print(article), body_key(article.body))


def _read_all(keys: list[str], cache: BuildCache) -> dict[str, tuple]:
    """``_read_one`` of many files (a cold build's, or a fresh checkout's, whose every file
    has a new time) on every core: parsing front matter was a cold build's longest stretch
    on one core. A file that could not be read is left out, for the caller to read again
    in its own process and report."""
    def read(key: str):
        try:
            return _read_one(key, cache)
        except Exception:
            return None

    return {key: got for key, got in zip(keys, spread(read, keys, READ_IN_POOL_FROM)) if got is not None}


def _parse(path: Path, data: bytes) -> Article:
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")   # as read_text() reads it
    except UnicodeDecodeError:
        return read_article(path)           # it names the line that is not UTF-8
    return article_from_text(text, path)


def _rules() -> str:
    """What an article's print and body key are made by: its fields and the body rules."""
    return f"{BODY_RULES}\0{','.join(f.name for f in fields(Article))}"


def body_key(text: str) -> str:
    """What a rendered body is kept under: its text and the rules it was rendered by (a
    body rendered by an older sitegen is rendered again, not served as it was)."""
    return hashlib.sha1(f"{BODY_RULES}\0{text}".encode("utf-8")).hexdigest()
