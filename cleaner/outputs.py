"""Writing results: where each document goes under an output folder, and atomic writes.

A file's document keeps its relative path (``.gz`` dropped, ``.html``/``.htm`` becoming
``.txt``). A record's id (a JSONL id, a WARC target URI) may be anything, so it is made
into a safe relative path: the URL scheme is dropped, each ``/``-separated part keeps
letters, digits, ``.``, ``_`` and ``-`` (others become ``_``, a leading dot too, and
``..``, ``.`` and empty parts are dropped), parts are cut at 50 characters; when that
changed anything, ``-`` and 8 hex digits of the id's SHA-1 are added so that different ids
never share a file; then ``.txt``.

>>> file_output_name("site/page.html.gz")
'site/page.txt'
>>> record_output_name("story-1")
'story-1.txt'
>>> record_output_name("https://example.com/news/a.html?id=5")
'example.com/news/a.html_id_5-80c33076.txt'
>>> record_output_name("../../etc/passwd")
'etc/passwd-936d7c04.txt'
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from cleaner.deferral import deferring
from cleaner.document import Document
from cleaner.sources import GZIP_SUFFIX, STDIN, Source

MAX_PART_CHARS = 50
"""Longest part of a record's output path (a file name stays under 255 bytes in UTF-8)."""

MAX_PARTS = 16
"""Deepest folder nesting a record's output path gets."""

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_UNSAFE = re.compile(r"[^\w.-]")
_HTML_SUFFIX = re.compile(r"\.html?$", re.IGNORECASE)


def output_name(doc: Document) -> str:
    """The relative path under an output folder where ``doc``'s cleaned text goes."""
    if doc.metadata.get("container"):
        return record_output_name(doc.id)
    return file_output_name(doc.id)


def file_output_name(doc_id: str) -> str:
    """A file's relative path as an output name: ``.gz`` dropped, HTML made ``.txt``."""
    name = doc_id[: -len(GZIP_SUFFIX)] if doc_id.lower().endswith(GZIP_SUFFIX) else doc_id
    return _HTML_SUFFIX.sub(".txt", name)


def record_output_name(doc_id: str) -> str:
    """A safe relative path, always inside the output folder, for a record id (see above)."""
    parts = []
    for part in re.split(r"[/\\]+", _SCHEME.sub("", doc_id)):
        safe = _UNSAFE.sub("_", part)[:MAX_PART_CHARS]
        if safe.strip("."):
            parts.append("_" + safe[1:] if safe.startswith(".") else safe)
    name = "/".join(parts[:MAX_PARTS]) or "_"
    if name != doc_id:
        name += "-" + hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return name + ".txt"


def output_path(folder: Path, name: str) -> Path:
    """Where output ``name`` goes under ``folder``; ValueError if that leaves the folder."""
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or name in ("", ".", STDIN):
        raise ValueError(f"{name!r} cannot be written as a file under {folder}")
    target = folder / relative
    if not real_path(target.parent).is_relative_to(real_path(folder)):
        raise ValueError(f"{name!r} would be written outside {folder}")
    return target


def real_path(path: Path) -> Path:
    """``path`` absolute with links resolved as far as they go (``Path.resolve`` raises on a
    symbolic-link loop in Python 3.11; a scrape folder may hold one)."""
    return Path(os.path.realpath(path))


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """Open ``path`` for writing UTF-8 text through a temporary file in the same folder.

    On success the file replaces ``path`` in one ``os.replace``; on any error (or interrupt)
    the temporary file is removed and ``path`` is left as it was. Parent folders are created.
    A ``path`` that exists and is not a regular file (``/dev/stdout``, a named pipe, a
    terminal) is written into directly: replacing it would put a plain file in its place.
    """
    if not _replaceable(path):
        with open(path, "w", encoding="utf-8", newline="\n") as direct:
            yield direct
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temp_name = None
    try:
        # An interrupt while the temporary file is being created would leave it behind:
        # SIGINT and SIGTERM wait until it has a name here (see cleaner.deferral), and are
        # raised as the section ends, inside this try.
        with deferring():
            fd, temp_name = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
            )
        with open(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, path)
    except BaseException:
        if temp_name is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
        raise


def _replaceable(path: Path) -> bool:
    """True when ``path`` is missing or a regular file (or a link to one): safe to replace."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return not path.is_symlink() and not path.exists()


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as handle:
        handle.write(text)


def _umask() -> int:
    """The process umask (read by setting and restoring it), so outputs get usual permissions."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def up_to_date(source: Source, folder: Path) -> bool:
    """True when ``source`` is a text or HTML file whose output under ``folder`` exists and
    is newer than it (``cleaner clean --resume`` skips it). JSONL and WARC inputs never are:
    their records' output names are only known once read."""
    if source.path is None or source.has_records:
        return False
    try:
        written = output_path(folder, file_output_name(source.id)).stat()
        return (
            stat.S_ISREG(written.st_mode) and written.st_mtime_ns > source.path.stat().st_mtime_ns
        )
    except (OSError, ValueError, RuntimeError):
        return False


def output_conflict(
    output: Path, sources: Iterable[Source], folders: Iterable[Path], is_folder: bool
) -> str | None:
    """Why writing to ``output`` (a folder, or one file) could touch the inputs; None if safe.

    An output folder may not be an input folder, lie inside one or contain one, nor contain
    a JSONL or WARC input (its records' names are not known in advance); no output file may
    be an input file.
    """
    if not is_folder and not os.path.lexists(output):
        return None  # a file that is not there is no input (and 100,000 inputs need no look)
    target = real_path(output)
    if is_folder:
        for folder in folders:
            inside = real_path(folder)
            if target.is_relative_to(inside) or inside.is_relative_to(target):
                return f"output folder {output} overlaps input folder {folder}"
    for source in sources:
        if source.path is None:
            continue
        if is_folder and source.has_records and real_path(source.path).is_relative_to(target):
            return f"output folder {output} contains the input {source.name}"
        written = target / file_output_name(source.id) if is_folder else target
        if real_path(written) == real_path(source.path):
            return f"{output} would overwrite the input {source.name}"
    return None


def output_clash(sources: Iterable[Source]) -> str | None:
    """Two file inputs whose text outputs would share a name (``a.html`` and ``a.txt``)."""
    names: dict[str, Source] = {}
    for source in sources:
        if source.path is None or source.has_records:
            continue
        name = file_output_name(source.id)
        if name in names:
            return f"{names[name].name} and {source.name} would both be written as {name!r}"
        names[name] = source
    return None
