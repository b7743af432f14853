"""Reading one matrix sheet into rows: columns placed by header or by the template, merged cells,
typed formulas counted for their saved results, extra columns, and stray cells around the table."""

from __future__ import annotations

import bisect
import difflib
import functools

from ..groups import normalise
from ..ids import IdIndex
from ..schema import SheetSchema
from .cell_values import _error_value, _is_empty, _is_lookup_output
from .cell_values import column_letter as get_column_letter
from .headers import MIN_MATCHED_COLUMNS, _find_header, _name_index
from .model import Cell, Matrix, MatrixRow, Notice, RawSheet
from .xlsx import NO_RESULT


@functools.lru_cache(maxsize=1)
def _choice_header() -> str:
    from ..templates import CHOICE_HEADER   # templates import openpyxl: only for a sheet with extra columns

    return normalise(CHOICE_HEADER["en"])


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
    # One pass over the body, not one per column: a sheet may run to a million rows. Only a column
    # with neither a schema key nor a header needs it.
    with_data = {c for r in raw.rows[header_row:] if r for c, v in enumerate(r, start=1) if not _is_empty(v)} \
        if any(c not in known and not headers.get(c) for c in range(1, width + 1)) else set()
    headerless: list[int] = []
    for c in range(1, width + 1):
        if c in known:
            continue
        has_data = c in with_data
        label = headers.get(c)
        if label and normalise(label) == _choice_header():
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
    placed = list(columns.items())
    extra_placed = list(extra_columns.items())
    looked_up = [(c.key, c.lookup) for c in sheet.columns if c.autofilled and c.key in columns]
    for r, row in enumerate(body, start=header_row + 1):
        if not row:
            continue   # the empty rows of a sparse sheet, fast
        size = len(row)
        values = {key: (row[col - 1] if col <= size else None) for key, col in placed}
        if r in shown_rows:
            values.update({k: shown[(r, c)] for k, c in columns.items() if (r, c) in shown})
        extras = {name: row[col - 1] for name, col in extra_placed if col <= size and not _is_empty(row[col - 1])}
        # A row is filled by what was typed in it: a value merged down into it does not count alone.
        typed = not all(_is_empty(values.get(k)) for k in inputs) or extras
        resolved = ids.resolve(values.get("recommendation_id"))
        rec = {} if resolved.ambiguous else lookup.get(resolved.id, {})   # never the text of a guess
        # A looked-up cell typed over by hand is the participant's text too.
        if not typed and not any(not _is_empty(values.get(key)) and not _is_lookup_output(values.get(key))
                                 and values.get(key) != rec.get(lookup_key) for key, lookup_key in looked_up):
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
