"""LSH banding in numpy against simple references: datasketch's ``MinHashLSH`` and plain
Python loops over buckets and partners."""

from __future__ import annotations

import doctest
from itertools import combinations

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.bands
from cleaner.bands import best_pairs, candidate_pairs, estimated_overlaps


def reference_pairs(matrix: np.ndarray, bands: int, rows: int) -> list[list[int]]:
    """Pairs sharing a bucket, from a dictionary of band values per band."""
    found: set[tuple[int, int]] = set()
    for band in range(bands):
        buckets: dict[tuple[int, ...], list[int]] = {}
        for i, row in enumerate(matrix.tolist()):
            buckets.setdefault(tuple(row[band * rows : (band + 1) * rows]), []).append(i)
        for members in buckets.values():
            found.update(combinations(members, 2))
    return [list(pair) for pair in sorted(found)]


def reference_best(pairs: np.ndarray, scores: np.ndarray, limit: int) -> list[list[int]]:
    """Each row's ``limit`` best partners (score, then partner), as sorted pairs."""
    partners: dict[int, list[tuple[float, int]]] = {}
    for (i, j), score in zip(pairs.tolist(), scores.tolist(), strict=True):
        partners.setdefault(i, []).append((-score, j))
        partners.setdefault(j, []).append((-score, i))
    chosen = {
        (min(i, j), max(i, j)) for i, ranked in partners.items() for _, j in sorted(ranked)[:limit]
    }
    return [list(pair) for pair in sorted(chosen)]


@st.composite
def signatures(draw: st.DrawFn) -> tuple[np.ndarray, int, int]:
    """A small signature matrix with few distinct values (so buckets are shared), as
    32-bit values or as 64-bit values beyond 32 bits, and a ``(bands, rows)``."""
    rows = draw(st.integers(1, 5))
    bands = draw(st.integers(0, 4))
    n = draw(st.integers(0, 25))
    width = max(bands * rows, 1) + draw(st.integers(0, 3))
    values = draw(st.lists(st.integers(0, 2), min_size=n * width, max_size=n * width))
    small = np.array(values, dtype=np.int64).reshape(n, width)
    kind = draw(st.sampled_from(["uint32", "uint64", "int64"]))
    if kind == "uint32":
        return small.astype(np.uint32), bands, rows
    if kind == "uint64":
        return small.astype(np.uint64) + np.uint64(2**40), bands, rows
    return small - 1, bands, rows


@settings(max_examples=300, deadline=None)
@given(signatures())
def test_candidate_pairs_match_a_bucket_dictionary(case: tuple[np.ndarray, int, int]) -> None:
    matrix, bands, rows = case
    pairs = candidate_pairs(matrix, bands, rows)
    assert pairs.dtype == np.int64 and pairs.shape == (len(pairs), 2)
    assert pairs.tolist() == reference_pairs(matrix, bands, rows)


@pytest.mark.parametrize(("bands", "rows"), [(37, 3), (64, 2), (16, 8), (128, 1)])
def test_candidate_pairs_match_minhash_lsh(bands: int, rows: int) -> None:
    rng = np.random.default_rng(bands)
    base = rng.integers(0, 2**32, size=(12, 128), dtype=np.uint64).astype(np.uint32)
    copies = base[rng.integers(0, 12, size=60)]
    flips = rng.random(copies.shape) < 0.4
    matrix = np.where(flips, rng.integers(0, 2**32, copies.shape, dtype=np.uint64), copies)
    matrix = matrix.astype(np.uint32)
    lsh = MinHashLSH(num_perm=128, params=(bands, rows))
    sketches = [MinHash(num_perm=128, hashvalues=row, scheme="affine32") for row in matrix]
    for i, sketch in enumerate(sketches):
        lsh.insert(i, sketch)
    expected = sorted({(i, j) for i, s in enumerate(sketches) for j in lsh.query(s) if i < j})
    assert expected  # the copies collide
    assert candidate_pairs(matrix, bands, rows).tolist() == [list(p) for p in expected]


def test_a_bucket_of_many_rows_lists_all_its_pairs() -> None:
    matrix = np.array([[7, 7]] * 5 + [[1, 2]], dtype=np.uint32)
    assert candidate_pairs(matrix, 1, 2).tolist() == [list(p) for p in combinations(range(5), 2)]


@settings(max_examples=200, deadline=None)
@given(signatures(), st.integers(1, 7))
def test_estimated_overlaps_are_shares_of_equal_positions(
    case: tuple[np.ndarray, int, int], step: int
) -> None:
    matrix, _, _ = case
    pairs = np.array(list(combinations(range(len(matrix)), 2)), dtype=np.int64).reshape(-1, 2)
    expected = [float(np.mean(matrix[i] == matrix[j])) for i, j in pairs.tolist()]
    assert estimated_overlaps(matrix, pairs, step=step).tolist() == expected


pair_lists = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), unique=True).map(
    lambda found: sorted({(min(p), max(p)) for p in found if p[0] != p[1]})
)


@settings(max_examples=300, deadline=None)
@given(pair_lists, st.data(), st.integers(0, 4))
def test_best_pairs_keep_each_rows_best_partners(
    found: list[tuple[int, int]], data: st.DataObject, limit: int
) -> None:
    pairs = np.array(found, dtype=np.int64).reshape(-1, 2)
    levels = st.sampled_from([0.0, -0.0, 0.25, 0.5, 0.5000000000000001, 1.0])
    scores = np.array(data.draw(st.lists(levels, min_size=len(pairs), max_size=len(pairs))))
    assert best_pairs(pairs, scores, limit).tolist() == reference_best(pairs, scores, limit)


def test_best_pairs_with_rows_too_far_apart_for_one_number() -> None:
    far = 2**31
    pairs = np.array([[0, far], [1, far], [2, far], [0, 1], [1, 2]], dtype=np.int64)
    scores = np.array([0.1, 0.2, 0.3, 0.4, 0.5])
    assert best_pairs(pairs, scores, 1).tolist() == reference_best(pairs, scores, 1)
    assert best_pairs(pairs, scores, 2).tolist() == reference_best(pairs, scores, 2)


def test_doctests() -> None:
    assert doctest.testmod(cleaner.bands).failed == 0
