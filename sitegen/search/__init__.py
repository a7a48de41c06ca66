"""Placeholder until the search index lands."""

from __future__ import annotations

from pathlib import Path


def write_search_index(articles, article_urls: dict[str, str], output_dir: Path, settings) -> list[Path]:
    """Write the search index files for ``articles`` under ``output_dir``; returns paths written."""
    return []
