"""Outcomes put into words: one verdict per criterion, in the user's language."""

from __future__ import annotations

from ..messages import message
from ..model import Verdict
from .plan_row import Outcome


_VERDICTS: dict[tuple, Verdict] = {}


def verdict(criterion: str, outcomes: Outcome | list[Outcome], lang: str) -> Verdict:
    """One verdict from one or several outcomes: it fails if any fails, and gives every reason and fix."""
    outcomes = (outcomes,) if isinstance(outcomes, Outcome) else tuple(outcomes)
    # Rows that say the same get the same (immutable) verdict: worded once, held once in a report.
    # repr keeps 55 and 55.0 apart, which a plain key would not, and they are worded differently.
    key = (criterion, lang, tuple((o.passed, o.message_id, o.fix_id, repr(o.values)) for o in outcomes))
    found = _VERDICTS.get(key)
    if found is None:
        if len(_VERDICTS) >= 8192:
            _VERDICTS.clear()
        found = _VERDICTS[key] = _verdict(criterion, outcomes, lang)
    return found


def _verdict(criterion: str, outcomes: tuple[Outcome, ...], lang: str) -> Verdict:
    passed = all(o.passed for o in outcomes)
    reasons, fixes = [], []
    for outcome in outcomes:
        values = dict(outcome.values)
        reasons.append(message(outcome.message_id, lang, **values))
        if outcome.fix_id and not outcome.passed:
            fixes.append(message(outcome.fix_id, lang, **values))
    return Verdict(criterion, passed, " ".join(reasons), " ".join(dict.fromkeys(fixes)))
