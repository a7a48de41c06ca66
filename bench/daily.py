"""The daily update: one new issue added to a built archive, rebuilt in a fresh process, and
the result compared with a clean build of the same articles.

    python bench/daily.py PROJECT_DIR [--keep] [--no-compare]

PROJECT_DIR is a benchmark archive made with ``make_archive.py --content`` (or any project
whose content/ holds articles). The new issue is the newest issue's articles again, dated
the next day, with new ids (what ingest writes for one day's 4 pages); with ``--keep`` they
stay, else they are taken out again afterwards (and the site rebuilt). Prints JSON: the
seconds of the cold build (when the site was not built yet), of the update as a command
(Python's start-up included), its CPU seconds with and without the search stage, its
stages, files written, and whether the updated site
equals a clean build byte for byte (``--no-compare`` skips that clean build: at 100k it is
a second cold build). Figures, not a test.
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# The update in a fresh process: the build's report, and CPU seconds (this process and the
# workers it waited for) in all and in the search stage, which is timed by wrapping it.
_DRIVER = r"""
import json, resource, sys, time
from pathlib import Path
import sitegen.search
from sitegen.config import load_settings
from sitegen.site import build_site

def cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

def children_cpu():
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime

spent = {"search": 0.0, "switch": 0.0, "walk": 0.0}
def timed(owner, name, what, clock=cpu):      # owner.name counted into spent[what], by that clock
    real = getattr(owner, name)
    def wrapper(*args, **kwargs):
        start = clock()
        try:
            return real(*args, **kwargs)
        finally:
            spent[what] += clock() - start
    setattr(owner, name, wrapper)

timed(sitegen.search, "search_files", "search")
# A daily update makes its search in a process beside the pages (parallel.Beside): its CPU is
# that child's, counted when the build takes its answer (and waits for it).
import sitegen.parallel
timed(sitegen.parallel.Beside, "result", "search", children_cpu)
# The switch: the held files written (most of them the search's) and the walk that brings the
# staging folder level with the live site (a process of its own, counted once it ends).
import sitegen.site.writer as writer
timed(writer.SiteWriter, "commit", "switch")
timed(writer.SiteWriter, "_finish_sync", "walk", children_cpu)
settings = load_settings(Path(sys.argv[1]))
t0 = time.perf_counter()
report = build_site(settings)
seconds = time.perf_counter() - t0
folders = {}
for rel in report.written_files:
    top = rel.split("/")[0] + "/" if "/" in rel else rel
    folders[top] = folders.get(top, 0) + 1
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"seconds": round(seconds, 3), "cpu_s": round(cpu(), 2), "search_cpu_s": round(spent["search"], 2),
                  "switch_cpu_s": round(spent["switch"], 2), "walk_cpu_s": round(spent["walk"], 2),
                  "stages": {k: round(v, 3) for k, v in report.stages.items()}, "written": report.written,
                  "written_by_folder": folders, "files": report.files, "rss_mb": round(peak / 1024, 1)}))
"""


def _update(project: Path) -> dict:
    """The update as a fresh process: the command's seconds, Python's start-up and imports
    included, CPU seconds in all and without the search stage, the build's own stages and
    files written."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _DRIVER, str(project)],
                          check=True, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    stages = figures.get("stages", {})
    return {"update_s": round(seconds, 2), "in_process_s": figures["seconds"], "cpu_s": figures["cpu_s"],
            "search_cpu_s": figures["search_cpu_s"],
            "cpu_without_search_s": round(figures["cpu_s"] - figures["search_cpu_s"], 2),
            # of which: the staging folder's walk, and the switch with the held files' writing
            "walk_cpu_s": figures["walk_cpu_s"], "switch_cpu_s": figures["switch_cpu_s"],
            "search_stage_s": stages.get("search"), "without_search_s": round(seconds - (stages.get("search") or 0), 2),
            "stages": stages, "written": figures.get("written"),
            "written_by_folder": figures.get("written_by_folder"), "files": figures.get("files"),
            "peak_mb": figures.get("rss_mb")}


def _build(project: Path, output: Path | None = None) -> float:
    cmd = [sys.executable, "-m", "sitegen", "--root", str(project), "build", "-q"]
    if output is not None:
        cmd += ["--output", str(output)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env)
    return time.perf_counter() - t0


def add_issue(content: Path) -> list[Path]:
    """Copy the newest issue's article files as the next day's issue; returns the new files."""
    newest, files = "", []
    for path in content.rglob("*.md"):
        m = re.search(r'^date: "?(\d{4}-\d\d-\d\d)"?$', path.read_text(encoding="utf-8")[:600], re.M)
        if m and m.group(1) >= newest:
            if m.group(1) > newest:
                newest, files = m.group(1), []
            files.append(path)
    day = (datetime.date.fromisoformat(newest) + datetime.timedelta(days=1)).isoformat()
    made = []
    for path in sorted(files):
        text = path.read_text(encoding="utf-8")
        new_id = f"daily-{day.replace('-', '')}-{path.stem}"
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
        text = re.sub(r'^date: .*$', f'date: "{day}"', text, count=1, flags=re.M)
        text = re.sub(r"^ingest_hash: .*\n", "", text, count=1, flags=re.M)
        target = content / day[:4] / day[5:7] / f"{new_id}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        made.append(target)
    return made


def same_tree(a: Path, b: Path) -> list[str]:
    """Files that differ or are in only one of the two folders."""
    diff = []
    def walk(cmp: filecmp.dircmp, rel: str) -> None:
        diff.extend(rel + n for n in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        diff.extend(rel + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{rel}{name}/")
    walk(filecmp.dircmp(a, b), "")
    return diff


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-compare", action="store_true")
    args = parser.parse_args()
    project = args.project.resolve()
    sys.path.insert(0, str(ROOT))
    from sitegen.config import load_settings

    settings = load_settings(project)
    out: dict = {}
    if not (Path(settings.output_dir) / "index.html").is_file():
        out["cold_build_s"] = round(_build(project), 2)
    made = add_issue(Path(settings.content_dir))
    out["new_articles"] = len(made)
    try:
        out.update(_update(project))
        if args.no_compare:
            return _print(out)
        with tempfile.TemporaryDirectory(dir=project.parent) as tmp:
            clean = Path(tmp) / "project"
            clean.mkdir()
            shutil.copy(project / "sitegen.toml", clean / "sitegen.toml")
            os.symlink(Path(settings.content_dir), clean / "content")
            out["clean_build_s"] = round(_build(clean, clean / "public"), 2)
            differ = same_tree(Path(settings.output_dir), clean / "public")
        out["equals_clean_build"] = not differ
        out["differing_files"] = differ[:10]
    finally:
        if not args.keep:
            for path in made:
                path.unlink()
            _build(project)
    return _print(out)


def _print(out: dict) -> int:
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
