"""Blocks: the lines of a page, each told apart by what it is on the printed page.

``lines`` types each line (body text, headline, byline, credit, marker, banner, furniture);
whether a plain line is a headline is weighed in ``headline_decision`` from the ``cues``.
"""

from sitegen.blocks.cues.openings import is_salutation, opens_lede
from sitegen.blocks.headline_decision import next_in_text
from sitegen.blocks.line import Line, LineKind
from sitegen.blocks.lines import SIGN_OFF, classify_page

__all__ = ["SIGN_OFF", "Line", "LineKind", "classify_page", "is_salutation", "next_in_text", "opens_lede"]
