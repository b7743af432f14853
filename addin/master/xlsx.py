"""The master's workbook file: xlsxwriter in constant-memory mode, one row at a time.

Each row is written once, in order, and leaves memory when the next one starts, so a master of
hundreds of thousands of rows costs no more memory than one row. What openpyxl decided after the
fact is decided before each row: column widths (headers wrap between words only, layout.py) are
final before the first row, and each row's height comes from its own text as it is written.

Cells look as the openpyxl writer made them: a value keeps its type, a string stays a string even
when it starts with = + - @ (shown with Excel's quote prefix), dates carry their number format.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import functools
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..layout import (DEFAULT_COLUMN_WIDTH, DEFAULT_FONT_SIZE, DEFAULT_ROW_HEIGHT, FILTER_BUTTON_WIDTH, header_width,
                      text_height)
from .rows import Formula

EXCEL_CELL_LIMIT = 32767   # characters in one cell
CARRIAGE_RETURN = "_x000D_"   # how Excel writes a CR inside a cell's text
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0%"
# What openpyxl gave a time or a duration, which the master keeps.
TIME_FORMAT = "h:mm:ss"
DURATION_FORMAT = "[hh]:mm:ss"
# Pixels per character of the default font: xlsxwriter stores a width of n pixels as n / 7 characters.
PIXELS_PER_CHARACTER = 7
# Control characters Excel cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE); the merge warns of them.
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
_ILLEGAL = {c: None for c in (*range(0, 9), 11, 12, *range(14, 32))}


@dataclass(frozen=True)
class Style:
    """How a cell looks: the few font, fill, alignment and number-format settings the master uses."""

    bold: bool = False
    italic: bool = False
    size: float = DEFAULT_FONT_SIZE
    color: str | None = None        # font colour, RRGGBB
    underline: bool = False
    fill: str | None = None         # solid fill, RRGGBB
    wrap: bool = False
    valign: str | None = None       # "top" | "vcenter"
    num_format: str | None = None
    quote: bool = False             # Excel's quote prefix: the text is text even if it looks like a formula

    def __hash__(self) -> int:   # looked up once per cell: computed once per style
        found = self.__dict__.get("_hash")
        if found is None:
            found = hash(tuple(self.__dict__[f] for f in _STYLE_FIELDS))
            object.__setattr__(self, "_hash", found)
        return found

    def __getstate__(self) -> dict:   # the cached hash is this process's: strings hash differently in another
        state = dict(self.__dict__)
        state.pop("_hash", None)
        return state

    def but(self, **changes) -> "Style":
        key = (self, tuple(sorted(changes.items())))
        found = _CHANGED.get(key)
        if found is None:
            found = _CHANGED[key] = replace(self, **changes)
        return found

    def properties(self) -> dict[str, object]:
        props: dict[str, object] = {}
        if self.bold:
            props["bold"] = True
        if self.italic:
            props["italic"] = True
        if self.size != DEFAULT_FONT_SIZE:
            props["font_size"] = self.size
        if self.color:
            props["font_color"] = f"#{self.color}"
        if self.underline:
            props["underline"] = 1
        if self.fill:
            props["pattern"] = 1
            props["bg_color"] = f"#{self.fill}"
        if self.wrap:
            props["text_wrap"] = True
        if self.valign:
            props["valign"] = self.valign
        if self.num_format:
            props["num_format"] = self.num_format
        if self.quote:
            props["quote_prefix"] = True
        return props


_STYLE_FIELDS = tuple(f.name for f in fields(Style))
_CHANGED: dict[tuple, Style] = {}   # a style with a change, made once (the styles are few)
PLAIN = Style()
TOP = Style(valign="top")
WRAP_TOP = Style(wrap=True, valign="top")
LINK = Style(color="0563C1", underline=True)


def cell_text(value: str) -> str:
    """A string as the cell holds it: without the characters Excel cannot hold, cut to its limit."""
    # isprintable (in C) is False for any control character: most texts skip the search.
    if not value.isprintable() and ILLEGAL_CHARACTERS_RE.search(value):   # rare; translate looks at every character
        value = value.translate(_ILLEGAL)
    return value if len(value) <= EXCEL_CELL_LIMIT else value[:EXCEL_CELL_LIMIT]


def _number_format(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return DATE_FORMAT if value.time() == dt.time() else DATETIME_FORMAT
    if isinstance(value, dt.date):
        return DATE_FORMAT
    if isinstance(value, dt.time):
        return TIME_FORMAT
    if isinstance(value, dt.timedelta):
        return DURATION_FORMAT
    return None


class Book:
    """An xlsxwriter workbook in constant memory, with one Format object per style."""

    def __init__(self, path: Path):
        import xlsxwriter

        self.workbook = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False, "nan_inf_to_errors": True, "remove_timezone": True})
        self._formats: dict[Style, object] = {}
        # The same few style objects come back for millions of cells: found by identity first, without
        # Style's hash and ==, which a lookup by value calls whenever two styles share a slot.
        self._by_identity: dict[int, tuple[Style, object]] = {}
        self.sheets: list["Sheet"] = []
        self.lang = "en"   # of the notes the writer adds (Excel's limits)

    def format(self, style: Style | None):
        if style is None or style is PLAIN:   # identity first: a dataclass's == compares every field
            return None
        known = self._by_identity.get(id(style))
        if known is not None and known[0] is style:
            return known[1]
        found = self._formats.get(style)
        if found is None:
            if style == PLAIN:
                return None
            found = self._formats[style] = self.workbook.add_format(style.properties())
        if len(self._by_identity) < 256:   # styles made afresh for each cell, if any, are looked up by value
            self._by_identity[id(style)] = (style, found)
        return found

    def sheet(self, name: str, widths: dict[int, float] | None = None, *, filter_row: int | None = None,
              hidden_columns: set[int] = frozenset(), keep_heights: bool = False) -> "Sheet":
        """keep_heights: keep every row's height to the end, as charts placed over the rows need."""
        worksheet = self.workbook.add_worksheet(name)
        worksheet._escape_control_characters = _escape_control_characters
        direct = fast_rows(worksheet)
        sheet = Sheet(self, worksheet, widths or {}, filter_row, hidden_columns)
        sheet.direct = direct
        sheet.keep_heights = keep_heights
        self.sheets.append(sheet)
        return sheet

    def close(self) -> None:
        self.workbook.close()


