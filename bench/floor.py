"""The least a build of an archive's articles must spend on this machine with the libraries
the product fixes: Python-Markdown turning each body into HTML (the cheapest way the
library offers), the search terms of each article (jieba's dictionary, cut by sitegen's own
walk, the fastest cut we have: jieba's ``cut_for_search`` is slower), and one HTML file
written per article. No list, page view, feed, template or search file is made: the sum
bounds from below what any build of a searchable site of these articles can reach here,
so a speed target under it cannot be met by any code.

    python bench/floor.py bench/archives/10000 [--cores 2]

Prints CPU seconds per step (one process, no parallelism) and the floor on the given
cores if the work split perfectly across them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.search.terms import article_record, prepare  # noqa: E402

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def timed(step) -> float:
    t0 = time.process_time()
    step()
    return time.process_time() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("project", type=Path, help="an archive made by make_archive.py (its content/ is read)")
    ap.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    files = sorted((args.project / "content").rglob("*.md"))
    texts: list[str] = []
    prepare()                     # the dictionary load is paid once by any build; left out

    def read():
        for p in files:
            texts.append(FRONT_MATTER.sub("", p.read_text(encoding="utf-8"), count=1))

    read_s = timed(read)
    from sitegen.content import load_articles
    articles = load_articles(args.project / "content")

    md = markdown.Markdown()      # no extensions: the cheapest conversion the library offers
    html: list[str] = []

    def convert():
        for t in texts:
            html.append(md.reset().convert(t))

    def cut():
        for a in articles:
            article_record(a)

    out = Path(tempfile.mkdtemp(prefix="floor-"))

    def write():
        for i, h in enumerate(html):
            folder = out / str(i)
            folder.mkdir()
            with open(folder / "index.html", "w", encoding="utf-8") as fh:
                fh.write(h)

    try:
        steps = {"reading files": read_s, "Markdown": timed(convert), "search terms": timed(cut), "article files": timed(write)}
    finally:
        shutil.rmtree(out, ignore_errors=True)
    total = sum(steps.values())
    print(f"{len(texts):,} articles, {sum(map(len, texts)) / 1e6:.1f} M characters")
    for name, s in steps.items():
        print(f"  {name:<14} {s:6.2f} CPU s")
    print(f"  {'total':<14} {total:6.2f} CPU s; floor on {args.cores} cores: {total / args.cores:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
