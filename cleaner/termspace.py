"""The TF-IDF vectors of every clustering unit at once, as arrays over one vocabulary.

:mod:`cleaner.terms` states the model one vector at a time (``CorpusStats``, ``weigh``,
``salient_terms``, dictionaries keyed by term). At 100,000 documents that is millions of
dictionary entries made and read one by one in the main process (about 13 s). Here the same
vectors are computed for all units together with numpy:

* terms are numbered in sorted order (a term's id orders as the term itself does, so ties
  broken by term are broken by id);
* each unit's vector is one run of a CSR matrix: term ids ascending, L2-normalised weights;
* a unit of near-duplicates has the mean of its members' counts, summed in member order as
  ``cleaner.cluster`` did with dictionaries (``np.bincount`` adds in the order it is given).

The weights are those of ``weigh`` up to the order of the additions in the norm (a difference
in the last bits).

>>> from cleaner.termids import chunk_counts
>>> counts = chunk_counts([{"moscow": 2.0, "lavrov": 1.0}, {"moscow": 1.0}])
>>> space = unit_space(counts, [(0,), (1,)])
>>> space.vocabulary, space.df.tolist()
(('lavrov', 'moscow'), [1, 2])
>>> sorted(space.vector(0)) == [0, 1] and space.vector(1) == {1: 1.0}
True
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import overload

import numpy as np
from scipy.sparse import csr_matrix

from cleaner.arrays import run_starts
from cleaner.termids import Counts, flat_term_ids


@dataclass(frozen=True, slots=True)
class TermSpace:
    """Every unit's L2-normalised TF-IDF vector, and the document frequencies they come from."""

    vocabulary: tuple[str, ...]
    """Every term, sorted: a term's id is its position."""
    starts: np.ndarray
    """Unit ``u``'s entries are ``starts[u]:starts[u + 1]`` of ``terms`` and ``weights``."""
    terms: np.ndarray
    """Term ids, ascending within each unit."""
    weights: np.ndarray
    df: np.ndarray
    """Per term id, how many units have the term."""

    @property
    def units(self) -> int:
        """How many units there are."""
        return len(self.starts) - 1

    @property
    def width(self) -> int:
        """Columns of :meth:`matrix` (one per term; one when there is none)."""
        return max(1, len(self.vocabulary))

    def entry_units(self) -> np.ndarray:
        """The unit of each entry of ``terms`` and ``weights``."""
        return np.repeat(np.arange(self.units), np.diff(self.starts))

    def vector(self, unit: int) -> dict[int, float]:
        """One unit's vector as a dictionary from term id to weight."""
        start, stop = self.starts[unit], self.starts[unit + 1]
        terms, weights = self.terms[start:stop].tolist(), self.weights[start:stop].tolist()
        return dict(zip(terms, weights, strict=True))

    def matrix(self) -> csr_matrix:
        """The vectors as the rows of a sparse matrix (columns are term ids)."""
        shape = (self.units, self.width)
        return csr_matrix((self.weights, self.terms, self.starts), shape=shape)

    def salient(self, top_terms: int, min_df: int) -> list[np.ndarray]:
        """Each unit's ``top_terms`` heaviest term ids among those in ``min_df`` or more
        units, heaviest first, ties by term (as :func:`cleaner.terms.salient_terms`)."""
        kept = np.flatnonzero(self.df[self.terms] >= min_df)
        starts = np.searchsorted(self.entry_units()[kept], np.arange(self.units + 1)).tolist()
        lighter = -self.weights[kept]
        # Entries are in (unit, term) order: a stable sort of a unit's entries by weight keeps
        # ties in term order. One small sort per unit is several times faster than one sort
        # of every entry by (unit, weight).
        return [
            self.terms[kept[start + np.argsort(lighter[start:stop], kind="stable")[:top_terms]]]
            for start, stop in pairwise(starts)
        ]


class UnitVectors(Sequence[dict[int, float]]):
    """The units' vectors as a sequence of dictionaries, each made when it is asked for
    (what :func:`cleaner.linking.centroid_link` reads)."""

    def __init__(self, space: TermSpace) -> None:
        self.space = space

    def __len__(self) -> int:
        return self.space.units

    @overload
    def __getitem__(self, index: int) -> dict[int, float]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[int, float]]: ...
    def __getitem__(self, index: int | slice) -> dict[int, float] | list[dict[int, float]]:
        if isinstance(index, slice):
            return [self.space.vector(u) for u in range(self.space.units)[index]]
        if not -self.space.units <= index < self.space.units:
            raise IndexError(index)
        return self.space.vector(index % self.space.units)


