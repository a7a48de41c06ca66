"""Cutting a page into article bodies.

A body runs from its start (a 本报讯 byline, a 上接 marker, an ad, or plain text after a
headline) to the next boundary: another start, a headline, a column header, a credit that
closes a photo, or a signature line. Headlines and furniture lines are collected apart with
their positions, for ``headlines`` to attach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sitegen.blocks import Line, LineKind, is_salutation, next_in_text, opens_lede
from sitegen.bylines import bracket_signature, credit_ending
from sitegen.blocks.lines import is_section_banner
from sitegen.blocks.cues.width import column_changes
from sitegen.ocr.wraps import sentence_closed
from sitegen.segmentation.wording import share


@dataclass
class Body:
    start: str                          # news | feature | continuation | ad | plain
    lines: list[Line] = field(default_factory=list)
    credits: list[Line] = field(default_factory=list)
    signature: Line | None = None       # an author line closing the body
    in_column: bool = False             # plain text under a column's banner: a column piece
    extra_sections: int = 0             # sections under subheads folded into this body
    first: int = 0                      # position of the first line on the page
    last: int = 0

    def add(self, line: Line, position: int) -> None:
        if not self.lines:
            self.first = position
        self.lines.append(line)
        self.last = position

    def byline_line(self) -> Line | None:
        """A feature's byline on a line of its own: its first line, or under the editor's
        note that opens it."""
        return next((ln for ln in self.lines[:8] if ln.kind == LineKind.BYLINE), None)


@dataclass
class HeadlineRun:
    """Headline lines printed one under the other; a kicker, title and subtitle may share one."""
    lines: list[Line]
    position: int


@dataclass
class Furniture:
    """A column header (■栏目) or an author line standing apart from any body."""
    line: Line
    position: int


@dataclass
class PageParts:
    bodies: list[Body]
    runs: list[HeadlineRun]
    columns: list[Furniture]
    authors: list[Furniture]
    page_furniture: list[Line] = field(default_factory=list)    # the page's header and footer lines


def cut_body(body: Body, k: int, positions: dict[int, int]) -> tuple[Body, Body]:
    """``body`` cut above its line ``k`` into the piece above, which keeps its opening, and
    plain text below, which keeps its credits and signature. ``positions`` gives each
    line's (by id) position on the page."""
    head_lines, tail_lines = body.lines[:k], body.lines[k:]
    return (replace(body, lines=head_lines, credits=[], signature=None,
                    last=positions.get(id(head_lines[-1]), body.first + k - 1)),
            replace(body, start="plain", lines=tail_lines, in_column=False, extra_sections=0,
                    first=positions.get(id(tail_lines[0]), body.first + k)))


_PLACING_A_NOTICE = re.compile(r"^\s*登\s*报")
_EDITORS_NOTE_OPENING = re.compile(r"^[【\[［〔(（]?编者按")
# A brief's opening that names its source: 记者近日从市总工会获悉，…
_HEARD_FROM = re.compile(r"^记者(?:近日|日前|昨天|昨日|今天|\d{1,2}日)?从.{2,24}?获悉")
# A business's name, as an advertisement prints it over its copy.
_ADVERTISER = re.compile(r"(?:有限公司|股份公司|公司|集团|商行|酒店|饭店|门店|工厂|[^工]厂|事务所)\s*$")
_CAPTION_OPENING = re.compile(r"^\s*(?:[（(]?\s*图\s*为|\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:[上下]午|晚)?\s*[，,]|"
                              r"(?:近日|日前|昨天|昨日|上周|本周|连日来|近期)\s*[，,])")


def opens_caption(line: Line) -> bool:
    """The line opens as a photo's caption does (图为…, 2月8日，…, 本周，…)."""
    return bool(_CAPTION_OPENING.match(line.text))


