"""Repairs for what OCR does to Chinese newspaper text: spurious spaces and doubled headline type."""

from sitegen.ocr.doubled import split_doubled_prefix, undouble
from sitegen.ocr.spacing import clean_headline_spacing, clean_spacing, is_cjk

__all__ = ["clean_headline_spacing", "clean_spacing", "is_cjk", "split_doubled_prefix", "undouble"]
