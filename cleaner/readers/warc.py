"""WARC archives (as written by crawlers, wget --warc-file, webrecorder): one document per
HTML page captured.

A document is a ``response`` record with an HTTP status 2xx and an HTML content type (or a
``resource`` record with an HTML content type); other records (requests, metadata,
revisits, images, redirects, errors) are skipped. Its id is the record's
``WARC-Target-URI``. The body is decoded as the HTTP ``Content-Type`` charset says, else as
its ``<meta charset>`` says, else guessed. Reading uses warcio.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from cleaner.decode import header_charset
from cleaner.document import Document
from cleaner.readers.documents import bytes_document
from cleaner.readers.streams import (
    STREAM_ERRORS,
    InputError,
    TooLarge,
    Truncated,
    format_size,
    read_at_most,
    truncated,
)
from cleaner.sources import ReadConfig, ReadError, Source

CONTAINER = "warc"

HTML_TYPES = ("text/html", "application/xhtml+xml")

# warcio logs its fix-ups of malformed records as warnings; without a handler of its own they
# would reach stderr through logging's last resort, between our one-line errors. An
# application that configures logging still gets them.
logging.getLogger("warcio").addHandler(logging.NullHandler())


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's reader, counting records with a wrong length instead of writing to stderr."""

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        """Skip the blank lines between records (warcio 1.8.1's, without its stderr warning)."""
        empty_size = 0
        first_line = True
        while True:
            line = self.reader.readline()
            if len(line) == 0:
                return None, empty_size
            stripped = line.rstrip()
            if len(stripped) == 0 or first_line:
                empty_size += len(line)
                if len(stripped) != 0:
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


def read_warc(
    source: Source, stream: BinaryIO, config: ReadConfig, seen: dict[str, str]
) -> Iterator[Document | ReadError]:
    """The HTML pages of one WARC input, in order; ``seen`` maps ids met so far to where.

    A malformed archive gives the pages read before the damage, then one :class:`ReadError`;
    so does one that ends inside a record's body (one that ends inside a record's headers
    reads as complete, unless it is gzipped: then :func:`~cleaner.readers.read_source`
    reports the break in the gzip stream).
    """
    archive = _QuietArchiveIterator(stream)
    records = iter(archive)
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            if record.format != "warc":
                raise ValueError("no WARC/1.x header")
            page = _page(record)
            if page is not None:
                yield _document(record, *page, source, config, seen)
        except (InputError, *STREAM_ERRORS):
            raise  # the input's own errors (size, gzip), reported by read_source
        except Exception as error:  # warcio raises many kinds on malformed data
            if not truncated(stream):  # a break in the gzip stream is reported for the input
                yield ReadError(source.id, source.name, f"not a valid WARC archive: {_why(error)}")
            return
    if archive.err_count:
        reason = f"{archive.err_count} record(s) with a wrong Content-Length"
        yield ReadError(source.id, source.name, f"malformed WARC archive: {reason}")


def _why(error: Exception) -> str:
    """warcio's reason for refusing a record, in one short line."""
    if isinstance(error, ValueError) or hasattr(error, "msg"):
        return " ".join(str(getattr(error, "msg", error)).split())[:200]
    return f"malformed record ({type(error).__name__} in warcio)"


def _document(
    record: ArcWarcRecord,
    uri: str,
    content_type: str,
    source: Source,
    config: ReadConfig,
    seen: dict[str, str],
) -> Document | ReadError:
    """One captured page as a Document, or the reason it is not one."""
    where = f"{source.name}: {uri}"
    if uri in seen:
        return ReadError(uri, where, f"duplicate id {uri!r} (first at {seen[uri]})")
    seen[uri] = where
    try:  # in pieces: read(limit + 1) would allocate the limit (50 MB) for every record
        data = read_at_most(record.content_stream(), config.max_document_bytes)
    except TooLarge:
        return ReadError(uri, where, f"larger than {format_size(config.max_document_bytes)}")
    if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ends inside the record
        raise Truncated("truncated WARC record: the rest of the input is lost")
    doc = bytes_document(uri, data, where, "html", header_charset(content_type))
    if isinstance(doc, Document):
        doc.metadata.update(container=CONTAINER, url=uri)
    return doc


def _page(record: Any) -> tuple[str, str] | None:
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
