"""Stand in for Excel: the book payload an add-in client sends, and the actions it applies back.

`payload_from_xlsx` turns a saved workbook into the JSON that xlwings' Office.js client sends
(values anchored at A1 up to the last used cell, "" for empty cells, dates as ISO strings, error
values as text, notes by address), so the Excel layer runs on `xw.Book(json=payload)` exactly as
it does behind a ribbon button. `apply_actions` is a small interpreter of the returned actions
onto a copy of the file; it refuses any action it does not know, so a test can never pass by an
action silently ignored.

The values must be what Excel shows, not formulas: pass a workbook whose formulas have saved
results (one LibreOffice has recalculated), as a real client would send them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import xlwings as xw
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter, range_boundaries

# Whatever the client is, the remote engine checks its version only for the VBA client.
CLIENT_VERSION = xw.__version__


def _json_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000Z"
    if isinstance(value, dt.time):
        return value.isoformat()
    return value


def _sheet_values(ws) -> list[list[object]]:
    last_row = last_column = 0
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                last_row, last_column = max(last_row, cell.row), max(last_column, cell.column)
    if not last_row:
        return [[""]]
    return [[_json_value(ws.cell(r, c).value) for c in range(1, last_column + 1)]
            for r in range(1, last_row + 1)]


def _visibility(ws) -> str:
    return {"visible": "Visible", "hidden": "Hidden", "veryHidden": "VeryHidden"}[ws.sheet_state]


def payload_from_xlsx(path: Path, client: str = "Office.js") -> dict:
    """The book as an add-in client sends it (see xlwings-server's getBookData)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        values = _sheet_values(ws)
        sheets.append({
            "name": ws.title,
            "visibility": _visibility(ws),
            "show_gridlines": True,
            "print_area": None,
            "notes": [{"address": cell.coordinate} for row in ws.iter_rows() for cell in row if cell.comment],
            "notes_supported": True,
            "used_range_address": f"A1:{get_column_letter(len(values[0]))}{len(values)}",
            "used_range_row_count": len(values),
            "used_range_column_count": len(values[0]),
            "values": values,
            "pictures": [], "shapes": [], "charts": [], "tables": [], "pivot_tables": [],
        })
    names = []
    for name, defined in wb.defined_names.items():
        names.append({"name": name, "refers_to": f"={defined.attr_text}", "sheet_index": None,
                      "address": None, "scope_sheet_name": None, "scope_sheet_index": None,
                      "book_scope": True})
    active = wb.worksheets.index(wb.active) if wb.active in wb.worksheets else 0
    return {"client": client, "version": CLIENT_VERSION,
            "book": {"name": Path(path).name, "active_sheet_index": active, "selection": "A1",
                     "calculation": "Automatic"},
            "names": names, "sheets": sheets}


def remote_book(path: Path) -> xw.Book:
    """A remote xlwings book of the workbook at path (a copy of the payload, through JSON)."""
    return xw.Book(json=json.loads(json.dumps(payload_from_xlsx(path))))


class UnknownAction(AssertionError):
    pass


def _cell_value(value: object) -> object:
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]  # Excel's text prefix: stored as text, shown without it
    return value


def apply_actions(source: Path, actions: list[dict], target: Path) -> list[dict]:
    """Apply the actions to a copy of source saved at target; returns the alerts shown.

    Sheet positions follow the book as the actions change it, as Office.js does.
    """
    wb = openpyxl.load_workbook(source)
    alerts = []
    for action in actions:
        func, args = action["func"], action["args"]
        sheets = wb.worksheets
        ws = sheets[action["sheet_position"]] if action.get("sheet_position") is not None else None
        row, column = (action.get("start_row") or 0) + 1, (action.get("start_column") or 0) + 1
        if func == "addSheet":
            position, name = args
            wb.create_sheet(name, position)
        elif func == "sheetDelete":
            wb.remove(ws)
        elif func == "setSheetName":
            ws.title = args[0]
        elif func == "setValues":
            for r, values in enumerate(action["values"]):
                for c, value in enumerate(values):
                    cell = ws.cell(row + r, column + c)
                    cell.value = _cell_value(value) if value != "" else None
        elif func == "rangeClearContents":
            for r in range(action["row_count"]):
                for c in range(action["column_count"]):
                    ws.cell(row + r, column + c).value = None
        elif func == "setRangeColor":
            color = args[0]
            for r in range(action["row_count"]):
                for c in range(action["column_count"]):
                    cell = ws.cell(row + r, column + c)
                    cell.fill = (PatternFill(fill_type=None) if color is None
                                 else PatternFill("solid", fgColor="FF" + color.lstrip("#").upper()))
        elif func == "addNote":
            address, text = args
            ws[address].comment = Comment(text, "UPR Matrix")
        elif func == "deleteNote":
            ws[args[0]].comment = None
        elif func == "setColumnHidden":
            min_col, _, max_col, _ = column, None, column + action["column_count"] - 1, None
            for c in range(min_col, max_col + 1):
                ws.column_dimensions[get_column_letter(c)].hidden = bool(args[0])
        elif func == "setSheetVisibility":
            ws.sheet_state = {"Visible": "visible", "Hidden": "hidden", "VeryHidden": "veryHidden"}[args[0]]
        elif func == "activateSheet":
            wb.active = args[0]
        elif func == "setColumnWidth":   # Office.js measures in points: back to Excel's characters
            for c in range(column, column + action["column_count"]):
                ws.column_dimensions[get_column_letter(c)].width = round((args[0] - 3.75) / 5.25, 2)
        elif func in ("setWrapText", "setVerticalAlignment"):
            for r in range(row, row + action["row_count"]):
                for c in range(column, column + action["column_count"]):
                    cell = ws.cell(r, c)
                    wrap = args[0] if func == "setWrapText" else cell.alignment.wrap_text
                    vertical = args[0].lower() if func == "setVerticalAlignment" else cell.alignment.vertical
                    cell.alignment = Alignment(wrap_text=wrap, vertical=vertical)
        elif func == "setAutofit":
            pass  # column widths: what the client measures, nothing a test of values can see
        elif func == "alert":
            alerts.append({"prompt": args[0], "title": args[1], "buttons": args[2], "mode": args[3]})
        else:
            raise UnknownAction(f"the test client does not know the action {func!r}: {action}")
    wb.save(target)
    return alerts


def cells_of(range_address: str) -> list[str]:
    min_col, min_row, max_col, max_row = range_boundaries(range_address)
    return [f"{get_column_letter(c)}{r}" for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)]
