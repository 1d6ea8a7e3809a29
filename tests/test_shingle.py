"""Word shingles, exact Jaccard and MinHash signatures."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from cleaner.config import ClusterConfig
from cleaner.shingle import estimated_jaccard, jaccard, shingles, signatures, words


def test_words_lowercase_and_keep_inner_apostrophes() -> None:
    assert words("Russia\u2019s Foreign-Minister, Lavrov!") == [
        "russia's",
        "foreign",
        "minister",
        "lavrov",
    ]


def test_shingles_are_word_ngrams() -> None:
    assert shingles("a b c d", 3) == {b"a b c", b"b c d"}
    assert shingles("", 3) == frozenset()
    assert shingles("Short text", 5) == {b"short text"}


def test_jaccard() -> None:
    a, b = frozenset({b"x", b"y"}), frozenset({b"y", b"z"})
    assert jaccard(a, b) == 1 / 3
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_signatures_are_deterministic_and_picklable() -> None:
    config = ClusterConfig()
    sets = [shingles("the quick brown fox jumps over the lazy dog", 3), frozenset({b"x"})]
    first, second = signatures(sets, config), signatures(sets, config)
    assert all((a.hashvalues == b.hashvalues).all() for a, b in zip(first, second, strict=True))
    assert estimated_jaccard(first[0], pickle.loads(pickle.dumps(second[0]))) == 1.0
    assert len(first[0].hashvalues) == config.num_perm


@given(st.text(max_size=200), st.integers(min_value=1, max_value=6))
def test_shingle_count_bounded_by_words(text: str, size: int) -> None:
    assert len(shingles(text, size)) <= max(1, len(words(text)))
