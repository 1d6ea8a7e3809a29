"""Reading the other input formats: JSONL, WARC, gzip, HTML charsets, record output names."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.document import Document
from cleaner.io import (
    ReadConfig,
    ReadError,
    Source,
    decode_bytes,
    find_sources,
    output_name,
    output_path,
    read_source,
    read_sources,
)
from cleaner.outputs import file_output_name, record_output_name
from cleaner.sources import source_format

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
JSONL = FORMATS / "crawl.jsonl"
WARC = FORMATS / "crawl.warc.gz"


def read_all(path: Path, config: ReadConfig | None = None) -> list[Document | ReadError]:
    return list(read_sources(find_sources([path]), config=config or ReadConfig()))


def errors(items: list[Document | ReadError]) -> list[str]:
    return [str(item) for item in items if isinstance(item, ReadError)]


def docs(items: list[Document | ReadError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def write_jsonl(path: Path, lines: list[object]) -> Path:
    """Each line: a JSON-able value, or bytes written as they are."""
    with path.open("wb") as out:
        for line in lines:
            data = line if isinstance(line, bytes) else json.dumps(line).encode()
            out.write(data + b"\n")
    return path


def gzip_bomb(path: Path, size: int) -> Path:
    """``size`` zero bytes, gzipped as a stream (the file is a few hundred KB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    chunk = bytes(1 << 20)
    with path.open("wb") as out:
        for _ in range(size >> 20):
            out.write(compressor.compress(chunk))
        out.write(compressor.flush())
    return path


# --- finding ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.TXT.GZ", "text"),
        ("a.html", "html"),
        ("a.htm.gz", "html"),
        ("a.jsonl", "jsonl"),
        ("a.jsonl.gz", "jsonl"),
        ("a.warc", "warc"),
        ("a.warc.gz", "warc"),
        ("a.json", "auto"),
        ("a.gz", "auto"),
        ("page.html.dump", "auto"),
    ],
)
def test_format_by_extension(name: str, fmt: str) -> None:
    assert source_format(name) == fmt


def test_folder_takes_every_known_format(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "c.htm.gz", "d.jsonl.gz", "e.warc", "f.md", "g.json"):
        (tmp_path / name).write_text("x")
    found = find_sources([tmp_path])
    assert [(s.id, s.format) for s in found] == [
        ("a.txt", "text"),
        ("b.html", "html"),
        ("c.htm.gz", "html"),
        ("d.jsonl.gz", "jsonl"),
        ("e.warc", "warc"),
    ]


