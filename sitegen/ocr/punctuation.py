"""Half-width punctuation the OCR read in Chinese text (`本报讯(记者白莹)日前,`): the paper
prints the full-width forms (`本报讯（记者白莹）日前，`). A mark touching a Chinese
character becomes full-width; between Latin letters and digits it stays (`1,000`, `5:30`,
`COVID-19`)."""

from __future__ import annotations

import re

from sitegen.ocr.spacing import is_cjk

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_MARKS = re.compile(r"[,;:?!]")
_BRACKETS = re.compile(r"\(([^()]*)\)")


def _wide(ch: str) -> bool:
    # "" where the mark begins or ends the text: nothing there to make it wide.
    return bool(ch) and (is_cjk(ch) or ch in "“”‘’《》「」『』（）【】、。，；：？！…—")


def full_width(text: str) -> str:
    """``text`` with its half-width marks made full-width where they touch Chinese."""
    if not text.isascii() and (_MARKS.search(text) or "(" in text):
        def mark(m: re.Match) -> str:
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                return m.group()            # 1,000 · 5:30 · a:b
            return _FULL[m.group()] if _wide(before) or _wide(after) else m.group()

        text = _MARKS.sub(mark, text)
        text = _BRACKETS.sub(lambda m: f"（{m.group(1)}）" if any(is_cjk(c) for c in m.group(1)) else m.group(), text)
    return text
