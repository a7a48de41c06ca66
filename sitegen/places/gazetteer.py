"""The Beijing gazetteer and every form a place name takes in newspaper text."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import SitegenError, read_toml

DEFAULT_CSV = Path(__file__).with_name("data") / "beijing-divisions.csv"
DEFAULT_LANDMARKS = Path(__file__).with_name("data") / "landmarks.toml"

# OCR puts spaces inside names (陶然亭 街道); they never separate two Chinese place names.
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
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
# counting. A landmark of the same name wins: the packaged landmarks file the economic-
# technological development zone (亦庄开发区, 经开区) under 大兴区.
NOT_PLACES = (
    "朝阳群众", "朝阳产业", "朝阳行业", "大兴土木", "大兴调查研究", "大兴学习", "怀柔政策",
    "经济技术开发区", "亦庄开发区", "亦庄经济开发区", "亦庄经济技术开发区", "亦庄经开区",
    "中关村科技园区", "中关村科技园", "中关村示范区", "中关村国家自主创新示范区", "雁栖开发区",
    # City-wide news lists the zone beside the districts (各区和经开区, 16区及北京经济技术开发区):
    # that names no place either.
    *(f"区{sep}{zone}" for sep in ("和", "及", "与", "、", "（", "(")
      for zone in ("经开区", "北京经开区", "北京经济技术开发区", "亦庄经开区")),
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


def _build(rows: list[dict], source: Path, landmarks: Path | None = None) -> Gazetteer:
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
    # count, but they file nothing (unless a landmark says otherwise).
    for r in rows:
        if r["level"] == "其他":
            for form in (r["name"], r["name"].removeprefix("北京")):
                gaz.entries[form] = Entry((), None)
    # The parks of the 中关村 zone (中关村丰台园) are no more 海淀区's 中关村 than the zone is.
    for d in districts:
        for form in (f"中关村{d[:-1]}园", f"中关村科技园区{d[:-1]}园"):
            gaz.entries.setdefault(form, Entry((), None))
    if landmarks is not None:
        _add_landmarks(gaz, landmarks, strict=landmarks != DEFAULT_LANDMARKS)
    gaz._compile()
    return gaz


def _line_of(text: str, key: str) -> int | None:
    """The line of ``"key" = …`` (or of a table ``["key"]``) in a TOML text."""
    for i, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*\[?\s*[\"']?{re.escape(key)}[\"']?\s*(=|\])", line):
            return i
    return None


def _add_landmarks(gaz: Gazetteer, path: Path, strict: bool) -> None:
    """Add the landmarks file's names to the gazetteer, as entries like a township's, so the
    one pattern matches them all, longest first. An editor's file (``strict``) must fit the
    gazetteer: a line that does not is an error naming it. The packaged file goes with any
    gazetteer: a name that does not fit an editor's gazetteer is left out."""
    data, text = read_toml(path, "landmarks file")
    short_forms = {d[:-1] for d in gaz.districts}
    owner: dict[str, str] = {}                      # name → the landmark (key) it is a name of
    for key, value in data.items():
        line = _line_of(text, key)

        def misfit(message: str) -> None:
            if strict:
                raise SitegenError(message, path, line)

        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            district, others = value[0].strip(), value[1:]
        elif isinstance(value, str):
            district, others = value.strip(), []
        else:
            raise SitegenError(f"landmark '{key}' needs its district: \"{key}\" = \"…区\", or with other "
                               f"names \"{key}\" = [\"…区\", \"…\"] (\"\" for a word that is no place)", path, line)
        names = [_SPACES.sub("", n) for n in (key, *others)]
        if not all(names):
            raise SitegenError(f"landmark '{key}' has an empty name", path, line)
        if district and district not in gaz.districts:
            misfit(f"'{district}' is no district of the gazetteer (write the full name, e.g. {gaz.districts[0]})")
            continue
        for name in names:
            if name in owner:
                raise SitegenError(f"'{name}' is already a name of landmark '{owner[name]}'", path, line)
            owner[name] = key
            old = gaz.entries.get(name)
            if name in gaz.districts or name in short_forms or (old and old.districts and old.place is None):
                misfit(f"'{name}' is a district's name, not a landmark")
            elif not district:                      # a word that contains a landmark: no place
                gaz.entries[name] = Entry((), None)
                gaz._needs_place_word.discard(name)
            elif old is None or not old.districts:  # a new name, or a zone's
                gaz.entries[name] = Entry((district,), names[0], (names[0],))
            elif old.districts == (district,):
                # A township's short form (望京 of 望京街道): now it counts on its own.
                gaz._needs_place_word.discard(name)
            else:
                where = ", ".join(f"{p} of {d}" for d, p in zip(old.districts, old.places))
                if district in old.districts:
                    misfit(f"'{name}' is in {len(old.districts)} districts in the gazetteer ({where}); "
                           f"a landmark names a place in one")
                else:
                    misfit(f"'{name}' is {where} in the gazetteer, not in {district}")


@functools.lru_cache(maxsize=8)
def _load(path: Path, landmarks: Path | None) -> Gazetteer:
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
    return _build(rows, path, landmarks)


def load_gazetteer(path: Path | None = None, landmarks: Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (a CSV with district, name, level columns), or the packaged
    one, with the landmarks at ``landmarks`` (a TOML file, see ``data/landmarks.toml``) or
    the packaged ones. Loaded once per pair of paths."""
    return _load(Path(path) if path else DEFAULT_CSV, Path(landmarks) if landmarks else DEFAULT_LANDMARKS)
