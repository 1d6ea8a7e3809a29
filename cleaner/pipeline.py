"""Cleaning many documents: the functions ``cleaner clean`` and ``cleaner cluster`` share.

A corpus (a folder, or several files) is cleaned in two streaming passes over its sources:

1. :func:`corpus_templates` reads every document once, lets
   :func:`~cleaner.templates.build_templates` count its lines, and drops the text;
2. :func:`clean_documents` reads them again and cleans each with that evidence.

:func:`clean_corpus` runs both; :func:`cleaned_documents` gives what clustering needs
(``Document.text`` is the cleaned body, ``metadata`` holds the rest). Inputs that cannot be
read flow through as :class:`~cleaner.sources.ReadError` values, in input order, so a caller
can report them and carry on. Everything here is a plain function over picklable values.

A source may hold many documents (a JSONL or WARC file: one corpus on its own). HTML
documents (``metadata["content_type"] == "html"``) are cleaned by
:func:`~cleaner.html.clean_html`, and count in pass 1 by the text extracted from them;
text documents by :func:`~cleaner.clean.clean_text` (see :func:`clean_document`).

>>> from cleaner.document import Document
>>> [type(c).__name__ for c in clean_documents([Document("a", "Title\\n\\nBody")])]
['Cleaned']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import BinaryIO, TypeVar

from cleaner.clean import CleanResult, clean_text
from cleaner.cluster import Features, document_features, document_title
from cleaner.config import CleanConfig, ClusterConfig
from cleaner.document import Document
from cleaner.html import clean_html, extract_html
from cleaner.linememo import LineMemo
from cleaner.parallel import chunked_map
from cleaner.readers import (
    DEFAULT_READ_CONFIG,
    is_html,
    read_source,
    read_sources,
    rereadable_stdin,
)
from cleaner.sources import ReadConfig, ReadError, Source, internal_error
from cleaner.templates import TemplateLines, build_templates, merge_all
from cleaner.termids import Vocabulary
from cleaner.terms import PieceMemo, piece_memo

DEFAULT_CLEAN_CONFIG = CleanConfig()
T = TypeVar("T")

MIN_CORPUS_DOCUMENTS = 2
"""Fewer readable documents than this give no folder evidence: a single file is cleaned
exactly as the same text on standard input."""

Finish = Callable[[list["Cleaned"]], list[T]]
"""What a worker makes of the cleaned documents of one chunk, one result per document, in
order (a module-level function or a ``functools.partial`` of one: it is sent to the workers)."""

Featured = tuple[Document, Features]
"""A cleaned document with its clustering features (see :func:`featured_documents`)."""

Track = Callable[[Sequence[Source], str], Iterable[Source]]
"""Wraps the sources of one pass (``"reading"`` or ``"cleaning"``), e.g. in a progress bar."""


def untracked(sources: Sequence[Source], label: str) -> Iterable[Source]:
    """The default :data:`Track`: the sources as they are."""
    return sources


@dataclass(frozen=True, slots=True)
class Cleaned:
    """One input document and what cleaning made of it."""

    input: Document
    """The document as read (raw text)."""
    result: CleanResult

    def to_document(self) -> Document:
        """The cleaned document: ``text`` is the body; title, authors, published, language,
        removed lines (public JSONL form), source and encoding are in ``metadata``."""
        record = self.result.to_record(self.input.id)
        return Document(
            id=self.input.id,
            text=self.result.text,
            source=self.input.source,
            metadata={
                **self.input.metadata,
                "title": self.result.title,
                "authors": record["authors"],
                "published": self.result.published,
                "language": self.result.language,
                "removed": record["removed"],
                "source": self.input.source,
            },
        )


def corpus_templates(
    documents: Iterable[Document | ReadError | Source],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    *,
    jobs: int = 1,
    read_config: ReadConfig = DEFAULT_READ_CONFIG,
) -> TemplateLines | None:
    """Pass 1: folder evidence over the readable documents (streamed, texts not kept).

    ``documents`` may also hold one-document sources (text or HTML files), read where they
    are counted: with ``jobs > 1``, chunks are counted in a process pool and their unpruned
    evidence merged as it comes (:func:`~cleaner.templates.merge_all`), then pruned. Returns
    None when fewer than :data:`MIN_CORPUS_DOCUMENTS` documents could be read.
    """
    if jobs <= 1:
        templates = build_templates(_corpus_texts(_documents(documents, read_config)), config)
        return templates if templates.documents >= MIN_CORPUS_DOCUMENTS else None
    parts = chunked_map(_count_lines, documents, config, read_config, jobs=jobs)
    templates = merge_all(
        (part for part in parts if part is not None), config.template_min_documents
    )
    return templates if templates.documents >= MIN_CORPUS_DOCUMENTS else None


def _count_lines(
    chunk: list[Document | ReadError | Source], config: CleanConfig, read_config: ReadConfig
) -> list[TemplateLines | None]:
    """Pass 1 over one chunk: its unpruned evidence as the chunk's first result."""
    texts = list(_corpus_texts(_documents(chunk, read_config)))
    results: list[TemplateLines | None] = [None] * len(chunk)
    results[0] = build_templates(texts, config, prune=False)
    return results


