"""One document from bytes or a string: text, or HTML (declared or recognised by content).

Every Document read says what it holds in ``metadata["content_type"]`` (``"text"`` or
``"html"``): the pipeline cleans HTML with ``clean_html`` and text with ``clean_text``.

>>> doc = bytes_document("p.html", b"<p>Caf\\xe9</p>", "p.html", "html")
>>> doc.metadata
{'encoding': 'cp1252', 'content_type': 'html'}
"""

from __future__ import annotations

from typing import Any, BinaryIO

from cleaner.decode import checked_text, declared_charset, decode_document
from cleaner.document import Document
from cleaner.html import looks_like_html
from cleaner.readers.streams import (
    STREAM_ERRORS,
    TRUNCATED_GZIP,
    InputError,
    read_at_most,
    stream_error,
    truncated,
)
from cleaner.sources import InputFormat, ReadConfig, ReadError, Source

CONTENT_TYPE = "content_type"
"""The metadata key saying whether a Document's text is ``text`` or ``html``."""


def is_html(doc: Document) -> bool:
    """True when ``doc.text`` is an HTML page (to be cleaned with ``clean_html``)."""
    return doc.metadata.get(CONTENT_TYPE) == "html"


def read_document(source: Source, stream: BinaryIO, config: ReadConfig) -> Document | ReadError:
    """A text or HTML input, read whole (up to ``config.max_document_bytes``)."""
    try:
        data = read_at_most(stream, config.max_document_bytes)
    except InputError as error:
        return ReadError(source.id, source.name, str(error))
    except STREAM_ERRORS as error:
        return ReadError(source.id, source.name, stream_error(error))
    if truncated(stream):
        return ReadError(source.id, source.name, TRUNCATED_GZIP)
    return bytes_document(source.id, data, source.name, source.format)


def bytes_document(
    doc_id: str, data: bytes, source: str, kind: InputFormat, declared: str | None = None
) -> Document | ReadError:
    """Decode one document: ``kind`` ``html``, ``text``, or ``auto`` (HTML if it looks so).

    HTML is decoded with the encoding ``declared`` (an HTTP header) or, failing that, its
    ``<meta charset>``, unless it is UTF-8 or starts with a byte order mark.
    """
    if kind == "html":
        return _kind(decode_document(doc_id, data, source, declared or declared_charset(data)))
    doc = decode_document(doc_id, data, source)
    if kind == "auto" and isinstance(doc, Document) and looks_like_html(doc.text):
        meta = declared or declared_charset(data)
        if meta and meta != doc.metadata["encoding"]:
            doc = decode_document(doc_id, data, source, meta)
        return _kind(doc, "html")
    return _kind(doc, "text")


def string_document(
    doc_id: str, text: str, source: str, kind: InputFormat, metadata: dict[str, Any]
) -> Document | ReadError:
    """A document from a decoded string (a JSON field): checked for binary data and blankness."""
    try:
        text = checked_text(text)
    except UnicodeError as error:
        return ReadError(doc_id, source, str(error))
    if not text.strip():
        return ReadError(doc_id, source, "empty input")
    html = kind == "html" or (kind == "auto" and looks_like_html(text))
    return Document(doc_id, text, source, {**metadata, CONTENT_TYPE: "html" if html else "text"})


def _kind(doc: Document | ReadError, kind: str = "html") -> Document | ReadError:
    """``doc`` marked as holding ``kind`` content (errors unchanged)."""
    if isinstance(doc, Document):
        doc.metadata[CONTENT_TYPE] = kind
    return doc