def _split_photo_caption(body: Body, only_if_opens_caption: bool = False) -> Body | None:
    """A photo caption printed straight under a report, a continued part or a column piece, closed by its
    credit: the caption is the text's last paragraph (a photo report is its
    caption; a report or a column does not end in a credit of its own). Returns the
    caption body, or None. ``only_if_opens_caption``: under a bare 摄 credit, which a
    report's own photo carries too, only a last paragraph that opens as captions do (图为…,
    10月4日，…, 记者近日从…获悉), or that is set at another column width than the text above,
    is a photo of its own."""
    if body.start not in ("news", "feature", "continuation") and not body.in_column:
        # Plain text too — a section under a subhead — when its last paragraph opens as a
        # caption does (1月16日，…): a photo printed under the section.
        only_if_opens_caption = True
    text_lines = [ln for ln in body.lines if ln.kind != LineKind.CREDIT]
    if body.start == "plain" and not body.in_column and text_lines and opens_caption(text_lines[0]):
        return None         # captions from the first line down: one photo report, its credit at the end
    for j in range(len(text_lines) - 1, 0, -1):
        line = text_lines[j]
        if line.gap_before > 0 and sentence_closed(text_lines[j - 1].text):
            if only_if_opens_caption and not opens_caption(line) \
                    and not _HEARD_FROM.match(line.compact) and not column_changes(text_lines[:j], text_lines, j):
                return None         # (a caption set at another width than the text above is the photo's)
            cut = body.lines.index(line)
            caption = Body("plain")
            for k, ln in enumerate(body.lines[cut:]):
                caption.add(ln, body.first + cut + k)
            caption.credits = body.credits
            body.lines = body.lines[:cut]
            body.credits = []
            body.last = body.first + cut - 1
            return caption
    return None


_PICTURE_SHOWS = re.compile(r"^\s*[（(]?\s*图\s*为")


def _take_advertiser(runs: list[HeadlineRun], ad: Body) -> None:
    """The advertiser's name printed over an advertisement's copy (北辰仪表有限公司) is the
    advertisement's, not a headline."""
    if runs and runs[-1].position + len(runs[-1].lines) == ad.first and len(runs[-1].lines) == 1 \
            and _ADVERTISER.search(runs[-1].lines[0].text) and ad.lines[0].gap_before <= 1:
        name = runs.pop()
        name.lines[0].kind = LineKind.BODY
        ad.lines.insert(0, name.lines[0])
        ad.first = name.position


def _opens_report_after(current: Body | None, line: Line) -> bool:
    """Does ``line`` open a paragraph like a report's first sentence (近日，/ 记者近日从…获悉),
    after a finished paragraph of a report or of plain text?"""
    return current is not None and bool(current.lines) and line.gap_before > 0 \
        and current.start in ("news", "plain", "feature") and sentence_closed(current.lines[-1].text) \
        and bool(opens_lede(line) or _HEARD_FROM.match(line.compact))


def _text_follows(lines: list[Line], pos: int) -> bool:
    following = next_in_text(lines, pos)
    return following is not None and lines[following].kind == LineKind.BODY


