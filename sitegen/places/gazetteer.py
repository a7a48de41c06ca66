"""The Beijing gazetteer and every form a place name takes in newspaper text."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import SitegenError

DEFAULT_CSV = Path(__file__).with_name("data") / "beijing-divisions.csv"

_SUFFIX = re.compile(r"(街道|地区|镇|(?:满族|回族|蒙古族|民族)?乡)$")
_ETHNIC = re.compile(r"(满族|回族|蒙古族|民族)乡$")
# A two-character base name is too common a word on its own (光明, 胜利, 东风, 新村); it
# names a place only when a place word follows it. 乡村, 乡镇 and 镇街 are general words,
# not "the township of ...".
_PLACE_WORD = r"(?:街道|地区|社区|村|科技园|园区|工业园|工业区|产业园|开发区|办事处|镇(?![街村])|乡(?![村镇亲下]))"
# Districts under the names they had before the 2010 and 2015 mergers, so older issues
# file in the district that exists now.
_FORMER_NAMES = {"崇文区": "东城区", "宣武区": "西城区", "崇文": "东城区", "宣武": "西城区",
                 "密云县": "密云区", "延庆县": "延庆区"}
# Phrases that contain a place name but name no place (朝阳群众 are informants city-wide,
# 大兴土木 is an idiom), and the common names of development zones: a zone spans districts
# and city-wide news names it in passing, so it files no article under a district. Being
# matched first (longest match), they also keep the names inside them (亦庄, 中关村) from
# counting.
NOT_PLACES = (
    "朝阳群众", "朝阳产业", "朝阳行业", "大兴土木", "大兴调查研究", "大兴学习", "怀柔政策",
    "经济技术开发区", "亦庄开发区", "亦庄经济开发区", "亦庄经济技术开发区", "亦庄经开区",
    "中关村科技园区", "中关村科技园", "中关村示范区", "中关村国家自主创新示范区", "雁栖开发区",
    "北京城市副中心",
)


@dataclass(frozen=True)
class Entry:
    """One way of writing a place: the districts it may be in and, for a place below the
    district, its gazetteer name in each of them."""
    districts: tuple[str, ...]
    place: str | None                          # gazetteer name (in the first district); None for a district
    places: tuple[str | None, ...] = ()        # gazetteer name in each of ``districts``

    def place_in(self, district: str) -> str | None:
        if self.places and district in self.districts:
            return self.places[self.districts.index(district)]
        return self.place


@dataclass
class Gazetteer:
    districts: list[str]                                        # full names, in file order
    entries: dict[str, Entry] = field(default_factory=dict)     # written form → entry
    pattern: re.Pattern | None = None                           # every written form, longest first
    _needs_place_word: set[str] = field(default_factory=set)

    def _add(self, name: str, district: str, place: str | None, needs_place_word: bool = False) -> None:
        old = self.entries.get(name)
        if old is None:
            self.entries[name] = Entry((district,), place, (place,))
            if needs_place_word:
                self._needs_place_word.add(name)
        elif old.place is not None and place is not None and district not in old.districts:
            # The same name in two districts (八里庄街道, 东风 of 东风地区 and 东风街道):
            # keep every candidate; the article decides.
            self.entries[name] = Entry(old.districts + (district,), old.place, old.places + (place,))
        # Otherwise the first reading stands: a district over a township base of the same
        # spelling (海淀 over 海淀街道's base), a real name over another place's twin.

    def _compile(self) -> None:
        for name in NOT_PLACES:
            self.entries.setdefault(name, Entry((), None))
        self.pattern = re.compile(_trie_pattern(self.entries, self._needs_place_word))


def _trie_pattern(names, needs_place_word: set[str]) -> str:
    """One regular expression for all names, as a character trie: Python's ``re`` tries a
    flat alternation branch by branch (a thousand at every character), a trie one branch.
    Longer continuations come first, so the longest name wins at each position."""
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = f"(?={_PLACE_WORD})" if name in needs_place_word else ""

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" not in node:
            return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if not branches:
            return node[""]
        if node[""]:
            return "(?:" + "|".join(branches + [node[""]]) + ")"
        return "(?:" + "|".join(branches) + ")?"

    return emit(trie)


def _build(rows: list[dict], source: Path) -> Gazetteer:
    districts = [r["name"] for r in rows if r["level"] == "区"]
    if not districts:
        raise SitegenError("gazetteer has no district (level 区) rows", source)
    gaz = Gazetteer(districts=districts)
    for d in districts:
        gaz._add(d, d, None)
        if len(d) >= 3:
            gaz._add(d[:-1], d, None)                    # 西城, 门头沟
    for name, district in _FORMER_NAMES.items():
        if district in districts:
            gaz._add(name, district, None)
    townships = [r for r in rows if r["level"] not in ("区", "其他")]
    # Real names before derived forms, so a twin never hides a real place.
    for r in townships:
        gaz._add(r["name"], r["district"], r["name"])
    for r in townships:
        name, district = r["name"], r["district"]
        base = _SUFFIX.sub("", name)
        twins = []
        if name.endswith("地区"):
            twins = [base + "镇", base + "乡"]           # 良乡地区 is 良乡镇 in most reports
        elif name.endswith(("镇", "乡")):
            twins = [base + "地区"]
        if _ETHNIC.search(name):
            twins.append(base + "乡")                    # 于家务回族乡 → 于家务乡
        for twin in twins:
            gaz._add(twin, district, name)
        if len(base) >= 3:
            gaz._add(base, district, name)
            # 天通苑北 and 天通苑南 are both 天通苑 in print.
            if base[-1] in "东南西北" and len(base) >= 4:
                stem = base[:-1]
                siblings = {_SUFFIX.sub("", t["name"])[:-1] for t in townships
                            if t["district"] == district and t is not r}
                if stem in siblings:
                    gaz._add(stem, district, name)
        elif len(base) == 2:
            gaz._add(base, district, name, needs_place_word=True)
    # Development zones (level 其他) are matched so that the names inside them do not
    # count, but they file nothing.
    for r in rows:
        if r["level"] == "其他":
            for form in (r["name"], r["name"].removeprefix("北京")):
                gaz.entries[form] = Entry((), None)
    gaz._compile()
    return gaz


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> Gazetteer:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"district", "name", "level"} - set(reader.fieldnames or ())
            if missing:
                raise SitegenError(f"gazetteer needs the columns district, name, level (missing {', '.join(sorted(missing))})", path, 1)
            rows = []
            for lineno, row in enumerate(reader, start=2):
                if not row.get("name") or not row.get("district") or not row.get("level"):
                    raise SitegenError("gazetteer row needs district, name and level", path, lineno)
                rows.append({k: (v or "").strip() for k, v in row.items() if k})
    except OSError as exc:
        raise SitegenError(f"cannot read gazetteer: {exc.strerror}", path) from None
    except UnicodeDecodeError:
        raise SitegenError("gazetteer is not UTF-8", path) from None
    return _build(rows, path)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (a CSV with district, name, level columns), or the packaged
    one. Loaded once per path."""
    return _load(Path(path) if path else DEFAULT_CSV)
