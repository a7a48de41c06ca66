"""Writing the search files: manifest, lunr index shards, stored fields, snippet text.

The index is split by *term*: each term lives in one shard, chosen by a hash of the term
that the browser computes the same way, so a query fetches only the few small shards that
hold its terms, however large the archive. Each shard is an ordinary lunr index (built by
lunr.py, loaded by lunr.js) over every article, restricted to that shard's terms. Stored
fields (headline, date, page, districts, tags) and snippet text are kept apart in chunks
and fetched only for the results on screen.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import sys
from array import array
from pathlib import Path

from lunr import __TARGET_JS_VERSION__ as LUNR_JS_VERSION
from lunr.builder import Builder

from sitegen.content import Article
from sitegen.markdown import plain_text
from sitegen.parallel import process_pool
from sitegen.search.terms import article_terms, shard_of

# One lunr field, so each article costs one field vector per shard: headline terms count
# three times and bylines twice, which is how they weigh more.
FIELD = "text"
WEIGHTS = {"title": 3, "people": 2, "body": 1}
PAIRS_PER_SHARD = 2000      # aim: shards of a few thousand postings, some 10 KB gzipped
VERSION = 4
TERMS_VERSION = 4          # bump when the way text is cut into terms changes


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _shard_count(postings: int) -> int:
    count = 1
    while count * PAIRS_PER_SHARD < postings and count < 65536:
        count *= 2
    return count


def build_with_lunr(documents: list[dict]) -> dict:
    """A shard built by lunr.py's own Builder: the reference ``write_shard`` is held to."""
    builder = Builder()
    builder.pipeline.reset()            # lunr's English pipeline would mangle (or drop) CJK terms
    builder.search_pipeline.reset()
    builder.ref("ref")
    builder.field(FIELD)
    for doc in documents:
        builder.add(doc)
    return builder.build().serialize()


def write_shard(postings: list[tuple[str, dict[int, int]]], offset: int = 0) -> dict:
    """The serialized lunr index of one shard, from its terms' postings (article → term
    frequency), with lunr's own scoring (BM25, k1 = 1.2, b = 0.75, scores rounded to three
    places). Built term by term: an article appears in most shards, so this never makes a
    per-article table per shard."""
    lengths: dict[int, int] = {}
    for _, docs in postings:
        for ref, tf in docs.items():
            lengths[ref] = lengths.get(ref, 0) + tf
    n = len(lengths)
    average = sum(lengths.values()) / n if n else 0
    k1, b = 1.2, 0.75
    vectors: dict[int, list] = {ref: [] for ref in sorted(lengths)}
    inverted = []
    for index, (term, docs) in enumerate(postings):
        df = len(docs)
        idf = math.log(1 + abs((n - df + 0.5) / (df + 0.5)))
        inverted.append([term, {FIELD: {str(ref + offset): {} for ref in sorted(docs)}, "_index": index}])
        for ref, tf in docs.items():
            norm = k1 * (1 - b + b * (lengths[ref] / average))
            vectors[ref] += (index, round(idf * ((k1 + 1) * tf) / (norm + tf), 3))
    return {"version": LUNR_JS_VERSION, "fields": [FIELD],
            "fieldVectors": [[f"{FIELD}/{ref + offset}", v] for ref, v in vectors.items()],
            "invertedIndex": inverted, "pipeline": []}


_SHARDS: list = []       # the shards being written, shared with forked workers without pickling
_OFFSET = 0


def _write_one(n: int) -> bytes:
    return _json(write_shard(_SHARDS[n], _OFFSET))


def _write_shards(shards, todo: list[int], offset: int = 0) -> list[bytes]:
    """Serialized shards, on every core when there are many (forked workers read the
    postings from the parent's memory)."""
    global _SHARDS, _OFFSET
    _SHARDS, _OFFSET = shards, offset
    try:
        pool = process_pool(most=4) if len(todo) > 256 else None
        if pool is not None:
            with pool:
                return list(pool.map(_write_one, todo, chunksize=32))
        return [_write_one(n) for n in todo]
    finally:
        _SHARDS = []


Terms = tuple[tuple[str, ...], array]     # an article's terms and their weighted frequencies


def weighted_terms(fields: dict[str, dict[str, int]]) -> Terms:
    """An article's terms in one compact record: each term once (the same string object for
    every article, so a large archive holds each term once) and its frequency, headline and
    byline occurrences counted WEIGHTS times. Held for every article between builds, so
    its size is what the archive's size multiplies."""
    tf: dict[str, int] = {}
    for name, terms in fields.items():
        w = WEIGHTS[name]
        for t, c in terms.items():
            tf[t] = tf.get(t, 0) + w * c
    return tuple(sys.intern(t) for t in tf), array("I", tf.values())


