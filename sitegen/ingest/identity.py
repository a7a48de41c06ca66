"""Which article is which from one ingest to the next: ids that survive edits.

An article's id is its URL, so it must outlive changes to the page it came from: an OCR
fix, an editor's correction of the page file, a new segmenter cutting the page a little
differently. Two rules give that:

* **A new article's id** is the issue date and a short hash of the page's path (in the
  pages folder) and of the article's own opening text (letters and digits only, NFKC, lower
  case; the headline when there is no body): never the page's whole text, so editing one
  article changes no other article's id.
* **A known article keeps its id.** Ingest remembers, for every article a page yielded, a
  *fingerprint* of its text: how many distinct character trigrams it has and a bottom-k
  sketch of them (the ``SKETCH`` trigrams with the smallest hashes, a uniform sample of the
  set). On the next ingest each article the page now yields is compared with the ones it
  yielded before: the share of an old sketch found among a new article's trigrams
  estimates how much of the old text the new article holds, and from the sizes, how much
  the two have in common: ``overlap = |old ∩ new| / max(|old|, |new|)``. Pairs are matched
  one to one, best first, when their overlap is at least ``MATCH``; a matched article takes
  the old id whatever its text, position or date now (the date in an id is the one it was
  first given: a name, not data; the file moves to its new month). Articles the page
  yielded earlier and that went away are tried next (``gone``), so a segmentation that
  comes back gives the old URLs back too. Only what is left gets a new id; one opening
  like an old article of the page that nothing matched is named as that one was.

An old article matched by nothing *went away*: its successor is the new article holding
the largest share of its text, when that is at least ``SUCCESSOR`` (the site sends its old
URL there; with no successor, to its issue's page).

Pure: the store keeps the fingerprints in the ingest state and decides what to write.
"""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from dataclasses import dataclass, field

SKETCH = 32          # trigram hashes kept per article (32 × 8 hex digits in the state)
OPENING = 32         # characters of the normalised opening that name a new article
MATCH = 0.5          # least overlap for a new article to be an old one
SUCCESSOR = 0.4      # least share of a went-away article's text its successor must hold


def normalise(text: str) -> str:
    """Letters and digits only, NFKC, lower case: what survives re-typesetting and OCR noise."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())


def _grams(text: str) -> set[int]:
    """Hashes of the distinct character trigrams (a short text is one gram of itself)."""
    if len(text) < 3:
        return {zlib.crc32(text.encode("utf-8"))}
    return {zlib.crc32(g.encode("utf-8")) for g in {text[i:i + 3] for i in range(len(text) - 2)}}


def article_text(title: str | None, subtitles, body: str) -> str:
    return normalise("".join([title or "", *subtitles, body]))


@dataclass(frozen=True)
class Fingerprint:
    size: int                 # distinct trigrams of the article's text
    sketch: tuple[int, ...]   # the SKETCH smallest of their hashes

    @classmethod
    def of(cls, grams: set[int]) -> "Fingerprint":
        return cls(len(grams), tuple(sorted(grams)[:SKETCH]))

    def to_json(self) -> dict:
        return {"size": self.size, "sketch": "".join(f"{h:08x}" for h in self.sketch)}

    @classmethod
    def from_json(cls, data) -> "Fingerprint | None":
        try:
            hexes = data["sketch"]
            return cls(int(data["size"]), tuple(int(hexes[i:i + 8], 16) for i in range(0, len(hexes), 8)))
        except (KeyError, TypeError, ValueError):
            return None


def fingerprint(title: str | None, subtitles, body: str) -> Fingerprint:
    return Fingerprint.of(_grams(article_text(title, subtitles, body)))


def _share(old: Fingerprint, grams: set[int]) -> float:
    """How much of the old article's text the new one holds (estimated from the sketch)."""
    if not old.sketch:
        return 0.0
    return sum(1 for h in old.sketch if h in grams) / len(old.sketch)


def _overlap(old: Fingerprint, grams: set[int]) -> float:
    common = _share(old, grams) * old.size
    return common / max(old.size, len(grams), 1)


def fresh_id(relpath: str, date: str | None, title: str | None, body: str, taken: set[str]) -> str:
    """A new article's id: the issue date, then a hash of the page's path and the article's
    opening (a number added when that is taken already: two ads of the same text)."""
    opening = normalise(body)[:OPENING] or normalise(title or "")[:OPENING]
    prefix = date.replace("-", "") if date else "nodate"
    n = 0
    while True:
        digest = hashlib.sha1(f"{relpath}\n{opening}\n{n}".encode("utf-8")).hexdigest()[:8]
        ident = f"{prefix}-{digest}"
        if ident not in taken:
            taken.add(ident)
            return ident
        n += 1


@dataclass
class Identities:
    ids: list[str]                                   # one per article, in page order
    fingerprints: list[Fingerprint]
    went_away: dict[str, str | None] = field(default_factory=dict)   # old id → successor id (or None)


def _match(pairs: list[tuple[float, int, int]], free_new: set[int], olds: list[str], out: dict[int, str]) -> None:
    for score, n, o in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if score >= MATCH and n in free_new and olds[o] is not None:
            out[n] = olds[o]
            free_new.discard(n)
            olds[o] = None           # taken


def identify(relpath: str, date: str | None, texts: list[tuple[str | None, list[str], str]],
             previous: dict[str, Fingerprint | None], gone: dict[str, Fingerprint | None] | None = None,
             reserved: set[str] = frozenset(), pins: list[str | None] | None = None,
             prefer: dict[str, Fingerprint | None] | None = None) -> Identities:
    """Ids for a page's articles (``texts``: title, subtitles, body of each, in page order),
    given the fingerprints of the articles it yielded last time (``previous``, id →
    fingerprint, in page order) and of those that went away before (``gone``). ``reserved``
    are ids no new article may take (other pages'). ``pins`` (one per article, or None)
    are ids an editor's record gives articles outright; ``prefer`` is a pool of
    fingerprints tried before ``previous`` (an undone correction: the ids the page had
    before it)."""
    grams = [_grams(article_text(*t)) for t in texts]
    prints = [Fingerprint.of(g) for g in grams]
    assigned: dict[int, str] = {n: p for n, p in enumerate(pins or []) if p}
    pinned = set(assigned.values())
    free = set(range(len(texts))) - set(assigned)
    matched = set(pinned)
    for pool in (prefer or {}, previous, gone or {}):
        pool = {i: fp for i, fp in pool.items() if i not in matched}
        olds = list(pool)
        pairs = [(_overlap(fp, grams[n]), n, o) for o, fp in enumerate(pool.values()) if fp
                 for n in sorted(free)]
        _match(pairs, free, olds, assigned)
        matched = set(assigned.values())
    # What is left gets a new id; one that opens like an old article of this page that was
    # matched by nothing gets that article's id again.
    taken = set(assigned.values()) | set(reserved)
    for n in range(len(texts)):
        if n not in assigned:
            title, _, body = texts[n]
            assigned[n] = fresh_id(relpath, date, title, body, taken)
    ids = [assigned[n] for n in range(len(texts))]
    now = set(ids)
    went_away = {}
    for old, fp in previous.items():
        if old in now:
            continue
        best, share = None, 0.0
        if fp:
            for n, g in enumerate(grams):
                s = _share(fp, g)
                if s > share:
                    best, share = ids[n], s
        went_away[old] = best if share >= SUCCESSOR else None
    return Identities(ids, prints, went_away)
