from __future__ import annotations

from ..messages import CRITERION_NAMES
from ..reader import MatrixRow
from ..smart import CRITERIA, PlanWindow, assess
from .base import Check, CheckContext

SMART_INPUTS = ("goal", "government_action", "indicator", "baseline", "target", "deadline",
                "responsible_body")


def smart_row(row: MatrixRow) -> dict[str, object]:
    values = {key: row.value(key) for key in SMART_INPUTS}
    values["recommendation"] = row.value("recommendation") or ""
    return values


class Smart(Check):
    """One finding per SMART criterion the indicator fails; rows without an indicator are
    left to missing-field."""

    type = "smart"

    def validate_row(self, context: CheckContext, row: MatrixRow):
        if "indicator" not in context.matrix.columns or not row.text("indicator"):
            return
        # A formula with no saved result, or an error value, is unknown, not text to judge;
        # formula-without-value and error-value ask for it.
        if (row.uncomputed | row.errors.keys()) & set(SMART_INPUTS):
            return
        window = context.window or PlanWindow.from_years(*default_years())
        result = assess(smart_row(row), window, context.lang)
        context.cache.setdefault(self.type, {})[row.row] = result
        # Relevance is judged against the recommendation; an unknown ID is reported on its own.
        judged = [c for c in CRITERIA if c != "R" or row.text("recommendation")]
        for criterion in judged:
            verdict = result.verdicts[criterion]
            if not verdict.passed:
                yield context.finding(
                    self.type, row, "indicator", "smart", criterion=criterion, fix=verdict.fix,
                    criterion_name=CRITERION_NAMES[criterion][context.lang], reason=verdict.reason)


def default_years() -> tuple[int, int]:
    """A plan window when no list says when the review was: this year and the next four."""
    import datetime as dt

    year = dt.date.today().year
    return year, year + 4
