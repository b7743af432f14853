"""Read a filled workbook into rows plus provenance.

One reader serves validation, merge, the benchmark and the Excel layer. It
recognises a workbook by its hidden metadata, or by its headers when the
metadata is gone (renamed, re-saved, copied into a new file), and it keeps
every non-empty cell: unknown columns become extras and text typed outside
the table becomes a stray cell, so the merge can prove nothing was lost.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from .errors import InputError
from .files import file_sha256
from .groups import normalise
from .i18n import t
from .metadata import META_SHEET, WorkbookMeta, metadata_from_openpyxl, metadata_from_rows
from .schema import (GROUP_WORKSHEET, MATRICES, RECOMMENDATIONS, SheetSchema)
from .tables import check_workbook_file
from .templates import CHOICE_HEADER, recommendation_id_of

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
# How far down a header row may sit (titles and notes above it are common).
HEADER_SEARCH_ROWS = 15
# A sheet is a matrix when this many of its columns are recognised.
MIN_MATCHED_COLUMNS = 3


@dataclass
class Cell:
    sheet: str
    row: int
    column: int
    value: object

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

    @property
    def recommendation_id(self) -> str:
        return recommendation_id_of(self.values.get("recommendation_id"))

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


# --- raw sheets ---------------------------------------------------------------

@dataclass
class RawSheet:
    name: str
    # Row 1 first; cells as values (formulas as "=..." text in xlsx). Rows are tuples or lists,
    # and an empty row may be () however wide the sheet.
    rows: list[list[object]]
    hidden: bool = False


# openpyxl turns a date-formatted number it cannot convert into "#VALUE!"; its warning keeps the number.
_DATE_OUT_OF_RANGE = re.compile(r"Cell ([A-Z]+)(\d+) is marked as a date but the serial value (\S+) is outside")


def date_overflows(caught) -> list[tuple[int, int, int | float]]:
    """(row, column, number typed) of each cell openpyxl replaced with "#VALUE!", from its warnings."""
    found = []
    for warning in caught:
        match = _DATE_OUT_OF_RANGE.search(str(warning.message))
        if match:
            serial = match[3]
            number = float(serial) if any(ch in serial for ch in ".eEn") else int(serial)
            found.append((int(match[2]), column_index_from_string(match[1]), number))
    return found


def _cell_value(value: object) -> object:
    """Array and data-table formulas come as objects: keep them as the formula text typed."""
    if isinstance(value, ArrayFormula):
        return value.text
    if isinstance(value, DataTableFormula):
        return f"=TABLE({value.r1 or ''},{value.r2 or ''})"
    return value


def _sheet_rows(ws) -> list[tuple]:
    """All rows of a read-only sheet, without trusting its dimension tag.

    A tag claiming A1:XFD1048576 would pad every row to 16,384 cells, and a stray cell a
    million rows down yields a million empty rows: those stay one shared empty tuple each.
    """
    ws.reset_dimensions()
    rows: list[tuple] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for row in ws.iter_rows(values_only=True):
            rows.append(tuple(map(_cell_value, row)) if row else ())
    for r, column, number in date_overflows(caught):
        row = list(rows[r - 1])
        row[column - 1] = number
        rows[r - 1] = tuple(row)
    return rows


XML_BOMB = "it declares XML entities, which workbooks never use (an XML bomb?); it was not read"


def _is_xml_bomb(exc: BaseException | None) -> bool:
    """defusedxml refused entity declarations, however openpyxl wrapped its exception."""
    from defusedxml import DefusedXmlException

    while exc is not None:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _problem(exc: Exception) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"   # one line, whatever the library wrote


def _raw_sheets_openpyxl(path: Path) -> tuple[list[RawSheet], WorkbookMeta | None]:
    import openpyxl

    check_workbook_file(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # style and extension notes, without the file name
            wb = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:
        raise InputError(path, XML_BOMB if _is_xml_bomb(exc) else
                         f"cannot open the workbook ({_problem(exc)})") from exc
    try:
        sheet = None
        try:
            meta = metadata_from_openpyxl(wb)
            sheets = []
            for ws in wb.worksheets:
                sheet = ws.title
                if ws.title == META_SHEET:
                    continue
                sheets.append(RawSheet(ws.title, _sheet_rows(ws), ws.sheet_state != "visible"))
        except Exception as exc:
            # Read-only mode parses a sheet only now: damage found here must name the sheet, not crash.
            raise InputError(path, XML_BOMB if _is_xml_bomb(exc) else
                             f"the sheet is damaged and cannot be read ({_problem(exc)}); open the workbook "
                             "in Excel or LibreOffice and save it again", sheet=sheet) from exc
        return sheets, meta
    finally:
        wb.close()


def _calamine_rows(sheet) -> list[tuple]:
    """A calamine sheet from A1, streamed: empty rows (a stray cell a million rows down) stay one
    shared empty tuple each, and "" for an empty cell becomes None as from openpyxl."""
    rows, width = [], 0
    for r in sheet.iter_rows():
        width = len(r)
        rows.append(() if r.count("") == width else tuple(None if v == "" else v for v in r))
    if not rows:
        return rows
    (top, left), (bottom, right) = sheet.start, sheet.end
    # iter_rows starts at the first used row and column, or at A1, depending on the version.
    if left and width == right - left + 1:
        rows = [(None,) * left + r if r else r for r in rows]
    if top and len(rows) == bottom - top + 1:
        rows = [()] * top + rows
    return rows


def _raw_sheets_calamine(path: Path) -> tuple[list[RawSheet], WorkbookMeta | None]:
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    check_workbook_file(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise InputError(path, f"cannot open the workbook ({_problem(exc)})") from exc
    sheets, meta = [], None
    for meta_info in wb.sheets_metadata:
        name = meta_info.name
        try:
            rows = _calamine_rows(wb.get_sheet_by_name(name))
        except Exception as exc:
            raise InputError(path, f"the sheet is damaged and cannot be read ({_problem(exc)})",
                             sheet=name) from exc
        if name == META_SHEET:
            meta = metadata_from_rows(rows)
            continue
        sheets.append(RawSheet(name, rows, meta_info.visible != SheetVisibleEnum.Visible))
    return sheets, meta


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# What the template's lookup formulas show for an unknown ID, as computed by Excel or LibreOffice.
LOOKUP_MARKERS = frozenset({t("not_in_list", "en"), t("not_in_list", "fr")})


def _is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _is_lookup_output(value: object) -> bool:
    """A formula, or a value a formula computed, in an auto-filled column."""
    return _is_formula(value) or value in LOOKUP_MARKERS


# --- header recognition -----------------------------------------------------------

# Cached: header search asks for it once per cell of the first rows of every sheet.
@functools.lru_cache(maxsize=32)
def _name_index(columns: tuple) -> dict[str, str]:
    index: dict[str, str] = {}
    for col in columns:
        for name in col.header_names:
            index.setdefault(normalise(name), col.key)
    return index


def match_header(header: object, columns, taken: set[str]) -> str | None:
    """The schema key a typed header stands for, tolerating case, accents and small edits."""
    if _is_empty(header):
        return None
    wanted = normalise(str(header).replace("*", ""))
    index = {k: v for k, v in _name_index(columns).items() if v not in taken}
    if wanted in index:
        return index[wanted]
    close = difflib.get_close_matches(wanted, list(index), n=1, cutoff=0.85)
    if close:
        return index[close[0]]
    # "Indicator (SMART)" or "Baseline value 2016": a full label inside a longer header.
    for name, key in sorted(index.items(), key=lambda kv: -len(kv[0])):
        if len(name) >= 5 and (wanted.startswith(name + " ") or wanted.endswith(" " + name)):
            return key
    return None


def _find_header(rows: list[list[object]], columns) -> tuple[int, dict[str, int], dict[int, str]]:
    best = (0, {}, {})
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS], start=1):
        mapping: dict[str, int] = {}
        for c, value in enumerate(row, start=1):
            key = match_header(value, columns, set(mapping))
            if key:
                mapping[key] = c
        if len(mapping) > len(best[1]):
            best = (r, mapping, {c: str(v).strip() for c, v in enumerate(row, start=1) if not _is_empty(v)})
    return best


def _sheet_titles(sheet: SheetSchema | object) -> set[str]:
    names = {normalise(sheet.en), normalise(sheet.fr)}
    names.update(normalise(a) for a in getattr(sheet, "aliases", ()))
    return names


# --- matrices, lists and forms ---------------------------------------------------------

def _read_matrix(raw: RawSheet, sheet: SheetSchema, lookup: dict[str, dict[str, object]],
                 stray: list[Cell], template_text: set[str]) -> Matrix | None:
    header_row, columns, headers = _find_header(raw.rows, sheet.columns)
    if "recommendation_id" not in columns or len(columns) < MIN_MATCHED_COLUMNS:
        return None
    width = max((len(r) for r in raw.rows), default=0)
    known = set(columns.values())
    extra_columns: dict[str, int] = {}
    # One pass over the body, not one per column: a sheet may run to a million rows.
    with_data = {c for r in raw.rows[header_row:] if r for c, v in enumerate(r, start=1) if not _is_empty(v)}
    for c in range(1, width + 1):
        if c in known:
            continue
        has_data = c in with_data
        label = headers.get(c)
        if label and normalise(label) == normalise(CHOICE_HEADER["en"]):
            continue
        if label or has_data:
            name = label or f"Column {get_column_letter(c)}"
            while name in extra_columns:
                name += " (2)"
            extra_columns[name] = c
    for r, row in enumerate(raw.rows[:header_row - 1], start=1):
        for c, value in enumerate(row, start=1):
            if not _is_empty(value) and str(value).strip() not in template_text:
                stray.append(Cell(raw.name, r, c, value))
    inputs = [c.key for c in sheet.columns if not c.autofilled and not c.hidden and c.key in columns]
    rows: list[MatrixRow] = []
    for r, row in enumerate(raw.rows[header_row:], start=header_row + 1):
        if not row:
            continue   # the empty rows of a sparse sheet, fast
        def at(col: int) -> object:
            return row[col - 1] if col - 1 < len(row) else None

        values = {key: at(col) for key, col in columns.items()}
        extras = {name: at(col) for name, col in extra_columns.items() if not _is_empty(at(col))}
        rec = lookup.get(recommendation_id_of(values.get("recommendation_id")), {})
        # A looked-up cell typed over by hand is the participant's text too.
        typed_over = any(not _is_empty(values.get(c.key)) and not _is_lookup_output(values.get(c.key))
                         and values.get(c.key) != rec.get(c.lookup)
                         for c in sheet.columns if c.autofilled and c.key in columns)
        if all(_is_empty(values.get(k)) for k in inputs) and not extras and not typed_over:
            continue
        values = {k: (None if _is_empty(v) else v) for k, v in values.items()}
        for col in sheet.columns:
            if col.autofilled and (values.get(col.key) is None or _is_lookup_output(values.get(col.key))):
                values[col.key] = rec.get(col.lookup)
        row_key = values.pop("row_key", None)
        rows.append(MatrixRow(
            kind=sheet.kind, sheet=raw.name, row=r, values=values,
            cells={k: f"{get_column_letter(c)}{r}" for k, c in columns.items()},
            extras=extras,
            extra_cells={n: f"{get_column_letter(c)}{r}" for n, c in extra_columns.items() if n in extras},
            row_key="" if row_key is None else str(row_key)))
    return Matrix(sheet, raw.name, header_row, columns, extra_columns, rows, headers)


def _read_recommendation_list(raw: RawSheet) -> list[dict[str, object]]:
    header_row, columns, _ = _find_header(raw.rows, RECOMMENDATIONS.columns)
    if "id" not in columns or "text" not in columns:
        return []
    records = []
    for row in raw.rows[header_row:]:
        if not row:
            continue
        record = {k: (row[c - 1] if c - 1 < len(row) else None) for k, c in columns.items()}
        if _is_empty(record.get("id")) or _is_formula(record.get("id")):
            continue
        record["id"] = recommendation_id_of(record["id"])
        records.append(record)
    return records


def _read_group_sheet(raw: RawSheet) -> GroupSheet | None:
    labels = {}
    for f in GROUP_WORKSHEET.fields:
        for name in f.header_names:
            labels[normalise(name)] = f.key
    values, cells = {}, {}
    for r, row in enumerate(raw.rows[:20], start=1):
        if not row or _is_empty(row[0]):
            continue
        key = labels.get(normalise(str(row[0])))
        if key and key not in values:
            value = row[1] if len(row) > 1 else None
            values[key] = None if _is_empty(value) else value
            cells[key] = f"B{r}"
    return GroupSheet(raw.name, values, cells) if len(values) >= 3 else None


def _template_text() -> set[str]:
    """Title and hint lines the templates write above the header."""
    texts = {t("hint", "en"), t("hint", "fr")}
    for sheet in MATRICES:
        texts.update({sheet.en, sheet.fr})
    return texts


def _titles_ok(value: str) -> bool:
    return any(value.startswith(s.en) or value.startswith(s.fr) for s in MATRICES)


def open_workbook(path: Path) -> WorkbookData:
    """Read any supported workbook; raises InputError when it cannot be read at all."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES:
        raise InputError(path, f"not a workbook ({suffix or 'no extension'}); use .xlsx, .xlsm, .xls or .ods")
    if suffix in (".xlsx", ".xlsm"):
        sheets, meta = _raw_sheets_openpyxl(path)
    else:
        sheets, meta = _raw_sheets_calamine(path)
    stat = path.stat()
    return read_sheets(sheets, meta, path=path, format=suffix[1:],
                       modified=dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0),
                       sha256=file_sha256(path))