def _documents(
    chunk: Iterable[Document | ReadError | Source], read_config: ReadConfig
) -> Iterator[Document]:
    """The readable documents of a chunk, reading one-document sources."""
    for item in chunk:
        if isinstance(item, Source):
            yield from (d for d in read_source(item, None, read_config) if isinstance(d, Document))
        elif isinstance(item, Document):
            yield item


def _corpus_texts(documents: Iterable[Document]) -> Iterator[str]:
    """The documents' texts; one the extractor fails on is left out (pass 2 says why)."""
    for doc in documents:
        try:
            text = corpus_text(doc)
        except Exception:  # a bug on this document: pass 2 reports it
            continue
        yield text


def corpus_text(doc: Document) -> str:
    """The text pass 1 counts lines in: the text, or what is extracted from an HTML page."""
    if is_html(doc):
        return extract_html(doc.text, doc.metadata.get("url")).cleaner_input
    return doc.text


def clean_document(
    doc: Document,
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    templates: TemplateLines | None = None,
    memo: LineMemo | None = None,
) -> CleanResult:
    """Clean one document: an HTML page with ``clean_html``, text with ``clean_text`` (with
    ``memo``, one :class:`~cleaner.linememo.LineMemo` for the documents of a corpus)."""
    if is_html(doc):
        return clean_html(
            doc.text, clean_config=config, url=doc.metadata.get("url"), templates=templates
        )
    return clean_text(doc.text, config, templates, memo=memo)


def clean_documents(
    documents: Iterable[Document | ReadError | Source],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    templates: TemplateLines | None = None,
    *,
    jobs: int = 1,
    read_config: ReadConfig = DEFAULT_READ_CONFIG,
) -> Iterator[Cleaned | ReadError]:
    """Pass 2: clean each document in order; read errors pass through unchanged.

    An exception while cleaning one document (a bug) becomes an error value naming it, and
    the others are still cleaned. One-document sources among ``documents`` are read where
    they are cleaned. With ``jobs > 1`` chunks are cleaned in a process pool, results in
    input order.
    """
    yield from finished_documents(documents, config, templates, _as_is, jobs, read_config)


def finished_documents(
    documents: Iterable[Document | ReadError | Source],
    config: CleanConfig,
    templates: TemplateLines | None,
    finish: Finish[T],
    jobs: int = 1,
    read_config: ReadConfig = DEFAULT_READ_CONFIG,
) -> Iterator[T | ReadError]:
    """:func:`clean_documents`, with ``finish`` (see :data:`Finish`) turning the
    :class:`Cleaned` documents of each chunk into what the caller keeps, in the worker."""
    memo = LineMemo()  # a fixed argument of the pool task: each worker keeps one for the run
    yield from chunked_map(
        _clean_chunk, documents, config, templates, read_config, finish, memo, jobs=jobs
    )


def _clean_chunk(
    chunk: list[Document | ReadError | Source],
    config: CleanConfig,
    templates: TemplateLines | None,
    read_config: ReadConfig,
    finish: Finish[T],
    memo: LineMemo | None = None,
) -> list[T | ReadError]:
    """Pass 2 over one chunk (one result per item: a one-document source reads as one)."""
    results: list[Cleaned | ReadError] = []
    for item in chunk:
        if isinstance(item, Source):
            read = list(read_source(item, None, read_config))
            if len(read) != 1:
                raise ValueError(f"{item.name}: a source of records cannot be cleaned here")
            item = read[0]
        if isinstance(item, ReadError):
            results.append(item)
            continue
        try:
            result = clean_document(item, config, templates, memo)
        except Exception as error:
            results.append(internal_error(item.id, item.source or item.id, error))
        else:
            results.append(Cleaned(item, result))
    finished = iter(finish([r for r in results if isinstance(r, Cleaned)]))
    return [r if isinstance(r, ReadError) else next(finished) for r in results]


def clean_corpus(
    sources: Sequence[Source],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    templates: TemplateLines | None = None,
    *,
    stdin: BinaryIO | None = None,
    track: Track = untracked,
    read_config: ReadConfig = DEFAULT_READ_CONFIG,
    jobs: int = 1,
) -> Iterator[Cleaned | ReadError]:
    """Clean inputs as ``cleaner clean`` does: both passes over a corpus, streaming.

    ``sources`` come from :func:`~cleaner.sources.find_sources`: a folder, several files, a
    JSONL or WARC file (each a corpus), or standard input alone (one document, or a corpus
    when it is JSONL or WARC; read from ``stdin``, default ``sys.stdin.buffer``, and copied to
    a temporary file when it must be read twice). Pass ``templates`` to skip pass 1 (e.g.
    evidence built once over a larger corpus); ``track`` sees each pass's sources (for a
    progress bar); ``read_config`` says how inputs are read. With ``jobs > 1`` both passes
    run in a process pool; the output does not depend on ``jobs``. Files are then read by
    the workers; records of a JSONL or WARC input (and standard input) are read here and
    handed to them.
    """
    yield from _clean_corpus(
        sources,
        config,
        templates,
        _as_is,
        stdin=stdin,
        track=track,
        read_config=read_config,
        jobs=jobs,
    )


