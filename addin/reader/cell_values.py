"""What a cell's value is: empty, a formula, a spreadsheet error, or what a lookup formula shows."""

from __future__ import annotations

from openpyxl.cell.cell import ERROR_CODES

from ..i18n import t


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
