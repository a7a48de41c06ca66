"""Cutting text into index terms, exactly as ``search-core.js`` cuts a query."""

from __future__ import annotations

import functools
import math
import operator
import re
import unicodedata
from array import array
from collections import Counter
from itertools import repeat

from sitegen.search.encoding import encode_positions

from sitegen.dictionary import tokenizer

WORD_MIN = 3           # jieba words shorter than this are covered by the pairs anyway


def _not_word_pattern() -> re.Pattern:
    """One character class of every BMP character that is neither letter nor number: a
    regex substitution is some 20 times faster than asking unicodedata per character,
    and cutting every article's text is a large part of a build."""
    ranges, start = [], None
    for code in range(0x10000):
        keep = unicodedata.category(chr(code))[0] in "LN"
        if not keep and start is None:
            start = code
        elif keep and start is not None:
            ranges.append((start, code - 1))
            start = None
    if start is not None:
        ranges.append((start, 0xFFFF))
    return re.compile("[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                                    for a, b in ranges) + "]+")


_NOT_WORD = _not_word_pattern()
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _letters_and_digits(folded: str) -> str:
    text = _NOT_WORD.sub("", folded)
    if _ASTRAL.search(text):          # rare (some CJK extension characters): the exact way
        text = "".join(c for c in text if unicodedata.category(c)[0] in "LN")
    return text


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def normalise(text: str) -> str:
    """NFKC, lower case, letters and digits only (what the browser's normalise() keeps)."""
    return _letters_and_digits(fold(text))


class _Dictionary:
    """jieba's dictionary, as ``long_words`` reads it: each entry (words and their
    prefixes) with its word's log probability, None for a prefix that is no word."""

    def __init__(self):
        dt = tokenizer()
        self.freq = dt.FREQ
        self.logtotal = math.log(dt.total)
        self.logp = {frag: (math.log(f) - self.logtotal if f else None) for frag, f in self.freq.items()}


@functools.lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    return _Dictionary()


def prepare() -> None:
    """Load jieba's dictionary now: called before worker processes fork, so that they share
    it instead of each loading it again."""
    _dictionary()


_HAN_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")      # jieba's re_han_default
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ABSENT = object()


def long_words(text: str) -> list[str]:
    """The words of WORD_MIN characters or more that jieba's search mode without HMM
    (``cut_for_search(text, HMM=False)``) gives, found the same way (jieba's dictionary, its
    most probable route, a word's dictionary trigrams) in a third of jieba's time: cutting
    was most of a large build. Shorter words are not looked for, as the pairs hold them."""
    d = _dictionary()
    get, freq, unknown = d.logp.get, d.freq.get, -d.logtotal
    out: list[str] = []
    for s in _HAN_BLOCK.findall(text):
        n = len(s)
        # the best route from the end backwards: score[i] is the log probability of the best
        # cut of s[i:], whose first word ends at end[i]; ties go to the longer word, as in jieba
        score = [0.0] * (n + 1)
        end = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            best = None
            j = i + 1
            p = get(s[i], _ABSENT)
            while p is not _ABSENT:
                if p is not None:
                    sc = p + score[j]
                    if best is None or sc >= best:
                        best, best_end = sc, j
                if j >= n:
                    break
                j += 1
                p = get(s[i:j], _ABSENT)
            if best is None:
                score[i], end[i] = unknown + score[i + 1], i + 1
            else:
                score[i], end[i] = best, best_end
        # jieba's words along the route; single letters and digits run together into one word
        x, run = 0, ""
        while x <= n:
            y = end[x] if x < n else x
            if x < n and y == x + 1 and s[x] in _ASCII_ALNUM:
                run += s[x]
                x = y
                continue
            for w in ((run, s[x:y]) if run else (s[x:y],)):
                if len(w) >= WORD_MIN:
                    for k in range(len(w) - 2 if len(w) > 3 else 0):
                        if freq(w[k:k + 3]):
                            out.append(w[k:k + 3])
                    out.append(w)
            if x == n:
                break
            run, x = "", y
    return out


