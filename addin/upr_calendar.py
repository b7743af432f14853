"""The UPR calendar: when each Working Group session met, and when a State is reviewed next.

The dates are in data/upr_sessions.csv. Each row says whether its dates were checked against a
public source (OHCHR, UN Geneva, UPR Info, a Working Group report), could not be checked
("unconfirmed"), or are planned; planned sessions have a month, not days.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

SESSIONS_FILE = Path(__file__).parent / "data" / "upr_sessions.csv"
SESSIONS_PER_CYCLE = 14          # since the second cycle; the first had 12 sessions of 16 States
FIRST_SESSION_OF_CYCLE_2 = 13
CYCLE_MONTHS = 54              # a review every four and a half years



@dataclass(frozen=True)
class Session:
    number: int
    cycle: int
    start: dt.date
    end: dt.date
    status: str           # "confirmed" | "unconfirmed" | "planned" | "estimated" (beyond the table)
    source: str = ""

    def label(self, lang: str = "en") -> str:
        """'November 2015, session 23'; 'around …' when estimated beyond the calendar."""
        from .locale import text

        month = text(f"calendar.month.{self.start.month}", lang)
        label = text("calendar.session", lang, month=month, year=self.start.year, number=self.number)
        return text("calendar.estimated", lang, date=label) if self.status == "estimated" else label


def _day(text: str, last: bool) -> dt.date:
    """An ISO date, or a month ("2026-05": its first or last day)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    year, month = parts
    if not last:
        return dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


@functools.lru_cache(maxsize=1)
def sessions() -> dict[int, Session]:
    with SESSIONS_FILE.open(encoding="utf-8", newline="") as handle:
        return {int(row["session"]): Session(int(row["session"]), int(row["cycle"]),
                                             _day(row["start"], False), _day(row["end"], True),
                                             row["status"], row["source"])
                for row in csv.DictReader(handle)}


def session(number: int | None) -> Session | None:
    return sessions().get(number) if number is not None else None


def cycle_of(number: int | None) -> int | None:
    if number is None or number < 1:
        return None
    known = session(number)
    if known:
        return known.cycle
    return 2 + (number - FIRST_SESSION_OF_CYCLE_2) // SESSIONS_PER_CYCLE


# The first cycle reviewed 16 States a session, the later ones 14, in the same order of States: a
# first-cycle session's States are split over two second-cycle sessions. Per first-cycle session,
# where most of its States went next, and the States that went to another session (ISO alpha-3),
# from the States-under-review lists of OHCHR and UPR Info (sessions 13-14, 17, 23-26, 29, 32, 36,
# 41-44) and UPR Info's export of sessions 1-15. Session 7 is not checked.
_CYCLE_2_SESSION: dict[int, tuple[int, dict[int, tuple[str, ...]]]] = {
    1: (13, {14: ("ARG", "CZE")}),
    2: (14, {15: ("FRA", "TON", "ROU", "MLI")}),
    3: (15, {16: ("BFA", "CPV", "COL", "TKM", "TUV", "UZB"), 17: ("ISR",)}),
    4: (16, {17: ("SAU", "SEN", "CHN", "NGA", "MEX", "MUS", "JOR", "MYS")}),
    5: (18, {17: ("CAF", "MCO", "BLZ", "TCD", "COG", "MLT")}),
    6: (19, {18: ("ERI", "CYP", "DOM", "KHM")}),
    7: (20, {}),
    8: (21, {22: ("BLR",)}),
    9: (22, {23: ("FSM", "LBN", "MRT")}),
    10: (23, {24: ("NAM", "NER", "MOZ", "EST", "PRY")}),
    11: (25, {24: ("BEL", "DNK", "PLW", "SOM", "SYC", "SLB", "LVA", "SLE", "SGP")}),
    12: (26, {25: ("TJK", "TZA", "ATG", "SWZ", "TTO", "THA", "IRL")}),
}


def next_session_number(number: int | None, state: str = "") -> int | None:
    """The session of the State's next review: it keeps its place in the order of States."""
    if number is None or number < 1:
        return None
    if number < FIRST_SESSION_OF_CYCLE_2:
        from .recommendations import state_code

        usual, moved = _CYCLE_2_SESSION[number]
        code = state_code(state) or ""
        return next((later for later, codes in moved.items() if code in codes), usual)
    return number + SESSIONS_PER_CYCLE


def next_review(number: int | None, state: str = "") -> Session | None:
    """The session of the State's next review; beyond the calendar, four and a half years after
    the review, the length of a cycle (status "estimated")."""
    following = next_session_number(number, state)
    known, reviewed = session(following), session(number)
    if known or following is None or reviewed is None:
        return known
    months = reviewed.start.year * 12 + reviewed.start.month - 1 + CYCLE_MONTHS
    start = dt.date(months // 12, months % 12 + 1, 1)
    return Session(following, cycle_of(following) or 0, start, start, "estimated")


def plan_years(number: int | None, state: str = "") -> tuple[int, int] | None:
    """(first, last) year of the plan: from the year after the review to the year of the next one."""
    reviewed, following = session(number), next_review(number, state)
    if reviewed is None or following is None:
        return None
    return reviewed.start.year + 1, following.start.year