def split_page(lines: list[Line]) -> PageParts:
    bodies: list[Body] = []
    runs: list[HeadlineRun] = []
    columns: list[Furniture] = []
    authors: list[Furniture] = []
    current: Body | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.lines:
            bodies.append(current)
        current = None

    def plain() -> Body:
        # Text that starts after a column's banner, with no body between them.
        return Body("plain", in_column=bool(columns) and columns[-1].position > (bodies[-1].last if bodies else -1))

    page_furniture: list[Line] = []
    in_briefs = False
    for pos, line in enumerate(lines):
        kind = line.kind
        if kind == LineKind.FURNITURE:
            # Part of no article, and no boundary either: a page's foot can fall mid-report.
            page_furniture.append(line)
        elif kind == LineKind.HEADLINE:
            close()
            last = runs[-1] if runs else None
            if last and last.position + len(last.lines) == pos and line.gap_before == 0:
                last.lines.append(line)
            else:
                runs.append(HeadlineRun([line], pos))
        elif kind == LineKind.NOTE:
            # An editor's note opens the text under its headline, which the note is part of,
            # and goes on the feature whose byline line stands over it.
            if current is not None and current.start == "feature" and all(
                    ln.kind == LineKind.BYLINE for ln in current.lines):
                current.add(line, pos)
            else:
                close()
                current = plain()
                current.add(line, pos)
        elif kind == LineKind.NEWS_START and current is not None and current.lines \
                and current.lines[0].kind == LineKind.NOTE and current.start == "plain" \
                and _EDITORS_NOTE_OPENING.match(current.lines[0].compact):
            # The report an editor's note introduces: one article, the note at its head. A
            # column's opening words (开栏的话) introduce the column, not its first report.
            current.start = "news"
            current.add(line, pos)
        elif kind == LineKind.AD and line.extra.get("contact"):
            # An advertisement ends with its contact line; the copy over it (a headline-
            # shaped line or two, or text) is the advertisement's.
            if current is not None and current.start == "ad":
                current.add(line, pos)
            elif current is None and bodies and bodies[-1].start == "ad" and bodies[-1].last == pos - 1 \
                    and line.gap_before <= 1 and line.extra.get("address"):
                bodies[-1].add(line, pos)       # its address under its number: the same advertisement
                continue
            elif current is not None and current.start == "plain" and current.lines and line.gap_before <= 1 \
                    and len(current.lines) <= 8 and not current.credits and current.signature is None \
                    and not sentence_closed(current.lines[-1].text):
                # Copy that ends in no sentence (诚聘 / 客服专员若干名) over the contact line is
                # the advertisement's; a brief giving its hotline has ended its sentence.
                current.start = "ad"
                _take_advertiser(runs, current)
                current.add(line, pos)
            else:
                close()
                current = Body("ad")
                # The paper's own number for placing a notice (登报热线) heads its classifieds
                # and has no copy of its own: a headline over it is another piece's.
                if runs and runs[-1].position + len(runs[-1].lines) == pos and line.gap_before <= 1 \
                        and not _PLACING_A_NOTICE.match(line.text):
                    copy = runs.pop()
                    for k, ln in enumerate(copy.lines):
                        ln.kind = LineKind.BODY
                        current.add(ln, copy.position + k)
                    _take_advertiser(runs, current)
                current.add(line, pos)
            close()
        elif kind in (LineKind.NEWS_START, LineKind.CONTINUED_FROM, LineKind.AD):
            close()
            current = Body({LineKind.NEWS_START: "news", LineKind.CONTINUED_FROM: "continuation",
                            LineKind.AD: "ad"}[kind])
            current.add(line, pos)
        elif kind == LineKind.BYLINE and current is not None and current.start == "plain" and current.lines \
                and current.lines[0].kind == LineKind.NOTE and _EDITORS_NOTE_OPENING.match(current.lines[0].compact) \
                and _text_follows(lines, pos):
            # The byline under an editor's note (编者按：… / 本报记者 X) opens the feature the
            # note introduces: one article, the note at its head. A column's opening words
            # (开栏语) introduce the column, not its first piece, and stand apart.
            current.start = "feature"
            current.add(line, pos)
        elif kind == LineKind.BYLINE and (current is None or not current.lines or _text_follows(lines, pos)):
            # A byline on its own line opens the feature under it…
            close()
            current = Body("feature", in_column=plain().in_column)
            current.add(line, pos)
        elif kind == LineKind.BYLINE:
            # …or, with no text under it, signs the text above.
            current.add(line, pos)
            current.signature = line
            close()
        elif kind == LineKind.COLUMN:
            close()
            columns.append(Furniture(line, pos))
            in_briefs = is_section_banner(line.display)
        elif kind == LineKind.AUTHOR:
            if current is not None and current.lines and current.start != "ad" and line.gap_before <= 1 \
                    and not (line.gap_before and _heads_stacked_piece(lines, pos)):
                current.add(line, pos)
                current.signature = line
                close()
            else:
                authors.append(Furniture(line, pos))
        elif kind == LineKind.CREDIT:
            if current is None:
                current = plain()
            current.add(line, pos)
            current.credits.append(line)
            ending = credit_ending(line.text)
            if ending:
                caption = _split_photo_caption(current, only_if_opens_caption=ending != "摄影报道")
                if caption is not None:
                    bodies.append(current)
                    current = caption
                close()
        else:
            if current is None and line.extra.get("continued_to") and bodies and bodies[-1].last == pos - 1 \
                    and bodies[-1].start != "ad":
                # A report closed by its photo's credit or its signature (…受益。（张亚楠 摄） /
                # （下转第4版）) still goes on on another page: the jump line is its, not a piece.
                bodies[-1].add(line, pos)
                continue
            if current is None and bodies and bodies[-1].last == pos - 1 \
                    and all(ln.kind == LineKind.CREDIT for ln in bodies[-1].lines) \
                    and (_PICTURE_SHOWS.match(line.text) or credit_ending(bodies[-1].lines[-1].text) == "摄影报道"
                         or line.gap_before == 0):
                # A caption printed under its photo's credit: 图为… is what the picture shows,
                # a photo report (摄影报道) is nothing but its caption, and text set straight
                # under the credit is the caption too.
                current = bodies.pop()
            if current is not None and current.start == "ad" and line.gap_before > 0 and len(current.lines) == 1 \
                    and current.lines[0].compact == "广告":
                # A bare 广告 label marks an advertisement printed as a picture: text set
                # apart under it is another piece's.
                close()
            if current is not None and current.start == "ad" and line.gap_before > 0 and current.lines \
                    and current.lines[0].extra.get("one_notice") and sentence_closed(current.lines[-1].text):
                # A classified notice under its heading ends with its last sentence (…声明作废。).
                close()
            if _opens_report_after(current, line) and (
                    (in_briefs and current.start != "feature") or column_changes(current.lines, lines, pos)):
                # A paragraph opening like a report's first sentence (连日来，/ 记者近日从…获悉)
                # after a finished one is the next piece under a section's banner (工会动态,
                # 简讯: each brief a paragraph or two), and anywhere when it is set at
                # another column width: an article keeps its column's width.
                close()
            if current is not None and current.lines and current.start != "ad" and line.gap_before > 0 \
                    and sentence_closed(current.lines[-1].text) and is_salutation(line):
                # A letter's salutation on its own line (尊敬的编辑：) after a finished
                # paragraph opens the letter, a piece of its own, whose title may follow it.
                close()
            if current is not None and current.lines and current.start != "ad" and not current.credits \
                    and bracket_signature(current.lines[-1].text):
                # A brief signed in brackets after its last sentence (…凝聚力。（宋萍莹）) has
                # ended: text under it is the next brief's, whose headline may stand apart.
                close()
            if current is None:
                current = plain()
            current.add(line, pos)
            if line.extra.get("continued_to"):
                close()              # (下转第2版): the rest is on another page
    close()
    return PageParts(bodies, runs, columns, authors, page_furniture)


