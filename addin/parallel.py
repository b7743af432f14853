"""Reading and validating many workbooks on every core, results in the order of the files.

A coalition merges hundreds of workbooks, and reading and validating each is independent of the others,
so `upr merge` and `upr validate` hand files to worker processes and take the results back in order:
the output is the same as one process gives, only sooner. Workers are forked, so they start with the
modules already imported and cost no start-up; where fork is not the platform's safe default (Windows,
macOS) or the caller is a long-lived host (an Excel button, the add-in server), everything runs in the
calling process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files forking workers costs more than it saves.
MIN_FILES_FOR_WORKERS = 4

# Allocations between two runs of the cycle collector's youngest generation during a batch (CPython: 700).
BATCH_GC_THRESHOLD = 10_000


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:   # not Linux
        return os.cpu_count() or 1


def default_jobs() -> int:
    """Every core where workers can be forked safely (Linux), else 1."""
    return available_cores() if sys.platform.startswith("linux") else 1


def map_in_order(function: Callable[[Item], Result], items: Iterable[Item], jobs: int = 1) -> Iterator[Result]:
    """function(item) for each item, yielded in the items' order, over `jobs` forked processes.

    function must be a module-level function (or a functools.partial of one) and its results picklable.
    An exception raised in a worker is raised here, at its item, as in one process.
    """
    items = list(items)
    jobs = min(jobs, len(items))
    with fewer_collections():
        if jobs <= 1 or len(items) < MIN_FILES_FOR_WORKERS or "fork" not in multiprocessing.get_all_start_methods():
            for item in items:
                yield function(item)
            return
        # Workers live for the whole run: forked now, while this process is small. A worker forked later
        # would start with a copy of everything gathered so far. They inherit fewer_collections.
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            yield from pool.imap(function, items, chunksize=1)


_batches_running = 0
_thresholds_before: tuple[int, ...] = ()
_batches_lock = threading.Lock()


@contextmanager
def fewer_collections():
    """The cycle collector runs less often while a batch runs; the thresholds are restored after.

    A workbook's cells, rows and findings are freed by reference counting, yet each allocation counts
    towards the collector's next run: at CPython's default it ran 14 times per workbook, and each full
    run walked every finding gathered so far (6 to 9 % of validate's and merge's CPU). Garbage in reference cycles
    is still collected, later. A host's own higher threshold is kept. Batches may overlap (the add-in
    server runs requests on threads): the last one to end restores what was there before the first."""
    global _batches_running, _thresholds_before
    with _batches_lock:
        if _batches_running == 0:
            _thresholds_before = gc.get_threshold()
            gc.set_threshold(max(_thresholds_before[0], BATCH_GC_THRESHOLD), *_thresholds_before[1:])
        _batches_running += 1
    try:
        yield
    finally:
        with _batches_lock:
            _batches_running -= 1
            if _batches_running == 0:
                gc.set_threshold(*_thresholds_before)
