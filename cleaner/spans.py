"""Group aligned spans into passages: linked spans, and spans standing at the same place.

A span is ``(doc, first word, end word)``. The two spans of one alignment are one passage.
Spans overlapping in one document are the same occurrence (a "slot") when they stand at about
the same place: they overlap by at least half of the longer one, or, when neither contains the
other, by at least half of the shorter one. A short span nested in a much longer one (a
sentence quoted from an article that other documents copy whole) is a passage of its own, and
is carried through the alignments of the longer one into the other documents, so that the
sentence's passage lists every document it stands in.

Each document holds few slots however many spans land on them, so the work is proportional to
the alignments plus the occurrences reported, not to pairs of documents.

>>> group_alignments([(0, 1, [Block(0, 0, 10)]), (1, 2, [Block(2, 0, 10)])], 8)
[[(0, 0, 10), (1, 0, 12), (2, 0, 10)]]
>>> group_alignments([(0, 1, [Block(0, 0, 100)]), (1, 2, [Block(40, 0, 10)])], 8)
[[(0, 0, 100), (1, 0, 100)], [(0, 40, 50), (1, 40, 50), (2, 0, 10)]]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from cleaner.align import Block

Span = tuple[int, int, int]
"""``(document index, first word, end word)``."""
Aligned = tuple[int, int, Sequence[Block]]
"""An alignment ``(doc a, doc b, blocks)``."""


def same_place(x: Span, y: Span) -> bool:
    """Whether two spans of one document overlap enough to be one occurrence."""
    return _same_place(x[1], x[2], y[1], y[2])


def _same_place(x_first: int, x_end: int, y_first: int, y_end: int) -> bool:
    """:func:`same_place` on the bounds of the two spans."""
    overlap = (x_end if x_end < y_end else y_end) - (x_first if x_first > y_first else y_first)
    if overlap <= 0:
        return False
    x_size, y_size = x_end - x_first, y_end - y_first
    if 2 * overlap >= (x_size if x_size > y_size else y_size):
        return True
    nested = (x_first <= y_first and y_end <= x_end) or (y_first <= x_first and x_end <= y_end)
    return not nested and 2 * overlap >= (y_size if x_size > y_size else x_size)


def map_span(blocks: Sequence[Block], first: int, end: int) -> tuple[int, int, int] | None:
    """The span of side b aligned with words ``first..end`` of side a, and the matching words.

    Returns ``(first, end, matched)`` in b, or None when no block falls inside the span; words
    of ``a`` in a gap between blocks map to the nearest block inside the span.

    >>> map_span([Block(0, 10, 5), Block(6, 16, 5)], 2, 8)
    (12, 18, 5)
    """
    return _map_span(
        [block.a for block in blocks],
        [block.b for block in blocks],
        [block.size for block in blocks],
        first,
        end,
    )


def _map_span(
    starts: Sequence[int], targets: Sequence[int], sizes: Sequence[int], first: int, end: int
) -> tuple[int, int, int] | None:
    """:func:`map_span` on the blocks as parallel lists: where each starts on side a, where it
    starts on side b, its size."""
    k = bisect_right(starts, first) - 1
    if k < 0:
        k = 0
    if starts[k] + sizes[k] <= first:
        k += 1  # ``first`` is in the gap after block k
    m = bisect_right(starts, end - 1) - 1
    if k >= len(starts) or m < k:
        return None
    lo = targets[k] + (first - starts[k] if first > starts[k] else 0)
    tail = end - starts[m]
    hi = targets[m] + (sizes[m] if sizes[m] < tail else tail)
    if lo >= hi:
        return None
    matched = 0
    for x in range(k, m + 1):
        block_first, block_end = starts[x], starts[x] + sizes[x]
        matched += (end if end < block_end else block_end) - (
            first if first > block_first else block_first
        )
    return lo, hi, matched


class _Slots:
    """Occurrence slots of each document, joined into passages by a union-find."""

    def __init__(self) -> None:
        self.spans: list[Span] = []  # slot -> its extent (the union of the spans placed on it)
        self.by_doc: dict[int, list[int]] = {}
        self.parent: list[int] = []
        self.alignments: list[list[tuple[int, bool]]] = []  # slot -> (alignment, side a?)

    def place(self, doc: int, first: int, end: int) -> tuple[int, bool]:
        """The slot the span ``(doc, first, end)`` stands on (widened to cover it), and whether
        it is new."""
        spans = self.spans
        slots = self.by_doc.get(doc)
        if slots is None:
            slots = self.by_doc[doc] = []
        for slot in slots:
            _, slot_first, slot_end = spans[slot]
            if _same_place(slot_first, slot_end, first, end):
                spans[slot] = (
                    doc,
                    slot_first if slot_first < first else first,
                    slot_end if slot_end > end else end,
                )
                return slot, False
        slot = len(spans)
        spans.append((doc, first, end))
        slots.append(slot)
        self.parent.append(slot)
        self.alignments.append([])
        return slot, True

    def root(self, x: int) -> int:
        """The representative of ``x``'s passage."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        """Put slots ``x`` and ``y`` in one passage."""
        self.parent[self.root(x)] = self.root(y)

    def containers(self, slot: int) -> list[int]:
        """Slots of the same document that contain ``slot`` without standing at its place."""
        doc, first, end = self.spans[slot]
        found = []
        for other in self.by_doc[doc]:
            _, other_first, other_end = self.spans[other]
            if (
                other != slot
                and other_first <= first
                and end <= other_end
                and not _same_place(other_first, other_end, first, end)
            ):
                found.append(other)
        return found


