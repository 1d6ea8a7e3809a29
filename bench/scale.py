"""Throughput and memory of ``cleaner cluster`` on large synthetic scrape folders.

    PYTHONPATH=. python -m bench.scale [--sizes 10000 100000] [--jobs N] [--data ../shared/data]

For each size N, a folder of N text documents is generated with :mod:`bench.make_corpus`
(fixed ``--seed``; in a temporary folder, or kept in ``--keep DIR``), then, in the same run:

* ``python -m cleaner cluster FOLDER --json OUT --quiet --jobs J`` (clean, cluster, passages,
  report), and
* :mod:`bench.datasketch_baseline`: the plain datasketch pipeline (one ``MinHash.update`` per
  shingle, ``MinHashLSH``, union-find; no cleaning, no verification, no passages).

Each is run as a subprocess twice. The timed run gives wall seconds, documents per second and
CPU seconds (user + system of the process and all its descendants, pool workers included,
sampled from /proc every 100 ms), and the peak RSS of the largest single process
(``getrusage``). The memory run gives peak memory: the largest sum of the proportional set
sizes of the process and its descendants, sampled every 100 ms (``peak tree PSS``: pages a
worker shares with another process count once), and its own wall time. Reading a process's
PSS walks its page tables (about 20 ms for 1.3 GB): sampled ten times a second, that is a
fifth of a core, which slows a pipeline that keeps every core busy (by about a tenth at 100,000
documents on 2 cores) and not one that uses a single core, so the two are not timed while
it runs. The machine may be shared: CPU seconds say what the work costs whatever else runs.
Before the runs of each size every file of its corpus is read once, so that the run that
comes first does not also pay for reading the disk (on this project's 2-core machines a
cold read of the 100,000 files added 5 to 7 s to the first run, and nothing to the others).
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.make_corpus import DATA, make_corpus, write_corpus

SIZES = (10_000, 100_000)


@dataclass(frozen=True, slots=True)
class Measure:
    """What one run cost."""

    wall: float
    cpu: float
    peak_tree_mb: float
    """0 unless the run sampled it (see :func:`measure`)."""
    peak_process_mb: float


def _processes() -> dict[int, tuple[int, float]]:
    """Every process, from /proc: its parent's pid and its own CPU seconds (user + system)."""
    tick = os.sysconf("SC_CLK_TCK")
    found: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    return found


def _tree(root: int, processes: dict[int, tuple[int, float]]) -> set[int]:
    """``root`` and all its descendants (a pool's workers, a fork server's children)."""
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [p for p, (parent, _) in processes.items() if parent == pid and p not in tree]
        tree.update(children)
        frontier.extend(children)
    return tree


def _pss_kb(pid: int) -> int:
    """One process's proportional set size in kilobytes (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(command: Sequence[str], pss: bool = False) -> Measure:
    """Run ``command``; its wall time, CPU time and peak memory (the peak tree PSS only when
    ``pss``: sampling it costs CPU, see the module's documentation)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = [0]
    cpu: dict[int, float] = {}
    running = threading.Event()
    running.set()

    def sample() -> None:
        """Every 0.1 s: each process's CPU seconds so far, and with ``pss`` the tree's summed
        proportional set size (memory a worker shares with another process counts once)."""
        while running.is_set():
            processes = _processes()
            tree = _tree(process.pid, processes)
            if pss:
                peak[0] = max(peak[0], sum(_pss_kb(pid) for pid in tree))
            for pid in tree:
                cpu[pid] = max(cpu.get(pid, 0.0), processes.get(pid, (0, 0.0))[1])
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    running.clear()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with status {process.returncode}")
    # getrusage counts the children the process waited for, not the pool workers a fork
    # server started (they are not its children); the samples count every process of the
    # tree but the last 0.1 s of each. The larger of the two.
    waited = usage.ru_utime + usage.ru_stime
    return Measure(
        wall=wall,
        cpu=max(waited, sum(cpu.values())),
        peak_tree_mb=peak[0] / 1024,
        peak_process_mb=usage.ru_maxrss / 1024,
    )


def corpus(folder: Path, data: Path, n: int, seed: int) -> Path:
    """The corpus of ``n`` documents in ``folder/nN`` (generated unless already there)."""
    target = folder / f"n{n}-seed{seed}"
    if not (target / f"doc{n:07d}.txt").exists():
        texts, labels = make_corpus(data, n, seed)
        write_corpus(target, texts, labels)
    return target


def warm(folder: Path) -> int:
    """Read every file under ``folder`` once (into the page cache); the bytes read."""
    return sum(len(path.read_bytes()) for path in sorted(folder.rglob("*")) if path.is_file())


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=None, help="cleaner's --jobs (default: all)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpora in this folder")
    parser.add_argument("--no-baseline", action="store_true", help="skip the datasketch run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        rows = []
        walls: dict[int, float] = {}
        for n in args.sizes:
            target = corpus(folder, args.data, n, args.seed)
            warm(target)
            ours = [sys.executable, "-m", "cleaner", "cluster", str(target), "--quiet"]
            ours += ["--json", str(Path(tmp) / f"report{n}.json")]
            ours += ["--jobs", str(args.jobs)] if args.jobs else []
            commands = [("cleaner cluster --json", ours)]
            if not args.no_baseline:
                baseline = [sys.executable, "-m", "bench.datasketch_baseline", str(target)]
                commands.append(("plain datasketch", baseline))
            runs = [
                (name, measure(command), measure(command, pss=True)) for name, command in commands
            ]
            walls[n] = runs[0][1].wall
            for name, m, memory in runs:
                row = (
                    f"| {n:,} | {name} | {m.wall:.1f} | {n / m.wall:,.0f} | {m.cpu:.1f} | "
                    f"{n / m.cpu:,.0f} | {memory.peak_tree_mb:,.0f} | {m.peak_process_mb:,.0f} | "
                    f"{memory.wall:.1f} |"
                )
                rows.append(row)
                print(row, flush=True)
            if len(runs) == 2:
                speed = runs[1][1].wall / runs[0][1].wall
                per_cpu = runs[1][1].cpu / runs[0][1].cpu
                print(f"  throughput vs datasketch: {speed:.2f}x wall, {per_cpu:.2f}x per CPU s")
    print()
    print(
        "| documents | pipeline | wall s | docs/s | CPU s | docs/CPU s "
        "| peak tree PSS MB | peak process RSS MB | wall s of the memory run |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    sizes = sorted(walls)
    for small, large in itertools.pairwise(sizes):
        ratio = walls[large] / walls[small]
        print(f"time at {large:,} / time at {small:,}: {ratio:.2f} (documents x{large / small:g})")


if __name__ == "__main__":
    main()
