"""Generate held-out pages, ingest them, score them, and show which layouts the misses fall on.

    python bench/heldout2/run.py --seed 1 --pages 40            # ingest of this worktree
    python bench/heldout2/run.py --seed 1 --sitegen /tmp/old    # another checkout's ingest
    python bench/heldout2/run.py --seed 1 --oracle              # the key as content: must be 1.0
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate as G  # noqa: E402

REPO = HERE.parents[1]
SCORER = G.SHARED / "eval" / "score_segmentation.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_segmentation", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def write_oracle(key: dict, pages: Path, content: Path, S) -> None:
    """The key as article files: each body is its gold span, as the scorer reads it."""
    import yaml
    content.mkdir(parents=True, exist_ok=True)
    for page, arts in key["pages"].items():
        spans = S.gold_spans(S.read_page_text(pages / page), arts, page)
        for i, (a, span) in enumerate(zip(arts, spans)):
            meta = dict(source=f"pages/{page}", title=a["title"], kind=a["kind"], districts=a["districts"],
                        reporters=a["reporters"])
            text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + span + "\n"
            (content / f"{page[:-4]}-{i:02d}.md").write_text(text, encoding="utf-8")


def analyse(key: dict, pages: Path, content: Path, S) -> dict:
    """Match as the scorer does, and say for each gold article what became of it."""
    generated = S.load_generated(content)
    rows, extras = [], []
    for page, arts in key["pages"].items():
        text = S.read_page_text(pages / page)
        spans = S.gold_spans(text, arts, page)
        gg = [S.grams(S.norm(s)) for s in spans]
        preds = generated.get(page, [])
        pg = [S.grams(S.norm(p["_body"])) for p in preds]
        pairs = []
        for gi, g in enumerate(gg):
            for pi, p in enumerate(pg):
                if g and p:
                    inter = len(g & p)
                    rec, prec = inter / len(g), inter / len(p)
                    if rec >= 0.8 and prec >= 0.8:
                        pairs.append((2 * rec * prec / (rec + prec), gi, pi))
        pairs.sort(reverse=True)
        match, used_p = {}, set()
        for _, gi, pi in pairs:
            if gi not in match and pi not in used_p:
                match[gi] = pi
                used_p.add(pi)
        kinds = key.get("page_kinds", {}).get(page, {})
        for gi, a in enumerate(arts):
            row = dict(page=page, gold=a, page_kind=kinds.get("kind", "?"), style=kinds.get("style", "?"),
                       found=gi in match)
            if gi in match:
                p = preds[match[gi]]
                row["pred"] = p
                if a.get("title"):
                    ok = {S.norm(t) for t in [a["title"], *a.get("title_alternatives", [])]}
                    row["title_ok"] = S.norm(str(p.get("title") or "")) in ok
                row["kind_ok"] = a["kind"] == p.get("kind")
                if a.get("reporters"):
                    row["rep_ok"] = set(a["reporters"]) == set(S.as_list(p.get("reporters")))
            else:
                row.update(failure(gi, gg, pg, preds, arts))
            rows.append(row)
        for pi, p in enumerate(preds):
            if pi not in used_p:
                share = [(len(g & pg[pi]) / len(pg[pi]) if pg[pi] else 0, gi) for gi, g in enumerate(gg)]
                best = max(share, default=(0, -1))
                extras.append(dict(page=page, title=p.get("title"), kind=p.get("kind"),
                                   holds=(arts[best[1]].get("title") or arts[best[1]]["head"]) if best[0] > 0.3 else None,
                                   share=best[0], path=p["_path"], body=p["_body"][:40].replace("\n", " ")))
    return dict(rows=rows, extras=extras)


def failure(gi, gg, pg, preds, arts) -> dict:
    g = gg[gi]
    if not g:
        return dict(why="empty")
    cover = sorted(((len(g & p) / len(g), len(g & p) / len(p) if p else 0, pi) for pi, p in enumerate(pg)), reverse=True)
    if not cover or cover[0][0] < 0.3:
        return dict(why="not written (left as residue or dropped)")
    rec, prec, pi = cover[0]
    near = [k for k, h in enumerate(gg) if k != gi and h and len(h & pg[pi]) / len(h) >= 0.5]
    others = [arts[k].get("title") or arts[k]["head"] for k in near]
    met = [role(arts[k]) for k in near]
    wrote = f"{preds[pi].get('title')!r} ({preds[pi].get('kind')})"
    if rec >= 0.8:
        if others:
            return dict(why="merged with another article", wrote=wrote, with_=others, met=met)
        return dict(why="body took in lines of no article (headlines, header, banner)", wrote=wrote)
    pieces = [c for c in cover if c[0] >= 0.15]
    if len(pieces) >= 2 and sum(c[0] for c in pieces) >= 0.8:
        return dict(why=f"split into {len(pieces)} articles", wrote=", ".join(
            f"{preds[c[2]].get('title')!r}" for c in pieces))
    if others:
        return dict(why="cut at the wrong place: part joined a neighbour", wrote=wrote, with_=others, met=met)
    return dict(why="cut short: part of the body left out", wrote=wrote)


ROLES = ["brief", "photo_caption", "comment_column", "qa_lawyer", "qa_interview", "case_brackets", "poem",
         "notice", "table", "front_lead", "jump_in_marker", "jump_in_marker_lost", "jump_in_titled",
         "ad_copy", "ad_lone", "affiliation_author", "byline_line"]


def role(a: dict) -> str:
    """The one layout an article is best known by, for 'what met what' counts."""
    feats = set(a.get("features", []))
    base = next((f for f in ROLES if f in feats), a["kind"] if a["kind"] != "news" else "本报讯 report")
    if a["kind"] == "news" and base == "本报讯 report" and a.get("authors"):
        base = "signed piece"
    return base + (" (headline under body)" if "headline_after_body" in feats else "")


def by_kind(key: dict, score: dict) -> None:
    """Segmentation F1 for each kind of printed page and each OCR style."""
    for what in ("kind", "style"):
        agg = collections.defaultdict(lambda: [0, 0, 0, 0])
        for page, row in score["pages"].items():
            k = key["page_kinds"][page][what]
            a = agg[k]
            a[0] += 1; a[1] += row["gold"]; a[2] += row["pred"]; a[3] += row["found"]
        print(f"\nseg_f1 by page {what}:")
        for k, (n, g, p, f) in sorted(agg.items(), key=lambda kv: -kv[1][0]):
            prec, rec = (f / p if p else 0), (f / g if g else 0)
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0
            print(f"  {k:12s} {n:3d} pages {g:4d} articles  precision {prec:.3f} recall {rec:.3f} f1 {f1:.3f}")


def table(title: str, counts: dict, total: dict) -> None:
    print(f"\n{title}")
    for k in sorted(total, key=lambda k: (-(total[k] - counts.get(k, 0)), k)):
        n, f = total[k], counts.get(k, 0)
        print(f"  {k:28s} {f:4d}/{n:<4d} {f / n:6.1%}")


def report(res: dict, examples: int) -> None:
    rows = res["rows"]
    by_feat, by_feat_found = collections.Counter(), collections.Counter()
    title_n, title_ok = collections.Counter(), collections.Counter()
    for r in rows:
        feats = set(r["gold"].get("features", [])) | {"kind=" + r["gold"]["kind"], "page=" + r["page_kind"]}
        for f in feats:
            by_feat[f] += 1
            by_feat_found[f] += r["found"]
            if r["found"] and "title_ok" in r:
                title_n[f] += 1
                title_ok[f] += r["title_ok"]
    table("articles found, by layout feature (most misses first):", by_feat_found, by_feat)
    table("headline right among found titled articles, by feature (most misses first):", title_ok, title_n)

    why = collections.Counter(r["why"] for r in rows if not r["found"])
    print("\nwhat became of the missed articles:")
    for w, n in why.most_common():
        feats = collections.Counter(f for r in rows if not r["found"] and r["why"] == w
                                    for f in r["gold"].get("features", []) if not f.startswith("style_"))
        print(f"  {n:4d}  {w}   — most on: " + ", ".join(f"{f} {c}" for f, c in feats.most_common(4)))
    met = collections.Counter()
    for r in rows:
        for m in r.get("met", []):
            met[tuple(sorted([role(r["gold"]), m]))] += 1
    print("\nmerges, by what met what (each merged pair counted from both sides):")
    for (x, y), n in met.most_common(12):
        print(f"  {n:4d}  {x}  +  {y}")
    tmiss = collections.Counter()
    for r in rows:
        if r.get("title_ok") is False:
            a, got = r["gold"], str(r["pred"].get("title") or "")
            n = G.flat(got)
            if not got or got == "None":
                k = "no headline given"
            elif any(n and G.flat(s) == n for s in a["subtitles"]):
                k = "kicker/subtitle taken as the headline"
            elif a.get("author_line") and n in G.flat(a["author_line"]):
                k = "author line taken as the headline"
            elif a.get("column") and n in G.flat(a["column"]):
                k = "column header taken as the headline"
            elif a["title"] and (n in G.flat(a["title"]) or G.flat(a["title"]) in n):
                k = "headline partly right (cut or joined)"
            else:
                k = "another line (a neighbour's headline, a body line) taken"
            r["title_why"] = k
            tmiss[k] += 1
    print("\nwrong headlines:")
    for k, n in tmiss.most_common():
        print(f"  {n:4d}  {k}")
    kinds = collections.Counter((r["gold"]["kind"], r["pred"].get("kind")) for r in rows if r["found"] and not r["kind_ok"])
    print("\nwrong kinds (key → ingest): " + ", ".join(f"{a}→{b} {n}" for (a, b), n in kinds.most_common()))
    ex = res["extras"]
    print(f"\nextra articles (ingest wrote, no key article matched): {len(ex)}; "
          f"of them mostly text of no key article: {sum(1 for e in ex if not e['holds'])}")
    if examples:
        print("\nexamples of misses:")
        shown = collections.Counter()
        for r in rows:
            if not r["found"] and shown[r["why"]] < examples:
                shown[r["why"]] += 1
                a = r["gold"]
                print(f"  [{r['why']}] {r['page']} ({r['page_kind']}/{r['style']}) {a['kind']} "
                      f"{a.get('title') or a['head']!r} feats={','.join(f for f in a.get('features', []) if not f.startswith('style_'))}"
                      f"\n      ingest wrote: {r.get('wrote', '-')}" + (f" with {r['with_']}" if r.get("with_") else ""))
        shown = collections.Counter()
        for r in rows:
            k = r.get("title_why")
            if k and shown[k] < examples:
                shown[k] += 1
                a = r["gold"]
                print(f"  [title: {k}] {r['page']} want {a['title']!r} (subtitles {a['subtitles']}) got {r['pred'].get('title')!r}")
        for e in ex[:examples]:
            print(f"  [extra] {e['page']} {e['kind']} {e['title']!r} body {e['body']!r} holds {e['holds']!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--out", type=Path, help="folder for pages/, content/, gold.json (default: a new temp folder)")
    ap.add_argument("--sitegen", type=Path, default=REPO, help="checkout whose ingest is run (default: this one)")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--oracle", action="store_true", help="write the key as content instead of running ingest")
    ap.add_argument("--examples", type=int, default=3, help="examples shown per kind of miss")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix=f"heldout2-{args.seed}-"))
    if (out / "content").exists() and any((out / "content").iterdir()):
        print(f"{out / 'content'} is not empty; give a new --out", file=sys.stderr)
        return 2
    key = G.generate(args.seed, args.pages, out)
    pages, content = out / "pages", out / "content"
    S = load_scorer(args.scorer)
    if args.oracle:
        write_oracle(key, pages, content, S)
    else:
        env = dict(os.environ, PYTHONPATH=str(args.sitegen.resolve()))
        proc = subprocess.run([sys.executable, "-m", "sitegen", "ingest", "--pages", str(pages), "--content", str(content)],
                              cwd=out, env=env, capture_output=True, text=True)
        (out / "ingest.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
        if proc.returncode not in (0, 1) or not content.exists():
            print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
            return 1
    sc = subprocess.run([sys.executable, str(args.scorer), "--gold", str(out / "gold.json"), "--pages", str(pages),
                         "--content", str(content), "--json", str(out / "score.json")], capture_output=True, text=True)
    if sc.returncode:
        print(sc.stdout[-2000:], sc.stderr[-2000:], file=sys.stderr)
        return 1
    n_art = sum(len(v) for v in key["pages"].values())
    print(f"seed {args.seed}: {len(key['pages'])} pages, {n_art} key articles, ingest of {args.sitegen}"
          + (" (oracle)" if args.oracle else "") + f"; files in {out}")
    print(sc.stdout.strip().splitlines()[-1])
    by_kind(key, json.loads((out / "score.json").read_text(encoding="utf-8")))
    report(analyse(key, pages, content, S), args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
