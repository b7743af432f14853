"""Recommendation IDs as typed, resolved against the list they must come from.

A cell in the ID column holds an ID, a dropdown label ("<ID> – <start of the text>"), or an
ID Excel stored as a number. IDs themselves may contain the dropdown's separators
("A/HRC/17/4 - 77.1"), so a label is parsed against the list, never split blindly. A number
stands for every listed ID with the same value (77.1 for "77.1" and "77.10"): one is taken,
several are reported, never guessed.

Only invisible or typographic differences are folded (Unicode NFC, zero-width characters,
odd spaces, dashes); anything else that merely looks alike (full-width digits, Cyrillic
letters) stays different, and look_alike() says which character differs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Invisible: zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t"), " ")
# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus, small and full-width hyphen-minus.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
# What separates the ID from the text in a dropdown label, once dashes are folded.
_LABEL_SEPARATORS = (" - ", " : ", ": ")
_NUMBER = re.compile(r"^\d+(?:\.\d+)*$")


def safe_form(text: str) -> str:
    """The ID with only safe differences folded: NFC, invisible characters, spaces, dashes."""
    text = unicodedata.normalize("NFC", str(text)).translate(_INVISIBLE).translate(_SPACES).translate(_DASHES)
    return " ".join(text.split())


# Letters of other scripts that look like Latin ones, as typed from another keyboard layout.
_CONFUSABLES = str.maketrans("АВЕКМНОРСТХУаеорсхуΑΒΕΖΗΙΚΜΝΟΡΤΧΥοЗ", "ABEKMHOPCTXYaeopcxyABEZHIKMNOPTXYo3")


def _loose_form(text: str) -> str:
    """Everything that looks alike folded (compatibility forms, other scripts' letters, case): only to
    find what was meant, never to accept it."""
    return safe_form(unicodedata.normalize("NFKC", text)).translate(_CONFUSABLES).casefold()


def number_text(value: int | float) -> str:
    """A number as the ID text it was typed as, as far as the number still says: 77.0 -> '77'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return repr(value) if isinstance(value, float) else str(value)


def id_text(value: object) -> str:
    """An ID cell of a list (never a dropdown label) as text: numbers as typed, spaces trimmed."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, (int, float)):
        return number_text(value)
    return str(value).strip()


@dataclass
class Resolved:
    id: str                      # the listed ID, or the typed ID when not listed ("" for an empty cell)
    listed: bool = False
    ambiguous: list[str] = field(default_factory=list)   # listed IDs a typed number may stand for
    typed: object = None


class IdIndex:
    """The IDs of one list, to resolve what was typed against them."""

    def __init__(self, ids):
        self.ids: list[str] = list(dict.fromkeys(i for i in ids if i))
        self.by_safe: dict[str, str] = {}
        self.by_number: dict[float, list[str]] = {}
        for listed in self.ids:
            self.by_safe.setdefault(safe_form(listed), listed)
            if _NUMBER.match(listed) and listed.count(".") <= 1:
                self.by_number.setdefault(float(listed), []).append(listed)
        # Longest first: "A/HRC/17/4 - 77.10" before "A/HRC/17/4 - 77.1".
        self._prefixes = sorted(self.by_safe, key=len, reverse=True)
        self._loose: dict[str, str] | None = None

    def resolve(self, value: object) -> Resolved:
        if value is None or (isinstance(value, str) and not value.strip()):
            return Resolved("", typed=value)
        if isinstance(value, bool):
            return Resolved(str(value), typed=value)
        if isinstance(value, (int, float)):
            # A number cannot tell 77.1 from 77.10: every listed ID of that value is a candidate.
            text = number_text(value)
            candidates = self.by_number.get(float(value), [])
            if len(candidates) == 1:
                return Resolved(candidates[0], True, typed=value)
            if len(candidates) > 1:
                return Resolved(text, False, candidates, typed=value)
            return Resolved(self.by_safe.get(text, text), text in self.by_safe, typed=value)
        text = safe_form(value)
        if text in self.by_safe:
            return Resolved(self.by_safe[text], True, typed=value)
        for prefix in self._prefixes:
            if text.startswith(prefix) and text[len(prefix):].startswith(_LABEL_SEPARATORS):
                return Resolved(self.by_safe[prefix], True, typed=value)
        return Resolved(_unlisted_id(value), False, typed=value)

    def look_alike(self, typed: str) -> str | None:
        """The listed ID that typed only looks like (full-width digits, another script's letter...)."""
        if self._loose is None:
            self._loose = {}
            for listed in self.ids:
                self._loose.setdefault(_loose_form(listed), listed)
        wanted = _loose_form(_unlisted_id(typed))
        return self._loose.get(wanted)


def _unlisted_id(value: object) -> str:
    """The ID part of a cell whose ID is not in the list: a label of ours is cut at our separator."""
    from .templates import CHOICE_SEPARATOR

    text = str(value).strip()
    if CHOICE_SEPARATOR in text:
        text = text.split(CHOICE_SEPARATOR, 1)[0]
    return safe_form(text)


def differing_character(typed: str, listed: str) -> tuple[int, str, str] | None:
    """(position from 1, the typed character, the listed one) at the first safe-form difference."""
    a, b = safe_form(typed), safe_form(listed)
    for i, (x, y) in enumerate(zip(a, b), start=1):
        if x != y:
            return i, x, y
    if len(a) != len(b):
        i = min(len(a), len(b))
        return i + 1, (a[i:i + 1] or ""), (b[i:i + 1] or "")
    return None


def describe(char: str) -> str:
    """'７' -> "'７' (U+FF17 FULLWIDTH DIGIT SEVEN)"."""
    if not char:
        return "nothing"
    return f"{char!r} (U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')})"
