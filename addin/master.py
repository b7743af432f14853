"""The master workbook: its columns, how a merged row looks, writing it, and reading an old one.

The master's matrix sheets carry the schema's columns, then the coordinator's own columns
(Status, Coordinator notes, Follow-up date and any column the coordinator adds), then the
provenance of each row, then the groups' extra columns. Hidden columns keep what a re-merge
needs to recognise a row: the group workbook's row key and the group key.

Every participant's string is written as a string (never a formula) and every other value
keeps its type, so the master holds exactly what the groups typed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink

from .errors import OutputError
from .groups import normalise
from .layout import fit_header_widths, fit_row_heights
from .metadata import WorkbookMeta, metadata_from_openpyxl, write_metadata
from .schema import (IMPLEMENTATION_PLAN, MATRICES, STATUSES, Column, ColumnType,
                     ListSource, SheetSchema, matrix)

if TYPE_CHECKING:  # pragma: no cover
    from .merge import MergeResult

MASTER_KIND = "master"
# Very hidden sheet listing the columns that came from the groups' workbooks, so that a
# re-merge can tell them from columns the coordinator added to the master.
COLUMNS_SHEET = "_upr_columns"
SMART_CRITERIA = ("S", "M", "A", "R", "T")


# --- columns ----------------------------------------------------------------------

# The coordinator's columns: kept across re-merges for every row that still exists.
STATUS = Column("status", "Status", "Statut", ColumnType.CHOICE, dropdown=ListSource.STATUSES, width=20)
COORDINATOR_NOTES = Column("coordinator_notes", "Coordinator notes", "Notes du coordinateur", width=32)
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


# --- labels of the master ---------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "coverage": {"en": "Coverage", "fr": "Couverture"},
    "groups": {"en": "Groups", "fr": "Groupes"},
    "findings": {"en": "Findings", "fr": "Constats"},
    "summary": {"en": "Summary", "fr": "Synthèse"},
    "sources": {"en": "Sources", "fr": "Sources"},
    "removed": {"en": "Removed rows", "fr": "Lignes supprimées"},
    "stray": {"en": "Notes outside the table", "fr": "Notes hors du tableau"},
    "yes": {"en": "Yes", "fr": "Oui"},
    "no": {"en": "No", "fr": "Non"},
    "not_addressed": {"en": "Not addressed", "fr": "Non traitée"},
    "addressed": {"en": "Addressed", "fr": "Traitée"},
    "cross_cutting": {"en": "Cross-cutting", "fr": "Transversale"},
    "not_in_list": {"en": "Not in the list (counted apart)", "fr": "Absente de la liste (comptée à part)"},
    "coverage_status": {"en": "Coverage", "fr": "Couverture"},
    "group_count": {"en": "Number of groups", "fr": "Nombre de groupes"},
    "planned_by": {"en": "Implementation plan by", "fr": "Plan de mise en œuvre par"},
    "strategy_by": {"en": "Action strategy by", "fr": "Stratégie d'action par"},
    "has_strategy": {"en": "Has an action strategy", "fr": "A une stratégie d'action"},
    "in_list": {"en": "In the list", "fr": "Dans la liste"},
    "plan_short": {"en": "Plan", "fr": "Plan"},
    "strategy_short": {"en": "Strategy", "fr": "Stratégie"},
    "assigned": {"en": "Recommendations assigned", "fr": "Recommandations attribuées"},
    "rows_plan": {"en": "Implementation plan rows", "fr": "Lignes du plan de mise en œuvre"},
    "rows_strategy": {"en": "Action strategy rows", "fr": "Lignes de la stratégie d'action"},
    "recs_addressed": {"en": "Recommendations addressed", "fr": "Recommandations traitées"},
    "not_in_strategy": {"en": "Assigned, not in the action strategy",
                        "fr": "Attribuées, absentes de la stratégie d'action"},
    "completeness_plan": {"en": "Completeness, implementation plan", "fr": "Complétude, plan de mise en œuvre"},
    "completeness_strategy": {"en": "Completeness, action strategy", "fr": "Complétude, stratégie d'action"},
    "smart_mean": {"en": "SMART score, mean (0-5)", "fr": "Score SMART moyen (0-5)"},
    "smart_pass": {"en": "SMART pass rate (5/5)", "fr": "Taux SMART complet (5/5)"},
    "files": {"en": "Files", "fr": "Fichiers"},
    "file": {"en": "File", "fr": "Fichier"},
    "folder": {"en": "Folder", "fr": "Dossier"},
    "kind": {"en": "Kind", "fr": "Type"},
    "rows": {"en": "Rows", "fr": "Lignes"},
    "format": {"en": "Format", "fr": "Format"},
    "modified": {"en": "Last modified", "fr": "Dernière modification"},
    "sha256": {"en": "SHA-256", "fr": "SHA-256"},
    "status": {"en": "Status", "fr": "Statut"},
    "reason": {"en": "Reason", "fr": "Raison"},
    "stray_count": {"en": "Notes outside the table", "fr": "Notes hors du tableau"},
    "findings_count": {"en": "Findings", "fr": "Constats"},
    "merged": {"en": "merged", "fr": "fusionné"},
    "skipped": {"en": "skipped", "fr": "ignoré"},
    "kept": {"en": "kept from the previous master", "fr": "conservé du maître précédent"},
    "severity": {"en": "Severity", "fr": "Gravité"},
    "type": {"en": "Type", "fr": "Type"},
    "criterion": {"en": "Criterion", "fr": "Critère"},
    "sheet": {"en": "Sheet", "fr": "Feuille"},
    "cell": {"en": "Cell", "fr": "Cellule"},
    "field": {"en": "Field", "fr": "Champ"},
    "message": {"en": "Message", "fr": "Message"},
    "fix": {"en": "How to fix", "fr": "Comment corriger"},
    "master_cell": {"en": "Cell in this master", "fr": "Cellule dans ce maître"},
    "value": {"en": "Value", "fr": "Valeur"},
    "typed_as": {"en": "Typed as", "fr": "Saisi comme"},
    "cell_value": {"en": "cell value", "fr": "valeur de cellule"},
    "cell_comment": {"en": "comment on the cell", "fr": "commentaire de la cellule"},
    "error": {"en": "Error", "fr": "Erreur"},
    "warning": {"en": "Warning", "fr": "Avertissement"},
    "info": {"en": "Info", "fr": "Info"},
    "as_typed": {"en": "{column} (as typed)", "fr": "{column} (tel que saisi)"},
    "note_merged": {"en": "{field}: from {first} (merged cells {range})",
                    "fr": "{field} : de {first} (cellules fusionnées {range})"},
    "note_covered": {"en": "{field}: empty, inside merged cells {range}",
                     "fr": "{field} : vide, dans les cellules fusionnées {range}"},
    "note_formula": {"en": "{field}: formula {formula}", "fr": "{field} : formule {formula}"},
    "note_no_result": {"en": "{field}: formula {formula}, no saved result",
                       "fr": "{field} : formule {formula}, sans résultat enregistré"},
    "master_title": {"en": "UPR Matrix master", "fr": "Classeur maître UPR Matrix"},
    "merged_on": {"en": "Merged on", "fr": "Fusionné le"},
    "none": {"en": "(none)", "fr": "(aucun)"},
    "kind_implementation_plan": {"en": "Implementation plan", "fr": "Plan de mise en œuvre"},
    "kind_action_strategy": {"en": "Action strategy", "fr": "Stratégie d'action"},
    "kind_recommendations": {"en": "Recommendation list", "fr": "Liste de recommandations"},
    "kind_master": {"en": "Master", "fr": "Maître"},
    "kind_unknown": {"en": "Not recognised", "fr": "Non reconnu"},
}


def label(key: str, lang: str, **values: object) -> str:
    text = LABELS[key]["fr" if lang == "fr" else "en"]
    return text.format(**values) if values else text


def cell_notes(sheet: SheetSchema, values: dict[str, object], cells: dict[str, str], merged: dict[str, str],
               formulas: dict[str, str], uncomputed: set[str], lang: str) -> str:
    """One line saying which values came from merged cells or formulas, in column order."""
    notes = []
    for column in sheet.columns:
        key, field = column.key, column.label(lang)
        if key in merged:
            first = cells.get(key, "") if values.get(key) is not None else ""
            notes.append(label("note_merged", lang, field=field, first=first, range=merged[key]) if first
                         else label("note_covered", lang, field=field, range=merged[key]))
        if key in formulas:
            notes.append(label("note_no_result" if key in uncomputed else "note_formula", lang, field=field,
                               formula=formulas[key]))
    return "; ".join(notes)


def kind_label(kind: str, lang: str) -> str:
    key = f"kind_{kind}"
    return label(key, lang) if key in LABELS else kind


def sheet_names(lang: str) -> dict[str, str]:
    names = {sheet.kind: sheet.title(lang) for sheet in MATRICES}
    for key in ("coverage", "groups", "findings", "summary", "sources", "removed", "stray"):
        names[key] = label(key, lang)
    return names


def status_label(value: object, lang: str) -> object:
    """A status in the master's language; a status the coordinator typed freely stays as typed."""
    if not isinstance(value, str):
        return value
    wanted = normalise(value)
    for en, fr in STATUSES.items():
        if wanted in (normalise(en), normalise(fr)):
            return fr if lang == "fr" else en
    return value


