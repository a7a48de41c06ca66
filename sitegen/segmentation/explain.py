"""What decided a page's cut, in words: ``sitegen ingest --explain PAGE`` prints it.

Three parts, in the order the segmenter decides them: what each line is (and, for each
line that could have been a headline, the cues weighed for and against); where the
bodies start and end; which headline went to which body, with the terms of its score
and the runner-up it beat.
"""

from __future__ import annotations

from sitegen.blocks import Line
from sitegen.segmentation.bodies import Body, HeadlineRun, PageParts
from sitegen.segmentation.headlines import headline_texts

_OPENS = {"news": "a report's opening (讯/电)", "feature": "a byline line", "continuation": "a 上接 marker",
          "ad": "an advertisement", "plain": "plain text after a headline or a closed piece",
          "photos": "a row of photo captions (headline-shaped lines fitting no body) beside their title"}


def _short(text: str, n: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= n else text[: n - 1] + "…"


def _line_row(line: Line) -> str:
    decision = line.extra.get("decision")
    row = f"  {line.number:4d}  {line.kind.value:<14} {_short(line.text)}"
    if decision is not None:
        row += f"\n{'':22}{decision.explain()}"
    return row


def _run_text(run: HeadlineRun) -> str:
    return " / ".join(headline_texts(run))


def explain_page(lines: list[Line], parts: PageParts, attached: dict[int, list[HeadlineRun]],
                 scores: dict, photos: dict[int, int], subheads=()) -> list[str]:
    out = ["lines (line number, what it is, text; for possible headlines, the cues weighed):"]
    out += [_line_row(line) for line in lines]

    out.append("bodies (where each starts, and why):")
    bodies: list[Body] = parts.bodies
    for i, body in enumerate(bodies):
        first, last = body.lines[0].number, body.lines[-1].number
        why = _OPENS.get(body.start, body.start)
        if body.in_column:
            why += ", under a column's banner"
        end = " closed by its credit" if body.credits else " closed by its signature" if body.signature else ""
        into = f"; the photo of body {photos[i] + 1}" if i in photos else ""
        if body.lines[0].extra.get("cut_under_title"):
            why += ", cut from the piece above for the headline left over under it"
        if body.lines[0].extra.get("cut_between_headlines"):
            why += ", cut from the piece above: two headlines each keep to their own part of it"
        out.append(f"  body {i + 1}: lines {first}-{last}, opens with {why}{end}{into}: {_short(body.lines[0].text)}")

    for sub in subheads:
        weighed = "; ".join(map(str, sub.evidence))
        if sub.folded:
            # The body that holds the subhead now: a body two headlines shared was cut in two since.
            holder = next((i for i, b in enumerate(bodies) if any(ln.number == sub.line_number for ln in b.lines)), None)
            inside = f"inside body {holder + 1}" if holder is not None else "folded, then left out of every body"
            out.append(f"  line {sub.line_number}: subhead {sub.text!r} {inside} ({weighed})")
        else:
            out.append(f"  line {sub.line_number}: {sub.text!r} weighed as a subhead and left a headline ({weighed})")

    out.append("headlines (each run, the body it went to, and its score's terms; the runner-up):")
    owner = {id(run): i for i, runs in attached.items() for run in runs}
    for k, run in enumerate(parts.runs):
        ranked = sorted(((score, i) for (kk, i), score in _totals(scores).items() if kk == k), reverse=True)
        where = f"line {run.lines[0].number}"
        if id(run) in owner:
            i = owner[id(run)]
            terms = ", ".join(name if value is None else f"{name} {value:+.2f}"
                              for name, value in scores.get((k, i), {}).items() if value is None or value)
            total = next((s for s, j in ranked if j == i), 0.0)
            rival = next(((s, j) for s, j in ranked if j != i), None)
            beat = f"; next best body {rival[1] + 1} at {rival[0]:.2f}" if rival else ""
            out.append(f"  {where} {_run_text(run)!r} → body {i + 1} ({total:.2f}: {terms}){beat}")
        else:
            best = f"; best fit body {ranked[0][1] + 1} at {ranked[0][0]:.2f}, too weak or taken" if ranked else ""
            out.append(f"  {where} {_run_text(run)!r} → no body: residue{best}")
    for item in parts.columns:
        out.append(f"  line {item.line.number} banner {_short(item.line.display)!r} (column header)")
    return out


def _totals(scores: dict) -> dict:
    return {key: sum(v for v in terms.values() if v is not None) for key, terms in scores.items()}


__all__ = ["explain_page"]
