"""Findings are plain data: one per problem, typed, located, and worded in the user's language."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum



class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def label(self, lang: str = "en") -> str:
        """The severity as a reader of that language sees it (JSON keeps the value)."""
        from .locale import text

        return text(f"severity.{self.value}", lang)




@dataclass(frozen=True)
class FindingType:
    type: str
    severity: Severity

    def title(self, lang: str = "en") -> str:
        """The type's name for readers (catalogue section "finding_type"); JSON keeps the code."""
        from .locale import text

        return text(f"finding_type.{self.type}", lang)

    label = title


FINDING_TYPES = {ft.type: ft for ft in (
    FindingType("missing-field", Severity.ERROR),
    FindingType("unknown-recommendation", Severity.ERROR),
    FindingType("duplicate-row", Severity.WARNING),
    FindingType("bad-date", Severity.ERROR),
    FindingType("deadline-out-of-cycle", Severity.WARNING),
    FindingType("smart", Severity.WARNING),
    FindingType("not-specific-recommendation", Severity.INFO),
    FindingType("formula-without-value", Severity.WARNING),
    FindingType("error-value", Severity.ERROR),
    FindingType("stray-cell", Severity.INFO),
    FindingType("ambiguous-recommendation", Severity.ERROR),
    FindingType("header-mismatch", Severity.WARNING),
)}


@dataclass(frozen=True)
class Finding:
    type: str
    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    row: int | None = None
    field: str = ""
    recommendation_id: str = ""
    fix: str = ""
    # SMART findings name the failed criterion (S, M, A, R or T).
    criterion: str = ""

    @property
    def severity(self) -> Severity:
        return FINDING_TYPES[self.type].severity

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data
