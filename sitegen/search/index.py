"""Writing the search files: manifest, lunr shards, stored fields, snippet text."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor

from lunr.builder import Builder

from sitegen.content import Article
from sitegen.markdown import plain_text
from sitegen.search.terms import field_terms

SHARD_SIZE = 1000       # articles per index shard
CHUNK_SIZE = 40         # articles per snippet-text file
FIELDS = (("title", 10), ("people", 3), ("body", 1))
VERSION = 1


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _document(ref: int, a: Article) -> dict:
    return {
        "ref": str(ref),
        "title": field_terms(" ".join([a.title or "", *a.subtitles])),
        "people": field_terms(" ".join(a.reporters + a.correspondents + a.photographers + a.authors + [a.byline or ""])),
        "body": field_terms(plain_text(a.body)),
    }


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


def _shard_job(batch: list[tuple[int, Article]]) -> dict:
    return _build_shard([_document(ref, a) for ref, a in batch])


def search_files(articles: list[Article], article_urls: dict[str, str], settings) -> dict[str, bytes]:
    ordered = sorted(articles, key=lambda a: (a.date or "", a.source, -a.order), reverse=True)
    size = int(getattr(settings, "extra", {}).get("search_shard_size", SHARD_SIZE) or SHARD_SIZE)
    batches = [list(enumerate(ordered[i:i + size], start=i)) for i in range(0, len(ordered), size)] or [[]]
    if len(batches) > 1:
        with ProcessPoolExecutor(max_workers=2) as pool:
            shards = list(pool.map(_shard_job, batches))
    else:
        shards = [_shard_job(batches[0])]

    files: dict[str, bytes] = {}
    manifest = {"version": VERSION, "count": len(ordered), "shard_size": size, "chunk_size": CHUNK_SIZE, "shards": []}
    for n, (batch, index) in enumerate(zip(batches, shards)):
        files[f"search/index-{n}.json"] = _json(index)
        docs = [{"u": article_urls[a.id], "t": a.display_title, "d": a.date or "", "p": a.page or "",
                 "k": a.kind, "ds": a.districts, "tg": a.tags} for _, a in batch]
        files[f"search/docs-{n}.json"] = _json(docs)
        for c in range(0, len(batch), CHUNK_SIZE):
            texts = [" ".join([a.title or "", *a.subtitles, plain_text(a.body)]) for _, a in batch[c:c + CHUNK_SIZE]]
            files[f"search/text-{n}-{c // CHUNK_SIZE}.json"] = _json(texts)
        dates = [a.date for _, a in batch if a.date]
        manifest["shards"].append({"index": f"index-{n}.json", "docs": f"docs-{n}.json", "first": batch[0][0] if batch else 0,
                                   "count": len(batch), "from": min(dates, default=""), "to": max(dates, default="")})
    files["search/manifest.json"] = _json(manifest)
    return files
