"""Reading scrapes from files, folders and stdin; writing results atomically.

The names that the commands use, gathered from the modules that hold them:

- :mod:`cleaner.sources`: :func:`find_sources` turns command-line paths into
  :class:`Source` s (one per input file, with its id and format);
- :mod:`cleaner.readers`: :func:`read_sources` turns them into Documents (one per text or
  HTML file, one per JSONL or WARC record) or :class:`ReadError` values, streaming;
- :mod:`cleaner.decode`: bytes to text (byte order marks, declared and guessed encodings);
- :mod:`cleaner.outputs`: output names and atomic writes.

>>> decode_document("a.txt", b"Title\\r\\nBody\\r").text
'Title\\nBody\\n'
"""

from __future__ import annotations

from cleaner.decode import decode_bytes, decode_document, guess_encoding, normalise_newlines
from cleaner.outputs import (
    atomic_writer,
    output_clash,
    output_conflict,
    output_name,
    output_path,
    up_to_date,
    write_text_atomic,
)
from cleaner.readers import DEFAULT_READ_CONFIG, is_html, read_source, read_sources
from cleaner.sources import (
    STDIN,
    InputFormat,
    ReadConfig,
    ReadError,
    Source,
    SourceError,
    find_sources,
    input_folders,
)

__all__ = [
    "DEFAULT_READ_CONFIG",
    "STDIN",
    "InputFormat",
    "ReadConfig",
    "ReadError",
    "Source",
    "SourceError",
    "atomic_writer",
    "decode_bytes",
    "decode_document",
    "find_sources",
    "guess_encoding",
    "input_folders",
    "is_html",
    "normalise_newlines",
    "output_clash",
    "output_conflict",
    "output_name",
    "output_path",
    "read_source",
    "read_sources",
    "up_to_date",
    "write_text_atomic",
]