def words(folded: str) -> Counter:
    """jieba's fine-grained (search mode) words of folded text, so parts of long words are
    words too. No HMM: the words it would guess are unknown to the dictionary, and the
    pairs find those anyway."""
    out = Counter()
    for w in long_words(folded):
        n = _letters_and_digits(w)     # jieba's blocks may hold + # & . _ % -
        if len(n) >= WORD_MIN:
            out[n] += 1
    return out


WORDS_FROM_BODY = 300   # characters of the body that jieba cuts into words


def article_fields(article) -> list[tuple[str, str, int | None]]:
    """The fields an article is searched by, in the order their positions run: name, text,
    how many characters jieba cuts into words."""
    from sitegen.markdown import plain_text

    a = article
    return [
        ("title", " ".join([a.title or "", *a.subtitles]), None),
        ("people", " ".join(a.reporters + a.correspondents + a.photographers + a.authors + [a.byline or ""]), None),
        # Pairs already find every piece of the body; jieba's words rank whole words first,
        # and where they matter most is the headline and the lede. Cutting whole bodies
        # would double a large build for little.
        ("body", plain_text(a.body), WORDS_FROM_BODY),
    ]


# One lunr field, so each article costs one field vector per shard: headline terms count
# three times and bylines twice, which is how they weigh more.
WEIGHTS = {"title": 3, "people": 2, "body": 1}

# An article's terms in one compact record: the terms as one string (terms hold only letters
# and digits, so a space separates them), their weighted frequencies, and the positions of
# its pairs (encoding.encode_positions of each pair, one after another) with each term's
# byte length in them (0 for single characters and words, which come after the pairs). A few
# objects per article, however many terms: cheap to send from a worker, to pickle, to hold.
Terms = tuple[str, array, bytes, array]


def article_record(article) -> Terms:
    fields = article_fields(article)
    folded = [fold(text) for _, text, _ in fields]
    streams = [_letters_and_digits(f) for f in folded]
    tf: Counter = Counter()
    for (name, _, chars), f, stream in zip(fields, folded, streams):
        counts = Counter(stream)                 # single characters: surnames, one-character places
        counts.update(map(operator.add, stream, stream[1:]))
        counts.update(words(f if chars is None else f[:chars]))
        w = WEIGHTS[name]
        tf.update(counts if w == 1 else {t: w * c for t, c in counts.items()})
    # Where each pair stands, counted along the fields one after another with a gap between
    # them, so that no phrase runs from one field into the next.
    joined = "\x00".join(streams)
    where: dict[str, list[int]] = {}
    get = where.get
    for i, pair in enumerate(map(operator.add, joined, joined[1:])):
        got = get(pair)
        if got is None:
            where[pair] = [i]
        else:
            got.append(i)
    for i, c in enumerate(joined):
        if c == "\x00":
            where.pop(joined[i - 1:i + 1], None)
            where.pop(joined[i:i + 2], None)
    pairs = list(where)
    others = list(tf.keys() - where.keys())      # order is no matter: postings are sorted later
    blobs = list(map(encode_positions, where.values()))
    sizes = array("I", map(len, blobs))
    sizes.extend(repeat(0, len(others)))
    terms = pairs + others
    return " ".join(terms), array("I", map(tf.__getitem__, terms)), b"".join(blobs), sizes


def shard_of(term: str, count: int) -> int:
    """The shard a term lives in: 32-bit FNV-1a of the UTF-8 bytes of its first two
    characters (search-core.js does the same). A word lives with its first pair, so the
    query that looks for both fetches one shard for them."""
    h = 2166136261
    for b in term[:2].encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h % count


__all__ = ["normalise", "article_fields", "article_record", "shard_of", "prepare", "WEIGHTS"]
