"""What the reader gives: a workbook's matrices, their rows and cells with where each came from,
and the raw sheets it reads them from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..ids import IdIndex
from ..metadata import WorkbookMeta
from ..schema import SheetSchema
from .cell_values import column_letter as get_column_letter


@dataclass
class Cell:
    sheet: str
    row: int
    column: int
    value: object
    comment: bool = False     # the text of a cell comment (note), not the cell's value

    @property
    def coordinate(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass
class MatrixRow:
    """One filled row of a matrix, keyed by schema column, with where it came from."""

    kind: str
    sheet: str
    row: int
    values: dict[str, object]
    cells: dict[str, str]                 # schema key -> source coordinate
    extras: dict[str, object] = field(default_factory=dict)   # header -> value
    extra_cells: dict[str, str] = field(default_factory=dict)
    row_key: str = ""
    # Schema key -> merged range ("F4:F6") the cell lies in, below or right of its first cell: the
    # value came from that first cell (cells then names it), or the cell is covered and empty.
    merged: dict[str, str] = field(default_factory=dict)
    # Schema key -> formula typed there (or in the merged range's first cell); values hold its result.
    formulas: dict[str, str] = field(default_factory=dict)
    # Keys whose formula has no result saved in the file: values keep the formula text.
    uncomputed: set[str] = field(default_factory=set)
    # Keys whose cell shows a spreadsheet error (#N/A, #REF! ...), typed or computed -> the error.
    errors: dict[str, str] = field(default_factory=dict)
    # The ID resolved against the workbook's list (ids.IdIndex); None: resolve without a list.
    resolved_id: str | None = None
    # A number typed as ID that several listed IDs share (77.1 for 77.1 and 77.10): never guessed.
    ambiguous_ids: list[str] = field(default_factory=list)

    @property
    def recommendation_id(self) -> str:
        if self.resolved_id is not None:
            return self.resolved_id
        return IdIndex(()).resolve(self.values.get("recommendation_id")).id   # templates.recommendation_id_of

    def value(self, key: str) -> object:
        return self.values.get(key)

    def text(self, key: str) -> str:
        value = self.values.get(key)
        return "" if value is None else str(value).strip()


@dataclass
class Matrix:
    schema: SheetSchema
    sheet: str
    header_row: int
    columns: dict[str, int]               # schema key -> source column number
    extra_columns: dict[str, int]         # header -> source column number
    rows: list[MatrixRow]
    headers: dict[int, str] = field(default_factory=dict)  # column number -> header as typed

    @property
    def kind(self) -> str:
        return self.schema.kind

    def cell_of(self, row: int, key: str) -> str:
        column = self.columns.get(key)
        return f"{get_column_letter(column)}{row}" if column else f"A{row}"


@dataclass
class Notice:
    """Something the reader saw that validation must report (a finding, worded there)."""

    type: str
    message_id: str
    sheet: str
    cell: str = ""
    row: int | None = None
    key: str = ""                 # the schema column it is about
    values: dict[str, object] = field(default_factory=dict)
    fix_id: str | None = None


@dataclass
class GroupSheet:
    sheet: str
    values: dict[str, object]
    cells: dict[str, str]


@dataclass
class WorkbookData:
    path: Path
    meta: WorkbookMeta | None
    matrices: list[Matrix]
    recommendations: list[dict[str, object]]
    group_sheet: GroupSheet | None
    stray: list[Cell]
    modified: dt.datetime
    sha256: str
    format: str
    notices: list[Notice] = field(default_factory=list)
    # The whole list the workshop's workbooks were made from (metadata.LIST_SHEET), when it has one.
    full_list: list[dict[str, object]] = field(default_factory=list)
    # Why no matrix was found, when the reader can tell more than "no header" (a header too low).
    no_matrix_hint: str = ""

    @property
    def kind(self) -> str:
        if self.meta and self.meta.kind:
            return self.meta.kind
        if self.matrices:
            return self.matrices[0].kind
        return "recommendations" if self.recommendations else "unknown"

    @property
    def lang(self) -> str:
        return self.meta.lang if self.meta and self.meta.lang in ("en", "fr") else "en"

    @property
    def group(self) -> str:
        """The group's name: metadata, then the group worksheet, then the file name."""
        if self.meta and self.meta.group_name:
            return self.meta.group_name
        if self.group_sheet and self.group_sheet.values.get("group_name"):
            return str(self.group_sheet.values["group_name"]).strip()
        stem = self.path.stem
        for separator in (" - ", " – ", "_"):
            if separator in stem:
                return stem.split(separator)[0].strip()
        return stem

    def matrix(self, kind: str) -> Matrix | None:
        return next((m for m in self.matrices if m.kind == kind), None)

    @property
    def recommendation_ids(self) -> set[str]:
        return {str(r["id"]).strip() for r in self.recommendations if r.get("id")}


@dataclass
class RawSheet:
    name: str
    # Row 1 first; cells as values (formulas as "=..." text in xlsx). Rows are tuples or lists,
    # and an empty row may be () however wide the sheet.
    rows: list[list[object]]
    hidden: bool = False
    # Merged ranges as (first row, first column, last row, last column); None when unknown (a live book).
    merged: list[tuple[int, int, int, int]] | None = None
    # Cell comments (notes) as (row, column, text, author); xlsx only.
    comments: list[tuple[int, int, str, str]] = field(default_factory=list)
