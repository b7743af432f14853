from __future__ import annotations

from ..reader import MatrixRow
from ..schema import ColumnType
from .base import Check, CheckContext


class FormulaWithoutValue(Check):
    """A formula typed in an input cell whose result the file did not save (written by a program,
    never opened in Excel): its value is unknown. Date columns report it as bad-date."""

    type = "formula-without-value"

    def validate_row(self, context: CheckContext, row: MatrixRow):
        schema = context.matrix.schema
        for key in sorted(row.uncomputed, key=schema.keys.index):
            if schema.column(key).type != ColumnType.DATE:
                yield context.finding(self.type, row, key, "formula_no_value", "formula.fix",
                                      formula=row.formulas[key])
