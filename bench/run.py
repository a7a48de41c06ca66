"""The benchmark: sitegen's speed and sizes, side by side with other generators.

    python bench/run.py                 # 1k and 10k articles
    python bench/run.py --full          # also 100k
    python bench/run.py --sizes 1000 --skip-others

Prints a table of figures (medians of --repeat runs) and ratios against the other
generators installed in bench/.venv (see bench/README.md). Figures, not tests.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import others  # noqa: E402


def sh(cmd: list[str], timeout: float) -> tuple[float, float | None]:
    """Run a command; (seconds, peak RSS MB of the child) or (inf, None) on timeout/failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    try:
        subprocess.run(cmd, check=True, timeout=timeout, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as exc:
        print(f"  ! {' '.join(cmd[:2])}: {type(exc).__name__}", file=sys.stderr)
        return float("inf"), None
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, (after / 1024 if after > before else None)


def measure(what: str, project: Path) -> dict:
    out = subprocess.run([sys.executable, str(BENCH / "measure.py"), what, str(project)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def first_query_bytes(site: Path, query: str) -> dict:
    """Bytes (gzip) a browser fetches for a first search: page, scripts, manifest, the index
    shards holding the query's terms, and stored fields + snippet text for the top results."""
    from sitegen.search.terms import normalise, shard_of

    manifest = json.loads((site / "search/manifest.json").read_text(encoding="utf-8"))
    q = normalise(query)
    terms = sorted({q[i:i + 2] for i in range(len(q) - 1)} | ({q} if len(q) >= 3 else set()))
    shards = sorted({shard_of(t, manifest["shards"]) for t in terms})
    docs: set[str] | None = None
    for t in terms[:]:
        if len(t) != 2:
            continue
        index = json.loads((site / f"search/index/{shard_of(t, manifest['shards'])}.json").read_text(encoding="utf-8"))
        posting = dict(index["invertedIndex"]).get(t, {}).get("text", {})
        docs = set(posting) if docs is None else docs & set(posting)
    top = sorted(int(r) for r in (docs or set()))[:20]
    chunks = sorted({r // manifest["chunk"] for r in top})
    files = [site / "search/index.html", site / "static/js/lunr.min.js", site / "static/js/search-core.js",
             site / "static/js/search.js", site / "static/css/site.css", site / "search/manifest.json"]
    files += [site / f"search/index/{n}.json" for n in shards]
    files += [site / f"search/{kind}/{c}.json" for c in chunks for kind in ("docs", "text")]
    parts = {"scripts+page": sum(gz(f) for f in files[:5]),
             "index": sum(gz(f) for f in files[5:6 + len(shards)]),
             "results": sum(gz(f) for f in files[6 + len(shards):])}
    parts["total"] = sum(parts.values())
    parts["shards_fetched"] = len(shards)
    parts["results_found"] = len(docs or ())
    return parts


def query_speed(site: Path, n: int = 30) -> dict:
    import random

    from sitegen.content import load_articles
    from sitegen.search.terms import normalise

    node = shutil.which("node")
    if not node:
        return {}
    rnd = random.Random(3)
    arts = load_articles(site.parent / "content")
    queries = []
    for _ in range(n):
        a = rnd.choice(arts)
        text = normalise(a.body)
        size = rnd.randint(2, 6)
        start = rnd.randrange(max(1, len(text) - size))
        queries.append({"q": text[start:start + size], "url": f"a/{a.id}/"})
    qfile = site.parent / "bench-queries.json"
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([node, str(ROOT / "tests/js/search_check.js"), str(site), str(qfile)],
                         check=True, capture_output=True, text=True)
    data = json.loads(out.stdout)
    return {"first_ms": round(data["queryMs"], 2), "warm_ms": round(data["warmMs"], 2), "recall10": data["recall"]}


def run_size(n: int, repeat: int, skip_others: bool, timeout: float) -> dict:
    archive = BENCH / "archives" / str(n)
    if not (archive / "pages").exists():
        subprocess.run([sys.executable, str(BENCH / "make_archive.py"), "--articles", str(n), "--out", str(archive)],
                       check=True)
    result: dict = {"articles": n}
    ingests = []
    for _ in range(repeat):
        shutil.rmtree(archive / "content", ignore_errors=True)
        ingests.append(measure("ingest", archive))
    result["ingest_s"] = median_of(ingests, "seconds")
    result["pages"] = ingests[0]["pages"]
    result["ingest_pages_per_s"] = round(result["pages"] / result["ingest_s"], 1)
    result["ingest_rss_mb"] = max(r["rss_mb"] for r in ingests)

    colds = []
    for _ in range(repeat):
        shutil.rmtree(archive / "public", ignore_errors=True)
        shutil.rmtree(archive / ".sitegen-cache", ignore_errors=True)
        colds.append(measure("build", archive))
    result["cold_s"] = median_of(colds, "seconds")
    result["stages"] = {k: statistics.median(r["stages"][k] for r in colds) for k in colds[0]["stages"]}
    result["build_rss_mb"] = max(r["rss_mb"] for r in colds)
    result["rebuild_s"] = median_of([measure("rebuild", archive) for _ in range(repeat)], "seconds")
    result["incremental_s"] = median_of([measure("incremental", archive) for _ in range(repeat)], "seconds")
    site = archive / "public"
    result["output_mb"] = round(dir_size(site) / 1e6, 1)
    result["search_mb"] = round(dir_size(site / "search") / 1e6, 1)
    result["first_query"] = first_query_bytes(site, "垃圾分类")
    result["query"] = query_speed(site)

    result["others"] = {}
    if not skip_others:
        for name, prepare in others.PREPARE.items():
            project = BENCH / "out" / f"{name}-{n}"
            cmds = others.commands(name, project)
            if cmds is None:
                result["others"][name] = "not installed"
                continue
            if name == "mkdocs-material" and n > 2000:
                result["others"][name] = "skipped above 2k articles (Material renders the whole nav on every page)"
                continue
            prepare(archive / "content", project)
            times = []
            for _ in range(repeat):
                for d in ("public", "output", "site"):
                    shutil.rmtree(project / d, ignore_errors=True)
                total = 0.0
                for cmd in cmds:
                    seconds, _ = sh(cmd, timeout)
                    total += seconds
                times.append(total)
            result["others"][name] = round(statistics.median(times), 2)
    return result


def table(results: list[dict]) -> str:
    rows = [("articles", lambda r: f"{r['articles']:,}"),
            ("page files", lambda r: f"{r['pages']:,}"),
            ("ingest pages/s", lambda r: f"{r['ingest_pages_per_s']}"),
            ("cold build incl. search (s)", lambda r: f"{r['cold_s']:.2f}"),
            ("  ingest / load / markdown", lambda r: " / ".join(f"{r['stages'].get(k, 0):.2f}" for k in ("ingest", "load", "markdown"))),
            ("  templates / feeds / search / write", lambda r: " / ".join(f"{r['stages'].get(k, 0):.2f}" for k in ("templates", "feeds", "search", "write"))),
            ("rebuild, nothing changed (s)", lambda r: f"{r['rebuild_s']:.2f}"),
            ("one article changed (s)", lambda r: f"{r['incremental_s']:.2f}"),
            ("output (MB) / search files (MB)", lambda r: f"{r['output_mb']} / {r['search_mb']}"),
            ("first query, gzip KB (index + results + scripts)", lambda r: f"{r['first_query']['total'] / 1024:.0f} ({r['first_query']['index'] / 1024:.0f} + {r['first_query']['results'] / 1024:.0f} + {r['first_query']['scripts+page'] / 1024:.0f})"),
            ("query ms, first / loaded", lambda r: f"{r['query'].get('first_ms', '-')} / {r['query'].get('warm_ms', '-')}"),
            ("peak RSS MB, ingest / build", lambda r: f"{r['ingest_rss_mb']:.0f} / {r['build_rss_mb']:.0f}")]
    names = sorted({k for r in results for k in r["others"]})
    for name in names:
        rows.append((f"{name} (s)", lambda r, n=name: str(r["others"].get(n, "-"))))
        rows.append((f"  sitegen cold / {name}", lambda r, n=name: (f"{r['cold_s'] / r['others'][n]:.2f}x"
                                                                     if isinstance(r["others"].get(n), float) else "-")))
    width = max(len(label) for label, _ in rows)
    lines = [f"{'':{width}}  " + "  ".join(f"{r['articles']:>12,}" for r in results)]
    for label, fn in rows:
        lines.append(f"{label:{width}}  " + "  ".join(f"{fn(r):>12}" for r in results))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--full", action="store_true", help="also 100,000 articles")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-others", action="store_true")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--json", type=Path, default=BENCH / "out" / "results.json")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.full else [])
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    results = []
    for n in sizes:
        print(f"-- {n:,} articles", file=sys.stderr)
        results.append(run_size(n, args.repeat if n <= 10_000 else 1, args.skip_others, args.timeout))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
