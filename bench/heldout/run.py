#!/usr/bin/env python3
"""Generate held-out pages, run `sitegen ingest` on them, score, break down by feature.

    python bench/heldout/run.py [--seed 1] [--pages 40] [--keep DIR] [--misses N] [--json OUT]

1. bench/heldout/generate.py writes DIR/pages/*.txt and DIR/gold.json (DIR is a temp
   folder unless --keep is given);
2. `sitegen --root <repo> ingest --pages DIR/pages --content DIR/content`;
3. /work/shared/eval/score_segmentation.py prints the official figures;
4. the same matching is redone per gold article to print every figure per layout
   feature (the features drawn for the article, plus the page-wide ones), and --misses
   prints that many missed articles with the page lines around them.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCORER = Path("/work/shared/eval/score_segmentation.py")

sys.dont_write_bytecode = True  # keep bench/heldout free of __pycache__
sys.path.insert(0, str(HERE))
import generate  # noqa: E402


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_segmentation", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def per_article(S, gold: dict, pages_dir: Path, content_dir: Path):
    """The scorer's matching, kept per gold article (same thresholds and greedy pairing)."""
    generated = S.load_generated(content_dir)
    rows, extras = [], []
    for page, arts in gold["pages"].items():
        text = S.read_page_text(pages_dir / page)
        spans = S.gold_spans(text, arts, page)
        g_grams = [S.grams(S.norm(s)) for s in spans]
        preds = generated.get(page, [])
        p_grams = [S.grams(S.norm(p["_body"])) for p in preds]
        pairs, best = [], {}
        for gi, gg in enumerate(g_grams):
            for pi, pg in enumerate(p_grams):
                if not gg or not pg:
                    continue
                inter = len(gg & pg)
                rec, prec = inter / len(gg), inter / len(pg)
                if inter and (gi not in best or rec > best[gi][0]):
                    best[gi] = (rec, prec, pi)
                if rec >= 0.8 and prec >= 0.8:
                    pairs.append((2 * rec * prec / (rec + prec), gi, pi))
        pairs.sort(reverse=True)
        used_g, used_p, match = set(), set(), {}
        for _, gi, pi in pairs:
            if gi not in used_g and pi not in used_p:
                used_g.add(gi); used_p.add(pi); match[gi] = pi
        pfeat = gold.get("page_features", {}).get(page, [])
        for gi, g in enumerate(arts):
            row = dict(page=page, gi=gi, gold=g, features=list(g.get("features", [])) + pfeat,
                       found=gi in match, best=best.get(gi))
            if gi in match:
                p = preds[match[gi]]
                row["pred"] = p
                if g.get("title"):
                    acc = {S.norm(t) for t in [g["title"], *g.get("title_alternatives", [])]}
                    row["title_ok"] = S.norm(str(p.get("title") or "")) in acc
                row["kind_ok"] = g.get("kind") == p.get("kind")
                gd, pd = set(S.as_list(g.get("districts"))), set(S.as_list(p.get("districts")))
                row["d"] = (len(gd & pd), len(pd - gd), len(gd - pd))
                if S.as_list(g.get("reporters")):
                    row["rep_ok"] = set(S.as_list(g["reporters"])) == set(S.as_list(p.get("reporters")))
            rows.append(row)
        for pi, p in enumerate(preds):
            if pi not in used_p:
                extras.append(dict(page=page, pred=p, features=pfeat))
    return rows, extras


