"""The benchmark: sitegen's speed and sizes, side by side with other generators.

    python bench/run.py                 # 1k and 10k articles
    python bench/run.py --full          # also 100k
    python bench/run.py --sizes 1000 --skip-others --repeat 1

Prints a table of figures (medians of --repeat runs) and ratios against the other
generators installed in bench/.venv (see bench/README.md), then the issue's targets.
Every measurement runs in a fresh process; memory is the whole process tree's, sampled.
Figures, not tests.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import others  # noqa: E402

try:
    import psutil
except ImportError:                 # memory is then each process's own peak (ru_maxrss)
    psutil = None

try:                                # the search helper's reader queries, so both scripts agree
    from search_scale import QUERIES
except ImportError:
    QUERIES = ["工会", "朝阳区", "垃圾分类", "疫情防控", "劳动模范", "安全生产月", "职工之家"]
SEED = 1


# --- running things -------------------------------------------------------------------

def _tree_memory_mb(proc) -> float:
    """Proportional set size of a process and its children: forked workers share pages
    with their parent, so adding up their RSS would count the shared pages twice."""
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0.0
    for p in procs:
        try:
            info = p.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            pass
    return total / 2 ** 20


def watched(cmd: list[str], timeout: float, memory_limit_mb: float) -> dict:
    """Run a command: wall seconds, peak memory of its process tree, its stdout; a run past
    the time or memory limit is stopped and marked."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, start_new_session=True)
        handle = psutil.Process(proc.pid) if psutil else None
        peak, stopped = 0.0, None
        while proc.poll() is None:
            if handle is not None:
                peak = max(peak, _tree_memory_mb(handle))
                if peak > memory_limit_mb:
                    stopped = f"over {memory_limit_mb / 1024:.0f} GB"
            if time.perf_counter() - t0 > timeout:
                stopped = f"over {timeout:.0f} s"
            if stopped:
                os.killpg(proc.pid, 9)
                proc.wait()
                break
            time.sleep(0.2)
        seconds = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        result = {"seconds": seconds, "peak_mb": round(peak, 1) if handle else None,
                  "stdout": out.read().decode("utf-8", "replace"), "ok": proc.returncode == 0 and not stopped,
                  "stopped": stopped}
        if not result["ok"]:
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            print(f"  ! {Path(cmd[0]).name} {' '.join(cmd[1:3])}: {stopped or 'exit ' + str(proc.returncode)}: "
                  f"{' | '.join(tail)}", file=sys.stderr)
        return result


def measure(what: str, project: Path, args) -> dict:
    """One sitegen step in a fresh process (bench/measure.py): its own figures, plus the
    whole command's wall time and the process tree's peak memory."""
    run = watched([sys.executable, str(BENCH / "measure.py"), what, str(project)], args.timeout, args.memory_limit)
    if not run["ok"]:
        return {"error": run["stopped"] or "error", "wall": run["seconds"], "peak_mb": run["peak_mb"]}
    data = json.loads(run["stdout"].strip().splitlines()[-1])
    data.update(wall=round(run["seconds"], 3), peak_mb=run["peak_mb"] or data["rss_mb"])
    return data


def _median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


# --- the archive -----------------------------------------------------------------------

def archive_for(n: int) -> Path:
    """The archive of n articles, made again when the generator or the sample changed."""
    archive = BENCH / "archives" / str(n)
    h = hashlib.sha1((BENCH / "make_archive.py").read_bytes())
    for p in sorted((ROOT / "content").rglob("*.md")):
        h.update(p.read_bytes())
    key = f"{n} {SEED} {h.hexdigest()}"
    stamp = archive / "archive-key.txt"
    if not (stamp.is_file() and stamp.read_text() == key):
        shutil.rmtree(archive, ignore_errors=True)
        subprocess.run([sys.executable, str(BENCH / "make_archive.py"), "--articles", str(n), "--out", str(archive),
                        "--seed", str(SEED)], check=True, stdout=sys.stderr)
        stamp.write_text(key)
    return archive


# --- the built site --------------------------------------------------------------------

def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _gz(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))   # stored gzipped: sent as is


