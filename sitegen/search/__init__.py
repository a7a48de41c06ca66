"""Full-text search for Chinese, baked at build time, run in the browser.

The index is lunr's (its postings written here, rebuilt into a ``lunr.Index`` by lunr.js
2.3.9 in the browser). Chinese has no spaces, and the browser has no jieba, so index and
query must be cut the same way: both sides reduce text to letters and digits (NFKC, lower
case) and use every character and every pair of adjacent characters as a term, so whatever
a reader types that occurs in an article finds it; where each pair stands is kept, so the
browser tells an article holding the query as written from one holding its pairs apart.
jieba's search-mode words (three characters and longer) are indexed too, and the query adds
every longer part of itself as an optional term, so whole words rank first.

``terms`` cuts an article into terms, ``encoding`` is the shards' binary form, ``index``
writes the files: a manifest, the shards (split by term, in slices of whole years), each
article's stored fields, the issues table and the filters' table.
"""

from sitegen.search.index import search_files

__all__ = ["search_files"]