def status_key(value: object) -> str | None:
    """The English status a label stands for, or None for a free-typed one."""
    if not isinstance(value, str):
        return None
    wanted = normalise(value)
    for en, fr in STATUSES.items():
        if wanted in (normalise(en), normalise(fr)):
            return en
    return None


# --- rows ----------------------------------------------------------------------------

class Formula(str):
    """A formula the coordinator typed in one of their columns: written back as a formula."""


@dataclass
class MasterRow:
    """One row of a master matrix sheet (or of Removed rows)."""

    kind: str
    values: dict[str, object]                       # schema key -> value (no row key)
    group_key: str
    group: str
    extras: dict[str, object] = field(default_factory=dict)       # group extra header -> value
    coordinator: dict[str, object] = field(default_factory=dict)  # status, notes, follow-up date
    own: dict[str, object] = field(default_factory=dict)          # coordinator's own column -> value
    smart: dict[str, object] = field(default_factory=dict)        # smart_score, smart_missed, indicator_type
    source_file: str = ""
    source_sheet: str = ""
    source_row: int | None = None
    source_modified: dt.datetime | None = None
    source_notes: str = ""      # merged cells and formulas behind the values, see cell_notes()
    row_key: str = ""
    source_path: str = ""       # the file as the reader named it, to place its findings
    removed_on: dt.date | None = None
    origin: str = "source"      # "source": merged now; "kept": from the previous master
    merge_key: str = ""
    master_row: int | None = None

    @property
    def recommendation_id(self) -> str:
        value = self.values.get("recommendation_id")
        return "" if value is None else str(value).strip()

    def cell(self, key: str) -> object:
        if key in self.values:
            return self.values[key]
        if key in self.coordinator:
            return self.coordinator[key]
        if key in self.smart:
            return self.smart[key]
        if key.startswith("own:"):
            return self.own.get(key[4:])
        if key.startswith("extra:"):
            return self.extras.get(key[6:])
        return {
            "group": self.group, "source_file": self.source_file, "source_sheet": self.source_sheet,
            "source_row": self.source_row, "source_modified": self.source_modified,
            "source_notes": self.source_notes or None, "row_key": self.row_key or None,
            "group_key": self.group_key or None, "removed_on": self.removed_on,
        }.get(key)

    def content_key(self) -> str:
        return content_key(self.kind, self.group_key, self.values)

    def base_key(self) -> str:
        """Recommendation + group + the group workbook's row key; content when there is no key."""
        rest = self.row_key or f"#{self.content_key()}"
        return f"{self.kind}|{self.group_key}|{self.recommendation_id}|{rest}"


