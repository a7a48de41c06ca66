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
from pathlib import Path
from concurrent.futures import ProcessPoolExecutor

from lunr import __TARGET_JS_VERSION__ as LUNR_JS_VERSION
from lunr.builder import Builder

from sitegen.content import Article
from sitegen.markdown import plain_text
from sitegen.search.terms import article_terms, shard_of

# One lunr field, so each article costs one field vector per shard: headline terms count
# three times and bylines twice, which is how they weigh more.
FIELD = "text"
WEIGHTS = {"title": 3, "people": 2, "body": 1}
PAIRS_PER_SHARD = 2000      # aim: shards of a few thousand postings, some 10 KB gzipped
CHUNK_SIZE = 10              # articles per stored-fields / snippet-text file
VERSION = 2
TERMS_VERSION = 1          # bump when the way text is cut into terms changes


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _shard_count(postings: int) -> int:
    count = 1
    while count * PAIRS_PER_SHARD < postings and count < 65536:
        count *= 2
    return count


def build_with_lunr(documents: list[dict]) -> dict:
    """A shard built by lunr.py's own Builder: the reference ``write_lunr_index`` matches."""
    builder = Builder()
    builder.pipeline.reset()            # lunr's English pipeline would mangle (or drop) CJK terms
    builder.search_pipeline.reset()
    builder.ref("ref")
    builder.field(FIELD)
    for doc in documents:
        builder.add(doc)
    return builder.build().serialize()


def write_lunr_index(documents: list[dict]) -> dict:
    """The serialized lunr index of ``documents``, exactly as lunr.py's Builder writes it
    (a test holds the two equal), without the parts lunr.py computes and never serializes
    (its token-set trie): ten times faster, which is most of a large build."""
    inverted: dict[str, dict] = {}
    counts = []
    for doc in documents:
        ref, terms = doc["ref"], doc[FIELD].split()
        tf: dict[str, int] = {}
        for t in terms:
            tf[t] = tf.get(t, 0) + 1
            posting = inverted.get(t)
            if posting is None:
                posting = inverted[t] = {FIELD: {}, "_index": len(inverted)}
            posting[FIELD].setdefault(ref, {})
        counts.append((ref, tf, len(terms)))
    n = len(documents)
    average = sum(length for _, _, length in counts) / n if n else 0
    k1, b = 1.2, 0.75
    idf: dict[str, float] = {}
    vectors = []
    for ref, tf, length in counts:
        norm = k1 * (1 - b + b * (length / average)) if average else k1
        elements = []
        for t, f in tf.items():
            w = idf.get(t)
            if w is None:
                df = len(inverted[t][FIELD])
                w = idf[t] = math.log(1 + abs((n - df + 0.5) / (df + 0.5)))
            elements.append((inverted[t]["_index"], round(w * ((k1 + 1) * f) / (norm + f), 3)))
        elements.sort()
        vectors.append([f"{FIELD}/{ref}", [x for pair in elements for x in pair]])
    return {"version": LUNR_JS_VERSION, "fields": [FIELD], "fieldVectors": vectors,
            "invertedIndex": [[t, inverted[t]] for t in sorted(inverted)], "pipeline": []}


def _build_shards(job: list[tuple[int, dict[int, dict[str, list[str]]]]]) -> list[tuple[int, bytes]]:
    out = []
    for n, bucket in job:
        docs = [{"ref": str(ref), FIELD: " ".join(t for name, terms in fields.items() for t in terms * WEIGHTS[name])}
                for ref, fields in sorted(bucket.items())]
        out.append((n, _json(write_lunr_index(docs))))
    return out


def _buckets(per_doc: list[dict[str, list[str]]], count: int) -> list[dict[int, dict[str, list[str]]]]:
    """Each shard's share of every article: shard → article → field → terms."""
    buckets: list[dict[int, dict[str, list[str]]]] = [{} for _ in range(count)]
    home: dict[str, int] = {}
    for ref, fields in enumerate(per_doc):
        for name, terms in fields.items():
            for t in terms:
                n = home.get(t)
                if n is None:
                    n = home[t] = shard_of(t, count)
                buckets[n].setdefault(ref, {}).setdefault(name, []).append(t)
    return buckets


def _terms_of_all(articles: list[Article], cache_file: Path | None) -> list[dict[str, list[str]]]:
    """Every article's terms; jieba is the slow part, so terms are kept between builds in a
    cache keyed by the hash of the text they come from, and new ones are cut on all cores."""
    cache: dict[str, dict] = {}
    if cache_file and cache_file.exists():
        try:
            with cache_file.open("rb") as fh:
                stored = pickle.load(fh)
            if stored.get("version") == TERMS_VERSION:
                cache = stored["terms"]
        except Exception:   # a damaged cache is only a slower build
            cache = {}
    keys = [_terms_key(a) for a in articles]
    missing = [(k, a) for k, a in zip(keys, articles) if k not in cache]
    if len(missing) > 200 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, 8)) as pool:
            for (k, _), terms in zip(missing, pool.map(article_terms, [a for _, a in missing], chunksize=64)):
                cache[k] = terms
    else:
        for k, a in missing:
            cache[k] = article_terms(a)
    if cache_file and missing:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        live = {k: cache[k] for k in keys}             # drop entries of articles that are gone
        tmp = cache_file.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump({"version": TERMS_VERSION, "terms": live}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_file)
    return [cache[k] for k in keys]


def _terms_key(a: Article) -> str:
    text = "\x00".join([a.title or "", *a.subtitles, *a.reporters, *a.correspondents, *a.photographers, *a.authors,
                        a.byline or "", a.body])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def search_files(articles: list[Article], article_urls: dict[str, str], settings) -> dict[str, bytes]:
    ordered = sorted(articles, key=lambda a: (a.date or "", a.source, -a.order), reverse=True)
    cache_dir = getattr(settings, "cache_dir", None)
    per_doc = _terms_of_all(ordered, Path(cache_dir) / "search-terms.pickle" if cache_dir else None)
    postings = sum(len(terms) for fields in per_doc for terms in fields.values())
    count = _shard_count(postings)

    files: dict[str, bytes] = {}
    jobs = list(enumerate(_buckets(per_doc, count)))
    workers = min(os.cpu_count() or 1, 4) if postings > 200_000 else 1
    if workers > 1:
        groups = [jobs[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_build_shards, groups))
    else:
        parts = [_build_shards(jobs)]
    for part in parts:
        for n, data in part:
            files[f"search/index/{n}.json"] = data

    for c in range(0, len(ordered), CHUNK_SIZE):
        chunk = ordered[c:c + CHUNK_SIZE]
        files[f"search/docs/{c // CHUNK_SIZE}.json"] = _json([
            {"u": article_urls[a.id], "t": a.display_title, "d": a.date or "", "p": a.page or "",
             "k": a.kind, "ds": a.districts, "tg": a.tags} for a in chunk])
        files[f"search/text/{c // CHUNK_SIZE}.json"] = _json([
            " ".join([a.title or "", *a.subtitles, plain_text(a.body)]) for a in chunk])
    files["search/manifest.json"] = _json({"version": VERSION, "count": len(ordered), "shards": count,
                                           "chunk": CHUNK_SIZE, "hash": "fnv1a32-utf8"})
    return files
