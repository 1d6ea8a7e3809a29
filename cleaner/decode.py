"""Scraped bytes to text: byte order marks, declared and guessed encodings, binary data.

>>> decode_document("a.txt", b"Title\\r\\nBody\\r").text
'Title\\nBody\\n'
>>> decode_document("b.txt", b"").reason
'empty input'
>>> declared_charset(b'<html><head><meta charset="ISO-8859-1">')
'cp1252'
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from cleaner.document import Document
from cleaner.sources import ReadError

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

MAX_STRAY_SHARE = 0.01
"""Text with at most this share of invalid UTF-8 bytes may still be UTF-8 (see mostly_utf8)."""

MIN_MULTIBYTE_PER_STRAY = 4
"""... when it also has this many valid multi-byte characters per invalid byte."""

CHARSET_PRESCAN_BYTES = 4096
"""How far into an HTML page a ``<meta charset>`` declaration is looked for."""

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

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*(?:["']\s*)?([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
"""``<meta charset="x">``, and ``<meta http-equiv="Content-Type" content="...; charset=x">``."""

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*(?:["']\s*)?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# (``\s*["']?\s*`` would try every split of a long run of spaces: quadratic.)

_WHATWG_ALIASES = {"latin1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}
"""Labels that browsers (the WHATWG Encoding Standard) decode as windows-1252."""


def decode_document(
    doc_id: str, data: bytes, source: str = "", declared: str | None = None
) -> Document | ReadError:
    """Decode raw bytes to a :class:`Document` (``metadata['encoding']`` says how).

    See :func:`decode_bytes`; empty or blank input is a :class:`ReadError` too.
    """
    source = source or doc_id
    try:
        text, encoding = decode_bytes(data, declared)
    except UnicodeError as error:
        return ReadError(doc_id, source, str(error))
    if not text.strip():
        return ReadError(doc_id, source, "empty input")
    return Document(id=doc_id, text=text, source=source, metadata={"encoding": encoding})


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode scraped bytes to text with ``\\n`` line ends; return ``(text, encoding)``.

    In order: a byte order mark (UTF-8/16/32); UTF-8 when the bytes are valid UTF-8; the
    ``declared`` encoding (an HTML page's ``<meta charset>``, an HTTP header) when it decodes
    them; else charset-normalizer's most coherent plausible guess (windows-1252 on a tie).
    Raises :class:`UnicodeError` with a one-line reason for binary or undecodable data.

    >>> decode_bytes("café".encode("latin-1"))
    ('café', 'cp1252')
    """
    text, encoding = _decode(data, declared)
    return checked_text(text), encoding


def checked_text(text: str) -> str:
    """``text`` with ``\\n`` line ends; :class:`UnicodeError` if it is binary, not text."""
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise UnicodeError("binary data (control characters), not text")
    return normalise_newlines(text)


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
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
    mostly = mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8"
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common in scrapes: guess instead
    guess = guess_encoding(data)
    if guess is None:
        raise UnicodeError("undecodable: not UTF-8 and no plausible character encoding")
    try:
        return data.decode(guess), guess
    except UnicodeDecodeError as error:
        raise UnicodeError(f"undecodable: not UTF-8 and not valid {guess}") from error


def mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a page cut mid-character, one bad byte), decoded with
    U+FFFD for each; None when the bytes are not mostly UTF-8.

    Guessing a legacy encoding for such text would garble every accented letter in it.

    >>> mostly_utf8("Le café est fermé ".encode() * 3 + b"\\xff")
    'Le café est fermé Le café est fermé Le café est fermé \ufffd'
    >>> mostly_utf8(b"caf\\xe9") is None  # no valid multi-byte sequence: windows-1252 is likely
    True
    """
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    if (
        stray <= max(1, MAX_STRAY_SHARE * len(data))
        and multibyte >= MIN_MULTIBYTE_PER_STRAY * stray
    ):
        return text
    return None


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


def declared_charset(html: bytes) -> str | None:
    """The encoding an HTML page declares in a ``<meta>`` near its start, as a Python codec.

    Unknown labels, and UTF-16/32 (which a ``<meta>`` cannot truly declare), give None.
    """
    match = _META_CHARSET.search(html[:CHARSET_PRESCAN_BYTES])
    return codec_name(match.group(1).decode("ascii")) if match else None


def header_charset(content_type: str | None) -> str | None:
    """The encoding named by an HTTP ``Content-Type`` header, as a Python codec, or None.

    >>> header_charset("text/html; charset=UTF-8")
    'utf-8'
    """
    match = _HEADER_CHARSET.search(content_type or "")
    return codec_name(match.group(1)) if match else None


def codec_name(label: str) -> str | None:
    """A Python codec for an encoding label, with browsers' windows-1252 aliases; or None."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None
    return _WHATWG_ALIASES.get(name.replace("-", "_"), name)


def normalise_newlines(text: str) -> str:
    r"""Turn CRLF and lone CR line ends into ``\n``.

    >>> normalise_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")
