"""What a merge returns: MergeResult and the records it holds (sources, coverage, group
statistics, placed findings, text outside the tables). The CLI, the Excel buttons and the
master writer read these; nothing here reads or writes a file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..charts import SummaryTable
from ..findings import Finding
from ..master import SMART_CRITERIA, MasterColumn, MasterRow
from ..metadata import WorkbookMeta
from ..schema import MATRICES
from .texts import SUMMARY_TEXT, _t


@dataclass
class SourceResult:
    """One input file and what became of it."""

    path: Path
    kind: str = "unknown"
    group: str = ""
    group_key: str = ""
    rows: int = 0
    stray: int = 0
    findings: int = 0
    format: str = ""
    modified: dt.datetime | None = None
    sha256: str = ""
    status: str = "merged"          # "merged" | "skipped" | "kept"
    reason: str = ""
    unusable: bool = False          # skipped because it could not be read or recognised, not by design


@dataclass
class CoverageRow:
    id: str
    record: dict[str, object]
    in_list: bool
    assigned: list[str] = field(default_factory=list)       # group keys the list gives it to
    planned_by: list[str] = field(default_factory=list)     # group labels with plan rows
    strategy_by: list[str] = field(default_factory=list)    # group labels with strategy rows
    by_group: dict[str, str] = field(default_factory=dict)  # group label -> what it plans
    rows: list[str] = field(default_factory=list)           # where an ID not in the list was typed

    @property
    def groups(self) -> list[str]:
        return list(dict.fromkeys(self.planned_by + self.strategy_by))

    @property
    def status(self) -> str:
        if not self.in_list:
            return "not_in_list"
        count = len(self.groups)
        return "not_addressed" if count == 0 else "addressed" if count == 1 else "cross_cutting"


@dataclass
class GroupStats:
    key: str
    label: str
    worksheet: dict[str, object] = field(default_factory=dict)
    assigned: int = 0
    addressed: int = 0
    not_in_strategy: int | None = None
    rows: dict[str, int] = field(default_factory=lambda: {s.kind: 0 for s in MATRICES})
    filled: dict[str, list[int]] = field(default_factory=lambda: {s.kind: [0, 0] for s in MATRICES})
    smart_scores: list[float] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def completeness(self, kind: str) -> float | None:
        filled, total = self.filled[kind]
        return filled / total if total else None

    @property
    def smart_mean(self) -> float | None:
        return sum(self.smart_scores) / len(self.smart_scores) if self.smart_scores else None

    @property
    def smart_pass_rate(self) -> float | None:
        if not self.smart_scores:
            return None
        return sum(score >= len(SMART_CRITERIA) for score in self.smart_scores) / len(self.smart_scores)


@dataclass(slots=True)
class PlacedFinding:
    finding: Finding
    group: str
    link: tuple[str, str] | None     # (sheet title, cell) in the master


@dataclass(slots=True)
class StrayNote:
    group: str
    source_file: str
    sheet: str
    cell: str
    value: object
    source_path: str = ""
    comment: bool = False       # the text of a cell comment, not the cell's value


@dataclass
class MergeResult:
    output: Path
    lang: str
    merged_at: dt.datetime
    sources: list[SourceResult] = field(default_factory=list)
    rows: dict[str, list[MasterRow]] = field(default_factory=dict)
    columns: dict[str, list[MasterColumn]] = field(default_factory=dict)
    removed: list[MasterRow] = field(default_factory=list)
    removed_columns: list[MasterColumn] = field(default_factory=list)
    coverage: list[CoverageRow] = field(default_factory=list)      # the list's recommendations only
    unlisted: list[CoverageRow] = field(default_factory=list)      # IDs typed in rows but not in the list
    in_no_workbook: list[str] = field(default_factory=list)        # listed IDs no merged workbook holds
    group_stats: list[GroupStats] = field(default_factory=list)
    findings: list[PlacedFinding] = field(default_factory=list)
    stray: list[StrayNote] = field(default_factory=list)
    summary: list[SummaryTable] = field(default_factory=list)
    headline: list[tuple[str, object]] = field(default_factory=list)
    meta: WorkbookMeta | None = None
    backup: Path | None = None
    previous: Path | None = None       # the master re-merged into, when there was one
    written: bool = False              # False when no workbook was merged: the master is left as it was
    kept_coordinator: int = 0          # rows whose coordinator columns came from the previous master
    newly_removed: int = 0
    restored: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def merged(self) -> list[SourceResult]:
        return [s for s in self.sources if s.status == "merged"]

    @property
    def skipped(self) -> list[SourceResult]:
        return [s for s in self.sources if s.status == "skipped"]

    @property
    def unusable(self) -> list[SourceResult]:
        """Inputs that could not be used: the CLI exits with 2 although the others were merged."""
        return [s for s in self.sources if s.status == "skipped" and s.unusable]

    @property
    def not_addressed(self) -> list[str]:
        return [c.id for c in self.coverage if c.status == "not_addressed"]

    @property
    def cross_cutting(self) -> list[CoverageRow]:
        return [c for c in self.coverage if c.status == "cross_cutting"]

    @property
    def summary_title(self) -> str:
        return _t(SUMMARY_TEXT, "title", self.lang)

    def row_count(self, kind: str) -> int:
        return len(self.rows.get(kind, []))
