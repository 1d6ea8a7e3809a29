"""Issue 3's figures measured through the command itself: ``cleaner cluster`` on real folders.

``python -m bench.end_to_end [--data ../shared/data]`` runs, each as a subprocess
(``python -m cleaner cluster FOLDER --json OUT --include-text``):

1. the five seeds alone: one story of exactly the five, and which passages were reported;
2. ECB+ dev (``ecbplus-dev/txt``): adjusted Rand index against ``labels.json``; recall of
   ``passages_silver_exact.json`` with our own stories as the groups and our cleaner's text;
   every occurrence checked at its offsets;
3. the seeds mixed into ECB+ dev (one folder): the seeds' story holds exactly the five.

Silver spans are offsets into the raw ECB+ files; the cleaned text may re-wrap lines, so each
span is located in the cleaned text by its whitespace-folded characters (a span the cleaner
cut is a miss). Recall then uses ``bench.passages.recall`` (a silver pair counts when one
passage has occurrences in both documents covering >= 90% of each span).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.ari import adjusted_rand_index
from bench.passages import recall
from cleaner.model import Occurrence, Passage
from cleaner.normalize import tokenize

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FLAGS = ("--include-text", "--quiet")


def run_cluster(folder: Path, out: Path) -> tuple[dict[str, Any], float]:
    """The JSON report of ``cleaner cluster FOLDER`` and the command's wall time."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cleaner", "cluster", str(folder), "--json", str(out), *FLAGS],
        check=True,
    )
    return json.loads(out.read_text("utf-8")), time.perf_counter() - start


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` with every whitespace run folded to one space, and each kept char's offset."""
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        if c.isspace():
            if chars and chars[-1] == " ":
                continue
            c = " "
        chars.append(c)
        where.append(i)
    return "".join(chars), where


def locate(raw: str, cleaned: str) -> tuple[int, int] | None:
    """Where the raw span ``raw`` stands in ``cleaned`` (whitespace folded), or None."""
    needle = fold(raw.strip())[0]
    hay, where = fold(cleaned)
    k = hay.find(needle)
    if k < 0 or not needle:
        return None
    return where[k], where[k + len(needle) - 1] + 1


def passages_of(report: dict[str, Any]) -> list[Passage]:
    """The report's passages as ``cleaner.model.Passage`` values."""
    return [
        Passage(
            id=p["id"],
            text=p["text"],
            words=p["words"],
            verbatim=p["verbatim"],
            occurrences=tuple(Occurrence(o["doc"], o["start"], o["end"]) for o in p["occurrences"]),
            story=p.get("story"),
        )
        for p in report["passages"]
    ]


def occurrences_hold(report: dict[str, Any]) -> tuple[int, int]:
    """(occurrences checked, verbatim passages whose occurrences differ after normalising)."""
    texts = {d["id"]: d["text"] for d in report["documents"]}
    checked = bad = 0
    for p in report["passages"]:
        words = set()
        for o in p["occurrences"]:
            checked += 1
            piece = texts[o["doc"]][o["start"] : o["end"]]
            words.add(tuple(w.norm for w in tokenize(piece)))
        bad += p["verbatim"] and len(words) > 1
    return checked, bad


def silver_in_cleaned(data: Path, report: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """The silver pairs with offsets moved into the cleaned texts, and how many were cut."""
    ecb = data / "ecbplus-dev"
    texts = {d["id"]: d["text"] for d in report["documents"]}
    moved, cut = [], 0
    for item in json.loads((ecb / "passages_silver_exact.json").read_text("utf-8"))["passages"]:
        spans = []
        for side in "ab":
            doc = item[f"doc_{side}"]
            raw = (ecb / "txt" / doc).read_text("utf-8")
            raw = raw[item[f"{side}_start"] : item[f"{side}_end"]]
            spans.append(locate(raw, texts.get(doc, "")))
        span_a, span_b = spans
        if span_a is None or span_b is None:
            cut += 1
            moved.append({**item, "a_start": 0, "a_end": 1, "b_start": 0, "b_end": 1})
            continue
        (a0, a1), (b0, b1) = span_a, span_b
        moved.append({**item, "a_start": a0, "a_end": a1, "b_start": b0, "b_end": b1})
    return moved, cut


def story_of(report: dict[str, Any], doc: str) -> list[str]:
    """The members of the story that holds ``doc``."""
    cluster = next(d["cluster"] for d in report["documents"] if d["id"] == doc)
    return next(c["members"] for c in report["clusters"] if c["id"] == cluster)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the end-to-end figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    ecb = args.data / "ecbplus-dev"
    seed_ids = sorted(p.name for p in SEEDS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"

        report, seconds = run_cluster(SEEDS, out)
        members = story_of(report, seed_ids[0])
        print(f"1. seeds: story of {seed_ids[0]} = {len(members)} documents, ", end="")
        print(f"exactly the five: {sorted(members) == seed_ids}; {seconds:.1f} s")
        for p in report["passages"]:
            docs = sorted({o["doc"][:3] for o in p["occurrences"]})
            kind = "verbatim" if p["verbatim"] else "near-verbatim"
            print(f"   {p['id']} {'+'.join(docs)} {p['words']} words, {kind}: {p['text'][:70]!r}")

        report, seconds = run_cluster(ecb / "txt", out)
        gold = json.loads((ecb / "labels.json").read_text("utf-8"))
        pred = {d["id"]: d["cluster"] for d in report["documents"]}
        checked, bad = occurrences_hold(report)
        silver, cut = silver_in_cleaned(args.data, report)
        strict, union = recall(passages_of(report), silver)
        print(f"2. ecbplus-dev: {len(pred)} documents, {len(report['clusters'])} stories, ", end="")
        print(f"ARI {adjusted_rand_index(gold, pred):.4f}; {seconds:.1f} s")
        print(f"   passages {len(report['passages'])}; occurrences checked {checked}, ", end="")
        print(f"verbatim passages whose occurrences differ: {bad}")
        print(f"   silver recall (our stories, our cleaned text): strict {strict:.4f}, ", end="")
        print(f"union {union:.4f}; silver spans cut by cleaning: {cut} of {len(silver)}")

        mixed = Path(tmp) / "mixed"
        shutil.copytree(ecb / "txt", mixed / "ecbplus")
        shutil.copytree(SEEDS, mixed / "seeds")
        report, seconds = run_cluster(mixed, out)
        members = story_of(report, f"seeds/{seed_ids[0]}")
        expected = [f"seeds/{s}" for s in seed_ids]
        print(f"3. seeds in ecbplus-dev: story of the seeds = {len(members)} documents, ", end="")
        print(f"exactly the five: {sorted(members) == expected}; {seconds:.1f} s")


if __name__ == "__main__":
    main()
