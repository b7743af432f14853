"""Which review a list comes from: the session's year and cycle, the next review and the plan
period, from the UPR calendar (addin/upr_calendar.py)."""

from __future__ import annotations

from collections import Counter

from .. import upr_calendar
from .model import Recommendation


_CYCLE_FIRST_SESSIONS = (1, 13, 27, 41)
_CYCLE_YEARS = {1: (2008, 2011), 2: (2012, 2016), 3: (2017, 2021), 4: (2023, 2026)}


def review_year(session: int | None) -> int | None:
    """Year the session met, from the UPR calendar (addin/upr_calendar.py)."""
    known = upr_calendar.session(session)
    return known.start.year if known else None


def cycle_for_session(session: int | None) -> int | None:
    if session is None or session < 1:
        return None
    if session >= _CYCLE_FIRST_SESSIONS[-1]:  # 14 sessions a cycle since the second
        return len(_CYCLE_FIRST_SESSIONS) + (session - _CYCLE_FIRST_SESSIONS[-1]) // 14
    return sum(session >= first for first in _CYCLE_FIRST_SESSIONS)


def cycle_for_year(year: int | None) -> int | None:
    """None for 2022, which held the last session of cycle 3 and the first of cycle 4."""
    for cycle, (first, last) in _CYCLE_YEARS.items():
        if year is not None and first <= year <= last:
            return cycle
    return None


def _review_of(recommendations: list[Recommendation]) -> tuple[int, str] | None:
    """(session, State) of the review most of the list comes from."""
    sessions = Counter((r.session, r.state) for r in recommendations if r.session is not None)
    return sessions.most_common(1)[0][0] if sessions else None


def next_review_for(recommendations: list[Recommendation]) -> upr_calendar.Session | None:
    """The session of the next review of the State under review, from the UPR calendar."""
    review = _review_of(recommendations)
    return upr_calendar.next_review(*review) if review else None


def plan_window_for(recommendations: list[Recommendation]) -> tuple[int, int] | None:
    """(plan_start, plan_end): from the year after the review to the year of the next review."""
    review = _review_of(recommendations)
    return upr_calendar.plan_years(*review) if review else None
