"""Talk to the test session's LibreOffice over UNO. Run by /usr/bin/python3 (the one with `uno`):

    lo_uno.py PIPE modules FILE          -> JSON {library: {module: type}} of the file's Basic/VBA code
    lo_uno.py PIPE call FILE SCRIPT ARGS [SCRIPT ARGS ...]
                                         -> JSON {"results": [...], "cells": [A1, A2, A3] of sheet 1}
    lo_uno.py PIPE convert FILE TARGET FILTER
                                         -> recalculates FILE and stores it as TARGET with FILTER
    lo_uno.py PIPE row_heights FILE [MAX_ROWS]
                                         -> JSON {sheet: [[row, stored, optimal, text], ...]}: every
                                            row whose optimal height (1/100 mm) is above its stored one
    lo_uno.py PIPE invalid FILE SHEET    -> JSON [cells Tools > Detective > Mark Invalid Data circles]
    lo_uno.py PIPE insert_row FILE SHEET ROW VALUES [FILL_DOWN]
                                         -> inserts a row at ROW (1-based) of SHEET as a user would
                                            (Sheet > Insert Rows Above, on row ROW), fills the columns
                                            FILL_DOWN ("B:D") down from the row above as Ctrl+D does,
                                            types VALUES (JSON {"A": "77.1"}), recalculates and returns
                                            JSON {"cells": [the new row's strings], "formulas": [...]}

Each SCRIPT (Library.Module.Procedure) runs in turn with ARGS, a JSON list. The document opens
hidden with the filter "Calc MS Excel 2007 VBA XML" and macros allowed, and is closed unsaved.
"""

import json
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import DisposedException

FILTER = "Calc MS Excel 2007 VBA XML"
# com.sun.star.script.vba.VBAModuleType
MODULE_TYPES = {0: "unknown", 1: "standard", 2: "class", 3: "form", 4: "document"}
ALWAYS_EXECUTE_NO_WARN = 4
# The instance's component context, once connected (for services such as the dispatcher).
REMOTE = {}
NO_CONNECTION = 3  # exit code: conftest's LibreOffice.run_uno then restarts the instance


