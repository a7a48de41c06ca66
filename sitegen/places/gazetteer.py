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
# A two-character base name is too common a word on its own (光明, 胜利, 东风); it names a
# place only when a place word follows it.
_PLACE_WORDS = ("街道", "地区", "镇", "乡", "社区", "村", "科技园", "园区", "工业园", "开发区", "大街", "街", "路")
# Phrases that contain a place name but are no place.
_NOT_PLACES = ("朝阳群众", "朝阳产业", "大兴土木", "延庆幸")


@dataclass(frozen=True)
class Entry:
    """One way of writing a place: the districts it may be in and the gazetteer name."""
    districts: tuple[str, ...]
    place: str | None              # township-level name as the gazetteer has it; None for a district
    needs_place_word: bool = False


@dataclass
class Gazetteer:
    districts: list[str]
    entries: dict[str, Entry] = field(default_factory=dict)
    by_first_char: dict[str, list[str]] = field(default_factory=dict)

    def _add(self, name: str, entry: Entry) -> None:
        old = self.entries.get(name)
        if old is not None and old.place is not None and entry.place is not None and old.districts != entry.districts:
            # The same name in two districts (八里庄街道): keep every candidate.
            entry = Entry(tuple(sorted(set(old.districts) | set(entry.districts))), old.place, old.needs_place_word)
        elif old is not None and old.place is None:
            return                 # a district name wins over a township base of the same spelling
        self.entries[name] = entry

    def _index(self) -> None:
        for name in _NOT_PLACES:
            self.entries[name] = Entry((), None)
        index: dict[str, list[str]] = {}
        for name in self.entries:
            index.setdefault(name[0], []).append(name)
        self.by_first_char = {c: sorted(names, key=len, reverse=True) for c, names in index.items()}


def _build(rows: list[dict], source: Path) -> Gazetteer:
    districts = [r["name"] for r in rows if r["level"] == "区"]
    if not districts:
        raise SitegenError("gazetteer has no district (level 区) rows", source)
    gaz = Gazetteer(districts=districts)
    for d in districts:
        gaz._add(d, Entry((d,), None))
        gaz._add(d[:-1], Entry((d,), None))          # 西城, 门头沟
    for r in rows:
        name, district, level = r["name"], r["district"], r["level"]
        if level in ("区", "其他"):
            continue                                 # development zones span districts
        entry = Entry((district,), name)
        gaz._add(name, entry)
        base = _SUFFIX.sub("", name)
        # The 镇/乡 and 地区 twins: 良乡镇 and 良乡地区 are one place.
        for twin in (base + "镇", base + "乡", base + "地区", base + "街道"):
            if twin != name and twin not in gaz.entries:
                gaz._add(twin, entry)
        if len(base) >= 3:
            gaz._add(base, entry)
        elif len(base) == 2 and base not in gaz.entries:
            gaz._add(base, Entry((district,), name, needs_place_word=True))
    gaz._index()
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
                rows.append(row)
    except OSError as exc:
        raise SitegenError(f"cannot read gazetteer: {exc.strerror}", path) from None
    return _build(rows, path)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (a CSV with district, name, level columns), or the packaged one."""
    return _load(Path(path) if path else DEFAULT_CSV)


def place_word_follows(text: str, end: int) -> bool:
    return text.startswith(_PLACE_WORDS, end)
