"""Interrupted runs: SIGINT or SIGTERM mid-folder leaves no partial output, exits 130 or 143,
and a rerun (``--resume`` or not) completes with exactly the outputs of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORY = (
    "Council approves the new bridge after a long debate\n\n"
    "By Jane Doe\n\n"
    "The city council voted on Monday to approve the bridge, which will link the two halves "
    "of the town for the first time since the flood of 1953, the mayor said.\n\n"
    "Share this article\n\nSubscribe to our newsletter\n"
)
DOCUMENTS = 250


def make_folder(folder: Path) -> Path:
    """A folder of text inputs, slow enough to clean that a signal lands mid-run."""
    for n in range(DOCUMENTS):
        page = folder / f"site{n % 4}" / f"page{n:04d}.txt"
        page.parent.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(f"Paragraph {k} of story {n}: " + STORY for k in range(8))
        page.write_text(f"Story {n}\n\n{body}", encoding="utf-8")
    return folder


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) and its content."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def wait_for(condition: object, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail("the run never reached the point to interrupt")
        time.sleep(0.005)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """The input folder and the outputs of an uninterrupted run."""
    base = tmp_path_factory.mktemp("interrupt")
    folder = make_folder(base / "in")
    full = base / "full"
    proc = subprocess.run(
        cli("clean", str(folder), "-o", str(full), "-q"), env=env(), capture_output=True
    )
    assert proc.returncode == 0, proc.stderr
    return folder, snapshot(full)


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_mid_folder_leaves_no_partial_output_and_a_rerun_completes(
    tmp_path: Path, corpus: tuple[Path, dict[str, bytes]], signum: int, status: int
) -> None:
    folder, expected = corpus
    before = snapshot(folder)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        cli("clean", str(folder), "-o", str(out), "-q"),
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    wait_for(lambda: out.is_dir() and sum(1 for _ in out.rglob("*.txt")) >= 5)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == status, stderr
    assert b"Traceback" not in stderr
    (line,) = stderr.decode().splitlines()
    assert line.startswith(f"cleaner: interrupted by {signal.Signals(signum).name}")
    partial = snapshot(out)
    assert not [name for name in partial if name.endswith(".tmp")]
    assert 5 <= len(partial) < len(expected)
    assert all(partial[name] == expected[name] for name in partial)  # each one complete
    rerun = subprocess.run(cli("clean", str(folder), "-o", str(out), "-q"), env=env())
    assert rerun.returncode == 0
    assert snapshot(out) == expected
    assert snapshot(folder) == before


def test_resume_after_an_interrupt_writes_only_what_is_missing(
    tmp_path: Path, corpus: tuple[Path, dict[str, bytes]]
) -> None:
    folder, expected = corpus
    out = tmp_path / "out"
    proc = subprocess.Popen(
        cli("clean", str(folder), "-o", str(out), "-q"), env=env(), stderr=subprocess.PIPE
    )
    wait_for(lambda: out.is_dir() and sum(1 for _ in out.rglob("*.txt")) >= 5)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode == 143
    done = {p: p.stat().st_mtime_ns for p in out.rglob("*.txt")}
    rerun = subprocess.run(
        cli("clean", str(folder), "-o", str(out), "--resume"),
        env=env(),
        capture_output=True,
        text=True,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(done)} up to date" in rerun.stderr
    assert snapshot(out) == expected
    assert all(p.stat().st_mtime_ns == mtime for p, mtime in done.items())  # not rewritten


def test_an_interrupted_jsonl_output_is_never_half_written(
    tmp_path: Path, corpus: tuple[Path, dict[str, bytes]]
) -> None:
    folder, _ = corpus
    target = tmp_path / "clean.jsonl"
    target.write_text("old\n")
    proc = subprocess.Popen(
        cli("clean", str(folder), "-f", "jsonl", "-o", str(target), "-q"),
        env=env(),
        stderr=subprocess.PIPE,
    )
    wait_for(lambda: any(p.suffix == ".tmp" for p in tmp_path.iterdir()))
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stderr
    assert [p.name for p in tmp_path.iterdir()] == ["clean.jsonl"]
    assert target.read_text() == "old\n"