def first_queries(site: Path) -> dict:
    """Bytes a reader's browser fetches (gzip) for a first search, and query times, over
    QUERIES: the search page and its scripts and CSS, then what search.js fetches."""
    node = shutil.which("node")
    if not node or not (site / "search/manifest.json").is_file():
        return {}
    out = subprocess.run([node, str(BENCH / "first_query.js"), str(site), *QUERIES], check=True,
                         capture_output=True, text=True)
    page = sum(_gz(site / f) for f in ("search/index.html", "static/css/site.css", "static/js/lunr.min.js",
                                       "static/js/search-core.js", "static/js/search.js"))
    per_query = []
    for line in out.stdout.splitlines():
        q = json.loads(line)
        index = sum(_gz(site / f) for f in q["files"] if "/index/" in f or "/pos/" in f or f.endswith("manifest.json"))
        results = sum(_gz(site / f) for f in q["files"] if "/docs/" in f or "/text/" in f)
        per_query.append({"query": q["query"], "hits": q["hits"], "page": page, "index": index, "results": results,
                          "total": page + index + results, "first_ms": q["firstMs"], "warm_ms": q["warmMs"]})
    mid = sorted(per_query, key=lambda q: q["total"])[len(per_query) // 2]
    facets = site / "search/facets.gz"             # fetched when the reader opens the filters
    return {"median": mid, "facets": _gz(facets) if facets.is_file() else None, "largest": max(per_query, key=lambda q: q["total"]),
            "first_ms": _median(q["first_ms"] for q in per_query), "warm_ms": _median(q["warm_ms"] for q in per_query),
            "slowest_first_ms": max(q["first_ms"] for q in per_query), "queries": per_query}


# --- one size ------------------------------------------------------------------------------

def _reset(project: Path) -> None:
    for d in ("public", "output", "site", "resources", ".sitegen-cache"):
        shutil.rmtree(project / d, ignore_errors=True)
    for f in ("bench-queries.json", ".hugo_build.lock"):
        (project / f).unlink(missing_ok=True)


def run_size(n: int, args) -> dict:
    repeat = args.repeat if n <= 10_000 else 1
    archive = archive_for(n)
    result: dict = {"articles": n}

    ingests = []
    for _ in range(repeat):
        shutil.rmtree(archive / "content", ignore_errors=True)
        ingests.append(measure("ingest", archive, args))
    if any("error" in r for r in ingests):
        result["failed"] = "ingest: " + next(r["error"] for r in ingests if "error" in r)
        return result
    result["pages"], result["articles_found"] = ingests[0]["pages"], ingests[0]["articles"]
    result["ingest_s"] = _median(r["seconds"] for r in ingests)
    result["ingest_pages_per_s"] = round(result["pages"] / result["ingest_s"], 1)
    result["ingest_peak_mb"] = max(r["peak_mb"] for r in ingests)

    # The other generators build the same articles; each repeat runs every tool once, in
    # turn, so the machine's slow moments fall on all of them alike.
    tools = {}
    if not args.skip_others:
        for name, prepare in others.PREPARE.items():
            if args.tools and name not in args.tools.split(","):
                continue
            project = BENCH / "out" / f"{name}-{n}"
            if others.commands(name, project) is None:
                tools[name] = "not installed"
            elif n > others.LIMITS.get(name, float("inf")) and not args.quadratic:
                tools[name] = f"not run above {others.LIMITS[name]:,} articles (quadratic)"
            else:
                print(f"   converting for {name}", file=sys.stderr)
                prepare(archive / "content", project)
                tools[name] = project
    colds, other_runs = [], {name: [] for name, p in tools.items() if isinstance(p, Path)}
    for i in range(repeat):
        print(f"   cold builds, round {i + 1}/{repeat}", file=sys.stderr)
        _reset(archive)
        colds.append(measure("build", archive, args))
        for name in other_runs:
            _reset(tools[name])
            steps = [watched(cmd, args.timeout, args.memory_limit) for cmd in others.commands(name, tools[name])]
            other_runs[name].append({"seconds": sum(s["seconds"] for s in steps) if all(s["ok"] for s in steps) else None,
                                     "peak_mb": max((s["peak_mb"] or 0) for s in steps),
                                     "stopped": next((s["stopped"] for s in steps if s["stopped"]), None)})
    failed = next((r for r in colds if "error" in r), None)
    result["build_peak_mb"] = max(r["peak_mb"] or 0 for r in colds)
    result["others"] = {name: p for name, p in tools.items() if isinstance(p, str)}
    for name, runs in other_runs.items():
        times = [r["seconds"] for r in runs]
        if None in times:
            result["others"][name] = "failed: " + (next((r["stopped"] for r in runs if r["stopped"]), None) or "error")
            continue
        result["others"][name] = {"seconds": _median(times), "peak_mb": max(r["peak_mb"] for r in runs),
                                  # each round's sitegen time over that round's time of this tool
                                  "ratio": None if failed else _median(c["wall"] / t for c, t in zip(colds, times))}
    if failed:
        result["failed"] = f"build: {failed['error']} after {failed['wall']:.0f} s"
        return result
    result["rounds"] = {"sitegen": [round(c["wall"], 2) for c in colds],
                        **{name: [r["seconds"] and round(r["seconds"], 2) for r in runs] for name, runs in other_runs.items()}}
    result["cold_s"] = _median(r["wall"] for r in colds)
    result["cold_in_process_s"] = _median(r["seconds"] for r in colds)
    result["stages"] = {k: _median(r["stages"].get(k) for r in colds) for k in colds[0]["stages"]}
    result["build_files"] = colds[0]["files"]

    rebuilds = [measure("rebuild", archive, args) for _ in range(repeat)]
    result["rebuild_s"] = _median(r["seconds"] for r in rebuilds)
    result["rebuild_wall_s"] = _median(r["wall"] for r in rebuilds)
    incrementals = [measure("incremental", archive, args) for _ in range(repeat)]
    result["incremental_s"] = _median(r["seconds"] for r in incrementals)
    result["incremental_written"] = incrementals[0].get("written")

    site = archive / "public"
    result["output_mb"] = round(dir_size(site) / 1e6, 1)
    result["search_mb"] = round(dir_size(site / "search") / 1e6, 1) if (site / "search").is_dir() else 0
    result["first_query"] = first_queries(site)
    return result


# --- the table -------------------------------------------------------------------------------

def _stages(r: dict, keys) -> str:
    return " / ".join(f"{r['stages'].get(k) or 0:.2f}" for k in keys)


def _kb(b) -> str:
    return f"{b / 1024:.0f}"


def _tool_cells(r: dict, name: str) -> tuple[str, str]:
    v = r.get("others", {}).get(name, "-")
    if isinstance(v, dict):
        return f"{v['seconds']:.2f}", (f"{v['ratio']:.2f}x" if v["ratio"] else "-")
    return (v if len(v) < 24 else v[:21] + "..."), "-"


def _cell(fn, r: dict) -> str:
    try:
        return fn(r)
    except (KeyError, TypeError):       # a figure the failed run did not get to
        return "-"


def table(results: list[dict]) -> str:
    ok = results
    rows = [("page files (articles the ingest found)", lambda r: f"{r['pages']:,} ({r['articles_found']:,})"),
            ("ingest, pages/s", lambda r: f"{r['ingest_pages_per_s']}"),
            ("cold build incl. search, command (s)", lambda r: r.get("failed") or f"{r['cold_s']:.2f}"),
            ("  ingest check / load / markdown", lambda r: _stages(r, ("ingest", "load", "markdown"))),
            ("  templates / feeds+data / search", lambda r: _stages(r, ("templates", "feeds", "search"))),
            ("  writing", lambda r: _stages(r, ("write",))),
            ("rebuild, nothing changed (s; command)", lambda r: f"{r['rebuild_s']:.2f}; {r['rebuild_wall_s']:.2f}"),
            ("one article changed, fresh process (s)", lambda r: f"{r['incremental_s']:.2f}"),
            ("output / search files (MB)", lambda r: f"{r['output_mb']} / {r['search_mb']}"),
            ("first query gzip KB, median (largest)",
             lambda r: f"{_kb(r['first_query']['median']['total'])} ({_kb(r['first_query']['largest']['total'])})"
             if r["first_query"] else "-"),
            ("  page+scripts / index / results",
             lambda r: " / ".join(_kb(r["first_query"]["median"][k]) for k in ("page", "index", "results"))
             if r["first_query"] else "-"),
            ("  filters opened: facets (gzip KB)",
             lambda r: _kb(r["first_query"]["facets"]) if r["first_query"].get("facets") else "-"),
            ("first query ms, median (slowest) / loaded",
             lambda r: f"{r['first_query']['first_ms']:.1f} ({r['first_query']['slowest_first_ms']:.0f}) / "
                       f"{r['first_query']['warm_ms']:.1f}" if r["first_query"] else "-"),
            ("peak memory MB, ingest / build", lambda r: f"{r['ingest_peak_mb']:.0f} / {r['build_peak_mb']:.0f}")]
    names = sorted({k for r in ok for k in r.get("others", {})})
    for name in names:
        rows.append((f"{name} (s)", lambda r, n=name: _tool_cells(r, n)[0]))
        rows.append((f"  sitegen / {name}", lambda r, n=name: _tool_cells(r, n)[1]))
    width = max(len(label) for label, _ in rows)
    cols = [max(14, len(r.get("failed", ""))) for r in results]
    lines = [f"{'articles':{width}}  " + "  ".join(f"{r['articles']:>{c},}" for r, c in zip(results, cols))]
    for label, fn in rows:
        cells = [_cell(fn, r) for r in results]
        lines.append(f"{label:{width}}  " + "  ".join(f"{cell:>{c}}" for cell, c in zip(cells, cols)))
    return "\n".join(lines)


def targets(results: list[dict]) -> str:
    """The issue's targets, against the largest run that has each figure."""
    def at(n):
        return next((r for r in results if r["articles"] == n and "failed" not in r), None)

    def tool(r, name):
        v = (r or {}).get("others", {}).get(name)
        return v if isinstance(v, dict) else None

    lines = []
    ten = at(10_000)
    if ten:
        hp = tool(ten, "hugo+pagefind")
        lines.append("cold 10k incl. search <= 1.5 x Hugo+Pagefind: "
                     + (f"{hp['ratio']:.2f}x -> {'met' if hp['ratio'] <= 1.5 else 'not met'}" if hp else "no Hugo figure"))
        # MkDocs is measured two ways: with a short nav, and as set up by default, whose
        # nav lists every page on every page (run at 10k only with --quadratic).
        for name, factor in (("pelican", 10), ("mkdocs-material", 30), ("mkdocs-material-fullnav", 30)):
            t = tool(ten, name)
            if name == "mkdocs-material-fullnav" and not t:
                continue
            lines.append(f">= {factor}x faster than {name} at 10k: "
                         + (f"{1 / t['ratio']:.2f}x faster -> {'met' if 1 / t['ratio'] >= factor else 'not met'}"
                            if t else "no figure"))
        lines.append(f"rebuild with nothing changed <= 1 s at 10k: {ten['rebuild_s']:.2f} s in process, "
                     f"{ten['rebuild_wall_s']:.2f} s as a command -> "
                     f"{'met' if ten['rebuild_wall_s'] <= 1 else 'met in process only' if ten['rebuild_s'] <= 1 else 'not met'}")
        fq = ten.get("first_query")
        if fq:
            lines.append(f"first query <= 300 KB gzip at 10k: {_kb(fq['largest']['total'])} KB largest of "
                         f"{len(fq['queries'])} -> {'met' if fq['largest']['total'] <= 300 * 1024 else 'not met'}")
            lines.append(f"query <= 30 ms at 10k: first query (fetched files parsed) median {fq['first_ms']:.1f} ms, "
                         f"slowest {fq['slowest_first_ms']:.1f} ms; once loaded median {fq['warm_ms']:.1f} ms -> "
                         f"{'met' if fq['slowest_first_ms'] <= 30 else 'met at the median' if fq['first_ms'] <= 30 else 'not met'}")
    big = next((r for r in results if r["articles"] == 100_000), None)
    if big:
        peak = big.get("build_peak_mb")
        lines.append("100k build within 2 GB: " + (f"{peak:,.0f} MB peak" if peak else "no figure")
                     + (f" ({big['failed']})" if "failed" in big else "")
                     + (" -> met" if peak and peak <= 2048 and "failed" not in big else " -> not met"))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated")
    ap.add_argument("--full", action="store_true", help="also 100,000 articles (one run each)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure, the median is kept")
    ap.add_argument("--skip-others", action="store_true", help="sitegen only")
    ap.add_argument("--tools", default="", help="only these other generators, comma-separated: "
                    + ", ".join(others.PREPARE))
    ap.add_argument("--quadratic", action="store_true",
                    help="run the tools whose time grows with the square of the archive at every size too")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds before a run is stopped")
    ap.add_argument("--memory-limit", type=float, default=8192, help="MB of a process tree before it is stopped")
    ap.add_argument("--json", type=Path, default=BENCH / "out" / "results.json")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([100_000] if args.full else [])
    results = []
    for n in sizes:
        print(f"-- {n:,} articles", file=sys.stderr)
        results.append(run_size(n, args))
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": machine(), "repeat": args.repeat, "results": results},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    print(machine())
    print(table(results))
    print()
    print(targets(results))
    return 0


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    memory = f", {psutil.virtual_memory().total / 2 ** 30:.0f} GB" if psutil else ""
    return f"{cpu}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}, {platform.system()}"


if __name__ == "__main__":
    sys.exit(main())
