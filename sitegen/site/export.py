"""The JSON export for researchers: every article, one gzipped JSON Lines file per issue
(``data/issues/<date>.jsonl.gz``), and an index of them all (``data/index.json``).

One file per issue, not per article: at 100,000 articles a file each was 100,000 files and
a fifth of the site's bytes; gzipped by issue the text costs a third of that, a day's
build writes one new file, and ``zcat data/issues/*.jsonl.gz`` is the whole archive, one
article a line. gzip is written with no time or name in it, so a file is the same bytes
whenever its articles are the same.
"""

from __future__ import annotations

import dataclasses
import gzip
import json

from sitegen.content import Article

FIELDS = [f.name for f in dataclasses.fields(Article) if f.name != "ingest_hash"]


def issue_file(date: str | None) -> str:
    """Where an issue's articles are exported, relative to the site root."""
    return f"data/issues/{date or 'undated'}.jsonl.gz"


def article_record(article: Article, url: str) -> dict:
    data = {name: getattr(article, name) for name in FIELDS}
    data["url"] = url
    return data


def issue_export(articles: list[Article], url_of) -> bytes:
    """An issue's articles, one JSON object a line, gzipped (``url_of(article)`` → its URL)."""
    lines = "".join(json.dumps(article_record(a, url_of(a)), ensure_ascii=False) + "\n" for a in articles)
    return gzip.compress(lines.encode("utf-8"), compresslevel=9, mtime=0)


def by_issue(articles: list[Article]) -> dict[str, list[Article]]:
    """Export file → its articles, in the order given (undated articles share one file)."""
    files: dict[str, list[Article]] = {}
    for a in articles:
        files.setdefault(issue_file(a.date), []).append(a)
    return files


def index_json(articles: list[Article], url_of) -> bytes:
    rows = [{"id": a.id, "title": a.title, "date": a.date, "page": a.page, "kind": a.kind,
             "districts": a.districts, "tags": a.tags, "url": url_of(a), "file": issue_file(a.date)}
            for a in articles]
    return json.dumps({"count": len(rows), "articles": rows}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def read_issue_export(data: bytes) -> list[dict]:
    """The articles of an export file (for tests and for researchers' scripts)."""
    return [json.loads(line) for line in gzip.decompress(data).decode("utf-8").splitlines() if line]