def read_sheets(sheets: list[RawSheet], meta: WorkbookMeta | None, *, path: Path, format: str,
                modified: dt.datetime, sha256: str = "") -> WorkbookData:
    """Recognise matrices, the list and the group worksheet in sheets already read.

    Files come through open_workbook; a live Excel book (xlwings) can pass its sheets' values
    here directly, so validation never needs the book saved first.
    """
    recommendations: list[dict[str, object]] = []
    for raw in sheets:
        if normalise(raw.name) in _sheet_titles(RECOMMENDATIONS):
            recommendations = _read_recommendation_list(raw)
            if recommendations:
                break
    lookup = {str(r["id"]): r for r in recommendations}
    template_text = _template_text()
    matrices: list[Matrix] = []
    group_sheet = None
    stray: list[Cell] = []
    wanted = [m for m in MATRICES if not meta or meta.kind not in {x.kind for x in MATRICES}
              or m.kind == meta.kind]
    for raw in sheets:
        if raw.hidden or normalise(raw.name) in _sheet_titles(RECOMMENDATIONS):
            continue
        if normalise(raw.name) in _sheet_titles(GROUP_WORKSHEET):
            group_sheet = group_sheet or _read_group_sheet(raw)
            continue
        # Prefer the schema whose sheet title matches, then try the others by headers.
        order = sorted(wanted, key=lambda m: normalise(raw.name) not in _sheet_titles(m))
        for sheet in order:
            found_stray: list[Cell] = []
            matrix = _read_matrix(raw, sheet, lookup, found_stray, template_text)
            if matrix:
                matrices.append(matrix)
                # A title line with the group's name is template text too.
                stray.extend(c for c in found_stray
                             if not (c.row == 1 and c.column == 1 and _titles_ok(str(c.value))))
                break
        else:
            if group_sheet is None:
                group_sheet = _read_group_sheet(raw)
    return WorkbookData(
        path=Path(path), meta=meta, matrices=matrices, recommendations=recommendations,
        group_sheet=group_sheet, stray=stray, modified=modified, sha256=sha256, format=format)


def find_workbooks(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders (recursively) into workbook paths, in a stable order."""
    found: list[Path] = []
    problems: list[InputError] = []
    for path in map(Path, paths):
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                if (candidate.is_file() and candidate.suffix.lower() in WORKBOOK_SUFFIXES
                        and not candidate.name.startswith(("~$", ".~lock", "."))
                        and ".checked." not in candidate.name and ".bak." not in candidate.name):
                    found.append(candidate)
        elif path.exists():
            found.append(path)
        else:
            problems.append(InputError(path, "no such file or folder"))
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique, problems
