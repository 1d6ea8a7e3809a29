"""``cleaner cluster``: options, outputs, exit codes, and the same cleaning as ``cleaner clean``."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

import cleaner.cli.cluster as cluster_module
from cleaner.cli import app
from cleaner.cli.collector import collector_paused

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCRAPES = ROOT / "fixtures" / "report" / "scrapes"

runner = CliRunner()


def _cluster(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["cluster", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _clean_records(*args: str) -> dict[str, dict]:
    result = runner.invoke(app, ["clean", *args, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return {r["id"]: r for r in records}


def _check_report(report: dict, records: dict[str, dict]) -> None:
    """Every document in exactly one cluster; offsets slice the texts of ``cleaner clean``."""
    ids = [d["id"] for d in report["documents"]]
    assert sorted(ids) == sorted(records)
    members = [m for c in report["clusters"] for m in c["members"]]
    assert sorted(members) == sorted(ids)
    for doc in report["documents"]:
        assert doc["title"] == records[doc["id"]]["title"]
        if "text" in doc:
            assert doc["text"] == records[doc["id"]]["text"]
    for passage in report["passages"]:
        slices = [records[o["doc"]]["text"][o["start"] : o["end"]] for o in passage["occurrences"]]
        assert slices[0] == passage["text"]
        assert len({o["doc"] for o in passage["occurrences"]}) >= 2
        if passage["verbatim"]:
            assert set(slices) == {passage["text"]}


@pytest.mark.parametrize("folder", [SEEDS, SCRAPES], ids=["seeds", "scrapes"])
def test_json_report_matches_cleaner_clean(tmp_path: Path, folder: Path) -> None:
    out = tmp_path / "report.json"
    code, _, stderr = _cluster(str(folder), "--json", str(out), "--include-text")
    assert code == 0, stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    _check_report(report, _clean_records(str(folder)))
    assert "documents in" in stderr and "0 errors" in stderr


def test_scrapes_story_and_passages() -> None:
    """The four bridge articles are one story sharing wire paragraphs; chess stands alone."""
    code, stdout, _ = _cluster(str(SCRAPES), "--json", "-")
    assert code == 0
    report = json.loads(stdout)
    bridge = next(c for c in report["clusters"] if "coast-herald-bridge.txt" in c["members"])
    assert sorted(c["size"] for c in report["clusters"]) == [1, 4]
    assert "coast-herald-chess.txt" not in bridge["members"]
    # the reprint, and the wire copy that shares three of its four paragraphs
    assert any(
        {"coast-herald-bridge.txt", "regional-times-bridge.txt"} <= set(group)
        for group in bridge["near_duplicates"]
    )
    shared = [p for p in report["passages"] if p["id"] in bridge["passages"]]
    ferry = "Extra ferry crossings will run every half hour during the closure"
    assert any(p["verbatim"] and p["text"].startswith(ferry) for p in shared)
    # the syndicated lead that all four outlets print is content, not folder boilerplate
    lead = "The Northport harbour bridge will close to all traffic for six weeks from Monday"
    passage = next(p for p in shared if p["text"].startswith(lead))
    assert len({o["doc"] for o in passage["occurrences"]}) == 4
    assert all(p["story"] == bridge["id"] for p in report["passages"])


def test_all_three_reports(tmp_path: Path) -> None:
    paths = {kind: tmp_path / f"r.{kind}" for kind in ("html", "json", "md")}
    code, stdout, stderr = _cluster(
        str(SCRAPES),
        "--html",
        str(paths["html"]),
        "--json",
        str(paths["json"]),
        "--markdown",
        str(paths["md"]),
        "--quiet",
    )
    assert code == 0 and stdout == "" and stderr == ""
    report = json.loads(paths["json"].read_text(encoding="utf-8"))
    html = paths["html"].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    occurrences = sum(len(p["occurrences"]) for p in report["passages"])
    assert html.count("<mark") >= occurrences
    assert paths["md"].read_text(encoding="utf-8").startswith("# Story report")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.json", "r.md"]


def test_markdown_on_stdout_by_default() -> None:
    code, stdout, _ = _cluster(str(SEEDS))
    assert code == 0 and stdout.startswith("# Story report\n")


def test_same_report_twice_and_whatever_the_file_order(tmp_path: Path) -> None:
    files = sorted(SCRAPES.glob("*.txt"))
    _, first, _ = _cluster(*map(str, files), "--json", "-")
    _, second, _ = _cluster(*map(str, reversed(files)), "--json", "-")
    assert first == second and json.loads(first)["summary"]["documents"] == len(files)


def test_thresholds_reach_the_configs() -> None:
    code, stdout, _ = _cluster(
        str(SCRAPES), "--json", "-", "--link-threshold", "0.9", "--min-words", "12"
    )
    assert code == 0
    config = json.loads(stdout)["config"]
    assert config["cluster"]["link_threshold"] == 0.9
    assert config["passage"]["min_words"] == 12


@pytest.mark.parametrize(
    "args",
    [
        ["--json", "-", "--markdown", "-"],
        ["--json", "same.out", "--html", "same.out"],
        ["--html", "."],
        ["--min-words", "3", "--seed-words", "6"],
        ["--term-bands", "100", "--term-rows", "2"],
        ["--scheme", "md5"],
    ],
    ids=["two-stdout", "same-file", "folder-output", "seed-words", "bands", "scheme"],
)
def test_usage_errors(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = _cluster(str(SCRAPES), *args)
    assert code == 2 and stdout == ""
    assert not (tmp_path / "same.out").exists()


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    code, _, _ = _cluster(str(tmp_path / "nope"), "--json", str(tmp_path / "r.json"))
    assert code == 2 and not (tmp_path / "r.json").exists()


def test_report_may_not_overwrite_an_input(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SCRAPES, folder)
    target = folder / "coast-herald-chess.txt"
    before = target.read_bytes()
    code, _, _ = _cluster(str(folder), "--json", str(target))
    assert code == 2 and target.read_bytes() == before


def test_failed_inputs_are_named_and_the_rest_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SCRAPES, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, stdout, stderr = _cluster(str(folder), "--json", "-")
    assert code == 1
    assert "empty.txt" in stderr and "binary.txt" in stderr
    report = json.loads(stdout)
    assert report["summary"]["documents"] == len(list(SCRAPES.glob("*.txt")))


def _records(folder: Path) -> str:
    lines = [
        json.dumps({"id": path.name, "text": path.read_text(encoding="utf-8")})
        for path in sorted(folder.glob("*.txt"))
    ]
    return "\n".join(lines) + "\n"


def test_jsonl_on_stdin_is_cleaned_like_the_folder() -> None:
    code, stdout, stderr = _cluster("-", "--json", "-", "--include-text", stdin=_records(SCRAPES))
    assert code == 0, stderr
    from_stdin = json.loads(stdout)
    _check_report(from_stdin, _clean_records(str(SCRAPES)))
    _, from_folder, _ = _cluster(str(SCRAPES), "--json", "-", "--include-text")
    strip = lambda r: [{k: v for k, v in d.items() if k != "source"} for d in r["documents"]]  # noqa: E731
    assert strip(from_stdin) == strip(json.loads(from_folder))
    assert from_stdin["clusters"] == json.loads(from_folder)["clusters"]


def test_bad_jsonl_lines_are_named() -> None:
    bad = '{"id": "x"}\nnot json\n{"id": "coast-herald-chess.txt", "text": "again"}\n'
    records = _records(SCRAPES) + bad
    code, stdout, stderr = _cluster("-", "--json", "-", stdin=records)
    assert code == 1
    assert "-:6: " in stderr and "-:7: " in stderr and "-:8: " in stderr  # stdin:line
    assert json.loads(stdout)["summary"]["documents"] == 5


def test_hostile_ids_stay_text_in_html(tmp_path: Path) -> None:
    body = "Some text about the harbour bridge closure and the long detours for drivers.\n"
    records = [
        {"id": "<script>document.title='PWNED'</script>", "text": "<b>Title</b>\n\n" + body},
        {"id": 'x" onerror="alert(1)', "text": "<img src=x onerror=alert(1)>\n\n" + body},
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    code, stdout, _ = _cluster("-", "--html", "-", stdin=stdin)
    assert code == 0
    assert "<script" not in stdout and "<img" not in stdout and "<b>" not in stdout
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;&lt;/script&gt;" in stdout


SCRIPT = Path(sys.executable).parent / "cleaner"


@pytest.mark.parametrize("command", ["script", "module"])
def test_real_pipes(command: str, tmp_path: Path) -> None:
    """The installed ``cleaner`` script (and ``python -m cleaner``), real stdin and stdout."""
    if command == "script" and not SCRIPT.exists():
        pytest.skip(f"no installed `cleaner` script next to {sys.executable}: pip install -e .")
    argv = [str(SCRIPT)] if command == "script" else [sys.executable, "-m", "cleaner"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [*argv, "cluster", "-", "--json", "-", "--markdown", str(tmp_path / "r.md")],
        input=_records(SCRAPES).encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["summary"]["documents"] == 5
    assert proc.stderr.decode().startswith("cleaner: 5 documents in ")
    failed = subprocess.run(
        [*argv, "cluster", str(SCRAPES), "--json", "-", "--html", "-"],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert failed.returncode == 2 and failed.stdout == b""


def test_a_reader_that_stops_early_is_no_crash() -> None:
    """``cleaner cluster ... --html - | head -c 10``: no traceback, exit 1 like cleaner clean."""
    body = " ".join(f"word{i}" for i in range(200))
    records = "".join(
        json.dumps({"id": f"doc{i}", "text": f"Title {i}\n\n{body} {i}"}) + "\n" for i in range(400)
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "cluster", "-", "--html", "-", "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdin and proc.stdout and proc.stderr
    proc.stdin.write(records.encode("utf-8"))
    proc.stdin.close()
    assert proc.stdout.read(10) == b"<!DOCTYPE "
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 1
    assert "Traceback" not in stderr and "Exception" not in stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    """Like /dev/stdout or >(gzip): the pipe must stay a pipe (never an atomic replace)."""
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        code, _, stderr = _cluster(str(SCRAPES), "--markdown", str(fifo), "--quiet")
    finally:
        if reader.is_alive():  # unblock the reader if the command never opened the pipe
            # Without blocking: the reader may have finished since (no reader: ENXIO).
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=60)
    assert code == 0, stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].startswith(b"# Story report")


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["cluster", "--help"])
    assert result.exit_code == 0
    assert "cleaner cluster scrapes/ --html report.html" in result.stdout
    for option in ("--html", "--json", "--markdown", "--link-threshold", "--max-edit-words"):
        assert option in result.stdout


def test_every_option_is_documented() -> None:
    """The README's cluster section names every option of the command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = readme[readme.index("## Clustering and the story report") :]
    command = typer.main.get_command(app).commands["cluster"]  # type: ignore[attr-defined]
    for param in command.params:
        for option in [*param.opts, *getattr(param, "secondary_opts", [])]:
            if option.startswith("--"):
                assert f"`{option}" in text or f"/{option}`" in text, option


def test_the_cycle_collector_is_paused_for_the_run_and_restored(tmp_path: Path) -> None:
    seen: list[bool] = []
    original = cluster_module.cluster_report

    def spying(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    cluster_module.cluster_report = spying  # type: ignore[assignment]
    try:
        code, _, _ = _cluster(str(SEEDS), "--json", str(tmp_path / "r.json"), "--quiet")
    finally:
        cluster_module.cluster_report = original
    assert code == 0 and seen == [False]
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()  # on again after an error too
