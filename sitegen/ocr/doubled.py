"""Doubled headline type: OCR reads large bold characters twice (`工工会会送送来来`).

A line is doubled when it is made of three or more pairs of the same character. Real
reduplication (天天, 谢谢, 常常, 人人) appears inside ordinary text, never as a whole line of
pairs, so requiring every pair of the line to repeat keeps it safe.
"""

from __future__ import annotations

MIN_PAIRS = 3


def _pairs_doubled(text: str) -> bool:
    return len(text) % 2 == 0 and all(text[i] == text[i + 1] for i in range(0, len(text), 2))


def undouble(line: str, min_pairs: int = MIN_PAIRS) -> str | None:
    """The line with its doubled characters undone, or None when the line is not doubled.
    ``min_pairs`` is lower for a line known to follow doubled type."""
    compact = "".join(line.split())
    if len(compact) < 2 * min_pairs or not _pairs_doubled(compact):
        return None
    if len(set(compact)) < 2:
        return None
    return compact[::2]


def split_doubled_prefix(line: str, min_pairs: int = MIN_PAIRS) -> tuple[str, str] | None:
    """A doubled headline followed by other text on the same OCR line
    (`矿矿泉泉水水 本报讯 （记者 盛丽）…`): returns (doubled part, rest), else None.
    ``min_pairs`` is lower for a line straight under doubled type."""
    stripped = line.strip()
    head, sep, rest = stripped.partition(" ")
    while sep:
        if undouble(head, min_pairs) is not None and rest.strip():
            return head, rest.strip()
        more_head, sep, rest = rest.partition(" ")
        head = f"{head} {more_head}"
        if len(head) > 60:
            break
    return None
