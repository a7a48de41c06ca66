"""Segmentation: from the typed lines of a page to its articles.

``bodies`` cuts the page into article bodies and loose headline runs; ``headlines`` gives
each body its headline lines by what they share; ``subheads`` keeps the text under a
subhead in its article; ``kinds`` says what sort of article it is.
"""

from sitegen.segmentation.segment import SegmentedArticle, segment_page

__all__ = ["SegmentedArticle", "segment_page"]
