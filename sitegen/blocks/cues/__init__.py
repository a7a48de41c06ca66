"""Cues: each module is one idea about whether a line of a page is a headline.

A cue looks at one line in its place on the page (a ``Where``) and returns ``Evidence``:
a weight (for a headline when positive, against when negative) and the reason in words,
or None when it has nothing to say. No cue decides alone; ``blocks.headline_decision``
weighs them all in one place, and ``sitegen ingest --explain`` prints what it weighed.

- ``shape``: does the line read like a headline (short, no sentence punctuation)?
- ``continuity``: is a sentence left open above it, or does the next line go on with it?
- ``width``: does it fill the column like a wrapped paragraph line?
- ``cohesion``: does a word run across its end into the next line (a column edge cut it)?
- ``openings``: does it stand where headlines stand (over a byline, under a banner, over a lede)?
"""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.blocks.line import Line


@dataclass(frozen=True)
class Evidence:
    cue: str
    weight: float
    why: str

    def __str__(self) -> str:
        return f"{self.cue} {self.weight:+g}: {self.why}"


@dataclass
class Where:
    """One line in its place: the lines around it and what the page is laid out in."""
    lines: list[Line]
    i: int
    width: int | None                # the column width around this line (None: one paragraph per line)
    open_sentence: bool              # the text above ends mid-sentence
    prev: Line | None
    nxt: Line | None                 # the next line of text (page furniture passed over)
    j: int | None                    # its index
    under_banner: bool               # straight under a column's banner (and its writer's line)
    over_byline: bool                # straight over a report's opening or a byline line

    @property
    def line(self) -> Line:
        return self.lines[self.i]