def comparable(value: object) -> str:
    """A value as text for comparing rows: whitespace, number and date forms folded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def content_key(kind: str, group_key: str, values: dict[str, object]) -> str:
    sheet = matrix(kind)
    parts = [kind, group_key, comparable(values.get("recommendation_id"))]
    parts += [comparable(values.get(c.key)) for c in sheet.inputs if c.key != "recommendation_id"]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def assign_merge_keys(rows: list[MasterRow]) -> None:
    """Give each row a unique merge key: a copied row key falls back to content, then a counter."""
    seen: set[str] = set()
    for row in rows:
        key = row.base_key()
        if key in seen:
            key = f"{row.kind}|{row.group_key}|{row.recommendation_id}|#{row.content_key()}"
        base, n = key, 1
        while key in seen:
            n += 1
            key = f"{base}~{n}"
        seen.add(key)
        row.merge_key = key


def natural_key(text: object) -> tuple:
    """77.2 before 77.10; IDs sort as numbers part by part, empty IDs last."""
    text = "" if text is None else str(text).strip().casefold()
    if not text:
        return ((2, ""),)
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", text) if part)


def row_order(row: MasterRow) -> tuple:
    return (natural_key(row.recommendation_id), row.group.casefold(), row.source_file.casefold(),
            row.source_sheet, row.source_row or 0)


# --- reading a previous master ---------------------------------------------------------

@dataclass
class OldMaster:
    path: Path
    lang: str
    rows: dict[str, list[MasterRow]]            # kind -> rows, in sheet order
    removed: list[MasterRow]
    own_columns: dict[str, list[str]]           # kind -> coordinator's own headers
    meta: WorkbookMeta | None = None


def _cell_value(cell) -> object:
    value = cell.value
    if getattr(cell, "data_type", None) == "f" and isinstance(value, str):
        return Formula(value)
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, str) and CARRIAGE_RETURN in value:
        return value.replace(CARRIAGE_RETURN, "\r")
    return value


def _group_extra_headers(wb) -> dict[str, dict[str, str]]:
    """Sheet kind -> {header in the master: the group's own header} for the groups' extra columns."""
    if COLUMNS_SHEET not in wb.sheetnames:
        return {}
    found: dict[str, dict[str, str]] = {}
    for row in wb[COLUMNS_SHEET].iter_rows(min_row=2, values_only=True):
        if row and len(row) >= 3 and row[0] and row[1] and row[2] == "extra":
            original = row[3] if len(row) > 3 and row[3] else row[1]
            found.setdefault(str(row[0]), {})[str(row[1])] = str(original)
    return found


def _read_rows(ws, kind_of_row, known: dict[str, str], extra_headers: dict[str, str]
               ) -> tuple[list[MasterRow], list[str]]:
    """Rows of a master sheet by header; unknown headers are the coordinator's own columns,
    unless the hidden column list says a group's workbook brought them."""
    rows_iter = ws.iter_rows()
    try:
        header_cells = next(rows_iter)
    except StopIteration:
        return [], []
    keys: list[str | None] = []
    own: list[str] = []
    for cell in header_cells:
        header = None if cell.value is None else str(cell.value).strip()
        if not header:
            keys.append(None)
        elif header in extra_headers:
            keys.append(extra_key(extra_headers[header]))
        elif normalise(header) in known:
            keys.append(known[normalise(header)])
        else:
            keys.append(own_key(header))
            own.append(header)
    result = []
    for cells in rows_iter:
        record: dict[str, object] = {}
        for key, cell in zip(keys, cells):
            if key is None:
                continue
            value = _cell_value(cell)
            if value is not None:
                record[key] = value
        if not record:
            continue
        kind = kind_of_row(record)
        if kind is not None:
            result.append(_row_from_record(kind, record))
    return result, own


def _row_from_record(kind: str, record: dict[str, object]) -> MasterRow:
    sheet = matrix(kind)
    schema_keys = {c.key for c in sheet.columns if not c.hidden}
    values = {k: record.get(k) for k in schema_keys}
    if values.get("recommendation_id") is not None:
        values["recommendation_id"] = str(values["recommendation_id"]).strip()
    coordinator = {c.key: record[c.key] for c in COORDINATOR_COLUMNS if c.key in record}
    smart = {c.key: record[c.key] for c in SMART_COLUMNS if c.key in record}
    source_row = record.get("source_row")
    try:
        source_row = int(source_row) if source_row is not None else None
    except (TypeError, ValueError):
        pass
    removed_on = record.get("removed_on")
    if isinstance(removed_on, dt.datetime):
        removed_on = removed_on.date()
    group = str(record.get("group") or "")
    group_key = str(record.get("group_key") or "") or _group_key_of_label(group)
    return MasterRow(
        kind=kind, values=values, group_key=group_key, group=group,
        extras={k[6:]: v for k, v in record.items() if k.startswith("extra:")},
        own={k[4:]: v for k, v in record.items() if k.startswith("own:")},
        coordinator=coordinator, smart=smart,
        source_file=str(record.get("source_file") or ""),
        source_sheet=str(record.get("source_sheet") or ""), source_row=source_row,
        source_modified=record.get("source_modified"), source_notes=str(record.get("source_notes") or ""),
        row_key=str(record.get("row_key") or ""), removed_on=removed_on, origin="kept")


def _group_key_of_label(label_text: str) -> str:
    from .groups import DEFAULT_GROUPS

    wanted = normalise(label_text)
    for group in DEFAULT_GROUPS:
        if wanted in (normalise(group.en), normalise(group.fr), group.key):
            return group.key
    return wanted


def _find_sheet(wb, key: str) -> object | None:
    for lang in ("en", "fr"):
        name = sheet_names(lang)[key]
        if name in wb.sheetnames:
            return wb[name]
    wanted = {normalise(sheet_names(lang)[key]) for lang in ("en", "fr")}
    return next((wb[n] for n in wb.sheetnames if normalise(n) in wanted), None)


def read_master(path: Path) -> OldMaster:
    """Read back a master this module wrote (possibly edited and re-saved by the coordinator)."""
    import openpyxl

    path = Path(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:
        raise OutputError(f"{path}: the existing master cannot be read ({type(exc).__name__}: {exc}); "
                          "move it away or choose another output") from exc
    try:
        meta = metadata_from_openpyxl(wb)
        is_master = (meta is not None and meta.kind == MASTER_KIND) or \
            (_find_sheet(wb, "coverage") is not None and _find_sheet(wb, "sources") is not None)
        if not is_master:
            raise OutputError(f"{path} exists and is not a UPR Matrix master; it was not replaced. "
                              "Choose another output file, or move that file away.")
        lang = meta.lang if meta and meta.lang in ("en", "fr") else "en"
        extra_headers = _group_extra_headers(wb) or {}
        rows: dict[str, list[MasterRow]] = {}
        own_columns: dict[str, list[str]] = {}
        for sheet in MATRICES:
            ws = _find_sheet(wb, sheet.kind)
            if ws is None:
                rows[sheet.kind], own_columns[sheet.kind] = [], []
                continue
            rows[sheet.kind], own_columns[sheet.kind] = _read_rows(
                ws, lambda record, kind=sheet.kind: kind, _known_headers((sheet.kind,)),
                extra_headers.get(sheet.kind, {}))
        removed: list[MasterRow] = []
        ws = _find_sheet(wb, "removed")
        if ws is not None:
            titles = {normalise(s.title(lg)): s.kind for s in MATRICES for lg in ("en", "fr")}

            def kind_of(record: dict[str, object]) -> str | None:
                return titles.get(normalise(str(record.get("matrix") or "")))

            removed, own = _read_rows(ws, kind_of, _known_headers(tuple(s.kind for s in MATRICES)),
                                      extra_headers.get("removed", {}))
            for name in own:
                for kind in own_columns:
                    if name not in own_columns[kind]:
                        own_columns[kind].append(name)
        return OldMaster(path, lang, rows, removed, own_columns, meta)
    except OutputError:
        raise
    except Exception as exc:  # read-only mode parses each sheet only now: damage surfaces here
        raise OutputError(f"{path}: the existing master is damaged and cannot be read ({type(exc).__name__}: "
                          f"{' '.join(str(exc).split())}); it was left as it is: move it away or choose "
                          "another output") from exc
    finally:
        wb.close()


# --- writing ------------------------------------------------------------------------

HEADER_FONT = Font(bold=True, color="FFFFFF")
FILLS = {
    "schema": PatternFill("solid", fgColor="1F4E78"),
    "provenance": PatternFill("solid", fgColor="595959"),
    "hidden": PatternFill("solid", fgColor="595959"),
    "coordinator": PatternFill("solid", fgColor="375623"),
    "own": PatternFill("solid", fgColor="375623"),
    "smart": PatternFill("solid", fgColor="7030A0"),
    "extra": PatternFill("solid", fgColor="806000"),
    "removed": PatternFill("solid", fgColor="9C2A00"),
}
CROSS_CUTTING_FILL = PatternFill("solid", fgColor="FFE699")
NOT_ADDRESSED_FILL = PatternFill("solid", fgColor="FFC7CE")
NOT_IN_LIST_FILL = PatternFill("solid", fgColor="FFD966")   # the templates' fill for an unknown ID
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0%"


EXCEL_CELL_LIMIT = 32767   # characters in one cell
CARRIAGE_RETURN = "_x000D_"   # how Excel writes a CR inside a cell's text


def put(cell, value: object) -> None:
    """Write a value keeping its type: strings stay strings even when they start with = + - @."""
    if isinstance(value, Formula):
        cell.value = str(value)
        return
    if isinstance(value, str):
        # Excel cannot hold these; openpyxl would cut long text without a word. The merge warns of both.
        text = ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_CELL_LIMIT]
        if "\r" in text:
            # An XML reader turns a bare carriage return into a line feed: Excel's own escape keeps it
            # (a file name with a CR in it stays that name).
            text = text.replace("\r", CARRIAGE_RETURN)
        cell.value = text
        cell.data_type = "s"
        if text[:1] in "=+-@":
            # Excel shows a leading apostrophe and keeps it text when the cell is edited.
            cell.quotePrefix = True
        return
    cell.value = value
    if isinstance(value, dt.datetime):
        cell.number_format = DATE_FORMAT if value.time() == dt.time() else DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT


def write_header(ws, headers: list[str], origins: list[str] | None = None, row: int = 1) -> None:
    for i, header in enumerate(headers, start=1):
        cell = ws.cell(row, i)
        put(cell, header)
        cell.font = HEADER_FONT
        cell.fill = FILLS[(origins[i - 1] if origins else "schema")]
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def write_table(ws, headers: list[str], rows: list[list[object]], widths: list[int] | None = None,
                origins: list[str] | None = None, freeze: str = "B2") -> None:
    write_header(ws, headers, origins)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c)
            put(cell, value)
            cell.alignment = WRAP_TOP if isinstance(value, str) and len(value) > 30 else TOP
    for i, header in enumerate(headers, start=1):
        width = widths[i - 1] if widths else min(max(len(str(header)) + 2, 12), 40)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = freeze
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def _write_rows_sheet(ws, columns: list[MasterColumn], rows: list[MasterRow], lang: str,
                      removed: bool = False) -> None:
    write_header(ws, [c.header for c in columns], [c.origin for c in columns])
    for r, row in enumerate(rows, start=2):
        for c, column in enumerate(columns, start=1):
            if column.key == "matrix":
                value = matrix(row.kind).title(lang)
            elif column.key == "status":
                value = status_label(row.cell("status"), lang)
            else:
                value = row.cell(column.key)
            if value is None:
                continue
            cell = ws.cell(r, c)
            put(cell, value)
            long_text = column.column is None or column.column.width >= 24
            cell.alignment = WRAP_TOP if long_text and isinstance(value, str) else TOP
    for i, column in enumerate(columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = column.width
        if column.origin == "hidden":
            ws.column_dimensions[letter].hidden = True
    ws.freeze_panes = "C2" if not removed else "D2"
    last = max(len(rows) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    keys = [c.key for c in columns]
    if not removed and "status" in keys:
        letter = get_column_letter(keys.index("status") + 1)
        choices = [fr if lang == "fr" else en for en, fr in STATUSES.items()]
        dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                            showErrorMessage=False)
        dv.promptTitle = STATUS.label(lang)
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{max(last, 2) + 1000}")


def _link(cell, sheet_title: str, coordinate: str) -> None:
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quote_sheetname(sheet_title)}!{coordinate}",
                               display=cell.value if isinstance(cell.value, str) else None)
    cell.font = Font(color="0563C1", underline="single")


