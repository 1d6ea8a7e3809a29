"""Benchmark shared-passage finding: seeds, ECB+ silver recall, and growth on near-copies.

Usage: ``python -m bench.passages [--data ../shared/data] [--seeds-gold DIR] [--seeds DIR]``
(``--seeds-gold`` defaults to ``../shared/seeds-gold/clean``, ``--seeds`` to the repo's seeds).

Recall definition (silver = ``ecbplus-dev/passages_silver_exact.json``, exact shared runs of
12+ words between two documents, character offsets into the raw ``txt/`` files):

* strict: a silver pair (doc a, span a, doc b, span b) is recalled when ONE passage has
  occurrences in both documents whose union covers >= 90% of the characters of each span;
* union: the same, with the occurrences of all passages that occur in both documents.

The documents are the raw ``txt/`` files as they are (the silver offsets index them).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from cleaner.cluster import cluster_documents
from cleaner.document import Document
from cleaner.model import Passage
from cleaner.passages import find_shared_passages

COVERAGE = 0.9
SILVER_MIN_WORDS = 12
SEED_EXPECTED = [
    ("the threat posed by North Korea's nuclear and missile programs", {"001", "003"}),
    ("it's important to talk about these things and to be frank about them", {"003", "004"}),
    ("let ourselves be defined by these problems", {"000", "003"}),
]
"""The issue's seed examples: phrase and the documents the passage containing it is found in.
The issue lists 004 for the last one too; 004 shares only "be defined by these problems"."""
SCALE_FACTORS = (1, 4, 16, 64)
EDIT_RATE = 0.02


def load_folder(folder: Path, id_prefix: int | None = None) -> list[Document]:
    """Every ``*.txt`` file as a Document (id = file name, or its first characters)."""
    return [
        Document(path.name[:id_prefix] if id_prefix else path.name, path.read_text("utf-8"))
        for path in sorted(folder.glob("*.txt"))
    ]


def covered(span: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> float:
    """Share of the characters of ``span`` inside the union of ``pieces``."""
    start, end = span
    marks = bytearray(end - start)
    for a, b in pieces:
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            marks[lo - start : hi - start] = b"\x01" * (hi - lo)
    return sum(marks) / max(1, end - start)


def recall(passages: Sequence[Passage], silver: Sequence[dict]) -> tuple[float, float]:
    """(strict, union) recall of the silver pairs, as defined in the module docstring."""
    by_doc: dict[str, list[tuple[int, Passage]]] = defaultdict(list)
    for n, passage in enumerate(passages):
        for doc in {o.doc for o in passage.occurrences}:
            by_doc[doc].append((n, passage))
    strict = union = 0
    for item in silver:
        a, b = item["doc_a"], item["doc_b"]
        span_a, span_b = (item["a_start"], item["a_end"]), (item["b_start"], item["b_end"])
        shared = {n for n, _ in by_doc[a]} & {n for n, _ in by_doc[b]}
        both = [p for n, p in by_doc[a] if n in shared]

        def spans(doc: str, ps: Iterable[Passage]) -> list[tuple[int, int]]:
            return [(o.start, o.end) for p in ps for o in p.occurrences if o.doc == doc]

        if any(
            covered(span_a, spans(a, [p])) >= COVERAGE
            and covered(span_b, spans(b, [p])) >= COVERAGE
            for p in both
        ):
            strict += 1
        if (
            covered(span_a, spans(a, both)) >= COVERAGE
            and covered(span_b, spans(b, both)) >= COVERAGE
        ):
            union += 1
    return strict / max(1, len(silver)), union / max(1, len(silver))


def outside_silver(passages: Sequence[Passage], silver: Sequence[dict]) -> tuple[int, int]:
    """Passages none of whose occurrences overlaps a silver span, and how many of them have
    fewer than the silver's 12 words or are near-verbatim (the silver lists exact 12+ runs)."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for item in silver:
        spans[item["doc_a"]].append((item["a_start"], item["a_end"]))
        spans[item["doc_b"]].append((item["b_start"], item["b_end"]))
    outside = [
        p
        for p in passages
        if not any(s < o.end and o.start < e for o in p.occurrences for s, e in spans[o.doc])
    ]
    explained = sum(p.words < SILVER_MIN_WORDS or not p.verbatim for p in outside)
    return len(outside), explained


def sanity(passages: Sequence[Passage], seconds: float) -> str:
    """Number of passages, share near-verbatim, occurrences, time."""
    near = sum(not p.verbatim for p in passages)
    occurrences = sum(len(p.occurrences) for p in passages)
    return (
        f"{len(passages)} passages, {near / max(1, len(passages)):.1%} near-verbatim, "
        f"{occurrences} occurrences, {seconds:.2f}s"
    )


