"""The JSON export for researchers: one file per article and an index of them all."""

from __future__ import annotations

import dataclasses
import json

from sitegen.content import Article

FIELDS = [f.name for f in dataclasses.fields(Article) if f.name != "ingest_hash"]


def article_json(article: Article, url: str) -> bytes:
    data = {name: getattr(article, name) for name in FIELDS}
    data["url"] = url
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def index_json(articles: list[Article], url_of) -> bytes:
    rows = [{"id": a.id, "title": a.title, "date": a.date, "page": a.page, "kind": a.kind,
             "districts": a.districts, "tags": a.tags, "url": url_of(a), "json": f"data/articles/{a.id}.json"}
            for a in articles]
    return json.dumps({"count": len(rows), "articles": rows}, ensure_ascii=False, indent=1).encode("utf-8")
