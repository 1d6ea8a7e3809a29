"""Reading inputs: each :class:`~cleaner.sources.Source` gives one Document (a text or HTML
file, standard input) or many (a JSONL or WARC file), each or a :class:`ReadError`.

Inputs are streamed: a JSONL or WARC file is read one record at a time and gzip is
decompressed as it is read, within the bounds of :class:`~cleaner.sources.ReadConfig`.
A damaged input (truncated gzip, malformed WARC) gives the documents read before the damage,
then one error for the rest.

>>> import io
>>> [doc.text for doc in read_source(Source("-", None), io.BytesIO(b"Hello"))]
['Hello']
"""

from __future__ import annotations

import contextlib
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from cleaner.document import Document
from cleaner.readers.documents import CONTENT_TYPE, is_html, read_document
from cleaner.readers.jsonl import read_jsonl
from cleaner.readers.streams import (
    STREAM_ERRORS,
    TRUNCATED_GZIP,
    InputError,
    open_stream,
    stream_error,
    truncated,
)
from cleaner.readers.warc import read_warc
from cleaner.sources import ReadConfig, ReadError, Source

DEFAULT_READ_CONFIG = ReadConfig()

__all__ = [
    "CONTENT_TYPE",
    "DEFAULT_READ_CONFIG",
    "is_html",
    "read_source",
    "read_sources",
    "rereadable_stdin",
]


def read_source(
    source: Source,
    stdin: BinaryIO | None = None,
    config: ReadConfig = DEFAULT_READ_CONFIG,
    seen: dict[str, str] | None = None,
) -> Iterator[Document | ReadError]:
    """The documents of one input, in order; OS, size and stream errors become values.

    Standard input is read from ``stdin`` (default: ``sys.stdin.buffer``). ``seen`` maps the
    record ids met so far in the run to where (a repeated one is an error).
    """
    seen = {} if seen is None else seen
    odd = _special_file(source)
    if odd:
        yield ReadError(source.id, source.name, f"not a regular file but a {odd}")
        return
    raw: BinaryIO
    try:
        raw = (
            (sys.stdin.buffer if stdin is None else stdin)
            if source.path is None
            else (source.path.open("rb"))
        )
    except OSError as error:
        yield ReadError(source.id, source.name, error.strerror or type(error).__name__)
        return
    with contextlib.closing(raw) if source.path is not None else contextlib.nullcontext():
        try:
            limit = config.max_source_bytes if source.has_records else config.max_document_bytes
            stream = open_stream(raw, limit)
            if not source.has_records:
                yield read_document(source, stream, config)
                return
            reader = read_jsonl if source.format == "jsonl" else read_warc
            found = 0
            for item in reader(source, stream, config, seen):
                found += 1
                yield item
            if truncated(stream):
                yield ReadError(source.id, source.name, TRUNCATED_GZIP)
            elif not found:
                kind = "JSON lines" if source.format == "jsonl" else "HTML pages"
                yield ReadError(source.id, source.name, f"no {kind} in this input")
        except InputError as error:
            yield ReadError(source.id, source.name, str(error))
        except STREAM_ERRORS as error:
            yield ReadError(source.id, source.name, stream_error(error))


def _special_file(source: Source) -> str | None:
    """What a file found in a folder is when it is not a regular file (reading a named pipe
    would wait for a writer forever); None for regular files, named inputs and stdin."""
    if not source.listed or source.path is None:
        return None
    try:
        mode = source.path.stat().st_mode
    except OSError:
        return None  # opening it says why
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "device"))
    return next((kind for test, kind in kinds if test(mode)), "special file")


def read_sources(
    sources: Iterable[Source],
    stdin: BinaryIO | None = None,
    config: ReadConfig = DEFAULT_READ_CONFIG,
) -> Iterator[Document | ReadError]:
    """Read inputs one at a time, in order (a stream: only the ids met are kept)."""
    seen: dict[str, str] = {}
    for source in sources:
        yield from read_source(source, stdin, config, seen)


@contextlib.contextmanager
def rereadable_stdin(
    sources: Iterable[Source], stdin: BinaryIO | None = None
) -> Iterator[BinaryIO | None]:
    """``stdin`` copied to a temporary file when a JSONL or WARC source reads it (to read it
    twice: rewind it before each pass); else ``stdin`` as it is."""
    if not any(source.path is None and source.has_records for source in sources):
        yield stdin
        return
    with tempfile.TemporaryFile() as copy:
        shutil.copyfileobj(sys.stdin.buffer if stdin is None else stdin, copy)
        copy.seek(0)
        yield copy
