"""Short sections of code that a signal handler must not break into.

A process-wide signal handler that raises (``cleaner.cli.interrupts``) can fire between any
two bytecodes of the main thread, even while the main thread blocks the signal: the kernel
then delivers it to another thread (a process pool's manager thread), and Python runs the
handler in the main thread at its next check. Masking alone cannot protect a section such
as "create a temporary file, then enter the ``try`` that removes it". The handler asks
:func:`defer` first: inside :func:`deferring` the signal is only recorded, and it is raised
again when the section ends.

This is process state by nature (signals are), kept to one small module.

>>> defer(15), pending()  # outside a section: the handler goes on
(False, None)
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

_state: dict[str, int] = {"depth": 0, "pending": 0}


@contextmanager
def deferring() -> Iterator[None]:
    """A section that signals asking to stop do not break into (see :func:`defer`); a
    signal that came during it is raised again as it ends."""
    _state["depth"] += 1
    try:
        yield
    finally:
        _state["depth"] -= 1
        signum = _state["pending"] if _state["depth"] == 0 else 0
        if signum:
            _state["pending"] = 0
            signal.raise_signal(signum)


def defer(signum: int) -> bool:
    """For a signal handler: True (and the signal kept for later) inside a deferring
    section, else False (handle it now)."""
    if _state["depth"]:
        _state["pending"] = _state["pending"] or signum
        return True
    return False


def pending() -> int | None:
    """The signal waiting for the end of the current section, if any."""
    return _state["pending"] or None