def _heads_stacked_piece(lines: list[Line], pos: int) -> bool:
    """A writer's line set tight over a headline set tight over text (■邱嘉怡 / 父亲的工具箱 /
    工友们…) opens that piece: a signature stands apart from what follows it."""
    return pos + 2 < len(lines) and lines[pos + 1].kind == LineKind.HEADLINE and lines[pos + 1].gap_before == 0 \
        and lines[pos + 2].kind == LineKind.BODY and lines[pos + 2].gap_before == 0


SUMS_UP = 0.5       # of a line's character pairs found in the opening of the text above


def mend_broken_paragraphs(parts: PageParts, width: int | None) -> None:
    """Undo a false headline: a paragraph's first line, cut off by a column break, looks like
    a headline standing between a finished body and untitled plain text. When that text has
    nothing of its own (no credit, no signature, no author line or column header near it),
    the line and the text are the rest of the body before them."""
    if width is None:
        return
    furniture = {f.position for f in parts.columns} | {f.position for f in parts.authors}
    for run in list(parts.runs):
        if len(run.lines) != 1 or run.lines[0].doubled:
            continue
        line = run.lines[0]
        if abs(len(line.compact) - width) > 2:
            continue
        before = [b for b in parts.bodies if b.last == run.position - 1]
        after = [b for b in parts.bodies if b.first == run.position + 1]
        if not before or not after:
            continue
        prev, nxt = before[0], after[0]
        if nxt.start != "plain" or nxt.credits or nxt.signature or prev.start == "ad" or opens_lede(nxt.lines[0]) \
                or prev.signature is not None or (prev.credits and prev.start != "news") \
                or not sentence_closed(prev.lines[-1].text) \
                or any(prev.first <= p <= nxt.last for p in furniture) \
                or column_changes(prev.lines, nxt.lines, 0) \
                or share(line.compact, "".join(ln.compact for ln in prev.lines[:8])) >= SUMS_UP \
                or any(ln.extra.get("sign_off") or ln.extra.get("list_item") for ln in nxt.lines):
            # A notice under the line (its list of names, its issuer's sign-off) owns it as
            # its title. Text set at another width under the line is another piece: the line is its
            # headline, not the first line of a paragraph of the text above. A line that
            # sums up the opening of the text above (怀柔区总工会助力疫情防控 under 本报讯…
            # 怀柔区总工会…疫情防控…) is that text's headline, read after it.
            continue
        line.kind = LineKind.BODY
        prev.add(line, run.position)
        for k, ln in enumerate(nxt.lines):
            prev.add(ln, nxt.first + k)
        prev.credits += nxt.credits
        parts.runs.remove(run)
        parts.bodies.remove(nxt)


def join_bylines_over_headlines(parts: PageParts) -> None:
    """A byline printed over its piece's headline (■栏目 / 文/图 张三 / 母亲的缝纫机 /
    text…) opens nothing by itself: with the headline straight under it and text straight
    under the headline, it is the byline of that text, which is a feature."""
    run_at = {run.position: run for run in parts.runs}
    starts = {b.first: b for b in parts.bodies}
    for byline in list(parts.bodies):
        if byline.start != "feature" or len(byline.lines) > 2 \
                or not all(ln.kind == LineKind.BYLINE for ln in byline.lines):
            continue
        run = run_at.get(byline.last + 1)
        nxt = starts.get(run.position + len(run.lines)) if run is not None else None
        if nxt is None or nxt.start != "plain" or nxt.lines[0].gap_before > 1:
            continue
        nxt.lines[:0] = byline.lines        # its position stays the text's: the headline stands over the text
        nxt.start = "feature"
        parts.bodies.remove(byline)
