"""Opening an input as a byte stream: gzip recognised by content and decompressed as a
stream, with a bound on the decompressed size (so a gzip bomb is an error, not a full disk
or memory).

>>> import gzip, io
>>> stream = open_stream(io.BytesIO(gzip.compress(b"hello")), limit=100)
>>> stream.read()
b'hello'
>>> try:
...     open_stream(io.BytesIO(gzip.compress(bytes(1000))), limit=100).read()
... except TooLarge as error:
...     print(error)
decompressed size exceeds 100 bytes (gzip bomb?)
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"

CHUNK_BYTES = 1 << 16

STREAM_ERRORS = (EOFError, OSError, zlib.error)
"""What reading a damaged (corrupt) gzip stream or a failing disk raises."""

TRUNCATED_GZIP = "truncated gzip data: the rest of the input is lost"


class InputError(ValueError):
    """An input that cannot be read on: its message is the one-line reason."""


class TooLarge(InputError):
    """An input or a document is larger than the configured bound."""


class Truncated(InputError):
    """An input that ends in the middle (its gzip stream or its last record)."""


def format_size(size: int) -> str:
    """A byte count for messages: ``1 GiB``, ``50 MB``, ``100 bytes``.

    >>> format_size(1 << 30), format_size(50_000_000), format_size(1536)
    ('1 GiB', '50 MB', '1536 bytes')
    """
    for unit, name in ((1 << 30, "GiB"), (1 << 20, "MiB"), (10**9, "GB"), (10**6, "MB")):
        if size >= unit and size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size} bytes"


def stream_error(error: BaseException) -> str:
    """One line saying why a (gzip) stream broke off."""
    if isinstance(error, EOFError):
        return TRUNCATED_GZIP
    if isinstance(error, gzip.BadGzipFile | zlib.error):
        return f"corrupt gzip data ({error}): the rest of the input is lost"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


class _Prefixed(io.RawIOBase):
    """``head`` followed by the rest of ``stream`` (for sniffing a stream that cannot seek)."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Bounded(io.RawIOBase):
    """A decompressed stream that raises :class:`TooLarge` past ``limit`` bytes."""

    def __init__(self, stream: gzip.GzipFile, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._read = 0
        self.truncated = False
        """Set when the gzip stream broke off: it then reads as ended, see :func:`truncated`."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.truncated:
            return 0
        try:
            # read1: what is there (read would drop it on reaching a truncated end)
            data = self._stream.read1(min(len(buffer), self._limit + 1 - self._read))
        except EOFError:
            # Not raised: buffered readers above would drop the data they hold. The readers
            # ask truncated() when the stream has ended.
            self.truncated = True
            return 0
        self._read += len(data)
        if self._read > self._limit:
            raise TooLarge(f"decompressed size exceeds {format_size(self._limit)} (gzip bomb?)")
        buffer[: len(data)] = data
        return len(data)


def open_stream(raw: BinaryIO, limit: int) -> BinaryIO:
    """``raw`` as a buffered byte stream, decompressed if it starts as gzip does.

    Reading more than ``limit`` decompressed bytes raises :class:`TooLarge`, a corrupt gzip
    stream one of :data:`STREAM_ERRORS`, where it is met; a truncated gzip stream ends where it
    breaks off, and then :func:`truncated` says so.
    """
    head = raw.read(len(GZIP_MAGIC))
    stream = io.BufferedReader(_Prefixed(head, raw), CHUNK_BYTES)
    if head != GZIP_MAGIC:
        return stream
    unzipped = gzip.GzipFile(fileobj=stream, mode="rb")
    return io.BufferedReader(_Bounded(unzipped, limit), CHUNK_BYTES)


def truncated(stream: BinaryIO) -> bool:
    """True when ``stream`` (from :func:`open_stream`) is gzip data that broke off."""
    raw = getattr(stream, "raw", None)
    return isinstance(raw, _Bounded) and raw.truncated


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """All of ``stream``; :class:`TooLarge` if that is more than ``limit`` bytes.

    Read in pieces of ``CHUNK_BYTES``: ``read(limit + 1)`` would allocate ``limit`` bytes
    (50 MB) for every document, however small (most of the cost of reading a 4 KB file).
    """
    pieces = []
    size = 0
    while size <= limit:
        piece = stream.read(min(CHUNK_BYTES, limit + 1 - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    if size > limit:
        raise TooLarge(f"larger than {format_size(limit)}")
    return b"".join(pieces)  # one piece is returned as it is, not copied
