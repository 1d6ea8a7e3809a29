"""What ``cleaner cluster`` reads: cleaned documents with their clustering features.

Each document is cleaned as ``cleaner clean`` cleans it (:mod:`cleaner.pipeline`), and its
clustering features (:func:`~cleaner.cluster.document_features`) are computed by the same pool
worker, while the cleaned text is at hand, so no text is sent to a worker twice. The documents
come in summary form (:func:`~cleaner.pipeline.summary_document`: the count of removed lines,
not the lines), as a cluster report needs no more.

>>> from cleaner.config import ClusterConfig
>>> from cleaner.document import Document
>>> from cleaner.pipeline import clean_documents
>>> cleaned = clean_documents([Document("a", "A title\\n\\nThe council voted on Monday.")])
>>> [(doc.text, doc.metadata["removed"]) for doc, _ in featured_documents(ClusterConfig(), cleaned)]
[('The council voted on Monday.', 0)]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial
from typing import BinaryIO

from cleaner.cluster import Features, document_features, document_title
from cleaner.config import CleanConfig, ClusterConfig
from cleaner.document import Document
from cleaner.pipeline import (
    DEFAULT_CLEAN_CONFIG,
    Cleaned,
    Track,
    finished_corpus,
    summary_documents,
    untracked,
)
from cleaner.readers import DEFAULT_READ_CONFIG
from cleaner.sources import ReadConfig, ReadError, Source
from cleaner.termids import Vocabulary
from cleaner.terms import PieceMemo, piece_memo

Featured = tuple[Document, Features]
"""A cleaned document with its clustering features (see :func:`featured_documents`)."""


def featured_corpus(
    sources: Sequence[Source],
    cluster_config: ClusterConfig,
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    *,
    stdin: BinaryIO | None = None,
    track: Track = untracked,
    read_config: ReadConfig = DEFAULT_READ_CONFIG,
    jobs: int = 1,
) -> Iterator[Featured | ReadError]:
    """What ``cleaner cluster`` reads: :func:`~cleaner.pipeline.cleaned_documents` (summary
    form), each with its clustering features, computed in the worker that cleaned it
    (see :func:`featured_documents`); pass them to ``run_clustering(..., features=...)``.

    Each document's term counts are rebased, as they arrive from the workers, onto one
    :class:`~cleaner.termids.Vocabulary` of the run: held for 100,000 documents, one copy of
    each term instead of one per chunk saves hundreds of MB. (Metadata keys need no such
    care: a worker's documents share their key strings, so a chunk unpickles one of each.)"""
    featured = finished_corpus(
        sources,
        config,
        None,
        partial(featured_documents, cluster_config, memo=piece_memo()),
        stdin=stdin,
        track=track,
        read_config=read_config,
        jobs=jobs,
    )
    vocabulary = Vocabulary()
    for item in featured:
        if isinstance(item, ReadError):
            yield item
            continue
        doc, (shingle_set, counts) = item
        yield doc, (shingle_set, vocabulary.rebase(counts))


def featured_documents(
    config: ClusterConfig, chunk: list[Cleaned], memo: PieceMemo | None = None
) -> list[Featured]:
    """A :data:`~cleaner.pipeline.Finish` for clustering (pass ``functools.partial(
    featured_documents, config, memo=piece_memo())``: the memo then lasts as long as the
    worker): each document as :func:`~cleaner.pipeline.summary_document` makes it, with its
    clustering features, computed in the worker that cleaned it, so the text is not sent to a
    worker again."""
    docs = summary_documents(chunk)
    features = document_features([(document_title(d), d.text) for d in docs], config, memo)
    return list(zip(docs, features, strict=True))
