"""Spaces the OCR put between CJK characters and after CJK punctuation.

Chinese has no spaces between words, so a space touching a CJK character or a full-width
punctuation mark is OCR noise (`各 项 要 求`, `近日， 陶然亭`). Spaces between Latin words
and numbers are real and stay. Headlines are the exception: there a space separates two
phrases (`沉心、沉身、沉力 坚决筑牢疫情防控基层防线`) and is kept as one space.
"""

from __future__ import annotations

import re

_SPACE = " \t\u3000\u00a0"


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F
        or 0xF900 <= o <= 0xFAFF or o == 0x3007
    )


def is_cjk_punct(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’…—·■□◆●▲★《》「」『』"


def _wide(ch: str) -> bool:
    return is_cjk(ch) or is_cjk_punct(ch)


_RUNS = re.compile(f"[{_SPACE}]+")


def clean_spacing(text: str) -> str:
    """Drop every space that touches a CJK character or full-width mark; squeeze the rest."""
    if not _RUNS.search(text):
        return text
    out = []
    pos = 0
    for m in _RUNS.finditer(text):
        out.append(text[pos:m.start()])
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before and after and not (_wide(before) or _wide(after)):
            out.append(" ")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _word_across(left: str, right: str) -> bool:
    """A dictionary word runs across the space (石景山区总 工会: 总工会): the OCR's space,
    since a phrase gap never falls inside a word."""
    from sitegen.blocks.cues.cohesion import word_across

    return word_across(left, right) is not None


def clean_headline_spacing(text: str) -> str:
    """Like clean_spacing, but a space between two runs of two or more CJK characters stays:
    in a headline it separates phrases (unless a word runs across it)."""
    text = text.strip(_SPACE)
    parts = [p for p in _RUNS.split(text) if p]
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        left, right = out, part
        keep_phrase_gap = (
            len(left) >= 2 and len(right) >= 2
            and is_cjk(left[-1]) and is_cjk(left[-2]) and is_cjk(right[0]) and is_cjk(right[1])
            and not _word_across(left, right)
        )
        digits = left[-1].isdigit() and right[0].isdigit()       # 46 0名: one number
        if keep_phrase_gap or not (_wide(left[-1]) or _wide(right[0]) or digits):
            out += " " + part
        else:
            out += part
    from sitegen.ocr.punctuation import full_width

    return full_width(out)