def _term_postings(per_doc: list[Terms]) -> dict[str, dict[int, int]]:
    """Every term's postings: article number → weighted frequency."""
    by_term: dict[str, dict[int, int]] = {}
    for ref, terms in enumerate(per_doc):
        _add(by_term, ref, terms, 1)
    return by_term


def _add(by_term: dict, ref: int, terms: Terms, sign: int) -> set[str]:
    for t, w in zip(*terms):
        docs = by_term.get(t)
        if docs is None:
            docs = by_term[t] = {}
        tf = docs.get(ref, 0) + w * sign
        if tf:
            docs[ref] = tf
        else:
            del docs[ref]
            if not docs:
                del by_term[t]
    return set(terms[0])


def _update_postings(memo: dict, keys: list[str], per_doc: list, count: int) -> set[int] | None:
    """Bring the last build's postings up to date when only a few articles changed and none
    moved; returns the shards touched, or None when a fresh start is simpler."""
    if memo["count"] != count or len(memo["keys"]) != len(keys):
        return None
    changed_refs = [ref for ref, (old, new) in enumerate(zip(memo["keys"], keys)) if old != new]
    if len(changed_refs) > 50:
        return None
    by_term, shard_terms = memo["by_term"], memo["shard_terms"]
    touched_terms: set[str] = set()
    for ref in changed_refs:
        touched_terms |= _add(by_term, ref, memo["per_doc"][ref], -1)
        touched_terms |= _add(by_term, ref, per_doc[ref], 1)
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


_POSTINGS_MEMORY: dict[str, dict] = {}      # the last build's postings, for the next build in this process


def _terms_of_all(articles: list[Article], cache_file: Path | None,
                  save: bool = True) -> tuple[list[str], list[dict[str, list[str]]]]:
    """Every article's terms; jieba is the slow part, so terms are kept between builds in a
    cache keyed by the hash of the text they come from, and new ones are cut on all cores."""
    cache: dict[str, dict] = {}
    remembered = _TERMS_MEMORY.get(str(cache_file))
    if cache_file and remembered and remembered[0] == _file_stamp(cache_file):
        cache = remembered[1]
    elif cache_file and cache_file.exists():
        try:
            with cache_file.open("rb") as fh:
                stored = pickle.load(fh)
            if stored.get("version") == TERMS_VERSION:
                cache = stored["terms"]
        except Exception:   # a damaged cache is only a slower build
            cache = {}
    keys = [_terms_key(a) for a in articles]
    missing = [(k, a) for k, a in zip(keys, articles) if k not in cache]
    pool = process_pool() if len(missing) > 200 else None
    if pool is not None:
        with pool:
            for (k, _), terms in zip(missing, pool.map(article_terms, [a for _, a in missing], chunksize=64)):
                cache[k] = weighted_terms(terms)
    else:
        for k, a in missing:
            cache[k] = weighted_terms(article_terms(a))
    if cache_file and missing and not save:
        cache.update({k: cache[k] for k in keys})
        _TERMS_MEMORY[str(cache_file)] = (_file_stamp(cache_file), cache)
    elif cache_file and missing:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        live = {k: cache[k] for k in keys}             # drop entries of articles that are gone
        tmp = cache_file.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump({"version": TERMS_VERSION, "terms": live}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_file)
        _TERMS_MEMORY[str(cache_file)] = (_file_stamp(cache_file), live)
    return keys, [cache[k] for k in keys]


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


def _stored_files(ordered: list[Article], article_urls: dict[str, str]) -> dict[str, bytes]:
    """What results show, apart from the index: one small file per article (stored fields and
    the text snippets are cut from), fetched only for the results on screen; and one compact
    table of every article's year, districts and tags for the filters and their counts,
    fetched when a reader opens the filters."""
    files = {}
    years: dict[str, int] = {}
    districts: dict[str, int] = {}
    tags: dict[str, int] = {}
    rows = []
    for ref, a in enumerate(ordered):
        files[f"search/docs/{ref}.json"] = _json(
            {"u": article_urls[a.id], "t": a.display_title, "d": a.date or "", "p": a.page or "", "k": a.kind,
             "ds": a.districts, "tg": a.tags, "x": " ".join([a.title or "", *a.subtitles, plain_text(a.body)])})
        year = (a.date or "")[:4]
        rows.append([years.setdefault(year, len(years)) if year else -1,
                     [districts.setdefault(d, len(districts)) for d in a.districts],
                     [tags.setdefault(t, len(tags)) for t in a.tags]])
    files["search/facets.json"] = _json({"years": list(years), "districts": list(districts), "tags": list(tags),
                                         "articles": rows})
    return files


SLICE_ARTICLES = 20_000    # most articles in one slice: what a first query searches at most


