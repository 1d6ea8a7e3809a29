"""An ordered, chunked, memory-bounded map over a process pool.

Stages hand :func:`chunked_map` a module-level function that takes a list of items (plus fixed
arguments) and returns one result per item. Items are cut into chunks as they are read, at most
a few chunks per worker are in flight at once (so a stream of a million documents is never held
whole), and results come back in input order: a run with ``jobs=4`` gives exactly what a run
with ``jobs=1`` gives. With ``jobs=1`` (or a single chunk) everything runs in this process,
with no pool and no pickling. Workers start from a fork server (see ``_context``), so a script
that runs a stage with ``jobs > 1`` must guard its entry point with
``if __name__ == "__main__":``, as ``multiprocessing`` requires. They exit when the process
that started them dies, even by SIGKILL (see ``_exit_with_main``).

>>> list(chunked_map(_double, range(5), jobs=1, chunk_size=2))
[0, 2, 4, 6, 8]
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import islice
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK_SIZE = 256
"""Items per task: big enough that pickling and scheduling cost little, small enough that
every worker gets many tasks (and the progress bar moves)."""
IN_FLIGHT_PER_JOB = 3
"""Chunks queued per worker: keeps workers busy while bounding what waits in memory."""


def available_cores() -> int:
    """The cores this process may run on (the default of ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily.

    >>> list(chunks("abcde", 2))
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def chunked_map(
    func: Callable[..., list[R]],
    items: Iterable[Any],
    *args: Any,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
    done: Callable[[int], None] | None = None,
) -> Iterator[R]:
    """``func(chunk, *args)`` over consecutive chunks of ``items``; results flattened, in order.

    ``func`` and ``args`` must be picklable when ``jobs > 1`` (a module-level function and
    plain values); ``func`` must return one result per item. ``done(n)`` is called as each
    chunk of ``n`` items is finished (for a progress bar).
    """
    task = partial(_call, func, args)
    pending = chunks(items, chunk_size)
    if jobs <= 1:
        for chunk in pending:
            yield from _checked(task(chunk), len(chunk), done)
        return
    first = next(pending, None)
    if first is None:
        return
    second = next(pending, None)
    if second is None:  # one chunk: a pool would only add start-up time
        yield from _checked(task(first), len(first), done)
        return
    context = _context()
    lifeline, held = context.Pipe(duplex=False)  # see _exit_with_main
    with (
        held,
        lifeline,
        ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=_install,
            initargs=(task, lifeline),
        ) as pool,
    ):
        queue: deque[tuple[Future[list[R]], int]] = deque()
        for chunk in (first, second):
            queue.append((pool.submit(_run_installed, chunk), len(chunk)))
        limit = jobs * IN_FLIGHT_PER_JOB
        for chunk in pending:
            queue.append((pool.submit(_run_installed, chunk), len(chunk)))
            while len(queue) >= limit:
                future, size = queue.popleft()
                yield from _checked(future.result(), size, done)
        while queue:
            future, size = queue.popleft()
            yield from _checked(future.result(), size, done)


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
"""Signals the pool workers leave to the main process."""
PRELOAD = [
    "cleaner.pipeline",
    "cleaner.featured",
    "cleaner.passages",
    "cleaner.cluster",
    "cleaner.warm",
]
"""Modules the fork server imports once, so that each worker starts with them loaded (and
with what :mod:`cleaner.warm` loads)."""


def start_workers_early(jobs: int) -> None:
    """Start the fork server now when a run will use a pool (``jobs > 1``): it imports
    :data:`PRELOAD` (about a second) while this process goes on, e.g. listing the inputs,
    instead of when the first pool starts."""
    if jobs > 1:
        _context()


def _context() -> BaseContext:
    """How pool workers start: from a small fork server where there is one (Linux, macOS).

    Forked from this process instead, workers would start with its memory (the documents
    and features of a large run); each then copies the pages it writes to, for instance
    when Python reuses memory this process has freed, and a run of 100,000 documents held
    hundreds of MB more per worker. From the fork server they start small and cheaply, and
    get the task's fixed arguments once (see :func:`_install`).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context()
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    # The server and the workers it forks keep the signal mask it starts with. With Ctrl-C
    # and SIGTERM blocked, a signal sent to the whole process group is for this process
    # alone, which stops cleanly (cleaner.cli.interrupts) and shuts its pools down; the
    # server would otherwise print a KeyboardInterrupt while it imports PRELOAD.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    return context


ORPHANED_EXIT = 1
"""Exit status of a pool worker whose main process has gone (see :func:`_exit_with_main`)."""
WORKER_COLLECTOR_THRESHOLDS = (10_000, 20, 20)
"""``gc.set_threshold`` in pool workers (Python's default is 700, 10, 10)."""
_installed: list[Callable[[list[Any]], list[Any]]] = []
"""The task of this pool worker, set once when the worker starts (see :func:`_install`)."""


def _install(task: Callable[[list[Any]], list[Any]], lifeline: Connection) -> None:
    """Pool initializer: keep the task (function and fixed arguments) in this worker.

    The fixed arguments (a folder's template evidence, configs, memos) go to each worker
    once, instead of being pickled again with every chunk. The cycle collector is then told
    to leave alone what the worker holds from the start (modules, stoplists, the task) and
    to run less often: a worker makes many short-lived lists per document (words, lines),
    and scanning after every 700 of them cost about 5% of its time. A thread then waits for
    the ``lifeline`` to end (see :func:`_exit_with_main`).
    """
    _installed[:] = [task]
    threading.Thread(target=_exit_with_main, args=(lifeline,), daemon=True).start()
    gc.freeze()
    gc.set_threshold(*WORKER_COLLECTOR_THRESHOLDS)


def _exit_with_main(lifeline: Connection) -> None:
    """Exit this worker as soon as the process that started its pool has gone.

    ``lifeline`` is the read end of a pipe whose write end only that process holds, and on
    which nothing is ever sent: it becomes readable (end of file) when that process closes
    it, once the pool's workers have stopped, or dies, even by SIGKILL. Without this, the
    workers of a killed run wait on their task queue for ever (each holds both ends of it),
    and the fork server and resource tracker, which wait for the workers, stay with them. (A
    parent-death signal would not do: a worker's parent is the fork server, which outlives
    the process the worker works for.)
    The waiting thread sleeps in the kernel: no cost per chunk or document.
    """
    lifeline.poll(None)
    os._exit(ORPHANED_EXIT)


def _run_installed(chunk: list[Any]) -> list[Any]:
    """Run this worker's task on one chunk."""
    return _installed[0](chunk)


def _call(func: Callable[..., list[R]], args: tuple[Any, ...], chunk: list[Any]) -> list[R]:
    """``func(chunk, *args)``: a task a pool can pickle when ``func`` and ``args`` are."""
    return func(chunk, *args)


def _checked(results: list[R], size: int, done: Callable[[int], None] | None) -> Iterator[R]:
    """The results of one chunk, after checking there is one per item."""
    if len(results) != size:
        raise RuntimeError(f"a chunk of {size} items gave {len(results)} results")
    if done is not None:
        done(size)
    return iter(results)


def _double(chunk: list[int]) -> list[int]:
    """Example task (used by the doctest)."""
    return [2 * x for x in chunk]
