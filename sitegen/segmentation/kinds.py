"""What sort of article a body is, from how the page printed it."""

from __future__ import annotations

import re

from sitegen.blocks import LineKind
from sitegen.bylines import credit_ending, parse_credit
from sitegen.segmentation.bodies import Body

CAPTION_MAX = 300        # characters: a photo's caption is a paragraph or two
_COLUMN_OPENER = re.compile(r"^[【\[［〔(（]?(开栏(?:语|的话))")


def article_kind(body: Body, signed: bool, titled: bool = True, opens_page: bool = False,
                 doubled_title: bool = False) -> str:
    """news (本报讯 report, or a feature under its reporters' byline), photo (caption with
    摄影报道 credit), column (signed piece), continuation (上接 fragment), or ad.

    Plain text with none of these marks is news when it has a headline; without one, at
    the top of the page it is the rest of an article from another page whose 上接 marker
    the OCR lost (continuation), elsewhere an untitled piece of news. ``doubled_title``: its
    headline is set in the type the OCR reads doubled."""
    if body.start in ("continuation", "ad"):
        return body.start
    if body.start == "news":
        return "news"
    if body.start == "photos":
        return "photo"
    if column_opener(body):
        return "column"         # 开栏的话: the column's own words, opening it
    reported = body.start == "feature" or (body.signature is not None and body.signature.kind == LineKind.BYLINE) \
        or _credits_a_writer(body)
    if reported and not body.in_column:
        return "news"
    if any(credit_ending(c.text) == "摄影报道" for c in body.credits) or (body.credits and body.lines[0] is body.credits[0]):
        return "photo"          # a photo report, or a photo whose credit stands over its caption
    if signed:
        return "column"
    if body.credits:
        return "photo"
    if doubled_title and body.start == "plain" and sum(len(line.compact) for line in body.lines) <= CAPTION_MAX \
            and not any(line.extra.get("sign_off") for line in body.lines[-2:]):
        # A caption's length of plain text under a title in the big type the OCR reads
        # doubled: this paper sets its photos' titles so (为为患患病病同同事事); a lead
        # story's headline may be as big, over a long text.
        return "photo"
    return "continuation" if opens_page and not titled else "news"


def _credits_a_writer(body: Body) -> bool:
    """A closing credit that names who wrote the text as well as who took the photos
    (本报记者 高铭/文 白霖/摄, 本报记者 张华 文/摄) closes a written piece, not a caption."""
    if not body.credits or body.lines[0] is body.credits[0]:
        return False
    names, photo_report = parse_credit(" ".join(c.text.strip() for c in body.credits))
    return bool(names.reporters) and not photo_report


def column_opener(body: Body) -> str | None:
    """The label of a column's opening words (开栏的话, 开栏语) that opens ``body``, or None."""
    if not body.lines or body.lines[0].kind != LineKind.NOTE:
        return None
    m = _COLUMN_OPENER.match(body.lines[0].compact)
    return m.group(1) if m else None
