"""Lighthouse scores of the built sample, as a crawler and a reader's browser see it.

    npm install --prefix /tmp/lh lighthouse@12
    python bench/lighthouse.py --lighthouse /tmp/lh/node_modules/.bin/lighthouse \
        [--prefix /repo/] [--base-url https://example.github.io/repo/ | served | /]

Builds the sample into a scratch folder for a project site: ``base_url`` is
``https://example.github.io`` + ``--prefix`` unless given (``served`` builds it with the
loopback address it is served at, ``/`` without one, as the default settings do), serves it
on loopback under ``--prefix`` and runs Lighthouse (with Debian's Chromium, ``CHROME_PATH``)
on the home page, an article, a 版面 without a scan, the district map, a tag list and
search with a query, on desktop and mobile; then the same sample with scans of three
pages (``tests/test_scans.py``'s stand-ins) for a 版面 with its scan. Prints each page's four
category scores (of the run with the median performance of ``--runs``) and the audits that
fell short, then the figures as a Markdown table.
robots.txt is served at the domain's root only when the prefix is ``/``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import serve_folder  # noqa: E402
from conftest import copy_project  # noqa: E402
from test_scans import PAGES, give_scans, printed_page_file  # noqa: E402

from sitegen.config import load_settings  # noqa: E402
from sitegen.site import build_site  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
               "--disable-component-update --disable-sync"


def _pages(site: Path) -> dict[str, str]:
    article = sorted((site / "a").iterdir())[0].name
    page = next(p for p in sorted((site / "date").rglob("index.html")) if p.parent.name.startswith(("p", "f-")))
    return {"home": "", "article": f"a/{article}/", "版面": page.parent.relative_to(site).as_posix() + "/",
            "district map": "district/", "tag list": "tag/an-quan-sheng-chan/", "search": "search/?q=%E5%B7%A5%E4%BC%9A"}


def _scan_pages(site: Path) -> dict[str, str]:
    """The 版面 whose scan is a JPEG beside its page file (tiled by the build)."""
    return {"版面 with a scan": printed_page_file(site, PAGES[0]).parent.relative_to(site).as_posix() + "/"}


def _build(project: Path, serve_at: str, base_url: str | None) -> None:
    if base_url is None:
        base_url = "https://example.github.io" + serve_at[serve_at.index("/", len("http://")):]
    elif base_url == "served":
        base_url = serve_at
    build_site(load_settings(project).with_overrides(base_url=base_url))


def _short(score) -> bool:
    return score is not None and score < 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lighthouse", default="lighthouse", help="the lighthouse command")
    ap.add_argument("--prefix", default="/repo/", help="the path the site is served under")
    ap.add_argument("--base-url", default=None,
                    help="build with this base_url (served: the loopback address; default: a github.io project site's)")
    ap.add_argument("--runs", type=int, default=3,
                    help="Lighthouse runs of each page and form; the median's scores are printed")
    args = ap.parse_args(argv)
    os.environ.setdefault("CHROME_PATH", "/usr/bin/chromium")
    work = Path(tempfile.mkdtemp(prefix="sitegen-lighthouse-"))
    table: dict[str, dict[str, list[int]]] = {}
    try:
        for kind, pages in (("sample", _pages), ("scans", _scan_pages)):
            project = copy_project(work / kind)
            if kind == "scans":
                give_scans(project)
            with contextlib.ExitStack() as stack:
                # The port is known only once serving: serve the folder first, build into it.
                site = project / "public"
                site.mkdir()
                base = stack.enter_context(serve_folder(site, args.prefix))
                shutil.rmtree(site)
                _build(project, base, args.base_url)
                for name, path in pages(site).items():
                    for form in ("desktop", "mobile"):
                        runs = []
                        for _ in range(args.runs):
                            out = work / "report.json"
                            cmd = [args.lighthouse, base + path, "--quiet", "--output=json", f"--output-path={out}",
                                   f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
                            if form == "desktop":
                                cmd += ["--preset=desktop"]
                            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                            runs.append(json.loads(out.read_text(encoding="utf-8")))
                        # The run of median performance (the other categories do not move between runs).
                        runs.sort(key=lambda r: r["categories"]["performance"]["score"])
                        report = runs[len(runs) // 2]
                        cats = report["categories"]
                        table.setdefault(name, {})[form] = [round(cats[c]["score"] * 100) for c in CATEGORIES]
                        scores = "  ".join(f"{c} {round(cats[c]['score'] * 100):3d}" for c in CATEGORIES)
                        spread = "/".join(str(round(r["categories"]["performance"]["score"] * 100)) for r in runs)
                        short = sorted({ref["id"] for c in cats.values() for ref in c["auditRefs"]
                                        if ref["weight"] and _short(report["audits"][ref["id"]].get("score"))})
                        print(f"{name:<16} {form:<7} {scores}  (performance of each run {spread})  {' '.join(short)}",
                              flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n| page | " + " | ".join(CATEGORIES) + " |\n| --- |" + " --: |" * len(CATEGORIES))
    for name, forms in table.items():
        cells = [f"{d} / {m}" for d, m in zip(forms["desktop"], forms["mobile"])]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
