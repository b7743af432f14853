"""The master's columns: the coordinator's, the provenance, SMART and hidden key columns, and
each matrix sheet's columns in order (schema, coordinator's own, provenance, groups' extras)."""

from __future__ import annotations

from dataclasses import dataclass

from ..groups import normalise
from ..schema import IMPLEMENTATION_PLAN, MATRICES, Column, ColumnType, ListSource, SheetSchema, matrix


MASTER_KIND = "master"
# Very hidden sheet listing the columns that came from the groups' workbooks, so that a
# re-merge can tell them from columns the coordinator added to the master.
COLUMNS_SHEET = "_upr_columns"
SMART_CRITERIA = ("S", "M", "A", "R", "T")


# The coordinator's columns: kept across re-merges for every row that still exists.
STATUS = Column("status", "Status", "Statut", ColumnType.CHOICE, dropdown=ListSource.STATUSES, width=20)
COORDINATOR_NOTES = Column("coordinator_notes", "Coordinator notes", "Notes de la coordination", width=32,
                           aliases=("Notes du coordinateur",))
FOLLOW_UP_DATE = Column("follow_up_date", "Follow-up date", "Date de suivi", ColumnType.DATE, width=12)
COORDINATOR_COLUMNS = (STATUS, COORDINATOR_NOTES, FOLLOW_UP_DATE)

# Where each row came from.
GROUP = Column("group", "Group", "Groupe", width=22)
SOURCE_FILE = Column("source_file", "Source file", "Fichier source", width=30)
SOURCE_SHEET = Column("source_sheet", "Source sheet", "Feuille source", width=18)
SOURCE_ROW = Column("source_row", "Source row", "Ligne source", ColumnType.NUMBER, width=8)
SOURCE_MODIFIED = Column("source_modified", "Source last modified", "Dernière modification de la source",
                         ColumnType.DATE, width=17)
# Cells whose value came from merged cells or from a formula (the formula is kept here).
SOURCE_NOTES = Column("source_notes", "Source cell notes", "Notes sur les cellules sources", width=30)
PROVENANCE_COLUMNS = (SOURCE_FILE, SOURCE_SHEET, SOURCE_ROW, SOURCE_MODIFIED, SOURCE_NOTES)

# The implementation plan's indicator assessment.
SMART_SCORE = Column("smart_score", "SMART score (0-5)", "Score SMART (0-5)", ColumnType.NUMBER, width=9)
SMART_MISSED = Column("smart_missed", "SMART criteria not met", "Critères SMART non remplis", width=12)
INDICATOR_TYPE = Column("indicator_type", "Indicator type", "Type d'indicateur", width=14)
SMART_COLUMNS = (SMART_SCORE, SMART_MISSED, INDICATOR_TYPE)

# Hidden keys: the group workbook's row key (the schema's own column) and the group key.
ROW_KEY = IMPLEMENTATION_PLAN.column("row_key")
GROUP_KEY = Column("group_key", "Group key", "Clé du groupe", hidden=True, width=12)

# Removed rows sheet only.
REMOVED_ON = Column("removed_on", "Removed on", "Supprimée le", ColumnType.DATE, width=12)
MATRIX_COLUMN = Column("matrix", "Matrix", "Matrice", width=20)


@dataclass(frozen=True)
class MasterColumn:
    """One column of a master sheet: a known column, a coordinator's own column or a group's extra."""

    key: str
    header: str
    origin: str          # "schema" | "smart" | "coordinator" | "provenance" | "hidden" | "own" | "extra"
    column: Column | None = None

    @property
    def width(self) -> int:
        if self.column is not None:
            return self.column.width
        return min(max(len(self.header) + 2, 14), 40)


def own_key(header: str) -> str:
    return f"own:{header}"


def extra_key(header: str) -> str:
    return f"extra:{header}"


def matrix_columns(sheet: SheetSchema, lang: str, own: list[str] = (), extras: list[str] = ()
                   ) -> list[MasterColumn]:
    """The master's columns for one matrix, in order."""
    schema_columns = [c for c in sheet.columns if not c.hidden]
    first, rest = schema_columns[0], schema_columns[1:]
    columns = [MasterColumn(first.key, first.label(lang), "schema", first),
               MasterColumn(GROUP.key, GROUP.label(lang), "provenance", GROUP)]
    columns += [MasterColumn(c.key, c.label(lang), "schema", c) for c in rest]
    if sheet.kind == IMPLEMENTATION_PLAN.kind:
        columns += [MasterColumn(c.key, c.label(lang), "smart", c) for c in SMART_COLUMNS]
    columns += [MasterColumn(c.key, c.label(lang), "coordinator", c) for c in COORDINATOR_COLUMNS]
    columns += [MasterColumn(own_key(h), h, "own") for h in own]
    columns += [MasterColumn(c.key, c.label(lang), "provenance", c) for c in PROVENANCE_COLUMNS]
    columns += [MasterColumn(extra_key(h), h, "extra") for h in extras]
    columns += [MasterColumn(c.key, c.label(lang), "hidden", c) for c in (ROW_KEY, GROUP_KEY)]
    return _unique_headers(columns)


def removed_columns(lang: str, own: list[str] = (), extras: list[str] = ()) -> list[MasterColumn]:
    """Removed rows hold rows of both matrices: the union of their columns."""
    columns = [MasterColumn(REMOVED_ON.key, REMOVED_ON.label(lang), "removed", REMOVED_ON),
               MasterColumn(MATRIX_COLUMN.key, MATRIX_COLUMN.label(lang), "removed", MATRIX_COLUMN)]
    seen = set()
    for sheet in MATRICES:
        for column in matrix_columns(sheet, lang, own, extras):
            if column.key not in seen and column.origin not in ("own", "extra", "hidden"):
                seen.add(column.key)
                columns.append(column)
    columns += [MasterColumn(own_key(h), h, "own") for h in own]
    columns += [MasterColumn(extra_key(h), h, "extra") for h in extras]
    columns += [MasterColumn(c.key, c.label(lang), "hidden", c) for c in (ROW_KEY, GROUP_KEY)]
    return _unique_headers(columns)


def _unique_headers(columns: list[MasterColumn]) -> list[MasterColumn]:
    """A group's extra column may be called like one of ours: number it so headers stay unique."""
    seen: set[str] = set()
    unique = []
    for column in columns:
        header, n = column.header, 1
        while normalise(header) in seen:
            n += 1
            header = f"{column.header} ({n})"
        seen.add(normalise(header))
        unique.append(column if header == column.header else
                      MasterColumn(column.key, header, column.origin, column.column))
    return unique


def _known_headers(kinds: tuple[str, ...]) -> dict[str, str]:
    """Header (in either language) -> key, for reading back a master sheet holding these matrices."""
    index: dict[str, str] = {}
    columns = [c for kind in kinds for c in matrix(kind).columns]
    columns += [*COORDINATOR_COLUMNS, GROUP, *PROVENANCE_COLUMNS, *SMART_COLUMNS, ROW_KEY, GROUP_KEY,
                REMOVED_ON, MATRIX_COLUMN]
    for column in columns:
        for lang in ("en", "fr"):
            index.setdefault(normalise(column.label(lang)), column.key)
    return index
