"""How the cut of one page grows with the page: a sample page repeated 1, 10, 100 and 400
times (about 12 KB to 5 MB of text), cut by the segmenter in this process.

    python bench/long_page.py

Prints, for each size, the characters, the articles found, the seconds and the seconds per
100,000 characters (flat when the cost is linear in the page's length).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.segmentation import segment_page  # noqa: E402


def main() -> None:
    page = (ROOT / "seeds" / "000_ff3513847beb20a4.txt").read_text(encoding="utf-8")
    segment_page(page)                                  # load the dictionary first
    print(f"{'copies':>6} {'characters':>10} {'articles':>8} {'seconds':>8} {'s/100k chars':>12}")
    for copies in (1, 10, 100, 400):
        text = "\n\n".join([page] * copies)
        t0 = time.perf_counter()
        found = len(segment_page(text).articles)
        seconds = time.perf_counter() - t0
        print(f"{copies:>6} {len(text):>10} {found:>8} {seconds:>8.2f} {seconds / len(text) * 1e5:>12.3f}")


if __name__ == "__main__":
    main()
