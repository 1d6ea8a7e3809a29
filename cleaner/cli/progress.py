"""Progress bars on stderr, one per stage, shown only on a terminal and never with --quiet.

>>> with progress_bars(enabled=False) as bars:
...     list(bars.sources(["a", "b"], "reading"))
['a', 'b']
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


class Bars:
    """Hands out progress callbacks; without a rich ``Progress`` they do nothing."""

    def __init__(self, progress: Any = None) -> None:
        self._progress = progress

    def sources(self, items: Sequence[T], label: str) -> Iterable[T]:
        """The items, advancing a bar named ``label`` as each is taken."""
        if self._progress is None:
            return items
        return self._progress.track(items, total=len(items), description=label)

    def stage(self, label: str, total: int) -> Callable[[int], None]:
        """A callback that advances a new bar named ``label`` by the items just finished."""
        if self._progress is None:
            return _ignore
        progress = self._progress
        task = progress.add_task(label, total=total)
        return lambda n: progress.advance(task, n)


def _ignore(n: int) -> None:
    """The callback of a hidden bar."""


@contextlib.contextmanager
def progress_bars(enabled: bool) -> Iterator[Bars]:
    """Bars on stderr while the block runs (cleared at the end), when ``enabled``."""
    if not enabled:
        yield Bars()
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        yield Bars(progress)
