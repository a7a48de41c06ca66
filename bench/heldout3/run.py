#!/usr/bin/env python3
"""Held-out segmentation figures (heldout3): generate pages, ingest them with a sitegen
checkout, score with the shared scorer, and say which page kinds and article types miss.

    python bench/heldout3/run.py --seed 1 --pages 40 --out /tmp/h3 [--sitegen CHECKOUT] [-v]
    python bench/heldout3/run.py --seed 1 --pages 40 --out /tmp/h3 --oracle   # must print seg_f1=1.0
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.append(str(HERE.parent))

from heldout3.generate import generate  # noqa: E402

REPO = HERE.parents[1]


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_segmentation", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def default_scorer(checkout: Path) -> Path:
    for base in (checkout, REPO):
        p = base.parent / "shared" / "eval" / "score_segmentation.py"
        if p.exists():
            return p
    raise SystemExit("score_segmentation.py not found: pass --scorer")


def write_oracle(gold: dict, pages: Path, content: Path, scorer) -> None:
    """The gold answer as article files: what a perfect ingest would write."""
    content.mkdir(parents=True, exist_ok=True)
    for page, arts in gold["pages"].items():
        text = scorer.read_page_text(pages / page)
        for n, (art, body) in enumerate(zip(arts, scorer.gold_spans(text, arts, page))):
            meta = {"source": f"pages/{page}", "title": art["title"], "kind": art["kind"],
                    "districts": art["districts"], "reporters": art["reporters"]}
            (content / f"{Path(page).stem}-{n:02d}.md").write_text(
                "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n",
                encoding="utf-8")


def ingest(checkout: Path, pages: Path, content: Path, workdir: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    cmd = [sys.executable, "-m", "sitegen", "ingest", "--pages", str(pages), "--content", str(content)]
    done = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-2000:] + done.stderr[-4000:])
        raise SystemExit(f"ingest failed ({done.returncode}): {' '.join(cmd)}")


def verdicts(gold: dict, pages: Path, content: Path, scorer) -> tuple[dict, list[str]]:
    """The scorer's figures and its -v report, which names every article it missed and
    every headline it found wrong: the breakdown reads those, so it cannot judge otherwise."""
    report = io.StringIO()
    with contextlib.redirect_stdout(report):
        result = scorer.score(gold, pages, content, verbose=True)
    lines = report.getvalue().splitlines()
    found = sum(r["found"] for r in result["pages"].values())
    if sum(1 for ln in lines if ln.startswith("  MISSED ")) != result["gold"] - found:
        raise SystemExit("the scorer's -v report is not in the form this breakdown reads")
    return result, lines


def missed_line(page: str, art: dict) -> str:
    return f"  MISSED {page}: {art.get('title') or '(untitled)'} [{art['head']}…{art['tail']}]"


def title_wrong(lines: list[str], page: str, art: dict) -> bool:
    return any(ln.startswith(f"  title  {page}: want {art['title']!r} got ") for ln in lines)


def why_missed(gg: set, p: list[set], preds: list[dict]) -> str:
    """The generated article holding most of a missed gold article, and how it fails."""
    best = max(range(len(p)), key=lambda i: len(gg & p[i]), default=None)
    if best is None or not gg:
        return "nothing generated on the page"
    inter = len(gg & p[best])
    rec, prec = inter / len(gg), inter / max(1, len(p[best]))
    title = preds[best].get("title")
    if rec < 0.8 and prec >= 0.8:
        return f"split: best piece {title!r} covers {rec:.0%}"
    if rec >= 0.8:
        return f"merged: inside {title!r}, which is {1 - prec:.0%} other text"
    return f"cut badly: best piece {title!r} covers {rec:.0%}, {1 - prec:.0%} other text"


def _share(a: int, b: int) -> str:
    """A ratio for the table, or a dash where nothing was counted (untitled articles)."""
    return f"{a / b:9.3f}" if b else f"{'-':>9s}"


def breakdown(gold: dict, pages: Path, content: Path, scorer, lines: list[str], result: dict,
              verbose: bool, examples: int = 2) -> None:
    kinds = gold.get("page_kinds", {})
    by_kind = defaultdict(lambda: [0, 0, 0, 0, 0])      # gold, found, pred, titled, title_ok
    by_genre = defaultdict(lambda: [0, 0, 0, 0])        # gold, found, titled, title_ok
    missed = defaultdict(list)
    generated = scorer.load_generated(content)
    for page, arts in gold["pages"].items():
        k = kinds.get(page, "?")
        row = by_kind[k]
        row[0] += len(arts); row[1] += result["pages"][page]["found"]; row[2] += result["pages"][page]["pred"]
        spans = None
        for gi, art in enumerate(arts):
            gr = by_genre[art.get("genre", art["kind"])]
            gr[0] += 1
            if missed_line(page, art) in lines:
                if spans is None:
                    spans = scorer.gold_spans(scorer.read_page_text(pages / page), arts, page)
                    preds = generated.get(page, [])
                    p = [scorer.grams(scorer.norm(x["_body"])) for x in preds]
                missed[k].append(f"{page} [{art.get('genre')}] {art.get('title') or art['head']!r}: "
                                 f"{why_missed(scorer.grams(scorer.norm(spans[gi])), p, preds)}")
                continue
            gr[1] += 1
            if art.get("title"):
                ok = not title_wrong(lines, page, art)
                gr[2] += 1; gr[3] += ok; row[3] += 1; row[4] += ok
    print("\nby page kind      pages  gold  found  generated  recall  precision  title_acc")
    pages_per_kind = defaultdict(int)
    for page in gold["pages"]:
        pages_per_kind[kinds.get(page, "?")] += 1
    for k, (n, f, pr, t, tok) in sorted(by_kind.items(), key=lambda kv: kv[1][1] / max(1, kv[1][0])):
        print(f"  {k:14s} {pages_per_kind[k]:5d} {n:5d} {f:6d} {pr:10d}  {f / max(1, n):6.3f}  "
              f"{f / max(1, pr):9.3f}  {_share(tok, t)}")
    print("\nby article type   gold  found  recall  title_acc")
    for k, (n, f, t, tok) in sorted(by_genre.items(), key=lambda kv: kv[1][1] / max(1, kv[1][0])):
        print(f"  {k:14s} {n:5d} {f:6d}  {f / max(1, n):6.3f}  {_share(tok, t)}")
    shown = examples if not verbose else 10**6
    if any(missed.values()):
        print("\nmisses (first of each page kind):")
        for k, rows in sorted(missed.items(), key=lambda kv: -len(kv[1])):
            for r in rows[:shown]:
                print(f"  {k}: {r}")


def score_pages(gold: dict, out: Path, checkout: Path, scorer, oracle: bool, json_path: Path | None):
    """Ingest the generated pages under ``out`` (or write the gold answer, ``oracle``) and
    score them: (pages, content, the scorer's figures, the per-article lines)."""
    pages, content = out / "pages", out / "content"
    if oracle:
        write_oracle(gold, pages, content, scorer)
    else:
        ingest(checkout, pages, content, out)
    result, lines = verdicts(gold, pages, content, scorer)
    if json_path:
        json_path.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return pages, content, result, lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--sitegen", type=Path, default=REPO, help="sitegen checkout to ingest with (default: this one)")
    ap.add_argument("--scorer", type=Path, help="score_segmentation.py (default: ../shared/eval/ beside the checkout)")
    ap.add_argument("--oracle", action="store_true", help="write the gold answer as content instead of ingesting")
    ap.add_argument("--json", type=Path, help="write the scorer's figures here")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    a = ap.parse_args(argv)
    checkout = a.sitegen.resolve()
    scorer = load_scorer(a.scorer or default_scorer(checkout))
    out = a.out.resolve()
    for sub in ("pages", "content"):
        shutil.rmtree(out / sub, ignore_errors=True)
    gold = generate(a.seed, a.pages, out)
    pages, content, result, lines = score_pages(gold, out, checkout, scorer, a.oracle, a.json)
    print(f"heldout3 seed {a.seed}, {a.pages} pages, {result['gold']} articles"
          f"{' (oracle)' if a.oracle else ''}; sitegen {checkout}")
    print("seg_f1={seg_f1} precision={seg_precision} recall={seg_recall} title_acc={title_acc} "
          "kind_acc={kind_acc} district_f1={district_f1} reporter_acc={reporter_acc}".format(**result))
    breakdown(gold, pages, content, scorer, lines, result, a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
