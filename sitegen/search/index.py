"""Writing the search files: manifest, lunr index shards and their positions, stored fields
and snippet text.

The index is split by *term*: each term lives in one shard, chosen by a hash of the term
that the browser computes the same way, so a query fetches only the few small shards that
hold its terms, however large the archive. Each shard is a lunr index over every article,
restricted to that shard's terms, stored as its bare postings (``encoding``: articles and
frequencies; gzipped) and rebuilt into a ``lunr.Index`` by the browser; where its pairs stand
is in a file beside it, fetched only for words of three characters and more. Stored fields
(headline, date, page, districts, tags) and snippet text are kept apart, a few adjacent
articles to a small gzipped file, fetched only for the results on screen.

Articles are numbered oldest first, so a new issue takes the next numbers and leaves every
older article's number, slice and files as they were: a daily update makes again only the
newest slice's shards and the stored fields of the new articles.

Memory: the archive is worked through one slice (at most SLICE_ARTICLES articles) at a
time: its terms, its postings and its shards, each file handed to ``write`` as soon as it
is made, so what a build holds does not grow with the number of years.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import json
import math
import os
import pickle
from array import array
from collections import defaultdict, deque
from itertools import accumulate, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Callable

from lunr.builder import Builder

from sitegen.content import Article
from sitegen.markdown import plain_text
from sitegen.parallel import process_pool
from sitegen.search.encoding import SCORE_SCALE, _read, best_bytes, compress, rest_bytes, shard_bytes
from sitegen.search.terms import Terms, article_record, prepare, shard_of

FIELD = "text"
POSTINGS_PER_SHARD = 4000   # aim: shards of some 10 KB gzipped, so a rare term costs little
VERSION = 8                # 8: common terms' best postings beside their shards, scored over the slice, and the rest apart; 7: common terms beside their shards; 6: positions beside the shards, articles oldest first, stored fields in files of a few
TERMS_VERSION = 7          # bump when the way text is cut into terms changes (7: characters, pair positions)

POOL_FROM_ARTICLES = 200   # fewer to cut, or shards to write, are done faster than workers start
POOL_FROM_SHARDS = 256

Write = Callable[[str, bytes], None]


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


MONTH_POSTINGS_PER_SHARD = POSTINGS_PER_SHARD // 2   # the newest month's slice: smaller shards, as a
                                                     # query fetches one more per term for that one month


def _shard_count(postings: int, per_shard: int = POSTINGS_PER_SHARD) -> int:
    count = 1
    while count * per_shard < postings and count < 65536:
        count *= 2
    return count


def build_with_lunr(documents: list[dict]) -> dict:
    """A shard built by lunr.py's own Builder: the reference the browser's index is held to."""
    builder = Builder()
    builder.pipeline.reset()            # lunr's English pipeline would mangle (or drop) CJK terms
    builder.search_pipeline.reset()
    builder.ref("ref")
    builder.field(FIELD)
    for doc in documents:
        builder.add(doc)
    return builder.build().serialize()


class Postings:
    """One term's articles (ascending), their weighted frequencies, and, for a pair, its
    positions (``encoding.encode_positions`` of each article, one after another)."""

    __slots__ = ("refs", "tfs", "positions")

    def __init__(self):
        self.refs, self.tfs, self.positions = array("I"), array("I"), bytearray()

    def _offset(self, i: int) -> int:
        """Where the i-th article's positions begin (read through the ones before: only a
        preview's few changed articles need it)."""
        data, at = self.positions, 0
        if not data:
            return 0
        if i == len(self.refs):              # after the last: a new issue's articles come there
            return len(data)
        for _ in range(i):
            count, at = _read(data, at)
            for _ in range(count):
                _, at = _read(data, at)
        return at

    def insert(self, i: int, ref: int, tf: int, positions: bytes) -> None:
        at = self._offset(i)
        self.refs.insert(i, ref)
        self.tfs.insert(i, tf)
        self.positions[at:at] = positions

    def delete(self, i: int) -> None:
        at = self._offset(i)
        end = self._offset(i + 1)
        del self.refs[i], self.tfs[i]
        del self.positions[at:end]


COMMON_DF = 1000     # a term held by this many of a slice's articles goes to the file beside its shard


