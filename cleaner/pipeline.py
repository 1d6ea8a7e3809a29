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
from typing import BinaryIO

from cleaner.clean import CleanResult, clean_text
from cleaner.config import CleanConfig
from cleaner.document import Document
from cleaner.html import clean_html, extract_html
from cleaner.readers import DEFAULT_READ_CONFIG, is_html, read_sources, rereadable_stdin
from cleaner.sources import ReadConfig, ReadError, Source, internal_error
from cleaner.templates import TemplateLines, build_templates

DEFAULT_CLEAN_CONFIG = CleanConfig()

MIN_CORPUS_DOCUMENTS = 2
"""Fewer readable documents than this give no folder evidence: a single file is cleaned
exactly as the same text on standard input."""

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
    documents: Iterable[Document | ReadError], config: CleanConfig = DEFAULT_CLEAN_CONFIG
) -> TemplateLines | None:
    """Pass 1: folder evidence over the readable documents (streamed, texts not kept).

    Returns None when fewer than :data:`MIN_CORPUS_DOCUMENTS` documents could be read.
    """
    templates = build_templates(_corpus_texts(documents), config)
    return templates if templates.documents >= MIN_CORPUS_DOCUMENTS else None


def _corpus_texts(documents: Iterable[Document | ReadError]) -> Iterator[str]:
    """The readable documents' texts; one the extractor fails on is left out (pass 2 says why)."""
    for doc in documents:
        if isinstance(doc, Document):
            try:
                text = corpus_text(doc)
            except Exception:  # a bug on this document: clean_documents reports it
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
) -> CleanResult:
    """Clean one document: an HTML page with ``clean_html``, text with ``clean_text``."""
    if is_html(doc):
        return clean_html(
            doc.text, clean_config=config, url=doc.metadata.get("url"), templates=templates
        )
    return clean_text(doc.text, config, templates)


def clean_documents(
    documents: Iterable[Document | ReadError],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    templates: TemplateLines | None = None,
) -> Iterator[Cleaned | ReadError]:
    """Pass 2: clean each document in order; read errors pass through unchanged.

    An exception while cleaning one document (a bug) becomes an error value naming it, and
    the others are still cleaned.
    """
    for doc in documents:
        if isinstance(doc, ReadError):
            yield doc
            continue
        try:
            result = clean_document(doc, config, templates)
        except Exception as error:
            yield internal_error(doc.id, doc.source or doc.id, error)
        else:
            yield Cleaned(doc, result)


def clean_corpus(
    sources: Sequence[Source],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    templates: TemplateLines | None = None,
    *,
    stdin: BinaryIO | None = None,
    track: Track = untracked,
    read_config: ReadConfig = DEFAULT_READ_CONFIG,
) -> Iterator[Cleaned | ReadError]:
    """Clean inputs as ``cleaner clean`` does: both passes over a corpus, streaming.

    ``sources`` come from :func:`~cleaner.sources.find_sources`: a folder, several files, a
    JSONL or WARC file (each a corpus), or standard input alone (one document, or a corpus
    when it is JSONL or WARC; read from ``stdin``, default ``sys.stdin.buffer``, and copied to
    a temporary file when it must be read twice). Pass ``templates`` to skip pass 1 (e.g.
    evidence built once over a larger corpus); ``track`` sees each pass's sources (for a
    progress bar); ``read_config`` says how inputs are read.
    """
    if len(sources) > 1 and any(source.path is None for source in sources):
        raise ValueError("standard input cannot be cleaned with other inputs")
    corpus = len(sources) >= MIN_CORPUS_DOCUMENTS or any(s.has_records for s in sources)
    with rereadable_stdin(sources, stdin) as stream:
        if templates is None and corpus:
            documents = read_sources(track(sources, "reading"), stream, read_config)
            templates = corpus_templates(documents, config)
            if stream is not None and stream is not stdin:
                stream.seek(0)
        documents = read_sources(track(sources, "cleaning"), stream, read_config)
        yield from clean_documents(documents, config, templates)


def cleaned_documents(
    sources: Sequence[Source],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    *,
    stdin: BinaryIO | None = None,
    track: Track = untracked,
    read_config: ReadConfig = DEFAULT_READ_CONFIG,
) -> Iterator[Document | ReadError]:
    """The inputs cleaned exactly as ``cleaner clean`` cleans them, as cleaned Documents.

    Each Document's ``text`` is the cleaned body (title not included) and its ``metadata``
    holds ``title``, ``authors``, ``published``, ``language``, ``removed``, ``source``,
    ``encoding``, ``content_type`` and what the reader found (``fields`` of a JSONL record,
    ``url`` of a WARC page; see :meth:`Cleaned.to_document`). This is what clustering takes.
    Arguments as for :func:`clean_corpus`.
    """
    for item in clean_corpus(sources, config, stdin=stdin, track=track, read_config=read_config):
        yield item if isinstance(item, ReadError) else item.to_document()
