"""Search at archive scale: builds the search files of a synthetic archive and measures what
a reader's first query costs.

    python bench/search_scale.py                 # 10,000 articles
    python bench/search_scale.py --full          # 100,000 articles
    python bench/search_scale.py --articles 2000 --out /tmp/search-2k   # keep the files
    python bench/search_scale.py --full --pieces 0 --daily   # and the daily update's search files
    SEARCH_SCALE_PROFILE=/tmp/daily.prof python bench/search_scale.py --daily   # the daily's search_files profiled

The archive comes from bench/make_archive.py (the sample's articles recombined, places and
numbers varied). Prints: the index files (count and size per kind), the build time and
peak memory, and for each query, in Node with the site's lunr.js and search-core.js, the
gzip bytes a first query transfers (scripts + manifest + index shards + stored fields and
snippet text it fetches) and the time to answer it once its shards are loaded.
Figures, not tests.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_archive import make_articles  # noqa: E402

from sitegen.markdown import plain_text  # noqa: E402
from sitegen.search import search_files  # noqa: E402
from sitegen.search.terms import normalise  # noqa: E402
from sitegen.site.minify import minified_script  # noqa: E402

SCRIPTS = ["lunr.min.js", "search-core.js", "search.js"]
# What readers of a trade-union daily look for: the paper's commonest words, districts,
# campaigns, a place, a number, a name; then random pieces of the archive's own text.
QUERIES = ["工会", "职工", "北京市总工会", "朝阳区", "垃圾分类", "疫情防控", "劳动模范", "送清凉",
           "陶然亭", "12351", "安全生产月", "职工之家", "困难职工帮扶"]


class _Settings:
    def __init__(self, cache_dir: Path):
        self.cache_dir = cache_dir


def _gz(data: bytes) -> int:
    """Bytes on the wire: a file stored gzipped goes as it is (served as application/gzip,
    which no server compresses again); any other compressed as servers do (gzip -6)."""
    if data[:2] == b"\x1f\x8b":
        return len(data)
    return len(gzip.compress(data, 6))


def _lunr_json(rows) -> bytes:
    """A shard as lunr's serialized index (what lunr.py's Builder writes, and sitegen stored
    until version 5): each posting twice, as a key in the inverted index and as a term
    index and score in the article's field vector."""
    lengths: dict[int, int] = {}
    for _, refs, tfs, _ in rows:
        for ref, tf in zip(refs, tfs):
            lengths[ref] = lengths.get(ref, 0) + tf
    n = len(lengths)
    average = sum(lengths.values()) / n if n else 0
    vectors: dict[int, list] = {}
    inverted = []
    for i, (term, refs, tfs, _) in enumerate(rows):
        idf = math.log(1 + abs((n - len(refs) + 0.5) / (len(refs) + 0.5)))
        inverted.append([term, {"_index": i, "text": {str(r): {} for r in refs}}])
        for ref, tf in zip(refs, tfs):
            vectors.setdefault(ref, []).extend(
                [i, round(idf * (2.2 * tf) / (1.2 * (0.25 + 0.75 * lengths[ref] / average) + tf), 3)])
    return json.dumps({"version": "2.3.9", "fields": ["text"], "fieldVectors": [[f"text/{r}", v] for r, v in
                       sorted(vectors.items())], "invertedIndex": inverted, "pipeline": []},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _encodings(out: Path, names: list[str]) -> dict[str, dict[str, int]]:
    """Each shard's bytes as stored and as sent, in each encoding compared."""
    from sitegen.search.encoding import compress, decode_shard, encode_positions, shard_bytes

    sizes: dict[str, dict[str, int]] = {k: {} for k in ("lunr JSON, served gzip", "lunr JSON, stored gzip",
                                                        "postings and positions in one file (v5)",
                                                        "postings; positions beside (chosen)")}
    for name in names:
        if "/index/" not in name or name.endswith(("c.gz", "r.gz")):     # the shards (not their common terms' files)
            continue
        stored = (out / name).read_bytes()
        where = (out / name.replace("/index/", "/pos/")).read_bytes()
        rows = decode_shard(stored, where)
        plain = _lunr_json(rows)
        gz = len(gzip.compress(plain, 6))
        sizes["lunr JSON, served gzip"][name] = (len(plain), gz)
        sizes["lunr JSON, stored gzip"][name] = (len(compress(plain)),) * 2
        # v5: each term's positions after its postings, in the shard itself
        index, positions = shard_bytes([(t, refs, tfs, b"".join(map(encode_positions, ps))) for t, refs, tfs, ps in rows])
        sizes["postings and positions in one file (v5)"][name] = (len(compress(index + positions)),) * 2
        sizes["postings; positions beside (chosen)"][name] = (len(stored),) * 2
        sizes["postings; positions beside (chosen)"][name.replace("/index/", "/pos/")] = (len(where),) * 2
        assert (stored, where) == (compress(index), compress(positions))
    return sizes


def _pieces(articles, n: int, seed: int) -> list[dict]:
    """Random pieces of 2–6 characters of the archive's text (of one printed text: the
    headline, a subtitle or the body), with the article they came from."""
    rnd = random.Random(seed)
    out = []
    while len(out) < n:
        a = rnd.choice(articles)
        fields = [normalise(f) for f in [a.title or "", *a.subtitles, plain_text(a.body)]]
        text = rnd.choices(fields, weights=[len(f) for f in fields])[0]
        size = rnd.randint(2, 6)
        if len(text) > size:
            start = rnd.randrange(len(text) - size)
            out.append({"q": text[start:start + size], "url": f"a/{a.id}/"})
    return out


_DAILY = """
import cProfile, json, os, pickle, resource, sys, time   # cProfile before bench/ (its profile.py) is on the path
t0 = time.perf_counter()
def cpu():
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime
sys.path[:0] = {paths!r}
from search_scale import _Settings
from sitegen.search import search_files
from pathlib import Path
articles, previous = pickle.loads(Path({state!r}).read_bytes())
out = Path({out!r})
made = []
def write(name, data):
    (out / name).parent.mkdir(parents=True, exist_ok=True)
    (out / name).write_bytes(data)
    made.append(name)
profile = cProfile.Profile() if os.environ.get("SEARCH_SCALE_PROFILE") else None
t1, c1 = time.perf_counter(), cpu()
if profile: profile.enable()
keys = search_files(articles, {{a.id: f"a/{{a.id}}/" for a in articles}}, _Settings(Path({cache!r})), write,
                    previous=previous, keep=lambda name: (out / name).is_file())
if profile:
    profile.disable()
    profile.dump_stats(os.environ["SEARCH_SCALE_PROFILE"])
t2, c2 = time.perf_counter(), cpu()
for name in set(previous) - set(keys):
    (out / name).unlink()
Path({state!r} + ".keys").write_bytes(pickle.dumps(keys))
print(json.dumps({{"search_s": t2 - t1, "search_cpu_s": c2 - c1, "process_s": time.perf_counter() - t0, "made": len(made),
                  "made_bytes": sum((out / n).stat().st_size for n in set(made))}}))
"""


def _next_issue(articles, new_month: bool = False):
    """The newest issue's articles again, dated the next day (or the first of the next
    month), with new ids (the daily update bench/daily.py makes)."""
    import dataclasses
    import datetime

    newest = max(a.date for a in articles if a.date)
    date = datetime.date.fromisoformat(newest)
    if new_month:
        date = (date.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    else:
        date += datetime.timedelta(days=1)
    day = date.isoformat()
    return [dataclasses.replace(a, id=f"daily-{day}-{a.id}", date=day, source=a.source.replace(newest, day))
            for a in articles if a.date == newest]


def _daily(articles, keys: dict[str, str], out: Path, work: Path, cache: Path, compare: bool = True,
           new_month: bool = False) -> None:
    """One issue added: the search files made again in a fresh process (as the daily update's
    build is), from the terms cache and the last build's files, then compared byte for byte
    with a clean build of the same articles. ``new_month``: then one more, on the first of
    the next month (the month before joins its year's slice)."""
    import pickle

    from daily import same_tree

    after = articles + _next_issue(articles)
    _one_day(after, len(after) - len(articles), keys, out, work, cache, "a new issue")
    if new_month:
        keys = pickle.loads((work / "daily.pickle.keys").read_bytes())
        before = len(after)
        after = after + _next_issue(after, new_month=True)
        _one_day(after, len(after) - before, keys, out, work, cache, "a new month's first issue")
    if not compare:
        return
    clean = work / "clean"
    search_files(after, {a.id: f"a/{a.id}/" for a in after}, _Settings(work / "clean-cache"),
                 lambda name, data: ((clean / name).parent.mkdir(parents=True, exist_ok=True),
                                     (clean / name).write_bytes(data)))
    differ = same_tree(out / "search", clean / "search")
    print(f"  equal to a clean build: {'yes' if not differ else 'NO: ' + ', '.join(differ[:5])}")


def _one_day(after, added: int, keys, out: Path, work: Path, cache: Path, what: str) -> None:
    import pickle

    state = work / "daily.pickle"
    state.write_bytes(pickle.dumps((after, keys)))
    code = _DAILY.format(paths=[str(ROOT), str(ROOT / "bench")], state=str(state), out=str(out),
                         cache=str(cache))
    t = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if run.returncode:
        sys.exit(f"the daily update failed:\n{run.stderr[-3000:]}")
    wall = time.perf_counter() - t
    got = json.loads(run.stdout)
    print(f"\ndaily update ({added} articles of {what}; search files only, a fresh process): "
          f"search_files {got['search_s']:.1f} s ({got['search_cpu_s']:.1f} CPU s), the process {wall:.1f} s "
          f"(Python's start-up and loading the articles' pickle included); {got['made']:,} files made again "
          f"({got['made_bytes'] / 1e6:.1f} MB)")


def _cpu_s() -> float:
    """CPU seconds of this process and its finished workers: wall time on a shared machine
    says more about the other jobs."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, workers


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--full", action="store_true", help="100,000 articles")
    ap.add_argument("--pieces", type=int, default=200, help="random pieces of text queried besides the fixed queries")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="keep the search files here (default: a temporary folder)")
    ap.add_argument("--cache", type=Path, help="keep the terms cache here between runs (default: a temporary folder);"
                                                " the first run fills it, later ones skip cutting the text")
    ap.add_argument("--daily", action="store_true",
                    help="then add one issue and make the search files again in a fresh process, timed, "
                         "and compare them with a clean build")
    ap.add_argument("--daily-no-compare", action="store_true", help="--daily without the clean build to compare with")
    ap.add_argument("--new-month", action="store_true",
                    help="with --daily: then one more issue, on the first of the next month")
    ap.add_argument("--compare", action="store_true",
                    help="also the same shards in other encodings: lunr's JSON (served gzip, or stored gzipped), "
                         "postings without positions")
    args = ap.parse_args(argv)
    n = 100_000 if args.full else args.articles
    node = shutil.which("node")
    if node is None:
        sys.exit("node is needed to run the queries")

    t = time.perf_counter()
    articles = [a for _, _, a in make_articles(n, args.seed)]
    print(f"archive: {len(articles):,} articles made in {time.perf_counter() - t:.1f} s")

    work = Path(tempfile.mkdtemp(prefix="search-scale-"))
    out = args.out or work / "site"
    try:
        if out.exists():
            shutil.rmtree(out)
        names: list[str] = []

        def write(name: str, data: bytes) -> None:
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            names.append(name)

        t, cpu = time.perf_counter(), _cpu_s()
        cache = args.cache or work / "cache"
        keys = search_files(articles, {a.id: f"a/{a.id}/" for a in articles}, _Settings(cache), write)
        build_s, build_cpu = time.perf_counter() - t, _cpu_s() - cpu
        own_mb, workers_mb = _peak_mb()
        print(f"search files built and written in {build_s:.1f} s ({build_cpu:.0f} CPU s); peak RSS {own_mb:,.0f} MB "
              f"(largest worker {workers_mb:,.0f} MB)")

        sizes: dict[str, list[int]] = {}
        gz_sizes: dict[str, int] = {}
        for name in names:
            data = (out / name).read_bytes()
            kind = name.split("/")[1] if name.count("/") > 1 else name.split("/")[-1]
            sizes.setdefault(kind, []).append(len(data))
            gz_sizes[name] = _gz(data)
        js = out / "static/js"
        js.mkdir(parents=True)
        script_gz = 0
        for s in SCRIPTS:              # as the build publishes them (minified)
            (js / s).write_bytes(minified_script(f"static/js/{s}", (ROOT / "themes/default/static/js" / s).read_bytes()))
            script_gz += _gz((js / s).read_bytes())

        print("\nsearch files")
        print(f"  {'kind':<14}{'files':>8}{'MB':>10}{'gzip MB':>10}{'largest KB':>12}{'median KB':>11}")
        for kind, ss in sorted(sizes.items()):
            gz = sum(v for k, v in gz_sizes.items() if (k.split('/')[1] if k.count('/') > 1 else k.split('/')[-1]) == kind)
            print(f"  {kind:<14}{len(ss):>8,}{sum(ss) / 1e6:>10.1f}{gz / 1e6:>10.1f}{max(ss) / 1024:>12.1f}"
                  f"{statistics.median(ss) / 1024:>11.1f}")
        total = sum(sum(ss) for ss in sizes.values())
        files = sum(len(ss) for ss in sizes.values())
        print(f"  {'total':<14}{files:>8,}{total / 1e6:>10.1f}"
              f"{sum(gz_sizes.values()) / 1e6:>10.1f}")
        print(f"  per article: {total / len(articles) / 1024:.2f} KB stored "
              f"(index {sum(sizes.get('index', [])) / len(articles) / 1024:.2f}, "
              f"positions {sum(sizes.get('pos', [])) / len(articles) / 1024:.2f}, "
              f"stored fields and text {sum(sizes.get('docs', [])) / len(articles) / 1024:.2f}), "
              f"{files / len(articles):.2f} files")
        print(f"  scripts (lunr.min.js, search-core.js, search.js): {script_gz / 1024:.1f} KB gzip; "
              f"filters' table (facets.gz, fetched when the filters are opened): "
              f"{gz_sizes['search/facets.gz'] / 1024:.1f} KB; issues table (issues.gz, fetched for dates, "
              f"an issue, a 版 or grouping): {gz_sizes['search/issues.gz'] / 1024:.1f} KB")

        queries = [{"q": q, "url": ""} for q in QUERIES] + _pieces(articles, args.pieces, args.seed)
        qfile = work / "queries.json"
        qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        run = subprocess.run([node, str(ROOT / "tests/js/search_check.js"), str(out), str(qfile)],
                             capture_output=True, text=True, check=True)
        result = json.loads(run.stdout)
        rows = []
        for r, warm in zip(result["results"], result["warm"]):
            shards = [f for f in r["files"] if "/index/" in f or "/pos/" in f]
            fetched = sum(gz_sizes[f] for f in r["files"])
            docs = [f for f in r["files"] if "/docs/" in f]
            rows.append({"q": r["q"], "hits": r["count"], "shards": len(shards),
                         "index_kb": sum(gz_sizes[f] for f in shards) / 1024,
                         "docs_kb": sum(gz_sizes[f] for f in docs) / 1024,
                         "count_kb": sum(gz_sizes[f] for f in r.get("countFiles", [])) / 1024,
                         "quick": r.get("quick", False),
                         "total_kb": (fetched + script_gz) / 1024, "ms": warm, "rank": r["rank"]})

        print("\nfirst query (gzip KB: scripts + manifest + index shards + stored fields and text of the first page;"
              " 'count KB': what the count fetches after a first page shown before it, '*')")
        print(f"  {'query':<14}{'hits':>8}{'shards':>8}{'index KB':>10}{'docs KB':>9}{'total KB':>10}{'count KB':>10}"
              f"{'query ms':>10}")
        for row in rows[:len(QUERIES)]:
            print(f"  {row['q']:<14}{row['hits']:>8,}{row['shards']:>8}{row['index_kb']:>10.1f}{row['docs_kb']:>9.1f}"
                  f"{row['total_kb']:>9.1f}{'*' if row['quick'] else ' '}{row['count_kb']:>10.1f}{row['ms']:>10.2f}")
        pieces = rows[len(QUERIES):]
        for label, group in (("fixed queries", rows[:len(QUERIES)]), (f"{len(pieces)} random pieces", pieces)):
            if not group:
                continue
            kb = sorted(r["total_kb"] for r in group)
            qms = sorted(r["ms"] for r in group)
            print(f"  {label}: total KB median {statistics.median(kb):.1f}, 95th {kb[int(0.95 * (len(kb) - 1))]:.1f},"
                  f" max {kb[-1]:.1f}; query ms median {statistics.median(qms):.2f}, max {qms[-1]:.2f}")
        if pieces:
            print(f"  random pieces: source article found {sum(r['rank'] >= 0 for r in pieces) / len(pieces):.3f},"
                  f" in the first ten {sum(0 <= r['rank'] < 10 for r in pieces) / len(pieces):.3f}"
                  " (recombined text repeats, so many articles share a piece)")
        if args.compare:
            print("\nthe same shards in other encodings (index only; a query's index KB: the shards it fetches,"
                  " and for the chosen one the positions files it fetches)")
            print(f"  {'encoding':<34}{'KB/article stored':>18}{'median KB':>11}{'largest KB':>12}")
            for label, by_name in _encodings(out, names).items():
                per_query = sorted(sum(by_name[f][1] for f in r["files"] if f in by_name) / 1024
                                   for r in result["results"][:len(QUERIES)])
                print(f"  {label:<34}{sum(v[0] for v in by_name.values()) / len(articles) / 1024:>18.2f}"
                      f"{statistics.median(per_query):>11.1f}{per_query[-1]:>12.1f}")
        if args.daily or args.daily_no_compare:
            _daily(articles, keys, out, work, cache, compare=not args.daily_no_compare, new_month=args.new_month)
        fixed = sorted(r["total_kb"] for r in rows[:len(QUERIES)])
        worst = fixed[-1]
        slowest = max(r["ms"] for r in rows)
        print(f"\ntargets (issue #13): search files {total / len(articles) / 1024:.2f} KB per article stored; "
              f"first query of the {len(QUERIES)} reader queries ≤ 100 KB at the median: "
              f"{statistics.median(fixed):.0f} KB -> {'met' if statistics.median(fixed) <= 100 else 'not met'}; "
              f"≤ 300 KB for the largest: {worst:.0f} KB -> {'met' if worst <= 300 else 'not met'}"
              + (f"; query ≤ 30 ms once loaded: slowest {slowest:.1f} ms -> {'met' if slowest <= 30 else 'not met'}"
                 if n == 10_000 else ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