def common_df(articles: int) -> int:
    """How many of a slice's articles hold a common term: COMMON_DF, or an eighth of a small
    slice's (the newest month's), whose shards hold as many postings as a large one's."""
    return min(COMMON_DF, max(64, articles // 8))


BEST = 64       # a common term's best postings per slice: a first page's worth, and more for queries of several terms
K1, B = 1.2, 0.75   # lunr's BM25


class SliceStats:
    """A slice's article lengths (each its weighted term frequencies, summed over every term
    it holds) and each article's part of BM25's length norm (its length over the average),
    worked out once per slice rather than once per posting of every common term."""

    __slots__ = ("lengths", "norms")

    def __init__(self, lengths: array):
        self.lengths = lengths
        average = sum(lengths) / len(lengths) if lengths else 0.0
        self.norms = [K1 * (1 - B + B * (n / average if average else 0)) for n in lengths]


def slice_stats(per_doc: list[Terms]) -> SliceStats:
    """BM25 over the whole slice, for the common terms' best postings."""
    return SliceStats(array("I", [sum(record[1]) for record in per_doc]))


_SCALED = SCORE_SCALE * (K1 + 1)


def best_postings(p: "Postings", stats: SliceStats, most: int | None = None):
    """A term's best postings in its slice: the ``most`` articles it scores highest in (BM25 as
    lunr computes it, over the whole slice; the newer first of equal scores), ascending, and
    their scores as integers of SCORE_SCALE, without the term's idf (the same for all of them:
    the browser multiplies it in, so that a term most articles hold keeps its scores apart)."""
    most = BEST if most is None else most
    # No lengths (a shard made on its own): every article's length counts as naught, as lunr's would.
    norm = stats.norms.__getitem__ if stats.norms else (lambda ref: K1 * (1 - B))
    top = sorted(heapq.nlargest(most, [(round(_SCALED * tf / (norm(ref) + tf)), ref)
                                       for ref, tf in zip(p.refs, p.tfs)]), key=itemgetter(1))
    return [ref for _, ref in top], [score for score, _ in top]


def shard_files(postings: list[tuple[str, Postings]], offset: int = 0, common: int = COMMON_DF,
                stats: SliceStats | None = None) -> list[tuple[bytes, bytes]]:
    """One shard and its positions as stored: its terms' postings (sorted by term; articles
    numbered from ``offset``) in the compact columns of ``encoding``, gzipped; then, when
    some of its terms are common (held by ``common`` articles or more), their best postings
    (scored with ``stats``, the slice's article lengths and their average) and the rest of
    them, for the files beside it."""
    rows, beside = [], []
    for term, p in postings:
        refs = array("I", p.refs) if not offset else array("I", [r + offset for r in p.refs])
        (beside if len(refs) >= common else rows).append((term, refs, p.tfs, bytes(p.positions), p))
    files = [tuple(compress(b) for b in shard_bytes([r[:4] for r in rows], [r[:4] for r in beside]))]
    if beside:
        stats = stats if stats is not None else slice_stats([])
        best = []
        for term, refs, _, _, p in beside:
            top, scores = best_postings(p, stats)
            best.append((term, len(refs), [r + offset for r in top], scores))
        files.append((compress(best_bytes(best)), compress(rest_bytes(*shard_bytes([r[:4] for r in beside])))))
    return files


_SHARDS: list = []       # the shards being written, shared with forked workers without pickling
_OFFSET = 0
_COMMON = COMMON_DF
_STATS = None


def _write_one(n: int) -> list[tuple[bytes, bytes]]:
    return shard_files(_SHARDS[n], _OFFSET, _COMMON, _STATS)


def _write_shards(shards, todo: list[int], offset: int, common: int, stats=None):
    """(shard, [(stored shard, stored positions), …]) in the order of ``todo``, one at a time as made, on every core
    when there are many (forked workers read the postings from the parent's memory)."""
    global _SHARDS, _OFFSET, _COMMON, _STATS
    _SHARDS, _OFFSET, _COMMON, _STATS = shards, offset, common, stats
    try:
        pool = process_pool(most=4) if len(todo) >= POOL_FROM_SHARDS else None
        if pool is not None:
            with pool:
                yield from zip(todo, pool.map(_write_one, todo, chunksize=16))
        else:
            for n in todo:
                yield n, _write_one(n)
    finally:
        _SHARDS, _STATS = [], None


class Gathering:
    """A slice's postings, gathered article by article in the slice's order (so that the main
    process can gather them while workers still cut the articles after). The appends run
    inside map(), in C: there are several per term of every article."""

    def __init__(self):
        self._by_term: defaultdict[str, Postings] = defaultdict(Postings)
        self._ref = 0

    def add(self, record: Terms) -> None:
        ref, self._ref = self._ref, self._ref + 1
        text, tfs, blob, sizes = record
        if not text:
            return
        postings = list(map(self._by_term.__getitem__, text.split(" ")))
        deque(map(array.append, map(attrgetter("refs"), postings), repeat(ref)), 0)
        deque(map(array.append, map(attrgetter("tfs"), postings), tfs), 0)
        pairs = len(sizes) - sizes.count(0)       # an article's pairs come first in its record
        ends = list(accumulate(sizes[:pairs]))
        deque(map(bytearray.extend, map(attrgetter("positions"), postings[:pairs]),
                  map(blob.__getitem__, map(slice, [0, *ends[:-1]], ends))), 0)

    def postings(self) -> dict[str, Postings]:
        """Every term's postings, articles in ascending order."""
        return dict(self._by_term)


def _term_postings(per_doc: list[Terms]) -> dict[str, Postings]:
    gathering = Gathering()
    deque(map(gathering.add, per_doc), 0)
    return gathering.postings()


def _postings_count(per_doc: list[Terms]) -> int:
    return sum(len(record[1]) for record in per_doc)


def _change(by_term: dict[str, Postings], ref: int, record: Terms, add: bool) -> set[str]:
    text, tfs, blob, sizes = record
    terms = text.split(" ") if text else []
    at = 0
    for t, tf, size in zip(terms, tfs, sizes):
        p = by_term.get(t) or by_term.setdefault(t, Postings())
        i = bisect.bisect_left(p.refs, ref)
        if add:
            p.insert(i, ref, tf, blob[at:at + size])
        else:
            p.delete(i)
            if not p.refs:
                del by_term[t]
        at += size
    return set(terms)


APPENDED_MOST = 4000      # new articles after the last build's (a month joining its slice); more, and a fresh start is as quick


def _update_postings(memo: dict, keys: list[str], per_doc: list, count: int) -> set[int] | None:
    """Bring the last build's postings up to date when only a few articles changed and none
    moved, or new ones came after them (a new issue); returns the shards touched, or None
    when a fresh start is simpler."""
    old_keys = memo["keys"]
    if memo["count"] != count or not len(old_keys) <= len(keys) <= len(old_keys) + APPENDED_MOST:
        return None
    changed_refs = [ref for ref, (old, new) in enumerate(zip(old_keys, keys)) if old != new]
    if len(changed_refs) > 50 or (changed_refs and memo["per_doc"] is None):
        return None
    by_term, shard_terms = memo["by_term"], memo["shard_terms"]
    touched_terms: set[str] = set()
    for ref in changed_refs:
        touched_terms |= _change(by_term, ref, memo["per_doc"][ref], add=False)
        touched_terms |= _change(by_term, ref, per_doc[ref], add=True)
    for ref in range(len(old_keys), len(keys)):
        touched_terms |= _change(by_term, ref, per_doc[ref], add=True)
    touched = set()
    for t in touched_terms:
        n = shard_of(t, count)
        touched.add(n)
        if t in by_term:
            shard_terms[n].add(t)
        else:
            shard_terms[n].discard(t)
    memo["keys"], memo["per_doc"] = keys, per_doc
    return touched


_POSTINGS_MEMORY: dict[str, list] = {}      # a preview server's last postings, for its next build
POSTINGS_VERSION = 2


def _save_postings(path: Path, memo: dict) -> None:
    """The newest slice's postings, for the next build (the daily update adds an issue to
    them instead of gathering the whole slice's again): a few flat arrays, quick to write
    and read."""
    by_term = memo["by_term"]
    terms = list(by_term)
    postings = [by_term[t] for t in terms]
    data = {"version": POSTINGS_VERSION, "index": VERSION, "start": memo["start"], "count": memo["count"],
            "keys": memo["keys"], "shard_keys": memo["shard_keys"], "terms": " ".join(terms),
            "sizes": array("I", [len(p.refs) for p in postings]),
            "position_sizes": array("I", [len(p.positions) for p in postings]),
            "refs": array("I", b"".join(p.refs.tobytes() for p in postings)),
            "tfs": array("I", b"".join(p.tfs.tobytes() for p in postings)),
            "positions": b"".join(p.positions for p in postings)}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        # whose postings they are first, so a build looking for another slice's reads no further
        pickle.dump({k: data[k] for k in ("version", "index", "start")}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _load_postings(path: Path, start: int) -> dict | None:
    try:
        with path.open("rb") as fh:
            head = pickle.load(fh)
            if head.get("version") != POSTINGS_VERSION or head.get("index") != VERSION or head["start"] != start:
                return None
            data = pickle.load(fh)
    except Exception:   # missing or damaged: only a slower build
        return None
    by_term, count = {}, data["count"]
    shard_terms: list[set[str]] = [set() for _ in range(count)]
    refs, tfs, positions = data["refs"], data["tfs"], data["positions"]
    at = pos_at = 0
    for term, size, pos_size in zip(data["terms"].split(" ") if data["terms"] else [], data["sizes"],
                                    data["position_sizes"]):
        p = Postings()
        p.refs, p.tfs = refs[at:at + size], tfs[at:at + size]
        p.positions = bytearray(positions[pos_at:pos_at + pos_size])
        at += size
        pos_at += pos_size
        by_term[term] = p
        shard_terms[shard_of(term, count)].add(term)
    return {"start": start, "count": count, "keys": data["keys"], "per_doc": None, "by_term": by_term,
            "shard_terms": shard_terms, "shard_keys": data["shard_keys"]}


def _shard_key(start: int, count: int, shard: list[tuple[str, Postings]]) -> str:
    h = hashlib.sha1(f"{VERSION} {start} {count}".encode())
    for term, p in shard:
        h.update(f"\n{term} {len(p.refs)} ".encode("utf-8"))
        h.update(p.refs)
        h.update(p.tfs)
        h.update(p.positions)
    return h.hexdigest()


def _slice_shards(number: int, start: int, keys: list[str], per_doc: list, memo: dict | None,
                  previous: dict[str, str], write: Write, keep: Callable[[str], bool],
                  slice_key: str, month_slice: bool = False,
                  gathered: Gathering | None = None) -> tuple[dict[str, str], dict, int]:
    """Write one slice's index shards and their positions (refs start, start + 1, …);
    returns their keys, the postings to keep for the next build, and the number of shards.
    ``gathered``: the slice's postings, when they were gathered as its terms came."""
    count = _shard_count(_postings_count(per_doc), MONTH_POSTINGS_PER_SHARD if month_slice else POSTINGS_PER_SHARD)
    touched = _update_postings(memo, keys, per_doc, count) if memo and memo.get("start") == start else None
    if touched is None:
        # From scratch: every shard's postings and key.
        by_term = gathered.postings() if gathered is not None else _term_postings(per_doc)
        shard_terms: list[set[str]] = [set() for _ in range(count)]
        for term in by_term:
            shard_terms[shard_of(term, count)].add(term)
        memo = {"start": start, "count": count, "keys": keys, "per_doc": per_doc, "by_term": by_term,
                "shard_terms": shard_terms, "shard_keys": {}}
        touched = set(range(count))
    by_term = memo["by_term"]

    def postings(n: int) -> list[tuple[str, Postings]]:
        return [(t, by_term[t]) for t in sorted(memo["shard_terms"][n])]

    shards: dict[int, list] = {}
    for n in touched:
        shards[n] = postings(n)
        memo["shard_keys"][n] = _shard_key(start, count, shards[n])
    # A file's key: its slice's (so that an unchanged slice is known without its terms), the
    # slice's number of shards, and its own postings' (so that only changed shards are made).
    # A shard with common terms says so in its key, so that its files beside are carried over with it.
    # The best postings of common terms are scored over the whole slice: their files' keys
    # hold the slice's article lengths too.
    least = common_df(len(keys))
    stats = slice_stats(per_doc)
    lengths_key = hashlib.sha1(stats.lengths.tobytes()).hexdigest()[:16]
    common = {n: _has_common(memo, n, least) for n in memo["shard_keys"]}
    file_keys = {n: f"{slice_key}:{count}:{k}-{least}{'+c' + lengths_key if common[n] else ''}"
                 for n, k in memo["shard_keys"].items()}
    names = {n: _shard_names(number, n, common[n]) for n in file_keys}
    todo = []
    for n, pair in names.items():
        if not all(_same(previous, name, file_keys[n]) and keep(name) for name in pair):
            todo.append(n)
            if n not in shards:
                shards[n] = postings(n)
    for n, files in _write_shards(shards, todo, start, least, stats):
        for name, data in zip(names[n], (data for pair in files for data in pair)):
            write(name, data)
    return {name: file_keys[n] for n, pair in names.items() for name in pair}, memo, count


def _has_common(memo: dict, n: int, least: int) -> bool:
    by_term = memo["by_term"]
    return any(len(by_term[t].refs) >= least for t in memo["shard_terms"][n])


def _shard_names(number: int, n: int, common: bool) -> tuple[str, ...]:
    """A shard's files: its postings and positions, and beside it, when some of its terms are
    common, their best postings and the rest of them."""
    names = (f"search/index/{number}/{n}.gz", f"search/pos/{number}/{n}.gz")
    return names + (f"search/index/{number}/{n}c.gz", f"search/index/{number}/{n}r.gz") if common else names


def _same(previous: dict[str, str], name: str, key: str) -> bool:
    """Was the last build's file made from the same postings (whatever else its slice held)?"""
    old = previous.get(name)
    return old is not None and old.rsplit(":", 1)[-1] == key.rsplit(":", 1)[-1]


def _kept_slice(number: int, slice_key: str, previous: dict[str, str],
                keep: Callable[[str], bool]) -> tuple[dict[str, str], int] | None:
    """An unchanged slice's files carried over from the last build, without reading its
    terms (a daily update leaves every slice but the newest as it was): their keys and the
    number of shards, or None when the slice must be made."""
    prefix = f"search/index/{number}/"
    sample = next((k for name, k in previous.items() if name.startswith(prefix)), None)
    if sample is None or not sample.startswith(slice_key + ":"):
        return None
    count = int(sample.split(":")[1])
    keys = {}
    for n in range(count):
        common = "+c" in previous.get(f"search/index/{number}/{n}.gz", "").rsplit(":", 1)[-1]
        for name in _shard_names(number, n, common):
            key = previous.get(name)
            if key is None or not key.startswith(f"{slice_key}:{count}:"):
                return None
            keys[name] = key
    if not all(keep(name) for name in keys):
        return None
    return keys, count


def _load_terms(cache_file: Path | None) -> dict[str, Terms]:
    """One slice's cached terms: from this process's last build (a preview server), else
    from the cache folder."""
    if cache_file is None:
        return {}
    remembered = _TERMS_MEMORY.get(str(cache_file))
    if remembered and remembered[0] == _file_stamp(cache_file):
        return remembered[1]
    try:
        with cache_file.open("rb") as fh:
            stored = pickle.load(fh)
        if stored.get("version") == TERMS_VERSION:
            return stored["terms"]
    except Exception:   # missing or damaged: only a slower build
        pass
    return {}


_TO_CUT: list[Article] = []      # read by forked workers, so articles are not pickled to them


def _cut_one(n: int) -> Terms:
    return article_record(_TO_CUT[n])


def _slice_terms(articles: list[Article], keys: list[str], cache_file: Path | None, save: bool,
                 meanwhile: Callable[[], None], also: Path | None = None,
                 each: Callable[[Terms], None] | None = None) -> tuple[list[str], list[Terms]]:
    """One slice's terms. jieba is the slow part, so terms are kept between builds in a cache
    keyed by the hash of the text they come from, and new ones are cut on all cores;
    ``meanwhile`` is done while the workers cut, and ``each`` is given every article's terms in
    the slice's order as they come, while the workers cut those after. ``also``: another
    slice's cache, where articles this one lacks may be (the last build's newest month, which
    joins its group's slice when a new month begins)."""
    cache = _load_terms(cache_file)
    missing = [i for i, k in enumerate(keys) if k not in cache]
    if missing and also is not None and also != cache_file and also.is_file():
        other = _load_terms(also)
        for i in missing:
            if keys[i] in other:
                cache[keys[i]] = other[keys[i]]
        missing = [i for i in missing if keys[i] not in cache]
        cache_changed = True
    else:
        cache_changed = bool(missing)
    global _TO_CUT
    pool = None
    if len(missing) >= POOL_FROM_ARTICLES:
        prepare()                   # before the fork: workers share the dictionary
        pool = process_pool()
    if pool is not None:
        _TO_CUT = [articles[i] for i in missing]
        to_cut = set(missing)
        try:
            with pool:
                cut = iter(pool.map(_cut_one, range(len(missing)), chunksize=32))
                meanwhile()
                for i, k in enumerate(keys):
                    if i in to_cut:
                        cache[k] = next(cut)
                    if each is not None:
                        each(cache[k])
        finally:
            _TO_CUT = []
    else:
        meanwhile()
        for i in missing:
            cache[keys[i]] = article_record(articles[i])
        if each is not None:
            deque(map(each, map(cache.__getitem__, keys)), 0)
    live = {k: cache[k] for k in keys}             # without the articles that are gone
    if cache_file and not save:
        if cache_changed:
            _TERMS_MEMORY[str(cache_file)] = (_file_stamp(cache_file), cache)
    elif cache_file and (cache_changed or len(live) != len(cache)):
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump({"version": TERMS_VERSION, "terms": live}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_file)
    return keys, [live[k] for k in keys]


_TERMS_MEMORY: dict[str, tuple[tuple, dict]] = {}     # a preview server's builds share one process


def _file_stamp(path: Path) -> tuple:
    try:
        st = path.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return ()


def _terms_key(a: Article) -> str:
    text = "\x00".join([a.title or "", *a.subtitles, *a.reporters, *a.correspondents, *a.photographers, *a.authors,
                        a.byline or "", a.body])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class _Facets:
    """One compact table of every article's year, districts and tags, for the filters and
    their counts, fetched when a reader opens the filters."""

    def __init__(self):
        self.years: dict[str, int] = {}
        self.districts: dict[str, int] = {}
        self.tags: dict[str, int] = {}
        self.rows: list = []

    def add(self, a: Article) -> None:
        year = (a.date or "")[:4]
        self.rows.append([self.years.setdefault(year, len(self.years)) if year else -1,
                          [self.districts.setdefault(d, len(self.districts)) for d in a.districts],
                          [self.tags.setdefault(t, len(self.tags)) for t in a.tags]])

    def json(self) -> bytes:
        return _json({"years": list(self.years), "districts": list(self.districts), "tags": list(self.tags),
                      "articles": self.rows})


class _Issues:
    """Where each issue and each of its printed pages (版) starts among the articles, which
    are numbered oldest first and so run issue by issue, page by page: the search page
    narrows to a date range, an issue or a 版, and groups results by issue, from this alone."""

    def __init__(self):
        self.runs: list[list] = []       # [date, page, first article]

    def add(self, ref: int, a: Article) -> None:
        key = [a.date or "", a.page or ""]
        if not self.runs or self.runs[-1][:2] != key:
            self.runs.append([*key, ref])

    def json(self, count: int) -> bytes:
        return _json({"count": count, "runs": self.runs})


DOCS_PER_FILE = 2    # adjacent articles' stored fields in one file: fewer files, a little more per result


FIELD_SEPARATOR = "\x1f"     # between headline and body in ``x``: no phrase runs from one into the other


def _doc(a: Article, url: str) -> dict:
    """An article's stored fields; ``x`` its headline (with subtitles) and text (snippets are
    cut from it, and a first page tells its full matches from it, field by field as the
    index's positions do) without the headline ``t`` it begins with (the browser puts it
    back; ``n`` says that ``t`` is no headline, but what lists call an article without one),
    ``w`` its byline's names, when it has some."""
    head = " ".join([a.title or "", *a.subtitles])
    doc = {"u": url, "t": a.display_title, "d": a.date or "", "p": a.page or "", "k": a.kind, "ds": a.districts,
           "tg": a.tags, "x": head[len(a.title or ""):] + FIELD_SEPARATOR + plain_text(a.body)}
    if not a.title:
        doc["n"] = 1
    people = " ".join(a.reporters + a.correspondents + a.photographers + a.authors + [a.byline or ""]).strip()
    if people:
        doc["w"] = people
    return doc


def _docs_key(group: list[Article], text_keys: list[str], article_urls: dict[str, str]) -> str:
    """What a file of stored fields is made from: its articles' fields, and their text by the
    key of their terms (which covers headline, subtitles and body)."""
    return hashlib.sha1("\x1d".join([f"{VERSION} {DOCS_PER_FILE}", *(
        "\x1f".join([article_urls[a.id], a.display_title, a.date or "", a.page or "", a.kind,
                     "\x1e".join(a.districts), "\x1e".join(a.tags), text]) for a, text in zip(group, text_keys))])
        .encode("utf-8")).hexdigest()


def _write_stored(ordered: list[Article], text_keys: list[str], start: int, end: int, article_urls: dict[str, str],
                  previous: dict[str, str], write: Write, keep: Callable[[str], bool]) -> dict[str, str]:
    """What results show, apart from the index: the stored fields and the text snippets are
    cut from, DOCS_PER_FILE adjacent articles to a gzipped file (those whose first article is
    in start…end), fetched only for the results on screen; an unchanged file is kept."""
    keys = {}
    first = -(-start // DOCS_PER_FILE) * DOCS_PER_FILE
    for ref in range(first, end, DOCS_PER_FILE):
        group = ordered[ref:ref + DOCS_PER_FILE]
        name = f"search/docs/{ref // DOCS_PER_FILE}.gz"
        keys[name] = key = _docs_key(group, text_keys[ref:ref + DOCS_PER_FILE], article_urls)
        if not (previous.get(name) == key and keep(name)):
            write(name, compress(_json([_doc(a, article_urls[a.id]) for a in group])))
    return keys


SLICE_ARTICLES = 20_000    # most articles in one slice: what a build holds in memory at once


def _slices(ordered: list[Article]) -> tuple[list[tuple[int, int]], bool]:
    """The archive cut into periods of whole years, oldest first (undated articles first of
    all), none over SLICE_ARTICLES articles unless a single year is. Years are grouped from
    the oldest, so new issues change only the newest group; and the newest group's newest
    month is a slice of its own (``_newest_month``), so a new issue changes only that small
    slice's files, and the rest of its group once a month. Returns the slices (first and end
    article) and whether the last is such a month of its own."""
    years: list[tuple[str, int, int]] = []       # (year, first ref, end ref), oldest first
    for ref, a in enumerate(ordered):
        year = (a.date or "")[:4]
        if years and years[-1][0] == year:
            years[-1] = (year, years[-1][1], ref + 1)
        else:
            years.append((year, ref, ref + 1))
    groups: list[tuple[int, int]] = []
    for _, start, end in years:
        if groups and (groups[-1][1] - groups[-1][0]) + (end - start) <= SLICE_ARTICLES:
            groups[-1] = (groups[-1][0], end)
        else:
            groups.append((start, end))
    if not groups:
        return [(0, 0)], False
    start, end = groups[-1]
    month = _newest_month(ordered, start, end)
    if month > start:
        return groups[:-1] + [(start, month), (month, end)], True
    return groups, False


def _newest_month(ordered: list[Article], start: int, end: int) -> int:
    """Where the newest month's articles begin among start…end (dated articles come last,
    oldest first); ``start`` when they are all of one month, or undated."""
    month = (ordered[end - 1].date or "")[:7] if end > start else ""
    if len(month) < 7:
        return start
    lo, hi = start, end - 1
    while lo < hi:                       # the first article of that month
        mid = (lo + hi) // 2
        if (ordered[mid].date or "")[:7] < month:
            lo = mid + 1
        else:
            hi = mid
    return lo


NEWEST_MONTH_CACHE = "newest-month.pickle"


def _terms_cache_name(oldest: Article | None, newest_month: bool = False) -> str:
    # Named by the slice's oldest year, which stays when newer years come: slices are
    # grouped from the oldest. The newest month's slice has a name of its own, which the
    # slice before it also reads when that month joins it.
    if newest_month:
        return NEWEST_MONTH_CACHE
    return f"{((oldest.date or '')[:4] if oldest else '') or 'undated'}.pickle"


def _slice_key(start: int, term_keys: list[str]) -> str:
    h = hashlib.sha1(f"{VERSION} {TERMS_VERSION} {start} {len(term_keys)}".encode())
    h.update("".join(term_keys).encode())
    return h.hexdigest()


def search_files(articles: list[Article], article_urls: dict[str, str], settings, write: Write,
                 previous: dict[str, str] | None = None, keep: Callable[[str], bool] | None = None,
                 save_cache: bool = True) -> dict[str, str]:
    """Make the search files, handing each to ``write(path, data)`` as soon as it is made,
    and return a key per file of index shards, positions and stored fields. A file whose key
    is in ``previous`` (the last build's keys) is not made again when ``keep(path)`` carries
    the last build's file over; a slice whose articles' text is unchanged is not even read.
    ``save_cache`` False (a preview server's rebuilds) keeps terms and postings in this
    process for the next build instead of saving them.

    Articles are numbered oldest first; the archive is cut into slices of whole years (at
    most SLICE_ARTICLES articles each), and each slice's index is split by term into shards.
    A query searches every slice (the whole archive), fetching from each the shards of its
    terms."""
    previous = previous or {}
    keep = keep or (lambda path: False)
    ordered = sorted(articles, key=lambda a: (a.date or "", a.source, -a.order), reverse=True)[::-1]
    cache_dir = getattr(settings, "cache_dir", None)
    terms_dir = Path(cache_dir) / "search-terms" if cache_dir else None
    memos = _POSTINGS_MEMORY.get(str(cache_dir), []) if not save_cache else []
    _POSTINGS_MEMORY.clear()            # one archive per process is what a preview needs
    keys: dict[str, str] = {}
    slices = []
    kept = []
    cache_names = set()
    text_keys = [_terms_key(a) for a in ordered]
    postings_file = Path(cache_dir) / "search-postings.pickle" if cache_dir and save_cache else None
    cut, split = _slices(ordered)
    for number, (start, end) in enumerate(cut):
        month_slice = split and number == len(cut) - 1
        # The postings kept in the cache are those of the newest group's slice that grows only
        # once a month (or of the newest slice, when it is all of its group), so that the
        # month that joins it is added to them rather than the slice's postings gathered again.
        newest = number == len(cut) - (2 if split else 1)
        part = ordered[start:end]
        name = _terms_cache_name(part[0] if part else None, month_slice)
        cache_names.add(name)
        memo = memos[number] if number < len(memos) else None
        term_keys = text_keys[start:end]
        slice_key = _slice_key(start, term_keys)
        carried = _kept_slice(number, slice_key, previous, keep)
        if carried is not None:
            got_keys, count = carried
            keys.update(_write_stored(ordered, text_keys, start, end, article_urls, previous, write, keep))
        else:
            if memo is None and not month_slice and postings_file:
                memo = _load_postings(postings_file, start)      # None unless it is this slice's
            stored: dict[str, str] = {}
            # Gathered as the terms come, when the slice's postings are to be made afresh.
            gathering = Gathering() if memo is None or memo.get("start") != start else None
            term_keys, per_doc = _slice_terms(
                part, term_keys, terms_dir / name if terms_dir else None, save_cache,
                meanwhile=lambda: stored.update(_write_stored(ordered, text_keys, start, end, article_urls, previous, write,
                                                              keep)),
                also=terms_dir / NEWEST_MONTH_CACHE if terms_dir and not month_slice else None,
                each=gathering.add if gathering is not None else None)
            keys.update(stored)
            got_keys, memo, count = _slice_shards(number, start, term_keys, per_doc, memo, previous, write, keep,
                                                  slice_key, month_slice, gathering)
            del gathering
            if newest and postings_file:
                _save_postings(postings_file, memo)
            del per_doc
        keys.update(got_keys)
        if not save_cache:
            kept.append(memo)
        del memo
        dated = [a.date for a in part if a.date]
        slices.append({"start": start, "count": end - start, "shards": count, "from": min(dated, default=""),
                       "to": max(dated, default="")})
    if cache_dir and not save_cache:
        _POSTINGS_MEMORY[str(cache_dir)] = kept
    if terms_dir and save_cache:
        for stale in [*terms_dir.glob("*.pickle"), Path(cache_dir) / "search-terms.pickle"]:
            if stale.name not in cache_names or stale.parent != terms_dir:
                stale.unlink(missing_ok=True)
    facets, issues = _Facets(), _Issues()
    for ref, a in enumerate(ordered):
        facets.add(a)
        issues.add(ref, a)
    write("search/facets.gz", compress(facets.json()))
    write("search/issues.gz", compress(issues.json(len(ordered))))
    write("search/manifest.json", _json({"version": VERSION, "count": len(ordered), "slices": slices,
                                         "docs": DOCS_PER_FILE, "hash": "fnv1a32-utf8-first-two"}))
    return keys
