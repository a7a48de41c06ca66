"""Full-text search for Chinese, baked at build time, run in the browser.

The index is lunr's (built here with the Python port, loaded by lunr.js 2.3.9). Chinese
has no spaces, and the browser has no jieba, so index and query must be cut the same way:
both sides reduce text to letters and digits (NFKC, lower case) and use every pair of
adjacent characters as a term, so whatever a reader types that occurs in an article finds
it. jieba's search-mode words (three characters and longer) are indexed too, and the query
adds every longer piece of itself as an optional term, so whole words and phrases rank first.

At archive scale the index is split by period into shards (newest first) with a small
manifest; the stored fields shown with results (headline, date, page, districts, tags) sit
beside each shard, and the text used for snippets is kept apart in small chunks fetched
only for the results on screen.
"""

from sitegen.search.index import search_files

__all__ = ["search_files"]
