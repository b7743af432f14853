"""Finding a matrix's header row within the rows searched, and matching typed headers to schema
columns (case, accents, small edits); where a header too low for the search sits."""

from __future__ import annotations

import difflib
import functools

from ..groups import normalise
from ..schema import SheetSchema
from .cell_values import _is_empty
from .model import RawSheet


# How far down a header row may sit (titles and notes above it are common).
HEADER_SEARCH_ROWS = 15
# A sheet is a matrix when this many of its columns are recognised.
MIN_MATCHED_COLUMNS = 3


# How far below the search window a header is looked for, only to say where it is.
HEADER_HINT_ROWS = 1000


# Cached: header search asks for it once per cell of the first rows of every sheet.
@functools.lru_cache(maxsize=32)
def _name_index(columns: tuple) -> dict[str, str]:
    index: dict[str, str] = {}
    for col in columns:
        for name in col.header_names:
            index.setdefault(normalise(name), col.key)
    return index


def match_header(header: object, columns, taken: set[str]) -> str | None:
    """The schema key a typed header stands for, tolerating case, accents and small edits."""
    if _is_empty(header):
        return None
    for key in _header_candidates(str(header), columns):
        if key not in taken:
            return key
    return None


# How close a typed header must be to a column's name (difflib's ratio).
HEADER_CUTOFF = 0.85


def _length_bound(a: int, b: int) -> float:
    """difflib's real_quick_ratio: the best ratio two texts of these lengths can have."""
    return 2.0 * min(a, b) / (a + b) if a + b else 1.0


# Cached per text, whatever is already taken: every sheet's first rows are matched cell by cell, and the
# same texts come back in every workbook.
@functools.lru_cache(maxsize=1 << 16)
def _header_candidates(header: str, columns) -> tuple[str, ...]:
    """The keys a header could stand for, best first: the first one not taken is the match. In this order:
    the exact name; the close names, closest first (difflib, as `get_close_matches` ranks them); a full
    name at the start or end of a longer header ("Indicator (SMART)", "Baseline value 2016"), longest first."""
    wanted = normalise(header.replace("*", ""))
    index = _name_index(columns)
    ranked: list[str] = []
    if wanted in index:
        ranked.append(index[wanted])
    # A name much shorter or longer than the text cannot reach the cutoff: difflib's ratio is at most
    # 2 * shorter / (sum of lengths), its own first test. Leaving those names out changes no result.
    near = [name for name in index if _length_bound(len(wanted), len(name)) >= HEADER_CUTOFF]
    if near:
        ranked += [index[name] for name in difflib.get_close_matches(wanted, near, n=len(near), cutoff=HEADER_CUTOFF)]
    for name, key in sorted(index.items(), key=lambda kv: -len(kv[0])):
        if len(name) >= 5 and (wanted.startswith(name + " ") or wanted.endswith(" " + name)):
            ranked.append(key)
    return tuple(dict.fromkeys(ranked))


def _find_header(rows: list[list[object]], columns, limit: int | None = HEADER_SEARCH_ROWS
                 ) -> tuple[int, dict[str, int], dict[int, str]]:
    best = (0, {}, {})
    every_column = len(set(_name_index(columns).values()))
    for r, row in enumerate(rows[:limit], start=1):
        mapping: dict[str, int] = {}
        for c, value in enumerate(row, start=1):
            key = match_header(value, columns, set(mapping))
            if key:
                mapping[key] = c
        if len(mapping) > len(best[1]):
            best = (r, mapping, {c: str(v).strip() for c, v in enumerate(row, start=1) if not _is_empty(v)})
            if len(mapping) == every_column:
                break  # no later row can match more, and the first of equals is kept
    return best


def _sheet_titles(sheet: SheetSchema | object) -> set[str]:
    names = {normalise(sheet.en), normalise(sheet.fr)}
    names.update(normalise(a) for a in getattr(sheet, "aliases", ()))
    return names


def _low_header_hint(sheets: list[RawSheet], wanted) -> str:
    """Where a header row sits below the rows searched, and how to bring it up."""
    for raw in sheets:
        for sheet in wanted:
            below = raw.rows[HEADER_SEARCH_ROWS:HEADER_SEARCH_ROWS + HEADER_HINT_ROWS]
            row, columns, _ = _find_header(below, sheet.columns, limit=None)
            if "recommendation_id" in columns and len(columns) >= MIN_MATCHED_COLUMNS:
                at = row + HEADER_SEARCH_ROWS
                return (f"sheet {raw.name!r} has its header row at row {at}, below the first {HEADER_SEARCH_ROWS} "
                        f"rows searched; delete {at - HEADER_SEARCH_ROWS} or more of the rows above it so that the "
                        f"header is within rows 1 to {HEADER_SEARCH_ROWS}")
    return ""
