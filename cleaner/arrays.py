"""Small numpy helpers that several stages share."""

from __future__ import annotations

import numpy as np


def run_starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal neighbours begins (in sorted values: each distinct value's
    first place): True at the first element and wherever one differs from the one before.

    >>> run_starts(np.array([1, 1, 2, 3, 3])).tolist()
    [True, False, True, True, False]
    """
    first = np.ones(len(values), dtype=bool)
    np.not_equal(values[1:], values[:-1], out=first[1:])
    return first


def sorted_distinct(values: np.ndarray) -> np.ndarray:
    """``values`` sorted, without repeats: what ``np.unique`` gives, from one sort and a mask
    (numpy 2.4's ``np.unique`` hashes integers and is many times slower on large arrays).

    >>> sorted_distinct(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    values = np.sort(values)
    return values[run_starts(values)]
