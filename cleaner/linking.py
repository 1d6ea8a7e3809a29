"""Average-link agglomeration over a sparse graph of verified candidate pairs.

Plain union-find over single edges merges two unrelated stories through one bad pair. Here two
groups merge only when the *average* cosine over all their cross pairs reaches the threshold,
so one bad edge between two groups is outweighed by every other pair. Groups are compared only
when a verified candidate edge connects them: the cost follows the candidate graph, never all
pairs. Nodes carry weights (a group of near-duplicates counts as that many documents).

>>> vs = [{"x": 1.0}, {"x": 1.0}, {"y": 1.0}, {"y": 1.0}]
>>> centroid_link(vs, [1, 1, 1, 1], {(0, 1): 1.0, (2, 3): 1.0, (1, 2): 0.0}, threshold=0.5)
[[0, 1], [2, 3]]
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

from cleaner.terms import K, dot


def centroid_link(
    vectors: Sequence[Mapping[K, float]],
    weights: Sequence[float],
    edges: Mapping[tuple[int, int], float],
    threshold: float,
) -> list[list[int]]:
    """Average link over *all* cross pairs, for groups joined by at least one verified edge.

    With unit-length vectors the average cosine over every cross pair of groups ``A`` and ``B``
    equals ``sum(A) . sum(B) / (|A| |B|)``, so keeping one sum vector per group gives the exact
    average-link score without enumerating pairs. Only groups that a verified candidate edge
    connects are ever compared, so the cost follows the candidate graph, not all pairs.

    Scores are computed lazily. The score of ``A + B`` with a neighbour ``K`` is the weighted
    mean of the scores of ``A`` and of ``B`` with ``K``; each of those is known, or bounded
    (by what is known of it, or by 1 when ``K`` is a neighbour of one side only), so a merge
    only updates cheap upper bounds of its neighbours' scores. A pair's exact score (the
    dot product of sum vectors) is computed when its bound comes first in the queue, and
    the pair merges when its exact score comes first: the merges are those of computing
    every exact score at every merge (ties go the same way: bounds are resolved before
    exact scores equal to them), at the cost of the scores that reach the threshold.

    >>> vs = [{"x": 1.0}, {"x": 0.8, "y": 0.6}, {"y": 1.0}]
    >>> centroid_link(vs, [1, 1, 1], {(0, 1): 0.8, (1, 2): 0.6}, threshold=0.5)
    [[0, 1], [2]]
    """
    members: dict[int, list[int]] = {i: [i] for i in range(len(vectors))}
    weight: dict[int, float] = dict(enumerate(weights))
    known: dict[int, dict[int, tuple[float, bool]]] = {i: {} for i in members}
    """Per group, its neighbours with an upper bound of their score (exact or not)."""
    heap: list[tuple[float, bool, int, int]] = []
    for (i, j), sim in edges.items():
        if sim > 0:
            known[i][j] = known[j][i] = (sim, True)
            if sim >= threshold:
                heap.append((-sim, True, min(i, j), max(i, j)))
    sums: dict[int, Mapping[K, float]] = {
        i: vectors[i] if weights[i] == 1 else {t: w * weights[i] for t, w in vectors[i].items()}
        for i in members
        if known[i]
    }
    heapq.heapify(heap)
    next_id = len(vectors)
    while heap:
        neg, exact, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        if known.get(a, {}).get(b) != (-neg, exact):
            continue  # a stale entry: one side has merged, or the pair was scored since
        if not exact:
            score = dot(sums[a], sums[b]) / (weight[a] * weight[b])
            known[a][b] = known[b][a] = (score, True)
            if score >= threshold:
                heapq.heappush(heap, (-score, True, a, b))
            continue
        c = next_id
        next_id += 1
        _merge(a, b, c, members, weight, sums, len(vectors))
        near_a, near_b = known.pop(a), known.pop(b)
        near_a.pop(b)
        near_b.pop(a)
        bounds: dict[int, tuple[float, bool]] = {}
        for k in sorted(near_a.keys() | near_b.keys()):
            bound_a, exact_a = near_a.get(k, (1.0, False))
            bound_b, exact_b = near_b.get(k, (1.0, False))
            bound = (weight[a] * bound_a + weight[b] * bound_b) / (weight[a] + weight[b])
            bounds[k] = (bound, exact_a and exact_b)
            theirs = known[k]
            theirs.pop(a, None)
            theirs.pop(b, None)
            theirs[c] = bounds[k]
            if bound >= threshold:
                heapq.heappush(heap, (-bound, exact_a and exact_b, k, c))
        known[c] = bounds
        weight.pop(a)
        weight.pop(b)
    groups = [sorted(m) for m in members.values()]
    return sorted(groups, key=lambda g: g[0])


def _merge(
    a: int,
    b: int,
    c: int,
    members: dict[int, list[int]],
    weight: dict[int, float],
    sums: dict[int, Mapping[K, float]],
    originals: int,
) -> None:
    """Make group ``c`` of groups ``a`` and ``b``: members, weight and sum vector (a node of
    weight 1 shares its vector, so it is copied when it is first added to; a merged node
    owns its sum)."""
    members[c] = members.pop(a) + members.pop(b)
    weight[c] = weight[a] + weight[b]
    (big_id, larger), (_, small) = sorted(
        ((a, sums.pop(a)), (b, sums.pop(b))), key=lambda pair: len(pair[1]), reverse=True
    )
    big = larger if big_id >= originals and isinstance(larger, dict) else dict(larger)
    for t, w in small.items():
        big[t] = big.get(t, 0.0) + w
    sums[c] = big
