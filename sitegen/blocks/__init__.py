"""Blocks: the lines of a page, each told apart by what it is on the printed page."""

from sitegen.blocks.lines import Line, LineKind, classify_page, next_in_text, opens_lede

__all__ = ["Line", "LineKind", "classify_page", "next_in_text", "opens_lede"]
