"""A deterministic synthetic archive made from the sample articles, for the benchmark.

    python bench/make_archive.py --articles 10000 --out bench/archives/10k [--seed 1] [--content]

Writes page files in the sample's OCR layout (wrapped columns, spaced bylines, headlines
printed after their body, column breaks mid-sentence) under ``OUT/pages/YYYY/YYYY-MM-DD/pNN.txt``
with a ``pages.toml`` manifest giving each page's date and number, and a ``sitegen.toml``.
With ``--content`` it writes article Markdown files directly instead (for build-only
timing). The articles are the sample's, recombined: paragraphs shuffled between articles
of the same kind, numbers and Beijing place names varied, over issue dates from 2015 on,
about three years or more of them. The sample is read from the repository's ``content/`` (the
ingested seeds), so the archive follows the sample as the ingest improves.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.content import Article, article_to_text, load_articles  # noqa: E402

ARTICLES_PER_PAGE = (6, 10)
PAGES_PER_ISSUE = 4
YEARS = 3


def _places() -> list[tuple[str, str]]:
    with (ROOT / "sitegen/places/data/beijing-divisions.csv").open(encoding="utf-8") as fh:
        return [(r["district"], r["name"]) for r in csv.DictReader(fh) if r["level"] in ("街道", "镇", "乡")]


# Numbers that count things change; years stay, and a month, day or hour stays one.
_NUMBER = re.compile(r"\d+(?=(月|日|号|时|点|年)?)")
_UNIT_RANGE = {"月": (1, 12), "日": (1, 28), "号": (1, 28), "时": (0, 23), "点": (0, 23)}


def _vary_number(m: re.Match, rnd: random.Random) -> str:
    digits, unit = m.group(), m.group(1)
    if unit == "年" or len(digits) >= 4:
        return digits
    if unit in _UNIT_RANGE:
        return str(rnd.randint(*_UNIT_RANGE[unit]))
    return str(rnd.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 1, 10 ** len(digits) - 1))


def _vary(text: str, rnd: random.Random, place: tuple[str, str], originals: tuple[re.Pattern, set[str]]) -> str:
    """Numbers varied; the sample's districts become the new place's district and its
    streets, towns and other places the new place (one pass: a new name is not replaced again)."""
    text = _NUMBER.sub(lambda m: _vary_number(m, rnd), text)
    names, districts = originals
    text = names.sub(lambda m: place[0] if m.group() in districts else place[1], text)
    return text


def _wrap(paragraph: str, width: int, rnd: random.Random) -> list[str]:
    lines = [paragraph[i:i + width] for i in range(0, len(paragraph), width)]
    out = []
    for line in lines:
        if out and rnd.random() < 0.06:
            out.append("")                      # a column break
        out.append(line)
    return out


def _spaced_byline(paragraph: str) -> str:
    return re.sub(r"^本报讯（(记者|通讯员)([^）]+)）", lambda m: f"本报讯 （{m.group(1)} {m.group(2)}） ", paragraph)


def _spaced_credit(paragraph: str, photographers: list[str]) -> str:
    """A photo credit as OCR prints it: 本报记者 周美玉 摄影报道."""
    if not paragraph.endswith(("摄影报道", "摄")):
        return paragraph
    for name in photographers:
        paragraph = paragraph.replace(name, f" {name} ")
    return re.sub(r" +", " ", paragraph.replace("摄", " 摄", 1)).strip()


def _recombine(rnd: random.Random, sample: list[Article], by_kind: dict[str, list[list[str]]],
               places: list[tuple[str, str]], place_names: tuple[re.Pattern, set[str]]) -> tuple[Article, tuple[str, str], str, str]:
    base = rnd.choice(sample)
    paragraphs = list(base.body.split("\n\n"))
    if len(paragraphs) > 2:       # swap one inner paragraph with one of another article of its kind
        donor = rnd.choice(by_kind[base.kind])
        if len(donor) > 2:
            paragraphs[rnd.randrange(1, len(paragraphs) - 1)] = donor[rnd.randrange(1, len(donor) - 1)]
    place = rnd.choice(places)
    body = _vary("\n\n".join(paragraphs), rnd, place, place_names)
    title = _vary(base.title, rnd, place, place_names)
    if title == base.title and base.kind == "news" and rnd.random() < 0.7:
        title = f"{place[1]}{title}"   # as the paper heads a district's report: 东华门街道…
    return base, place, title, body


def make_articles(n: int, seed: int) -> list[tuple[str, int, Article]]:
    rnd = random.Random(seed)
    sample = [a for a in load_articles(ROOT / "content") if a.kind in ("news", "photo", "column") and a.title]
    by_kind: dict[str, list[list[str]]] = {}
    for a in sample:
        by_kind.setdefault(a.kind, []).append(a.body.split("\n\n"))
    places = _places()
    districts = {d for a in sample for d in a.districts}
    names = sorted({p for a in sample for p in a.places} | districts, key=len, reverse=True)
    all_place_names = (re.compile("|".join(map(re.escape, names))), districts)
    out = []
    day = dt.date(2015, 1, 5)
    page = 1
    on_page = 0
    per_page = rnd.randint(*ARTICLES_PER_PAGE)
    # Issues spread over at least YEARS years: a small archive is a sparse one, not a short one.
    issues = n / (sum(ARTICLES_PER_PAGE) / 2 * PAGES_PER_ISSUE)
    gap = max(1.0, YEARS * 365 / issues)
    seen: set[str] = set()
    on_this_page: set[str] = set()
    for i in range(n):
        # drawn again: a body met before (a short article, no numbers or places), or a
        # headline already on this page
        for _ in range(20):
            base, place, title, body = _recombine(rnd, sample, by_kind, places, all_place_names)
            if body not in seen and title not in on_this_page:
                break
        seen.add(body)
        on_this_page.add(title)
        art = Article(id=f"bench-{i:06d}", title=title, subtitles=list(base.subtitles), kind=base.kind,
                      source=f"{day.year}/{day.isoformat()}/p{page:02d}.txt", order=on_page + 1, page=str(page),
                      date=day.isoformat(), date_source="manifest", reporters=list(base.reporters),
                      correspondents=list(base.correspondents), photographers=list(base.photographers),
                      authors=list(base.authors), column=base.column, byline=base.byline, districts=[place[0]] if base.districts else [],
                      places=[place[1]] if base.districts else [], tags=list(base.tags), body=body)
        out.append((art.source, on_page, art))
        on_page += 1
        if on_page >= per_page:
            on_page, per_page = 0, rnd.randint(*ARTICLES_PER_PAGE)
            on_this_page = set()
            page += 1
            if page > PAGES_PER_ISSUE:
                page = 1
                day += dt.timedelta(days=max(1, round(gap * rnd.uniform(0.5, 1.5))))
    return out


def write_pages(articles, out: Path, seed: int) -> int:
    rnd = random.Random(seed + 1)
    pages: dict[str, list[Article]] = {}
    for source, _, art in articles:
        pages.setdefault(source, []).append(art)
    manifest = ["# sitegen page manifest (synthetic benchmark archive)"]
    for source, arts in pages.items():
        width = rnd.randint(12, 15)
        chunks = []
        for a in arts:
            lines = []
            paragraphs = a.body.split("\n\n")
            for k, p in enumerate(paragraphs):
                p = p.lstrip("\\")
                if k == 0:
                    p = _spaced_byline(p)
                elif k == len(paragraphs) - 1 and a.kind == "photo":
                    lines += [_spaced_credit(p, a.photographers), ""]    # a credit line is set apart, unwrapped
                    continue
                lines += _wrap(p, width, rnd)
                lines.append("")
            body = "\n".join(lines).strip("\n")
            heads = "\n".join(a.subtitles + [a.title]) if a.subtitles else a.title
            if a.column:        # a column under its banner and its writer, as the paper prints one
                chunks.append("\n\n".join(x for x in (f"■{a.column}", a.byline, f"{heads}\n{body}") if x))
            else:
                chunks.append(f"{body}\n\n{a.title}" if rnd.random() < 0.5 else f"{heads}\n{body}")
        path = out / "pages" / source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
        a = arts[0]
        manifest.append(f'\n["{source}"]\ndate = {a.date}\npage = {a.page}')
    (out / "pages" / "pages.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return len(pages)


def write_content(articles, out: Path) -> None:
    for source, _, art in articles:
        path = out / "content" / art.date[:4] / art.date[5:7] / f"{art.id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_to_text(art), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--content", action="store_true", help="write article files instead of page files")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    articles = make_articles(args.articles, args.seed)
    if args.content:
        write_content(articles, args.out)
        what = f"{len(articles)} article files"
    else:
        what = f"{write_pages(articles, args.out, args.seed)} page files"
    (args.out / "sitegen.toml").write_text(
        'title = "劳动午报 数字档案（基准测试）"\npaper = "劳动午报"\nbase_url = "/"\n\n[paths]\n'
        'pages = "pages"\ncontent = "content"\noutput = "public"\n', encoding="utf-8")
    print(f"{args.out}: {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
