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


def _band_buckets(matrix: np.ndarray, band: int, rows: int) -> np.ndarray:
    """Bucket number of each row in one band (equal band values, equal bucket)."""
    part = np.ascontiguousarray(matrix[:, band * rows : (band + 1) * rows])
    view = part.view(np.dtype((np.void, part.dtype.itemsize * rows))).ravel()
    _, inverse = np.unique(view, return_inverse=True)
    return np.asarray(inverse).ravel()


def _bucket_pairs(buckets: np.ndarray) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of rows in the same bucket, as an ``(n, 2)`` array."""
    order = np.argsort(buckets, kind="stable")
    sorted_buckets = buckets[order]
    starts = np.flatnonzero(np.r_[True, sorted_buckets[1:] != sorted_buckets[:-1]])
    sizes = np.diff(np.r_[starts, len(order)])
    found = []
    for size in np.unique(sizes[sizes > 1]):
        first = starts[sizes == size]
        members = order[first[:, None] + np.arange(size)]  # one row per bucket
        a, b = np.triu_indices(int(size), k=1)
        left, right = members[:, a].ravel(), members[:, b].ravel()
        found.append(np.stack([np.minimum(left, right), np.maximum(left, right)], axis=1))
    return np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)


def candidate_pairs(matrix: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Every pair ``(i, j)``, ``i < j``, of rows sharing a bucket in at least one band;
    sorted by ``i`` then ``j``, as an ``(n, 2)`` int64 array."""
    n = len(matrix)
    codes = np.zeros(0, dtype=np.int64)
    pending: list[np.ndarray] = []
    waiting = 0
    for band in range(bands):
        pairs = _bucket_pairs(_band_buckets(matrix, band, rows)).astype(np.int64)
        pending.append(pairs[:, 0] * n + pairs[:, 1])
        waiting += len(pairs)
        if waiting >= PAIRS_PER_STEP or band == bands - 1:
            codes = np.unique(np.concatenate([codes, *pending]))
            pending, waiting = [], 0
    return np.stack([codes // max(n, 1), codes % max(n, 1)], axis=1)


def estimated_overlaps(matrix: np.ndarray, pairs: np.ndarray, step: int = 200_000) -> np.ndarray:
    """MinHash's Jaccard estimate (share of equal signature positions) of each pair of rows;
    the same floats as :func:`cleaner.shingle.estimated_jaccard`."""
    out = np.empty(len(pairs), dtype=np.float64)
    width = matrix.shape[1]
    for start in range(0, len(pairs), step):
        part = pairs[start : start + step]
        equal = np.count_nonzero(matrix[part[:, 0]] == matrix[part[:, 1]], axis=1)
        out[start : start + step] = equal / width
    return out


def best_pairs(pairs: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """Pairs (``i < j``) that are among the ``limit`` best of either side: each row's
    partners ranked by score, highest first, then by partner; sorted, without repeats.

    >>> best_pairs(np.array([[0, 1], [0, 2], [1, 2]]), np.array([0.9, 0.5, 0.7]), 1).tolist()
    [[0, 1], [1, 2]]
    """
    if not len(pairs):
        return pairs
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    score = np.concatenate([scores, scores])
    order = np.lexsort((dst, -score, src))
    src, dst = src[order], dst[order]
    starts = np.flatnonzero(np.r_[True, src[1:] != src[:-1]])
    rank = np.arange(len(src)) - np.repeat(starts, np.diff(np.r_[starts, len(src)]))
    keep = rank < limit
    chosen = np.stack([np.minimum(src, dst)[keep], np.maximum(src, dst)[keep]], axis=1)
    return np.unique(chosen, axis=0)