def write_master(result: "MergeResult") -> Workbook:
    """The whole master workbook from a merge result."""
    from .charts import write_summary

    lang = result.lang
    names = sheet_names(lang)
    wb = Workbook()
    for i, sheet in enumerate(MATRICES):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = names[sheet.kind]
        _write_rows_sheet(ws, result.columns[sheet.kind], result.rows[sheet.kind], lang)
    _write_coverage(wb.create_sheet(names["coverage"]), result)
    _write_groups(wb.create_sheet(names["groups"]), result)
    _write_findings(wb.create_sheet(names["findings"]), result)
    write_summary(wb.create_sheet(names["summary"]), result)
    _write_sources(wb.create_sheet(names["sources"]), result)
    _write_stray(wb.create_sheet(names["stray"]), result)
    if result.removed:
        _write_rows_sheet(wb.create_sheet(names["removed"]), result.removed_columns, result.removed, lang,
                          removed=True)
    _write_columns_sheet(wb, result)
    for ws in wb.worksheets:
        _fit_layout(ws, table=ws.title != names["summary"])
    write_metadata(wb, result.meta)
    wb.active = 0
    return wb


def _fit_layout(ws, table: bool) -> None:
    """Headers wrap between words only; every row is as tall as its wrapped text (layout.py)."""
    if table:
        fit_header_widths(ws, 1)
    fit_row_heights(ws)


