"""Term counts as ids into a vocabulary that many documents share (what clustering holds).

A document has about eighty distinct terms. Sent from a pool worker as strings, every term of
every document is pickled, unpickled and then interned where the documents are held: at
100,000 documents that was eight million string operations in the main process. Here a
worker numbers the terms of its chunk once (:func:`chunk_counts`): each document carries the
chunk's vocabulary (one object, pickled once per chunk) and its terms as ids into it. Where
the documents are held, a :class:`Vocabulary` maps each chunk's vocabulary onto the run's
once, and each document's ids with one array lookup.

>>> first, second = chunk_counts([{"moscow": 2.0, "lavrov": 1.0}, {"moscow": 1.0}])
>>> first[0] is second[0], list(first[0]), list(second[1])
(True, ['moscow', 'lavrov'], [0])
>>> run = Vocabulary()
>>> held = run.rebase(second)
>>> held[0] is run.terms, list(held[1]), list(held[2])
(True, [0], [1.0])
>>> counts_dict(held)
{'moscow': 1.0}
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

Counts = tuple[Sequence[str], "array[int]", "array[float]"]
"""One document's term counts: a vocabulary (shared with other documents), the ids in it of
the document's terms, in the order they were counted, and their counts."""

ID_TYPE = "i"
"""Array type code of term ids (a C int: 32 bits)."""


def chunk_counts(counted: Iterable[Mapping[str, float]]) -> list[Counts]:
    """The term counts of a chunk's documents over one vocabulary of the chunk's terms,
    numbered as they are first seen."""
    ids: dict[str, int] = {}
    parts = [
        (array(ID_TYPE, [ids.setdefault(t, len(ids)) for t in counts]), array("d", counts.values()))
        for counts in counted
    ]
    vocabulary = tuple(ids)
    return [(vocabulary, found, values) for found, values in parts]


def counts_of(counts: Mapping[str, float]) -> Counts:
    """One document's counts over a vocabulary of its own terms."""
    return chunk_counts([counts])[0]


def counts_dict(counts: Counts) -> dict[str, float]:
    """The counts as a dictionary from term to count, in order."""
    terms, ids, values = counts
    return {terms[i]: c for i, c in zip(ids, values, strict=True)}


class Vocabulary:
    """The terms of the documents a run holds, numbered as they are first seen.

    ``terms`` only grows, so ids given out stay valid; every document rebased here shares it
    as its vocabulary, one string per term however many chunks had it.
    """

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.ids: dict[str, int] = {}
        self._last: tuple[Sequence[str], np.ndarray] | None = None
        """The vocabulary last rebased and its terms' ids here (a chunk's documents come
        one after another)."""

    def rebase(self, counts: Counts) -> Counts:
        """The same counts with ids into this vocabulary."""
        terms, ids, values = counts
        if self._last is None or self._last[0] is not terms:
            known, add = len(self.terms), self.ids.setdefault
            table = [add(t, len(self.ids)) for t in terms]
            self.terms.extend(t for t, k in zip(terms, table, strict=True) if k >= known)
            self._last = (terms, np.array(table, dtype=np.intc))
        here = array(ID_TYPE)
        here.frombytes(self._last[1][np.frombuffer(ids, dtype=np.intc)].tobytes())
        return self.terms, here, values


def flat_term_ids(counts: Sequence[Counts]) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Every term the documents have, sorted; the id in it of each document's terms, all
    documents one after another; and how many terms each document has."""
    shared = {id(terms): terms for terms, _, _ in counts}
    start: dict[int, int] = {}
    every: list[str] = []
    for key, terms in shared.items():
        start[key] = len(every)
        every.extend(terms)
    known = sorted(set(every))
    position = {term: k for k, term in enumerate(known)}
    table = np.fromiter(map(position.__getitem__, every), np.int64, len(every))
    sizes = np.fromiter((len(ids) for _, ids, _ in counts), np.int64, len(counts))
    local = array(ID_TYPE)
    for _, ids, _ in counts:
        local.extend(ids)
    offsets = np.fromiter((start[id(terms)] for terms, _, _ in counts), np.int64, len(counts))
    found = np.frombuffer(local, dtype=np.intc) if local else np.zeros(0, dtype=np.intc)
    ids = table[np.repeat(offsets, sizes) + found]
    # A shared vocabulary may hold terms none of these documents has: leave them out.
    used = np.bincount(ids, minlength=len(known)) > 0
    vocabulary = tuple(term for term, kept in zip(known, used.tolist(), strict=True) if kept)
    return vocabulary, (np.cumsum(used) - 1)[ids], sizes