def _slices(ordered: list[Article]) -> list[tuple[int, int]]:
    """The archive cut into periods of whole years, newest first, none over SLICE_ARTICLES
    articles unless a single year is (undated articles close the last one). Years are
    grouped from the oldest, so new issues change only the newest slice."""
    years: list[tuple[str, int, int]] = []       # (year, first ref, end ref), newest first
    for ref, a in enumerate(ordered):
        year = (a.date or "")[:4]
        if years and years[-1][0] == year:
            years[-1] = (year, years[-1][1], ref + 1)
        else:
            years.append((year, ref, ref + 1))
    groups: list[tuple[int, int]] = []
    for _, start, end in reversed(years):          # oldest first (undated first of all)
        if groups and (groups[-1][1] - groups[-1][0]) + (end - start) <= SLICE_ARTICLES:
            groups[-1] = (start, groups[-1][1])
        else:
            groups.append((start, end))
    return list(reversed(groups)) or [(0, 0)]


def _slice_shards(number: int, start: int, keys: list[str], per_doc: list, memo: dict | None,
                  previous: dict[str, str]) -> tuple[dict[str, bytes | None], dict[str, str], dict, int]:
    """One slice's index shards (refs start, start + 1, …), their keys, and the postings kept
    for the next build."""
    postings = sum(len(terms) for terms, _ in per_doc)
    count = _shard_count(postings)
    touched = _update_postings(memo, keys, per_doc, count) if memo and memo.get("start") == start else None
    if touched is None:
        # From scratch: every shard's postings and key.
        by_term = _term_postings(per_doc)
        shard_terms: list[set[str]] = [set() for _ in range(count)]
        for term in by_term:
            shard_terms[shard_of(term, count)].add(term)
        memo = {"start": start, "count": count, "keys": keys, "per_doc": per_doc, "by_term": by_term,
                "shard_terms": shard_terms, "shard_keys": {}}
        touched = set(range(count))
    shards: dict[int, list] = {}
    for n in touched:
        shards[n] = [(t, memo["by_term"][t]) for t in sorted(memo["shard_terms"][n])]
        memo["shard_keys"][n] = hashlib.sha1(repr((start, count, shards[n])).encode("utf-8")).hexdigest()
    names = {n: f"search/index/{number}/{n}.json" for n in memo["shard_keys"]}
    files: dict[str, bytes | None] = {}
    todo = []
    for n, name in names.items():
        if previous.get(name) == memo["shard_keys"][n]:
            files[name] = None
        else:
            todo.append(n)
            shards.setdefault(n, [(t, memo["by_term"][t]) for t in sorted(memo["shard_terms"][n])])
    for n, data in zip(todo, _write_shards(shards, todo, start)):
        files[names[n]] = data
    return files, {names[n]: k for n, k in memo["shard_keys"].items()}, memo, count


def search_files(articles: list[Article], article_urls: dict[str, str], settings,
                 previous: dict[str, str] | None = None, save_cache: bool = True
                 ) -> tuple[dict[str, bytes | None], dict[str, str]]:
    """The search files, and a key per index shard. A shard whose key is in ``previous``
    (the last build's keys) comes back as None: its file is unchanged and need not be built.

    Articles are numbered newest first; the archive is cut into slices of whole years (at
    most SLICE_ARTICLES articles each), and each slice's index is split by term into shards.
    A query searches the newest slice first and older ones as the reader asks, so what a
    first query fetches stays the same however many years the archive holds."""
    previous = previous or {}
    ordered = sorted(articles, key=lambda a: (a.date or "", a.source, -a.order), reverse=True)
    cache_dir = getattr(settings, "cache_dir", None)
    term_keys, per_doc = _terms_of_all(ordered, Path(cache_dir) / "search-terms.pickle" if cache_dir else None,
                                       save=save_cache)
    memos = _POSTINGS_MEMORY.get(str(cache_dir), [])
    files: dict[str, bytes | None] = {}
    keys: dict[str, str] = {}
    slices = []
    kept = []
    for number, (start, end) in enumerate(_slices(ordered)):
        memo = memos[number] if number < len(memos) else None
        got, got_keys, memo, count = _slice_shards(number, start, term_keys[start:end], per_doc[start:end], memo,
                                                    previous)
        files.update(got)
        keys.update(got_keys)
        kept.append(memo)
        dated = [a.date for a in ordered[start:end] if a.date]
        slices.append({"count": end - start, "shards": count, "from": min(dated, default=""),
                       "to": max(dated, default="")})
    if cache_dir:
        _POSTINGS_MEMORY.clear()                 # one archive per process is what a preview needs
        _POSTINGS_MEMORY[str(cache_dir)] = kept
    files.update(_stored_files(ordered, article_urls))
    files["search/manifest.json"] = _json({"version": VERSION, "count": len(ordered), "slices": slices,
                                           "hash": "fnv1a32-utf8"})
    return files, keys
