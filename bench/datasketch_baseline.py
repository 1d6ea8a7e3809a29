"""The plain datasketch pipeline, written as datasketch's documentation suggests.

    PYTHONPATH=. python -m bench.datasketch_baseline FOLDER [--threshold 0.5] [--num-perm 128]

For each ``.txt`` file of FOLDER: read it, take its word 3-gram shingles, build a ``MinHash``
with one ``update`` per shingle, insert it into a ``MinHashLSH``; then query every document
and join each candidate pair with union-find. No cleaning, no candidate verification, no
passages: the least a MinHash/LSH grouping does, as the reference ``bench.scale`` compares
``cleaner cluster`` with. Prints the number of documents and groups as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")


def minhash(text: str, num_perm: int) -> MinHash:
    """A MinHash of the text's word 3-grams, one ``update`` per shingle."""
    words = WORD.findall(text.lower())
    m = MinHash(num_perm=num_perm)
    for i in range(max(1, len(words) - 2)):
        m.update(" ".join(words[i : i + 3]).encode("utf8"))
    return m


def find(parent: list[int], i: int) -> int:
    """Union-find root with path halving."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def group(folder: Path, threshold: float, num_perm: int) -> list[list[str]]:
    """Groups of file names that LSH puts together (union-find over candidate pairs)."""
    names = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.txt"))
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    signatures = []
    for key, name in enumerate(names):
        m = minhash((folder / name).read_text(encoding="utf-8", errors="replace"), num_perm)
        lsh.insert(key, m)
        signatures.append(m)
    parent = list(range(len(names)))
    for key, m in enumerate(signatures):
        for other in lsh.query(m):
            a, b = find(parent, key), find(parent, other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[str]] = {}
    for key, name in enumerate(names):
        groups.setdefault(find(parent, key), []).append(name)
    return list(groups.values())


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--num-perm", type=int, default=128)
    args = parser.parse_args(argv)
    groups = group(args.folder, args.threshold, args.num_perm)
    documents = sum(len(g) for g in groups)
    print(json.dumps({"documents": documents, "groups": len(groups)}))


if __name__ == "__main__":
    main()
