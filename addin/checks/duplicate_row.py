from __future__ import annotations

from ..groups import normalise
from ..reader import MatrixRow
from .base import Check, CheckContext


class DuplicateRow(Check):
    """The same recommendation with the same content twice, usually a copy-paste slip."""

    type = "duplicate-row"

    def validate_start(self, context: CheckContext):
        context.cache[self.type] = {}
        return ()

    def validate_row(self, context: CheckContext, row: MatrixRow):
        inputs = [c.key for c in context.matrix.schema.inputs if c.key != "recommendation_id"]
        content = tuple(normalise(row.text(k)) for k in inputs)
        if not any(content):
            return
        seen = context.cache[self.type]
        key = (row.recommendation_id, content)
        if key in seen:
            yield context.finding(self.type, row, "recommendation_id", "duplicate", "duplicate.fix",
                                  rec=row.recommendation_id, this_row=row.row, first=seen[key])
        else:
            seen[key] = row.row
