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


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum([w * b[t] for t, w in a.items() if t in b])


def centroid_link(
    vectors: Sequence[Mapping[str, float]],
    weights: Sequence[float],
    edges: Mapping[tuple[int, int], float],
    threshold: float,
) -> list[list[int]]:
    """Average link over *all* cross pairs, for groups joined by at least one verified edge.

    With unit-length vectors the average cosine over every cross pair of groups ``A`` and ``B``
    equals ``sum(A) . sum(B) / (|A| |B|)``, so keeping one sum vector per group gives the exact
    average-link score without enumerating pairs. Only groups that a verified candidate edge
    connects are ever compared, so the cost follows the candidate graph, not all pairs.

    >>> vs = [{"x": 1.0}, {"x": 0.8, "y": 0.6}, {"y": 1.0}]
    >>> centroid_link(vs, [1, 1, 1], {(0, 1): 0.8, (1, 2): 0.6}, threshold=0.5)
    [[0, 1], [2]]
    """
    members: dict[int, list[int]] = {i: [i] for i in range(len(vectors))}
    weight: dict[int, float] = dict(enumerate(weights))
    neighbours: dict[int, set[int]] = {i: set() for i in members}
    heap: list[tuple[float, int, int]] = []
    for (i, j), sim in edges.items():
        if sim > 0:
            neighbours[i].add(j)
            neighbours[j].add(i)
            heap.append((-sim, i, j))
    # Sum vectors only for nodes an edge touches (no other node ever merges); a node of
    # weight 1 shares its vector (copied when it is first added to), a merged node owns its sum.
    sums: dict[int, Mapping[str, float]] = {
        i: vectors[i] if weights[i] == 1 else {t: w * weights[i] for t, w in vectors[i].items()}
        for i in members
        if neighbours[i]
    }
    heapq.heapify(heap)
    next_id = len(vectors)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        if a not in members or b not in members:
            continue  # a stale entry: one side has merged since
        c = next_id
        next_id += 1
        members[c] = members.pop(a) + members.pop(b)
        weight[c] = weight.pop(a) + weight.pop(b)
        (big_id, larger), (_, small) = sorted(
            ((a, sums.pop(a)), (b, sums.pop(b))), key=lambda pair: len(pair[1]), reverse=True
        )
        big = larger if big_id >= len(vectors) and isinstance(larger, dict) else dict(larger)
        for t, w in small.items():
            big[t] = big.get(t, 0.0) + w
        sums[c] = big
        neighbours[c] = (neighbours.pop(a) | neighbours.pop(b)) - {a, b}
        for k in sorted(neighbours[c]):
            neighbours[k] -= {a, b}
            neighbours[k].add(c)
            score = _dot(sums[k], big) / (weight[k] * weight[c])
            heapq.heappush(heap, (-score, k, c))
    groups = [sorted(m) for m in members.values()]
    return sorted(groups, key=lambda g: g[0])
