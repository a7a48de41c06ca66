"""The index shard's binary form: lunr's postings in a few columns of varints, gzipped.

A shard holds, for each of its terms, the articles that hold it (ascending, delta-coded),
each article's weighted term frequency, and, for character pairs, where in the article the
pair stands, so that the browser can tell an article that holds a phrase from one that only
holds its pairs apart. Nothing else: lunr's field vectors and BM25 scores follow from these
and are rebuilt by ``search-core.js`` into a ``lunr.Index`` (JSON spelled out both, each
posting twice, and was 85% of the search files).

Layout (every number an unsigned LEB128 varint):

    "SG1"  term count
    per term:  UTF-8 length, UTF-8 bytes, document frequency, byte length of its positions
    per term:  its articles, each as the gap from the one before (the first from 0)
    per term:  its weighted frequencies
    per term:  for each of its articles: the number of positions, then each position as the
               gap from the one before (pairs only; other terms have none)

Columns rather than one record per posting: like numbers sit together and gzip finds them.
"""

from __future__ import annotations

import gzip
from array import array

MAGIC = b"SG1"
_SMALL = [bytes([n]) for n in range(128)]


def varint(n: int) -> bytes:
    if n < 128:
        return _SMALL[n]
    out = bytearray()
    while n >= 128:
        out.append((n & 127) | 128)
        n >>= 7
    out.append(n)
    return bytes(out)


_TABLE = [varint(n) for n in range(1 << 14)]


def varints(numbers) -> bytes:
    table = _TABLE
    try:
        return b"".join([table[n] for n in numbers])
    except IndexError:
        return b"".join([table[n] if n < 16384 else varint(n) for n in numbers])


def gaps(numbers) -> list[int]:
    """Ascending numbers as gaps from the one before (the first from 0)."""
    return [b - a for a, b in zip((0, *numbers), numbers)]


_ONE = _SMALL[1]


def encode_positions(positions: list[int]) -> bytes:
    """One article's positions of one term: their count, then their gaps."""
    if len(positions) == 1 and positions[0] < 16384:      # most pairs stand once: the quick way
        return _ONE + _TABLE[positions[0]]
    return varint(len(positions)) + varints(gaps(positions))


def shard_bytes(postings: list[tuple[str, array, array, bytes]]) -> bytes:
    """One shard, uncompressed, from its terms' postings (sorted by term): (term, articles,
    weighted frequencies, positions as ``encode_positions`` wrote them one article after
    another; empty for terms without positions)."""
    head = [MAGIC, varint(len(postings))]
    refs_column, tfs_column, positions_column = [], [], []
    for term, refs, tfs, positions in postings:
        name = term.encode("utf-8")
        head += [varint(len(name)), name, varint(len(refs)), varint(len(positions))]
        refs_column.append(varints(gaps(refs)))
        tfs_column.append(varints(tfs))
        positions_column.append(positions)
    return b"".join(head + refs_column + tfs_column + positions_column)


def compress(data: bytes) -> bytes:
    # mtime 0: the same shard makes the same bytes, build after build
    return gzip.compress(data, 9, mtime=0)


def _read(data: bytes, at: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        b = data[at]
        at += 1
        n |= (b & 127) << shift
        if b < 128:
            return n, at
        shift += 7


def _read_many(data: bytes, at: int, n: int, gaps: bool = False) -> tuple[list[int], int]:
    """``n`` numbers from ``at`` (each a gap from the one before, when ``gaps``)."""
    out, total = [], 0
    for _ in range(n):
        x, at = _read(data, at)
        total = total + x if gaps else x
        out.append(total)
    return out, at


def decode_shard(data: bytes) -> list[tuple[str, list[int], list[int], list[list[int]]]]:
    """The postings of a shard (gzipped or not), positions per article decoded: what the
    browser reads, for tests and tools."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[:3] != MAGIC:
        raise ValueError("not a sitegen search shard")
    count, at = _read(data, 3)
    heads = []
    for _ in range(count):
        size, at = _read(data, at)
        term = data[at:at + size].decode("utf-8")
        at += size
        df, at = _read(data, at)
        pos_bytes, at = _read(data, at)
        heads.append((term, df, pos_bytes))
    refs_of = []
    for _, df, _ in heads:
        refs, at = _read_many(data, at, df, gaps=True)
        refs_of.append(refs)
    tfs_of = []
    for _, df, _ in heads:
        tfs, at = _read_many(data, at, df)
        tfs_of.append(tfs)
    out = []
    for (term, df, pos_bytes), refs, tfs in zip(heads, refs_of, tfs_of):
        positions = []
        if pos_bytes:
            for _ in range(df):
                n, at = _read(data, at)
                got, at = _read_many(data, at, n, gaps=True)
                positions.append(got)
        out.append((term, refs, tfs, positions))
    return out
