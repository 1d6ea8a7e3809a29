"""Finding inputs: command-line paths to :class:`Source` s, and the settings for reading them.

A source is one input file or standard input. Its ``format`` says how it is read: ``text``
and ``html`` files are one document each; ``jsonl`` and ``warc`` files hold many (records);
``auto`` (standard input, files with another extension) is text or HTML by content. Any of
them may be gzip-compressed (recognised by content, not by name).

>>> source_format("crawl/2024-03.warc.gz")
'warc'
>>> source_format("page.HTM")
'html'
>>> source_format("notes.md")
'auto'
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

STDIN = "-"
"""The path (and document id) that stands for standard input."""

InputFormat = Literal["auto", "text", "html", "jsonl", "warc"]
"""How an input is read (``--format-in``)."""

INPUT_FORMATS: tuple[str, ...] = get_args(InputFormat)

RECORD_FORMATS = ("jsonl", "warc")
"""Formats whose files hold many documents."""

SUFFIX_FORMATS: dict[str, InputFormat] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".warc": "warc",
}
"""Files taken from a folder, by extension (case-insensitive, optionally followed by ``.gz``).
Files named on the command line are always read: by this table, else by content."""

GZIP_SUFFIX = ".gz"

MAX_SOURCE_BYTES = 1 << 30
"""Default bound on the decompressed size of one gzip-compressed input (1 GiB)."""

MAX_DOCUMENT_BYTES = 50_000_000
"""Default bound on one document's size (a file, a JSON line, a WARC record's body): 50 MB."""


@dataclass(frozen=True, slots=True)
class ReadConfig:
    """Settings for reading inputs (the input options of ``cleaner clean`` and ``cluster``)."""

    id_field: str = "id"
    """The JSONL field holding a record's id (a string, unique in the run)."""
    text_field: str = "text"
    """The JSONL field holding a record's scraped text (HTML is recognised by content)."""
    html_field: str = "html"
    """The JSONL field holding a record's HTML page; it wins when a record has both."""
    max_source_bytes: int = MAX_SOURCE_BYTES
    """The most bytes one gzip-compressed input may decompress to (a gzip bomb stops here)."""
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    """The largest document read: a text or HTML file, a JSON line, a WARC record's body."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: ``path`` is None for standard input."""

    id: str
    """The document id in every output: path relative to its input folder, file name, or ``-``.
    (A JSONL or WARC source's documents have their own ids: record id or target URI.)"""
    path: Path | None
    format: InputFormat = "auto"
    listed: bool = False
    """Found by walking a folder (not named): then it must be a regular file, not a named
    pipe or a device that would block or never end."""

    @property
    def name(self) -> str:
        """How messages name this input: the path as found, or ``-``."""
        return STDIN if self.path is None else str(self.path)

    @property
    def has_records(self) -> bool:
        """True for a JSONL or WARC input: many documents, each with its own id."""
        return self.format in RECORD_FORMATS


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input (or one record of it) that could not be read, with the reason in one line."""

    id: str
    source: str
    """The input, with ``:line`` for a JSON line or the target URI for a WARC record."""
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


MAX_REASON_CHARS = 300
"""How much of an exception's message an error line quotes."""


def internal_error(doc_id: str, source: str, error: BaseException) -> ReadError:
    """A document the cleaner itself failed on (a bug): an error value for that document alone.

    >>> str(internal_error("a.txt", "in/a.txt", KeyError("x")))
    "in/a.txt: internal error while cleaning: KeyError: 'x'"
    """
    message = " ".join(str(error).split())[:MAX_REASON_CHARS]
    reason = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return ReadError(doc_id, source, f"internal error while cleaning: {reason}")


class SourceError(ValueError):
    """The inputs as given cannot be used (missing path, clashing ids, ...): a usage error."""


def source_format(name: str) -> InputFormat:
    """The format a file name says (``.gz`` aside), or ``auto``."""
    lower = name.lower().removesuffix(GZIP_SUFFIX)
    return SUFFIX_FORMATS.get(os.path.splitext(lower)[1], "auto")


def find_sources(paths: Iterable[str | Path], format_in: InputFormat = "auto") -> list[Source]:
    """One :class:`Source` per input: ``-``, a file, or every known input file under a folder.

    Folders are walked recursively in sorted order, taking ``.txt``, ``.html``, ``.htm``,
    ``.jsonl`` and ``.warc`` files (each optionally ``.gz``), skipping hidden files and folders
    and not following symbolic links to folders; their files get ids relative to the folder,
    with ``/`` separators, and are read by their extension. Files named directly get their
    file name as id and ``format_in`` (``auto``: by extension, else by content), as does
    ``-``. Raises :class:`SourceError` for a missing path, a folder without input files,
    ``-`` given with other inputs, and two inputs that would share an id.
    """
    if format_in not in INPUT_FORMATS:
        raise SourceError(f"unknown input format {format_in!r}")
    given = [Path(p) for p in paths]
    if any(str(p) == STDIN for p in given) and len(given) > 1:
        raise SourceError("- (standard input) cannot be combined with other inputs")
    sources: list[Source] = []
    for path in given:
        if str(path) == STDIN:
            sources.append(Source(STDIN, None, format_in))
        elif path.is_dir():
            found = [
                Source(rel, path / rel, source_format(rel), listed=True)
                for rel in _folder_files(path)
            ]
            if not found:
                raise SourceError(
                    f"{path}: no input files (.txt, .html, .jsonl, .warc) in this folder"
                )
            sources.extend(found)
        elif path.exists():
            named = source_format(path.name) if format_in == "auto" else format_in
            sources.append(Source(path.name, path, named))
        else:
            raise SourceError(f"{path}: no such file or folder")
    seen: dict[str, Source] = {}
    for source in sources:
        if source.id in seen:
            raise SourceError(
                f"{seen[source.id].name} and {source.name} would both be {source.id!r} in the "
                "output: clean them separately"
            )
        seen[source.id] = source
    return sources


def _folder_files(folder: Path) -> list[str]:
    """Relative POSIX paths of the visible input files under ``folder``, sorted."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_root = Path(root).relative_to(folder)
        found.extend(
            (rel_root / name).as_posix()
            for name in files
            if not name.startswith(".") and source_format(name) != "auto"
        )
    return sorted(found)


def input_folders(paths: Iterable[str | Path]) -> list[Path]:
    """The folders among the inputs (to check that an output folder stays out of them)."""
    return [Path(p) for p in paths if str(p) != STDIN and Path(p).is_dir()]
