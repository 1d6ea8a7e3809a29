"""Finding inputs, decoding scraped bytes, atomic writes (cleaner.io)."""

from __future__ import annotations

import codecs
import os
import random
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.decode import declared_charset, header_charset
from cleaner.document import Document
from cleaner.io import (
    ReadError,
    Source,
    SourceError,
    atomic_writer,
    decode_bytes,
    decode_document,
    find_sources,
    output_conflict,
    output_path,
    read_source,
    read_sources,
    write_text_atomic,
)

FIXTURES = Path(__file__).parent.parent / "fixtures"
FOLDER = FIXTURES / "folder"


# --- finding inputs ---------------------------------------------------------------------------
def test_folder_gives_sorted_relative_posix_ids() -> None:
    sources = find_sources([FOLDER])
    assert [s.id for s in sources] == [
        "site-a/council-budget.txt",
        "site-a/harbour-festival.txt",
        "site-a/sport/cup-final.txt",
        "site-b/library-reopens.txt",
        "site-b/rail-strike.txt",
    ]
    assert all(s.path == FOLDER / s.id for s in sources)


def test_folder_skips_hidden_and_non_text_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden folder")
    (tmp_path / ".draft.txt").write_text("hidden file")
    (tmp_path / "notes.md").write_text("not a scrape")
    (tmp_path / "UPPER.TXT").write_text("upper-case suffix counts")
    (tmp_path / "a.txt").write_text("a")
    assert [s.id for s in find_sources([tmp_path])] == ["UPPER.TXT", "a.txt"]


def test_files_get_their_name_and_any_suffix(tmp_path: Path) -> None:
    page = tmp_path / "page.html.dump"
    page.write_text("x")
    assert find_sources([page]) == [Source("page.html.dump", page)]


def test_stdin_is_a_single_source() -> None:
    assert find_sources(["-"]) == [Source("-", None)]
    assert Source("-", None).name == "-"


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        (["-", "fixtures/folder"], "cannot be combined"),
        (["no/such/file.txt"], "no such file"),
    ],
)
def test_unusable_inputs_raise_source_error(paths: list[str], message: str) -> None:
    with pytest.raises(SourceError, match=message):
        find_sources(paths)


def test_clashing_ids_are_refused(tmp_path: Path) -> None:
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(sub)
    with pytest.raises(SourceError, match=r"would both be 'same\.txt'"):
        find_sources([tmp_path / "x" / "same.txt", tmp_path / "y" / "same.txt"])


def test_folder_without_text_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing to clean")
    with pytest.raises(SourceError, match=r"no input files \(\.txt, \.html"):
        find_sources([tmp_path])


# --- decoding ---------------------------------------------------------------------------------
# Legacy encodings are guessed, and guesses need some text: these are sentence-length.
SMART = "He said \u201cno\u201d \u2014 and left the room. Price: 5\u20ac.\n"
FRENCH = (
    "Le café de la gare a fermé ses portes après quarante ans.\nLes habitués regrettent déjà.\n"
)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (FRENCH.encode("utf-8"), FRENCH, "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH, "utf-8"),
        (FRENCH.encode("utf-16"), FRENCH, "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH, "utf-16"),
        (FRENCH.encode("latin-1"), FRENCH, "cp1252"),
        (SMART.encode("cp1252"), SMART, "cp1252"),
        ("Café\n".encode("latin-1"), "Café\n", "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "latin1", "cp1252", "latin1-short"],
)
def test_decodes_common_encodings(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


LEGACY = {
    "cp1251": "Министр иностранных дел России встретился в пятницу с британским коллегой.\n",  # noqa: RUF001
    "cp1253": "Ο υπουργός Εξωτερικών συναντήθηκε την Παρασκευή με τον Βρετανό ομόλογό του.\n",  # noqa: RUF001
    "cp1254": "Dışişleri Bakanı Cuma günü İngiliz mevkidaşıyla görüştü, ilişkiler çok kötü.\n",  # noqa: RUF001
    "shift_jis": "東京で大きな地震がありました。多くの人が避難しました。\n",
}


@pytest.mark.parametrize(("encoding", "text"), LEGACY.items())
def test_non_western_legacy_encodings_are_not_forced_to_cp1252(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding))[0] == text


def test_line_ends_are_normalised() -> None:
    assert decode_bytes(b"a\r\nb\rc\n\r\nd")[0] == "a\nb\nc\n\nd"
    assert decode_bytes("a\r\nb".encode("utf-16"))[0] == "a\nb"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b" \n\r\n\t\n", "empty input"),
        (codecs.BOM_UTF8, "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"\x1f\x8b\x08\x00", "gzip data"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"text with a \x00 NUL byte", "NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20 + b"abc", "control characters"),
        (bytes(range(0x80, 0x100)) * 4, "undecodable"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid utf-16"),
    ],
)
def test_empty_binary_and_undecodable_inputs_are_error_values(data: bytes, reason: str) -> None:
    result = decode_document("x.txt", data, "in/x.txt")
    assert isinstance(result, ReadError)
    assert reason in result.reason
    assert str(result).startswith("in/x.txt: ")
    assert "\n" not in str(result)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_never_crash(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(1, 256) for _ in range(3000))
    result = decode_document("r.txt", data)
    assert isinstance(result, ReadError), "random bytes should not pass as text"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_any_bytes_give_a_document_or_an_error_value(data: bytes) -> None:
    result = decode_document("x", data)
    assert isinstance(result, Document | ReadError)
    if isinstance(result, Document):
        assert "\r" not in result.text and result.text.strip()


