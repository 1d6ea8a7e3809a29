"""LSH banding over a matrix of MinHash signatures, all candidate pairs at once.

datasketch's ``MinHashLSH`` keeps, per band, a dictionary from the band's bytes to a set of
keys, and answers one query at a time: at 100,000 documents and 64 bands that is millions of
small Python objects and millions of lookups. Here each band's values are grouped with numpy
(two signatures share a bucket exactly when the band's values are equal, as in datasketch),
and the pairs of every bucket are listed in one pass: the candidate pairs are exactly those
``MinHashLSH`` with the same ``(bands, rows)`` would return, held in a few arrays.

>>> m = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [5, 6, 3, 4], [7, 7, 7, 7]], dtype=np.uint32)
>>> candidate_pairs(m, bands=2, rows=2).tolist()
[[0, 1], [0, 2]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from datasketch import MinHashLSH

from cleaner.arrays import run_starts, sorted_distinct

PAIRS_PER_STEP = 4_000_000
"""Pairs gathered before duplicates are dropped (bounds the memory of the listing)."""


def lsh_params(num_perm: int, threshold: float) -> tuple[int, int]:
    """The ``(bands, rows)`` datasketch's ``MinHashLSH`` picks for a threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def signature_matrix(rows: Sequence[np.ndarray], num_perm: int) -> np.ndarray:
    """Signature rows (see :mod:`cleaner.minhash`) as one matrix."""
    if not rows:
        return np.zeros((0, num_perm), dtype=np.uint32)
    return np.vstack(rows)


def _band_keys(matrix: np.ndarray, band: int, rows: int) -> list[np.ndarray]:
    """One band's columns as sort keys, each row's band values being equal exactly when its
    keys are: with 32-bit values (the default ``affine32`` scheme) two columns are packed
    in one 64-bit key, ``first * 2**32 + second``."""
    part = matrix[:, band * rows : (band + 1) * rows]
    if part.dtype.kind != "u" or part.dtype.itemsize > 4:
        return [part[:, k] for k in range(rows)]
    wide = part.astype(np.uint64)
    keys = [wide[:, k] << np.uint64(32) | wide[:, k + 1] for k in range(0, rows - 1, 2)]
    return [*keys, wide[:, -1]] if rows % 2 else keys


def _refined_order(label: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Order that sorts rows by bucket ``label`` (below 2**32), then by ``value``: one sort
    of ``label * 2**32 + value`` when the values fit in 32 bits, else a lexicographic sort
    (four to eight times slower)."""
    if value.dtype.kind == "u" and int(value.max(initial=0)) < 2**32:
        return np.argsort(label.astype(np.uint64) << np.uint64(32) | value)
    return np.lexsort((value, label))


def _band_buckets(matrix: np.ndarray, band: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows that share their bucket in one band with another row (equal band values),
    bucket by bucket: ``(members, starts)``, a bucket being ``members[starts[k]:]`` up to the
    next start.

    The band's keys (:func:`_band_keys`) are compared one at a time: rows are sorted by the
    bucket found so far and the next key, and rows left alone in their bucket are dropped;
    exact, and most rows go after the first key."""
    members = np.arange(len(matrix))
    label = np.zeros(len(matrix), dtype=np.int64)
    for step, key in enumerate(_band_keys(matrix, band, rows)):
        value = key[members]
        order = _refined_order(label, value) if step else np.argsort(value)
        members, label, value = members[order], label[order], value[order]
        bucket = np.cumsum(run_starts(label) | run_starts(value)) - 1
        shared = np.bincount(bucket)[bucket] > 1
        members, label = members[shared], bucket[shared]
    return members, np.flatnonzero(run_starts(label))


def _bucket_pairs(members: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """Codes ``i * n + j``, ``i < j``, of the pairs of rows in the same bucket, given as
    :func:`_band_buckets` gives them (unordered)."""
    sizes = np.diff(np.r_[starts, len(members)])
    found = [np.zeros(0, dtype=np.int64)]
    for size in np.flatnonzero(np.bincount(sizes)):
        first = starts[sizes == size]
        group = members[first[:, None] + np.arange(size)]  # one row per bucket
        a, b = np.triu_indices(int(size), k=1)
        left, right = group[:, a].ravel(), group[:, b].ravel()
        found.append(np.minimum(left, right) * n + np.maximum(left, right))
    return np.concatenate(found)


def candidate_pairs(matrix: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Every pair ``(i, j)``, ``i < j``, of rows sharing a bucket in at least one band;
    sorted by ``i`` then ``j``, as an ``(n, 2)`` int64 array."""
    n = len(matrix)
    codes = np.zeros(0, dtype=np.int64)
    pending: list[np.ndarray] = []
    waiting = 0
    for band in range(bands):
        pending.append(_bucket_pairs(*_band_buckets(matrix, band, rows), n))
        waiting += len(pending[-1])
        if waiting >= PAIRS_PER_STEP or band == bands - 1:
            codes = sorted_distinct(np.concatenate([codes, *pending]))
            pending, waiting = [], 0
    return np.stack([codes // max(n, 1), codes % max(n, 1)], axis=1)


def estimated_overlaps(matrix: np.ndarray, pairs: np.ndarray, step: int = 8192) -> np.ndarray:
    """MinHash's Jaccard estimate (share of equal signature positions) of each pair of rows;
    the same floats as :func:`cleaner.shingle.estimated_jaccard`. Pairs are compared
    ``step`` at a time: the rows gathered for a step stay in the processor's cache (at
    200,000 a step, gathering them cost three times as much)."""
    out = np.empty(len(pairs), dtype=np.float64)
    width = matrix.shape[1]
    for start in range(0, len(pairs), step):
        part = pairs[start : start + step]
        equal = np.count_nonzero(matrix[part[:, 0]] == matrix[part[:, 1]], axis=1)
        out[start : start + step] = equal / width
    return out


def _score_ranks(scores: np.ndarray) -> tuple[np.ndarray, int]:
    """Rank of each score among the distinct scores, highest first, and how many there
    are (equal scores, equal rank)."""
    levels = sorted_distinct(-scores)
    return np.searchsorted(levels, -scores), len(levels)


def best_pairs(pairs: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """Pairs (``i < j``) that are among the ``limit`` best of either side: each row's
    partners ranked by score, highest first, then by partner; sorted, without repeats.

    >>> best_pairs(np.array([[0, 1], [0, 2], [1, 2]]), np.array([0.9, 0.5, 0.7]), 1).tolist()
    [[0, 1], [1, 2]]
    """
    if not len(pairs):
        return pairs
    n = int(pairs.max()) + 1
    src = np.concatenate([pairs[:, 0], pairs[:, 1]]).astype(np.int64)
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]]).astype(np.int64)
    rank, levels = _score_ranks(scores)
    rank = np.concatenate([rank, rank])
    if n * n * levels < 2**63:  # (row, rank, partner) as one number: one sort, no gather
        key = np.sort((src * levels + rank) * n + dst)
        src, dst = key // (levels * n), key % n
    else:
        order = np.lexsort((dst, rank, src))
        src, dst = src[order], dst[order]
    first = run_starts(src)
    place = np.arange(len(src)) - np.maximum.accumulate(np.where(first, np.arange(len(src)), 0))
    keep = place < limit
    codes = sorted_distinct(np.minimum(src, dst)[keep] * n + np.maximum(src, dst)[keep])
    return np.stack([codes // n, codes % n], axis=1).astype(pairs.dtype, copy=False)
