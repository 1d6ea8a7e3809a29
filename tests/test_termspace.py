"""``cleaner.termspace`` computes, for all units at once, what ``cleaner.terms`` states one
vector at a time: the same vectors, salient terms, cosines and centroids."""

from __future__ import annotations

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.termspace
from cleaner.config import ClusterConfig
from cleaner.termids import chunk_counts, counts_of
from cleaner.terms import CorpusStats, centroid, cosine, salient_terms, weigh
from cleaner.termspace import Centroids, UnitVectors, pair_cosines, unit_space

TERMS = st.sampled_from(["moscow", "lavrov", "johnson", "bridge", "río", "été", "a1", "zed"])
DOC = st.dictionaries(TERMS, st.sampled_from([1.0, 2.0, 3.0, 4.5, 1.5]), max_size=6)


def _groups(sizes: list[int]) -> list[tuple[int, ...]]:
    groups, start = [], 0
    for size in sizes:
        groups.append(tuple(range(start, start + size)))
        start += size
    return groups


def _mean(docs: list[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for doc in docs:
        for term, count in doc.items():
            total[term] = total.get(term, 0.0) + count
    return {term: count / len(docs) for term, count in total.items()}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.lists(DOC, min_size=3, max_size=3)), max_size=8))
def test_the_same_vectors_salient_terms_and_cosines_as_one_at_a_time(
    units: list[tuple[int, list[dict[str, float]]]],
) -> None:
    docs = [doc for size, three in units for doc in three[:size]]
    groups = _groups([size for size, _ in units])
    config = ClusterConfig(top_terms=3, min_df=2)
    means = [_mean([docs[i] for i in group]) for group in groups]
    stats = CorpusStats.from_counts(means, prior=config.idf_prior)
    expected = [weigh(mean, stats) for mean in means]

    space = unit_space(chunk_counts(docs), groups, prior=config.idf_prior)
    vectors = [{space.vocabulary[t]: w for t, w in v.items()} for v in UnitVectors(space)]
    assert [sorted(v) for v in vectors] == [sorted(v) for v in expected]
    for got, want in zip(vectors, expected, strict=True):
        assert got == pytest.approx(want, rel=1e-12, abs=1e-15)
    salient = space.salient(config.top_terms, config.min_df)
    for got_ids, vector in zip(salient, expected, strict=True):
        want_terms = salient_terms(vector, stats, config)
        assert [space.vocabulary[t] for t in got_ids.tolist()] == want_terms
    pairs = np.array([(i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))])
    cosines = pair_cosines(space, pairs.reshape(-1, 2))
    for (i, j), got in zip(pairs.reshape(-1, 2).tolist(), cosines.tolist(), strict=True):
        assert got == pytest.approx(cosine(expected[i], expected[j]), abs=1e-12)

    story_of_unit = np.arange(len(groups)) % 2
    middle = Centroids.of(space, story_of_unit, 2)
    for story in (0, 1):
        members = [u for u in range(len(groups)) if story_of_unit[u] == story]
        mean = centroid(expected[u] for u in members)
        for u in members:
            assert middle.cosines[u] == pytest.approx(cosine(expected[u], mean), abs=1e-12)
        top = sorted(mean, key=lambda t: (-round(mean[t], 12), t))[:2]
        if mean:
            assert middle.top_terms(story, 2) == top


def test_no_documents_and_empty_documents() -> None:
    space = unit_space([], [])
    assert space.units == 0 and space.salient(5, 1) == []
    assert pair_cosines(space, np.zeros((0, 2), dtype=np.int64)).tolist() == []
    space = unit_space([counts_of({}), counts_of({"a": 1.0})], [(0,), (1,)])
    assert space.vector(0) == {} and space.vector(1) == {0: 1.0}
    assert [s.tolist() for s in space.salient(5, 1)] == [[], [0]]
    assert Centroids.of(space, np.array([0, 1]), 2).cosines.tolist() == [0.0, 1.0]
    with pytest.raises(IndexError):
        UnitVectors(space)[2]


def test_docstring_examples() -> None:
    assert doctest.testmod(cleaner.termspace).failed == 0
