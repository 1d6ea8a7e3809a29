"""Alignment and span mapping against plain word-by-word versions of the same rules."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.align import Block, align_from_seed, edit_plan, edit_steps
from cleaner.spans import map_span, same_place


def reference_run(a: list[int], b: list[int], i: int, j: int, step: int, cap: int) -> int:
    """Words matching from ``a[i]``, ``b[j]`` on, one at a time (``step`` 1 or -1)."""
    n = 0
    while n < cap and 0 <= i + step * n < len(a) and 0 <= j + step * n < len(b):
        if a[i + step * n] != b[j + step * n]:
            break
        n += 1
    return n


def reference_align(a: list[int], b: list[int], i: int, j: int, max_edit: int) -> list[Block]:
    """The alignment rules of :func:`align_from_seed`, spelled out word by word."""
    steps = edit_steps(max_edit)
    cap = 2 * max_edit + 2

    def best(x: int, y: int, step: int) -> tuple[int, int] | None:
        found, longest = None, 0
        for skip_a, skip_b in steps:
            run = reference_run(a, b, x + step * skip_a, y + step * skip_b, step, cap)
            if run >= max(skip_a, skip_b) and run > longest:
                found, longest = (skip_a, skip_b), run
        return found

    before = reference_run(a, b, i, j, -1, len(a))
    after = reference_run(a, b, i, j, 1, len(a))
    blocks = [Block(i - before + 1, j - before + 1, before + after - 1)]
    while skip := best(blocks[-1].a + blocks[-1].size, blocks[-1].b + blocks[-1].size, 1):
        x, y = blocks[-1].a + blocks[-1].size + skip[0], blocks[-1].b + blocks[-1].size + skip[1]
        blocks.append(Block(x, y, reference_run(a, b, x, y, 1, len(a))))
    while skip := best(blocks[0].a - 1, blocks[0].b - 1, -1):
        x, y = blocks[0].a - 1 - skip[0], blocks[0].b - 1 - skip[1]
        run = reference_run(a, b, x, y, -1, len(a))
        blocks.insert(0, Block(x - run + 1, y - run + 1, run))
    return blocks


def near_copy(data: st.DataObject, a: list[int]) -> list[int]:
    """``a`` with a few words changed, dropped or added, and a cut at the start."""
    b = []
    for word in a:
        roll = data.draw(st.integers(0, 9))
        if roll == 0:
            continue
        b.append(word if roll > 1 else data.draw(st.integers(0, 5)))
        if roll == 9:
            b.append(data.draw(st.integers(0, 5)))
    return b[data.draw(st.integers(0, 3)) :]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=1, max_size=80), st.integers(0, 4), st.data())
def test_alignment_is_that_of_the_word_by_word_rules(
    a: list[int], max_edit: int, data: st.DataObject
) -> None:
    b = near_copy(data, a) if data.draw(st.booleans()) else data.draw(st.lists(st.integers(0, 3)))
    seeds = [(i, j) for i in range(len(a)) for j in range(len(b)) if a[i] == b[j]]
    if not seeds:
        return
    i, j = data.draw(st.sampled_from(seeds))
    expected = reference_align(a, b, i, j, max_edit)
    assert align_from_seed(a, b, i, j, max_edit) == expected
    assert align_from_seed(a, b, i, j, max_edit, edits=edit_plan(max_edit)) == expected


def test_long_runs_are_measured_whole() -> None:
    a = [*range(100), 7, 7, *range(100, 150)]
    b = [9, *range(100), 8, *range(100, 150)]
    assert align_from_seed(a, b, 50, 51, 2) == [Block(0, 1, 100), Block(102, 102, 50)]


def reference_map(blocks: list[Block], first: int, end: int) -> tuple[int, int, int] | None:
    """:func:`map_span` as first written."""
    starts = [block.a for block in blocks]
    k = max(0, bisect_right(starts, first) - 1)
    if blocks[k].a + blocks[k].size <= first:
        k += 1
    m = bisect_right(starts, end - 1) - 1
    if k >= len(blocks) or m < k:
        return None
    lo = blocks[k].b + max(0, first - blocks[k].a)
    hi = blocks[m].b + min(blocks[m].size, end - blocks[m].a)
    matched = sum(min(end, blk.a + blk.size) - max(first, blk.a) for blk in blocks[k : m + 1])
    return (lo, hi, matched) if lo < hi else None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(1, 8)), min_size=1),
    st.integers(0, 60),
    st.integers(1, 30),
)
def test_span_mapping_and_places(
    shape: list[tuple[int, int, int]], first: int, length: int
) -> None:
    blocks, a, b = [], 0, 0
    for gap_a, gap_b, size in shape:
        a, b = a + gap_a, b + gap_b
        blocks.append(Block(a, b, size))
        a, b = a + size, b + size
    assert map_span(blocks, first, first + length) == reference_map(blocks, first, first + length)
    x, y = (0, first, first + length), (0, a // 2, a // 2 + shape[0][2])
    overlap = min(x[2], y[2]) - max(x[1], y[1])
    nested = (x[1] <= y[1] and y[2] <= x[2]) or (y[1] <= x[1] and x[2] <= y[2])
    sizes = sorted((x[2] - x[1], y[2] - y[1]))
    expected = overlap > 0 and (2 * overlap >= sizes[1] or (not nested and 2 * overlap >= sizes[0]))
    assert same_place(x, y) is expected
