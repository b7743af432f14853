"""Read a filled workbook into rows plus provenance.

One reader serves validation, merge, the benchmark and the Excel layer. It
recognises a workbook by its hidden metadata, or by its headers when the
metadata is gone (renamed, re-saved, copied into a new file), and it keeps
every non-empty cell: unknown columns become extras and text typed outside
the table becomes a stray cell, so the merge can prove nothing was lost.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import functools
import io
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from .errors import InputError
from .files import file_sha256, open_regular, regular_file
from .groups import normalise
from .i18n import t
from .ids import IdIndex, id_text
from .metadata import (LIST_SHEET, META_SHEET, WorkbookMeta, full_list_from_rows, metadata_from_openpyxl,
                       metadata_from_rows)
from .schema import (GROUP_WORKSHEET, MATRICES, RECOMMENDATIONS, SheetSchema)
from .tables import OLE_MAGIC, ZIP_MAGIC, check_workbook_file
from .templates import CHOICE_HEADER, instruction_rows, recommendation_id_of

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


# --- raw sheets ---------------------------------------------------------------

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


# <mergeCell ref="F4:F6"/>, with or without a namespace prefix. Cell text cannot hide one: it is
# escaped (&lt;) or lives in the shared strings.
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)"')


def merged_ranges_xlsx(archive, member: str) -> list[tuple[int, int, int, int]] | None:
    """The merged ranges of one sheet of an open xlsx archive, read by streaming its XML.

    Read-only openpyxl does not keep them; this costs an inflate of the sheet, not a second parse.
    """
    found: set[bytes] = set()
    ranges = []
    try:
        with archive.open(member) as source:
            tail = b""
            while chunk := source.read(1 << 20):
                data = tail + chunk
                if b"mergeCell" in data:
                    for match in _MERGE_REF.finditer(data):
                        if match[0] not in found:   # the overlap kept between chunks is seen twice
                            found.add(match[0])
                            ranges.append((int(match[2]), column_index_from_string(match[1].decode()),
                                           int(match[4]), column_index_from_string(match[3].decode())))
                tail = data[-200:]
    except (KeyError, OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error):
        return None   # damage is for the sheet's own read to report
    return ranges


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def comments_xlsx(archive, member: str) -> list[tuple[int, int, str, str]]:
    """The cell comments (notes) of one sheet of an open xlsx archive: (row, column, text, author).

    Read-only openpyxl does not load them, yet they are text a participant typed.
    """
    import posixpath

    from defusedxml.ElementTree import fromstring

    folder, name = posixpath.split(member)
    try:
        rels = fromstring(archive.read(posixpath.join(folder, "_rels", name + ".rels")))
    except KeyError:
        return []
    found = []
    for rel in rels.iter(_RELS_NS + "Relationship"):
        if not rel.get("Type", "").endswith("/comments"):
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        root = fromstring(archive.read(path))
        authors = [a.text or "" for a in root.iter(_MAIN_NS + "author")]
        for comment in root.iter(_MAIN_NS + "comment"):
            match = _CELL_REF.match(comment.get("ref", "").split(":")[0])
            if not match:
                continue
            text = "".join(t.text or "" for t in comment.iter(_MAIN_NS + "t"))
            author_id = int(comment.get("authorId", -1) or -1)
            author = authors[author_id] if 0 <= author_id < len(authors) else ""
            found.append((int(match[2]), column_index_from_string(match[1]), text, author))
    return found


class NoResult:
    """A formula the file saved no result for (written by a program, never opened in Excel)."""

    def __repr__(self) -> str:
        return "NO_RESULT"


NO_RESULT = NoResult()


class SavedResults:
    """What Excel or LibreOffice saved as the result of formula cells, by (row, column).

    Opened only when a formula was typed in an input cell, so most workbooks are read once.
    """

    def __init__(self, path: Path):
        self.path = path
        self.workbook = None

    def __call__(self, sheet: str, cells) -> dict[tuple[int, int], object]:
        import openpyxl

        try:
            if self.workbook is None:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    self.workbook = openpyxl.load_workbook(_openpyxl_source(self.path), read_only=True, data_only=True,
                                                           keep_links=False)
            ws = self.workbook[sheet]
            top, bottom = min(r for r, _ in cells), max(r for r, _ in cells)
            left, right = min(c for _, c in cells), max(c for _, c in cells)
            found: dict[tuple[int, int], object] = {}
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rows = ws.iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right)
                for r, row in enumerate(rows, start=top):
                    for c, cell in enumerate(row, start=left):
                        if (r, c) not in cells:
                            continue
                        value = _cell_value(cell.value)
                        # An empty result is saved as t="str" with an empty value; no result has no type.
                        found[(r, c)] = value if value is not None else "" if cell.data_type == "str" \
                            else NO_RESULT
            return found
        except Exception:   # the file was read once already: without its results, formulas stay as typed
            return {}

    def close(self) -> None:
        if self.workbook is not None:
            self.workbook.close()


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


def _raw_sheets_openpyxl(path: Path, suffix: str | None = None) -> tuple[list[RawSheet], WorkbookMeta | None]:
    import openpyxl

    check_workbook_file(path, suffix)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # style and extension notes, without the file name
            wb = openpyxl.load_workbook(_openpyxl_source(path), read_only=True, data_only=False, keep_links=False)
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
                member = getattr(ws, "_worksheet_path", None)   # openpyxl's own name for the sheet XML
                archive = getattr(wb, "_archive", None)
                merged = merged_ranges_xlsx(archive, member) if member and archive else None
                comments = comments_xlsx(archive, member) if member and archive else []
                sheets.append(RawSheet(ws.title, _sheet_rows(ws), ws.sheet_state != "visible", merged, comments))
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


def _calamine_merged(sheet) -> list[tuple[int, int, int, int]] | None:
    """calamine's merged ranges (0-based corners) as 1-based ones; None where it has none to give."""
    ranges = getattr(sheet, "merged_cell_ranges", None)
    if ranges is None:
        return None
    return [(top + 1, left + 1, bottom + 1, right + 1) for (top, left), (bottom, right) in ranges]


