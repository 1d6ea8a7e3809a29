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
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash

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
    count = max(1, len(tokens) - size + 1)
    width = min(size, len(tokens))
    mixed = np.full(count, np.uint64(width), dtype=np.uint64)
    for k in range(width):
        mixed = (mixed + crcs[k : k + count]) * WORD_MIX[k % len(WORD_MIX)]
    return np.unique(fmix(mixed))


def hashed_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """:func:`jaccard` of two sets given as sorted, distinct hashes (e.g.
    :func:`text_shingle_hashes`)."""
    if not len(a) and not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)