def group_alignments(alignments: Sequence[Aligned], min_words: int) -> list[list[Span]]:
    """The occurrences (sorted spans) of each passage, passages in order of first occurrence.

    A slot nested in a longer one is mapped through each alignment of the longer one to the
    other document, and joined with the slot it lands on when at least ``min_words`` of its
    words match there; repeated until no new slot appears.
    """
    slots = _Slots()
    todo = []
    for n, (doc_a, doc_b, blocks) in enumerate(alignments):
        head, tail = blocks[0], blocks[-1]
        slot_a, new_a = slots.place(doc_a, head.a, tail.a + tail.size)
        slot_b, new_b = slots.place(doc_b, head.b, tail.b + tail.size)
        slots.union(slot_a, slot_b)
        slots.alignments[slot_a].append((n, True))
        slots.alignments[slot_b].append((n, False))
        if new_a:
            todo.append(slot_a)
        if new_b:
            todo.append(slot_b)
    done: set[int] = set()  # slot * len(alignments) + alignment: mapped already
    sides: dict[int, tuple[list[int], list[int], list[int]]] = {}  # alignment -> a, b, sizes
    while todo:
        slot = todo.pop()
        for container in slots.containers(slot):
            for n, is_a in slots.alignments[container]:
                key = slot * len(alignments) + n
                if key in done:
                    continue
                done.add(key)
                doc_a, doc_b, blocks = alignments[n]
                side = sides.get(n)
                if side is None:
                    side = sides[n] = (
                        [block.a for block in blocks],
                        [block.b for block in blocks],
                        [block.size for block in blocks],
                    )
                _, first, end = slots.spans[slot]
                if is_a:
                    mapped = _map_span(side[0], side[1], side[2], first, end)
                else:
                    mapped = _map_span(side[1], side[0], side[2], first, end)
                if mapped is None or mapped[2] < min_words:
                    continue
                target, new = slots.place(doc_b if is_a else doc_a, mapped[0], mapped[1])
                slots.union(slot, target)
                if new:
                    todo.append(target)
    members: dict[int, list[Span]] = {}
    for slot, span in enumerate(slots.spans):
        members.setdefault(slots.root(slot), []).append(span)
    return sorted(_merge_overlapping(group) for group in members.values())


def _merge_overlapping(spans: list[Span]) -> list[Span]:
    """Sorted spans, overlapping ones (same document) merged."""
    merged: list[Span] = []
    for doc, start, end in sorted(spans):
        if merged and merged[-1][0] == doc and start < merged[-1][2]:
            merged[-1] = (doc, merged[-1][1], max(merged[-1][2], end))
        else:
            merged.append((doc, start, end))
    return merged