def _raw_sheets_calamine(path: Path, suffix: str | None = None) -> tuple[list[RawSheet], WorkbookMeta | None]:
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    ods_merged = check_workbook_file(path, suffix)
    try:
        if path.suffix.lower() == (suffix or path.suffix.lower()):
            wb = CalamineWorkbook.from_path(str(path))
        else:
            with open_regular(path) as handle:
                wb = CalamineWorkbook.from_filelike(io.BytesIO(handle.read()))
    except Exception as exc:
        raise InputError(path, f"cannot open the workbook ({_problem(exc)})") from exc
    sheets, meta = [], None
    for meta_info in wb.sheets_metadata:
        name = meta_info.name
        try:
            sheet = wb.get_sheet_by_name(name)
            rows = _calamine_rows(sheet)
        except Exception as exc:
            raise InputError(path, f"the sheet is damaged and cannot be read ({_problem(exc)})",
                             sheet=name) from exc
        if name == META_SHEET:
            meta = metadata_from_rows(rows)
            continue
        # calamine knows merged ranges in .xls and .xlsx; for .ods the file check found them.
        merged = _calamine_merged(sheet)
        if merged is None and ods_merged is not None:
            merged = ods_merged.get(name, [])
        comments = getattr(ods_merged, "comments", {}).get(name, [])   # .ods only: calamine has none
        sheets.append(RawSheet(name, rows, meta_info.visible != SheetVisibleEnum.Visible, merged, comments))
    return sheets, meta


# What Excel (and LibreOffice, saving .xlsx) shows in a cell instead of a value. calamine reads them
# from .ods and .xls as empty cells, so there they count as missing.
# openpyxl knows the classic seven; newer Excel adds the rest.
ERROR_VALUES = frozenset(ERROR_CODES) | {"#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!",
                                         "#BUSY!", "#UNKNOWN!"}


