"""Small numpy helpers that several stages share."""

from __future__ import annotations

import numpy as np


def sorted_distinct(values: np.ndarray) -> np.ndarray:
    """``values`` sorted, without repeats: what ``np.unique`` gives, from one sort and a mask
    (numpy 2.4's ``np.unique`` hashes integers and is many times slower on large arrays).

    >>> sorted_distinct(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    values = np.sort(values)
    first = np.ones(len(values), dtype=bool)
    first[1:] = values[1:] != values[:-1]
    return values[first]
