"""Finding the places an article is about."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sitegen.places.gazetteer import _SPACES, Entry, Gazetteer, load_gazetteer


@dataclass
class Places:
    districts: list[str] = field(default_factory=list)   # full names, in order of first mention
    places: list[str] = field(default_factory=list)      # gazetteer names of the places that led there


@dataclass
class Mention:
    start: int
    entry: Entry


def mentions(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Place names in ``text`` (townships, districts and landmarks), longest match first
    (朝阳门 before 朝阳, 天坛医院 before 天坛). Names that are no place (朝阳群众, the 中关村
    zone) are matched but not returned."""
    gazetteer = gazetteer or load_gazetteer()
    entries = gazetteer.entries
    found = []
    for m in gazetteer.pattern.finditer(_SPACES.sub("", text)):
        entry = entries[m.group()]
        if entry.districts:
            found.append(Mention(m.start(), entry))
    return found


_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


_SENTENCE = re.compile(r"[。！？!?…]")


def _lede(body: str) -> str:
    """The first paragraph of text (paragraphs are separated by blank lines), with what
    stands before it and says no sentence — a byline line, a (上接…) marker, a diary's
    date — counted in."""
    paragraphs = _BLANK_LINE.split(body.strip())
    for k, paragraph in enumerate(paragraphs[:4]):
        if _SENTENCE.search(paragraph):
            return "\n\n".join(paragraphs[:k + 1])
    return paragraphs[0]


def find_places(title: str, body: str, subtitles=(), gazetteer: Gazetteer | None = None) -> Places:
    """The districts an article is about, and the places that put it there.

    A district counts when one of its places is in a headline line or in the lede (first
    paragraph), or when the article names it (its places added up) at least twice. A name
    that is in two districts (八里庄) goes to the one the article otherwise names, else
    nowhere.
    """
    gazetteer = gazetteer or load_gazetteer()
    head = mentions("\n".join([title or "", *subtitles]), gazetteer)
    body = body.strip()
    lede = _lede(body)
    lede_end = len(_SPACES.sub("", lede))
    in_body = mentions(body, gazetteer)
    prominent_mentions = head + [m for m in in_body if m.start < lede_end]
    every = head + in_body

    count = Counter(m.entry.districts[0] for m in every if len(m.entry.districts) == 1)

    def resolve(entry: Entry) -> str | None:
        if len(entry.districts) == 1:
            return entry.districts[0]
        named = [d for d in entry.districts if count[d]]
        return named[0] if len(named) == 1 else None

    resolved = [(m, resolve(m.entry)) for m in every]
    for m, d in resolved:
        if d and len(m.entry.districts) > 1:
            count[d] += 1
    prominent = {resolve(m.entry) for m in prominent_mentions} - {None}
    chosen = {d for d in count if d in prominent or count[d] >= 2}

    districts: list[str] = []
    places: list[str] = []
    for m, d in resolved:
        if d in chosen:
            if d not in districts:
                districts.append(d)
            place = m.entry.place_in(d)
            if place and place not in places:
                places.append(place)
    return Places(districts, places)
