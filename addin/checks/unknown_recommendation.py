from __future__ import annotations

from ..ids import IdIndex, describe, differing_character
from ..reader import MatrixRow
from .base import Check, CheckContext


class UnknownRecommendation(Check):
    """The ID is not in the workbook's own list (a typo, or a list from another group).

    An ID that only looks like a listed one (a full-width digit, a letter of another script)
    is named with the character that differs; a number several listed IDs share is ambiguous.
    """

    type = "unknown-recommendation"

    def validate_row(self, context: CheckContext, row: MatrixRow):
        rec_id = row.recommendation_id
        if row.ambiguous_ids:
            yield context.finding("ambiguous-recommendation", row, "recommendation_id", "ambiguous_id",
                                  "ambiguous_id.fix", rec=rec_id, candidates=", ".join(row.ambiguous_ids))
            return
        if rec_id and context.recommendations and rec_id not in context.recommendations:
            index = context.cache.get("ids")
            if index is None:
                index = context.cache["ids"] = IdIndex(context.recommendations)
            listed = index.look_alike(rec_id)
            differs = differing_character(rec_id, listed) if listed else None
            if differs:
                position, typed_char, listed_char = differs
                yield context.finding(self.type, row, "recommendation_id", "unknown_look_alike",
                                      "unknown_look_alike.fix", rec=repr(rec_id), listed=listed, position=position,
                                      typed_char=describe(typed_char), listed_char=describe(listed_char))
                return
            yield context.finding(self.type, row, "recommendation_id", "unknown", "unknown.fix",
                                  rec=rec_id, column=context.matrix.schema.letter("recommendation_id"))
