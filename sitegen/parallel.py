"""Work spread over the machine's cores, where it is safe.

Worker processes are forked (they start at once and share the parent's memory), which is
only safe while the parent runs a single thread: a preview server builds in a thread among
others, so there the work runs in-process instead.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor


def cores() -> int:
    return os.cpu_count() or 1


def process_pool(most: int = 8) -> ProcessPoolExecutor | None:
    """A pool of forked workers, or None when working in-process is the safe (or only) way."""
    if cores() < 2 or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(max_workers=min(cores(), most), mp_context=multiprocessing.get_context("fork"))
