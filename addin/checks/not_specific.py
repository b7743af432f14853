from __future__ import annotations

from ..messages import ACTION_CATEGORY_NAMES
from ..reader import MatrixRow
from .base import Check, CheckContext

NON_SPECIFIC_CATEGORIES = (1, 2, 3)


def action_category(record) -> int | None:
    try:
        return int(float(str(record.get("action_category"))))
    except (TypeError, ValueError):
        return None


class NotSpecificRecommendation(Check):
    """Informational: the recommendation itself is vague (categories 1-3), so the
    group must work harder to make the indicator specific. Once per recommendation."""

    type = "not-specific-recommendation"

    def validate_start(self, context: CheckContext):
        context.cache[self.type] = set()
        return ()

    def validate_row(self, context: CheckContext, row: MatrixRow):
        rec_id = row.recommendation_id
        seen = context.cache[self.type]
        record = context.recommendations.get(rec_id)
        if not record or rec_id in seen:
            return
        category = action_category(record)
        if category in NON_SPECIFIC_CATEGORIES:
            seen.add(rec_id)
            yield context.finding(self.type, row, "recommendation_id", "not_specific", "not_specific.fix",
                                  rec=rec_id, category=category,
                                  category_name=ACTION_CATEGORY_NAMES[category][context.lang])
