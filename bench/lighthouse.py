"""Lighthouse scores of the built sample, as a crawler and a reader's browser see it.

    npm install --prefix /tmp/lh lighthouse@12
    python bench/lighthouse.py --lighthouse /tmp/lh/node_modules/.bin/lighthouse [--prefix /repo/] [--base-url /]

Builds the sample into a scratch folder with ``base_url`` the address it is served at
(``--base-url /`` builds it without one, as the default settings do), serves it on
loopback under ``--prefix`` and runs Lighthouse (with Debian's Chromium, ``CHROME_PATH``)
on the home page, an article, a 版面, the district map, a tag list and search with a
query, on desktop and mobile. Prints each page's four category scores and the audits that
fell short. robots.txt is served at the domain's root only when the prefix is ``/``.
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

from sitegen.config import load_settings  # noqa: E402
from sitegen.site import build_site  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _pages(site: Path) -> dict[str, str]:
    article = sorted((site / "a").iterdir())[0].name
    page = next(p for p in sorted((site / "date").rglob("index.html")) if p.parent.name.startswith(("p", "f-")))
    return {"home": "", "article": f"a/{article}/", "版面": page.parent.relative_to(site).as_posix() + "/",
            "district map": "district/", "tag list": "tag/an-quan-sheng-chan/", "search": "search/?q=%E5%B7%A5%E4%BC%9A"}


def _short(score) -> bool:
    return score is not None and score < 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lighthouse", default="lighthouse", help="the lighthouse command")
    ap.add_argument("--prefix", default="/", help="the path the site is served under")
    ap.add_argument("--base-url", default=None, help="build with this base_url instead of the served address")
    args = ap.parse_args(argv)
    os.environ.setdefault("CHROME_PATH", "/usr/bin/chromium")
    work = Path(tempfile.mkdtemp(prefix="sitegen-lighthouse-"))
    try:
        project = copy_project(work / "project")
        with contextlib.ExitStack() as stack:
            # The port is known only once serving: serve the folder first, build into it.
            site = project / "public"
            site.mkdir()
            base = stack.enter_context(serve_folder(site, args.prefix))
            shutil.rmtree(site)
            build_site(load_settings(project).with_overrides(base_url=args.base_url or base))
            for name, path in _pages(site).items():
                for form in ("desktop", "mobile"):
                    out = work / "report.json"
                    cmd = [args.lighthouse, base + path, "--quiet", "--output=json", f"--output-path={out}",
                           "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                           f"--only-categories={','.join(CATEGORIES)}"]
                    if form == "desktop":
                        cmd += ["--preset=desktop"]
                    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    report = json.loads(out.read_text(encoding="utf-8"))
                    cats = report["categories"]
                    scores = "  ".join(f"{c} {round(cats[c]['score'] * 100):3d}" for c in CATEGORIES)
                    short = sorted({ref["id"] for c in cats.values() for ref in c["auditRefs"]
                                    if ref["weight"] and _short(report["audits"][ref["id"]].get("score"))})
                    print(f"{name:<12} {form:<7} {scores}  {' '.join(short)}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
