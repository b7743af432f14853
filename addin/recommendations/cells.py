"""Cell values of any source: text, prose, numbers, sessions, years, multi-valued cells, the
States and issues in a cell, and why a row yields no recommendation."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta

from ..groups import GroupMapping
from .model import normalise
from .states import state_code


def _text(value: object) -> str:
    """A cell as text: numbers without a spurious '.0', whitespace trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Control characters an xlsx file cannot hold (openpyxl refuses them).
_ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _prose(value: object) -> str:
    """Source text, HTML entities decoded (UPR Info, UHRI) and spaces collapsed."""
    return " ".join(_ILLEGAL_CHARACTERS.sub(" ", html.unescape(_text(value))).split())


def _int(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else None
    match = re.search(r"\d+", str(value))
    return int(match.group()) if match else None


def _session(value: object) -> int | None:
    session = _int(value)
    return session if session is not None and 0 < session < 100 else None


def _action_category(value: object) -> int | None:
    category = _int(value)
    return category if category in (1, 2, 3, 4, 5) else None


_EXCEL_EPOCH = date(1899, 12, 30)


def _year(value: object) -> int | None:
    """Year of a date cell: datetime, Excel serial number (44652) or text."""
    if isinstance(value, (datetime, date)):
        return value.year
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1900 <= value <= 2100:
            return int(value)
        if 20000 < value < 80000:
            return (_EXCEL_EPOCH + timedelta(days=int(value))).year
        return None
    text = _text(value)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _year(float(text))
    match = re.search(r"\b(19|20)\d\d\b", text)
    return int(match.group()) if match else None


def _bullets(value: object) -> list[str]:
    """UHRI's multi-valued cells: one value a line, each after '- '."""
    items = []
    for line in str(value or "").splitlines():
        item = html.unescape(re.sub(r"^\s*[-•–]\s*", "", line)).strip()
        if item:
            items.append(item)
    return items


def _single(value: object) -> str:
    items = _bullets(value)
    return items[0] if items else ""


def _rejoin(pieces: list[str], known, joiner: str = ", ") -> list[str]:
    """Glue split pieces back when together they form a known name."""
    out, i = [], 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            candidate = joiner.join(pieces[i:j])
            if j == i + 1 or known(candidate):
                out.append(candidate)
                i = j
                break
    return out


def _split_issues(value: object, mapping: GroupMapping, separators: str = ";\n,") -> list[str]:
    text = html.unescape(_text(value))
    if not text:
        return []
    if "\n" in text and re.search(r"^\s*-\s", text, re.M):
        return _bullets(text)
    for separator in separators:
        if separator in text:
            pieces = [p.strip() for p in text.split(separator)]
            if separator == ",":
                pieces = _rejoin(pieces, lambda name: normalise(name) in mapping.issue_to_group)
            return _unique(p for p in pieces if p)
    return [text.strip()]


def _split_states(value: object) -> list[str]:
    """'Belgium, France and Trinidad and Tobago' -> three States."""
    text = html.unescape(_text(value))
    if "\n" in text:
        parts = _bullets(text)
    else:
        parts = [p.strip() for p in re.split(r"[;,]", text)]
        parts = _rejoin(parts, state_code)
    states = []
    for part in parts:
        part = part.strip(" -–•.")
        if not part or normalise(part) in ("unknown", ""):
            continue
        if " and " in part and not state_code(part):
            pieces = [p.strip() for p in part.split(" and ") if p.strip()]
            states.extend(_rejoin(pieces, state_code, " and "))
        else:
            states.append(part)
    return _unique(states)


def _unique(items) -> list:
    seen, out = set(), []
    for item in items:
        key = normalise(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out



# "77.12", "77.12.", "81.1..1": a paragraph number and nothing else.
_NUMBER_ONLY = re.compile(r"^\s*\d{1,3}(?:\.{1,3}\d{1,3})*\.?\s*[;,:]?\s*$")


def _skip_reason(text: object) -> str:
    """Why a row with this text cell yields no recommendation."""
    return "number_only" if _NUMBER_ONLY.match(_text(text)) and _text(text) else "empty_text"
