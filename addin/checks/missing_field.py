from __future__ import annotations

from ..reader import MatrixRow
from .base import Check, CheckContext


class MissingField(Check):
    """A required cell is empty on a filled row."""

    type = "missing-field"

    def validate_row(self, context: CheckContext, row: MatrixRow):
        for column in context.matrix.schema.required:
            if row.text(column.key) != "":
                continue
            merged = row.merged.get(column.key)
            if merged:
                # Covered by merged cells: say where their one value went, or the fix makes no sense.
                yield context.finding(self.type, row, column.key, "missing_merged", "missing_merged.fix",
                                      rec=row.recommendation_id or "?", range=merged,
                                      cell=row.cells.get(column.key, ""), **_first_cell(context, merged))
            else:
                yield context.finding(self.type, row, column.key, "missing", "missing.fix",
                                      rec=row.recommendation_id or "?")


def _first_cell(context: CheckContext, ref: str) -> dict[str, str]:
    from openpyxl.utils import range_boundaries  # openpyxl only where it is used
    left, top, _, _ = range_boundaries(ref)
    matrix = context.matrix
    key = next((k for k, c in matrix.columns.items() if c == left), None)
    name = matrix.schema.column(key).label(context.lang) if key else matrix.headers.get(left, "")
    return {"first": ref.split(":")[0], "first_field": name}
