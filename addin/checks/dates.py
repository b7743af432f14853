from __future__ import annotations

import functools

from ..dates import parse_when
from ..reader import MatrixRow
from ..schema import ColumnType
from .base import Check, CheckContext


def date_columns(context: CheckContext):
    return [c for c in context.matrix.schema.columns if c.type == ColumnType.DATE]


def parsed_dates(context: CheckContext, row: MatrixRow) -> dict:
    """Parse each date cell once per row; several checks read the result."""
    key = ("dates", row.row)
    if key not in context.cache:
        # A formula with no saved result has no date to read, whatever its text looks like; an error
        # value (#N/A) is reported once, by error-value.
        context.cache[key] = {c.key: None if c.key in row.uncomputed else _parse_when(row.value(c.key))
                              for c in date_columns(context) if row.text(c.key) and c.key not in row.errors}
    return context.cache[key]


def _parse_when(value: object):
    """parse_when, once per distinct text (its result is frozen); other values are quick to read."""
    return _parse_text(value) if type(value) is str else parse_when(value)


@functools.lru_cache(maxsize=4096)
def _parse_text(text: str):
    return parse_when(text)


class BadDate(Check):
    """A deadline or timeframe that cannot be read as a date, month or year."""

    type = "bad-date"

    def validate_row(self, context: CheckContext, row: MatrixRow):
        parsed = parsed_dates(context, row)
        for key, when in parsed.items():
            if when is None and key in row.uncomputed:
                yield context.finding(self.type, row, key, "formula_date", "formula.fix",
                                      formula=row.formulas[key])
            elif when is None:
                yield context.finding(self.type, row, key, "bad_date", "bad_date.fix",
                                      value=row.text(key))
        start, end = parsed.get("start"), parsed.get("end")
        if start and end and end.end < start.start:
            yield context.finding(self.type, row, "end", "end_before_start", "end_before_start.fix",
                                  start_value=row.text("start"), end_value=row.text("end"))


class DeadlineOutOfCycle(Check):
    """A date before the plan starts or after the next review."""

    type = "deadline-out-of-cycle"

    def validate_row(self, context: CheckContext, row: MatrixRow):
        window = context.window
        if window is None:
            return
        bounds = dict(start=window.start.year, end=window.end.year)
        for key, when in parsed_dates(context, row).items():
            if when is None:
                continue
            if when.end < window.start:
                yield context.finding(self.type, row, key, "before_plan", "out_of_cycle.fix",
                                      value=row.text(key), **bounds)
            elif when.start > window.end:
                yield context.finding(self.type, row, key, "after_review", "out_of_cycle.fix",
                                      value=row.text(key), review=context.next_review or window.end.year,
                                      **bounds)
