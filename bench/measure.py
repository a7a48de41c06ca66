"""One sitegen measurement in a fresh process; prints JSON. Used by bench/run.py.

``incremental`` edits one article file (adding or taking out a marker) and times
``build_site(settings, changed={path})``, as the preview server calls it.

    python bench/measure.py ingest|build|rebuild|incremental PROJECT_DIR
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.config import load_settings  # noqa: E402


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, kids) / 1024, 1)


def main() -> int:
    what, project = sys.argv[1], Path(sys.argv[2])
    settings = load_settings(project)
    out: dict = {}
    from sitegen.ingest import ingest
    from sitegen.site import build_site

    # Imports are outside the figure (run.py times the whole command as well).
    t0 = time.perf_counter()
    if what == "ingest":
        report = ingest(settings.pages_dir, settings.content_dir, settings=settings)
        out.update(pages=report.pages_read, articles=report.articles, failed=len(report.failed))
    else:
        changed = None
        if what == "incremental":
            path = sorted(Path(settings.content_dir).rglob("*.md"))[len(sys.argv[3:]) or 7]
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\n\n", "\n\n（基准测试修改）", 1) if "（基准测试修改）" not in text
                            else text.replace("（基准测试修改）", ""), encoding="utf-8")
            changed = {path}
            t0 = time.perf_counter()
        report = build_site(settings, changed=changed)
        folders: dict[str, int] = {}
        for rel in report.written_files:      # a/, tag/, search/…: where the written files went
            top = rel.split("/")[0] + "/" if "/" in rel else rel
            folders[top] = folders.get(top, 0) + 1
        out.update(articles=report.articles, files=report.files, written=report.written, written_by_folder=folders,
                   stages={k: round(v, 3) for k, v in report.stages.items()})
    out["seconds"] = round(time.perf_counter() - t0, 3)
    # CPU seconds of this process and its workers, imports included: on a machine shared with
    # other work they move far less than the seconds on the clock.
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu_s"] = round(own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime, 2)
    out["rss_mb"] = peak_rss_mb()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