def unit_space(
    counts: Sequence[Counts], groups: Sequence[Sequence[int]], prior: int = 0
) -> TermSpace:
    """The TF-IDF vector of each group of documents (a unit), as ``weigh`` makes it from the
    mean of the members' counts and ``CorpusStats`` over the units (with ``prior``).

    ``counts`` are per document; ``groups`` list the documents of each unit.
    """
    vocabulary, doc_terms, sizes = flat_term_ids(counts)
    values = array("d")
    for _, _, found in counts:
        values.extend(found)
    doc_counts = np.frombuffer(values, dtype=np.float64) if values else np.zeros(0)
    unit_of_doc = np.empty(len(counts), dtype=np.int64)
    group_size = np.empty(len(groups), dtype=np.float64)
    for u, group in enumerate(groups):
        unit_of_doc[list(group)] = u
        group_size[u] = len(group)
    # One entry per (unit, term), summed over the unit's members in the order they are given.
    width = max(1, len(vocabulary))  # TermSpace.width
    keys = np.repeat(unit_of_doc, sizes) * width + doc_terms
    del doc_terms
    order = np.argsort(keys, kind="stable")  # members in order within each (unit, term)
    keys, doc_counts = keys[order], doc_counts[order]
    del order
    starts_here = run_starts(keys)
    sums = np.bincount(np.cumsum(starts_here) - 1, weights=doc_counts)
    keys = keys[starts_here]
    unit, terms = np.divmod(keys, width)
    means = sums / group_size[unit]
    df = np.bincount(terms, minlength=len(vocabulary))
    idf = np.log((1 + len(groups) + prior) / (1 + df)) + 1.0
    positive = means > 0
    unit, terms, means = unit[positive], terms[positive], means[positive]
    tf = np.where(means >= 1, 1.0 + np.log(np.maximum(means, 1.0)), means)
    weights = tf * idf[terms]
    norms = np.sqrt(np.bincount(unit, weights=weights * weights, minlength=len(groups)))
    weights = weights / norms[unit]
    starts = np.searchsorted(unit, np.arange(len(groups) + 1))
    return TermSpace(vocabulary, starts, terms, weights, df)


def pair_cosines(space: TermSpace, pairs: np.ndarray, step: int = 100_000) -> np.ndarray:
    """Cosine of the vectors of each pair of units (rows of an ``(n, 2)`` array), in steps of
    ``step`` pairs: :func:`cleaner.terms.cosine` up to the order of the additions.

    >>> from cleaner.termids import chunk_counts
    >>> counts = chunk_counts([{"a": 1.0, "b": 1.0}, {"a": 1.0}])
    >>> space = unit_space(counts, [(0,), (1,)])
    >>> round(float(pair_cosines(space, np.array([[0, 1]]))[0]), 4)
    0.5797
    """
    matrix = space.matrix()
    found = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), step):
        part = pairs[start : start + step]
        products = matrix[part[:, 0]].multiply(matrix[part[:, 1]])
        found[start : start + step] = np.asarray(products.sum(axis=1)).ravel()
    return found


@dataclass(frozen=True, slots=True)
class Centroids:
    """The centroid of each story (the L2-normalised sum of its units' vectors), with each
    unit's cosine to its story's centroid, all computed at once.

    >>> from cleaner.termids import chunk_counts
    >>> counts = chunk_counts([{"a": 1.0}, {"a": 1.0, "b": 1.0}, {"c": 1.0}])
    >>> space = unit_space(counts, [(0,), (1,), (2,)])
    >>> middle = Centroids.of(space, np.array([0, 0, 1]), 2)
    >>> [round(c, 3) for c in middle.cosines.tolist()], middle.top_terms(0, 4)
    ([0.896, 0.896, 1.0], ['a', 'b'])
    """

    space: TermSpace
    keys: np.ndarray
    """``story * len(vocabulary) + term`` of each entry of the stories' sums, ascending."""
    sums: np.ndarray
    norms: np.ndarray
    """Per story, the length of its sum."""
    cosines: np.ndarray
    """Per unit, the cosine of its vector with its story's centroid (0 for an empty one)."""

    @classmethod
    def of(cls, space: TermSpace, story_of_unit: np.ndarray, stories: int) -> Centroids:
        """The centroids of ``stories`` stories, given each unit's story."""
        width = space.width
        unit = space.entry_units()
        entry_keys = story_of_unit[unit] * width + space.terms
        keys, where = np.unique(entry_keys, return_inverse=True)
        sums = np.bincount(where.ravel(), weights=space.weights, minlength=len(keys))
        norms = np.sqrt(np.bincount(keys // width, weights=sums * sums, minlength=stories))
        dots = np.bincount(unit, weights=space.weights * sums[where], minlength=space.units)
        story_norms = norms[story_of_unit]
        safe = np.where(story_norms > 0, story_norms, 1.0)
        cosines = np.where(story_norms > 0, dots / safe, 0.0)
        return cls(space, keys, sums, norms, cosines)

    def top_terms(self, story: int, count: int) -> list[str]:
        """The ``count`` heaviest terms of a story's centroid, ties by term."""
        width = self.space.width
        start, stop = np.searchsorted(self.keys, [story * width, (story + 1) * width])
        terms = self.keys[start:stop] % width
        order = np.lexsort((terms, -self.sums[start:stop]))[:count]
        return [self.space.vocabulary[t] for t in terms[order].tolist()]
