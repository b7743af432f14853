"""Draw a flag plan (annotate.plan_flags) on the open workbook, and take it away again.

The same plan is what `upr validate --annotate` draws on a copy: fills, notes and a Check
sheet. What a flag replaced is kept on the Check sheet, hidden, as the copy keeps it, so that
Clear flags can put it back even in a later session.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math

import xlwings as xw

from ..annotate import (CHECK_SHEETS, CHECK_WIDTHS, CHECK_WRAPPED_COLUMNS, ORIGINAL_FILLS_COLUMN,
                        ORIGINAL_FILLS_HEADER, SEVERITY_FILLS, FlagPlan, internal_link)
from ..layout import header_width
from ..limits import cell_chunks
from ..reader import WorkbookData
from ..templates import AUTO_FILL
from .live import cell_key, is_remote, noted_cells

# Cells whose note the flag added: only those notes are ours to delete.
NOTES_KEY = "notes"
FILLS_KEY = "fills"


def _hex(color) -> str | None:
    if color is None:
        return None
    if isinstance(color, str):
        return "#" + color.lstrip("#").upper()[-6:]
    return "#{:02X}{:02X}{:02X}".format(*color)


def _template_fill(data: WorkbookData, sheet: str, coordinate: str) -> str | None:
    """The fill the template gives a cell, for clients that cannot read a cell's colour."""
    from openpyxl.utils import coordinate_to_tuple

    row, column = coordinate_to_tuple(coordinate)
    for matrix in data.matrices:
        if matrix.sheet != sheet or row <= matrix.header_row:
            continue
        key = next((k for k, c in matrix.columns.items() if c == column), None)
        if key and matrix.schema.column(key).autofilled:
            return "#" + AUTO_FILL.fgColor.rgb[-6:]
    return None


def _fill_of(book: xw.Book, data: WorkbookData, sheet: str, coordinate: str) -> str | None:
    try:
        return _hex(book.sheets[sheet][coordinate].color)
    except NotImplementedError:  # Office.js sends values only
        return _template_fill(data, sheet, coordinate)


def check_sheet(book: xw.Book) -> xw.Sheet | None:
    """Our Check sheet, if the book has one (a sheet the user named Check is not ours)."""
    for sheet in book.sheets:
        if sheet.name in CHECK_SHEETS.values():
            if sheet.range((1, ORIGINAL_FILLS_COLUMN)).value == ORIGINAL_FILLS_HEADER:
                return sheet
    return None


class _Notes:
    """Whether a cell holds a note, asked of each sheet's list once where the engine keeps one."""

    def __init__(self, book: xw.Book):
        self.book, self.known = book, {}

    def present(self, sheet: str, coordinate: str) -> bool:
        if sheet not in self.known:
            self.known[sheet] = noted_cells(self.book.sheets[sheet])
        known = self.known[sheet]
        if known is None:
            return self.book.sheets[sheet][coordinate].note is not None
        return cell_key(coordinate) in known

    def add(self, cell: xw.Range, sheet: str, coordinate: str, text: str) -> bool:
        """Add the note; False where the client cannot hold notes (Excel before ExcelApi 1.18): the
        fill and the Check sheet still show the finding."""
        known = self.known.get(sheet)
        try:
            if known is None:
                cell.add_note(text)
                return True
            # Range.add_note first asks Range.note, which on this engine searches every note of the sheet:
            # a few thousand flags took seconds. We have just checked there is none, so add it directly.
            cell.impl.add_note(text)
        except NotImplementedError:
            return False
        known.add(cell_key(coordinate))
        return True


