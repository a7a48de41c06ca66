"""Finding the places an article is about."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sitegen.places.gazetteer import Entry, Gazetteer, load_gazetteer, place_word_follows


@dataclass
class Places:
    districts: list[str] = field(default_factory=list)   # full names, in order of first mention
    places: list[str] = field(default_factory=list)      # gazetteer names of the places that led there


@dataclass
class Mention:
    start: int
    entry: Entry


def mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Place names in ``text``, longest match first (朝阳门 before 朝阳, 大兴庄 before 大兴)."""
    found = []
    i, n = 0, len(text)
    index, entries = gazetteer.by_first_char, gazetteer.entries
    while i < n:
        for name in index.get(text[i], ()):
            if text.startswith(name, i):
                entry = entries[name]
                if entry.needs_place_word and not place_word_follows(text, i + len(name)):
                    continue
                if entry.districts:
                    found.append(Mention(i, entry))
                i += len(name)
                break
        else:
            i += 1
    return found


def _lede(body: str) -> str:
    return body.strip().split("\n\n", 1)[0]


def find_places(title: str, body: str, subtitles=(), gazetteer: Gazetteer | None = None) -> Places:
    gazetteer = gazetteer or load_gazetteer()
    headline = "\n".join([title or "", *subtitles])
    lede = _lede(body)
    head_m = mentions(headline, gazetteer)
    lede_m = mentions(lede, gazetteer)
    all_m = head_m + mentions(body, gazetteer)

    count = Counter(d for m in all_m if len(m.entry.districts) == 1 for d in m.entry.districts)
    prominent = {d for m in head_m + lede_m if len(m.entry.districts) == 1 for d in m.entry.districts}

    def resolve(entry: Entry) -> str | None:
        if len(entry.districts) == 1:
            return entry.districts[0]
        # A name in two districts (八里庄) counts for the one the article names otherwise.
        known = [d for d in entry.districts if count[d]]
        return known[0] if len(known) == 1 else None

    for m in all_m:
        if len(m.entry.districts) > 1:
            d = resolve(m.entry)
            if d:
                count[d] += 1
                if m in head_m or any(m.entry is x.entry for x in lede_m):
                    prominent.add(d)

    chosen = {d for d in count if d in prominent or count[d] >= 2}
    districts: list[str] = []
    places: list[str] = []
    for m in all_m:
        d = resolve(m.entry)
        if d in chosen:
            if d not in districts:
                districts.append(d)
            if m.entry.place and m.entry.place not in places:
                places.append(m.entry.place)
    return Places(districts, places)
