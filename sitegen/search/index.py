"""Writing the search files: manifest, lunr index shards, stored fields, snippet text.

The index is split by *term*: each term lives in one shard, chosen by a hash of the term
that the browser computes the same way, so a query fetches only the few small shards that
hold its terms, however large the archive. Each shard is an ordinary lunr index (built by
lunr.py, loaded by lunr.js) over every article, restricted to that shard's terms. Stored
fields (headline, date, page, districts, tags) and snippet text are kept apart in chunks
and fetched only for the results on screen.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor

from lunr.builder import Builder

from sitegen.content import Article
from sitegen.markdown import plain_text
from sitegen.search.terms import article_terms, shard_of

FIELDS = (("title", 10), ("people", 3), ("body", 1))
PAIRS_PER_SHARD = 2000      # aim: shards of a few thousand postings, some 10 KB gzipped
CHUNK_SIZE = 10              # articles per stored-fields / snippet-text file
VERSION = 2


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _shard_count(postings: int) -> int:
    count = 1
    while count * PAIRS_PER_SHARD < postings and count < 65536:
        count *= 2
    return count


def _build_shard(documents: list[dict]) -> dict:
    builder = Builder()
    builder.pipeline.reset()            # lunr's English pipeline would mangle (or drop) CJK terms
    builder.search_pipeline.reset()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for doc in documents:
        builder.add(doc)
    return builder.build().serialize()


def _build_shards(job: list[tuple[int, dict[int, dict[str, list[str]]]]]) -> list[tuple[int, bytes]]:
    out = []
    for n, bucket in job:
        docs = [{"ref": str(ref), **{name: " ".join(fields.get(name, ())) for name, _ in FIELDS}}
                for ref, fields in sorted(bucket.items())]
        out.append((n, _json(_build_shard(docs))))
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


def search_files(articles: list[Article], article_urls: dict[str, str], settings) -> dict[str, bytes]:
    ordered = sorted(articles, key=lambda a: (a.date or "", a.source, -a.order), reverse=True)
    per_doc = [article_terms(a) for a in ordered]
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
