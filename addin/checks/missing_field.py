from __future__ import annotations

from ..reader import MatrixRow
from .base import Check, CheckContext


class MissingField(Check):
    """A required cell is empty on a filled row."""

    type = "missing-field"

    def validate_row(self, context: CheckContext, row: MatrixRow):
        for column in context.matrix.schema.required:
            if row.text(column.key) == "":
                yield context.finding(self.type, row, column.key, "missing", "missing.fix",
                                      rec=row.recommendation_id or "?")
