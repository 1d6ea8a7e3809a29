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
    overlap = min(x[2], y[2]) - max(x[1], y[1])
    if overlap <= 0:
        return False
    longer, shorter = sorted((x[2] - x[1], y[2] - y[1]), reverse=True)
    nested = (x[1] <= y[1] and y[2] <= x[2]) or (y[1] <= x[1] and x[2] <= y[2])
    return 2 * overlap >= longer or (not nested and 2 * overlap >= shorter)


def map_span(blocks: Sequence[Block], first: int, end: int) -> tuple[int, int, int] | None:
    """The span of side b aligned with words ``first..end`` of side a, and the matching words.

    Returns ``(first, end, matched)`` in b, or None when no block falls inside the span; words
    of ``a`` in a gap between blocks map to the nearest block inside the span.

    >>> map_span([Block(0, 10, 5), Block(6, 16, 5)], 2, 8)
    (12, 18, 5)
    """
    starts = [block.a for block in blocks]
    k = max(0, bisect_right(starts, first) - 1)
    if blocks[k].a + blocks[k].size <= first:
        k += 1  # ``first`` is in the gap after block k
    m = bisect_right(starts, end - 1) - 1
    if k >= len(blocks) or m < k:
        return None
    lo = blocks[k].b + max(0, first - blocks[k].a)
    hi = blocks[m].b + min(blocks[m].size, end - blocks[m].a)
    matched = sum(
        min(end, block.a + block.size) - max(first, block.a) for block in blocks[k : m + 1]
    )
    return (lo, hi, matched) if lo < hi else None


class _Slots:
    """Occurrence slots of each document, joined into passages by a union-find."""

    def __init__(self) -> None:
        self.spans: list[Span] = []  # slot -> its extent (the union of the spans placed on it)
        self.by_doc: dict[int, list[int]] = {}
        self.parent: list[int] = []
        self.alignments: list[list[tuple[int, bool]]] = []  # slot -> (alignment, side a?)

    def place(self, span: Span) -> tuple[int, bool]:
        """The slot ``span`` stands on (widened to cover it), and whether it is new."""
        doc = span[0]
        for slot in self.by_doc.setdefault(doc, []):
            current = self.spans[slot]
            if same_place(current, span):
                self.spans[slot] = (doc, min(current[1], span[1]), max(current[2], span[2]))
                return slot, False
        slot = len(self.spans)
        self.spans.append(span)
        self.by_doc[doc].append(slot)
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
        span = self.spans[slot]
        return [
            other
            for other in self.by_doc[span[0]]
            if other != slot
            and self.spans[other][1] <= span[1]
            and span[2] <= self.spans[other][2]
            and not same_place(self.spans[other], span)
        ]


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
        slot_a, new_a = slots.place((doc_a, head.a, tail.a + tail.size))
        slot_b, new_b = slots.place((doc_b, head.b, tail.b + tail.size))
        slots.union(slot_a, slot_b)
        slots.alignments[slot_a].append((n, True))
        slots.alignments[slot_b].append((n, False))
        todo += [s for s, new in ((slot_a, new_a), (slot_b, new_b)) if new]
    done: set[tuple[int, int]] = set()
    while todo:
        slot = todo.pop()
        for container in slots.containers(slot):
            for n, is_a in slots.alignments[container]:
                if (slot, n) in done:
                    continue
                done.add((slot, n))
                doc_a, doc_b, blocks = alignments[n]
                if not is_a:
                    blocks = [Block(b.b, b.a, b.size) for b in blocks]
                _, first, end = slots.spans[slot]
                mapped = map_span(blocks, first, end)
                if mapped is None or mapped[2] < min_words:
                    continue
                target, new = slots.place((doc_b if is_a else doc_a, mapped[0], mapped[1]))
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