def _write_columns_sheet(wb, result: "MergeResult") -> None:
    ws = wb.create_sheet(COLUMNS_SHEET)
    ws.append(["sheet", "header", "origin", "name"])
    for kind, columns in [*result.columns.items(), ("removed", result.removed_columns)]:
        for column in columns:
            if column.origin in ("extra", "own"):
                ws.append([kind, column.header, column.origin, column.key.split(":", 1)[1]])
                for c in (2, 4):
                    ws.cell(ws.max_row, c).data_type = "s"
    ws.sheet_state = "veryHidden"


def _write_coverage(ws, result: "MergeResult") -> None:
    lang = result.lang
    from .schema import RECOMMENDATIONS

    list_keys = ("id", "text", "recommending_states", "response", "issues", "action_category", "groups")
    group_labels = [g.label for g in result.group_stats]
    headers = [RECOMMENDATIONS.column(k).label(lang) for k in list_keys]
    headers += [label("coverage_status", lang), label("group_count", lang), label("planned_by", lang),
                label("strategy_by", lang), label("has_strategy", lang), label("in_list", lang)]
    headers += group_labels
    rows = []
    # The list's recommendations, then the IDs typed in rows that the list lacks, apart.
    items = result.coverage + result.unlisted
    for item in items:
        record = item.record
        status = {"not_addressed": label("not_addressed", lang), "addressed": label("addressed", lang),
                  "cross_cutting": label("cross_cutting", lang),
                  "not_in_list": label("not_in_list", lang)}[item.status]
        values = [item.id] + [record.get(k) for k in list_keys[1:]]
        values += [status, len(item.groups), "; ".join(item.planned_by) or None,
                   "; ".join(item.strategy_by) or None,
                   label("yes" if item.strategy_by else "no", lang),
                   label("yes" if item.in_list else "no", lang)]
        values += [item.by_group.get(g) for g in group_labels]
        rows.append(values)
    widths = [10, 50, 18, 11, 22, 9, 22, 14, 9, 24, 24, 10, 9] + [34] * len(group_labels)
    write_table(ws, headers, rows, widths, freeze="C2")
    status_col = len(list_keys) + 1
    for r, item in enumerate(items, start=2):
        if item.status != "addressed":
            fill = {"cross_cutting": CROSS_CUTTING_FILL, "not_in_list": NOT_IN_LIST_FILL}.get(item.status,
                                                                                            NOT_ADDRESSED_FILL)
            ws.cell(r, 1).fill = fill
            ws.cell(r, status_col).fill = fill
        ws.cell(r, 1).data_type = "s"


