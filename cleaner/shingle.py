"""Word shingles and MinHash signatures.

A shingle is a run of ``size`` consecutive words, lowercased, joined by one space and encoded
as UTF-8 bytes (what datasketch hashes). Signatures are built in bulk with the hash scheme,
seed and permutation count taken from the config, so they are the same on every run.

>>> sorted(shingles("The cat sat on the mat", 4))
[b'cat sat on the', b'sat on the mat', b'the cat sat on']
>>> shingles("Too short", 3)
frozenset({b'too short'})
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from itertools import chain

import numpy as np
from datasketch import LeanMinHash, MinHash

from cleaner.arrays import sorted_distinct
from cleaner.config import ClusterConfig
from cleaner.minhash import fmix

LOW_32_BITS = np.uint64(0xFFFFFFFF)
WORD_RE = re.compile(r"\w+(?:['\u2019]\w+)*")


def words(text: str) -> list[str]:
    """The lowercased words of ``text`` (letters and digits; inner apostrophes kept)."""
    return WORD_RE.findall(text.lower().replace("\u2019", "'"))


def shingles(text: str, size: int) -> frozenset[bytes]:
    """The set of word ``size``-grams of ``text``; a shorter non-empty text is one shingle."""
    tokens = words(text)
    if len(tokens) < size:
        return frozenset([" ".join(tokens).encode()]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1))


def jaccard(a: frozenset[bytes], b: frozenset[bytes]) -> float:
    """Exact Jaccard similarity of two sets (0.0 when both are empty)."""
    if not a and not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def signatures(sets: Iterable[Iterable[bytes]], config: ClusterConfig) -> list[LeanMinHash]:
    """One MinHash signature per set, computed with datasketch's batch API."""
    minhashes = MinHash.bulk(
        [list(s) for s in sets], num_perm=config.num_perm, seed=config.seed, scheme=config.scheme
    )
    return [LeanMinHash(m) for m in minhashes]


def estimated_jaccard(a: LeanMinHash, b: LeanMinHash) -> float:
    """Share of equal signature positions: MinHash's estimate of Jaccard similarity."""
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)


WORD_MIX = tuple(np.uint64(k) for k in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9))
"""Odd 64-bit multipliers that combine word hashes into a shingle hash (one per position,
repeated for longer shingles), so "a b c" and "c b a" differ."""


def text_shingle_hashes(text: str, size: int) -> np.ndarray:
    """The word ``size``-gram set of ``text`` as sorted, distinct 64-bit hashes, computed from
    one CRC-32 per word: the set :func:`shingles` gives, as stable numbers, at a fraction of
    the cost of hashing every shingle.

    Each shingle's hash mixes its words' CRC-32s by position (multiply-add modulo 2**64,
    then the MurmurHash3 finalizer), so the hashes of two distinct shingles collide with a
    chance near 1e-19 unless two of their words share a CRC-32 (a few word pairs in a
    million-word vocabulary): Jaccard over these sets is exact for practical purposes.

    >>> a = text_shingle_hashes("The cat sat on the mat", 3)
    >>> b = text_shingle_hashes("the cat sat on THE mat!", 3)
    >>> len(a), bool((a == b).all()), len(text_shingle_hashes("Too short", 3))
    (4, True, 1)
    """
    tokens = words(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    crcs = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), np.uint64, len(tokens))
    return np.unique(_mixed(crcs, min(size, len(tokens))))


def shingle_hashes(texts: Sequence[str], size: int) -> tuple[np.ndarray, np.ndarray]:
    """The hashes :func:`text_shingle_hashes` sets are made of, of many texts at once: all
    texts' shingle hashes, text after text (unsorted, with repeats), and how many each has.

    A few numpy operations over the words of all texts instead of a dozen per text.

    >>> hashes, counts = shingle_hashes(["a b c d", "", "too short"], 3)
    >>> counts.tolist(), bool((np.unique(hashes[2:]) == text_shingle_hashes("too short", 3)).all())
    ([2, 0, 1], True)
    """
    word_lists = [words(text) for text in texts]
    lengths = np.fromiter(map(len, word_lists), np.int64, len(word_lists))
    total = int(lengths.sum())
    crcs = np.fromiter(
        map(zlib.crc32, map(str.encode, chain.from_iterable(word_lists))), np.uint64, total
    )
    counts = np.where(lengths >= size, lengths - size + 1, np.minimum(lengths, 1))
    if total < size:
        windows = np.zeros(0, dtype=np.uint64)
    else:  # every run of ``size`` words, then only the runs inside one text
        text_of = np.repeat(np.arange(len(texts)), lengths)
        left = np.cumsum(lengths)[text_of] - np.arange(total)  # words from here to its end
        windows = _mixed(crcs, size)[left[: total - size + 1] >= size]
    short = np.flatnonzero((lengths > 0) & (lengths < size))
    if not len(short):
        return windows, counts
    hashes = np.empty(int(counts.sum()), dtype=np.uint64)
    firsts = np.cumsum(counts) - counts
    runs = np.ones(len(hashes), dtype=bool)
    runs[firsts[short]] = False
    hashes[runs] = windows
    ends = np.cumsum(lengths)
    for k in short.tolist():  # a text shorter than a shingle is one shingle of all its words
        hashes[firsts[k]] = _mixed(crcs[ends[k] - lengths[k] : ends[k]], int(lengths[k]))[0]
    return hashes, counts


def _mixed(crcs: np.ndarray, width: int) -> np.ndarray:
    """The hash of each run of ``width`` consecutive words, given their CRC-32s."""
    count = len(crcs) - width + 1
    mixed = np.full(count, np.uint64(width), dtype=np.uint64)
    for k in range(width):
        mixed += crcs[k : k + count]
        mixed *= WORD_MIX[k % len(WORD_MIX)]
    return fmix(mixed)


def low_hash_sets(hashes: np.ndarray, counts: np.ndarray) -> list[np.ndarray]:
    """The low 32 bits of each text's hashes (``counts`` of ``hashes`` each, text after
    text, as :func:`shingle_hashes` gives them), sorted and distinct, one ``uint32`` array per
    text: one sort of all texts' hashes, each keyed by its text.

    >>> low_hash_sets(np.array([7, 2**32 + 7, 3, 9], dtype=np.uint64), np.array([2, 0, 2]))
    [array([7], dtype=uint32), array([], dtype=uint32), array([3, 9], dtype=uint32)]
    """
    if not len(counts):
        return []
    text_of = np.repeat(np.arange(len(counts), dtype=np.uint64), counts)
    keys = sorted_distinct((text_of << np.uint64(32)) | (hashes & LOW_32_BITS))
    kept = np.bincount((keys >> np.uint64(32)).astype(np.int64), minlength=len(counts))
    low = keys.astype(np.uint32)
    return [part.copy() for part in np.split(low, np.cumsum(kept)[:-1])]


def hashed_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """:func:`jaccard` of two sets given as sorted, distinct hashes (e.g.
    :func:`text_shingle_hashes`), from one sort of both (the values they share end up side
    by side): about half the cost of ``np.intersect1d``, which near-duplicate verification
    pays for every candidate pair."""
    both = np.concatenate((a, b))
    both.sort()
    shared = int(np.count_nonzero(both[1:] == both[:-1]))
    union = len(both) - shared
    return shared / union if union else 0.0
