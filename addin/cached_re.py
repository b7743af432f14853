"""The `re` module's functions, with compiled patterns kept between runs.

Modules with many patterns import it in place of `re` (`from .. import cached_re as re`).

The SMART checker and the date reader use a few hundred patterns, many of them long word lists.
Python compiles a pattern in Python code (re._parser, re._compiler), which cost a fresh `upr validate`
0.15 to 0.25 s of its 0.5 s budget, every run. This module keeps what the compiler produced in a small
file in the user's cache folder (addin/run_cache.py) and hands it straight to `_sre.compile` next time.

Why it is safe to rely on CPython's private `_sre.compile`:
- An entry is written only after the pattern it builds compared equal to `re.compile`'s (Pattern
  equality compares the pattern, the flags and the compiled code).
- The file is keyed by the exact Python build and `_sre.MAGIC`: another Python never reads it.
- `_sre.compile` checks the code it is given. Anything unexpected (a damaged file, another
  interpreter, no `_sre`) falls back to `re.compile`: the cache can make a run slower, never wrong.
"""

from __future__ import annotations

import re

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # not CPython: everything goes through re.compile
    _sre = None

from re import (A, ASCII, DOTALL, I, IGNORECASE, M, MULTILINE, S, U, UNICODE, VERBOSE, X, Match, Pattern,  # noqa: F401
                error, escape)

from .run_cache import Store

__all__ = ["compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "escape",
           "Pattern", "Match", "error", "stats"]

# By (pattern, flags): what re._compiler.compile hands to _sre.compile after the pattern.
STORE = Store("regex", key=(getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None)))
# This process's patterns, as re keeps its own (re's cache holds 512 and is shared with every library).
_live: dict[tuple[object, int], Pattern] = {}
_MAX_LIVE = 4096


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
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = STORE.get(key)
    if entry is not None:
        try:
            regex = _sre.compile(pattern, *entry)
            STORE.hits += 1
            return regex
        except Exception:
            STORE.discard(key)
    regex = re.compile(pattern, flags)
    entry = _compile_parts(pattern, flags)
    if entry is not None:
        STORE.put(key, entry)
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
    return {"hits": STORE.hits, "misses": STORE.misses}
