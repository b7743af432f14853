"""What a cell's value is: empty, a formula, a spreadsheet error, or what a lookup formula shows."""

from __future__ import annotations

import functools

from ..i18n import t


# openpyxl.cell.cell.ERROR_CODES, written out so that reading a workbook does not import openpyxl.
ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")


# What Excel (and LibreOffice, saving .xlsx) shows in a cell instead of a value. calamine reads them
# from .ods and .xls as empty cells, so there they count as missing.
# openpyxl knows the classic seven; newer Excel adds the rest.
ERROR_VALUES = frozenset(ERROR_CODES) | {"#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!",
                                         "#BUSY!", "#UNKNOWN!"}


def _error_value(value: object) -> str:
    return value.strip() if isinstance(value, str) and value.strip() in ERROR_VALUES else ""


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# What the template's lookup formulas show for an unknown ID, as computed by Excel or LibreOffice.
LOOKUP_MARKERS = frozenset({t("not_in_list", "en"), t("not_in_list", "fr")})


def _is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _is_lookup_output(value: object) -> bool:
    """A formula, or a value a formula computed, in an auto-filled column."""
    return _is_formula(value) or value in LOOKUP_MARKERS


@functools.lru_cache(maxsize=1 << 14)
def column_letter(column: int) -> str:
    """3 -> "C", 28 -> "AB" (openpyxl's get_column_letter, without importing openpyxl)."""
    if not 1 <= column <= 18278:
        raise ValueError(f"Invalid column index {column}")
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@functools.lru_cache(maxsize=1 << 14)
def column_index(letters: str) -> int:
    """"C" -> 3, "AB" -> 28 (openpyxl's column_index_from_string)."""
    if not 1 <= len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        raise ValueError(f"{letters} is not a valid column name")
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index
