"""Seed links: windows of words shared by two or more documents of a group, found with numpy.

Every window of ``size`` consecutive word ids is a candidate. A window found in two or more
documents links each of its postings (document index, word position) to one pivot posting, the
first in document order, so a window shared by n documents gives n - 1 links, never
n * (n - 1) / 2. Only the first ``POSTINGS_PER_DOCUMENT`` places of a window in one document
are postings: a passage repeated in a document is found twice, but low-complexity text
("0 0 0 0 ...", a repeated menu) cannot make the links quadratic.

Links come in a fixed order: windows by their first place (document, position), then their
postings in order. A posting in another document than the pivot is linked to the pivot; a
second posting in the pivot's document is linked to the first posting of another document.

Windows are grouped by a 64-bit hash (one sort of the group's word positions) and every group
is checked word by word; on a collision, windows are compared exactly instead, by ranking pairs
of shorter equal windows, doubling the width.

>>> links = seed_links(np.array([1, 2, 3, 4, 9, 2, 3, 4, 2, 3]), [4, 6], 2)
>>> list(zip(*(column.tolist() for column in links)))
[(0, 1, 1, 1), (0, 1, 1, 4), (0, 2, 1, 2)]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from cleaner.arrays import run_starts

POSTINGS_PER_DOCUMENT = 2
"""Places of one window linked per document."""
HASH_MULTIPLIER = 0x9E3779B97F4A7C15
"""Odd 64-bit multiplier of the window hash."""

IntArray = NDArray[np.int64]
Links = tuple[IntArray, IntArray, IntArray, IntArray]
"""``(doc a, position a, doc b, position b)`` of each link, doc a < doc b, in link order."""


def window_classes(ids: IntArray, size: int) -> IntArray:
    """One integer per window ``ids[i : i + size]``, equal for equal windows and only then.

    >>> classes = window_classes(np.array([5, 6, 5, 6, 5]), 3)
    >>> len(classes), bool(classes[0] == classes[2] != classes[1])
    (3, True)
    """
    classes, width = ids, 1
    while 2 * width <= size:
        classes = _pair_classes(classes[:-width], classes[width:], dense=True)
        width *= 2
    if width < size:
        shift = size - width
        classes = _pair_classes(classes[:-shift], classes[shift:], dense=False)
    return classes


def _pair_classes(left: IntArray, right: IntArray, *, dense: bool) -> IntArray:
    """Classes of the pairs ``(left[i], right[i])`` of non-negative classes: ranks when
    ``dense``, else a combined key (exact while the classes stay below 2**31)."""
    if not len(left):
        return left
    key = left * (int(right.max()) + 1) + right
    if not dense:
        return key
    return np.unique(key, return_inverse=True)[1].astype(np.int64)


def window_hashes(ids: IntArray, size: int) -> IntArray:
    """A 64-bit polynomial hash of each window ``ids[i : i + size]``: equal for equal windows
    (and, rarely, for different ones)."""
    n = len(ids) - size + 1
    words = ids.astype(np.uint64)
    hashes = words[:n].copy()
    for k in range(1, size):
        hashes *= np.uint64(HASH_MULTIPLIER)
        hashes += words[k : k + n]
    return hashes.view(np.int64)


def seed_links(ids: IntArray, lengths: Sequence[int], size: int) -> Links:
    """The links of the windows of ``size`` word ids shared by 2+ documents.

    ``ids`` are the word ids (non-negative, below 2**31) of all documents one after the other,
    ``lengths`` their numbers of words. Windows are grouped by hash, and the groups checked
    word by word; should two different windows share a hash, exact classes are used instead.
    """
    total = len(ids)
    if total < size:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    sizes = np.array(lengths, dtype=np.int64)
    doc = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    pos = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    n = total - size + 1
    places = np.flatnonzero(pos[:n] <= sizes[doc[:n]] - size)  # windows inside a document
    label, at = _shared(window_hashes(ids, size)[places])
    starts = places[at]
    pair = np.flatnonzero(label[1:] == label[:-1])  # windows with the hash of the one before
    first, second = starts[pair], starts[pair + 1]
    if any((ids[first + k] != ids[second + k]).any() for k in range(size)):  # a hash collision
        label, at = _shared(window_classes(ids, size)[places])
    doc, pos = doc[places[at]], pos[places[at]]
    doc_label = label * len(sizes) + doc
    extra = np.zeros(len(label), dtype=bool)
    extra[POSTINGS_PER_DOCUMENT:] = (
        doc_label[POSTINGS_PER_DOCUMENT:] == doc_label[:-POSTINGS_PER_DOCUMENT]
    )
    return _link(label[~extra], doc[~extra], pos[~extra])


def _shared(keys: IntArray) -> tuple[IntArray, IntArray]:
    """Windows whose key is that of another window, as ``(label, index)`` sorted by label
    then index, where a window's label is the first index with its key."""
    order = np.argsort(keys)
    ordered = keys[order]
    head = run_starts(ordered)
    run = np.cumsum(head) - 1
    shared = np.bincount(run)[run] >= 2
    at, head = order[shared], np.flatnonzero(head[shared])
    if not len(at):
        return at, at
    label = np.repeat(np.minimum.reduceat(at, head), np.diff(np.append(head, len(at))))
    ordered = np.sort(label * len(keys) + at)  # by label, then index
    return ordered // len(keys), ordered % len(keys)


def _link(label: IntArray, doc: IntArray, pos: IntArray) -> Links:
    """Links of postings sorted by window (``label``), then document and position."""
    n = len(label)
    if not n:
        return label, label, label, label
    head = run_starts(label)
    heads = np.flatnonzero(head)
    tails = np.append(heads[1:], n) - 1
    pivot = np.repeat(heads, tails - heads + 1)  # each posting's window's first posting
    linked = ~head & np.repeat(doc[tails] != doc[heads], tails - heads + 1)
    at = np.flatnonzero(linked)
    pivot = pivot[at]
    # The first posting in another document than the pivot: a document has at most two
    # postings of a window, and a window of several documents has one after the pivot's.
    second = np.minimum(pivot + 2, n - 1)
    other = np.where(doc[pivot + 1] != doc[pivot], pivot + 1, second)
    in_pivot_doc = doc[at] == doc[pivot]
    a = np.where(in_pivot_doc, at, pivot)
    b = np.where(in_pivot_doc, other, at)
    return doc[a], pos[a], doc[b], pos[b]