def _error_value(value: object) -> str:
    return value.strip() if isinstance(value, str) and value.strip() in ERROR_VALUES else ""


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
    return _match_header(str(header), columns, frozenset(taken))


# Cached: every sheet's first rows are matched cell by cell, and the same texts come back.
@functools.lru_cache(maxsize=1 << 16)
def _match_header(header: str, columns, taken: frozenset[str]) -> str | None:
    wanted = normalise(header.replace("*", ""))
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


def _find_header(rows: list[list[object]], columns, limit: int | None = HEADER_SEARCH_ROWS
                 ) -> tuple[int, dict[str, int], dict[int, str]]:
    best = (0, {}, {})
    for r, row in enumerate(rows[:limit], start=1):
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

def _typed_formulas(body: list, first_row: int, columns: list[int]) -> dict[tuple[int, int], str]:
    """Formula text (or text that looks like one) in the given columns, by (row, column)."""
    found = {}
    for r, row in enumerate(body, start=first_row):
        if row:
            width = len(row)
            for c in columns:
                value = row[c - 1] if c <= width else None
                if isinstance(value, str) and value.startswith("="):
                    found[(r, c)] = value
    return found


def _spans_by_column(merged, columns: dict[str, int], header_row: int) -> dict[int, tuple[list, list]]:
    """Merged ranges reaching below the header, under each matrix column they cover, sorted by
    first row (ranges never overlap, so a cell is in the last one starting at or above it)."""
    spans: dict[int, list[tuple]] = {}
    for top, left, bottom, right in merged or ():
        if bottom <= header_row or (top == bottom and left == right):
            continue
        ref = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
        for c in set(columns.values()):
            if left <= c <= right:
                spans.setdefault(c, []).append((top, left, bottom, right, ref))
    return {c: ([s[0] for s in found], found) for c, found in ((c, sorted(v)) for c, v in spans.items())}


def _span_at(spans: dict[int, tuple[list, list]], r: int, c: int) -> tuple | None:
    tops, found = spans.get(c, ((), ()))
    i = bisect.bisect_right(tops, r) - 1
    return found[i] if i >= 0 and found[i][2] >= r else None


def _clean_header(text: object, key: str, columns) -> bool:
    """The header names this key alone: its label or a close spelling, not a longer header that
    merely contains it ("Goal / Action expected of Government")."""
    if _is_empty(text):
        return False
    wanted = normalise(str(text).replace("*", ""))
    names = [n for n, k in _name_index(columns).items() if k == key]
    return wanted in names or bool(difflib.get_close_matches(wanted, names, n=1, cutoff=0.85))


def _laid_out_as_template(raw: RawSheet, sheet: SheetSchema, header_row: int, headers: dict[int, str]) -> bool:
    """Without metadata: a header row where the template put it, with most columns named cleanly at
    the template's place (a copy that lost its metadata). A merged header is then read as with it."""
    if header_row != sheet.header_row or not any(top <= header_row <= bottom and right > left
                                                 for top, left, bottom, right in raw.merged or ()):
        return False
    clean = sum(_clean_header(headers.get(i), c.key, sheet.columns) for i, c in enumerate(sheet.columns, start=1))
    return clean * 2 >= len(sheet.columns)