def _write_groups(ws, result: "MergeResult") -> None:
    from .schema import GROUP_WORKSHEET

    lang = result.lang
    fields = [f for f in GROUP_WORKSHEET.fields if f.key != "group_name"]
    headers = [GROUP.label(lang)] + [f.label(lang) for f in fields]
    headers += [label(k, lang) for k in ("assigned", "rows_plan", "rows_strategy", "recs_addressed",
                                           "not_in_strategy", "completeness_plan", "completeness_strategy",
                                           "smart_mean", "smart_pass", "files")]
    rows = []
    for g in result.group_stats:
        values = [g.label] + [g.worksheet.get(f.key) for f in fields]
        values += [g.assigned, g.rows["implementation_plan"], g.rows["action_strategy"], g.addressed,
                   g.not_in_strategy, g.completeness("implementation_plan"),
                   g.completeness("action_strategy"), g.smart_mean, g.smart_pass_rate,
                   "\n".join(g.files) or None]
        rows.append(values)
    widths = [26] + [20] * len(fields) + [12, 12, 12, 12, 14, 14, 14, 11, 11, 40]
    write_table(ws, headers, rows, widths)
    first_pct = 1 + len(fields) + 6
    for r in range(2, len(rows) + 2):
        for c in (first_pct, first_pct + 1, first_pct + 3):
            ws.cell(r, c).number_format = PERCENT_FORMAT
        ws.cell(r, first_pct + 2).number_format = "0.0"


