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

CHUNK = 16
"""Words compared at once while measuring a long exact run."""
Step = tuple[int, int, int]
"""A skip ``(in a, in b, the larger of the two)``; a chosen one ``(in a, in b, run after it)``."""


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


class Edits(NamedTuple):
    """The skips to try after a mismatch as :data:`Step` (smallest edit first), and how many
    words of the run after a skip are compared to choose one."""

    steps: tuple[Step, ...]
    cap: int


def edit_plan(max_edit: int) -> Edits:
    """The :class:`Edits` of ``max_edit``.

    >>> edit_plan(1)
    Edits(steps=((1, 1, 1), (0, 1, 1), (1, 0, 1)), cap=4)
    """
    steps = tuple((x, y, max(x, y)) for x, y in edit_steps(max_edit))
    return Edits(steps, 2 * max((skip for _, _, skip in steps), default=0) + 2)


def _run_forward(a: Sequence[int], b: Sequence[int], i: int, j: int) -> int:
    """Length of the exact match starting at ``a[i]``, ``b[j]`` (``i``, ``j`` >= 0).

    Compares slices of ``CHUNK`` words first, so a long run costs a few comparisons done in C
    rather than one Python step per word.
    """
    limit = min(len(a) - i, len(b) - j)
    if limit <= 0 or a[i] != b[j]:
        return 0
    n = 1
    while n + CHUNK <= limit and a[i + n : i + n + CHUNK] == b[j + n : j + n + CHUNK]:
        n += CHUNK
    while n < limit and a[i + n] == b[j + n]:
        n += 1
    return n


def _run_backward(a: Sequence[int], b: Sequence[int], i: int, j: int) -> int:
    """Length of the exact match ending at ``a[i]``, ``b[j]`` (inclusive; 0 when either is < 0)."""
    limit = min(i, j) + 1
    if limit <= 0 or a[i] != b[j]:
        return 0
    n = 1
    while (
        n + CHUNK <= limit and a[i - n - CHUNK + 1 : i - n + 1] == b[j - n - CHUNK + 1 : j - n + 1]
    ):
        n += CHUNK
    while n < limit and a[i - n] == b[j - n]:
        n += 1
    return n


def _best_step_forward(
    a: Sequence[int], b: Sequence[int], i: int, j: int, steps: Sequence[Step], cap: int
) -> Step | None:
    """The skip after which the longest exact run follows, if it is at least as long as the skip,
    as ``(in a, in b, run)``.

    ``i``, ``j`` are the first positions past the current block. Runs are compared up to
    ``cap`` words (a run of ``cap`` may go on); ties go to the smaller edit (the earlier step).
    """
    best, best_run = None, 0
    len_a, len_b = len(a), len(b)
    for skip_a, skip_b, skip in steps:
        x, y = i + skip_a, j + skip_b
        if x >= len_a or y >= len_b or a[x] != b[y]:
            continue
        limit = min(cap, len_a - x, len_b - y)
        run = 1
        while run < limit and a[x + run] == b[y + run]:
            run += 1
        if run >= skip and run > best_run:
            best, best_run = (skip_a, skip_b, run), run
            if run == cap:
                break  # no later step can be followed by a longer run
    return best


def _best_step_backward(
    a: Sequence[int], b: Sequence[int], i: int, j: int, steps: Sequence[Step], cap: int
) -> Step | None:
    """:func:`_best_step_forward` going backward: ``i``, ``j`` are the positions before the
    current block, runs end at the skipped positions."""
    best, best_run = None, 0
    for skip_a, skip_b, skip in steps:
        x, y = i - skip_a, j - skip_b
        if x < 0 or y < 0 or a[x] != b[y]:
            continue
        limit = min(cap, x + 1, y + 1)
        run = 1
        while run < limit and a[x - run] == b[y - run]:
            run += 1
        if run >= skip and run > best_run:
            best, best_run = (skip_a, skip_b, run), run
            if run == cap:
                break
    return best


def align_from_seed(
    a: Sequence[int],
    b: Sequence[int],
    i: int,
    j: int,
    max_edit: int,
    *,
    edits: Edits | None = None,
) -> list[Block]:
    """The alignment of ``a`` and ``b`` grown from the match ``a[i] == b[j]``.

    The seed block is extended to a maximal exact match, then across edits of at most
    ``max_edit`` words on each side as long as an exact run at least as long as the edit follows.
    ``edits`` are ``edit_plan(max_edit)``, when the caller has them at hand.
    """
    if not (0 <= i < len(a) and 0 <= j < len(b) and a[i] == b[j]):
        raise ValueError("the seed must be a match: a[i] == b[j]")
    steps, cap = edits or edit_plan(max_edit)
    before = _run_backward(a, b, i, j)
    after = _run_forward(a, b, i, j)
    blocks = [Block(i - before + 1, j - before + 1, before + after - 1)]
    end_a, end_b = i + after, j + after
    while (step := _best_step_forward(a, b, end_a, end_b, steps, cap)) is not None:
        start_a, start_b, run = end_a + step[0], end_b + step[1], step[2]
        if run == cap:  # the run was cut at the cap: measure all of it
            run += _run_forward(a, b, start_a + run, start_b + run)
        blocks.append(Block(start_a, start_b, run))
        end_a, end_b = start_a + run, start_b + run
    leftward = []
    last_a, last_b = i - before, j - before  # the positions before the first block
    while (step := _best_step_backward(a, b, last_a, last_b, steps, cap)) is not None:
        end_a, end_b, run = last_a - step[0], last_b - step[1], step[2]
        if run == cap:
            run += _run_backward(a, b, end_a - run, end_b - run)
        leftward.append(Block(end_a - run + 1, end_b - run + 1, run))
        last_a, last_b = end_a - run, end_b - run
    return leftward[::-1] + blocks if leftward else blocks