def _escape_control_characters(text):
    """A control character as Excel's _xHHHH_ escape, as openpyxl wrote it. Unlike xlsxwriter, text
    that holds such an escape already is written as it is: a source read without unescaping
    (a bell typed in Excel reads as "_x0007_") shows in Excel as the group typed it.
    xlsxwriter also passes a boolean's value here: anything but text is left as it is."""
    if not isinstance(text, str) or text.isprintable():   # no control character, no \ufffe or \uffff
        return text
    if _CONTROL_CHARACTER.search(text):
        text = _CONTROL_CHARACTER.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)
    # Not characters in XML: as xlsxwriter writes them.
    if "\ufffe" in text or "\uffff" in text:
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return text


_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f]")


try:
    from xlsxwriter.worksheet import CellNumberTuple as _NumberCell
    from xlsxwriter.worksheet import CellStringTuple as _StringCell
except ImportError:   # pragma: no cover - fast_rows then leaves xlsxwriter as it is, and direct stays False
    _NumberCell = _StringCell = None


def fast_rows(worksheet) -> bool:
    """Serialise each finished row of a constant-memory worksheet in one pass; True when installed.

    xlsxwriter writes each cell through a general path (attribute lists, a regex per attribute and per
    text); a master has millions of cells, nearly all plain text or numbers with a format. Those are
    written here to the same bytes; any other cell (formula, date, link text with rich runs, a cell
    without its own format) goes through xlsxwriter's own _write_cell. Left as it is when this
    xlsxwriter's internals differ from what this relies on."""
    if _StringCell is None or _NumberCell is None:
        return False
    if not all(hasattr(worksheet, name) for name in ("_write_single_row", "_write_row", "_write_cell", "table",
                                                     "previous_row", "row_info", "comments", "fh",
                                                     "_check_dimensions")):
        return False
    from xlsxwriter.utility import xl_col_to_name

    write_cell, write_row = worksheet._write_cell, worksheet._write_row
    escape_controls = worksheet._escape_control_characters
    references: dict[int, str] = {}

    def write_single_row(current_row_num: int = 0) -> None:
        row_num = worksheet.previous_row
        worksheet.previous_row = current_row_num
        table, row_info = worksheet.table, worksheet.row_info
        cells = table.get(row_num)
        if cells:
            write_row(row_num, None, row_info.get(row_num))
            fh, number = worksheet.fh, str(row_num + 1)
            parts = []   # one write per row
            for col_num in sorted(cells):
                cell = cells[col_num]
                cell_format = cell.format
                kind = type(cell)
                if cell_format is None or (kind is not _StringCell and kind is not _NumberCell):
                    fh.write("".join(parts))
                    parts.clear()
                    write_cell(row_num, col_num, cell)
                    continue
                letters = references.get(col_num)
                if letters is None:
                    letters = references[col_num] = xl_col_to_name(col_num)
                if kind is _NumberCell:
                    parts.append(f'<c r="{letters}{number}" s="{cell_format._get_xf_index()}"><v>{cell.number:.16G}</v></c>')
                    continue
                string = escape_controls(cell.string)
                if string.startswith("<r>") and string.endswith("</r>"):
                    fh.write("".join(parts))
                    parts.clear()
                    write_cell(row_num, col_num, cell)
                    continue
                preserve = ' xml:space="preserve"' if string[:1].isspace() or string[-1:].isspace() else ""
                if "&" in string:
                    string = string.replace("&", "&amp;")
                if "<" in string:
                    string = string.replace("<", "&lt;")
                if ">" in string:
                    string = string.replace(">", "&gt;")
                parts.append(f'<c r="{letters}{number}" s="{cell_format._get_xf_index()}" t="inlineStr"><is>'
                             f'<t{preserve}>{string}</t></is></c>')
            parts.append("</row>")
            fh.write("".join(parts))
        elif row_num in row_info or row_num in worksheet.comments:   # a height or a note, no cell
            worksheet._write_empty_row(row_num, None, row_info.get(row_num))
        table.clear()

    worksheet._write_single_row = write_single_row
    return True


