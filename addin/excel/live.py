"""The open workbook, through xlwings: read its values into the reader's sheets, show messages.

Only calls that both desktop xlwings and its remote engine (`xw.Book(json=...)`, behind
xlwings Server) implement are used: values, colours, notes, sheets, alerts. The status bar
and reading a cell's colour exist on the desktop only, and are guarded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import traceback
from collections.abc import Iterator
from pathlib import Path

import xlwings as xw

from ..errors import InputError, OutputError
from ..locale import text
from ..metadata import META_SHEET, metadata_from_rows
from ..reader import RawSheet, WorkbookData, read_sheets

log = logging.getLogger("upr.excel")
TITLE = "UPR Matrix"


def target_book(book: xw.Book | None = None) -> xw.Book:
    """The workbook a button acts on: the one given, else the caller.

    Called from our add-in, the caller is the .xlam itself, so the button acts on the
    workbook the user is looking at.
    """
    if book is not None:
        return book
    caller = xw.Book.caller()
    if caller.name.lower().endswith(".xlam"):
        return caller.app.books.active
    return caller


def is_remote(book: xw.Book) -> bool:
    """True behind xlwings Server: the client applies our actions after we return."""
    return book.app.engine.name == "remote"


def noted_cells(sheet: xw.Sheet) -> set[str] | None:
    """The cells of `sheet` that hold a note ("B7"), where the engine has them at hand: the remote
    engine's payload lists them, and its Range.note searches that whole list on every call, which made
    flagging a few hundred cells take a noticeable while. None on the desktop: ask each cell."""
    if not is_remote(sheet.book):
        return None
    return {cell_key(str(note.get("address", ""))) for note in sheet.api.get("notes") or []}


def cell_key(address: str) -> str:
    """One spelling of a cell's address, as noted_cells gives it: "$b$7" and "B7" are the same cell."""
    return address.replace("$", "").upper()


def _plain(value: object) -> object:
    # Excel hands every number over as a float; a file keeps 2018 an integer, and so must we.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value == "":
        return None
    return value


def sheet_rows(sheet: xw.Sheet) -> list[list[object]]:
    """Every value of the sheet from A1 to its last used cell, errors as their text (#N/A)."""
    last = sheet.used_range.last_cell
    if last.row == 1 and last.column == 1 and sheet.range("A1").value is None:
        return []
    values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2, err_to_str=True).value
    return [[_plain(v) for v in row] for row in values]


def read_book(book: xw.Book) -> WorkbookData:
    """The open workbook as the reader sees a file: matrices, list, group worksheet, stray cells.

    Values are what Excel shows, so formulas count for their results; merged ranges are not
    known to every client, and merged cells read as they are.
    """
    sheets, meta = [], None
    for sheet in book.sheets:
        if sheet.name == META_SHEET:  # ours, as in a file: metadata, not content
            meta = metadata_from_rows(sheet_rows(sheet))
            continue
        sheets.append(RawSheet(name=sheet.name, rows=sheet_rows(sheet), hidden=not sheet.visible))
    return read_sheets(sheets, meta, path=Path(book.fullname), format="live",
                       modified=dt.datetime.now().replace(microsecond=0))


def book_language(book: xw.Book) -> str:
    """The workbook's own language (its metadata), English for any other workbook."""
    if META_SHEET not in [s.name for s in book.sheets]:
        return "en"
    meta = metadata_from_rows(sheet_rows(book.sheets[META_SHEET]))
    return meta.lang if meta and meta.lang in ("en", "fr") else "en"


def _language_or_english(book: xw.Book) -> str:
    """The book's language for an error alert; English when even that cannot be read."""
    try:
        return book_language(book)
    except Exception:  # noqa: BLE001 - the alert must still be shown
        return "en"


def alert(book: xw.Book, message: str, *, critical: bool = False) -> None:
    book.app.alert(message, title=TITLE, buttons="ok", mode="critical" if critical else "info")


def status(book: xw.Book, message: str | None) -> None:
    """Progress on Excel's status bar; clients without one (Office.js) show the alert only."""
    with contextlib.suppress(NotImplementedError, AttributeError):
        book.app.status_bar = message if message else False


@contextlib.contextmanager
def reported_to_user(book: xw.Book) -> Iterator[None]:
    """What goes wrong reaches the user as one alert, never as a traceback.

    Bad input and unwritable output get the message the command line prints. Anything else is
    a bug of ours: the alert says so briefly and the traceback goes to the log.
    """
    try:
        yield
    except (InputError, OutputError) as exc:
        lang = _language_or_english(book)
        alert(book, text("cli.error", lang, text=exc.text(lang)), critical=True)
    except Exception as exc:  # noqa: BLE001 - the user gets a sentence, the log the details
        # Where it failed, not what it said: a message may quote a participant's cell (server logs).
        frames = "\n".join(f"  {Path(f.filename).name}:{f.lineno} in {f.name}"
                            for f in traceback.extract_tb(exc.__traceback__))
        log.error("UPR Matrix button failed with %s at:\n%s", type(exc).__name__, frames)
        alert(book, text("excel.bug", _language_or_english(book), problem=f"{type(exc).__name__}: {exc}"),
              critical=True)
    finally:
        status(book, None)