def test_decoded_document_records_its_encoding() -> None:
    doc = decode_document("a.txt", FRENCH.encode("latin-1"), "dir/a.txt")
    assert isinstance(doc, Document)
    assert (doc.id, doc.source, doc.metadata) == ("a.txt", "dir/a.txt", {"encoding": "cp1252"})


def test_read_source_turns_os_errors_into_values(tmp_path: Path) -> None:
    [missing] = read_source(Source("gone.txt", tmp_path / "gone.txt"))
    assert isinstance(missing, ReadError)
    assert "No such file" in missing.reason
    [folder] = read_source(Source("dir", tmp_path))
    assert isinstance(folder, ReadError)


def test_read_sources_streams_in_order() -> None:
    docs = list(read_sources(find_sources([FOLDER / "site-b"])))
    assert [d.id for d in docs] == ["library-reopens.txt", "rail-strike.txt"]
    assert all(isinstance(d, Document) and d.text.startswith("Valley Courier") for d in docs)


# --- writing ----------------------------------------------------------------------------------
def test_output_path_stays_inside_the_folder(tmp_path: Path) -> None:
    assert output_path(tmp_path, "a/b.txt") == tmp_path / "a" / "b.txt"
    for bad in ("../x.txt", "/etc/passwd", "a/../../x.txt", "-", ""):
        with pytest.raises(ValueError):
            output_path(tmp_path, bad)


def test_output_path_refuses_a_symlinked_escape(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out" / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ValueError, match="outside"):
        output_path(tmp_path / "out", "link/x.txt")


def test_atomic_write_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "out.txt"
    write_text_atomic(target, "first\n")
    write_text_atomic(target, "second\n")
    assert target.read_text() == "second\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]
    mode = stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_atomic_write_keeps_the_old_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write("half a file")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_a_named_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_text_atomic(fifo, "through the pipe\n")
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_device_is_written_into_not_replaced() -> None:
    """A terminal device (as /dev/stdout or /dev/null would be) stays a device."""
    master, slave = os.openpty()
    try:
        device = Path(os.ttyname(slave))
        write_text_atomic(device, "to the terminal\n")
        assert stat.S_ISCHR(device.stat().st_mode)
        assert b"to the terminal" in os.read(master, 1024)
    finally:
        os.close(master)
        os.close(slave)


def test_output_conflicts(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    (inp / "sub").mkdir(parents=True)
    (inp / "a.txt").write_text("a")
    sources = find_sources([inp])
    folders = [inp]
    assert output_conflict(tmp_path / "out", sources, folders, is_folder=True) is None
    assert "overlaps" in str(output_conflict(inp, sources, folders, is_folder=True))
    assert "overlaps" in str(output_conflict(inp / "sub", sources, folders, is_folder=True))
    assert "overlaps" in str(output_conflict(tmp_path, sources, folders, is_folder=True))
    # A file input written into its own folder would overwrite itself.
    file_sources = find_sources([inp / "a.txt"])
    assert "overwrite" in str(output_conflict(inp, file_sources, [], is_folder=True))
    assert "overwrite" in str(output_conflict(inp / "a.txt", file_sources, [], is_folder=False))
    assert output_conflict(tmp_path / "all.jsonl", sources, folders, is_folder=False) is None
    # An output file that is not there yet is no input: the inputs are not looked at.
    unread = (_never() for _ in range(1))
    assert output_conflict(tmp_path / "new.json", unread, folders, is_folder=False) is None
    link = tmp_path / "link.txt"
    link.symlink_to(inp / "a.txt")
    assert "overwrite" in str(output_conflict(link, sources, folders, is_folder=False))


def _never() -> Source:
    raise AssertionError("the inputs were looked at")


# --- declared encodings (HTML) ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<META CHARSET=windows-1251>", "cp1251"),
        (b"<meta charset='ISO-8859-1'>", "cp1252"),  # browsers read latin-1 as windows-1252
        (b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "koi8-r"),
        (b'<meta content="text/html; charset=Shift_JIS" http-equiv="Content-Type">', "shift_jis"),
        (b'<meta charset="utf-16">', None),  # a <meta> cannot declare UTF-16
        (b'<meta charset="no-such-thing">', None),
        (b"<p>charset=utf-8 in the text is no declaration</p>", None),
        (b" " * 5000 + b'<meta charset="cp1251">', None),  # too far in
    ],
)
def test_declared_charset(head: bytes, codec: str | None) -> None:
    assert declared_charset(b"<html><head>" + head) == codec


def test_header_charset() -> None:
    assert header_charset('text/html; charset="windows-1250"') == "cp1250"
    assert header_charset("text/html") is None
    assert header_charset(None) is None


def test_utf8_with_a_few_stray_bytes_stays_utf8() -> None:
    text = "Le café de la gare est fermé depuis lundi, a annoncé la mairie.\n" * 4
    data = text.encode()
    cut = data[:70] + b"\xff" + data[70:] + "fermé".encode()[:-1]  # and a character cut short
    decoded, encoding = decode_bytes(cut)
    assert encoding == "utf-8"
    assert decoded.count("café") == 4 and decoded.count("\ufffd") == 2
    assert decode_bytes("café".encode("cp1252"))[1] == "cp1252"  # no UTF-8 in it at all
