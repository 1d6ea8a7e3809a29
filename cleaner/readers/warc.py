"""WARC archives (as written by crawlers, wget --warc-file, webrecorder): one document per
HTML page captured.

A document is a ``response`` record with an HTTP status 2xx and an HTML content type (or a
``resource`` record with an HTML content type); other records (requests, metadata,
revisits, images, redirects, errors) are skipped. Its id is the record's
``WARC-Target-URI``. The body is decoded as the HTTP ``Content-Type`` charset says, else as
its ``<meta charset>`` says, else guessed. Reading uses warcio.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from cleaner.decode import header_charset
from cleaner.document import Document
from cleaner.readers.documents import bytes_document
from cleaner.readers.streams import Truncated, format_size, truncated
from cleaner.sources import ReadConfig, ReadError, Source

CONTAINER = "warc"

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    source: Source, stream: BinaryIO, config: ReadConfig, seen: dict[str, str]
) -> Iterator[Document | ReadError]:
    """The HTML pages of one WARC input, in order; ``seen`` maps ids met so far to where.

    A malformed archive gives the pages read before the damage, then one :class:`ReadError`;
    so does one that ends inside a record's body (one that ends inside a record's headers
    reads as complete, unless it is gzipped: then :func:`~cleaner.readers.read_source`
    reports the break in the gzip stream).
    """
    try:
        for record in ArchiveIterator(stream):
            if record.format != "warc":
                yield ReadError(source.id, source.name, "not a valid WARC archive")
                return
            page = _page(record)
            if page is None:
                continue
            uri, content_type = page
            where = f"{source.name}: {uri}"
            if uri in seen:
                yield ReadError(uri, where, f"duplicate id {uri!r} (first at {seen[uri]})")
                continue
            seen[uri] = where
            data = record.content_stream().read(config.max_document_bytes + 1)
            if len(data) > config.max_document_bytes:
                limit = format_size(config.max_document_bytes)
                yield ReadError(uri, where, f"larger than {limit}")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ends inside the record
                raise Truncated("truncated WARC record: the rest of the input is lost")
            doc = bytes_document(uri, data, where, "html", header_charset(content_type))
            if isinstance(doc, Document):
                doc.metadata.update(container=CONTAINER, url=uri)
            yield doc
    except ArchiveLoadFailed as error:
        if truncated(stream):
            return  # a record cut short by a break in the gzip stream: reported for the input
        reason = " ".join(str(error.msg if hasattr(error, "msg") else error).split())
        yield ReadError(source.id, source.name, f"not a valid WARC archive: {reason}")


def _page(record: ArcWarcRecord) -> tuple[str, str] | None:
    """``(target URI, content type)`` if the record is a captured HTML page, else None."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        return None
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
        if not status.startswith("2"):
            return None
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    return uri, content_type
