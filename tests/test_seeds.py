"""Seed links (numpy) against the plain dictionary index they replace, collisions included."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.seeds
from cleaner.seeds import POSTINGS_PER_DOCUMENT, seed_links, window_classes

Link = tuple[int, int, int, int]


def reference_links(sequences: list[list[int]], size: int) -> list[Link]:
    """The links as first written: a dict from window to postings, in order of first place."""
    index: dict[tuple[int, ...], list[tuple[int, int]]] = {}
    for doc, seq in enumerate(sequences):
        for pos in range(len(seq) - size + 1):
            postings = index.setdefault(tuple(seq[pos : pos + size]), [])
            if sum(p[0] == doc for p in postings) < POSTINGS_PER_DOCUMENT:
                postings.append((doc, pos))
    links = []
    for postings in index.values():
        pivot = postings[0]
        if postings[-1][0] == pivot[0]:
            continue  # one document only
        other = next(p for p in postings if p[0] != pivot[0])
        for posting in postings[1:]:
            a, b = (pivot, posting) if posting[0] != pivot[0] else (posting, other)
            links.append((*a, *b))
    return links


def links_of(sequences: list[list[int]], size: int) -> list[Link]:
    ids = np.array([w for seq in sequences for w in seq], dtype=np.int64)
    columns = seed_links(ids, [len(seq) for seq in sequences], size)
    return list(zip(*(column.tolist() for column in columns), strict=True))


documents = st.lists(st.lists(st.integers(0, 4), max_size=30), max_size=6)


@settings(max_examples=400, deadline=None)
@given(documents, st.integers(1, 7))
def test_links_are_those_of_the_dictionary_index(sequences: list[list[int]], size: int) -> None:
    assert links_of(sequences, size) == reference_links(sequences, size)


@pytest.mark.parametrize("multiplier", [0, 1])
@settings(max_examples=100, deadline=None)
@given(documents, st.integers(1, 7))
def test_hash_collisions_fall_back_to_exact_classes(
    multiplier: int, sequences: list[list[int]], size: int
) -> None:
    original = cleaner.seeds.HASH_MULTIPLIER
    cleaner.seeds.HASH_MULTIPLIER = multiplier  # a hash that collides all the time
    try:
        assert links_of(sequences, size) == reference_links(sequences, size)
    finally:
        cleaner.seeds.HASH_MULTIPLIER = original


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 3), max_size=40), st.integers(1, 9))
def test_window_classes_are_equal_exactly_for_equal_windows(ids: list[int], size: int) -> None:
    classes = window_classes(np.array(ids, dtype=np.int64), size).tolist()
    windows = [tuple(ids[i : i + size]) for i in range(len(ids) - size + 1)]
    assert len(classes) == len(windows)
    for i, x in enumerate(windows):
        for j, y in enumerate(windows):
            assert (classes[i] == classes[j]) == (x == y)
