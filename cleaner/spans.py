"""Group aligned spans into passages: linked spans, and spans standing at the same place.

A span is ``(doc, first word, end word)``. Two spans of one alignment are one passage. Two spans
overlapping in one document are the same passage when they stand at about the same place: they
overlap by at least half of the longer one, or, when neither contains the other, by at least
half of the shorter one. A short span nested in a much longer one (a sentence quoted from an
article that other documents copy whole) stays a passage of its own, and is carried through
the alignments of the longer span into the other documents (``project_nested``), so that the
sentence's passage lists every document it stands in.

>>> group_spans([(0, 0, 10), (1, 0, 10), (1, 2, 12), (2, 0, 10)], [(0, 1), (2, 3)])
[[(0, 0, 10), (1, 0, 12), (2, 0, 10)]]
>>> group_spans([(0, 0, 100), (1, 0, 100), (1, 40, 50), (2, 0, 10)], [(0, 1), (2, 3)])
[[(0, 0, 100), (1, 0, 100)], [(1, 40, 50), (2, 0, 10)]]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from cleaner.align import Block

Span = tuple[int, int, int]
"""``(document index, first word, end word)``."""


def same_place(x: Span, y: Span) -> bool:
    """Whether two spans of one document overlap enough to be one occurrence."""
    overlap = min(x[2], y[2]) - max(x[1], y[1])
    if overlap <= 0:
        return False
    longer, shorter = sorted((x[2] - x[1], y[2] - y[1]), reverse=True)
    nested = (x[1] <= y[1] and y[2] <= x[2]) or (y[1] <= x[1] and x[2] <= y[2])
    return 2 * overlap >= longer or (not nested and 2 * overlap >= shorter)


class _UnionFind:
    """Disjoint sets over ``0..n-1``."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, x: int) -> int:
        """The representative of ``x``'s set."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        """Join the sets of ``x`` and ``y``."""
        self.parent[self.root(x)] = self.root(y)


def merge_intervals(spans: Iterable[Span]) -> list[Span]:
    """Sorted spans with overlapping ones (same document) merged.

    >>> merge_intervals([(0, 5, 9), (0, 0, 6), (1, 0, 2)])
    [(0, 0, 9), (1, 0, 2)]
    """
    merged: list[Span] = []
    for doc, start, end in sorted(spans):
        if merged and merged[-1][0] == doc and start < merged[-1][2]:
            merged[-1] = (doc, merged[-1][1], max(merged[-1][2], end))
        else:
            merged.append((doc, start, end))
    return merged


def group_spans(spans: Sequence[Span], links: Iterable[tuple[int, int]]) -> list[list[Span]]:
    """Occurrences (merged spans, sorted) of each group of linked or same-place spans.

    ``links`` are pairs of indexes into ``spans`` known to be one passage. Groups come in order
    of their first occurrence.
    """
    sets = _UnionFind(len(spans))
    for x, y in links:
        sets.union(x, y)
    active: list[int] = []
    for k in sorted(range(len(spans)), key=lambda k: spans[k]):
        doc, start, _ = spans[k]
        active = [j for j in active if spans[j][0] == doc and spans[j][2] > start]
        for j in active:
            if same_place(spans[j], spans[k]):
                sets.union(j, k)
        active.append(k)
    members: dict[int, list[Span]] = {}
    for k, span in enumerate(spans):
        members.setdefault(sets.root(k), []).append(span)
    return sorted(merge_intervals(group) for group in members.values())


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


def project_nested(
    alignments: Sequence[tuple[int, int, Sequence[Block]]], min_words: int
) -> tuple[list[Span], list[tuple[int, int]]]:
    """Spans and links of the alignments ``(doc a, doc b, blocks)``, closed under projection.

    Every span lying inside (but not at the same place as) one side of an alignment is mapped
    through it to the other document, and linked to the mapped span when at least
    ``min_words`` of its words match there. Repeats until nothing
    new appears. Returns all spans and the links between them (indexes into the spans).
    """
    spans: list[Span] = []
    index: dict[Span, int] = {}
    links: list[tuple[int, int]] = []
    sides: dict[int, list[tuple[int, int, int, bool]]] = {}

    def add(span: Span) -> int:
        if span not in index:
            index[span] = len(spans)
            spans.append(span)
        return index[span]

    for n, (doc_a, doc_b, blocks) in enumerate(alignments):
        head, tail = blocks[0], blocks[-1]
        span_a = (doc_a, head.a, tail.a + tail.size)
        span_b = (doc_b, head.b, tail.b + tail.size)
        links.append((add(span_a), add(span_b)))
        sides.setdefault(doc_a, []).append((span_a[1], span_a[2], n, True))
        sides.setdefault(doc_b, []).append((span_b[1], span_b[2], n, False))
    todo = list(range(len(spans)))
    while todo:
        k = todo.pop()
        doc, first, end = spans[k]
        for start, stop, n, is_a in sides.get(doc, ()):
            if not (start <= first and end <= stop) or same_place((doc, start, stop), spans[k]):
                continue
            doc_a, doc_b, blocks = alignments[n]
            if is_a:
                mapped = map_span(blocks, first, end)
                other = doc_b
            else:
                flipped = [Block(b.b, b.a, b.size) for b in blocks]
                mapped = map_span(flipped, first, end)
                other = doc_a
            if mapped is None or mapped[2] < min_words:
                continue
            span = (other, mapped[0], mapped[1])
            fresh = span not in index
            links.append((k, add(span)))
            if fresh:
                todo.append(index[span])
    return spans, links
