from __future__ import annotations

from ..reader import MatrixRow
from .base import Check, CheckContext


class ErrorValue(Check):
    """A cell that shows a spreadsheet error (#N/A, #REF! ...) instead of a value: typed, pasted, or
    the result of a formula. Missing-field does not see it, because the cell is not empty."""

    type = "error-value"

    def validate_row(self, context: CheckContext, row: MatrixRow):
        schema = context.matrix.schema
        for key in sorted(row.errors, key=schema.keys.index):
            formula = row.formulas.get(key)
            yield context.finding(self.type, row, key, "error_value_formula" if formula else "error_value",
                                  "error_value.fix", error=row.errors[key], formula=formula or "")
