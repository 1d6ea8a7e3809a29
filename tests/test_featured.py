"""``featured_corpus``: the cleaned documents ``cleaner cluster`` reads, with their features."""

from __future__ import annotations

import doctest
from pathlib import Path

import cleaner.featured
from cleaner.cluster import Features, document_features, document_title
from cleaner.config import ClusterConfig
from cleaner.document import Document
from cleaner.featured import featured_corpus
from cleaner.io import ReadError, find_sources
from cleaner.pipeline import cleaned_documents, summary_documents
from cleaner.termids import counts_dict

FOLDER = Path(__file__).parent.parent / "fixtures" / "folder"


def test_documents_are_the_summary_ones_with_the_features_of_their_cleaned_text() -> None:
    sources = find_sources([FOLDER])
    config = ClusterConfig()
    featured = list(featured_corpus(sources, config))
    assert not [item for item in featured if isinstance(item, ReadError)]
    docs: list[Document] = [item[0] for item in featured if not isinstance(item, ReadError)]
    assert docs == list(cleaned_documents(sources, finish=summary_documents))
    assert all(isinstance(doc.metadata["removed"], int) for doc in docs)
    expected = document_features([(document_title(d), d.text) for d in docs], config)
    found = [item[1] for item in featured if not isinstance(item, ReadError)]
    assert list(map(plain, found)) == list(map(plain, expected))


def plain(features: Features) -> tuple[object, ...]:
    """Features as comparable values (arrays as lists, term ids as the terms they stand for)."""
    (signature, hashes), counts = features
    terms = list(counts_dict(counts).items())  # in the order they were counted
    return (None if signature is None else signature.tolist(), hashes.tolist(), terms)


def test_docstring_examples() -> None:
    result = doctest.testmod(cleaner.featured)
    assert result.failed == 0 and result.attempted > 0
