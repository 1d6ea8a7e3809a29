"""Reading scrapes from files, folders and stdin; writing results atomically.

Three steps, each small and pure enough to test on its own:

- :func:`find_sources` turns command-line paths into :class:`Source` s (one per input file,
  with the id it will have in every output);
- :func:`read_source` / :func:`decode_document` turn bytes into a
  :class:`~cleaner.document.Document` or a :class:`ReadError` value (empty, binary and
  undecodable inputs are errors, never crashes);
- :func:`atomic_writer` / :func:`write_text_atomic` write a file through a temporary file in
  the target folder and ``os.replace``, so a reader never sees half a file.

>>> decode_document("a.txt", b"Title\\r\\nBody\\r").text
'Title\\nBody\\n'
>>> decode_document("b.txt", b"").reason
'empty input'
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from charset_normalizer import from_bytes

from cleaner.document import Document

STDIN = "-"
"""The path (and document id) that stands for standard input."""

TEXT_SUFFIXES = (".txt",)
"""Files taken from a folder (case-insensitive); files named on the command line are always read."""

FALLBACK_ENCODING = "cp1252"
"""Preferred among equally plausible guesses: the usual non-UTF-8 encoding of Western scrapes."""

WEB_ENCODINGS = (
    *("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258"),
    *("iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7"),
    *("iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16"),
    *("cp874", "koi8_r", "koi8_u", "cp866", "mac_cyrillic"),
    *("gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949"),
)
"""The legacy encodings guessed among: those of the WHATWG Encoding Standard (what web pages
use) less Mac Roman. DOS and EBCDIC code pages are left out: they never come from the web, and
charset-normalizer would otherwise pick them for short Western text."""

MAX_CHAOS = 0.2
"""A charset guess whose decoded text is messier than this (charset-normalizer's mess ratio,
0 to 1) is no guess: the input is reported as undecodable."""

CHAOS_MARGIN = 0.1
"""Guesses at most this much messier than the least messy one count as equally plausible;
the most coherent of them wins."""

MAX_CONTROL_SHARE = 0.05
"""Decoded text with more control characters than this share is binary, not text."""

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Control characters that do not occur in text (tab, line and form feeds are allowed)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: ``path`` is None for standard input."""

    id: str
    """The document id in every output: path relative to its input folder, file name, or ``-``."""
    path: Path | None

    @property
    def name(self) -> str:
        """How messages name this input: the path as found, or ``-``."""
        return STDIN if self.path is None else str(self.path)


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read as text, with the reason in one line."""

    id: str
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class SourceError(ValueError):
    """The inputs as given cannot be used (missing path, clashing ids, ...): a usage error."""


# ---------------------------------------------------------------------------------------------
# Finding inputs
# ---------------------------------------------------------------------------------------------
def find_sources(paths: Iterable[str | Path]) -> list[Source]:
    """One :class:`Source` per input: ``-``, a file, or every ``.txt`` under a folder.

    Folders are walked recursively in sorted order, skipping hidden files and folders and not
    following symbolic links to folders; their files get ids relative to the folder, with
    ``/`` separators. Files named directly get their file name as id. Raises
    :class:`SourceError` for a missing path, a folder without text files, ``-`` given with
    other inputs, and two inputs that would share an id (and so an output file).
    """
    given = [Path(p) for p in paths]
    if any(str(p) == STDIN for p in given) and len(given) > 1:
        raise SourceError("- (standard input) cannot be combined with other inputs")
    sources: list[Source] = []
    for path in given:
        if str(path) == STDIN:
            sources.append(Source(STDIN, None))
        elif path.is_dir():
            found = [Source(rel, path / rel) for rel in _folder_files(path)]
            if not found:
                raise SourceError(f"{path}: no .txt files in this folder")
            sources.extend(found)
        elif path.exists():
            sources.append(Source(path.name, path))
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
    """Relative POSIX paths of the visible text files under ``folder``, sorted."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_root = Path(root).relative_to(folder)
        found.extend(
            (rel_root / name).as_posix()
            for name in files
            if not name.startswith(".") and name.lower().endswith(TEXT_SUFFIXES)
        )
    return sorted(found)


def input_folders(paths: Iterable[str | Path]) -> list[Path]:
    """The folders among the inputs (to check that an output folder stays out of them)."""
    return [Path(p) for p in paths if str(p) != STDIN and Path(p).is_dir()]


# ---------------------------------------------------------------------------------------------
# Reading and decoding
# ---------------------------------------------------------------------------------------------
def read_source(source: Source, stdin: BinaryIO | None = None) -> Document | ReadError:
    """Read and decode one input (see :func:`decode_document`); OS errors become values.

    Standard input is read from ``stdin`` (default: ``sys.stdin.buffer``), to its end.
    """
    try:
        if source.path is None:
            data = (sys.stdin.buffer if stdin is None else stdin).read()
        else:
            data = source.path.read_bytes()
    except OSError as error:
        return ReadError(source.id, source.name, error.strerror or type(error).__name__)
    return decode_document(source.id, data, source.name)


