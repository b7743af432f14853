from __future__ import annotations

from ..reader import MatrixRow
from .base import Check, CheckContext


class UnknownRecommendation(Check):
    """The ID is not in the workbook's own list (a typo, or a list from another group)."""

    type = "unknown-recommendation"

    def validate_row(self, context: CheckContext, row: MatrixRow):
        rec_id = row.recommendation_id
        if rec_id and context.recommendations and rec_id not in context.recommendations:
            yield context.finding(self.type, row, "recommendation_id", "unknown", "unknown.fix",
                                  rec=rec_id, column=context.matrix.schema.letter("recommendation_id"))
