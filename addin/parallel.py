"""Reading and validating many workbooks on every core, results in the order of the files.

A coalition merges hundreds of workbooks, and reading and validating each is independent of the others,
so `upr merge` and `upr validate` hand files to worker processes and take the results back in order:
the output is the same as one process gives, only sooner. Workers are forked, so they start with the
modules already imported and cost no start-up; where fork is not the platform's safe default (Windows,
macOS) or the caller is a long-lived host (an Excel button, the add-in server), everything runs in the
calling process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files forking workers costs more than it saves.
MIN_FILES_FOR_WORKERS = 4


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
    if jobs <= 1 or len(items) < MIN_FILES_FOR_WORKERS or "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            yield function(item)
        return
    # Workers live for the whole run: forked now, while this process is small. A worker forked later
    # would start with a copy of everything gathered so far.
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(function, items, chunksize=1)
