"""How a search's first page ranks against one lunr index over the whole archive.

    python bench/search_rank.py SITE --articles 10000 [--cache DIR]

SITE: the search files of bench/search_scale.py's archive (``--out``), of any version: the
site's own search-core.js (under SITE/static/js) answers each reader query as its page does,
and its first page (20 results) is compared with the first 20 that a single lunr index of the
whole archive gives (BM25 with lunr's k1 1.2 and b 0.75, each article's length its every
term; the query's pairs required and its whole words boosted fivefold, as search-core.js
asks; full matches, those holding each part as written, first). Prints, per query, how many
of the reference's first 20 the page holds. ``--cache``: search_scale.py's terms cache, so the
articles' terms are not cut again. Figures, not tests.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_archive import make_articles  # noqa: E402
from search_scale import QUERIES, _next_issue  # noqa: E402

from sitegen.search.index import _terms_key  # noqa: E402
from sitegen.search.terms import article_fields, article_record, normalise  # noqa: E402


def records_of(ordered, cache: Path | None):
    cached = {}
    if cache:
        for f in (cache / "search-terms").glob("*.pickle"):
            cached.update(pickle.loads(f.read_bytes())["terms"])
    return [cached.get(_terms_key(a)) or article_record(a) for a in ordered]


def _parts(query: str):
    parts = [normalise(w) for w in query.split() if normalise(w)]
    required = sorted({p[i:i + 2] for p in parts for i in range(len(p) - 1)} | {p for p in parts if len(p) == 1})
    return parts, required, [p for p in parts if len(p) >= 3]


def frequencies(records, queries) -> dict[str, dict[int, int]]:
    """Each query term's articles and frequencies, in one pass over the archive's terms."""
    wanted = set()
    for q in queries:
        _, required, optional = _parts(q)
        wanted |= set(required) | set(optional)
    tf: dict[str, dict[int, int]] = {t: {} for t in wanted}
    for ref, (text, tfs, _, _) in enumerate(records):
        for t, n in zip(text.split(" "), tfs):
            if t in wanted:
                tf[t][ref] = n
    return tf


def reference(ordered, records, tf, query: str, boost: float = 5, k1: float = 1.2, b: float = 0.75) -> list[int]:
    parts, required, optional = _parts(query)
    lengths = [sum(r[1]) for r in records]
    average = sum(lengths) / len(lengths)
    n = len(records)

    def score(t: str, ref: int) -> float:
        df = len(tf[t])
        idf = math.log(1 + abs((n - df + 0.5) / (df + 0.5)))
        f = tf[t][ref]
        return idf * (k1 + 1) * f / (k1 * (1 - b + b * lengths[ref] / average) + f)

    hits = set.intersection(*(set(tf[t]) for t in required)) if required else set()
    scored = sorted(((sum(score(t, ref) for t in required) +
                      sum(boost * score(w, ref) for w in optional if ref in tf[w]), ref) for ref in hits), reverse=True)
    full, partial = [], []
    for s, ref in scored:              # best first, until twenty full matches
        fields = [normalise(text) for _, text, _ in article_fields(ordered[ref])]
        (full if all(any(p in f for f in fields) for p in parts) else partial).append(ref)
        if len(full) == 20:
            break
    return (full + partial)[:20]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache", type=Path)
    args = ap.parse_args(argv)
    articles = [a for _, _, a in make_articles(args.articles, args.seed)]
    manifest = json.loads((args.site / "search/manifest.json").read_text())
    if manifest["count"] > len(articles):          # search_scale.py's --daily (and --new-month) added issues
        articles += _next_issue(articles)
    if manifest["count"] > len(articles):
        articles += _next_issue(articles, new_month=True)
    ordered = sorted(articles, key=lambda a: (a.date or "", a.source, -a.order), reverse=True)[::-1]
    if manifest["count"] != len(ordered):
        sys.exit(f"{args.site} holds {manifest['count']} articles, the archive {len(ordered)}")
    records = records_of(ordered, args.cache)
    tf = frequencies(records, QUERIES)
    work = Path(tempfile.mkdtemp(prefix="search-rank-"))
    try:
        qfile = work / "q.json"
        qfile.write_text(json.dumps([{"q": q, "url": ""} for q in QUERIES], ensure_ascii=False), encoding="utf-8")
        run = subprocess.run(["node", str(ROOT / "tests/js/search_check.js"), str(args.site), str(qfile)],
                             capture_output=True, text=True, check=True)
        shares = []
        for row in json.loads(run.stdout)["results"]:
            ours = [h["ref"] for h in row["page"]]
            theirs = reference(ordered, records, tf, row["q"])
            if not theirs:
                continue
            shared = len(set(ours) & set(theirs)) / len(theirs)
            shares.append(shared)
            print(f"  {row['q']:<10} shares {shared:.2f} of the reference's first {len(theirs)}")
        print(f"first page against one lunr index of the whole archive: median share {statistics.median(shares):.2f},"
              f" mean {statistics.mean(shares):.2f} ({len(shares)} queries with hits)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