def fit_header_widths(widths: dict[int, float], headers: dict[int, tuple[str, Style]], button: bool) -> None:
    """layout.fit_header_widths before the fact: widen each column whose header would break inside a word."""
    for column, (text, style) in headers.items():
        if not isinstance(text, str) or not text:
            continue
        wanted = header_width(text, bold=style.bold, size=style.size) + (FILTER_BUTTON_WIDTH if button else 0.0)
        if widths.get(column, DEFAULT_COLUMN_WIDTH) < wanted:
            widths[column] = math.ceil(wanted)


# Past half of Excel's 32,767 UTF-16 units a text may need xlsxwriter's own cut: it takes that path.
_DIRECT_TEXT_LIMIT = 16383


class Sheet:
    """One worksheet written row by row. Columns and rows are numbered from 1, as in openpyxl."""

    def __init__(self, book: Book, worksheet, widths: dict[int, float], filter_row: int | None,
                 hidden_columns: set[int]):
        self.book, self.worksheet = book, worksheet
        self.name = worksheet.name
        self.widths = dict(widths)
        self.filter_row = filter_row
        self.hidden_columns = set(hidden_columns)
        self.keep_heights = False
        self.direct = False     # text cells go straight into xlsxwriter's row table (fast_rows installed)
        self.rows = 0           # the last row written
        self.columns = 0        # the widest row written
        for column in sorted(set(self.widths) | set(hidden_columns)):
            width = self.widths.get(column)
            pixels = None if width is None else round(width * PIXELS_PER_CHARACTER)
            worksheet.set_column_pixels(column - 1, column - 1, pixels, None,
                                        {"hidden": True} if column in hidden_columns else None)

    def row(self, r: int, cells, *, links: dict[int, str] | None = None) -> None:
        """Write row r: cells are (column, value, style); a None value writes a styled empty cell.

        links: column -> location inside the workbook ('Sheet'!B2) for cells that link there."""
        worksheet, format_of = self.worksheet, self.book.format
        # xlsxwriter's undecorated writers: the public ones first look for "A1" arguments, once per cell.
        write_string = getattr(worksheet, "_write_string", worksheet.write_string)
        write_number = getattr(worksheet, "_write_number", worksheet.write_number)
        needed = 0.0
        direct, first, last = self.direct, -1, -1   # the columns written directly, for the sheet's extent
        for column, value, style in cells:
            if style is None:
                style = PLAIN
            if column > self.columns:
                self.columns = column
            row0, col0 = r - 1, column - 1
            if isinstance(value, Formula):
                worksheet.write_formula(row0, col0, str(value), format_of(style), "")
                continue
            if isinstance(value, str):
                text = cell_text(value)
                if text[:1] in ("=", "+", "-", "@"):
                    style = style.but(quote=True)
                elif not text:   # as openpyxl wrote it: an empty cell, quote prefix and all
                    worksheet.write_blank(row0, col0, None, format_of(style.but(quote=True)))
                    continue
                if links and column in links:
                    worksheet.write_url(row0, col0, f"internal:{links[column]}", format_of(style), text)
                elif direct and len(text) <= _DIRECT_TEXT_LIMIT:
                    # What xlsxwriter's _write_string does, less its per-cell checks: the row before is
                    # finished when this one starts, and the extent is updated once per row, below.
                    if row0 > worksheet.previous_row:
                        worksheet._write_single_row(row0)
                    worksheet.table[row0][col0] = _StringCell(text, format_of(style))
                    if first < 0 or col0 < first:
                        first = col0
                    if col0 > last:
                        last = col0
                else:
                    write_string(row0, col0, text, format_of(style))
                if text and (style.wrap or style.size > DEFAULT_FONT_SIZE):
                    # Measured as the openpyxl writer measured it: a CR as Excel's escape.
                    width = self.widths.get(column, DEFAULT_COLUMN_WIDTH)
                    if r == self.filter_row:
                        width -= FILTER_BUTTON_WIDTH
                    height = _text_height(text, width, style.bold, style.size, style.wrap)
                    if height > needed:
                        needed = height
                continue
            if value is None:
                if style is not None and style != PLAIN:
                    worksheet.write_blank(row0, col0, None, format_of(style))
                continue
            if isinstance(value, bool):
                worksheet.write_boolean(row0, col0, value, format_of(style))
            elif isinstance(value, (int, float)):
                write_number(row0, col0, value, format_of(style))
            elif isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
                if style.num_format is None:
                    style = style.but(num_format=_number_format(value))
                worksheet.write_datetime(row0, col0, value, format_of(style))
            else:
                worksheet.write_string(row0, col0, cell_text(str(value)), format_of(style))
        if last >= 0:
            worksheet._check_dimensions(r - 1, first)
            worksheet._check_dimensions(r - 1, last)
        if needed > DEFAULT_ROW_HEIGHT + 0.5:
            worksheet.set_row(r - 1, float(math.ceil(needed)))
        if not self.keep_heights and r >= 2:
            # The row before this one is in the file now: xlsxwriter would keep its height to the end.
            for kept in ("row_info", "set_rows", "row_sizes"):   # set_rows before xlsxwriter 3.2
                getattr(worksheet, kept, {}).pop(r - 2, None)
        self.rows = max(self.rows, r)


@functools.lru_cache(maxsize=16384)
def _text_height(text: str, width: float, bold: bool, size: float, wrap: bool) -> float:
    """Measured as the openpyxl writer measured it, a CR as Excel's escape; findings repeat their words."""
    return text_height(text.replace("\r", CARRIAGE_RETURN), width, bold=bold, size=size, wrap=wrap)


def number_style(style: Style, value: object) -> Style:
    """The style with the number format the value's type asks for, unless it has one."""
    if style.num_format is None:
        number_format = _number_format(value)
        if number_format:
            return style.but(num_format=number_format)
    return style