def _write_findings(ws, result: "MergeResult") -> None:
    from .findings import FINDING_TYPES

    lang = result.lang
    headers = [label(k, lang) for k in ("severity", "type", "criterion")] + [GROUP.label(lang)]
    headers += [label(k, lang) for k in ("file", "sheet", "cell")]
    headers += [IMPLEMENTATION_PLAN.column("recommendation_id").label(lang)]
    headers += [label(k, lang) for k in ("field", "message", "fix", "master_cell")]
    rows, links = [], []
    for item in result.findings:
        f = item.finding
        ftype = FINDING_TYPES.get(f.type)
        field_label = f.field
        if f.field:
            for sheet in MATRICES:
                if f.field in sheet.keys:
                    field_label = sheet.column(f.field).label(lang)
                    break
        target = f"{item.link[0]}!{item.link[1]}" if item.link else None
        rows.append([label(f.severity.value, lang), ftype.title(lang) if ftype else f.type, f.criterion or None,
                     item.group, Path(f.file).name if f.file else None, f.sheet or None, f.cell or None,
                     f.recommendation_id or None, field_label or None, f.message, f.fix or None, target])
        links.append(item.link)
    widths = [11, 22, 9, 22, 28, 18, 8, 12, 20, 60, 50, 28]
    write_table(ws, headers, rows, widths, freeze="A2")
    from openpyxl.comments import Comment

    from .limits import MAX_SHEET_HYPERLINKS, links_capped_note

    targets = [(r, link) for r, link in enumerate(links, start=2) if link]
    for r, link in targets[:MAX_SHEET_HYPERLINKS]:  # Excel repairs a sheet with more links
        _link(ws.cell(r, len(headers)), link[0], link[1])
    if len(targets) > MAX_SHEET_HYPERLINKS:
        note = links_capped_note(MAX_SHEET_HYPERLINKS, len(targets) - MAX_SHEET_HYPERLINKS, lang)
        ws.cell(1, len(headers)).comment = Comment(note, "UPR Matrix", width=320, height=100)