def test_format_in_applies_to_stdin_and_named_files_not_to_folders(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.txt").write_text("x")
    (tmp_path / "dump.json").write_text("x")
    found = find_sources([tmp_path / "dir", tmp_path / "dump.json"], "jsonl")
    assert [s.format for s in found] == ["text", "jsonl"]
    assert find_sources(["-"], "warc")[0].format == "warc"
    assert find_sources(["-"])[0].format == "auto"


# --- JSONL ------------------------------------------------------------------------------------
def test_jsonl_records_become_documents_with_their_fields() -> None:
    items = read_all(JSONL)
    assert errors(items) == []
    assert [d.id for d in docs(items)] == [
        "gazette/council-budget",
        "gazette/cup-final",
        "courier/rail-strike",
    ]
    first, _, page = docs(items)
    assert first.text == (FORMATS / "plain" / "council-budget.txt").read_text()
    assert first.source == f"{JSONL}:1"
    assert first.metadata == {
        "encoding": "utf-8",
        "container": "jsonl",
        "content_type": "text",
        "fields": {"url": "https://news.example/council-budget", "fetched": "2024-06-03T08:00:00Z"},
    }
    assert page.metadata["content_type"] == "html"
    assert page.text == (FORMATS / "pages" / "rail-strike.html").read_text()
    assert page.metadata["fields"]["title"].startswith("a crawler's title")


def test_jsonl_bad_lines_are_errors_naming_file_and_line(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "bad.jsonl",
        [
            {"id": "ok-1", "text": "Title\n\nBody."},
            b'{"id": "broken", "text": ',
            [1, 2],
            {"text": "no id"},
            {"id": 7, "text": "numeric id"},
            {"id": "", "text": "empty id"},
            {"id": "ok-1", "text": "a duplicate"},
            {"id": "no-text"},
            {"id": "blank", "text": "  \n"},
            {"id": "typed", "text": ["a", "list"]},
            b"",
            b'{"id": "latin", "text": "caf\xe9"}',
            {"id": "binary", "text": "\x01\x02\x03\x04"},
            {"id": "ok-2", "html": "<p>x</p>", "text": "ignored"},
        ],
    )
    items = read_all(path)
    assert [d.id for d in docs(items)] == ["ok-1", "ok-2"]
    assert errors(items) == [
        f"{path}:2: invalid JSON: Expecting value (column 26)",
        f"{path}:3: not a JSON object but list",
        f"{path}:4: no 'id' field",
        f"{path}:5: a non-string 'id' field",
        f"{path}:6: an empty 'id' field",
        f"{path}:7: duplicate id 'ok-1' (first at {path}:1)",
        f"{path}:8: no 'text' or 'html' field",
        f"{path}:9: empty input",
        f"{path}:10: 'text' is not a string",
        f"{path}:12: not UTF-8 (JSON lines must be UTF-8)",
        f"{path}:13: binary data (control characters), not text",
    ]
    assert docs(items)[1].metadata["content_type"] == "html"  # the HTML field wins


def test_jsonl_field_names_are_configurable(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"url": "u1", "body": "T\n\nB.", "id": "kept"}])
    config = ReadConfig(id_field="url", text_field="body", html_field="page")
    [doc] = read_all(path, config)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.metadata["fields"]) == ("u1", "T\n\nB.", {"id": "kept"})


def test_jsonl_ids_are_unique_across_inputs(tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "one"}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"id": "x", "text": "two"}])
    items = list(read_sources(find_sources([a, b])))
    assert errors(items) == [f"{b}:1: duplicate id 'x' (first at {a}:1)"]


