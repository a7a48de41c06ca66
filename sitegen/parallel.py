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
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

PARENT_POLL = 0.5          # seconds between a worker's looks at whether its parent is still there


def cores() -> int:
    return os.cpu_count() or 1


def die_with_parent(parent: int) -> None:
    """Make this (child) process end when ``parent`` does (a worker's initializer)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)   # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:         # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="sitegen-parent-watch", daemon=True).start()


def can_fork() -> bool:
    """Whether work may go to forked processes: two cores or more, and one thread here."""
    return cores() >= 2 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def process_pool(most: int = 8) -> ProcessPoolExecutor | None:
    """A pool of forked workers, or None when working in-process is the safe (or only) way."""
    if not can_fork():
        return None
    return ProcessPoolExecutor(max_workers=min(cores(), most), mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