def _write_sources(ws, result: "MergeResult") -> None:
    lang = result.lang
    headers = [label(k, lang) for k in ("file", "folder", "kind")] + [GROUP.label(lang)]
    headers += [label(k, lang) for k in ("rows", "stray_count", "findings_count", "format", "modified",
                                           "sha256", "status", "reason")]
    rows = []
    for s in result.sources:
        path = Path(s.path)
        rows.append([path.name, str(path.parent) if s.status != "kept" else None, kind_label(s.kind, lang),
                     s.group or None, s.rows, s.stray, s.findings, s.format or None, s.modified,
                     s.sha256 or None, label(s.status, lang), s.reason or None])
    widths = [34, 30, 20, 24, 8, 10, 9, 7, 17, 20, 14, 50]
    write_table(ws, headers, rows, widths, freeze="B2")


def _write_stray(ws, result: "MergeResult") -> None:
    lang = result.lang
    headers = [GROUP.label(lang), SOURCE_FILE.label(lang), SOURCE_SHEET.label(lang), label("cell", lang),
               label("value", lang), label("typed_as", lang)]
    rows = [[s.group, s.source_file, s.sheet, s.cell, s.value,
             label("cell_comment" if getattr(s, "comment", False) else "cell_value", lang)] for s in result.stray]
    write_table(ws, headers, rows, [24, 30, 20, 8, 60, 18], freeze="A2")
