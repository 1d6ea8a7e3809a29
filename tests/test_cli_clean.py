"""``cleaner clean``: options through CliRunner, then the installed script with real pipes."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cleaner.clean import CleanResult, LineDecision
from cleaner.cli import app
from cleaner.cli.clean import format_explanation
from cleaner.io import ReadConfig, decode_document, find_sources
from cleaner.pipeline import Cleaned, clean_corpus, clean_documents

ROOT = Path(__file__).parent.parent
FOLDER = ROOT / "fixtures" / "folder"
PAGE = FOLDER / "site-b" / "rail-strike.txt"
RECORD_KEYS = ["id", "title", "text", "authors", "published", "removed"]
REMOVED_KEYS = ["line", "text", "category", "rule"]


def run(*args: str | Path, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(app, ["clean", *map(str, args)], input=stdin)


def expected_plain(paths: list[Path]) -> dict[str, str]:
    """What the library makes of a corpus: the CLI must write exactly this."""
    return {
        c.input.id: c.result.plain
        for c in clean_corpus(find_sources(paths))
        if isinstance(c, Cleaned)
    }


def checksums(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def scrapes(tmp_path: Path) -> Path:
    """A writable copy of the fixture folder (so a stray write would show)."""
    return Path(shutil.copytree(FOLDER, tmp_path / "scrapes"))


# --- folder -> folder -------------------------------------------------------------------------
def test_folder_to_folder_keeps_relative_paths(scrapes: Path, tmp_path: Path) -> None:
    before = checksums(scrapes)
    out = tmp_path / "clean"
    result = run(scrapes, "-o", out)
    assert result.exit_code == 0, result.output
    expected = expected_plain([scrapes])
    assert files_under(out) == sorted(expected)  # no temp files left behind
    for doc_id, text in expected.items():
        assert (out / doc_id).read_text(encoding="utf-8") == text
    assert checksums(scrapes) == before
    assert result.stdout == ""
    cleaned = [c for c in clean_corpus(find_sources([scrapes])) if isinstance(c, Cleaned)]
    removed = sum(len(c.result.removed) for c in cleaned)
    lines = "line" if removed == 1 else "lines"
    assert result.stderr == f"cleaner: 5 documents cleaned, {removed} {lines} removed, 0 errors\n"


def test_rerun_replaces_outputs(scrapes: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean"
    assert run(scrapes, "-o", out).exit_code == 0
    first = checksums(out)
    (out / "site-a" / "council-budget.txt").write_text("stale")
    assert run(scrapes, "-o", out, "--quiet").exit_code == 0
    assert checksums(out) == first


def test_several_files_are_one_corpus(tmp_path: Path) -> None:
    a, b = FOLDER / "site-a" / "council-budget.txt", FOLDER / "site-b" / "rail-strike.txt"
    out = tmp_path / "out"
    result = run(a, b, "-o", out)
    assert result.exit_code == 0, result.output
    expected = expected_plain([a, b])
    assert files_under(out) == ["council-budget.txt", "rail-strike.txt"]
    assert all((out / k).read_text() == v for k, v in expected.items())


# --- stdin / stdout ---------------------------------------------------------------------------
@pytest.mark.parametrize("args", [[], ["-"]], ids=["no-args", "dash"])
def test_stdin_to_stdout(args: list[str]) -> None:
    result = run(*args, stdin=PAGE.read_bytes())
    assert result.exit_code == 0, result.output
    [cleaned] = clean_documents([decode_document("-", PAGE.read_bytes())])
    assert isinstance(cleaned, Cleaned)
    assert result.stdout == cleaned.result.plain
    assert result.stderr.startswith("cleaner: 1 document cleaned")


def test_one_file_to_stdout_equals_stdin() -> None:
    from_file = run(PAGE, "--quiet")
    from_stdin = run("--quiet", stdin=PAGE.read_bytes())
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert from_file.stdout == from_stdin.stdout != ""
    assert from_file.stderr == ""


# --- JSONL ------------------------------------------------------------------------------------
def test_jsonl_to_stdout_follows_the_contract(scrapes: Path) -> None:
    result = run(scrapes, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == sorted(expected_plain([scrapes]))
    for record in records:
        assert list(record) == RECORD_KEYS
        assert record["title"] is None or isinstance(record["title"], str)
        assert isinstance(record["text"], str) and isinstance(record["authors"], list)
        assert all(list(r) == REMOVED_KEYS for r in record["removed"])
        assert not record["title"] or not record["text"].startswith(record["title"])


def test_jsonl_from_stdin_has_id_dash() -> None:
    result = run("-f", "jsonl", stdin=PAGE.read_bytes())
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "-"
    assert record == json.loads(run(PAGE, "-f", "jsonl").stdout) | {"id": "-"}


def test_jsonl_to_file(scrapes: Path, tmp_path: Path) -> None:
    target = tmp_path / "deep" / "clean.jsonl"
    result = run(scrapes, "--format", "jsonl", "-o", target)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert run(scrapes, "--format", "jsonl").stdout == target.read_text(encoding="utf-8")
    assert files_under(target.parent) == ["clean.jsonl"]


def test_jsonl_keeps_non_ascii_readable() -> None:
    result = run("-f", "jsonl", stdin="Café crème\n\nDéjà vu.\n")
    assert "Café crème" in result.stdout and "D\u00e9j\u00e0 vu." in result.stdout


# --- --explain --------------------------------------------------------------------------------
def test_explain_lists_every_input_line() -> None:
    result = run(PAGE, "--explain")
    assert result.exit_code == 0, result.output
    lines = PAGE.read_text().splitlines()
    out = result.stdout.splitlines()
    assert out[0] == "== rail-strike.txt"
    for number, text in enumerate(lines, 1):
        assert out[number].split()[0] == str(number)
        assert out[number].endswith(f"| {text}".rstrip())
    assert out[len(lines) + 1].startswith("-- kept ")


def test_format_explanation_shows_decision_category_and_rule() -> None:
    result = CleanResult(
        title="Headline",
        text="Body.",
        authors=("A. Writer",),
        published="2024-03-12",
        language="en",
        lines=(
            LineDecision(1, "Home | News", False, "navigation", "menu-separators"),
            LineDecision(2, "Headline", True, "title", "first-long-line"),
            LineDecision(3, "", True, "blank", "blank"),
            LineDecision(4, "Body.", True, "body", "prose"),
        ),
    )
    assert format_explanation("x.txt", result).splitlines() == [
        "== x.txt",
        "1  DROP  navigation  menu-separators  | Home | News",
        "2  keep  title       first-long-line  | Headline",
        "3  keep  blank       blank            |",
        "4  keep  body        prose            | Body.",
        "-- kept 2 lines, removed 1; title: 'Headline'; authors: A. Writer; published: 2024-03-12",
        "",  # a blank line between documents
    ]


# --- failures (exit 1) ------------------------------------------------------------------------
BAD_INPUTS = {
    "empty.txt": (b"", "empty input"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    "nul.txt": (b"Title\n\x00\x00binary", "NUL bytes"),
    "garbage.txt": (bytes(range(0x80, 0x100)) * 4, "undecodable"),
}


def test_bad_inputs_fail_alone_and_the_others_are_cleaned(scrapes: Path, tmp_path: Path) -> None:
    for name, (data, _) in BAD_INPUTS.items():
        (scrapes / name).write_bytes(data)
    before = checksums(scrapes)
    out = tmp_path / "out"
    result = run(scrapes, "-o", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if "documents cleaned" not in line]
    assert len(errors) == len(BAD_INPUTS)
    for name, (_, reason) in BAD_INPUTS.items():
        [line] = [e for e in errors if f"{scrapes / name}:" in e]
        assert reason in line
    assert files_under(out) == sorted(expected_plain([FOLDER]))
    assert "5 documents cleaned" in result.stderr and "4 errors" in result.stderr
    assert checksums(scrapes) == before


def test_failed_stdin_exits_1_with_nothing_on_stdout() -> None:
    result = run("-q", stdin=b"\x00\x01\x02")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "cleaner: -: binary data (NUL bytes), not text\n"


def test_quiet_still_reports_errors(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Title\n\nBody.\n")
    (tmp_path / "bad.txt").write_bytes(b"")
    result = run(tmp_path, "-f", "jsonl", "--quiet")
    assert result.exit_code == 1
    assert result.stderr == f"cleaner: {tmp_path / 'bad.txt'}: empty input\n"
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    "data",
    [
        "Café de la gare fermé après quarante ans\n\nLes habitués regrettent déjà.\n",
        "Grüße aus München und Köln zum Jubiläum\n\nDie Bürger feiern.\n",
    ],
)
@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-8-sig"])
def test_legacy_and_bom_encodings_are_decoded(data: str, encoding: str) -> None:
    result = run("--explain", stdin=data.replace("\n", "\r\n").encode(encoding))
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()[1:4]  # every input line, decoded, CRs gone
    assert [row.split("| ", 1)[-1] if "| " in row else "" for row in rows] == data.splitlines()
    assert "\r" not in result.stdout


# --- usage errors (exit 2) --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such/folder"], "no such file"),
        ([str(FOLDER)], "give -o FOLDER"),
        ([str(PAGE), str(FOLDER / "site-a" / "council-budget.txt")], "give -o FOLDER"),
        ([str(FOLDER), "--explain", "-o", "x"], "--explain"),
        ([str(PAGE), "--explain", "-f", "jsonl"], "--explain"),
        ([str(FOLDER), "-o", str(FOLDER)], "overlaps"),
        ([str(FOLDER), "-o", str(FOLDER / "site-a" / "clean")], "overlaps"),
        ([str(PAGE), "-o", str(PAGE.parent)], "overwrite"),
        ([str(PAGE), "-f", "jsonl", "-o", str(PAGE)], "overwrite"),
        ([str(PAGE), "-f", "jsonl", "-o", str(FOLDER)], "is a folder"),
        ([str(PAGE), "-o", str(PAGE)], "is a file"),
        (["-", str(PAGE)], "cannot be combined"),
        (["--format", "xml", str(PAGE)], "xml"),
        (["--no-such-option"], "No such option"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(args: list[str], message: str) -> None:
    before = checksums(FOLDER)
    result = run(*args, stdin="Title\n")
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.split())
    assert result.stdout == ""
    assert checksums(FOLDER) == before


def test_stdin_to_an_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("-o", tmp_path / "out", stdin="Title\n")
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_folder_without_text_files_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("nothing")
    result = run(tmp_path, "-o", tmp_path.parent / "out-empty")
    assert result.exit_code == 2
    assert "no input files (.txt, .html, .jsonl, .warc)" in result.stderr


def test_help_names_the_output_folder_rule() -> None:
    result = CliRunner().invoke(app, ["clean", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Output folders inside input folders are refused" in text
    assert "cleaner clean scrapes/ -o clean/" in text


# --- the installed console script, with real pipes --------------------------------------------
SCRIPT = Path(sys.executable).parent / "cleaner"
needs_script = pytest.mark.skipif(
    not SCRIPT.exists(),
    reason=f"no installed `cleaner` script next to {sys.executable}: pip install -e . first",
)


def script(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(SCRIPT), "clean", *map(str, args)], input=stdin, capture_output=True, timeout=120
    )


@needs_script
def test_script_pipes_stdin_to_stdout() -> None:
    done = script(stdin=PAGE.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == run("-q", stdin=PAGE.read_bytes()).stdout
    assert done.stderr.decode().startswith("cleaner: 1 document cleaned")


@needs_script
def test_script_folder_to_folder_and_exit_codes(scrapes: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = script(scrapes, "-o", out)
    assert done.returncode == 0, done.stderr
    assert files_under(out) == sorted(expected_plain([scrapes]))
    (scrapes / "image.txt").write_bytes(BAD_INPUTS["image.txt"][0])
    done = script(scrapes, "-o", out, "-q")
    assert done.returncode == 1
    assert (
        done.stderr.decode()
        == f"cleaner: {scrapes / 'image.txt'}: binary data (PNG image), not text\n"
    )
    assert script(scrapes).returncode == 2


@needs_script
def test_script_jsonl_into_a_closed_pipe_has_no_traceback(tmp_path: Path) -> None:
    for i in range(300):
        (tmp_path / f"{i:03}.txt").write_text(f"Headline {i}\n\n" + "A sentence of text. " * 60)
    shell = f"'{SCRIPT}' clean '{tmp_path}' --format jsonl | head -c 100 > /dev/null"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, timeout=120)
    assert b"Traceback" not in done.stderr
    assert b"BrokenPipe" not in done.stderr
    assert done.returncode in (0, 1)


@needs_script
def test_script_without_inputs_on_a_terminal_is_a_usage_error() -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [str(SCRIPT), "clean"], stdin=follower, capture_output=True, timeout=60
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert b"pipe text in" in done.stderr


def stderr_on_a_terminal(*args: str | Path) -> tuple[int, str]:
    """Run the script with stderr on a pseudo-terminal (stdout a pipe); return code and stderr."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "80"}
    env.pop("NO_COLOR", None)
    child = subprocess.Popen(
        [str(SCRIPT), "clean", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:  # read as it comes, so the child never blocks on a full terminal
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child has exited and closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return child.wait(timeout=120), b"".join(chunks).decode(errors="replace")


@needs_script
def test_script_shows_progress_only_on_a_terminal(scrapes: Path, tmp_path: Path) -> None:
    code, terminal = stderr_on_a_terminal(scrapes, "-o", tmp_path / "out")
    assert code == 0
    assert "reading" in terminal and "cleaning" in terminal
    assert "5 documents cleaned" in terminal
    code, terminal = stderr_on_a_terminal(scrapes, "-f", "jsonl")  # stdout is a pipe
    assert code == 0 and "cleaning" in terminal
    code, terminal = stderr_on_a_terminal(scrapes, "-o", tmp_path / "out", "--quiet")
    assert code == 0 and terminal == ""
    piped = script(scrapes, "-o", tmp_path / "out2")
    assert b"cleaning" not in piped.stderr


# --- output failures --------------------------------------------------------------------------
def test_an_unwritable_output_file_fails_alone(scrapes: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "site-a" / "council-budget.txt").mkdir(parents=True)  # a folder where a file goes
    result = run(scrapes, "-o", out)
    assert result.exit_code == 1
    [error] = [line for line in result.stderr.splitlines() if "not written" in line]
    assert error.startswith(f"cleaner: {scrapes / 'site-a' / 'council-budget.txt'}: not written")
    assert "4 documents cleaned" in result.stderr and "1 error" in result.stderr
    assert (out / "site-b" / "rail-strike.txt").is_file()
    assert "Traceback" not in result.output


def test_an_unwritable_jsonl_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run(FOLDER, "-f", "jsonl", "-o", blocker / "clean.jsonl")
    assert result.exit_code == 1
    assert "not written" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- with a classifier that removes lines -----------------------------------------------------
def drop_menus(
    text: str, config: object = None, templates: object = None, memo: object = None
) -> CleanResult:
    """A stand-in classifier: lines with ``|`` are navigation, the first other line the title."""
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            lines.append(LineDecision(number, line, True, "blank", "blank"))
        elif "|" in line:
            lines.append(LineDecision(number, line, False, "navigation", "pipes"))
        else:
            lines.append(LineDecision(number, line, True, "body", "prose"))
    kept = [d.text for d in lines if d.keep and d.label == "body"]
    return CleanResult(kept[0], "\n\n".join(kept[1:]), (), None, None, tuple(lines))


def test_removed_lines_reach_jsonl_text_and_summary(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("cleaner.pipeline.clean_text", drop_menus)
    result = run(FOLDER / "site-a", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["removed"] == [
        {
            "line": 1,
            "text": "Home | News | Sport | Weather | Contact",
            "category": "navigation",
            "rule": "pipes",
        }
    ]
    assert records[0]["title"] == "Council approves budget for new cycle lanes"
    assert "3 documents cleaned, 3 lines removed, 0 errors" in result.stderr
    out = tmp_path / "out"
    assert run(FOLDER / "site-a", "-o", out).exit_code == 0
    text = (out / "council-budget.txt").read_text()
    assert text.startswith("Council approves budget for new cycle lanes\n\n")
    assert "Home |" not in text
    explained = run(FOLDER / "site-a" / "council-budget.txt", "--explain").stdout
    assert "1  DROP  navigation  pipes  | Home | News | Sport | Weather | Contact" in explained


# --- other input formats ----------------------------------------------------------------------
FORMATS = ROOT / "fixtures" / "formats"


def jsonl_file(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


ARTICLE = "Headline of the day\n\nThe first paragraph of the article.\n"


def test_jsonl_input_passes_other_fields_through(tmp_path: Path) -> None:
    source = jsonl_file(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": ARTICLE, "url": "http://x/a", "title": "crawler", "n": [1, 2]},
            {"lang": "en", "id": "b", "text": ARTICLE.replace("day", "week")},
        ],
    )
    result = run(source, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert list(first) == [*RECORD_KEYS, "url", "n"]
    assert first["title"] == "Headline of the day"  # the public field wins
    assert (first["url"], first["n"]) == ("http://x/a", [1, 2])
    assert list(second) == [*RECORD_KEYS, "lang"]
    assert "2 documents cleaned" in result.stderr


def test_jsonl_field_options(tmp_path: Path) -> None:
    source = jsonl_file(tmp_path / "in.jsonl", [{"key": "k1", "body": ARTICLE, "id": 5}])
    args = ["--id-field", "key", "--text-field", "body", "--html-field", "page"]
    result = run(source, "-f", "jsonl", *args)
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "k1" and record["text"] == "The first paragraph of the article."


def test_bad_records_fail_alone(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": ARTICLE})
        + "\n{not json\n"
        + json.dumps({"text": "no id"})
        + "\n"
        + json.dumps({"id": "a", "text": "again"})
        + "\n"
        + json.dumps({"id": "b", "text": ARTICLE})
        + "\n"
    )
    out = tmp_path / "out"
    result = run(source, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"cleaner: {source}:2: invalid JSON: Expecting property name enclosed in double quotes "
        "(column 2)",
        f"cleaner: {source}:3: no 'id' field",
        f"cleaner: {source}:4: duplicate id 'a' (first at {source}:1)",
        "cleaner: 2 documents cleaned, 0 lines removed, 3 errors",
    ]
    assert files_under(out) == ["a.txt", "b.txt"]


HOSTILE_IDS = ["../../escape", "/etc/passwd-copy", "..", "a/../../../b", ".hidden", "C:\\x", "-"]


def test_hostile_record_ids_stay_inside_the_output_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    source = jsonl_file(
        tmp_path / "in" / "ids.jsonl",
        [
            {"id": doc_id, "text": f"Title {i}\n\nBody {i}.\n"}
            for i, doc_id in enumerate(HOSTILE_IDS)
        ],
    )
    out = tmp_path / "deep" / "out"
    result = run(source, "-o", out)
    assert result.exit_code == 0, result.output
    written = files_under(out)
    assert len(written) == len(HOSTILE_IDS)
    assert all(not part.startswith(".") for name in written for part in name.split("/"))
    assert sorted(
        p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()
    ) == sorted(["in/ids.jsonl", *(f"deep/out/{name}" for name in written)])
    records = [json.loads(line) for line in run(source, "-f", "jsonl").stdout.splitlines()]
    assert [r["id"] for r in records] == HOSTILE_IDS  # the ids themselves are kept


def test_record_ids_are_kept_in_text_output_paths(tmp_path: Path) -> None:
    source = jsonl_file(
        tmp_path / "in.jsonl",
        [
            {"id": "news/story-1", "text": ARTICLE},
            {"id": "https://x.example/a?b=1", "text": ARTICLE},
        ],
    )
    result = run(source, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    [hashed] = [name for name in files_under(tmp_path / "out") if name.startswith("x.example")]
    assert files_under(tmp_path / "out") == sorted(["news/story-1.txt", hashed])
    assert hashed.startswith("x.example/a_b_1-") and hashed.endswith(".txt")


def test_a_name_written_twice_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    jsonl_file(tmp_path / "in" / "b.jsonl", [{"id": "a", "text": ARTICLE}])
    result = run(tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{tmp_path / 'in' / 'b.jsonl'}:1: not written: 'a.txt' was already written" in (
        result.stderr
    )


def test_jsonl_on_stdin(tmp_path: Path) -> None:
    data = gzip.compress((FORMATS / "crawl.jsonl").read_bytes())
    no_html = "\n".join(line for line in data_lines(data) if '"html"' not in line) + "\n"
    result = run("--format-in", "jsonl", "-f", "jsonl", stdin=no_html)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["gazette/council-budget", "gazette/cup-final"]
    assert records[0]["url"] == "https://news.example/council-budget"
    out = tmp_path / "out"
    assert run("--format-in", "jsonl", "-o", out, stdin=no_html).exit_code == 0
    assert files_under(out) == ["gazette/council-budget.txt", "gazette/cup-final.txt"]


def data_lines(gzipped: bytes) -> list[str]:
    return gzip.decompress(gzipped).decode().splitlines()


def test_gzipped_input_matches_the_plain_file(tmp_path: Path) -> None:
    packed = run(FORMATS / "cup-final.txt.gz", "-f", "jsonl")
    plain = run(FORMATS / "plain" / "cup-final.txt", "-f", "jsonl")
    assert packed.exit_code == plain.exit_code == 0
    record = json.loads(packed.stdout)
    assert record == json.loads(plain.stdout) | {"id": "cup-final.txt.gz"}
    assert run(FORMATS / "cup-final.txt.gz", "-o", tmp_path / "out").exit_code == 0
    assert files_under(tmp_path / "out") == ["cup-final.txt"]  # .gz dropped


def test_a_gzip_bomb_is_a_per_input_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import zlib

    small = ReadConfig(max_source_bytes=1 << 20, max_document_bytes=1 << 20)
    monkeypatch.setattr("cleaner.cli.clean.read_config", lambda *args: small)
    bomb = tmp_path / "in" / "bomb.txt.gz"
    bomb.parent.mkdir()
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb.write_bytes(b"".join(packer.compress(bytes(1 << 20)) for _ in range(200)) + packer.flush())
    (tmp_path / "in" / "fine.txt").write_text(ARTICLE)
    result = run(tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"cleaner: {bomb}: decompressed size exceeds 1 MiB (gzip bomb?)" in result.stderr
    assert files_under(tmp_path / "out") == ["fine.txt"]


def test_truncated_gzip_jsonl_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    records = [{"id": f"r{i}", "text": f"Title {i}\n\n" + f"word{i} " * 300} for i in range(30)]
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    result = run(cut, "-f", "jsonl")
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert 0 < len(ids) < 30 and ids == [f"r{i}" for i in range(len(ids))]
    assert f"cleaner: {cut}: truncated gzip data: the rest of the input is lost\n" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([str(FORMATS / "crawl.jsonl")], "several documents"),
        (["--format-in", "jsonl"], "several documents"),
        (["--format-in", "xml", str(PAGE)], "xml"),
    ],
)
def test_record_inputs_to_stdout_as_text_are_usage_errors(args: list[str], message: str) -> None:
    result = run(*args, stdin="{}")
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.split())
    assert result.stdout == ""


def test_html_and_text_with_one_output_name_are_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    (tmp_path / "in" / "a.html").write_text("<p>x</p>")
    result = run(tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "would both be written as 'a.txt'" in " ".join(result.stderr.split())
    assert not (tmp_path / "out").exists()


def test_an_output_folder_holding_a_record_input_is_refused(tmp_path: Path) -> None:
    source = jsonl_file(tmp_path / "in.jsonl", [{"id": "in.jsonl", "text": ARTICLE}])
    result = run(source, "-o", tmp_path)
    assert result.exit_code == 2
    assert "contains the input" in " ".join(result.stderr.split())


def test_help_names_the_input_formats() -> None:
    result = CliRunner().invoke(app, ["clean", "--help"])
    text = " ".join(result.stdout.split())
    for option in ("--format-in", "--id-field", "--text-field", "--html-field"):
        assert option in text
    assert "cleaner clean crawl.warc.gz --format jsonl > clean.jsonl" in text


def test_warc_and_jsonl_give_what_the_plain_files_give(tmp_path: Path) -> None:
    def records(*args: str | Path) -> list[tuple[object, ...]]:
        result = run(*args, "-f", "jsonl")
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        return [(r["title"], r["text"], r["authors"], r["published"], r["removed"]) for r in rows]

    assert records(FORMATS / "crawl.warc.gz") == records(FORMATS / "pages")
    plain = [FORMATS / "plain" / "council-budget.txt", FORMATS / "plain" / "cup-final.txt"]
    assert records(FORMATS / "crawl.jsonl") == records(
        *plain, FORMATS / "pages" / "rail-strike.html"
    )
    out = tmp_path / "out"
    assert run(FORMATS / "crawl.warc.gz", "-o", out).exit_code == 0
    written = files_under(out)
    assert len(written) == 3 and all(n.startswith("news.example/") for n in written)
    pages = tmp_path / "pages"
    assert run(FORMATS / "pages", "-o", pages).exit_code == 0
    assert files_under(pages) == ["harbour-festival.txt", "library-reopens.txt", "rail-strike.txt"]
    assert sorted((out / n).read_text() for n in written) == sorted(
        (pages / n).read_text() for n in files_under(pages)
    )


def test_html_on_stdin_is_extracted() -> None:
    page = (FORMATS / "latin1-meta.html").read_bytes()
    result = run("-q", stdin=page)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Le café de la gare ferme après quarante ans\n\n")
    assert "<" not in result.stdout


@needs_script
def test_script_reads_gzipped_jsonl_from_a_pipe(tmp_path: Path) -> None:
    source = jsonl_file(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE, "x": 1}])
    done = script("--format-in", "jsonl", "-f", "jsonl", stdin=gzip.compress(source.read_bytes()))
    assert done.returncode == 0, done.stderr
    [record] = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert (record["id"], record["x"]) == ("a", 1)
