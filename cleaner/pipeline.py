"""Cleaning many documents: the functions ``cleaner clean`` and ``cleaner cluster`` share.

A corpus (a folder, or several files) is cleaned in two streaming passes over its sources:

1. :func:`corpus_templates` reads every document once, lets
   :func:`~cleaner.templates.build_templates` count its lines, and drops the text;
2. :func:`clean_documents` reads them again and cleans each with that evidence.

:func:`clean_corpus` runs both; :func:`cleaned_documents` gives what clustering needs
(``Document.text`` is the cleaned body, ``metadata`` holds the rest). Inputs that cannot be
read flow through as :class:`~cleaner.io.ReadError` values, in input order, so a caller can
report them and carry on. Everything here is a plain function over picklable values.

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
from cleaner.io import ReadError, Source, read_sources
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
    texts = (doc.text for doc in documents if isinstance(doc, Document))
    templates = build_templates(texts, config)
    return templates if templates.documents >= MIN_CORPUS_DOCUMENTS else None


def clean_documents(
    documents: Iterable[Document | ReadError],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    templates: TemplateLines | None = None,
) -> Iterator[Cleaned | ReadError]:
    """Pass 2: clean each document in order; read errors pass through unchanged."""
    for doc in documents:
        if isinstance(doc, ReadError):
            yield doc
        else:
            yield Cleaned(doc, clean_text(doc.text, config, templates))


def clean_corpus(
    sources: Sequence[Source],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    templates: TemplateLines | None = None,
    *,
    stdin: BinaryIO | None = None,
    track: Track = untracked,
) -> Iterator[Cleaned | ReadError]:
    """Clean inputs as ``cleaner clean`` does: both passes over a corpus, streaming.

    ``sources`` come from :func:`~cleaner.io.find_sources`: a folder, several files (one
    corpus), or standard input alone (one document, read once from ``stdin``, default
    ``sys.stdin.buffer``). Pass ``templates`` to skip pass 1 (e.g. evidence built once over a
    larger corpus); ``track`` sees each pass's sources (for a progress bar).
    """
    if len(sources) > 1 and any(source.path is None for source in sources):
        raise ValueError("standard input is a single document: clean it on its own")
    if templates is None and len(sources) >= MIN_CORPUS_DOCUMENTS:
        templates = corpus_templates(read_sources(track(sources, "reading")), config)
    yield from clean_documents(read_sources(track(sources, "cleaning"), stdin), config, templates)


def cleaned_documents(
    sources: Sequence[Source],
    config: CleanConfig = DEFAULT_CLEAN_CONFIG,
    *,
    stdin: BinaryIO | None = None,
    track: Track = untracked,
) -> Iterator[Document | ReadError]:
    """The inputs cleaned exactly as ``cleaner clean`` cleans them, as cleaned Documents.

    Each Document's ``text`` is the cleaned body (title not included) and its ``metadata``
    holds ``title``, ``authors``, ``published``, ``language``, ``removed``, ``source`` and
    ``encoding`` (see :meth:`Cleaned.to_document`). This is what clustering takes. Arguments
    as for :func:`clean_corpus`.
    """
    for item in clean_corpus(sources, config, stdin=stdin, track=track):
        yield item if isinstance(item, ReadError) else item.to_document()
