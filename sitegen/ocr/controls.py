"""Characters a page can carry that no reader sees and no feed can take: C0 and C1 control
characters (a BEL, `\\x07`, makes every Atom feed invalid XML), zero-width characters (a
zero-width space after 记者 hides the reporter from the byline rules) and the bidirectional
overrides (a right-to-left override turns a title around). They are taken out of the
page's text as it is read, and counted, so that the ingest report can say so.
"""

from __future__ import annotations

import re

# Tabs and line ends stay; everything else below U+0020, DEL and the C1 range go; so do the
# zero-width and joiner characters, the word joiner, the BOM inside text and the bidi
# embeddings, overrides, isolates and marks.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def remove_invisible(text: str) -> tuple[str, int]:
    """The text without invisible and control characters, and how many were taken out."""
    if not _INVISIBLE.search(text):
        return text, 0
    cleaned, count = _INVISIBLE.subn("", text)
    return cleaned, count
