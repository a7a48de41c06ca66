"""Where a built site's bytes and files go: by folder and by kind of page, per article.

    python bench/sizes.py PUBLIC_DIR [--articles N] [--json]

Counts the files' own bytes (what a Pages deploy uploads), not the folders' blocks. The
number of articles is read from the site's sitemap, or given. Figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

# (kind, pattern on the path relative to the site root), first match wins
KINDS = [
    ("search files", r"^search/"),
    ("article page", r"^a/[^/]+/index\.html$"),
    ("export, per article", r"^data/articles/"),
    ("export, index / per issue", r"^data/"),
    ("printed page (版面)", r"^date/\d{4}/\d\d/\d\d/[^/]+/index\.html$"),
    ("issue page", r"^date/(\d{4}/\d\d/\d\d|undated)/index\.html$"),
    ("year / month / date index", r"^date/"),
    ("district lists", r"^district/.*index\.html$"),
    ("tag lists", r"^tag/.*index\.html$"),
    ("people lists", r"^people/.*index\.html$"),
    ("feeds", r"feed\.xml$"),
    ("sitemaps", r"^sitemap"),
    ("static (CSS, JS)", r"^static/"),
    ("other", r""),
]


def walk(public: Path):
    for folder, _, names in os.walk(public):
        for name in names:
            path = Path(folder) / name
            yield path.relative_to(public).as_posix(), path


def article_count(public: Path) -> int:
    n = 0
    for rel, path in walk(public):
        if re.match(r"^a/[^/]+/index\.html$", rel) and b'http-equiv="refresh"' not in path.read_bytes()[:600]:
            n += 1
    return n


def measure(public: Path) -> dict:
    kinds = {k: {"files": 0, "bytes": 0} for k, _ in KINDS}
    folders: dict[str, dict] = {}
    for rel, path in walk(public):
        size = path.stat().st_size
        kind = next(k for k, pattern in KINDS if re.search(pattern, rel))
        kinds[kind]["files"] += 1
        kinds[kind]["bytes"] += size
        top = rel.split("/", 1)[0] + ("/" if "/" in rel else "")
        f = folders.setdefault(top, {"files": 0, "bytes": 0})
        f["files"] += 1
        f["bytes"] += size
    return {"kinds": {k: v for k, v in kinds.items() if v["files"]}, "folders": folders}


def report(public: Path, articles: int | None = None) -> dict:
    figures = measure(public)
    n = articles or article_count(public)
    total_bytes = sum(v["bytes"] for v in figures["folders"].values())
    total_files = sum(v["files"] for v in figures["folders"].values())
    search = figures["folders"].get("search/", {"files": 0, "bytes": 0})
    figures.update(articles=n, bytes=total_bytes, files=total_files,
                   kb_per_article=round(total_bytes / 1000 / n, 2), files_per_article=round(total_files / n, 3),
                   non_search_kb_per_article=round((total_bytes - search["bytes"]) / 1000 / n, 2),
                   non_search_files_per_article=round((total_files - search["files"]) / n, 3))
    return figures


def print_table(figures: dict) -> None:
    n = figures["articles"]
    print(f"{n:,} articles: {figures['bytes'] / 1e6:,.1f} MB in {figures['files']:,} files — "
          f"{figures['kb_per_article']} KB and {figures['files_per_article']} files per article "
          f"(without search/: {figures['non_search_kb_per_article']} KB, "
          f"{figures['non_search_files_per_article']} files)")
    for title, rows in (("by folder", figures["folders"]), ("by kind", figures["kinds"])):
        print(f"\n| {title} | files | MB | KB / article | files / article |\n| --- | --: | --: | --: | --: |")
        for name, v in sorted(rows.items(), key=lambda kv: -kv[1]["bytes"]):
            print(f"| {name} | {v['files']:,} | {v['bytes'] / 1e6:,.1f} | {v['bytes'] / 1000 / n:.2f} "
                  f"| {v['files'] / n:.3f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("public", type=Path)
    parser.add_argument("--articles", type=int)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = report(args.public, args.articles)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
