"""Reading many texts at once gives exactly the words and spans of ``tokenize``."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner.wordbatch
from cleaner.normalize import WordReader, tokenize
from cleaner.wordbatch import (
    HASH_MULTIPLIER,
    TABLE_SIZE,
    BatchReader,
    hash_powers,
    read_batch,
)

OPTIONS = [
    dict(zip(("casefold", "unify_apostrophes", "join_hyphenated"), values, strict=True))
    for values in itertools.product([True, False], repeat=3)
]
ODD = list("\u00dfI\u0130\u02bc\u0345\u2019'-\u2014\u03a3\ufb01x _1\u00b2\u0663\u00e9`\u00b4\u0149")
"""Characters that fold to several ('\u00df', '\u0130', '\u0149', '\ufb01'), change kind when
normalised ('\u02bc' becomes an apostrophe, '\u0345' a letter), or join words."""


def check(texts: list[str], options: dict[str, bool], reader: BatchReader | None = None) -> None:
    batch = (reader or BatchReader(WordReader(**options))).read(texts)
    assert len(batch) == len(texts)
    for text, words in zip(texts, batch, strict=True):
        expected = [tuple(word) for word in tokenize(text, **options)]
        got = [(norm, *words.span(k, k + 1)) for k, norm in enumerate(words.norms)]
        assert got == expected, text


@pytest.mark.parametrize("options", OPTIONS, ids=str)
@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(), st.text(st.sampled_from([*ODD, "\ud800"]))), max_size=5))
def test_batch_reads_as_tokenize(options: dict[str, bool], texts: list[str]) -> None:
    check(texts, options)


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_every_ascii_character_normalises_in_place(options: dict[str, bool]) -> None:
    reader = WordReader(**options)  # WordReader takes this for granted
    assert all(reader.keeps_kind(chr(c)) for c in range(128))


def test_each_character_reads_as_tokenize() -> None:
    points = [*range(0, 0x3000), *range(0xFB00, 0xFB50), 0x1D400, 0x1F600, 0xE0041, 0x10FFFF]
    reader = BatchReader(WordReader())  # remembers characters from batch to batch
    for start in range(0, len(points), 400):
        texts = [f"Ab{c}cd {c} e'{c}f-g{c}\u2019h {c}{c}" for c in map(chr, points[start:][:400])]
        check(texts, {}, reader)
        check(texts[::-1], {}, reader)


def test_texts_beyond_the_table_and_empty_ones() -> None:
    beyond = chr(TABLE_SIZE + 0x41)  # a code point looked up by binary search
    check(["", f"a{beyond}b \U0001d400x", "", "Stra\u00dfe it\u02bcs"], {})
    assert read_batch([], WordReader()) == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(st.sampled_from([*ODD, "a", " "])), max_size=8))
def test_small_batches_read_the_same(texts: list[str]) -> None:
    original = cleaner.wordbatch.BATCH_CHARACTERS
    cleaner.wordbatch.BATCH_CHARACTERS = 5  # a batch every few texts
    try:
        check(texts, {})
    finally:
        cleaner.wordbatch.BATCH_CHARACTERS = original


def check_classes(texts: list[str], reader: BatchReader) -> None:
    """Classes are equal exactly for equal normalised words; spans are those of ``read``."""
    batch, classes = reader.read_classes(texts)
    expected = reader.read(texts)
    norms = [norm for words in expected for norm in words.norms]
    assert len(classes) == len(norms)
    first: dict[str, int] = {}
    for norm, word_class in zip(norms, classes.tolist(), strict=True):
        assert first.setdefault(norm, word_class) == word_class
    assert len(set(first.values())) == len(first)
    for got, words in zip(batch, expected, strict=True):
        assert got.norms == []
        assert [got.span(k, k + 1) for k in range(len(got.starts))] == [
            words.span(k, k + 1) for k in range(len(words.norms))
        ]


@pytest.mark.parametrize("options", OPTIONS, ids=str)
@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.sampled_from([*ODD, "a", "b", " "])), max_size=6))
def test_word_classes_tell_normalised_words_apart(
    options: dict[str, bool], texts: list[str]
) -> None:
    check_classes(texts, BatchReader(WordReader(**options)))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(st.sampled_from([*ODD, "a", " "])), max_size=6))
def test_word_classes_without_the_hash(texts: list[str]) -> None:
    original = cleaner.wordbatch._word_classes
    cleaner.wordbatch._word_classes = lambda *_: None  # as after a hash collision
    try:
        check_classes(texts, BatchReader(WordReader()))
    finally:
        cleaner.wordbatch._word_classes = original
    original_size = cleaner.wordbatch.BATCH_CHARACTERS
    cleaner.wordbatch.BATCH_CHARACTERS = 5  # texts longer than a batch
    try:
        check_classes(texts, BatchReader(WordReader()))
    finally:
        cleaner.wordbatch.BATCH_CHARACTERS = original_size


def test_word_classes_check_the_hash() -> None:
    stream = np.frombuffer("ab ab ba".encode("utf-32-le"), dtype=np.uint32)
    starts, ends = np.array([0, 3, 6]), np.array([2, 5, 8])
    classes = cleaner.wordbatch._word_classes(stream, starts, ends, hash_powers(9))
    assert classes is not None
    assert classes.tolist() in ([0, 0, 1], [1, 1, 0])
    collide = hash_powers(9, multiplier=1)  # every anagram collides
    assert cleaner.wordbatch._word_classes(stream, starts, ends, collide) is None


def test_hash_powers() -> None:
    powers, inverse = hash_powers(70)
    assert powers.tolist() == [pow(HASH_MULTIPLIER, k, 1 << 64) for k in range(70)]
    assert ((powers * inverse) == 1).all()


def test_power_tables_beyond_what_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cleaner.wordbatch, "POWERS_KEPT", 8)
    reader = BatchReader(WordReader())
    for texts in (["ab ba"], ["ab cd ab", "x y"], ["long text of words", "of words"], ["a"]):
        check_classes(texts, reader)
        assert len(reader.powers[0]) <= 8
