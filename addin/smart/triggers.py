"""Which concept patterns can match a text at all, found in one pass over its word starts.

Each pattern is reduced, once, to the set of strings its matches can begin with (their first
PREFIX_LENGTH characters, or the whole match when shorter). A text lists what its words begin with,
and only the patterns sharing one of those beginnings are run. The reduction over-approximates:
anything it cannot enumerate (\\w, a negated class...) cuts the beginning short, and a pattern whose
matches could begin with anything is always run. So skipping a pattern never loses a match.
"""

from __future__ import annotations

import os
import re

try:  # Python 3.11+
    from re import _constants as sre, _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre
    import sre_parse

from ..run_cache import Store

PREFIX_LENGTH = 4  # 'prot' (protection) apart from 'prog' (programme): three letters ran twice as many patterns
MAX_PREFIXES = 20000  # beyond this a pattern is simply always run

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT} | ({sre.POSSESSIVE_REPEAT} if hasattr(sre, "POSSESSIVE_REPEAT") else set())
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_STOP = object()  # after one turn of a repeat: what follows is not known, so the beginning ends here


class _Unbounded(Exception):
    pass


def _class_chars(items) -> list[str] | None:
    chars = []
    for op, value in items:
        if op is sre.LITERAL:
            chars.append(chr(value))
        elif op is sre.RANGE and value[1] - value[0] < 64:
            chars.extend(chr(code) for code in range(value[0], value[1] + 1))
        else:  # NEGATE, CATEGORY (\w, \s...), wide ranges
            return None
    return chars


_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 '-")
_QUANTIFIERS = frozenset("?*+{")


def _top_level_alternatives(pattern: str) -> list[str]:
    """The pattern split at its top-level '|' (not inside groups, classes or after a backslash)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def prefixes(pattern: str) -> frozenset[str] | None:
    """Every string of up to PREFIX_LENGTH characters a match of `pattern` can begin with;
    None when a match could begin with anything (an empty beginning) or there are too many.

    Most alternatives of the concept patterns begin with plain letters ("torture[ds]?"): their beginning is read
    off the text; only the others are parsed (sre_parse is most of the start-up cost of a command)."""
    found: set[str] = set()
    hard = []
    for alternative in _top_level_alternatives(pattern):
        head = alternative[:PREFIX_LENGTH + 1]
        literal = len(head) > 0 and all(char in _LITERAL for char in head[:PREFIX_LENGTH])
        if literal and len(alternative) <= PREFIX_LENGTH:
            found.add(alternative)
        elif literal and head[PREFIX_LENGTH] not in _QUANTIFIERS:
            found.add(head[:PREFIX_LENGTH])
        else:
            hard.append(alternative)
    if not hard:
        return frozenset(found)
    rest = _parsed_prefixes("|".join(hard))
    return None if rest is None else frozenset(found | rest)


def _parsed_prefixes(pattern: str) -> frozenset[str] | None:
    found: set[str] = set()

    def walk(items: list, prefix: str) -> None:
        if len(found) > MAX_PREFIXES:
            raise _Unbounded
        if len(prefix) >= PREFIX_LENGTH or not items:
            found.add(prefix)
            return
        first, rest = items[0], items[1:]
        if first is _STOP:
            found.add(prefix)
            return
        op, value = first
        if op is sre.LITERAL:
            walk(rest, prefix + chr(value))
        elif op is sre.IN:
            chars = _class_chars(value)
            if chars is None:
                found.add(prefix)
            else:
                for char in chars:
                    walk(rest, prefix + char)
        elif op is sre.BRANCH:
            for alternative in value[1]:
                walk(list(alternative) + rest, prefix)
        elif op is sre.SUBPATTERN:
            walk(list(value[-1]) + rest, prefix)
        elif op in _REPEATS:
            low, high, body = value
            if low == 0:
                walk(rest, prefix)
            if high != 0:
                walk(list(body) + [_STOP], prefix)
        elif op in _ZERO_WIDTH:
            walk(rest, prefix)  # ignoring a condition only lets more through
        else:  # any character, a category, a back-reference...: the beginning ends here
            found.add(prefix)

    try:
        walk(list(sre_parse.parse(pattern)), "")
    except _Unbounded:
        return None
    return None if "" in found else frozenset(found)


# Each pattern's beginnings, kept between runs (parsing them cost every command about 15 ms); keyed by this
# file's size and time too, so that a change to how they are worked out is never served stale.
_PREFIXES = Store("prefixes", key=(PREFIX_LENGTH, MAX_PREFIXES, os.stat(__file__).st_size,
                                   os.stat(__file__).st_mtime_ns))


class Triggers:
    """Patterns indexed by the beginnings of their matches; each pattern must match only where the
    character before is not a word character (the concept patterns' `(?<![\\w])`)."""

    def __init__(self, patterns: list[str]):
        self.always = 0  # bit k set: pattern k is run whatever the text
        self.index: dict[str, int] = {}
        first_chars: set[str] = set()
        for k, pattern in enumerate(patterns):
            found = _PREFIXES.remembered(pattern, lambda: prefixes(pattern))
            if found is None:
                self.always |= 1 << k
                continue
            for prefix in found:
                self.index[prefix] = self.index.get(prefix, 0) | 1 << k
                first_chars.add(prefix[0])
        chars = "".join(sorted(first_chars))
        # The three characters from every position a match may begin at (fewer at the end of the text).
        self._starts = re.compile(rf"(?<![\w])(?=([{re.escape(chars)}].{{0,{PREFIX_LENGTH - 1}}}))", re.S) \
            if chars else None

    def beginnings(self, text: str, start: int = 0, end: int | None = None) -> set[str]:
        """What the text offers a match to begin with, at the positions from start to before end."""
        if self._starts is None:
            return set()
        if start == 0 and end is None:
            return set(self._starts.findall(text))
        found = set()
        for position in self._starts.finditer(text, start):
            if end is not None and position.start() >= end:
                break
            found.add(position.group(1))
        return found

    def mask(self, beginnings: set[str]) -> int:
        """Bit k set for every pattern that may match where the text offers these beginnings."""
        mask = self.always
        get = self.index.get
        for beginning in beginnings:
            # A pattern's beginning may be shorter than the text's (a whole short alternative, a class cut short).
            for length in range(1, len(beginning) + 1):
                mask |= get(beginning[:length], 0)
        return mask
