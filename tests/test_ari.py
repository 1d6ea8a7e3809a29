"""The benchmark's adjusted Rand index."""

from __future__ import annotations

import pytest

from bench.ari import adjusted_rand_index


def labels(values: list[int]) -> dict[str, int]:
    return {f"d{i}": v for i, v in enumerate(values)}


def test_known_value() -> None:
    # Hubert & Arabie's formula by hand: (1 - 1/3) / (3/2 - 1/3) = 4/7.
    assert adjusted_rand_index(labels([0, 0, 1, 1]), labels([0, 0, 1, 2])) == pytest.approx(4 / 7)


def test_perfect_and_renamed() -> None:
    assert adjusted_rand_index(labels([0, 0, 1, 2]), labels([5, 5, 3, 4])) == 1.0


def test_missing_prediction_is_an_error() -> None:
    with pytest.raises(ValueError):
        adjusted_rand_index({"a": 1, "b": 1}, {"a": 1})
