"""T: the deadline is a date within the plan."""

from __future__ import annotations

from ..model import PlanWindow
from .plan_row import Outcome, PlanRow


def time_bound(row: PlanRow, window: PlanWindow) -> Outcome:
    when = row.deadline
    bounds = dict(start=window.start.year, end=window.end.year)
    if when is None:
        if row.text["deadline"]:
            return Outcome.of(False, "T.vague", "T.fix", deadline=row.text["deadline"], **bounds)
        return Outcome.of(False, "T.missing", "T.fix", **bounds)
    label = row.deadline_label
    if when.end < window.start:
        return Outcome.of(False, "T.before", "T.fix", deadline=label, **bounds)
    if when.end > window.end:
        return Outcome.of(False, "T.after", "T.fix", deadline=label, **bounds)
    return Outcome.of(True, "T.ok", deadline=label, **bounds)