def _template_positions(raw: RawSheet, sheet: SheetSchema, header_row: int, columns: dict[str, int],
                        headers: dict[int, str], notices: list[Notice]) -> dict[str, int]:
    """Columns of a sheet the metadata says is this project's template.

    A header that names its column cleanly places it (a column moved by hand is found where it
    went). Any other column sits where the template put it: a header merged across two columns,
    or one that names two, is only a cross-check, and each disagreement is reported.
    """
    if header_row != sheet.header_row:
        return columns
    across = {c for top, left, bottom, right in raw.merged or () if top <= header_row <= bottom and right > left
              for c in range(left, right + 1)}
    placed = {k: c for k, c in columns.items()
              if c not in across and _clean_header(headers.get(c), k, sheet.columns)}
    taken = set(placed.values())
    for position, column in enumerate(sheet.columns, start=1):
        key = column.key
        if key in placed:
            continue
        if position not in taken:
            placed[key] = position
            taken.add(position)
            if columns.get(key) != position:
                letter = get_column_letter(position)
                notices.append(Notice("header-mismatch", "header_mismatch", raw.name, f"{letter}{header_row}",
                                      header_row, key, {"column": letter, "typed": headers.get(position, ""),
                                                        "expected": column.label("en")},
                                      "header_mismatch.fix"))
        elif key in columns and columns[key] not in taken:
            placed[key] = columns[key]
            taken.add(columns[key])
    return placed


