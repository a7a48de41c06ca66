"""Work spread over the machine's cores, where it is safe.

Worker processes are forked (they start at once and share the parent's memory), which is
only safe while the parent runs a single thread: a preview server builds in a thread among
others, so there the work runs in-process instead.

A worker ends with the process that forked it, however that ends (kill -9 included): on
Linux the kernel kills it (PR_SET_PDEATHSIG); everywhere it also watches its parent's pid.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

PARENT_POLL = 0.5          # seconds between a worker's looks at whether its parent is still there


def cores() -> int:
    return os.cpu_count() or 1


def die_with_parent(parent: int, watch: bool = True) -> None:
    """Make this (child) process end when ``parent`` does (a worker's initializer). With
    ``watch`` False and a kernel that does it, no thread watches the parent, so that this
    process may fork workers of its own (``can_fork`` asks for a single thread)."""
    killed_by_kernel = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            killed_by_kernel = ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0) == 0   # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:         # the parent died before the line above
        os._exit(1)
    if killed_by_kernel and not watch:
        return

    def watching() -> None:
        while True:
            time.sleep(PARENT_POLL)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watching, name="sitegen-parent-watch", daemon=True).start()


def can_fork() -> bool:
    """Whether work may go to forked processes: two cores or more, and one thread here."""
    return cores() >= 2 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def process_pool(most: int = 8) -> ProcessPoolExecutor | None:
    """A pool of forked workers, or None when working in-process is the safe (or only) way."""
    if not can_fork():
        return None
    return ProcessPoolExecutor(max_workers=min(cores(), most), mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))


_SPREAD: tuple = (None, [])       # (work, items), read by forked workers: only spans are sent to them


def _spread_span(span: tuple[int, int]) -> list:
    work, items = _SPREAD
    return [work(item) for item in items[span[0]:span[1]]]


def spread(work, items: list, least: int) -> list:
    """``[work(item) for item in items]``, on every core when there are ``least`` items or
    more and forking is safe. The workers are forked with ``work`` and ``items`` in their
    memory, so neither is pickled; only the results come back."""
    global _SPREAD
    pool = process_pool() if len(items) >= least else None
    if pool is None:
        return [work(item) for item in items]
    step = max(100, len(items) // (8 * cores()))
    _SPREAD = (work, items)
    try:
        with pool:
            return [got for part in pool.map(_spread_span, [(i, i + step) for i in range(0, len(items), step)])
                    for got in part]
    finally:
        _SPREAD = (None, [])


class Beside:
    """``work()`` run in a forked process of its own while this one goes on with something
    else (a daily update's search beside its pages: a core would otherwise sit idle);
    ``result()`` waits for what it returned, or raises what it raised. Where forking is not
    safe, ``work`` runs in-process when its result is asked for. What it returns goes back
    pickled, and what it changed in its own memory stays there: it must hand back all that
    counts."""

    def __init__(self, work, what: str = "the work"):
        self._work, self._what = work, what
        self._child: tuple[int, int] | None = None
        if not can_fork():
            return
        parent = os.getpid()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(read)
                die_with_parent(parent, watch=False)
                try:
                    answer = (True, work())
                except BaseException as exc:      # handed to the parent, which raises it
                    answer = (False, exc)
                try:
                    data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
                except Exception as exc:          # what could not be pickled, said in words
                    data = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
                with os.fdopen(write, "wb") as fh:
                    fh.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._child = (pid, read)

    def result(self):
        if self._child is None:
            return self._work()
        pid, read = self._child
        self._child = None
        with os.fdopen(read, "rb") as fh:
            data = fh.read()
        _, status = os.waitpid(pid, 0)
        if not data:
            from sitegen.errors import SitegenError

            how = (f"killed by signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
                   else f"exit status {os.WEXITSTATUS(status)}")
            raise SitegenError(f"{self._what} stopped in its own process without an answer ({how})")
        ok, value = pickle.loads(data)
        if not ok:
            raise value
        return value

    def __enter__(self) -> "Beside":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the work if it is still under way (what asked for it failed)."""
        if self._child is None:
            return
        pid, read = self._child
        self._child = None
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(read)
        os.waitpid(pid, 0)
