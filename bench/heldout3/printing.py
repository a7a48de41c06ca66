"""Printing stories as OCR text, the way the seeds read: narrow column lines broken mid-word,
blank lines at column breaks, headlines before, after or far from their bodies, doubled
large type, spaced-out justified lines; or (the other OCR engine) whole paragraphs with
half-width punctuation. Every line keeps its owner so the gold spans are exact."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from heldout3.stories import Story

CLOSERS = set("，。、；：！？”）》」,.;:!?)")
HALF = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "！": "!", "？": "?"})
STRAYS = ["丨", "■", "一", "'", "、", "·", "l", "口"]


@dataclass
class Line:
    text: str
    owner: int | None = None   # story index on the page, None for furniture
    body: bool = False
    join: bool = False         # the OCR ran this line into the next one (a space, no line end)


class Printer:
    def __init__(self, rng: random.Random, mode: str):
        self.r = rng
        self.mode = mode          # "column" or "paragraph"

    # --- headline-ish lines ------------------------------------------------------------
    def head_line(self, text: str, owner: int) -> Line:
        lead = " " if self.mode == "column" and self.r.random() < 0.2 else ""
        return Line(lead + text, owner)

    def doubled(self, text: str, owner: int | None) -> list[Line]:
        """Large type read twice per character, often broken over two lines."""
        dd = "".join(c * 2 for c in text if not c.isspace())
        if len(text) > 5 and self.r.random() < 0.7:
            k = self.r.randint(2, len(text) - 2) * 2
            return [Line(dd[:k], owner), Line(dd[k:], owner)]
        return [Line(dd, owner)]

    def banner(self, text: str, owner: int | None = None) -> list[Line]:
        if self.mode == "column" and self.r.random() < 0.3:
            return self.doubled(text, owner)
        return [Line(self.pick([" ■", "■", "■ ", ""]) + text, owner)]

    def pick(self, seq):
        return self.r.choice(seq)

    # --- body ----------------------------------------------------------------------------
    def spaced(self, text: str, p: float) -> str:
        """The column engine's spaces: after punctuation, around a byline's brackets."""
        out = []
        for i, c in enumerate(text):
            out.append(c)
            if c in "，。、；：" and self.r.random() < p:
                out.append(" ")
            elif c in "“《（" and i and self.r.random() < p / 3:
                out.insert(-1, " ")
        return "".join(out)

    def wrap(self, text: str, width: int) -> list[str]:
        """Column lines of ``width`` full-width characters; half-width ones take half a
        place and a run of digits or letters is never broken (the seeds' "2020\n年")."""
        tokens = re.findall(r"[0-9A-Za-z.%:]+|.", text)
        lines, cur, n = [], "", 0.0
        for t in tokens:
            w = 0 if t == " " else len(t) / 2 if t.isascii() else 1
            if n + w > width and cur.strip() and t not in CLOSERS and t != " ":
                lines.append(cur)
                cur, n = "", 0.0
            cur += t
            n += w
        if cur.strip():
            lines.append(cur)
        return lines

    def body_lines(self, st: Story, owner: int) -> list[Line]:
        r = self.r
        out: list[Line] = []
        paras = list(st.paras) + list(st.box)
        tails = list(st.tail_lines)
        if self.mode == "paragraph":
            inline = tails and r.random() < 0.5
            if inline:
                paras[-1] = paras[-1] + tails.pop(0)
            loose = r.random() < 0.5       # a poem's lines read as paragraphs, or as lines
            for i, p in enumerate(paras):
                if p.startswith("\t") or (st.verse and not loose):
                    out.append(Line(p.lstrip("\t"), owner, True))
                    continue
                p = re.sub(r"(本报讯) ?（", r"\1（", p)
                p = re.sub(r"(记者|通讯员) ", r"\1", p)
                p = re.sub(r"^(本报讯（[^）]*）) ", r"\1", p)
                p = p.translate(HALF)
                if not st.verse and len(p) > 120 and r.random() < 0.35:   # a column break mid-paragraph
                    k = r.randint(40, len(p) - 20)
                    out += [Line(p[:k], owner, True), Line("", owner, True), Line(p[k:], owner, True)]
                else:
                    out.append(Line(p, owner, True))
                if i < len(paras) - 1 or tails:
                    out.append(Line("", owner, True))
            for t in tails:
                out.append(Line(t.translate(HALF), owner, True))
            return out
        width = st.wide and r.randint(28, 34) or r.choice([11, 12, 12, 13, 13, 13, 14, 14, 15, 16])
        p_space = r.choice([0.0, 0.15, 0.4, 0.6])
        if tails and not st.verse and r.random() < 0.4:
            paras[-1] = paras[-1] + " " + tails.pop(0)
        for i, p in enumerate(paras):
            if st.verse or p.startswith("\t"):
                out.append(Line(p.lstrip("\t"), owner, True))
                continue
            if p.startswith("本报讯"):
                p = re.sub(r"）\s*", self.pick(["）", "） ", " ）", " ） "]), p, count=1)
                if r.random() < 0.06:     # seed 3: "（记 者 白 莹 ）"
                    p = re.sub(r"（([^）]*)）", lambda mm: "（" + " ".join(mm.group(1).replace(" ", "")) + " ）", p, count=1)
            for ln in self.wrap(self.spaced(p, p_space), width):
                roll = r.random()
                if roll < 0.02:
                    ln = " ".join(ln.replace(" ", ""))
                elif roll < 0.025:
                    out.append(Line(ln, owner, True))        # a line read twice
                elif roll < 0.03:
                    ln = ln + self.pick(STRAYS) if r.random() < 0.5 else self.pick(STRAYS) + ln
                out.append(Line(ln, owner, True))
                if r.random() < 1 / 24:
                    out.append(Line("", owner, True))        # a column break
            if i < len(paras) - 1:
                out.append(Line("", owner, True))
        for t in tails:
            out.append(Line(t, owner, True))
        # a body is its printed lines from first to last: blank lines at its edges are not
        while out and not out[-1].text.strip():
            out.pop()
        return out


def flatten(lines: list[Line]) -> str:
    out = []
    for ln in lines:
        out.append(ln.text + (" " if ln.join else "\n"))
    return "".join(out)


_WS = re.compile(r"\s+")


def spans(lines: list[Line]) -> tuple[str, dict[int, tuple[int, int]]]:
    """The page with whitespace removed, and each owner's body span in it."""
    flat, where = [], {}
    pos = 0
    for ln in lines:
        t = _WS.sub("", ln.text)
        if ln.body and ln.owner is not None and t:
            s, e = where.get(ln.owner, (pos, pos))
            where[ln.owner] = (min(s, pos), pos + len(t))
        flat.append(t)
        pos += len(t)
    return "".join(flat), where