def test_jsonl_with_a_bom_and_crlf_lines(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(
        codecs.BOM_UTF8 + b'{"id": "a", "text": "T\\r\\nB"}\r\n{"id": "b", "text": "C"}\r\n'
    )
    assert [(d.id, d.text) for d in docs(read_all(path))] == [("a", "T\nB"), ("b", "C")]


def test_an_over_long_line_is_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    long = {"id": "long", "text": "word " * 5000}
    path = write_jsonl(tmp_path / "long.jsonl", [long, {"id": "short", "text": "fine"}])
    items = read_all(path, ReadConfig(max_document_bytes=1000))
    assert errors(items) == [f"{path}:1: line longer than 1000 bytes"]
    assert [d.id for d in docs(items)] == ["short"]


def test_gzipped_jsonl_reads_as_the_plain_file(tmp_path: Path) -> None:
    packed = tmp_path / "crawl.jsonl.gz"
    packed.write_bytes(gzip.compress(JSONL.read_bytes()))
    plain, unpacked = docs(read_all(JSONL)), docs(read_all(packed))
    assert [(d.id, d.text, d.metadata) for d in plain] == [
        (d.id, d.text, d.metadata) for d in unpacked
    ]


def test_truncated_gzip_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    lines = [{"id": f"r{i}", "text": f"Record {i}\n\n" + "words " * 200} for i in range(40)]
    data = gzip.compress(write_jsonl(tmp_path / "full.jsonl", lines).read_bytes())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    items = read_all(cut)
    read = docs(items)
    assert 0 < len(read) < 40
    assert [d.id for d in read] == [f"r{i}" for i in range(len(read))]
    assert errors(items) == [f"{cut}: truncated gzip data: the rest of the input is lost"]
    assert isinstance(items[-1], ReadError)


def test_a_gzip_bomb_is_an_error_for_the_input(tmp_path: Path) -> None:
    bomb = gzip_bomb(tmp_path / "bomb.jsonl.gz", 200 << 20)
    assert bomb.stat().st_size < 1 << 20
    items = read_all(bomb, ReadConfig(max_source_bytes=10 << 20))
    assert errors(items) == [f"{bomb}: decompressed size exceeds 10 MiB (gzip bomb?)"]
    text_bomb = gzip_bomb(tmp_path / "bomb.txt.gz", 200 << 20)
    [error] = read_all(text_bomb, ReadConfig(max_document_bytes=1 << 20))
    assert str(error) == f"{text_bomb}: decompressed size exceeds 1 MiB (gzip bomb?)"


def test_a_large_plain_file_is_an_error(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    [error] = read_all(big, ReadConfig(max_document_bytes=100))
    assert str(error) == f"{big}: larger than 100 bytes"


# --- WARC -------------------------------------------------------------------------------------
def test_warc_html_responses_are_documents_with_their_uri() -> None:
    items = read_all(WARC)
    assert errors(items) == []
    pages = docs(items)
    assert [d.id for d in pages] == [
        "https://news.example/harbour-festival",
        "https://news.example/library-reopens",
        "https://news.example/rail-strike",
    ]
    for doc in pages:
        name = doc.id.rsplit("/", 1)[1]
        assert doc.text == (FORMATS / "pages" / f"{name}.html").read_text()
        assert doc.metadata == {
            "encoding": "utf-8",
            "content_type": "html",
            "container": "warc",
            "url": doc.id,
        }
        assert doc.source == f"{WARC}: {doc.id}"


def warc_bytes(records: list[tuple[str, bytes, str]], compress: bool = True) -> bytes:
    """A WARC of HTTP 200 responses: (uri, body, content type)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for uri, body, content_type in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
        )
        writer.write_record(record)
    return out.getvalue()


RUSSIAN = "<html><body><p>Министр иностранных дел встретился с коллегой.</p></body></html>"  # noqa: RUF001


def test_warc_body_is_decoded_by_its_http_charset(tmp_path: Path) -> None:
    path = tmp_path / "ru.warc"
    body = RUSSIAN.encode("koi8-r")
    path.write_bytes(warc_bytes([("http://x/ru", body, "text/html; charset=KOI8-R")], False))
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == RUSSIAN
    assert doc.metadata["encoding"] == "koi8-r"


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc_keeps_the_pages_before_the_cut(tmp_path: Path, compress: bool) -> None:
    pages = [(f"http://x/{i}", f"<p>Page {i}</p>".encode() * 50, "text/html") for i in range(6)]
    data = warc_bytes(pages, compress)
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(data[:-300])  # inside the last record's body
    items = read_all(path)
    read = docs(items)
    assert [d.id for d in read] == [f"http://x/{i}" for i in range(5)]
    [error] = errors(items)
    assert error.startswith(f"{path}: truncated ")
    assert error.endswith(": the rest of the input is lost")


def test_not_a_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_text("this is not an archive\n")
    [error] = read_all(path)
    assert isinstance(error, ReadError)
    assert error.reason.startswith("not a valid WARC archive")


def test_a_warc_record_larger_than_the_bound_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    big = b"<p>" + b"word " * 1000 + b"</p>"
    path.write_bytes(
        warc_bytes([("http://x/big", big, "text/html"), ("http://x/ok", b"<p>ok</p>", "text/html")])
    )
    items = read_all(path, ReadConfig(max_document_bytes=1000))
    assert errors(items) == [f"{path}: http://x/big: larger than 1000 bytes"]
    assert [d.id for d in docs(items)] == ["http://x/ok"]


# --- encodings --------------------------------------------------------------------------------
def test_utf16_with_a_bom() -> None:
    [doc] = read_all(FORMATS / "library-utf16.txt")
    assert isinstance(doc, Document)
    assert doc.metadata["encoding"] == "utf-16"
    assert "repair café\n" in doc.text and "\r" not in doc.text


def test_latin1_html_follows_its_meta_charset() -> None:
    [doc] = read_all(FORMATS / "latin1-meta.html")
    assert isinstance(doc, Document)
    assert doc.metadata == {"encoding": "cp1252", "content_type": "html"}
    assert "Le café de la gare ferme après quarante ans" in doc.text
    assert "«\u00a0C'était" in doc.text or "«&nbsp;C'était" in doc.text


CZECH = "<p>Příliš žluťoučký kůň úpěl ďábelské ódy.</p>"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1250">',
        '<meta http-equiv="Content-Type" content="text/html; charset=cp1250">',
    ],
)
def test_a_declared_charset_beats_the_guess(tmp_path: Path, meta: str) -> None:
    page = tmp_path / "cz.html"
    page.write_bytes(f"<html><head>{meta}</head><body>{CZECH}</body></html>".encode("cp1250"))
    [doc] = read_all(page)
    assert isinstance(doc, Document)
    assert CZECH in doc.text
    assert doc.metadata["encoding"] == "cp1250"


def test_utf8_wins_over_a_wrong_declaration(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes('<meta charset="iso-8859-1"><p>café</p>'.encode())
    [doc] = read_all(page)
    assert isinstance(doc, Document) and "café" in doc.text


def test_declared_charset_is_used_only_when_it_decodes() -> None:
    assert decode_bytes("café".encode("latin-1"), declared="utf-16-nonsense")[0] == "café"
    assert decode_bytes("café".encode("latin-1"), declared="ascii")[0] == "café"


def test_undecodable_html_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_bytes(b"<html>" + bytes(range(0x80, 0x100)) * 4)
    [error] = read_all(page)
    assert isinstance(error, ReadError) and "undecodable" in error.reason


# --- stdin, HTML by content ---------------------------------------------------------------------
def test_gzipped_stdin_is_decompressed() -> None:
    data = gzip.compress(b"Title\r\n\r\nBody.\r\n")
    [doc] = read_source(Source("-", None), io.BytesIO(data))
    assert isinstance(doc, Document) and doc.text == "Title\n\nBody.\n"


def test_html_on_stdin_is_recognised() -> None:
    page = (FORMATS / "latin1-meta.html").read_bytes()
    [doc] = read_source(Source("-", None), io.BytesIO(page))
    assert isinstance(doc, Document)
    assert doc.metadata == {"encoding": "cp1252", "content_type": "html"}
    [text] = read_source(Source("-", None, "text"), io.BytesIO(page))
    assert isinstance(text, Document) and text.metadata["content_type"] == "text"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    items = list(read_source(Source("-", None, "jsonl"), io.BytesIO(JSONL.read_bytes())))
    assert [d.id for d in docs(items)] == [d.id for d in docs(read_all(JSONL))]
    assert all(d.source.startswith("-:") for d in docs(items))


# --- output names -----------------------------------------------------------------------------
def test_file_output_names() -> None:
    assert file_output_name("a/b.txt") == "a/b.txt"
    assert file_output_name("a/b.HTM") == "a/b.txt"
    assert file_output_name("a/b.txt.gz") == "a/b.txt"
    assert file_output_name("notes.md") == "notes.md"


@pytest.mark.parametrize(
    ("doc_id", "name"),
    [
        ("story-1", "story-1.txt"),
        ("gazette/council-budget", "gazette/council-budget.txt"),
        ("a.txt", "a.txt.txt"),
    ],
)
def test_plain_record_ids_keep_their_name(doc_id: str, name: str) -> None:
    assert record_output_name(doc_id) == name


HOSTILE = [
    "../../escape",
    "/etc/passwd",
    "..",
    ".",
    "",
    "a/../../b",
    "..\\..\\windows",
    ".hidden",
    "a//b",
    "\x00nul",
    "https://news.example/",
    "https://news.example/a?id=1&x=../../y",
    "x" * 5000,
    "/".join(["d"] * 100),
    "C:\\Users\\x",
    "-",
]


@pytest.mark.parametrize("doc_id", HOSTILE)
def test_hostile_record_ids_stay_inside_the_output_folder(tmp_path: Path, doc_id: str) -> None:
    name = record_output_name(doc_id)
    target = output_path(tmp_path, name)  # raises if it would leave the folder
    assert target.resolve().is_relative_to(tmp_path.resolve())
    assert all(
        0 < len(part.encode()) < 255 and not part.startswith(".") for part in Path(name).parts
    )


def test_different_ids_get_different_names() -> None:
    names = {record_output_name(doc_id) for doc_id in HOSTILE}
    assert len(names) == len(HOSTILE)
    assert record_output_name("http://a/b") != record_output_name("https://a/b")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_record_id_gives_a_safe_name(doc_id: str) -> None:
    name = record_output_name(doc_id)
    folder = Path("/out")
    relative = Path(name)
    assert not relative.is_absolute() and ".." not in relative.parts
    assert (folder / relative).parts[:2] == ("/", "out")
    assert name.endswith(".txt") and "\x00" not in name


def test_output_name_depends_on_where_the_document_came_from() -> None:
    assert output_name(Document("a/b.html", "x")) == "a/b.txt"
    assert output_name(Document("a/b.html", "x", metadata={"container": "jsonl"})) == "a/b.html.txt"


# --- damaged inputs never crash ---------------------------------------------------------------
WARC_PLAIN = gzip.decompress(WARC.read_bytes())


def damage(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """``data`` with each (position, bytes to delete, bytes to insert) applied in turn."""
    out = bytearray(data)
    for position, delete, insert in edits:
        at = position % (len(out) + 1)
        out[at : at + delete] = insert
    return bytes(out)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(
        [(WARC_PLAIN, "warc"), (WARC.read_bytes(), "warc"), (JSONL.read_bytes(), "jsonl")]
    ),
    st.lists(
        st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.binary(max_size=20)), max_size=6
    ),
)
def test_damaged_archives_give_documents_and_errors_never_exceptions(
    base: tuple[bytes, str], edits: list[tuple[int, int, bytes]]
) -> None:
    data, fmt = base
    items = list(read_source(Source("x", None, fmt), io.BytesIO(damage(data, edits))))
    assert all(isinstance(item, Document | ReadError) for item in items)
    assert all("\n" not in str(item) for item in items if isinstance(item, ReadError))


def test_warcio_warnings_stay_off_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    broken = WARC_PLAIN.replace(b"The harbour festival is back", b"The harbour fest", 1)
    broken = broken.replace(
        b"WARC-Target-URI: https://news.example/library",
        b"WARC-Target-URI: https://news.example /library",
        1,
    )
    items = list(read_source(Source("x.warc", None, "warc"), io.BytesIO(broken)))
    assert any(isinstance(item, ReadError) for item in items)
    assert capfd.readouterr().err == ""


def test_html_in_a_jsonl_text_field_is_recognised(tmp_path: Path) -> None:
    page = (FORMATS / "pages" / "rail-strike.html").read_text()
    path = write_jsonl(
        tmp_path / "a.jsonl", [{"id": "p", "text": page}, {"id": "t", "text": "A < B."}]
    )
    kinds = [d.metadata["content_type"] for d in docs(read_all(path))]
    assert kinds == ["html", "text"]


def test_a_record_input_without_documents_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    assert errors(read_all(empty)) == [f"{empty}: no JSON lines in this input"]
    images = tmp_path / "images.warc"
    images.write_bytes(warc_bytes([("http://x/a.png", b"\x89PNG", "image/png")], False))
    assert errors(read_all(images)) == [f"{images}: no HTML pages in this input"]
