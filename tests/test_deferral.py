"""A signal that arrives inside a deferring section is raised when the section ends."""

from __future__ import annotations

import signal
from types import FrameType

import pytest

from cleaner.deferral import defer, deferring, pending


def test_a_signal_inside_a_section_waits_for_its_end() -> None:
    seen: list[str] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        if defer(signum):
            seen.append("deferred")
            return
        seen.append("handled")
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGUSR1, handler)
    try:
        with pytest.raises(KeyboardInterrupt), deferring():
            signal.raise_signal(signal.SIGUSR1)
            seen.append("section went on")
            assert pending() == signal.SIGUSR1
        assert seen == ["deferred", "section went on", "handled"]
        assert pending() is None
    finally:
        signal.signal(signal.SIGUSR1, previous)
