"""Stopping a command cleanly on SIGINT (Ctrl-C) or SIGTERM.

While a command runs, either signal raises :class:`Interrupted` where the program is, so the
``finally`` and ``except BaseException`` blocks on the way out run: an output being written
(:func:`cleaner.outputs.atomic_writer`) loses its temporary file and the target is left as it
was; outputs already renamed into place are complete. The command then exits with the
conventional status, 128 + the signal number (130 for SIGINT, 143 for SIGTERM), after one
line on stderr. A second signal during that clean-up takes the default action.
"""

from __future__ import annotations

import functools
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import ParamSpec, TypeVar

import typer

from cleaner.deferral import defer

HANDLED = (signal.SIGINT, signal.SIGTERM)

P = ParamSpec("P")
R = TypeVar("R")


class Interrupted(BaseException):
    """A signal asked the run to stop (a BaseException, like KeyboardInterrupt, so that
    ``except Exception`` blocks do not swallow it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as a shell reports a process the signal ended."""
        return 128 + self.signum


def _raise(signum: int, frame: FrameType | None) -> None:
    if defer(signum):  # inside a section that must finish first (cleaner.deferral)
        return
    for handled in HANDLED:  # a second signal during the clean-up ends the process at once
        signal.signal(handled, signal.SIG_DFL)
    raise Interrupted(signum)


def exits_on_signals(command: Callable[P, R]) -> Callable[P, R]:
    """Decorate a typer command: SIGINT and SIGTERM end it cleanly with status 130 or 143."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if threading.current_thread() is not threading.main_thread():
            return command(*args, **kwargs)  # only the main thread may set signal handlers
        previous = {signum: signal.getsignal(signum) for signum in HANDLED}
        for signum in HANDLED:
            signal.signal(signum, _raise)
        try:
            return command(*args, **kwargs)
        except Interrupted as stop:
            typer.echo(
                f"cleaner: interrupted by {stop}: outputs already written are complete, "
                "none is partial (rerun to finish; cleaner clean --resume skips those done)",
                err=True,
            )
            raise typer.Exit(stop.exit_code) from None
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    return run
