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

A term that many of a slice's articles hold (``index.COMMON_DF``) is kept out of its shard:
the shard names it and its document frequency only, so a query for a rarer term that
shares its shard does not fetch its postings. Beside the shard, two files hold the shard's
common terms: their best postings (``best_bytes``: the articles each term scores highest in,
by BM25 over the whole slice, scores computed at build time), which is all a reader's first
page needs; and the rest (``rest_bytes``: every posting and position, as a shard and its
positions file hold them), fetched only for the exact count and the pages after the first.

Layout (every number an unsigned LEB128 varint):

    shard      "SG3"  term count
               per term:  UTF-8 length, UTF-8 bytes, document frequency
               common term count (those in the file beside; 0 in that file itself)
               per common term:  UTF-8 length, UTF-8 bytes, document frequency
               per term:  its articles, each as the gap from the one before (the first from 0)
               per term:  its weighted frequencies
    best       "SB1"  term count
               per term:  UTF-8 length, UTF-8 bytes, document frequency (all its articles
                          in the slice), number of best postings
               per term:  its best articles, ascending, as gaps
               per term:  their scores (BM25 over the slice without the idf, times
                          SCORE_SCALE, rounded)
    rest       "SR1"  byte length of the shard part, then a shard of the common terms
                      (as above, no common terms of its own), then its positions file
    positions  "SP1"  term count (the shard's, in the shard's order)
               per term:  byte length of its positions (0: a term without positions)
               per term:  for each of its articles: the number of positions, then each
                          position as the gap from the one before (pairs only)

Columns rather than one record per posting: like numbers sit together and gzip finds them.
"""

from __future__ import annotations

import gzip
from array import array

MAGIC = b"SG3"
POSITIONS_MAGIC = b"SP1"
BEST_MAGIC = b"SB1"
REST_MAGIC = b"SR1"
SCORE_SCALE = 1000       # lunr keeps scores to three places
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


def _heads(postings) -> list[bytes]:
    out = [varint(len(postings))]
    for term, refs, *_ in postings:
        name = term.encode("utf-8")
        out += [varint(len(name)), name, varint(len(refs))]
    return out


def shard_bytes(postings: list[tuple[str, array, array, bytes]],
                common: list[tuple[str, array, array, bytes]] = ()) -> tuple[bytes, bytes]:
    """One shard and its positions, uncompressed, from its terms' postings (sorted by term):
    (term, articles, weighted frequencies, positions as ``encode_positions`` wrote them one
    article after another; empty for terms without positions). ``common``: the terms kept in
    the file beside, named with their document frequency only."""
    refs_column = [varints(gaps(refs)) for _, refs, _, _ in postings]
    tfs_column = [varints(tfs) for _, _, tfs, _ in postings]
    where = [POSITIONS_MAGIC, varint(len(postings))] + [varint(len(p)) for *_, p in postings]
    return (b"".join([MAGIC, *_heads(postings), *_heads(common), *refs_column, *tfs_column]),
            b"".join(where + [p for *_, p in postings]))


def best_bytes(best: list[tuple[str, int, list[int], list[int]]]) -> bytes:
    """The best postings of a shard's common terms, uncompressed: (term, document frequency,
    best articles ascending, their scores as integers of SCORE_SCALE)."""
    out = [BEST_MAGIC, varint(len(best))]
    for term, df, refs, _ in best:
        name = term.encode("utf-8")
        out += [varint(len(name)), name, varint(df), varint(len(refs))]
    out += [varints(gaps(refs)) for _, _, refs, _ in best]
    out += [varints(scores) for *_, scores in best]
    return b"".join(out)


def rest_bytes(index: bytes, where: bytes) -> bytes:
    """Every posting and position of a shard's common terms in one file: a shard (from
    ``shard_bytes``) and its positions, the shard's length first."""
    return b"".join([REST_MAGIC, varint(len(index)), index, where])


def split_rest(data: bytes) -> tuple[bytes, bytes]:
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[:3] != REST_MAGIC:
        raise ValueError("not the rest of a search shard's common terms")
    size, at = _read(data, 3)
    return data[at:at + size], data[at + size:]


def decode_best(data: bytes) -> list[tuple[str, int, list[int], list[int]]]:
    """A best file read back: (term, document frequency, best articles, their scores)."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[:3] != BEST_MAGIC:
        raise ValueError("not a search shard's best postings")
    heads, at = _read_heads(data, 3, with_count=True)
    refs_of = []
    for _, _, n in heads:
        refs, at = _read_many(data, at, n, gaps=True)
        refs_of.append(refs)
    out = []
    for (term, df, n), refs in zip(heads, refs_of):
        scores, at = _read_many(data, at, n)
        out.append((term, df, refs, scores))
    return out


def compress(data: bytes) -> bytes:
    # mtime 0: the same shard makes the same bytes, build after build. Level 6, not 9: on a
    # 10k archive's search files 9 saves 0.14% of their bytes for 1.7 times the time.
    return gzip.compress(data, 6, mtime=0)


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


def _read_heads(data: bytes, at: int, with_count: bool = False) -> tuple[list[tuple], int]:
    """Each term's head: (term, document frequency), and how many postings follow when
    ``with_count`` (a best file's heads)."""
    count, at = _read(data, at)
    heads = []
    for _ in range(count):
        size, at = _read(data, at)
        term = data[at:at + size].decode("utf-8")
        at += size
        df, at = _read(data, at)
        if with_count:
            n, at = _read(data, at)
            heads.append((term, df, n))
        else:
            heads.append((term, df))
    return heads, at


def common_terms(data: bytes) -> list[tuple[str, int]]:
    """The terms a shard names as kept in the file beside it, with their document frequency."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return _read_heads(data, _read_heads(data, 3)[1])[0]


def decode_shard(data: bytes, where: bytes | None = None) -> list[tuple[str, list[int], list[int], list[list[int]]]]:
    """The postings of a shard and its positions file (gzipped or not), positions per article
    decoded (none without the positions file): what the browser reads, for tests and tools.
    The common terms it names are in the file beside (read that with this too)."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[:3] != MAGIC:
        raise ValueError("not a sitegen search shard")
    heads, at = _read_heads(data, 3)
    count = len(heads)
    _, at = _read_heads(data, at)
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
