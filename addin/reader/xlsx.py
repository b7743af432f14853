"""The .xlsx and .xlsm path, through read-only openpyxl: raw sheets, the merged ranges and comments
read from the sheet XML, and the results saved for formulas typed in input cells."""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from pathlib import Path

from ..errors import InputError, library_reason
from ..files import open_regular
from ..metadata import META_SHEET, WorkbookMeta, metadata_from_openpyxl
from ..tables import check_workbook_file
from .cell_values import column_index as column_index_from_string
from .model import RawSheet


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
    if value is None or isinstance(value, (str, int, float)):
        return value
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

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


# The message key for a workbook declaring XML entities (an XML bomb).
XML_BOMB = "errors.workbook.xml_bomb"


def _is_xml_bomb(exc: BaseException | None) -> bool:
    """defusedxml refused entity declarations, however openpyxl wrapped its exception."""
    from defusedxml import DefusedXmlException

    while exc is not None:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _raw_sheets_openpyxl(path: Path, suffix: str | None = None) -> tuple[list[RawSheet], WorkbookMeta | None]:
    import openpyxl

    check_workbook_file(path, suffix)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # style and extension notes, without the file name
            wb = openpyxl.load_workbook(_openpyxl_source(path), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:
        if _is_xml_bomb(exc):
            raise InputError(path, XML_BOMB) from exc
        raise InputError(path, "errors.workbook.cannot_open", reason=library_reason(exc)) from exc
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
            if _is_xml_bomb(exc):
                raise InputError(path, XML_BOMB, sheet=sheet) from exc
            raise InputError(path, "errors.workbook.sheet_damaged_save_workbook", sheet=sheet,
                             reason=library_reason(exc)) from exc
        return sheets, meta
    finally:
        wb.close()


def _openpyxl_source(path: Path):
    """openpyxl checks the extension of a path it is given, not of an open file."""
    return path if path.suffix.lower() in (".xlsx", ".xlsm") else open_regular(path)
