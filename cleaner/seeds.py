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

Windows are compared exactly (no hashing): equal windows are found by ranking pairs of shorter
equal windows, doubling the width, so the cost is a few sorts of the group's word positions.

>>> links = seed_links([[1, 2, 3, 4], [9, 2, 3, 4, 2, 3]], 2)
>>> list(zip(*(column.tolist() for column in links)))
[(0, 1, 1, 1), (0, 1, 1, 4), (0, 2, 1, 2)]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

POSTINGS_PER_DOCUMENT = 2
"""Places of one window linked per document."""

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


def seed_links(sequences: Sequence[Sequence[int]], size: int) -> Links:
    """The links of the windows of ``size`` word ids shared by 2+ of ``sequences``.

    Word ids are non-negative integers below 2**31.
    """
    empty = np.zeros(0, dtype=np.int64)
    lengths = np.array([len(seq) for seq in sequences], dtype=np.int64)
    total = int(lengths.sum())
    if total < size:
        return empty, empty, empty, empty
    ids = np.fromiter((w for seq in sequences for w in seq), dtype=np.int64, count=total)
    doc = np.repeat(np.arange(len(sequences), dtype=np.int64), lengths)
    pos = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    classes = window_classes(ids, size)
    places = np.flatnonzero(pos[: len(classes)] <= lengths[doc[: len(classes)]] - size)
    _, first, inverse, counts = np.unique(
        classes[places], return_index=True, return_inverse=True, return_counts=True
    )
    shared = np.flatnonzero(counts[inverse] >= 2)
    label = first[inverse[shared]]  # the window's first place: orders windows as wanted
    order = np.argsort(label, kind="stable")
    label, at = label[order], places[shared[order]]
    doc, pos = doc[at], pos[at]
    doc_label = label * len(sequences) + doc
    extra = np.zeros(len(label), dtype=bool)
    extra[POSTINGS_PER_DOCUMENT:] = (
        doc_label[POSTINGS_PER_DOCUMENT:] == doc_label[:-POSTINGS_PER_DOCUMENT]
    )
    label, doc, pos = label[~extra], doc[~extra], pos[~extra]
    return _link(label, doc, pos)


def _link(label: IntArray, doc: IntArray, pos: IntArray) -> Links:
    """Links of postings sorted by window (``label``), then document and position."""
    n = len(label)
    if not n:
        return label, label, label, label
    head = np.ones(n, dtype=bool)
    head[1:] = label[1:] != label[:-1]
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
