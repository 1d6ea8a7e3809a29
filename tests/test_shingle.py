"""Word shingles, exact Jaccard and MinHash signatures."""

from __future__ import annotations

import pickle
import zlib

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from cleaner.config import ClusterConfig
from cleaner.minhash import fmix
from cleaner.neardup import shingle_sets
from cleaner.shingle import (
    LOW_32_BITS,
    WORD_MIX,
    estimated_jaccard,
    jaccard,
    low_hash_sets,
    shingle_hashes,
    shingles,
    signatures,
    text_shingle_hashes,
    words,
)


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


def plain_text_shingle_hashes(text: str, size: int) -> np.ndarray:
    """text_shingle_hashes as it was before shingle sets were computed in bulk, kept as is."""
    tokens = words(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    crcs = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), np.uint64, len(tokens))
    count = max(1, len(tokens) - size + 1)
    width = min(size, len(tokens))
    mixed = np.full(count, np.uint64(width), dtype=np.uint64)
    for k in range(width):
        mixed = (mixed + crcs[k : k + count]) * WORD_MIX[k % len(WORD_MIX)]
    return np.unique(fmix(mixed))


shingle_texts = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="ab c\u2019'\n\t.1_Σé", max_size=30),
    st.lists(
        st.sampled_from(["the", "Cat", "sat", "on", "mat.", "don't", "1,000"]), max_size=12
    ).map(" ".join),
)


@given(st.lists(shingle_texts, max_size=8), st.integers(min_value=1, max_value=6))
def test_bulk_shingle_sets_are_each_texts_set(texts: list[str], size: int) -> None:
    hashes, counts = shingle_hashes(texts, size)
    assert hashes.dtype == np.uint64 and counts.tolist() == [
        len(words(t)) - size + 1 if len(words(t)) >= size else min(1, len(words(t))) for t in texts
    ]
    sets = low_hash_sets(hashes, counts)
    assert len(sets) == len(texts)
    for text, found in zip(texts, sets, strict=True):
        plain = plain_text_shingle_hashes(text, size)
        assert np.array_equal(text_shingle_hashes(text, size), plain)
        assert text_shingle_hashes(text, size).dtype == np.uint64
        expected = np.unique((plain & LOW_32_BITS).astype(np.uint32))
        assert found.dtype == np.uint32 and np.array_equal(found, expected)


def test_shingle_sets_of_a_chunk_match_one_by_one() -> None:
    config = ClusterConfig()
    texts = ["", "One", "one two", "the cat sat on the mat", "The cat sat on the mat!", "a b"]
    together = shingle_sets(texts, config)
    for text, (row, found) in zip(texts, together, strict=True):
        ((alone_row, alone),) = shingle_sets([text], config)
        assert np.array_equal(found, alone)
        assert (row is None) == (alone_row is None) == (not words(text))
        assert row is None or alone_row is None or np.array_equal(row, alone_row)