def _read_matrix(raw: RawSheet, sheet: SheetSchema, lookup: dict[str, dict[str, object]],
                 stray: list[Cell], template_text: set[str], formula_values=None, *,
                 ids: IdIndex | None = None, positional: bool = False,
                 notices: list[Notice] | None = None) -> Matrix | None:
    header_row, columns, headers = _find_header(raw.rows, sheet.columns)
    if "recommendation_id" not in columns or len(columns) < MIN_MATCHED_COLUMNS:
        return None
    ids = ids if ids is not None else IdIndex(lookup)
    notices = notices if notices is not None else []
    if positional or _laid_out_as_template(raw, sheet, header_row, headers):
        columns = _template_positions(raw, sheet, header_row, columns, headers, notices)
    width = max((len(r) for r in raw.rows), default=0)
    known = set(columns.values())
    extra_columns: dict[str, int] = {}
    # One pass over the body, not one per column: a sheet may run to a million rows.
    with_data = {c for r in raw.rows[header_row:] if r for c, v in enumerate(r, start=1) if not _is_empty(v)}
    headerless: list[int] = []
    for c in range(1, width + 1):
        if c in known:
            continue
        has_data = c in with_data
        label = headers.get(c)
        if label and normalise(label) == normalise(CHOICE_HEADER["en"]):
            continue
        if label:
            name = label
            while name in extra_columns:
                name += " (2)"
            extra_columns[name] = c
        elif has_data:
            headerless.append(c)
    for c in _unnamed_data_columns(raw.rows, header_row, headerless, columns, sheet, stray, raw.name):
        name = f"Column {get_column_letter(c)}"
        while name in extra_columns:
            name += " (2)"
        extra_columns[name] = c
    for r, row in enumerate(raw.rows[:header_row - 1], start=1):
        for c, value in enumerate(row, start=1):
            if not _is_empty(value) and str(value).strip() not in template_text:
                stray.append(Cell(raw.name, r, c, value))
    inputs = [c.key for c in sheet.columns if not c.autofilled and not c.hidden and c.key in columns]

    # Formulas typed in input cells count for what Excel showed: the result the file saved.
    # The template's own lookup formulas are not inputs and stay out of this.
    body = raw.rows[header_row:]
    typed = _typed_formulas(body, header_row + 1, [columns[k] for k in inputs]) if formula_values else {}
    saved = formula_values(raw.name, typed) if typed else {}
    shown: dict[tuple[int, int], object] = {}      # (row, column) -> the formula's result
    formula_at: dict[tuple[int, int], str] = {}
    for cell, text in typed.items():
        result = saved.get(cell, text)
        if result is NO_RESULT or (isinstance(result, str) and result == text):
            if result is NO_RESULT:
                formula_at[cell] = text       # no result saved: the text stays
            continue                          # same text both ways: typed text, not a formula
        shown[cell] = None if _is_empty(result) else result
        formula_at[cell] = text
    shown_rows = {r for r, _ in shown}
    spans = _spans_by_column(raw.merged, columns, header_row)

    def raw_value(r: int, c: int) -> object:
        if (r, c) in shown:
            return shown[(r, c)]
        row = raw.rows[r - 1] if r - 1 < len(raw.rows) else ()
        return row[c - 1] if c - 1 < len(row) else None

    rows: list[MatrixRow] = []
    for r, row in enumerate(body, start=header_row + 1):
        if not row:
            continue   # the empty rows of a sparse sheet, fast
        def at(col: int) -> object:
            return row[col - 1] if col - 1 < len(row) else None

        values = {key: at(col) for key, col in columns.items()}
        if r in shown_rows:
            values.update({k: shown[(r, c)] for k, c in columns.items() if (r, c) in shown})
        extras = {name: at(col) for name, col in extra_columns.items() if not _is_empty(at(col))}
        resolved = ids.resolve(values.get("recommendation_id"))
        rec = {} if resolved.ambiguous else lookup.get(resolved.id, {})   # never the text of a guess
        # A looked-up cell typed over by hand is the participant's text too.
        typed_over = any(not _is_empty(values.get(c.key)) and not _is_lookup_output(values.get(c.key))
                         and values.get(c.key) != rec.get(c.lookup)
                         for c in sheet.columns if c.autofilled and c.key in columns)
        # A row is filled by what was typed in it: a value merged down into it does not count alone.
        if all(_is_empty(values.get(k)) for k in inputs) and not extras and not typed_over:
            continue
        values = {k: (None if _is_empty(v) else v) for k, v in values.items()}
        cells = {k: f"{get_column_letter(c)}{r}" for k, c in columns.items()}
        source = {k: (r, columns[k]) for k in inputs}
        merged: dict[str, str] = {}
        for key in inputs if spans else ():
            col = columns[key]
            span = _span_at(spans, r, col)
            if span is None or (span[0], span[1]) == (r, col) or values[key] is not None:
                continue
            top, left, _, _, ref = span
            merged[key] = ref
            # Excel keeps a merged range's value in its first cell. Down a column, that value counts
            # for every row the range covers; across columns it stays in the first field only.
            if left == col and top > header_row:
                value = raw_value(top, col)
                if not _is_empty(value):
                    values[key], cells[key], source[key] = value, f"{get_column_letter(col)}{top}", (top, col)
        if merged.get("recommendation_id") and values["recommendation_id"] is not None:
            resolved = ids.resolve(values["recommendation_id"])
            rec = {} if resolved.ambiguous else lookup.get(resolved.id, {})
        for col in sheet.columns:
            if col.autofilled and (values.get(col.key) is None or _is_lookup_output(values.get(col.key))):
                values[col.key] = rec.get(col.lookup)
        formulas = {k: formula_at[source[k]] for k in inputs if source[k] in formula_at} if formula_at else {}
        row_key = values.pop("row_key", None)
        rows.append(MatrixRow(
            kind=sheet.kind, sheet=raw.name, row=r, values=values, cells=cells,
            extras=extras,
            extra_cells={n: f"{get_column_letter(c)}{r}" for n, c in extra_columns.items() if n in extras},
            row_key="" if row_key is None else str(row_key), merged=merged, formulas=formulas,
            uncomputed={k for k in formulas if formulas[k] == values.get(k)},
            errors={k: e for k in inputs if (e := _error_value(values.get(k)))},
            resolved_id=resolved.id, ambiguous_ids=resolved.ambiguous))
    return Matrix(sheet, raw.name, header_row, columns, extra_columns, rows, headers)


