"""Does clustering cost grow near-linearly? Time it on 1x, 4x and 16x the ECB+ dev folder.

    PYTHONPATH=. python -m bench.cluster_scale [--data ../shared/data] [--library]

The 4x and 16x folders hold every ECB+ article plus 3 or 15 copies of it with light random
edits (``--edits`` words changed or dropped per copy, fixed ``--seed``): the copies are
near-duplicates of their original and belong to its story. Each size is timed end to end:

* CLI mode (default when ``cleaner cluster`` accepts ``--json``): ``python -m cleaner cluster
  FOLDER --json OUT``, and the ARI is read from ``OUT`` (``clusters[].members``);
* ``--library``: ``clean_text`` on each file, ``cluster_documents``, then
  ``find_shared_passages`` within each story; with ``--pipeline`` the files are cleaned by
  ``cleaner.pipeline.cleaned_documents`` as ``cleaner clean`` does (folder templates too).

It prints documents, wall-clock and CPU seconds (each the lowest of ``--repeat`` runs: the
machine may be shared; CPU time counts the CLI subprocess too), their ratios to the previous
size (the target is < 5x per 4x step) and the ARI against
``labels.json`` with copies labelled as their original. The folders are written to a
temporary directory and deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.ari import adjusted_rand_index
from bench.cluster import DATA
from cleaner.clean import clean_text
from cleaner.cluster import run_clustering
from cleaner.document import Document
from cleaner.io import find_sources
from cleaner.passages import find_shared_passages
from cleaner.pipeline import cleaned_documents

SCALES = (1, 4, 16)
WORD = re.compile(r"\w+")


def edit(text: str, rng: random.Random, edits: int) -> str:
    """Change or drop ``edits`` random words of ``text`` (a change borrows another word)."""
    spans = [m.span() for m in WORD.finditer(text)]
    if not spans:
        return text
    chosen = sorted(rng.sample(range(len(spans)), min(edits, len(spans))), reverse=True)
    for k in chosen:
        start, end = spans[k]
        if rng.random() < 0.5:
            replacement = ""
        else:
            a, b = spans[rng.randrange(len(spans))]
            replacement = text[a:b]
        text = text[:start] + replacement + text[end:]
    return text


def build_folder(
    source: Path, labels: dict[str, str], target: Path, scale: int, rng: random.Random, edits: int
) -> dict[str, str]:
    """Write ``scale`` versions of every article into ``target``; return file -> story."""
    target.mkdir(parents=True)
    out_labels = {}
    for name in sorted(labels):
        text = (source / name).read_text(encoding="utf-8")
        (target / name).write_text(text, encoding="utf-8")
        out_labels[name] = labels[name]
        for k in range(1, scale):
            copy = f"{Path(name).stem}__copy{k}.txt"
            (target / copy).write_text(edit(text, rng, edits), encoding="utf-8")
            out_labels[copy] = labels[name]
    return out_labels


def run_library(folder: Path, pipeline: bool = False) -> tuple[dict[str, str], str]:
    """Clean, cluster, find passages; return doc -> story and a note on costs.

    Each file goes through ``clean_text`` alone, or with ``pipeline`` through
    ``cleaned_documents`` as ``cleaner clean`` does it (with folder templates).
    """
    if pipeline:
        docs = [
            doc if isinstance(doc, Document) else _fail(str(doc))
            for doc in cleaned_documents(find_sources([folder]))
        ]
    else:
        docs = []
        for path in sorted(folder.glob("*.txt")):
            result = clean_text(path.read_text(encoding="utf-8"))
            docs.append(Document(path.name, result.text, metadata={"title": result.title}))
    run = run_clustering(docs)
    groups = [s.members for s in run.clustering.stories if len(s.members) > 1]
    passages = find_shared_passages(docs, groups)
    group_of = {
        doc: k
        for k, group in enumerate(
            g for story in run.clustering.stories for g in story.near_duplicates
        )
        for doc in group
    }
    copies = [doc.id for doc in docs if "__copy" in doc.id]
    copies_found = sum(
        1
        for copy in copies
        if copy in group_of and group_of[copy] == group_of.get(copy.split("__copy")[0] + ".txt")
    )
    note = (
        f"units={run.units} story_cand={run.story_candidates} dup_cand={run.dup_candidates} "
        f"copies_with_original={copies_found}/{len(copies)} passages={len(passages)}"
    )
    return {Path(doc).name: story for doc, story in run.clustering.story_of().items()}, note


def _fail(message: str) -> Document:
    """Stop the benchmark on an unreadable input."""
    raise SystemExit(f"cannot read {message}")


def run_cli(folder: Path, out: Path) -> tuple[dict[str, str], str]:
    """Run ``python -m cleaner cluster FOLDER --json OUT``; read doc -> story from OUT."""
    command = [sys.executable, "-m", "cleaner", "cluster", str(folder), "--json", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    story_of = {
        Path(member).name: story["id"] for story in report["clusters"] for member in story["members"]
    }
    return story_of, "cli"


def cli_available() -> bool:
    """True when ``cleaner cluster --help`` mentions ``--json``."""
    command = [sys.executable, "-m", "cleaner", "cluster", "--help"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.returncode == 0 and "--json" in done.stdout


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--library", action="store_true", help="time the library, not the CLI")
    parser.add_argument(
        "--pipeline", action="store_true", help="library mode cleans with folder templates"
    )
    parser.add_argument("--scales", type=int, nargs="+", default=list(SCALES))
    parser.add_argument("--edits", type=int, default=3, help="words changed or dropped per copy")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts")
    args = parser.parse_args(argv)
    source = args.data / "ecbplus-dev"
    labels: dict[str, str] = json.loads((source / "labels.json").read_text())
    library = args.library or not cli_available()
    print(f"mode: {'library' if library else 'cli'}")
    previous: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            folder = Path(tmp) / f"x{scale}"
            rng = random.Random(args.seed + scale)
            gold = build_folder(source / "txt", labels, folder, scale, rng, args.edits)
            wall = cpu = float("inf")
            for _ in range(args.repeat):
                start, start_cpu = time.perf_counter(), _cpu_seconds()
                if library:
                    story_of, note = run_library(folder, args.pipeline)
                else:
                    story_of, note = run_cli(folder, Path(tmp) / f"x{scale}.json")
                wall = min(wall, time.perf_counter() - start)
                cpu = min(cpu, _cpu_seconds() - start_cpu)
            ratios = f"{wall / previous[0]:.2f}x/{cpu / previous[1]:.2f}x" if previous else "-"
            ari = adjusted_rand_index(gold, story_of)
            print(
                f"{scale:>3}x docs={len(gold):>5} wall={wall:6.2f}s cpu={cpu:6.2f}s "
                f"ratio(wall/cpu)={ratios:>11} ari={ari:.4f} {note}",
                flush=True,
            )
            previous = (wall, cpu)


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (what the work costs, whatever
    else runs on the machine)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
