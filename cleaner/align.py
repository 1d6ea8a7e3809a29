"""Grow a matching seed between two word sequences into a near-verbatim alignment.

An alignment is a list of exact blocks in order; consecutive blocks are separated by a small
edit: up to ``max_edit`` words skipped on either side (a substitution, insertion or deletion).
Extension is greedy and local, so its cost is proportional to the length of the alignment.

>>> a = "the threat posed by north korea and helping bring peace".split()
>>> b = "a the threat posed by south korea and helping bring peace".split()
>>> align_from_seed(a, b, 0, 1, max_edit=2)
[Block(a=0, b=1, size=4), Block(a=5, b=6, size=5)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Block(NamedTuple):
    """``a[a : a + size] == b[b : b + size]``."""

    a: int
    b: int
    size: int


def edit_steps(max_edit: int) -> list[tuple[int, int]]:
    """Word skips ``(in a, in b)`` to try after a mismatch, smallest edit first.

    >>> edit_steps(1)
    [(1, 1), (0, 1), (1, 0)]
    """
    steps = [(x, y) for x in range(max_edit + 1) for y in range(max_edit + 1) if x or y]
    return sorted(steps, key=lambda s: (max(s), -min(s), s))


def _run_forward(a: Sequence[int], b: Sequence[int], i: int, j: int, cap: int) -> int:
    """Length (at most ``cap``) of the exact match starting at ``a[i]``, ``b[j]``."""
    n = 0
    while n < cap and i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
        n += 1
    return n


def _run_backward(a: Sequence[int], b: Sequence[int], i: int, j: int, cap: int) -> int:
    """Length (at most ``cap``) of the exact match ending at ``a[i]``, ``b[j]`` (inclusive)."""
    n = 0
    while n < cap and i - n >= 0 and j - n >= 0 and a[i - n] == b[j - n]:
        n += 1
    return n


def _best_step(
    a: Sequence[int], b: Sequence[int], i: int, j: int, steps: list[tuple[int, int]], forward: bool
) -> tuple[int, int] | None:
    """The skip after which the longest exact run follows, if it is at least as long as the skip.

    ``i``, ``j`` are the first positions past the current block (before it, going backward).
    Runs are compared up to a small cap; ties go to the smaller edit.
    """
    cap = 2 * max((max(s) for s in steps), default=0) + 2
    best, best_run = None, 0
    for skip_a, skip_b in steps:
        if forward:
            run = _run_forward(a, b, i + skip_a, j + skip_b, cap)
        else:
            run = _run_backward(a, b, i - skip_a, j - skip_b, cap)
        if run >= max(skip_a, skip_b) and run > best_run:
            best, best_run = (skip_a, skip_b), run
    return best


def align_from_seed(
    a: Sequence[int], b: Sequence[int], i: int, j: int, max_edit: int
) -> list[Block]:
    """The alignment of ``a`` and ``b`` grown from the match ``a[i] == b[j]``.

    The seed block is extended to a maximal exact match, then across edits of at most
    ``max_edit`` words on each side as long as an exact run at least as long as the edit follows.
    """
    if not (0 <= i < len(a) and 0 <= j < len(b) and a[i] == b[j]):
        raise ValueError("the seed must be a match: a[i] == b[j]")
    start = _run_backward(a, b, i, j, len(a))
    size = _run_forward(a, b, i, j, len(a))
    blocks = [Block(i - start + 1, j - start + 1, start + size - 1)]
    steps = edit_steps(max_edit)
    while True:  # rightward
        last = blocks[-1]
        ea, eb = last.a + last.size, last.b + last.size
        step = _best_step(a, b, ea, eb, steps, forward=True)
        if step is None:
            break
        na, nb = ea + step[0], eb + step[1]
        blocks.append(Block(na, nb, _run_forward(a, b, na, nb, len(a))))
    while True:  # leftward
        first = blocks[0]
        step = _best_step(a, b, first.a - 1, first.b - 1, steps, forward=False)
        if step is None:
            break
        ea, eb = first.a - 1 - step[0], first.b - 1 - step[1]
        run = _run_backward(a, b, ea, eb, len(a))
        blocks.insert(0, Block(ea - run + 1, eb - run + 1, run))
    return blocks
