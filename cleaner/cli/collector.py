"""Python's cycle collector, paused while ``cleaner cluster`` holds a large corpus.

A run of 100,000 documents holds millions of long-lived container objects (each document's
summary and metadata, its features, the clustering's vectors). The cycle collector scans
all of them again each time enough new objects have been made since its last full pass:
at 100,000 documents that was about 10 s of CPU in the main process (of about 90 s in all),
for nothing, as what the pipeline builds and drops has no reference cycles to free.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cycle collector off; on the way out it is on again if it was
    on before (reference counting frees memory as usual meanwhile).

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
