"""Row heights and column widths estimated from the text a sheet holds.

LibreOffice 7.4 shows an imported row at its stored height, or at the default 15 pt when the
file gives none, so wrapped text would print over the next row. Every writer therefore sets the
height of each row that holds wrapped text, from the text, its font and its column's width.

Widths are in Excel's unit (one "0" of the default font); heights in points. Character widths
are those of DejaVu Sans, the widest of the fonts a client substitutes for Calibri, so a row is
never too short for LibreOffice without Calibri or Carlito; in Excel it may have a little room
to spare.
"""

from __future__ import annotations

import functools
import math

from openpyxl.utils import get_column_letter

DEFAULT_FONT_SIZE = 11.0
# An unset column: 8.43 characters, Excel's default.
DEFAULT_COLUMN_WIDTH = 8.43
DEFAULT_ROW_HEIGHT = 15.0
# One line of 11 pt text takes 15 pt in Excel, a little less in LibreOffice.
POINTS_PER_LINE = 15.0
# Excel's cell padding, in characters, on top of the text.
CELL_PADDING = 1.0
# Widest a column is made to fit its contents without wrapping.
MAX_FITTED_WIDTH = 60.0
# The filter button a header cell of an autofilter shows takes this much of its width.
FILTER_BUTTON_WIDTH = 2.5

_NARROW = set("iljfrtI!|.,:;'`()[]{}\" ")
_WIDE = set("mwMW@%&")
_UPPER = set("ABCDEFGHJKLNOPQRSTUVXYZ")


def char_width(ch: str) -> float:
    """Width of one character in column-width units, for DejaVu Sans 11 in LibreOffice.

    Fitted on the example's recommendations and the interface texts at widths 10 to 90:
    never fewer lines than LibreOffice 7.4 wraps them into, a third of a line more on average."""
    if ch in _NARROW:
        return 0.57
    if ch in _WIDE:
        return 1.61
    if ch in _UPPER:
        return 1.29
    if ord(ch) > 0x2E80:     # CJK and other full-width scripts
        return 2.2
    return 1.12


def text_width(text: str, *, bold: bool = False, size: float = DEFAULT_FONT_SIZE) -> float:
    """How many column-width units a line of text takes."""
    return _plain_width(text) * (1.08 if bold else 1.0) * size / DEFAULT_FONT_SIZE


class _CharWidths(dict):
    """char_width by character, filled on first sight of each (a dict lookup per character, not a call)."""

    def __missing__(self, ch: str) -> float:
        width = char_width(ch)
        if len(self) < 20000:  # a text full of rare characters must not grow it without end
            self[ch] = width
        return width


_CHAR_WIDTHS = _CharWidths()


@functools.lru_cache(maxsize=65536)
def _plain_width(text: str) -> float:
    # Words repeat across a list of thousands of recommendations: measured once each.
    return sum(map(_CHAR_WIDTHS.__getitem__, text))


def wrapped_lines(text: str, column_width: float, *, bold: bool = False,
                  size: float = DEFAULT_FONT_SIZE) -> int:
    """Lines the text takes once wrapped at word boundaries in a column of that width."""
    room = max(column_width - CELL_PADDING, 1.0)
    if "\n" not in text and text_width(text, bold=bold, size=size) <= room:
        return 1
    space = text_width(" ", bold=bold, size=size)
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            width = text_width(word, bold=bold, size=size)
            if used and used + space + width <= room:
                used += space + width
                continue
            if used:
                lines += 1
            # A word wider than the column breaks inside itself.
            extra = max(math.ceil(width / room) - 1, 0)
            lines += extra
            used = width - extra * room
    return lines


def line_height(size: float = DEFAULT_FONT_SIZE) -> float:
    return POINTS_PER_LINE * size / DEFAULT_FONT_SIZE


def text_height(text: str, column_width: float, *, bold: bool = False,
                size: float = DEFAULT_FONT_SIZE, wrap: bool = True) -> float:
    """Points a cell of that text needs."""
    lines = wrapped_lines(text, column_width, bold=bold, size=size) if wrap else 1
    return lines * line_height(size) + (1.0 if size > DEFAULT_FONT_SIZE else 0.0)


def column_width(ws, letter: str) -> float:
    dimension = ws.column_dimensions.get(letter) if letter in ws.column_dimensions else None
    if dimension is None or not dimension.customWidth:
        return DEFAULT_COLUMN_WIDTH
    return float(dimension.width or DEFAULT_COLUMN_WIDTH)


def _merged_widths(ws) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    """Widths of merged cells, by top-left (row, column), and the cells they cover."""
    widths, covered = {}, set()
    for merged in ws.merged_cells.ranges:
        widths[(merged.min_row, merged.min_col)] = sum(
            column_width(ws, get_column_letter(c)) for c in range(merged.min_col, merged.max_col + 1))
        covered.update((r, c) for r in range(merged.min_row, merged.max_row + 1)
                       for c in range(merged.min_col, merged.max_col + 1))
    return widths, covered


def filter_header_row(ws) -> int | None:
    """The row whose cells show filter buttons, if the sheet has an autofilter."""
    ref = ws.auto_filter.ref
    if not ref:
        return None
    from openpyxl.utils.cell import range_boundaries

    return range_boundaries(ref)[1]


