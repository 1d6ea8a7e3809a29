"""Term counts over shared vocabularies: however documents share them, the same counts."""

from __future__ import annotations

import doctest
import pickle

from hypothesis import given
from hypothesis import strategies as st

import cleaner.termids
from cleaner.termids import Vocabulary, chunk_counts, counts_dict, counts_of, flat_term_ids

TERMS = st.sampled_from(["moscow", "lavrov", "johnson", "said", "é", "a b", ""])
DOCUMENT = st.dictionaries(TERMS, st.floats(0.25, 9.0), max_size=6)
CHUNKS = st.lists(st.lists(DOCUMENT, min_size=1, max_size=4), max_size=4)


@given(CHUNKS)
def test_counts_read_back_the_same_however_vocabularies_are_shared(
    chunks: list[list[dict[str, float]]],
) -> None:
    docs = [doc for chunk in chunks for doc in chunk]
    per_chunk = [counts for chunk in chunks for counts in chunk_counts(chunk)]
    alone = [counts_of(doc) for doc in docs]
    run = Vocabulary()
    rebased = [run.rebase(pickle.loads(pickle.dumps(counts))) for counts in per_chunk]
    for form in (per_chunk, alone, rebased):
        assert [counts_dict(counts) for counts in form] == docs


@given(CHUNKS)
def test_flat_ids_name_the_same_terms_in_one_sorted_vocabulary(
    chunks: list[list[dict[str, float]]],
) -> None:
    docs = [doc for chunk in chunks for doc in chunk]
    per_chunk = [counts for chunk in chunks for counts in chunk_counts(chunk)]
    run = Vocabulary()
    rebased = [run.rebase(counts) for counts in per_chunk]
    for form in (per_chunk, [counts_of(doc) for doc in docs], rebased):
        vocabulary, ids, sizes = flat_term_ids(form)
        assert list(vocabulary) == sorted({t for doc in docs for t in doc})
        assert sizes.tolist() == [len(doc) for doc in docs]
        assert [vocabulary[i] for i in ids.tolist()] == [t for doc in docs for t in doc]


def test_a_chunk_shares_one_vocabulary_and_a_run_one_string_per_term() -> None:
    first = chunk_counts([{"moscow": 1.0}, {"moscow": 2.0, "lavrov": 1.0}])
    second = pickle.loads(pickle.dumps(chunk_counts([{"lavrov": 3.0}])))
    assert first[0][0] is first[1][0]
    run = Vocabulary()
    held = [run.rebase(counts) for counts in first + second]
    assert all(counts[0] is run.terms for counts in held)
    assert run.terms == ["moscow", "lavrov"]
    assert [list(counts[1]) for counts in held] == [[0], [0, 1], [1]]
    assert held[2][0][1] is first[1][0][1]  # the first copy of "lavrov" is the one kept


def test_no_documents() -> None:
    vocabulary, ids, sizes = flat_term_ids([])
    assert vocabulary == () and ids.tolist() == [] and sizes.tolist() == []


def test_docstring_examples() -> None:
    assert doctest.testmod(cleaner.termids).failed == 0


def test_terms_of_a_shared_vocabulary_no_document_has_are_left_out() -> None:
    chunk = chunk_counts([{"moscow": 1.0}, {"lavrov": 1.0, "said": 2.0}, {"zebra": 1.0}])
    vocabulary, ids, sizes = flat_term_ids(chunk[:2])
    assert vocabulary == ("lavrov", "moscow", "said")
    assert ids.tolist() == [1, 0, 2] and sizes.tolist() == [1, 2]
