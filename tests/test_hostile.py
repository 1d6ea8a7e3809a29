"""Hostile inputs (issue 6): no traceback, one line naming each bad input and its problem, every
other input processed, exit status 1, inputs untouched, nothing written outside the output.

The corpus is written by :mod:`hostile_corpus` into temporary folders. Each light case is
cleaned alone in-process; all of them, with the heavy ones at their real sizes (a 20 MB line,
a million lines), are cleaned once together by the real command in a subprocess, unprivileged
when the tests run as root (root could read the unreadable file).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_corpus import (
    CASES,
    GOOD,
    Case,
    build_case,
    build_corpus,
    checksums,
    observe,
    workspace,
)
from typer.testing import CliRunner

import cleaner.pipeline
from cleaner.cli import app

LIGHT = [case for case in CASES if not case.heavy and case.path != "unreadable.txt"]


def tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def base() -> Iterator[Path]:
    """A folder the unprivileged run may write in."""
    folder = workspace()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("case", LIGHT, ids=[case.name for case in LIGHT])
def test_each_case_alone(tmp_path: Path, case: Case) -> None:
    inputs = tmp_path / "in"
    path = build_case(case, inputs)
    before, around = checksums(inputs), tree(tmp_path)
    result = CliRunner().invoke(app, ["clean", str(inputs), "-o", str(tmp_path / "out")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "cleaned," not in line]
    if case.valid:
        assert (result.exit_code, errors) == (0, [])
        written = [p for p in (tmp_path / "out").rglob("*.txt")]
        assert written and all(p.read_text().strip() for p in written)
    else:
        assert result.exit_code == 1
        assert errors and all(line.startswith(f"cleaner: {path}") for line in errors)
        assert any(case.problem in line for line in errors), errors
    assert checksums(inputs) == before
    assert {p for p in tree(tmp_path) - around if not p.startswith("out")} == set()


def test_hostile_record_ids_are_written_inside_the_output(tmp_path: Path) -> None:
    (case,) = [c for c in CASES if c.path == "hostile-ids.jsonl"]
    path = build_case(case, tmp_path / "in")
    result = CliRunner().invoke(app, ["clean", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    names = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.txt")
    )
    assert len(names) == 5
    assert all(".." not in name.split("/") for name in names)
    outside = {p for p in tree(tmp_path) if p != "out" and not p.startswith("out/")}
    assert outside == {"in", "in/hostile-ids.jsonl"}


def test_the_unreadable_file_alone(base: Path) -> None:
    (case,) = [c for c in CASES if c.path == "unreadable.txt"]
    folder = base / "unreadable"
    path = build_case(case, folder / "in")
    outcome = observe(folder, folder / "in", ["clean", str(path), "-o", "out"], ("out",))
    assert not outcome.crashed and outcome.status == 1
    assert outcome.errors == [f"cleaner: {path}: {case.problem}"]
    assert outcome.lost_or_modified == outcome.stray == []


def test_everything_in_one_folder(base: Path) -> None:
    """The real command over every case at once: each bad one named, the rest cleaned."""
    corpus = build_corpus(base / "all" / "in")
    outcome = observe(base / "all", corpus, ["clean", "in", "-o", "out"], ("out",))
    assert not outcome.crashed
    assert outcome.status == 1
    assert outcome.lost_or_modified == [] and outcome.stray == []
    errors = "\n".join(outcome.errors)
    for case in CASES:
        named = [line for line in outcome.errors if line.startswith(f"cleaner: in/{case.path}")]
        if case.valid:
            assert not named, named
        else:
            assert named and any(case.problem in line for line in named), errors
    out = base / "all" / "out"
    expected = [name.rsplit(".", 1)[0] + ".txt" for name in GOOD]
    expected += [
        c.path.rsplit(".", 1)[0] + ".txt"
        for c in CASES
        if c.valid and c.path.endswith(("txt", "html"))
    ]
    for name in expected:
        assert (out / name).is_file() and (out / name).read_text().strip(), name
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_cluster_on_the_light_cases(base: Path) -> None:
    corpus = build_corpus(base / "cluster" / "in", tuple(c for c in CASES if not c.heavy))
    outcome = observe(
        base / "cluster",
        corpus,
        ["cluster", "in", "--json", "r.json", "--html", "r.html", "--markdown", "r.md"],
        ("r.json", "r.html", "r.md"),
    )
    assert not outcome.crashed and outcome.status == 1
    assert outcome.lost_or_modified == outcome.stray == []
    assert all((base / "cluster" / name).stat().st_size for name in ("r.json", "r.html", "r.md"))


def test_a_bug_on_one_document_is_an_error_for_it_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = cleaner.pipeline.clean_text

    def failing(text: str, *args: object, **kwargs: object) -> object:
        if "BOOM" in text:
            raise ZeroDivisionError("the classifier\ndivided by zero")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cleaner.pipeline, "clean_text", failing)
    for name, text in (
        ("a.txt", "Fine one\n\nBody."),
        ("b.txt", "BOOM\n\nBody."),
        ("c.txt", "Fine two\n\nBody."),
    ):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(text)
    result = CliRunner().invoke(app, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"cleaner: {tmp_path / 'in' / 'b.txt'}: internal error while cleaning: "
        "ZeroDivisionError: the classifier divided by zero"
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "c.txt"]


def test_output_inside_the_input_folder_is_refused(tmp_path: Path) -> None:
    inputs = build_corpus(tmp_path / "in", tuple(c for c in CASES if not c.heavy and c.valid))
    before = checksums(inputs)
    for target in (inputs / "out", inputs / "good"):
        result = CliRunner().invoke(app, ["clean", str(inputs), "-o", str(target)])
        assert result.exit_code == 2 and "overlaps input folder" in result.stderr
    result = CliRunner().invoke(
        app,
        [
            "clean",
            str(inputs / "good" / "one.txt"),
            "-f",
            "jsonl",
            "-o",
            str(inputs / "good" / "one.txt"),
        ],
    )
    assert result.exit_code == 2
    assert checksums(inputs) == before