def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def desktop(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 30
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                sys.stderr.write(f"no LibreOffice answers on the pipe {pipe}\n")
                sys.exit(NO_CONNECTION)
            time.sleep(0.5)
    REMOTE["context"] = context
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def open_document(pipe, path, with_macros=True, read_only=True):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    # Conversions let LibreOffice detect the format, as --convert-to does.
    options = ((prop("FilterName", FILTER), prop("MacroExecutionMode", ALWAYS_EXECUTE_NO_WARN))
               if with_macros else ())
    document = desktop(pipe).loadComponentFromURL(url, "_blank", 0, (
        prop("Hidden", True), prop("ReadOnly", read_only), *options))
    if document is None:
        raise SystemExit(f"LibreOffice could not open {path}")
    return document


def modules(document):
    libraries = document.BasicLibraries
    found = {}
    for library_name in libraries.getElementNames():
        libraries.loadLibrary(library_name)
        library = libraries.getByName(library_name)
        found[library_name] = {}
        for module_name in library.getElementNames():
            kind = "unknown"
            if library.hasModuleInfo(module_name):
                kind = MODULE_TYPES.get(library.getModuleInfo(module_name).ModuleType, "unknown")
            found[library_name][module_name] = kind
    return found


def call(document, calls):
    provider = document.getScriptProvider()
    results = []
    for script, args in calls:
        uri = f"vnd.sun.star.script:{script}?language=Basic&location=document"
        result, _, _ = provider.getScript(uri).invoke(tuple(args), (), ())
        results.append(result)
    sheet = document.Sheets.getByIndex(0)
    cells = [sheet.getCellByPosition(0, row).String for row in range(3)]
    return {"results": results, "cells": cells}


def convert(document, target, filter_name):
    document.calculateAll()
    document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", filter_name),))
    return {"written": target}


def row_heights(document, max_rows):
    """Rows LibreOffice would make taller than stored: it would cut their text."""
    document.calculateAll()
    taller = {}
    for sheet in document.Sheets:
        if not sheet.IsVisible:
            continue
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_row = min(cursor.RangeAddress.EndRow, max_rows - 1)
        last_column = cursor.RangeAddress.EndColumn
        rows = sheet.Rows
        stored = [rows.getByIndex(r).Height for r in range(last_row + 1)]
        # A row imported without a height is flagged optimal yet keeps the default height until
        # LibreOffice measures it; setting the flag afresh on the range makes it measure.
        used = sheet.getCellRangeByPosition(0, 0, last_column, last_row).Rows
        used.OptimalHeight = False
        used.OptimalHeight = True
        found = []
        for r in range(last_row + 1):
            optimal = rows.getByIndex(r).Height
            if optimal > stored[r]:
                texts = [sheet.getCellByPosition(c, r).String for c in range(last_column + 1)]
                found.append([r + 1, stored[r], optimal, max(texts, key=len)[:80]])
        taller[sheet.Name] = found
    return taller


def insert_row(document, sheet_name, row, values, fill_down=""):
    """Insert a row with Calc's own command (Sheet > Insert Rows Above), so that whatever Calc
    does for a user who inserts a row (tables, formats, formulas) happens here too."""
    sheet = document.Sheets.getByName(sheet_name)
    controller = document.CurrentController
    controller.setActiveSheet(sheet)
    controller.select(sheet.getCellRangeByName(f"A{row}"))
    dispatcher = REMOTE["context"].ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", REMOTE["context"])
    dispatcher.executeDispatch(controller.Frame, ".uno:InsertRowsBefore", "", 0, ())
    if fill_down:
        first, last = fill_down.split(":")
        controller.select(sheet.getCellRangeByName(f"{first}{row - 1}:{last}{row}"))
        dispatcher.executeDispatch(controller.Frame, ".uno:FillDown", "", 0, ())
    for column, value in values.items():
        sheet.getCellRangeByName(f"{column}{row}").String = value
    document.calculateAll()
    cells = [sheet.getCellByPosition(c, row - 1) for c in range(20)]
    return {"cells": [c.String for c in cells], "formulas": [c.Formula for c in cells]}


def invalid_cells(document, sheet_name):
    """The cells Calc's validity check (Tools > Detective > Mark Invalid Data) circles."""
    document.calculateAll()
    sheet = document.Sheets.getByName(sheet_name)
    sheet.showInvalid()
    found = []
    page = sheet.DrawPage
    for i in range(page.Count):
        anchor = page.getByIndex(i).Anchor
        if anchor is not None and hasattr(anchor, "CellAddress"):
            address = anchor.CellAddress
            found.append(sheet.getCellByPosition(address.Column, address.Row).AbsoluteName.split(".")[-1]
                         .replace("$", ""))
    return found


def main(argv):
    pipe, command, path = argv[1:4]
    # Row heights are measured only in an editable document; it is closed unsaved all the same.
    editing = ("row_heights", "insert_row", "invalid")
    document = open_document(pipe, path, with_macros=command not in ("convert", *editing),
                             read_only=command not in editing)
    try:
        if command == "convert":
            answer = convert(document, argv[4], argv[5])
        elif command == "row_heights":
            answer = row_heights(document, int(argv[4]) if len(argv) > 4 else 400)
        elif command == "invalid":
            answer = invalid_cells(document, argv[4])
        elif command == "insert_row":
            answer = insert_row(document, argv[4], int(argv[5]), json.loads(argv[6]), *argv[7:8])
        elif command == "modules":
            answer = modules(document)
        elif command == "call":
            pairs = argv[4:]
            answer = call(document, [(pairs[i], json.loads(pairs[i + 1])) for i in range(0, len(pairs), 2)])
        else:
            raise SystemExit(f"unknown command {command}")
    finally:
        document.close(True)
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    try:
        main(sys.argv)
    except DisposedException as exc:   # the instance quit under us: worth one more try
        sys.stderr.write(f"LibreOffice went away: {exc}\n")
        sys.exit(NO_CONNECTION)
    # The answer is out: skip the interpreter's teardown of the UNO bridge, which now and then
    # crashes the system Python (SIGSEGV) after a document edited over UNO was closed.
    sys.stdout.flush()
    os._exit(0)
