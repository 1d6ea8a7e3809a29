"""MinHash signatures of many sets at once, as datasketch computes them.

datasketch's ``MinHash.bulk`` builds one ``MinHash`` object per set and hashes its items one
Python call at a time. Here the sets come as arrays of 32-bit item hashes, and the signatures
of a whole batch are computed with a few numpy operations, as rows of one ``uint32`` matrix:
for the ``affine32`` scheme each item hash is pre-mixed with the MurmurHash3 finalizer and
mapped by each permutation ``h -> a * h + b (mod 2**32)``, with datasketch's own permutation
parameters, exactly as ``MinHash.update_batch`` does. A row is the ``hashvalues`` of the
``MinHash`` datasketch builds from the same item hashes (``hashfunc=int``); see
:func:`lean_minhash`. Other schemes go through ``MinHash.bulk``.

>>> config = ClusterConfig()
>>> rows = signature_rows([np.array([1, 2, 3], dtype=np.uint32)], config)
>>> expected = MinHash.bulk([[1, 2, 3]], num_perm=config.num_perm, seed=config.seed,
...                         scheme=config.scheme, hashfunc=int)[0]
>>> bool((rows[0] == expected.hashvalues).all())
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from datasketch import LeanMinHash, MinHash

from cleaner.config import ClusterConfig

EMPTY = np.uint32(0xFFFFFFFF)
"""An ``affine32`` signature position no item reached (datasketch's empty value)."""
VALUES_PER_BATCH = 8192
"""Item hashes permuted at once: a batch's matrix is 8192 x num_perm values (4 MB at 128)."""


def permutations(config: ClusterConfig) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's permutation parameters ``(a, b)`` for the config's seed and scheme."""
    a, b = MinHash(num_perm=config.num_perm, seed=config.seed, scheme=config.scheme).permutations
    return a, b


def signature_rows(hashes: Sequence[np.ndarray], config: ClusterConfig) -> np.ndarray:
    """The signature of each set of 32-bit item hashes, one ``uint32`` row per set (all
    ``EMPTY`` for an empty set)."""
    if config.scheme != "affine32":
        found = MinHash.bulk(
            [h.tolist() for h in hashes],
            num_perm=config.num_perm,
            seed=config.seed,
            scheme=config.scheme,
            hashfunc=int,
        )
        return np.array([m.hashvalues for m in found])
    a, b = permutations(config)
    rows = np.full((len(hashes), config.num_perm), EMPTY, dtype=np.uint32)
    start = 0
    while start < len(hashes):
        stop, size = start, 0
        while stop < len(hashes) and (size == 0 or size + len(hashes[stop]) <= VALUES_PER_BATCH):
            size += len(hashes[stop])
            stop += 1
        _permute_batch(hashes[start:stop], a, b, rows[start:stop])
        start = stop
    return rows


def _permute_batch(
    hashes: Sequence[np.ndarray], a: np.ndarray, b: np.ndarray, out: np.ndarray
) -> None:
    """Fill ``out`` with the signatures of a batch of sets (``affine32``)."""
    filled = [k for k, h in enumerate(hashes) if len(h)]
    if not filled:
        return
    values = np.concatenate([hashes[k] for k in filled]).astype(np.uint32, copy=False)
    mixed = a[:, None] * fmix(values)[None, :]  # one row per permutation: reduceat
    mixed += b[:, None]  # runs along contiguous rows (15x faster than along columns)
    starts = np.cumsum([0] + [len(hashes[k]) for k in filled[:-1]])
    out[filled] = np.minimum.reduceat(mixed, starts, axis=1).T


FMIX = {
    np.dtype(np.uint32): tuple(map(np.uint32, (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))),
    np.dtype(np.uint64): tuple(
        map(np.uint64, (33, 0xFF51AFD7ED558CCD, 33, 0xC4CEB9FE1A85EC53, 33))
    ),
}
"""MurmurHash3's finalizer constants per width: shift, multiplier, shift, multiplier, shift."""


def fmix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer (an avalanching bijection), element-wise, at the width of
    ``h``'s dtype (``uint32``: as datasketch pre-mixes item hashes; or ``uint64``)."""
    s1, m1, s2, m2, s3 = FMIX[h.dtype]
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s3)


def lean_minhash(row: np.ndarray, config: ClusterConfig) -> LeanMinHash:
    """A signature row as datasketch's ``LeanMinHash`` (to use with ``MinHashLSH``, or save
    with its scheme)."""
    return LeanMinHash(seed=config.seed, hashvalues=row, scheme=config.scheme)
