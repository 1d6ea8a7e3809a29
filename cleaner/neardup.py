"""Near-duplicates: reprints, syndicated copies, the same page scraped twice.

Word-shingle MinHash signatures go into an LSH index; every candidate pair is verified with
the exact Jaccard similarity of the shingle sets before it is linked. Near-duplicates are
linked transitively (a reprint of a reprint is one group); a pair already in one group is not
verified again, so a group of ``g`` copies costs ``O(g)`` verifications, not ``O(g²)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import LeanMinHash

from cleaner.config import ClusterConfig
from cleaner.shingle import build_lsh, jaccard, shingles, signatures


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


def shingle_signatures(texts: Sequence[str], config: ClusterConfig) -> list[LeanMinHash | None]:
    """The MinHash signature of each text's shingle set (None for a text without words)."""
    sets = [shingles(text, config.shingle_size) for text in texts]
    sigs = signatures(sets, config)
    return [sig if s else None for s, sig in zip(sets, sigs, strict=True)]


def find_near_duplicates(
    texts: Sequence[str],
    config: ClusterConfig,
    sigs: Sequence[LeanMinHash | None] | None = None,
) -> NearDuplicates:
    """Group texts whose word-shingle sets have Jaccard >= ``config.dup_threshold``.

    ``sigs`` are the texts' :func:`shingle_signatures` when already computed (e.g. in a
    process pool). Shingle sets are built only for the texts an LSH candidate names.

    >>> a = "the council met on friday and agreed a new budget for the city schools"
    >>> nd = find_near_duplicates([a, a + " today", "something else entirely"], ClusterConfig())
    >>> nd.groups
    ((0, 1), (2,))
    """
    if sigs is None:
        sigs = shingle_signatures(texts, config)
    keys = [i for i, sig in enumerate(sigs) if sig is not None]
    lsh = build_lsh(keys, [sigs[i] for i in keys], config, threshold=config.dup_lsh_threshold)
    sets: dict[int, frozenset[bytes]] = {}

    def shingle_set(i: int) -> frozenset[bytes]:
        if i not in sets:
            sets[i] = shingles(texts[i], config.shingle_size)
        return sets[i]

    parent = list(range(len(texts)))
    edges: list[tuple[int, int, float]] = []
    candidates = 0
    for i in keys:
        for j in sorted(k for k in lsh.query(sigs[i]) if k > i):
            ri, rj = _find(parent, i), _find(parent, j)
            if ri == rj:
                continue
            candidates += 1
            score = jaccard(shingle_set(i), shingle_set(j))
            if score >= config.dup_threshold:
                parent[max(ri, rj)] = min(ri, rj)
                edges.append((i, j, score))
    by_root: dict[int, list[int]] = {}
    for i in range(len(texts)):
        by_root.setdefault(_find(parent, i), []).append(i)
    groups = tuple(sorted(tuple(g) for g in by_root.values()))
    return NearDuplicates(groups=groups, edges=tuple(edges), candidates=candidates)
