"""Placeholder until the search index lands."""

from __future__ import annotations


def search_files(articles, article_urls: dict[str, str], settings) -> dict[str, bytes]:
    return {}