def write_oracle(S, gold: dict, pages_dir: Path, content_dir: Path):
    """One Markdown file per gold article: its gold span as body, gold metadata as front matter."""
    import yaml
    content_dir.mkdir(parents=True, exist_ok=True)
    for page, arts in gold["pages"].items():
        spans = S.gold_spans(S.read_page_text(pages_dir / page), arts, page)
        for i, (a, span) in enumerate(zip(arts, spans)):
            meta = dict(title=a.get("title"), kind=a["kind"], source="pages/" + page,
                        districts=a.get("districts"), reporters=a.get("reporters"))
            (content_dir / f"{page[:-4]}-{i:02d}.md").write_text(
                "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + span + "\n", encoding="utf-8")


def summarize(rows):
    n = len(rows)
    found = sum(r["found"] for r in rows)
    t = [r["title_ok"] for r in rows if "title_ok" in r]
    k = [r["kind_ok"] for r in rows if "kind_ok" in r]
    rp = [r["rep_ok"] for r in rows if "rep_ok" in r]
    tp = sum(r["d"][0] for r in rows if "d" in r)
    fp = sum(r["d"][1] for r in rows if "d" in r)
    fn = sum(r["d"][2] for r in rows if "d" in r)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None

    def pct(xs):
        return f"{sum(xs) / len(xs):.2f}" if xs else "  - "
    return dict(n=n, recall=found / n if n else 0, title=pct(t), kind=pct(k), rep=pct(rp),
                dist=f"{f1:.2f}" if f1 is not None else "  - ", nt=len(t))


def feature_table(rows, extras, min_n=3):
    by = defaultdict(list)
    for r in rows:
        for f in r["features"]:
            by[f].append(r)
    ex_by = defaultdict(int)
    for e in extras:
        for f in e["features"]:
            ex_by[f] += 1
    out = [f"{'feature':34s} {'n':>4s} {'recall':>6s} {'title':>5s} {'kind':>5s} {'dist':>5s} {'rep':>5s} {'extra':>5s}"]
    items = sorted(by.items(), key=lambda kv: (kv[0].startswith("page:"), kv[0]))
    for f, rs in items:
        if len(rs) < min_n:
            continue
        s = summarize(rs)
        ex = str(ex_by.get(f, "")) if f.startswith("page:") else ""
        out.append(f"{f:34s} {s['n']:4d} {s['recall']:6.2f} {s['title']:>5s} {s['kind']:>5s} {s['dist']:>5s} {s['rep']:>5s} {ex:>5s}")
    return "\n".join(out)


def show_miss(S, r, pages_dir: Path, content_dir: Path):
    g = r["gold"]
    text = S.read_page_text(pages_dir / r["page"])
    lines = text.split("\n")
    head = g["head"]
    # locate the line where the body starts
    hit = None
    for i in range(len(lines)):
        window = "".join("".join(l.split()) for l in lines[i:i + 3])
        if window.startswith(head[:6]) and head in window:
            hit = i
            break
    print(f"--- MISSED {r['page']} #{r['gi']} {g['kind']} {g.get('title')!r}  features={g.get('features')}")
    if r["best"]:
        rec, prec, pi = r["best"]
        p = S.load_generated(content_dir).get(r["page"], [])[pi]
        print(f"    best generated article: recall {rec:.2f} precision {prec:.2f} title {p.get('title')!r} "
              f"({os.path.relpath(p['_path'], content_dir)})")
    else:
        print("    no generated article shares a trigram")
    if hit is not None:
        for l in lines[max(0, hit - 6):hit + 10]:
            print("    | " + l)


def run_one(args, seed: int, work: Path):
    """Generate, ingest, score one seed; return (gold, rows, extras, pages, content) or None."""
    work.mkdir(parents=True, exist_ok=True)
    gold = generate.generate(work, seed, args.pages)
    pages, content = work / "pages", work / "content"
    if args.oracle:
        write_oracle(load_scorer(), gold, pages, content)
        out = "oracle: gold written as content"
    else:
        # This checkout's code unless a command is named: the installed `sitegen` may be
        # another checkout's (a worktree of an older commit measures its own code).
        run_as = [args.sitegen] if args.sitegen else [sys.executable, "-m", "sitegen"]
        env = None if args.sitegen else dict(os.environ, PYTHONPATH=str(REPO))
        cmd = [*run_as, "--root", str(REPO), "ingest", "--pages", str(pages), "--content", str(content)]
        res = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if res.returncode != 0:
            print(res.stdout, res.stderr, sep="\n")
            print(f"sitegen ingest failed ({res.returncode})")
            return None
        out = res.stdout.strip().splitlines()[0] if res.stdout.strip() else "(ingest printed nothing)"
    sc = subprocess.run([sys.executable, str(SCORER), "--gold", str(work / "gold.json"), "--pages", str(pages),
                         "--content", str(content)], capture_output=True, text=True)
    if sc.returncode != 0:
        print(sc.stdout, sc.stderr)
        return None
    n = sum(len(v) for v in gold["pages"].values())
    print(f"seed {seed}: {args.pages} pages, {n} gold articles; {out}")
    print("  " + sc.stdout.strip().splitlines()[-1])
    rows, extras = per_article(load_scorer(), gold, pages, content)
    for r in rows:
        r["seed"] = seed
    return gold, rows, extras, pages, content


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds", help="comma-separated seeds, e.g. 1,2,3 (overrides --seed); "
                                    "figures per seed, breakdown over all")
    ap.add_argument("--pages", type=int, default=40, help="pages per seed")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    ap.add_argument("--misses", type=int, default=0, help="print this many missed articles with context")
    ap.add_argument("--min-n", type=int, default=3, help="hide features drawn fewer times")
    ap.add_argument("--json", type=Path, help="write the per-article results here")
    ap.add_argument("--sitegen", default=None, help="the sitegen command to ingest with (default: this checkout's code)")
    ap.add_argument("--oracle", action="store_true",
                    help="instead of sitegen, write the gold itself as content (checks that the key scores 1.0)")
    args = ap.parse_args(argv)
    seeds = [int(x) for x in args.seeds.split(",")] if args.seeds else [args.seed]

    work = args.keep or Path(tempfile.mkdtemp(prefix="heldout-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    S = load_scorer()
    all_rows, all_extras, runs = [], [], []
    for seed in seeds:
        w = work / f"seed{seed}" if len(seeds) > 1 else work
        res = run_one(args, seed, w)
        if res is None:
            return 1
        gold, rows, extras, pages, content = res
        all_rows += rows
        all_extras += extras
        runs.append((seed, pages, content))
    if len(seeds) > 1:
        gold_n = len(all_rows)
        found = sum(r["found"] for r in all_rows)
        pred = found + len(all_extras)
        p, r = found / pred if pred else 0, found / gold_n if gold_n else 0
        s = summarize(all_rows)
        print(f"all seeds: seg_f1={2 * p * r / (p + r) if p + r else 0:.3f} precision={p:.3f} recall={r:.3f} "
              f"title_acc={s['title']} kind_acc={s['kind']} district_f1={s['dist']} reporter_acc={s['rep']}")
    print()
    print(feature_table(all_rows, all_extras, args.min_n))
    kinds = defaultdict(int)
    for r in all_rows:
        if not r["found"]:
            kinds[r["gold"]["kind"]] += 1
    print(f"\nmissed by kind: {dict(kinds)}; extra generated articles: {len(all_extras)}")
    if args.misses:
        print()
        paths = {seed: (pages, content) for seed, pages, content in runs}
        for r in [r for r in all_rows if not r["found"]][:args.misses]:
            show_miss(S, r, *paths[r["seed"]])
    if args.json:
        slim = [dict(seed=r["seed"], page=r["page"], gi=r["gi"], found=r["found"], title_ok=r.get("title_ok"),
                     kind_ok=r.get("kind_ok"), rep_ok=r.get("rep_ok"), features=r["features"],
                     title=r["gold"].get("title"), got_title=(r.get("pred") or {}).get("title"),
                     got_kind=(r.get("pred") or {}).get("kind"), kind=r["gold"]["kind"],
                     districts=r["gold"].get("districts"), got_districts=(r.get("pred") or {}).get("districts"),
                     reporters=r["gold"].get("reporters"), got_reporters=(r.get("pred") or {}).get("reporters"))
                for r in all_rows]
        args.json.write_text(json.dumps(slim, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"\nkept {work} (pages/, gold.json, content/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
