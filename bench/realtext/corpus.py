#!/usr/bin/env python3
"""The real-text corpus: articles of 劳动午报 as the search tool's stored pages give them, kept
OUTSIDE the repository (third-party text). This module turns the collector's notes into
articles.json and reads it back; it adds what the gold key needs (kind, credited names,
districts) by the rules seeds.gold.json follows.

    python bench/realtext/corpus.py --notes /work/realtext-corpus/raw.txt --out /work/realtext-corpus/articles.json

Notes format, one record per article (see README):
    == URL
    K kind            news | photo | column
    P page label      e.g. 第04版:工会   (optional)
    S kicker          引题 printed above the title (optional)
    T headline        as the site prints it (optional: without it the generator invents one)
    S2 subtitle       副题 printed under the title (optional)
    C caption         the report's own photo caption (optional)
    J jump line       e.g. (下转第4版) (optional)
    D districts       comma list, or -, overrides the automatic reading (optional)
    body paragraph lines…
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DISTRICTS = ["东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区", "通州区",
             "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区"]
OLD_NAMES = {"密云县": "密云区", "延庆县": "延庆区"}
# Streets and towns the corpus names without their district (the gold key tags those too).
PLACES = {"西长安街街道": "西城区", "陶然亭街道": "西城区", "德胜街道": "西城区", "椿树街道": "西城区",
          "高丽营镇": "顺义区", "金海湖镇": "平谷区", "石楼镇": "房山区", "北房镇": "怀柔区",
          "玉桥街道": "通州区", "临河里街道": "通州区", "通运街道": "通州区", "清河街道": "海淀区",
          "北下关街道": "海淀区", "斋堂镇": "门头沟区", "太师屯": "密云区", "古北口": "密云区"}
# Site furniture an excerpt may carry; never part of an article.
FOOTER = re.compile(r"^(主办:劳动午报社|地址:北京市丰台区|ICP备案|关闭$|版面导航|3上一)")
BYLINE = re.compile(r"^本报讯\s*[（(]([^）)]*)[）)]")
CREDIT = re.compile(r"(本报记者\s*\S{2,4}\s*摄影报道|本报记者\s*\S{2,4}\s*摄|新华社发|新华社记者\s*\S{2,4}\s*摄)$")


def credited(text: str) -> tuple[list[str], list[str]]:
    """Reporters and correspondents named in a byline 本报讯（记者 A B 通讯员 C）, or in a
    closing 本报记者 X 摄影报道 / □本报记者 X (the seeds' key credits 摄影报道 as 记者)."""
    rep, cor = [], []
    m = BYLINE.match(text)
    if m:
        role = None
        for tok in re.split(r"\s+", m.group(1).strip()):
            for part in re.split(r"(记者|通讯员)", tok):
                if part in ("记者", "通讯员"):
                    role = part
                elif part and role:
                    (rep if role == "记者" else cor).append(part)
    for m in re.finditer(r"本报记者\s*(\S{2,3}?)\s*(?:摄影报道|$)", text):
        rep.append(m.group(1))
    return list(dict.fromkeys(rep)), list(dict.fromkeys(cor))


def districts_of(text: str) -> list[str]:
    found = []
    for name, d in list(OLD_NAMES.items()) + [(d, d) for d in DISTRICTS] + list(PLACES.items()):
        if name in text and d not in found:
            found.append(d)
    return sorted(found, key=DISTRICTS.index)


def parse_notes(raw: str) -> list[dict]:
    arts, cur = [], None
    for line in raw.splitlines():
        line = line.rstrip()
        if line.startswith("== "):
            cur = dict(url=line[3:].strip(), kind="news", page_label=None, kicker=None, headline=None,
                       subtitle=None, caption=None, jump=None, paragraphs=[], districts=None)
            arts.append(cur)
            continue
        if cur is None or not line.strip() or FOOTER.match(line.strip()):
            continue
        tag, _, rest = line.partition(" ")
        field = {"K": "kind", "P": "page_label", "S": "kicker", "T": "headline", "S2": "subtitle",
                 "C": "caption", "J": "jump", "D": "districts"}.get(tag)
        if field and rest and not cur["paragraphs"]:
            cur[field] = [d for d in rest.split(",") if d not in ("", "-")] if field == "districts" else rest.strip()
        else:
            cur["paragraphs"].append(line.strip())
    for a in arts:
        finish(a)
    return arts


def finish(a: dict) -> None:
    paras = a["paragraphs"]
    a["byline"] = paras[0] if paras and BYLINE.match(paras[0]) else None
    # a closing credit or signature: its own line, or the end of the last paragraph
    a["signature"] = None
    if paras and (paras[-1].startswith("□") or CREDIT.fullmatch(paras[-1].strip())):
        a["signature"] = paras.pop()
    elif paras:
        m = CREDIT.search(paras[-1])
        if m and m.start() > 0:
            a["signature"] = m.group(1)
            paras[-1] = paras[-1][:m.start()].rstrip()
    text = "\n".join(paras + [a["signature"] or "", a["caption"] or ""])
    a["reporters"], a["correspondents"] = credited("\n".join(paras[:1] + [a["signature"] or ""]))
    if a["districts"] is None:
        a["districts"] = districts_of(text)
    a["headline_source"] = "site" if a["headline"] else None


def load(path: Path) -> list[dict]:
    arts = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(arts, list) or not all("paragraphs" in a for a in arts):
        raise SystemExit(f"{path}: not a realtext corpus (a list of articles with paragraphs)")
    return arts


_UNMARKED = re.compile(r"[\s，。、,.“”\"：:；;！!？?（）()]")
LEAK = 14               # characters of an article's text found verbatim in a file
# The sample archive is the paper's own pages, which the corpus may hold too.
_SAMPLE = ("seeds/", "content/")


def leaks(arts: list[dict], root: Path) -> dict[str, list[str]]:
    """The repository's files holding runs of the corpus's article text (third-party text,
    never to be committed), with the runs found; the sample archive is left out."""
    def bare(text: str) -> str:
        return _UNMARKED.sub("", text)

    texts = [bare("".join(a["paragraphs"])) for a in arts]
    runs = {t[i:i + LEAK] for t in texts for i in range(0, max(0, len(t) - LEAK), 3)}
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or rel.startswith(_SAMPLE) or "/." in "/" + rel \
                or path.suffix not in (".py", ".md", ".txt", ".html", ".json", ".js", ".toml", ".yml", ".yaml"):
            continue
        text = bare(path.read_text(encoding="utf-8", errors="ignore"))
        hit = sorted(r for r in runs if r in text)
        if hit:
            found[rel] = hit
    return found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--leaks", type=Path, metavar="ARTICLES_JSON",
                    help="list the repository's files that hold the corpus's text, and exit 1 if any")
    a = ap.parse_args(argv)
    if a.leaks:
        found = leaks(json.loads(a.leaks.read_text(encoding="utf-8")), Path(__file__).resolve().parents[2])
        for rel, hit in found.items():
            print(f"{rel}: {len(hit)} runs of the corpus's text, e.g. {hit[0]}")
        return 1 if found else 0
    if not (a.notes and a.out):
        ap.error("--notes and --out, or --leaks")
    arts = parse_notes(a.notes.read_text(encoding="utf-8"))
    a.out.write_text(json.dumps(arts, ensure_ascii=False, indent=1), encoding="utf-8")
    kinds = {}
    for x in arts:
        kinds[x["kind"]] = kinds.get(x["kind"], 0) + 1
    print(f"{len(arts)} articles ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), "
          f"{sum(1 for x in arts if x['headline'])} with the site's headline → {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
