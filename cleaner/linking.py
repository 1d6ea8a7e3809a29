"""Average-link agglomeration restricted to a sparse graph of verified similarities.

Plain union-find over single edges merges two unrelated stories through one bad pair. Here two
groups merge only when the *average* similarity over all their cross pairs reaches the
threshold; a pair that was never proposed as a candidate counts as similarity 0. One bad edge
between two large groups is diluted by every pair that is not linked, so chains do not form.

Nodes carry weights (a group of near-duplicates counts as that many documents). The cost is
``O(E log E)`` for ``E`` verified edges, never all pairs.

>>> average_link(3, [1, 1, 1], {(0, 1): 0.9, (1, 2): 0.9}, threshold=0.5)
[[0, 1], [2]]
>>> average_link(3, [1, 1, 1], {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.6}, threshold=0.5)
[[0, 1, 2]]
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence


def average_link(
    n: int,
    weights: Sequence[float],
    edges: Mapping[tuple[int, int], float],
    threshold: float,
) -> list[list[int]]:
    """Group nodes ``0..n-1``; return groups as sorted lists, ordered by smallest node.

    ``edges`` maps ``(i, j)`` with ``i < j`` to a similarity. Merging is greedy, best average
    first; ties go to the pair of groups with the smallest ids, so the result is deterministic.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    weight: dict[int, float] = dict(enumerate(weights))
    # links[a][b]: sum over cross pairs of w_i * w_j * sim(i, j) between groups a and b.
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), sim in edges.items():
        if sim <= 0:
            continue
        s = weight[i] * weight[j] * sim
        links[i][j] = links[i].get(j, 0.0) + s
        links[j][i] = links[j].get(i, 0.0) + s

    def average(a: int, b: int) -> float:
        return links[a][b] / (weight[a] * weight[b])

    heap = [(-average(a, b), a, b) for a in links for b in links[a] if a < b]
    heapq.heapify(heap)
    next_id = n
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
        la, lb = links.pop(a), links.pop(b)
        merged: dict[int, float] = {}
        for other_links in (la, lb):
            for k, s in other_links.items():
                if k in (a, b):
                    continue
                merged[k] = merged.get(k, 0.0) + s
        links[c] = merged
        for k, s in merged.items():
            nk = links[k]
            nk.pop(a, None)
            nk.pop(b, None)
            nk[c] = s
            heapq.heappush(heap, (-average(k, c), k, c))
    groups = [sorted(m) for m in members.values()]
    return sorted(groups, key=lambda g: g[0])
