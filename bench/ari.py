"""Adjusted Rand index (Hubert & Arabie 1985), exact, from the contingency table.

>>> adjusted_rand_index({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"})
1.0
>>> adjusted_rand_index({"a": 1, "b": 1, "c": 1, "d": 1}, {"a": 1, "b": 2, "c": 3, "d": 4})
0.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping


def _pairs(n: int) -> int:
    """Number of unordered pairs among ``n`` items."""
    return n * (n - 1) // 2


def adjusted_rand_index(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> float:
    """ARI of ``predicted`` against ``gold`` over the items of ``gold`` (all must be predicted)."""
    items = sorted(gold)
    missing = [i for i in items if i not in predicted]
    if missing:
        raise ValueError(f"{len(missing)} items have no predicted cluster, e.g. {missing[0]!r}")
    n = len(items)
    table = Counter((gold[i], predicted[i]) for i in items)
    sum_cells = sum(_pairs(c) for c in table.values())
    sum_gold = sum(_pairs(c) for c in Counter(gold[i] for i in items).values())
    sum_pred = sum(_pairs(c) for c in Counter(predicted[i] for i in items).values())
    total = _pairs(n)
    if total == 0:
        return 1.0
    expected = sum_gold * sum_pred / total
    maximum = (sum_gold + sum_pred) / 2
    if maximum == expected:
        return 1.0
    return (sum_cells - expected) / (maximum - expected)