def _clean_corpus(
    sources: Sequence[Source],
    config: CleanConfig,
    templates: TemplateLines | None,
    finish: Finish[T],
    *,
    stdin: BinaryIO | None,
    track: Track,
    read_config: ReadConfig,
    jobs: int,
) -> Iterator[T | ReadError]:
    """:func:`clean_corpus` with a ``finish`` (see :func:`finished_documents`)."""
    if len(sources) > 1 and any(source.path is None for source in sources):
        raise ValueError("standard input cannot be cleaned with other inputs")
    corpus = len(sources) >= MIN_CORPUS_DOCUMENTS or any(s.has_records for s in sources)
    by_worker = jobs > 1 and all(s.path is not None and not s.has_records for s in sources)
    with rereadable_stdin(sources, stdin) as stream:

        def inputs(label: str) -> Iterable[Document | ReadError | Source]:
            tracked = track(sources, label)
            return tracked if by_worker else read_sources(tracked, stream, read_config)

        if templates is None and corpus:
            templates = corpus_templates(
                inputs("reading"), config, jobs=jobs, read_config=read_config
            )
            if stream is not None and stream is not stdin:
                stream.seek(0)
        yield from finished_documents(
            inputs("cleaning"), config, templates, finish, jobs, read_config
        )


def cleaned_documents(
    sources: Sequence[Source],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    *,
    stdin: BinaryIO | None = None,
    track: Track = untracked,
    read_config: ReadConfig = DEFAULT_READ_CONFIG,
    jobs: int = 1,
    finish: Finish[Document] | None = None,
) -> Iterator[Document | ReadError]:
    """The inputs cleaned exactly as ``cleaner clean`` cleans them, as cleaned Documents.

    Each Document's ``text`` is the cleaned body (title not included) and its ``metadata``
    holds ``title``, ``authors``, ``published``, ``language``, ``removed``, ``source``,
    ``encoding``, ``content_type`` and what the reader found (``fields`` of a JSONL record,
    ``url`` of a WARC page; see :meth:`Cleaned.to_document`). This is what clustering takes.
    Arguments as for :func:`clean_corpus`; ``finish`` defaults to :func:`full_documents`
    (:func:`summary_documents` keeps only the count of removed lines).
    """
    yield from _clean_corpus(
        sources,
        config,
        None,
        finish or full_documents,
        stdin=stdin,
        track=track,
        read_config=read_config,
        jobs=jobs,
    )


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
    """What ``cleaner cluster`` reads: :func:`cleaned_documents` (summary form), each with
    its clustering features, computed in the worker that cleaned it
    (see :func:`featured_documents`); pass them to ``run_clustering(..., features=...)``.

    Each document's term counts are rebased, as they arrive from the workers, onto one
    :class:`~cleaner.termids.Vocabulary` of the run: held for 100,000 documents, one copy of
    each term instead of one per chunk saves hundreds of MB. (Metadata keys need no such
    care: a worker's documents share their key strings, so a chunk unpickles one of each.)"""
    featured = _clean_corpus(
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


def full_documents(chunk: list[Cleaned]) -> list[Document]:
    """The default :data:`Finish` of :func:`cleaned_documents`: each cleaned document, as
    :meth:`Cleaned.to_document` makes it."""
    return [cleaned.to_document() for cleaned in chunk]


def summary_documents(chunk: list[Cleaned]) -> list[Document]:
    """A :data:`Finish`: each cleaned document as :func:`summary_document` makes it."""
    return [summary_document(cleaned) for cleaned in chunk]


def summary_document(cleaned: Cleaned) -> Document:
    """The cleaned document with ``metadata["removed"]`` as a count, not the removed lines
    (what a cluster report needs; a few kilobytes less per document held)."""
    doc = cleaned.to_document()
    doc.metadata["removed"] = len(cleaned.result.removed)
    return doc


def featured_documents(
    config: ClusterConfig, chunk: list[Cleaned], memo: PieceMemo | None = None
) -> list[Featured]:
    """A :data:`Finish` for clustering (pass ``functools.partial(featured_documents, config,
    memo=piece_memo())``: the memo then lasts as long as the worker): each document as
    :func:`summary_document` makes it, with its clustering features, computed in the worker
    that cleaned it, so the text is not sent to a worker again."""
    docs = summary_documents(chunk)
    features = document_features([(document_title(d), d.text) for d in docs], config, memo)
    return list(zip(docs, features, strict=True))


def _as_is(chunk: list[Cleaned]) -> list[Cleaned]:
    """The :data:`Finish` of :func:`clean_corpus`: the :class:`Cleaned` documents themselves."""
    return chunk
