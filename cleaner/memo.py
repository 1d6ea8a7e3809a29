"""A bounded memo of a pure function, read at C speed.

Reading the words of many texts is mostly reading the same strings again ("the", "said,",
"Moscow."): a :class:`Memo` computes what a string gives once and then hands it back from a
dict, so ``map(memo.__getitem__, pieces)`` runs no Python code for a string seen before. It
holds at most ``limit`` entries and forgets them all when full, so it never grows without
bound; every value is ``function(key)``, so what a caller gets never depends on what was read
before (a memo, not state: the same output in any process, in any order).

>>> lengths = Memo(len, limit=2)
>>> list(map(lengths.__getitem__, ["ab", "abc", "ab", "abcd"]))
[2, 3, 2, 4]
>>> len(lengths)
1
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """``memo[key]`` is ``function(key)``, computed on first use and kept (``limit`` at most)."""

    __slots__ = ("function", "limit")

    def __init__(self, function: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key: K) -> V:
        """Compute a value not held yet (forgetting all others when the memo is full)."""
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value

    def __reduce__(self) -> tuple[Callable[..., Memo[K, V]], tuple[Callable[[K], V], int]]:
        """Pickled empty: a memo is only a faster way to call its function."""
        return type(self), (self.function, self.limit)
