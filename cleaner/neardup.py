"""Near-duplicates: reprints, syndicated copies, the same page scraped twice.

Word-shingle MinHash signatures go into an LSH index; every candidate pair is verified with
the Jaccard similarity of the shingle sets (held as 32-bit shingle hashes, four bytes per
shingle: exact but for a ~1e-5 chance per pair of documents of two shingles sharing a hash)
before it is linked. Near-duplicates are linked transitively (a reprint of a reprint is one
group); a pair already in one group is not verified again, so a group of ``g`` copies costs
``O(g)`` verifications, not ``O(g²)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from cleaner.bands import candidate_pairs, lsh_params, signature_matrix
from cleaner.config import ClusterConfig
from cleaner.minhash import signature_rows
from cleaner.shingle import hashed_jaccard, low_hash_sets, shingle_hashes


@dataclass(frozen=True, slots=True)
class NearDuplicates:
    """Groups of near-identical texts, as positions in the input sequence."""

    groups: tuple[tuple[int, ...], ...]
    """Every position in exactly one group; groups sorted, ordered by first position."""
    edges: tuple[tuple[int, int, float], ...]
    """Verified pairs ``(i, j, jaccard)``, ``i < j``, that linked the groups."""
    candidates: int
    """Candidate pairs proposed by LSH and verified."""


def _find(parent: list[int], i: int) -> int:
    """Root of ``i`` in a union-find forest, halving paths on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


ShingleSet = tuple[np.ndarray | None, np.ndarray]
"""A text's shingle signature row (:mod:`cleaner.minhash`; None without words) and its
:func:`~cleaner.shingle.text_shingle_hashes` set."""


def shingle_sets(texts: Sequence[str], config: ClusterConfig) -> list[ShingleSet]:
    """The signature and hashed shingle set of each text (what near-duplicates compare).

    The set is kept as the low 32 bits of each shingle hash, sorted and distinct: half the
    memory of 64 bits, for a chance of about 1e-5 per pair of documents that one of their
    distinct shingles reads as shared (a Jaccard off by one shingle in two hundred)."""
    hashes = low_hash_sets(*shingle_hashes(texts, config.shingle_size))
    rows = signature_rows(hashes, config)
    return [(row.copy() if len(h) else None, h) for row, h in zip(rows, hashes, strict=True)]


def find_near_duplicates(
    texts: Sequence[str], config: ClusterConfig, sets: Sequence[ShingleSet] | None = None
) -> NearDuplicates:
    """Group texts whose word-shingle sets have Jaccard >= ``config.dup_threshold``.

    ``sets`` are the texts' :func:`shingle_sets` when already computed (e.g. in a process
    pool); then ``texts`` is only counted.

    >>> a = "the council met on friday and agreed a new budget for the city schools"
    >>> nd = find_near_duplicates([a, a + " today", "something else entirely"], ClusterConfig())
    >>> nd.groups
    ((0, 1), (2,))
    """
    if sets is None:
        sets = shingle_sets(texts, config)
    signed = [(i, sig) for i, (sig, _) in enumerate(sets) if sig is not None]
    keys = np.array([i for i, _ in signed], dtype=np.int64)
    matrix = signature_matrix([sig for _, sig in signed], config.num_perm)
    bands, rows = lsh_params(config.num_perm, config.dup_lsh_threshold)
    hashes = [hashed for _, hashed in sets]
    parent = list(range(len(texts)))
    edges: list[tuple[int, int, float]] = []
    candidates = 0
    pairs = keys[candidate_pairs(matrix, bands, rows)]
    for i, j in zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True):
        ri, rj = _find(parent, i), _find(parent, j)
        if ri == rj:
            continue
        candidates += 1
        score = hashed_jaccard(hashes[i], hashes[j])
        if score >= config.dup_threshold:
            parent[max(ri, rj)] = min(ri, rj)
            edges.append((i, j, score))
    by_root: dict[int, list[int]] = {}
    for i in range(len(texts)):
        by_root.setdefault(_find(parent, i), []).append(i)
    groups = tuple(sorted(tuple(g) for g in by_root.values()))
    return NearDuplicates(groups=groups, edges=tuple(edges), candidates=candidates)
