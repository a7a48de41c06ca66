"""Page files: one printed page of OCR text each, read whatever encoding the OCR tool chose."""

from sitegen.pages.reading import Page, PageFileError, decode_page, find_page_files, read_page

__all__ = ["Page", "PageFileError", "decode_page", "find_page_files", "read_page"]
