"""The shared numpy helpers give what numpy's own, slower, calls give."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from cleaner.arrays import run_starts, sorted_distinct

VALUES = st.lists(st.integers(0, 5), max_size=30).map(lambda v: np.array(v, dtype=np.int64))


@given(VALUES)
def test_sorted_distinct_is_np_unique(values: np.ndarray) -> None:
    assert sorted_distinct(values).tolist() == np.unique(values).tolist()


@given(VALUES)
def test_run_starts_mark_where_each_run_of_equal_values_begins(values: np.ndarray) -> None:
    starts = run_starts(values)
    assert len(starts) == len(values)
    assert starts.tolist() == [i == 0 or values[i] != values[i - 1] for i in range(len(values))]
    ordered = np.sort(values)
    assert ordered[run_starts(ordered)].tolist() == np.unique(values).tolist()
