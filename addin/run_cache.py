"""What a command works out the same way every run, kept in the user's cache folder for the next run.

A Validate click has 0.5 s from start to finish, and a fresh Python spends much of that rebuilding things
that only change with the Python or with UPR Matrix itself: compiled text patterns (addin/cached_re.py),
the message catalogues parsed from TOML, the SMART checker's index of pattern beginnings.

Each kind of thing is a `Store`: one file, keyed by the exact Python build and the package version, of
values marshal can write (numbers, strings, tuples, lists, sets, dicts). The cache is optional: a
missing, damaged or foreign file is ignored, a folder that cannot be written is skipped, and nothing is
ever read from it that the code could not rebuild.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

from . import __version__

__all__ = ["Store", "cache_folder"]

T = TypeVar("T")

# Past this many entries in a file, it is written again with this run's entries only (entries built
# around words of a workbook, such as an acronym looked for, must not pile up).
MAX_ENTRIES = 5000

_stores: list["Store"] = []


def cache_folder() -> Path | None:
    """UPR_CACHE_DIR, else the platform's cache folder; None when there is no home folder."""
    if os.environ.get("UPR_CACHE_DIR"):
        return Path(os.environ["UPR_CACHE_DIR"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "upr-matrix" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "upr-matrix"
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "upr-matrix"
    try:
        return Path.home() / ".cache" / "upr-matrix"
    except RuntimeError:
        return None


class Store:
    """One kind of remembered value, in one file (read on first use, written at exit when it grew)."""

    def __init__(self, name: str, key: tuple = ()):
        self.name = name
        # Written into the file and checked on reading: another Python's or another version's file is ignored.
        self.key = (sys.version, __version__, *key)
        self._entries: dict | None = None
        self._used: set = set()
        self.added = 0
        self.hits = 0
        self.misses = 0
        _stores.append(self)

    @property
    def path(self) -> Path | None:
        folder = cache_folder()
        return None if folder is None else folder / f"{self.name}-{sys.implementation.cache_tag}.marshal"

    @property
    def entries(self) -> dict:
        if self._entries is None:
            self._entries = {}
            try:
                key, entries = marshal.loads(self.path.read_bytes())
                if key == self.key and isinstance(entries, dict):
                    self._entries = entries
            except Exception:  # missing, unreadable or damaged: start again
                pass
        return self._entries

    def get(self, key, default=None):
        """The entry kept under key; the caller counts it a hit once it proved usable."""
        self._used.add(key)
        return self.entries.get(key, default)

    def put(self, key, value) -> None:
        """Keep value under key: a miss, counted."""
        self.misses += 1
        self._used.add(key)
        self.entries[key] = value
        self.added += 1

    def discard(self, key) -> None:
        self.entries.pop(key, None)

    def remembered(self, key, compute: Callable[[], T]) -> T:
        """The value kept under key, else compute() kept for next time."""
        found = self.get(key, _MISSING)
        if found is _MISSING:
            found = compute()
            self.put(key, found)
        else:
            self.hits += 1
        return found

    def save(self) -> None:
        """Write the file atomically when this run added entries; failing is silent (the cache is optional)."""
        path = self.path
        if not self.added or self._entries is None or path is None:
            return
        entries = self._entries
        if len(entries) > MAX_ENTRIES:
            entries = {key: value for key, value in entries.items() if key in self._used}
        try:
            data = marshal.dumps((self.key, entries))
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{self.name}-", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(data)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except Exception:
            pass


_MISSING = object()


@atexit.register
def _save_all() -> None:
    for store in _stores:
        store.save()
