"""Where a cold build spends its time: py-spy samples of the build and its worker processes,
summed by function.

    python bench/profile.py [bench/archives/10000] [--top 25] [--rate 100]
    python bench/profile.py PROJECT --daily     # the daily update of a built archive instead

``--daily`` adds one issue to a built project (as ``bench/daily.py`` does), profiles the
rebuild in a fresh process, then takes the issue out again and rebuilds.

Needs py-spy (bench/requirements.txt; falls back to cProfile, which does not see the
worker processes). Prints each function's share of all samples: "inclusive" counts a
sample for every function on its stack (what a function and everything it calls costs),
"self" only for the innermost one (where the time is spent itself).
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
PY_SPY = BENCH / ".venv" / "bin" / "py-spy"

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::\d+)?\)$")


def _short(frame: str) -> str:
    m = _FRAME.match(frame.strip())
    if not m:
        return frame.strip()
    file = m["file"]
    for marker in ("site-packages/", "/work/main/", "lib/python3.11/"):
        if marker in file:
            file = file.split(marker, 1)[1]
    return f"{m['func']} ({file})"


def summarise(collapsed: str, top: int) -> str:
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = [_short(f) for f in stack.split(";") if "(" in f]   # process and thread labels have no file
        if not frames:
            continue
        total += n
        own[frames[-1]] += n
        for f in set(frames):
            inclusive[f] += n
    lines = [f"{total:,} samples over all processes", "", "inclusive  function (sitegen's own)"]
    mine = [(f, c) for f, c in inclusive.most_common() if "sitegen/" in f and "<module>" not in f]
    lines += [f"{100 * c / total:8.1f}%  {f}" for f, c in mine[:top]]
    lines += ["", "self       function (any)"]
    lines += [f"{100 * c / total:8.1f}%  {f}" for f, c in own.most_common(top)]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("archive", type=Path, nargs="?", default=BENCH / "archives" / "10000")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--rate", type=int, default=100, help="samples a second")
    ap.add_argument("--out", type=Path, default=BENCH / "out" / "profile.txt")
    ap.add_argument("--daily", action="store_true", help="profile the daily update of a built project")
    args = ap.parse_args(argv)
    made = []
    if args.daily:
        sys.path.insert(0, str(ROOT))
        from bench.daily import add_issue
        from sitegen.config import load_settings

        made = add_issue(Path(load_settings(args.archive.resolve()).content_dir))
    else:
        for d in ("public", ".sitegen-cache"):
            shutil.rmtree(args.archive / d, ignore_errors=True)
    build = [sys.executable, str(BENCH / "measure.py"), "build", str(args.archive)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    try:
        report = _profile(args, build)
    finally:
        for path in made:
            path.unlink()
        if made:
            subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report + "\n", encoding="utf-8")
    print(report)
    return 0


def _profile(args, build: list[str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "stacks.txt"
        if PY_SPY.exists():
            subprocess.run([str(PY_SPY), "record", "--subprocesses", "--rate", str(args.rate), "--format", "raw",
                            "--output", str(raw), "--", *build], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            report = summarise(raw.read_text(encoding="utf-8"), args.top)
            shutil.copy(raw, args.out.with_suffix(".stacks"))     # for a closer look
        else:
            import pstats

            stats_file = Path(tmp) / "build.prof"
            subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats_file), *build[1:]], check=True,
                           stdout=subprocess.DEVNULL)
            out = Path(tmp) / "stats.txt"
            with out.open("w") as fh:
                pstats.Stats(str(stats_file), stream=fh).sort_stats("cumulative").print_stats(args.top)
            report = "cProfile (worker processes not seen)\n" + out.read_text()
    return report


if __name__ == "__main__":
    sys.exit(main())
