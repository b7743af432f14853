"""The `re` module's functions, with compiled patterns kept between runs.

Modules with many patterns import it in place of `re` (`from .. import cached_re as re`).

The SMART checker and the date reader use a few hundred patterns, many of them long word lists.
Python compiles a pattern in Python code (re._parser, re._compiler), which costs a fresh `upr
validate` about 0.13 s of its 0.5 s budget, every run. This module keeps what the compiler produced
in a small file in the user's cache folder and hands it straight to `_sre.compile` next time.

Why it is safe to rely on CPython's private `_sre.compile`:
- An entry is written only after the pattern it builds compared equal to `re.compile`'s (Pattern
  equality compares the pattern, the flags and the compiled code).
- The file is keyed by the exact Python build and `_sre.MAGIC`: another Python never reads it.
- `_sre.compile` checks the code it is given. Anything unexpected (a damaged file, another
  interpreter, no `_sre`) falls back to `re.compile`: the cache can make a run slower, never wrong.
"""

from __future__ import annotations

import atexit
import os
import marshal
import re
import sys
import tempfile
from pathlib import Path

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # not CPython: everything goes through re.compile
    _sre = None

from re import (A, ASCII, DOTALL, I, IGNORECASE, M, MULTILINE, S, U, UNICODE, VERBOSE, X, Match, Pattern,  # noqa: F401
                error, escape)

__all__ = ["compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "escape",
           "Pattern", "Match", "error", "cache_path", "stats"]

# Written into the file and checked on reading: a cache from another Python is ignored.
_KEY = (sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None), 1)
# Past this many patterns in the file, it is written again with this run's patterns only (patterns built
# around words of a workbook, such as an acronym looked for, must not pile up).
_MAX_ENTRIES = 5000

_entries: dict[tuple[str, int], tuple] | None = None
_used: set[tuple[str, int]] = set()
_added = 0
# This process's patterns, as re keeps its own (re's cache holds 512 and is shared with every library).
_live: dict[tuple[object, int], Pattern] = {}
_MAX_LIVE = 4096
_counts = {"hits": 0, "misses": 0}


def cache_path() -> Path | None:
    """Where the compiled patterns are kept: UPR_CACHE_DIR, else the platform's cache folder."""
    if os.environ.get("UPR_CACHE_DIR"):
        folder = Path(os.environ["UPR_CACHE_DIR"])
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        folder = Path(os.environ["LOCALAPPDATA"]) / "upr-matrix" / "Cache"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Caches" / "upr-matrix"
    elif os.environ.get("XDG_CACHE_HOME"):
        folder = Path(os.environ["XDG_CACHE_HOME"]) / "upr-matrix"
    else:
        try:
            folder = Path.home() / ".cache" / "upr-matrix"
        except RuntimeError:  # no home folder
            return None
    return folder / f"regex-{sys.implementation.cache_tag}.marshal"


def _load() -> dict[tuple[str, int], tuple]:
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_path()
        try:
            key, entries = marshal.loads(path.read_bytes()) if path else (None, None)
            if key == _KEY and isinstance(entries, dict):
                _entries = entries
        except Exception:  # missing, unreadable or damaged: start again
            pass
    return _entries


def compile(pattern, flags: int = 0) -> Pattern:
    """re.compile, served from this process's patterns, then from the cache file."""
    if isinstance(pattern, Pattern):
        return pattern
    flags = int(flags)
    regex = _live.get((pattern, flags))
    if regex is None:
        if len(_live) >= _MAX_LIVE:
            _live.clear()
        regex = _live[(pattern, flags)] = _from_cache(pattern, flags)
    return regex


def _from_cache(pattern, flags: int) -> Pattern:
    global _added
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    entries = _load()
    key = (pattern, flags)
    _used.add(key)
    entry = entries.get(key)
    if entry is not None:
        try:
            regex = _sre.compile(pattern, *entry)
            _counts["hits"] += 1
            return regex
        except Exception:
            entries.pop(key, None)
    _counts["misses"] += 1
    regex = re.compile(pattern, flags)
    entry = _compile_parts(pattern, flags)
    if entry is not None:
        entries[key] = entry
        _added += 1
    return regex


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def _compile_parts(pattern: str, flags: int) -> tuple | None:
    """What re._compiler.compile hands to _sre.compile after the pattern itself; None when the result
    would not be re.compile's own pattern."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses: plain for marshal
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if _sre.compile(pattern, *entry) != re.compile(pattern, flags):
            return None
        return entry
    except Exception:
        return None


def stats() -> dict[str, int]:
    """Patterns served from the cache and compiled afresh in this process."""
    return dict(_counts)


@atexit.register
def _save() -> None:
    """Write the patterns this run compiled, atomically; the cache is optional, so failing is silent."""
    if not _added or _entries is None:
        return
    path = cache_path()
    if path is None:
        return
    entries = _entries if len(_entries) <= _MAX_ENTRIES else {k: v for k, v in _entries.items() if k in _used}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(marshal.dumps((_KEY, entries)))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:
        pass