def _unnamed_data_columns(rows: list, header_row: int, headerless: list[int], columns: dict[str, int],
                          sheet: SheetSchema, stray: list[Cell], sheet_name: str) -> list[int]:
    """Of the columns beside the table with no header, those that hold data: a value on at least
    three rows, all of them typed rows, and on half of the typed rows or more (a column someone
    forgot to name). The others hold notes: each of their cells is a stray cell, like text typed
    above the table, and no master column is made of them."""
    if not headerless:
        return []
    inputs = [columns[c.key] for c in sheet.columns if not c.autofilled and not c.hidden and c.key in columns]

    def value(row, col: int) -> object:
        return row[col - 1] if col - 1 < len(row) else None

    typed_rows = {r for r, row in enumerate(rows[header_row:], start=header_row + 1)
                  if row and any(not _is_empty(value(row, c)) for c in inputs)}
    data = []
    for col in headerless:
        cells = [(r, value(row, col)) for r, row in enumerate(rows[header_row:], start=header_row + 1)
                 if row and not _is_empty(value(row, col))]
        on_typed = sum(r in typed_rows for r, _ in cells)
        if len(cells) >= 3 and on_typed == len(cells) and on_typed * 2 >= len(typed_rows):
            data.append(col)
        else:
            stray.extend(Cell(sheet_name, r, col, v) for r, v in cells)
    return data


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
        record["id"] = id_text(record["id"])   # an ID, never a label: "A/HRC/17/4 - 77.1" stays whole
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


def _group_sheet_stray(raw: RawSheet, recommendations: list[dict[str, object]]) -> list[Cell]:
    """Cells of the group worksheet that are neither its form nor its computed table: notes a
    group typed there. Formulas are the template's; their results (in .ods and .xls) show the
    list's IDs and texts."""
    own = _group_sheet_texts() | {" ".join(str(v).split()) for r in recommendations
                                  for v in (r.get("id"), r.get("text")) if v}
    found = []
    for r, row in enumerate(raw.rows, start=1):
        if not row:
            continue
        labelled = not _is_empty(row[0]) and " ".join(str(row[0]).split()) in own
        for c, value in enumerate(row, start=1):
            if _is_empty(value) or _is_formula(value) or (c == 2 and labelled):
                continue
            text = " ".join(str(value).split())
            if text in own or (r == 1 and c == 1 and text.startswith((GROUP_WORKSHEET.en, GROUP_WORKSHEET.fr))):
                continue
            found.append(Cell(raw.name, r, c, value))
    return found


@functools.lru_cache(maxsize=1)
def _group_sheet_texts() -> frozenset[str]:
    """What the template writes on the group worksheet, in both languages."""
    texts = {GROUP_WORKSHEET.not_addressed_en, GROUP_WORKSHEET.not_addressed_fr}
    for lang in ("en", "fr"):
        texts.update({t("group_worksheet_hint", lang), t("not_addressed_count", lang), t("addressed", lang),
                      t("not_addressed", lang), GROUP_WORKSHEET.title(lang), RECOMMENDATIONS.column("id").label(lang),
                      RECOMMENDATIONS.column("text").label(lang)})
        texts.update(m.title(lang) for m in MATRICES)
        texts.update(f.label(lang) for f in GROUP_WORKSHEET.fields)
    return frozenset(" ".join(x.split()) for x in texts)


def _template_text() -> set[str]:
    """Title and hint lines the templates write above the header."""
    texts = {t("hint", "en"), t("hint", "fr")}
    for sheet in MATRICES:
        texts.update({sheet.en, sheet.fr})
    return texts


def _titles_ok(value: str) -> bool:
    return any(value.startswith(s.en) or value.startswith(s.fr) for s in MATRICES)


def workbook_suffix(path: Path) -> str:
    """The workbook format a file holds: its extension ("x.xlsx " with a trailing space too), or,
    without one, what its first bytes say; "" when it is no workbook this reader can open."""
    suffix = Path(str(path).rstrip(" .")).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return suffix
    if suffix and suffix[1:].isalpha():
        return ""   # .pdf, .docx, .xlsb ...: an extension that says what the file is
    try:
        with open_regular(path) as handle:
            head = handle.read(8)
    except InputError:
        return ""
    if head.startswith(OLE_MAGIC):
        return ".xls"
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return ""
        if "xl/workbook.xml" in names:
            return ".xlsm" if "xl/vbaProject.bin" in names else ".xlsx"
        if "content.xml" in names:
            return ".ods"
    return ""


