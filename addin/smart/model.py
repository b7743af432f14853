"""The SMART checker's results and the plan period they are judged against."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

CRITERIA = ("S", "M", "A", "R", "T")
INDICATOR_TYPES = ("structural", "process", "outcome")


@dataclass(frozen=True)
class Verdict:
    criterion: str
    passed: bool
    reason: str
    fix: str


@dataclass(frozen=True)
class SmartResult:
    verdicts: dict[str, Verdict]
    indicator_type: str
    indicator_type_reason: str

    @property
    def score(self) -> int:
        return sum(1 for criterion in CRITERIA if self.verdicts[criterion].passed)

    def as_json(self, row: int) -> dict:
        data: dict = {"row": row}
        data.update({criterion: int(self.verdicts[criterion].passed) for criterion in CRITERIA})
        data["indicator_type"] = self.indicator_type
        data["reasons"] = {criterion: self.verdicts[criterion].reason for criterion in CRITERIA}
        return data


@dataclass(frozen=True)
class PlanWindow:
    start: dt.date
    end: dt.date

    @classmethod
    def from_years(cls, first: int, last: int) -> "PlanWindow":
        if last < first:
            raise ValueError(f"the plan cannot end ({last}) before it starts ({first})")
        return cls(dt.date(first, 1, 1), dt.date(last, 12, 31))

    @classmethod
    def after_review(cls, review_year: int, next_review_year: int) -> "PlanWindow":
        """The default plan: from the year after the review to the year of the next review."""
        return cls.from_years(review_year + 1, next_review_year)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end
