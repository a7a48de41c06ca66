"""What a headline and a text share: their pairs of adjacent letters or digits. Chinese has
no spaces, and a pair of characters is the smallest unit that still says something (工会,
大兴); the same measure serves every place a headline is set against a text."""

from __future__ import annotations


def bigrams(text: str) -> set[str]:
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def share(heading: str, text: str) -> float:
    """The part of the heading's pairs the text uses too."""
    grams = bigrams(heading)
    return len(grams & bigrams(text)) / len(grams) if grams else 0.0
