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
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from cleaner.config import ClusterConfig

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


def build_lsh(
    keys: Sequence[int],
    sigs: Sequence[LeanMinHash],
    config: ClusterConfig,
    threshold: float | None = None,
    params: tuple[int, int] | None = None,
) -> MinHashLSH:
    """An LSH index of the non-empty signatures, keyed by position; give threshold or params."""
    lsh = MinHashLSH(
        threshold=threshold if threshold is not None else 0.5,
        num_perm=config.num_perm,
        params=params,
    )
    with lsh.insertion_session() as session:
        for key, sig in zip(keys, sigs, strict=True):
            session.insert(key, sig, check_duplication=False)
    return lsh
