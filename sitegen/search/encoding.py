"""The index shard's binary form: lunr's postings in a few columns of varints, gzipped, and
beside each shard, in a file of its own, where its pairs stand.

A shard holds, for each of its terms, the articles that hold it (ascending, delta-coded) and
each article's weighted term frequency. Nothing else: lunr's field vectors and BM25 scores
follow from these and are rebuilt by ``search-core.js`` into a ``lunr.Index`` (JSON spelled
out both, each posting twice, and was 85% of the search files). Its positions file holds, for
its character pairs, where in each article the pair stands, so that the browser can tell an
article that holds a word of three characters or more from one that only holds its pairs
apart. Positions are most of the bytes; a query fetches them only for the pairs that decide
such a word, and only from the slices where some article holds all its pairs.

Layout (every number an unsigned LEB128 varint):

    shard      "SG2"  term count
               per term:  UTF-8 length, UTF-8 bytes, document frequency
               per term:  its articles, each as the gap from the one before (the first from 0)
               per term:  its weighted frequencies
    positions  "SP1"  term count (the shard's, in the shard's order)
               per term:  byte length of its positions (0: a term without positions)
               per term:  for each of its articles: the number of positions, then each
                          position as the gap from the one before (pairs only)

Columns rather than one record per posting: like numbers sit together and gzip finds them.
"""

from __future__ import annotations

import gzip
from array import array

MAGIC = b"SG2"
POSITIONS_MAGIC = b"SP1"
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


def shard_bytes(postings: list[tuple[str, array, array, bytes]]) -> tuple[bytes, bytes]:
    """One shard and its positions, uncompressed, from its terms' postings (sorted by term):
    (term, articles, weighted frequencies, positions as ``encode_positions`` wrote them one
    article after another; empty for terms without positions)."""
    head = [MAGIC, varint(len(postings))]
    refs_column, tfs_column = [], []
    where = [POSITIONS_MAGIC, varint(len(postings))]
    for term, refs, tfs, positions in postings:
        name = term.encode("utf-8")
        head += [varint(len(name)), name, varint(len(refs))]
        refs_column.append(varints(gaps(refs)))
        tfs_column.append(varints(tfs))
        where.append(varint(len(positions)))
    return b"".join(head + refs_column + tfs_column), b"".join(where + [p for *_, p in postings])


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


def decode_shard(data: bytes, where: bytes | None = None) -> list[tuple[str, list[int], list[int], list[list[int]]]]:
    """The postings of a shard and its positions file (gzipped or not), positions per article
    decoded (none without the positions file): what the browser reads, for tests and tools."""
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
        heads.append((term, df))
    refs_of = []
    for _, df in heads:
        refs, at = _read_many(data, at, df, gaps=True)
        refs_of.append(refs)
    tfs_of = []
    for _, df in heads:
        tfs, at = _read_many(data, at, df)
        tfs_of.append(tfs)
    sizes = [0] * count
    if where is not None:
        if where[:2] == b"\x1f\x8b":
            where = gzip.decompress(where)
        if where[:3] != POSITIONS_MAGIC or _read(where, 3)[0] != count:
            raise ValueError("not the positions of this search shard")
        sizes, at = _read_many(where, _read(where, 3)[1], count)
    out = []
    for (term, df), refs, tfs, size in zip(heads, refs_of, tfs_of, sizes):
        positions = []
        if size:
            for _ in range(df):
                n, at = _read(where, at)
                got, at = _read_many(where, at, n, gaps=True)
                positions.append(got)
        out.append((term, refs, tfs, positions))
    return out
