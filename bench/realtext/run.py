#!/usr/bin/env python3
"""Real-text segmentation figures: lay real articles of the paper out as raw OCR pages,
ingest them with a sitegen checkout, score with the shared scorer, and say what was missed.

    python bench/realtext/run.py --corpus /work/realtext-corpus/articles.json --seed 1 --pages 40 --out /tmp/rt1 [--sitegen CHECKOUT] [-v]
    python bench/realtext/run.py --corpus FILE --seed 1 --pages 40 --out /tmp/rt1 --oracle     # must print seg_f1=1.0
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout3.run import (_share, default_scorer, load_scorer, missed_line,  # noqa: E402
                          score_pages, title_wrong)
from realtext.corpus import load  # noqa: E402
from realtext.layout import generate  # noqa: E402

REPO = HERE.parents[1]
DIMENSIONS = [("article type", "genre"), ("headline placement", "layout"), ("OCR engine", "ocr"),
              ("headline from", "headline_source"), ("gold kind", "kind")]


def pieces(scorer, gg: set, preds: list[dict], pg: list[set]) -> list[tuple[float, float, int]]:
    """The generated articles that hold part of a gold article: (share of the gold article
    they hold, share of themselves that is other text, index), biggest share first."""
    out = []
    for i, p in enumerate(pg):
        inter = len(gg & p)
        if p and inter and (inter / len(gg) >= 0.1 or inter / len(p) >= 0.5):
            out.append((inter / len(gg), 1 - inter / len(p), i))
    return sorted(out, reverse=True)


def opening(text: str, scorer, n: int = 14) -> str:
    return scorer.norm(text)[:n]


def why_missed(scorer, gi: int, arts: list[dict], g_grams: list[set], preds: list[dict], pg: list[set]) -> str:
    """split (the article is spread over several generated pieces), merged (one piece holds
    it and other articles too), or both; with the first characters of each side."""
    gg = g_grams[gi]
    ps = pieces(scorer, gg, preds, pg)
    if not ps:
        return "lost: no generated article holds it (residue?)"
    cov, other, best = ps[0]
    parts = []
    if cov < 0.8:
        parts.append("split into " + " + ".join(
            f"[{preds[i].get('title') or '-'}|{opening(preds[i]['_body'], scorer)}… {c:.0%}]" for c, _, i in ps[:3]))
    if other > 0.2:
        # which other gold articles the best piece swallowed
        inside = [j for j, g in enumerate(g_grams) if j != gi and g and len(g & pg[best]) / len(g) >= 0.3]
        parts.append(f"merged in [{preds[best].get('title') or '-'}|{opening(preds[best]['_body'], scorer)}…] "
                     f"({other:.0%} other text" + (": " + ", ".join(
                         f"{arts[j].get('title') or '(untitled)'}|{arts[j]['head']}" for j in inside[:3]) if inside else "") + ")")
    return "; ".join(parts) or f"near miss ({cov:.0%} held, {other:.0%} other)"


def title_error(scorer, art: dict, got, page_arts: list[dict]) -> str:
    """What sitegen took for the headline instead of the printed one."""
    if not got:
        return "no headline"
    g, want = scorer.norm(str(got)), scorer.norm(art["title"])
    if g and g in want:
        return "part of the headline (a headline set in two lines)"
    if want in g:
        return "the headline run together with more text"
    if any(g == scorer.norm(x) for x in art.get("subtitles", [])):
        return "its kicker or subtitle"
    if any(a is not art and a.get("title") and g == scorer.norm(a["title"]) for a in page_arts):
        return "another article's headline"
    return "other text (a body line, banner or byline)"


def breakdown(gold: dict, pages: Path, content: Path, scorer, lines: list[str], result: dict, verbose: bool) -> list[str]:
    generated = scorer.load_generated(content)
    kinds = gold.get("page_kinds", {})
    wrong_titles = defaultdict(list)
    rows = {dim: defaultdict(lambda: [0, 0, 0, 0]) for _, dim in DIMENSIONS + [("page kind", "page")]}
    misses = []
    for page, arts in gold["pages"].items():
        text = scorer.read_page_text(pages / page)
        spans = scorer.gold_spans(text, arts, page)
        g_grams = [scorer.grams(scorer.norm(s)) for s in spans]
        preds = generated.get(page, [])
        pg = [scorer.grams(scorer.norm(p["_body"])) for p in preds]
        for gi, art in enumerate(arts):
            found = missed_line(page, art) not in lines
            ok = found and art.get("title") and not title_wrong(lines, page, art)
            if found and art.get("title") and not ok:
                got = next((ln.split(" got ", 1)[1] for ln in lines
                            if ln.startswith(f"  title  {page}: want {art['title']!r} got ")), None)
                got = None if got in (None, "None") else got.strip("'")
                wrong_titles[title_error(scorer, art, got, arts)].append(
                    f"{page} [{art.get('genre')}, {art.get('layout')}, {art.get('ocr')}] want {art['title']!r} got {got!r}")
            for _, dim in DIMENSIONS + [("page kind", "page")]:
                key = kinds.get(page, "?") if dim == "page" else str(art.get(dim))
                row = rows[dim][key]
                row[0] += 1; row[1] += found
                if found and art.get("title"):
                    row[2] += 1; row[3] += bool(ok)
            if not found:
                misses.append(f"{page} [{art.get('genre')}, {art.get('layout')}, {art.get('ocr')}] "
                              f"{art.get('title') or '(untitled)'}|{art['head']}: "
                              f"{why_missed(scorer, gi, arts, g_grams, preds, pg)}")
    for name, dim in DIMENSIONS + [("page kind", "page")]:
        print(f"\nby {name:18s} gold  found  recall  title_acc")
        for k, (n, f, t, tok) in sorted(rows[dim].items(), key=lambda kv: kv[1][1] / max(1, kv[1][0])):
            print(f"  {k:20s} {n:5d} {f:6d}  {f / max(1, n):6.3f}  {_share(tok, t)}")
    print(f"\nmisses: {len(misses)}" + ("" if verbose else " (first 12; -v for all)"))
    for m in misses if verbose else misses[:12]:
        print("  " + m)
    print(f"\nwrong headlines: {sum(len(v) for v in wrong_titles.values())}")
    for why, rows_ in sorted(wrong_titles.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(rows_):4d}  {why}")
        for ln in rows_ if verbose else rows_[:2]:
            print("        " + ln)
    return misses


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="articles.json (kept outside the repository)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--sitegen", type=Path, default=REPO, help="sitegen checkout to ingest with (default: this one)")
    ap.add_argument("--scorer", type=Path, help="score_segmentation.py (default: ../shared/eval/ beside the checkout)")
    ap.add_argument("--oracle", action="store_true", help="write the gold answer as content instead of ingesting")
    ap.add_argument("--json", type=Path, help="write the scorer's figures here")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and wrong headline")
    a = ap.parse_args(argv)
    arts = load(a.corpus)
    checkout = a.sitegen.resolve()
    scorer = load_scorer(a.scorer or default_scorer(checkout))
    out = a.out.resolve()
    for sub in ("pages", "content"):
        shutil.rmtree(out / sub, ignore_errors=True)
    gold = generate(arts, a.seed, a.pages, out)
    pages, content, result, lines = score_pages(gold, out, checkout, scorer, a.oracle, a.json)
    used = {e["url"] for es in gold["pages"].values() for e in es if e.get("url")}
    print(f"realtext seed {a.seed}, {a.pages} pages, {result['gold']} articles ({len(used)} distinct of "
          f"{len(arts)} in the corpus){' (oracle)' if a.oracle else ''}; sitegen {checkout}")
    print("seg_f1={seg_f1} precision={seg_precision} recall={seg_recall} title_acc={title_acc} "
          "kind_acc={kind_acc} district_f1={district_f1} reporter_acc={reporter_acc}".format(**result))
    breakdown(gold, pages, content, scorer, lines, result, a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
