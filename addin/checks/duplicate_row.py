from __future__ import annotations

import functools

from ..groups import normalise
from ..reader import MatrixRow
from .base import Check, CheckContext


class DuplicateRow(Check):
    """The same recommendation with the same content twice, usually a copy-paste slip."""

    type = "duplicate-row"

    def validate_start(self, context: CheckContext):
        context.cache[self.type] = {}
        context.cache[self.type, "inputs"] = [c.key for c in context.matrix.schema.inputs
                                              if c.key != "recommendation_id"]
        return ()

    def validate_row(self, context: CheckContext, row: MatrixRow):
        content = tuple(_normalised(row.text(k)) for k in context.cache[self.type, "inputs"])
        if not any(content):
            return
        seen = context.cache[self.type]
        key = (row.recommendation_id, content)
        if key in seen:
            yield context.finding(self.type, row, "recommendation_id", "duplicate", "duplicate.fix",
                                  rec=row.recommendation_id, this_row=row.row, first=seen[key])
        else:
            seen[key] = row.row


# Rows repeat the same texts (a goal, a body, a deadline): each is normalised once.
@functools.lru_cache(maxsize=8192)
def _normalised(text: str) -> str:
    return normalise(text) if text else ""