def run_seeds(label: str, docs: Sequence[Document]) -> None:
    """Print the passages of the five seeds (one group) and check the issue's examples."""
    passages = find_shared_passages(docs)
    print(f"seeds ({label}): {len(passages)} passages")
    for p in passages:
        docs_of = sorted({o.doc for o in p.occurrences})
        kind = "verbatim" if p.verbatim else "near-verbatim"
        print(f"  {p.id} {kind} {p.words}w {docs_of}: {p.text[:110]!r}")
    for phrase, expected in SEED_EXPECTED:
        hits = [
            sorted({o.doc for o in p.occurrences})
            for p in passages
            if phrase.lower() in p.text.lower().replace("\u2019", "'")
        ]
        ok = any(set(h) == expected for h in hits)
        print(f"  {'OK ' if ok else 'MISSING'} {phrase!r} in {sorted(expected)} (found in {hits})")


def run_ecbplus(folder: Path) -> None:
    """Recall of the silver pairs with gold stories, our own stories (``cluster_documents``) and
    one group of all docs as the groups."""
    docs = load_folder(folder / "txt")
    labels: dict[str, str] = json.loads((folder / "labels.json").read_text())
    silver = json.loads((folder / "passages_silver_exact.json").read_text())["passages"]
    crossing = sum(labels[s["doc_a"]] != labels[s["doc_b"]] for s in silver)
    print(
        f"ecbplus-dev: {len(docs)} docs, {len(silver)} silver pairs, {crossing} cross gold stories"
    )
    stories: dict[str, list[str]] = defaultdict(list)
    for doc, story in labels.items():
        stories[story].append(doc)
    ours = cluster_documents(docs)
    runs = (("gold stories", dict(stories)), ("our stories", ours), ("one group of all docs", None))
    for name, groups in runs:
        gc.collect()
        started = time.perf_counter()
        passages = find_shared_passages(docs, groups)
        seconds = time.perf_counter() - started
        strict, union = recall(passages, silver)
        outside, explained = outside_silver(passages, silver)
        print(
            f"  {name}: recall strict {strict:.4f}, union {union:.4f}; {sanity(passages, seconds)}"
        )
        print(
            f"    {outside} passages overlap no silver span; {explained} of them are shorter than "
            f"{SILVER_MIN_WORDS} words or near-verbatim (outside the silver's definition)"
        )


def edited_copy(text: str, rng: random.Random) -> str:
    """``text`` with about EDIT_RATE of its words substituted, deleted or doubled."""
    out = []
    for word in text.split(" "):
        roll = rng.random()
        if roll < EDIT_RATE / 3:
            out.append(f"x{rng.randrange(10**6)}")
        elif roll < 2 * EDIT_RATE / 3:
            continue
        elif roll < EDIT_RATE:
            out.extend([word, word])
        else:
            out.append(word)
    return " ".join(out)


def run_scale(folder: Path) -> None:
    """Time one group made of 1x/4x/16x/64x lightly edited copies of the largest gold story."""
    labels: dict[str, str] = json.loads((folder / "labels.json").read_text())
    stories: dict[str, list[str]] = defaultdict(list)
    for doc, story in labels.items():
        stories[story].append(doc)
    name = max(sorted(stories), key=lambda s: len(stories[s]))
    texts = [(folder / "txt" / doc).read_text("utf-8") for doc in sorted(stories[name])]
    print(f"scale: story {name} ({len(texts)} docs), copies with {EDIT_RATE:.0%} word edits")
    base = None
    for factor in SCALE_FACTORS:
        rng = random.Random(0)
        docs = [
            Document(f"{k}-{n}", text if k == 0 else edited_copy(text, rng))
            for k in range(factor)
            for n, text in enumerate(texts)
        ]
        words = sum(len(d.text.split()) for d in docs)
        gc.collect()
        started = time.perf_counter()
        passages = find_shared_passages(docs)
        seconds = time.perf_counter() - started
        per = seconds / words * 1000
        base = base or per
        print(
            f"  {factor:>2}x: {len(docs)} docs, {words} words, {sanity(passages, seconds)}, "
            f"{per * 1000:.1f} ms per 1k words ({per / base:.1f}x the 1x rate)"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments and run every part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--seeds-gold", type=Path, default=Path("../shared/seeds-gold/clean"))
    parser.add_argument("--seeds", type=Path, default=Path(__file__).parent.parent / "seeds")
    args = parser.parse_args(argv)
    if args.seeds_gold.is_dir():
        run_seeds("gold clean texts", load_folder(args.seeds_gold, 3))
    run_seeds("raw scrapes", load_folder(args.seeds, 3))
    run_ecbplus(args.data / "ecbplus-dev")
    run_scale(args.data / "ecbplus-dev")


if __name__ == "__main__":
    main()
