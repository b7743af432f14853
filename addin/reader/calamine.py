"""The .xls and .ods path, through calamine: raw sheets with the saved results of formulas."""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import InputError, library_reason
from ..files import open_regular
from ..metadata import META_SHEET, WorkbookMeta, metadata_from_rows
from ..tables import check_workbook_file
from .model import RawSheet


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
        raise InputError(path, "errors.workbook.cannot_open", reason=library_reason(exc)) from exc
    sheets, meta = [], None
    for meta_info in wb.sheets_metadata:
        name = meta_info.name
        try:
            sheet = wb.get_sheet_by_name(name)
            rows = _calamine_rows(sheet)
        except Exception as exc:
            raise InputError(path, "errors.workbook.sheet_damaged", sheet=name, reason=library_reason(exc)) from exc
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