def draw(book: xw.Book, plan: FlagPlan, data: WorkbookData) -> None:
    fills, notes = {}, []
    sheet_names = [s.name for s in book.sheets]
    noted = _Notes(book)
    for flag in plan.cells:
        if flag.sheet not in sheet_names:
            continue
        key = f"{flag.sheet}!{flag.coordinate}"
        fills[key] = _fill_of(book, data, flag.sheet, flag.coordinate)
        cell = book.sheets[flag.sheet][flag.coordinate]
        cell.color = flag.color
        # A note the participant wrote stays as it is; the Check sheet still lists the finding.
        if not noted.present(flag.sheet, flag.coordinate) and noted.add(cell, flag.sheet, flag.coordinate,
                                                                         flag.note):
            notes.append(key)
    sheet = book.sheets.add(plan.check_sheet, before=book.sheets[0])
    rows = [list(plan.check_headers)]
    for index, values in enumerate(plan.check_rows):
        values = ["" if v is None else v for v in values]
        if index in plan.links:
            target_sheet, target_cell = plan.links[index]
            # A formula, not a hyperlink object: it works the same in every client.
            values[4] = f'=HYPERLINK("{internal_link(target_sheet, target_cell)}","{target_cell}")'
        rows.append([_as_text(v) for v in values])
    sheet.range((1, 1)).value = rows
    # One cell holds at most 32,767 characters: a long record runs down the column, as in a copy.
    record = cell_chunks(json.dumps({FILLS_KEY: fills, NOTES_KEY: notes}))
    sheet.range((1, ORIGINAL_FILLS_COLUMN)).value = [[ORIGINAL_FILLS_HEADER]] + [[chunk] for chunk in record]
    # Findings come sorted by severity: one fill per block of rows.
    first = 2
    for severity, block in itertools.groupby(plan.severities):
        count = len(list(block))
        sheet.range((first, 1), (first + count - 1, 1)).color = "#" + SEVERITY_FILLS[severity].fgColor.rgb[-6:]
        first += count
    # The record is ours, not the reader's (Range.column_hidden is no xlwings property: it hid nothing).
    sheet.range((1, ORIGINAL_FILLS_COLUMN)).columns.hidden = True
    _lay_out_check_sheet(sheet, plan.check_headers, len(rows))


def _lay_out_check_sheet(sheet: xw.Sheet, headers, rows: int) -> None:
    """The annotated copy's column widths (wider where a header would break inside a word), and its long
    texts wrapped and read from the top: a new sheet's narrow columns cut every message."""
    for column, (characters, header) in enumerate(zip(CHECK_WIDTHS, headers), start=1):
        characters = max(characters, math.ceil(header_width(header)))
        # Desktop Excel takes characters; Office.js points (about 5.25 for a character of Calibri 11, plus
        # the cell's padding).
        sheet.range((1, column)).column_width = characters * 5.25 + 3.75 if is_remote(sheet.book) else characters
    last = len(CHECK_WIDTHS)
    sheet.range((1, 1), (1, last)).wrap_text = True   # headers break between words, as the widths assume
    for column in CHECK_WRAPPED_COLUMNS:
        if rows > 1:
            sheet.range((2, column), (rows, column)).wrap_text = True
    with contextlib.suppress(NotImplementedError):   # alignment needs the Office.js client behind a server
        sheet.range((1, 1), (rows, last)).vertical_alignment = "top"


def _as_text(value: object) -> object:
    """A message that starts like a formula is shown as text, as typed."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not value.startswith("=HYPERLINK("):
        return "'" + value
    return value


def clear(book: xw.Book) -> int:
    """Put back what draw() changed and remove the Check sheet; returns the cells restored."""
    sheet = check_sheet(book)
    if sheet is None:
        return 0
    record = sheet.range((2, ORIGINAL_FILLS_COLUMN)).expand("down").options(ndim=1).value
    saved = json.loads("".join(chunk for chunk in record if chunk) or "{}")
    fills, notes = saved.get(FILLS_KEY, {}), set(saved.get(NOTES_KEY, []))
    sheet_names = [s.name for s in book.sheets]
    noted = _Notes(book)
    for key, color in fills.items():
        name, coordinate = key.rsplit("!", 1)
        if name not in sheet_names:
            continue
        cell = book.sheets[name][coordinate]
        cell.color = color
        if key in notes and noted.present(name, coordinate):
            cell.note.delete()
    sheet.delete()
    return len(fills)