def _cells(ws, first_row: int, last_row: int, last_column: int | None = None):
    """The written cells of the rows, without creating the empty ones as iter_rows does."""
    for (r, c), cell in ws._cells.items():
        if first_row <= r <= last_row and (last_column is None or c <= last_column):
            yield cell


class _Styles:
    """(size, bold, wrap) of a cell, read once per style: style proxies are slow at scale."""

    def __init__(self):
        self.known: dict[tuple[int, int], tuple[float, bool, bool]] = {}

    def __call__(self, cell) -> tuple[float, bool, bool]:
        style = cell._style   # None for a cell appended without a style
        key = (style.fontId, style.alignmentId) if style is not None else (0, 0)
        found = self.known.get(key)
        if found is None:
            font, alignment = cell.font, cell.alignment
            size = float(font.sz or DEFAULT_FONT_SIZE) if font else DEFAULT_FONT_SIZE
            found = self.known[key] = (size, bool(font and font.b), bool(alignment and alignment.wrap_text))
        return found


def fit_row_heights(ws, first_row: int = 1, last_row: int | None = None,
                    texts: dict[tuple[int, int], str] | None = None) -> None:
    """Give each row of the range the height its text needs, when more than the default.

    texts: what formula cells will show, by (row, column). A height already set stays when it
    is larger.
    """
    last_row = ws.max_row if last_row is None else last_row
    widths = {c: column_width(ws, get_column_letter(c)) for c in range(1, ws.max_column + 1)}
    merged, covered = _merged_widths(ws)
    buttons = filter_header_row(ws)
    style = _Styles()
    needed: dict[int, float] = {}
    texts = texts or {}
    for cell in _cells(ws, first_row, last_row):
        at = (cell.row, cell.column)
        value = texts.get(at, cell.value)
        if not isinstance(value, str) or not value or (at not in texts and cell.data_type == "f"):
            continue
        if at in covered and at not in merged:
            continue
        size, bold, wrap = style(cell)
        if not wrap and size <= DEFAULT_FONT_SIZE:
            continue    # one line of default text: the default height holds it
        width = merged.get(at, widths.get(cell.column, DEFAULT_COLUMN_WIDTH))
        if cell.row == buttons:
            width -= FILTER_BUTTON_WIDTH
        height = text_height(value, width, bold=bold, size=size, wrap=wrap)
        if height > needed.get(cell.row, 0.0):
            needed[cell.row] = height
    for r, height in needed.items():
        set_row_height(ws, r, height)


def set_row_height(ws, row: int, height: float) -> None:
    """Store the height when the row needs more than the default, and never lower one set."""
    if height <= DEFAULT_ROW_HEIGHT + 0.5:
        return
    current = ws.row_dimensions[row].height
    ws.row_dimensions[row].height = max(float(current or 0.0), float(math.ceil(height)))


def header_width(label: str, *, bold: bool = True, size: float = DEFAULT_FONT_SIZE) -> float:
    """Narrowest width at which a header wraps only between words."""
    words = str(label).split() or [""]
    return max(text_width(w, bold=bold, size=size) for w in words) + CELL_PADDING + 0.5


def fit_header_widths(ws, header_row: int, first_column: int = 1, last_column: int | None = None) -> None:
    """Widen each column whose header would break inside a word; never narrow one."""
    last_column = ws.max_column if last_column is None else last_column
    button = FILTER_BUTTON_WIDTH if filter_header_row(ws) == header_row else 0.0
    for c in range(first_column, last_column + 1):
        cell = ws.cell(header_row, c)
        if not isinstance(cell.value, str) or not cell.value:
            continue
        letter = get_column_letter(c)
        size = float(cell.font.sz or DEFAULT_FONT_SIZE) if cell.font else DEFAULT_FONT_SIZE
        wanted = header_width(cell.value, bold=bool(cell.font and cell.font.b), size=size) + button
        if column_width(ws, letter) < wanted:
            ws.column_dimensions[letter].width = math.ceil(wanted)


def fit_content_widths(ws, first_row: int, last_row: int | None = None, *, last_column: int | None = None,
                       maximum: float = MAX_FITTED_WIDTH) -> None:
    """Widen columns whose unwrapped values (IDs, numbers, dates, single words) would be cut."""
    last_row = ws.max_row if last_row is None else last_row
    style = _Styles()
    wanted: dict[int, float] = {}
    for cell in _cells(ws, first_row, last_row, last_column):
        value = cell.value
        if value is None or cell.data_type == "f" or (isinstance(value, str) and " " in value):
            continue    # free text overflows into empty neighbours or wraps; only words are fitted
        size, bold, wrap = style(cell)
        if wrap:
            continue
        text = value if isinstance(value, str) else str(value)
        width = max(text_width(line, bold=bold, size=size) for line in text.split("\n")) + CELL_PADDING
        if width > wanted.get(cell.column, 0.0):
            wanted[cell.column] = min(width, maximum)
    for c, width in wanted.items():
        letter = get_column_letter(c)
        if column_width(ws, letter) < width:
            ws.column_dimensions[letter].width = math.ceil(width)
