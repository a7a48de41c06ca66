"""What "this day in history" costs: the files the build writes for it and what one reader fetches.

    python bench/this_day.py ARCHIVE_CONTENT_DIR      # e.g. bench/archives/10k/content (make_archive.py --content)

Prints the number of month-day files, their total and largest size, and the median a reader's
home page fetches (raw and gzip), from the site model alone (no build).
"""

from __future__ import annotations

import gzip
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.content import load_articles  # noqa: E402
from sitegen.site.model import build_model  # noqa: E402
from sitegen.site.this_day import this_day, this_day_files  # noqa: E402


def main(content: Path) -> None:
    articles = load_articles(content)
    model = build_model(articles)
    started = time.perf_counter()
    files = this_day_files(this_day(model))
    took = time.perf_counter() - started
    sizes = sorted(len(b) for b in files.values())
    zipped = sorted(len(gzip.compress(b)) for b in files.values())
    print(f"{len(articles)} articles, {len(model.dated_issues)} issues: {len(files)} month-day files, "
          f"{sum(sizes) / 1024:.0f} KB in all, largest {sizes[-1] / 1024:.1f} KB; "
          f"a reader fetches {statistics.median(sizes) / 1024:.1f} KB at the median "
          f"({statistics.median(zipped) / 1024:.1f} KB gzip); made in {took * 1000:.0f} ms")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "content"))