def open_workbook(path: Path) -> WorkbookData:
    """Read any supported workbook; raises InputError when it cannot be read at all.

    Only a regular file is opened (a named pipe or a device would block forever)."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise InputError(path, "no such file")
    info = regular_file(path)
    suffix = workbook_suffix(path)
    if not suffix:
        typed = path.suffix.lower()
        if typed == ".xlsb":
            raise InputError(path, "an Excel binary workbook (.xlsb), which cannot be read; open it in Excel and "
                                   "save it as .xlsx")
        raise InputError(path, f"not a workbook ({typed or 'no extension'}); use .xlsx, .xlsm, .xls or .ods")
    if suffix in (".xlsx", ".xlsm"):
        sheets, meta = _raw_sheets_openpyxl(path, suffix)
        saved = SavedResults(path)
    else:
        sheets, meta = _raw_sheets_calamine(path, suffix)   # calamine reads formulas' saved results already
        saved = None
    try:
        return read_sheets(sheets, meta, path=path, format=suffix[1:],
                           modified=dt.datetime.fromtimestamp(info.st_mtime).replace(microsecond=0),
                           sha256=file_sha256(path), formula_values=saved)
    finally:
        if saved is not None:
            saved.close()


def _openpyxl_source(path: Path):
    """openpyxl checks the extension of a path it is given, not of an open file."""
    return path if path.suffix.lower() in (".xlsx", ".xlsm") else open_regular(path)


def read_sheets(sheets: list[RawSheet], meta: WorkbookMeta | None, *, path: Path, format: str,
                modified: dt.datetime, sha256: str = "", formula_values=None) -> WorkbookData:
    """Recognise matrices, the list and the group worksheet in sheets already read.

    Files come through open_workbook; a live Excel book (xlwings) can pass its sheets' values
    here directly, so validation never needs the book saved first. formula_values(sheet, cells)
    gives the saved results of formulas typed in input cells (see SavedResults); without it,
    and without RawSheet.merged, formulas and merged cells are read as they are.

    Nothing typed is dropped: a sheet that is neither a matrix nor one of the tool's own
    (hidden or not) gives all its cells as stray cells, text typed on the Instructions sheet
    is stray too, and every cell comment is a stray cell of its own.
    """
    recommendations: list[dict[str, object]] = []
    full_list = next((full_list_from_rows(raw.rows) for raw in sheets if raw.name == LIST_SHEET), [])
    sheets = [raw for raw in sheets if raw.name != LIST_SHEET]
    for raw in sheets:
        if normalise(raw.name) in _sheet_titles(RECOMMENDATIONS):
            recommendations = _read_recommendation_list(raw)
            if recommendations:
                break
    lookup = {str(r["id"]): r for r in recommendations}
    ids = IdIndex(lookup)
    template_text = _template_text()
    matrices: list[Matrix] = []
    group_sheet = None
    stray: list[Cell] = []
    notices: list[Notice] = []
    template_kinds = {x.kind for x in MATRICES}
    wanted = [m for m in MATRICES if not meta or meta.kind not in template_kinds or m.kind == meta.kind]
    for raw in sheets:
        stray.extend(Cell(raw.name, r, c, text, comment=True) for r, c, text, author in raw.comments
                     if author != _ANNOTATION_AUTHOR)
        title = normalise(raw.name)
        if title in _sheet_titles(RECOMMENDATIONS) or title in _OWN_CONFIG_SHEETS or _is_check_sheet(raw):
            continue
        if title in _sheet_titles(GROUP_WORKSHEET):
            group_sheet = group_sheet or _read_group_sheet(raw)
            stray.extend(_group_sheet_stray(raw, recommendations))
            continue
        if title in _INSTRUCTIONS_TITLES:
            # The example row shows a recommendation of the workbook's own list.
            own = _instruction_texts() | {" ".join(str(v).split()) for r in recommendations
                                          for v in (r.get("id"), r.get("text")) if v}
            stray.extend(Cell(raw.name, r, c, v) for r, row in enumerate(raw.rows, start=1) if row
                         for c, v in enumerate(row, start=1)
                         if not _is_empty(v) and " ".join(str(v).split()) not in own)
            continue
        # Prefer the schema whose sheet title matches, then try the others by headers.
        order = sorted(wanted, key=lambda m: title not in _sheet_titles(m))
        for sheet in order:
            found_stray: list[Cell] = []
            positional = bool(meta and meta.kind == sheet.kind)
            matrix = _read_matrix(raw, sheet, lookup, found_stray, template_text, formula_values, ids=ids,
                                  positional=positional, notices=notices)
            if matrix:
                matrices.append(matrix)
                # A title line with the group's name is template text too.
                stray.extend(c for c in found_stray
                             if not (c.row == 1 and c.column == 1 and _titles_ok(str(c.value))))
                break
        else:
            form = _read_group_sheet(raw) if group_sheet is None and not raw.hidden else None
            if form is not None:
                group_sheet = form
            else:   # an extra sheet of notes, a hidden copy, anything: every typed cell is kept
                stray.extend(Cell(raw.name, r, c, v) for r, row in enumerate(raw.rows, start=1) if row
                             for c, v in enumerate(row, start=1) if not _is_empty(v))
    hint = "" if matrices else _low_header_hint(sheets, wanted)
    return WorkbookData(
        path=Path(path), meta=meta, matrices=matrices, recommendations=recommendations,
        group_sheet=group_sheet, stray=stray, modified=modified, sha256=sha256, format=format,
        notices=notices, no_matrix_hint=hint, full_list=full_list)


# The annotated copy's own notes and Check sheet (see annotate.py) are not typed by participants.
_ANNOTATION_AUTHOR = "UPR Matrix"
_OWN_CONFIG_SHEETS = frozenset(normalise(t("lists", lang)) for lang in ("en", "fr"))
_INSTRUCTIONS_TITLES = frozenset(normalise(t("instructions", lang)) for lang in ("en", "fr"))
# How far below the search window a header is looked for, only to say where it is.
HEADER_HINT_ROWS = 1000


def _is_check_sheet(raw: RawSheet) -> bool:
    first = raw.rows[0] if raw.rows else ()
    return normalise(raw.name) == "check" and bool(first) and str(first[0]) in ("Severity", "Gravité")


@functools.lru_cache(maxsize=1)
def _instruction_texts() -> frozenset[str]:
    """Every text the templates write on the Instructions sheet, in both languages."""
    return frozenset(" ".join(str(v).split()) for sheet in MATRICES for lang in ("en", "fr")
                     for row in instruction_rows(sheet, lang) for v in row if v)


def _low_header_hint(sheets: list[RawSheet], wanted) -> str:
    """Where a header row sits below the rows searched, and how to bring it up."""
    for raw in sheets:
        for sheet in wanted:
            below = raw.rows[HEADER_SEARCH_ROWS:HEADER_SEARCH_ROWS + HEADER_HINT_ROWS]
            row, columns, _ = _find_header(below, sheet.columns, limit=None)
            if "recommendation_id" in columns and len(columns) >= MIN_MATCHED_COLUMNS:
                at = row + HEADER_SEARCH_ROWS
                return (f"sheet {raw.name!r} has its header row at row {at}, below the first {HEADER_SEARCH_ROWS} "
                        f"rows searched; delete {at - HEADER_SEARCH_ROWS} or more of the rows above it so that the "
                        f"header is within rows 1 to {HEADER_SEARCH_ROWS}")
    return ""


def find_workbooks(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """The workbooks to read under paths, and the unusable inputs (inputs.scan_inputs tells the rest)."""
    from .inputs import scan_inputs

    scan = scan_inputs(paths)
    return scan.files, scan.problems
