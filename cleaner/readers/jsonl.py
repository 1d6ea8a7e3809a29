"""JSON lines: one scraped document per line, ``{"id": ..., "text" or "html": ..., ...}``.

Each line is a JSON object (UTF-8). Its id field (a non-empty string, unique in the run)
becomes the Document's id; its HTML field (which wins) or text field its text; every other
field is kept, untouched, in ``metadata["fields"]`` to pass through to the output. A bad
line (not JSON, no id, a duplicate id, no text, too long, ...) is a :class:`ReadError` named
``file:line``; the other lines are still read. Blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from cleaner.document import Document
from cleaner.readers.documents import string_document
from cleaner.readers.streams import CHUNK_BYTES, format_size, truncated
from cleaner.sources import ReadConfig, ReadError, Source

CONTAINER = "jsonl"


def read_jsonl(
    source: Source, stream: BinaryIO, config: ReadConfig, seen: dict[str, str]
) -> Iterator[Document | ReadError]:
    """The records of one JSONL input, in order; ``seen`` maps ids met so far to where."""
    number = 0
    while line := stream.readline(config.max_document_bytes + 1):
        number += 1
        if len(line) > config.max_document_bytes:
            _skip_line(stream, line)
            limit = format_size(config.max_document_bytes)
            where = f"{source.name}:{number}"
            yield ReadError(f"{source.id}:{number}", where, f"line longer than {limit}")
            continue
        if not line.endswith(b"\n") and truncated(stream):
            break  # the half line before a break in the gzip stream: reported for the input
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if line.strip():
            yield _record(line, source, number, config, seen)


def _skip_line(stream: BinaryIO, start: bytes) -> None:
    """Read on to the end of an over-long line."""
    chunk = start
    while chunk and not chunk.endswith(b"\n"):
        chunk = stream.readline(CHUNK_BYTES)


def _record(
    line: bytes, source: Source, number: int, config: ReadConfig, seen: dict[str, str]
) -> Document | ReadError:
    """One line as a Document, or the reason it is not one."""
    fallback_id = f"{source.id}:{number}"
    where = f"{source.name}:{number}"
    try:
        value: Any = json.loads(line.decode("utf-8").rstrip("\r\n"))
    except UnicodeDecodeError:
        return ReadError(fallback_id, where, "not UTF-8 (JSON lines must be UTF-8)")
    except json.JSONDecodeError as error:
        return ReadError(fallback_id, where, f"invalid JSON: {error.msg} (column {error.colno})")
    if not isinstance(value, dict):
        return ReadError(fallback_id, where, f"not a JSON object but {type(value).__name__}")
    doc_id = value.get(config.id_field)
    if not isinstance(doc_id, str) or not doc_id.strip():
        problem = "no" if doc_id is None else "an empty" if doc_id == "" else "a non-string"
        return ReadError(fallback_id, where, f"{problem} {config.id_field!r} field")
    if doc_id in seen:
        return ReadError(doc_id, where, f"duplicate id {doc_id!r} (first at {seen[doc_id]})")
    seen[doc_id] = where
    content = _content(value, config)
    if isinstance(content, str):
        return ReadError(doc_id, where, content)
    text, kind = content
    consumed = {config.id_field, config.text_field, config.html_field}
    fields = {k: v for k, v in value.items() if k not in consumed}
    metadata = {"encoding": "utf-8", "container": CONTAINER, "fields": fields}
    return string_document(doc_id, text, where, kind, metadata)


def _content(value: dict[str, Any], config: ReadConfig) -> tuple[str, Any] | str:
    """``(text, kind)`` from the HTML field, else the text field; or why there is none."""
    for field, kind in ((config.html_field, "html"), (config.text_field, "auto")):
        content = value.get(field)
        if content is not None and not isinstance(content, str):
            return f"{field!r} is not a string"
        if content and content.strip():
            return content, kind
    if config.html_field in value or config.text_field in value:
        return "empty input"
    return f"no {config.text_field!r} or {config.html_field!r} field"