def read_sources(
    sources: Iterable[Source], stdin: BinaryIO | None = None
) -> Iterator[Document | ReadError]:
    """Read inputs one at a time, in order (a stream: nothing is kept)."""
    for source in sources:
        yield read_source(source, stdin)


def decode_document(doc_id: str, data: bytes, source: str = "") -> Document | ReadError:
    """Decode raw bytes to a :class:`Document` (``metadata['encoding']`` says how).

    UTF-8, or UTF-8/16/32 with a byte order mark; otherwise charset-normalizer's most coherent
    plausible guess (windows-1252 on a tie). Line ends are normalised to ``\\n``. Empty or
    blank input, binary data (NUL bytes, known file signatures, control characters) and
    undecodable bytes give a :class:`ReadError`.
    """
    source = source or doc_id
    try:
        text, encoding = decode_bytes(data)
    except UnicodeError as error:
        return ReadError(doc_id, source, str(error))
    if not text.strip():
        return ReadError(doc_id, source, "empty input")
    return Document(id=doc_id, text=text, source=source, metadata={"encoding": encoding})


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode scraped bytes to text with ``\\n`` line ends; return ``(text, encoding)``.

    Raises :class:`UnicodeError` with a one-line reason for binary or undecodable data.

    >>> decode_bytes("café".encode("latin-1"))
    ('café', 'cp1252')
    """
    text, encoding = _decode(data)
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise UnicodeError("binary data (control characters), not text")
    return normalise_newlines(text), encoding


def _decode(data: bytes) -> tuple[str, str]:
    """The decoding steps of :func:`decode_bytes`, before the checks on the decoded text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as error:
                raise UnicodeError(f"invalid {encoding} after a byte order mark") from error
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UnicodeError(f"binary data ({kind}), not text")
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        raise UnicodeError("binary data (WebP image), not text")
    if b"\x00" in data:
        raise UnicodeError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = guess_encoding(data)
    if guess is None:
        raise UnicodeError("undecodable: not UTF-8 and no plausible character encoding")
    try:
        return data.decode(guess), guess
    except UnicodeDecodeError as error:
        raise UnicodeError(f"undecodable: not UTF-8 and not valid {guess}") from error


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's most coherent guess among the least messy ones, or None.

    charset-normalizer alone often prefers a Baltic or DOS code page for short Western
    text; keeping to web encodings, taking the most coherent plausible guess, and
    windows-1252 when it decodes the bytes just as well, fixes that without hurting Cyrillic,
    Greek, Turkish or CJK text. Very short texts (a line or two) can still be guessed wrong.
    """
    matches = list(from_bytes(data, threshold=MAX_CHAOS, cp_isolation=list(WEB_ENCODINGS)))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least + CHAOS_MARGIN]
    pick = max(
        plausible,
        key=lambda m: (
            round(m.coherence, 2),
            FALLBACK_ENCODING in m.could_be_from_charset,
            -m.chaos,
        ),
    )
    if FALLBACK_ENCODING in pick.could_be_from_charset:
        return FALLBACK_ENCODING
    return str(pick.encoding)


def normalise_newlines(text: str) -> str:
    r"""Turn CRLF and lone CR line ends into ``\n``.

    >>> normalise_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
def output_path(folder: Path, doc_id: str) -> Path:
    """Where document ``doc_id`` goes under ``folder``; ValueError if that leaves the folder."""
    relative = Path(doc_id)
    if relative.is_absolute() or ".." in relative.parts or doc_id in ("", ".", STDIN):
        raise ValueError(f"{doc_id!r} cannot be written as a file under {folder}")
    target = folder / relative
    if not target.parent.resolve().is_relative_to(folder.resolve()):
        raise ValueError(f"{doc_id!r} would be written outside {folder}")
    return target


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """Open ``path`` for writing UTF-8 text through a temporary file in the same folder.

    On success the file replaces ``path`` in one ``os.replace``; on any error (or interrupt)
    the temporary file is removed and ``path`` is left as it was. Parent folders are created.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with open(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as handle:
        handle.write(text)


def _umask() -> int:
    """The process umask (read by setting and restoring it), so outputs get usual permissions."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def output_conflict(
    output: Path, sources: Iterable[Source], folders: Iterable[Path], is_folder: bool
) -> str | None:
    """Why writing to ``output`` (a folder, or one file) could touch the inputs; None if safe.

    An output folder may not be an input folder, lie inside one or contain one, and no output
    file may be an input file.
    """
    target = output.resolve()
    if is_folder:
        for folder in folders:
            inside = folder.resolve()
            if target.is_relative_to(inside) or inside.is_relative_to(target):
                return f"output folder {output} overlaps input folder {folder}"
    for source in sources:
        if source.path is None:
            continue
        written = target / source.id if is_folder else target
        if written.resolve() == source.path.resolve():
            return f"{output} would overwrite the input {source.name}"
    return None
