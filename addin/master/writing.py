"""Writing the master: each sheet (matrices, Removed rows, Coverage, Groups, Findings, Sources,
Notes outside the table) and the table helpers the Summary sheet shares.

The file is written by xlsxwriter in constant memory (xlsx.py): one row at a time, in order, so
the master of a coalition's hundreds of workbooks costs the memory of its rows, not of its cells.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..errors import OutputError
from ..locale import text
from ..metadata import META_SHEET
from ..schema import IMPLEMENTATION_PLAN, MATRICES, STATUSES, matrix
from .columns import COLUMNS_SHEET, GROUP, SOURCE_FILE, SOURCE_SHEET, STATUS, MasterColumn
from .labels import kind_label, label, sheet_names, status_label
from .rows import MasterRow
from .findings_process import (PARALLEL_FINDINGS_MIN, FindingsElsewhere, FindingsTable, register_styles,
                               scratch_rows)
from .xlsx import (CARRIAGE_RETURN, DATE_FORMAT, DATETIME_FORMAT, EXCEL_CELL_LIMIT, LINK, PERCENT_FORMAT, PLAIN, TOP,
                   WRAP_TOP, Book, Sheet, Style, fit_header_widths)

if TYPE_CHECKING:  # pragma: no cover
    from ..merge import MergeResult

__all__ = ["CARRIAGE_RETURN", "CROSS_CUTTING_FILL", "DATETIME_FORMAT", "DATE_FORMAT", "EXCEL_CELL_LIMIT", "FILLS",
           "HEADER_FONT", "NOT_ADDRESSED_FILL", "NOT_IN_LIST_FILL", "PERCENT_FORMAT", "TOP", "WRAP_TOP",
           "MasterWorkbook", "write_header", "write_master", "write_table"]

HEADER_FONT = Style(bold=True, color="FFFFFF")
HEADER = HEADER_FONT.but(wrap=True, valign="vcenter")
FILLS = {
    "schema": "1F4E78",
    "provenance": "595959",
    "hidden": "595959",
    "coordinator": "375623",
    "own": "375623",
    "smart": "7030A0",
    "extra": "806000",
    "removed": "9C2A00",
}
CROSS_CUTTING_FILL = "FFE699"
NOT_ADDRESSED_FILL = "FFC7CE"
NOT_IN_LIST_FILL = "FFD966"   # the templates' fill for an unknown ID
# Rows below the last one that the Status dropdown still covers, for rows the coordinator adds.
STATUS_SPARE_ROWS = 1000


def _letter(column: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(column - 1)


def quote_sheetname(title: str) -> str:
    """A sheet name as a link names it, quoted as openpyxl quoted it."""
    return "'{}'".format(title.replace("'", "''"))


def _header_cells(headers: list[str], origins: list[str] | None) -> list[tuple[int, object, Style]]:
    return [(i, header, HEADER.but(fill=FILLS[origins[i - 1] if origins else "schema"]))
            for i, header in enumerate(headers, start=1)]


def _open_table(book: Book, title: str, headers: list[str], widths: list[float], *, filtered: bool,
                origins: list[str] | None = None, hidden: set[int] = frozenset()) -> Sheet:
    """A sheet with its final column widths (headers wrap between words only) and its header row."""
    sheet = _table_sheet(book, title, headers, widths, filtered=filtered, origins=origins, hidden=hidden)
    sheet.row(1, _header_cells(headers, origins))
    return sheet


def _table_sheet(book: Book, title: str, headers: list[str], widths: list[float], *, filtered: bool,
                 origins: list[str] | None = None, hidden: set[int] = frozenset()) -> Sheet:
    """The sheet of a table, its columns as wide as its headers need, before any row."""
    cells = _header_cells(headers, origins)
    column_widths = {i: width for i, width in enumerate(widths, start=1)}
    fit_header_widths(column_widths, {c: (v, s) for c, v, s in cells}, button=filtered)
    return book.sheet(title, column_widths, filter_row=1 if filtered else None, hidden_columns=hidden)


def write_header(sheet: Sheet, headers: list[str], origins: list[str] | None = None, row: int = 1) -> None:
    sheet.row(row, _header_cells(headers, origins))


def _table_style(value: object) -> Style:
    return WRAP_TOP if isinstance(value, str) and len(value) > 30 else TOP


def write_table(book: Book, title: str, headers: list[str], rows, widths: list[int] | None = None,
                freeze: str = "B2", cell_style: Callable[[int, int, object, Style], Style] | None = None,
                links: Callable[[int], dict[int, str] | None] | None = None, count: int | None = None,
                comment: tuple[int, str] | None = None) -> Sheet:
    """A plain table: header row, then rows (any iterable; count says how many when it is not a list).

    cell_style(row, column, value, style) may change a cell's style; links(row) gives its links.
    Rows past Excel's last row are left out, and a note on the first header says how many."""
    count = len(rows) if count is None else count
    widths = widths or [min(max(len(str(h)) + 2, 12), 40) for h in headers]
    sheet = _open_table(book, title, headers, widths, filtered=bool(count))
    shown = _table_notes(sheet, count, comment)
    _table_rows(sheet, itertools.islice(rows, shown), cell_style, links)
    _freeze(sheet, freeze)
    if shown:
        sheet.worksheet.autofilter(0, 0, shown, len(headers) - 1)
    return sheet


def _table_notes(sheet: Sheet, count: int, comment: tuple[int, str] | None) -> int:
    """The header's notes (rows past Excel's last one, the caller's comment); the number of rows shown."""
    from ..limits import MAX_SHEET_ROWS

    if count > MAX_SHEET_ROWS - 1:
        lang = getattr(sheet.book, "lang", "en")
        note = text("limits.rows_capped", lang, shown=MAX_SHEET_ROWS - 1, limit=MAX_SHEET_ROWS,
                    hidden=count - (MAX_SHEET_ROWS - 1))
        sheet.worksheet.write_comment(0, 0, note, {"author": "UPR Matrix", "width": 320, "height": 100})
        count = MAX_SHEET_ROWS - 1
    if comment is not None:
        column, note = comment
        sheet.worksheet.write_comment(0, column - 1, note, {"author": "UPR Matrix", "width": 320, "height": 100})
    return count


def _table_rows(sheet: Sheet, rows, cell_style, links, first: int = 2) -> None:
    for r, values in enumerate(rows, start=first):
        cells = []
        for c, value in enumerate(values, start=1):
            style = _table_style(value)
            if cell_style is not None:
                style = cell_style(r, c, value, style)
            cells.append((c, value, style))
        sheet.row(r, cells, links=links(r) if links else None)


def _freeze(sheet: Sheet, cell: str) -> None:
    from xlsxwriter.utility import xl_cell_to_rowcol

    row, col = xl_cell_to_rowcol(cell)
    sheet.worksheet.freeze_panes(row, col)


def _write_rows_sheet(book: Book, title: str, columns: list[MasterColumn], rows: list[MasterRow], lang: str,
                      removed: bool = False) -> None:
    hidden = {i for i, column in enumerate(columns, start=1) if column.origin == "hidden"}
    sheet = _open_table(book, title, [c.header for c in columns], [c.width for c in columns], filtered=True,
                        origins=[c.origin for c in columns], hidden=hidden)
    wraps = [column.column is None or column.column.width >= 24 for column in columns]
    keys = [column.key for column in columns]
    for r, row in enumerate(rows, start=2):
        cells = []
        for c, key in enumerate(keys, start=1):
            if key == "matrix":
                value = matrix(row.kind).title(lang)
            elif key == "status":
                value = status_label(row.cell("status"), lang)
            else:
                value = row.cell(key)
            if value is None:
                continue
            cells.append((c, value, WRAP_TOP if wraps[c - 1] and isinstance(value, str) else TOP))
        sheet.row(r, cells)
    worksheet = sheet.worksheet
    worksheet.freeze_panes(1, 2 if not removed else 3)
    last = max(len(rows) + 1, 2)
    worksheet.autofilter(0, 0, last - 1, len(columns) - 1)
    if not removed and "status" in keys:
        column = keys.index("status")
        choices = [fr if lang == "fr" else en for en, fr in STATUSES.items()]
        worksheet.data_validation(1, column, max(last, 2) + STATUS_SPARE_ROWS - 1, column, {
            "validate": "list", "source": choices, "ignore_blank": True, "show_error": False,
            "show_input": False, "input_title": STATUS.label(lang)})


class MasterWorkbook:
    """The master of a merge, written when it is saved (files.save_workbook saves it atomically)."""

    def __init__(self, result: "MergeResult", jobs: int = 1):
        self.result, self.jobs = result, jobs

    def save(self, target, prepare: Callable[[Sheet], None] | None = None) -> None:
        """Write the file. prepare(sheet), when given, is called on every sheet before the file is
        closed (scripts/render_summary.py hides the other sheets and sets the print area there)."""
        from xlsxwriter.exceptions import FileCreateError

        try:
            _write_book(self.result, Path(target), prepare, self.jobs)
        except FileCreateError as exc:   # a full disk or a vanished folder, as openpyxl raised it
            cause = exc.__cause__ or (exc.args[0] if exc.args else None)
            raise cause if isinstance(cause, OSError) else OSError(str(exc)) from exc


def write_master(result: "MergeResult", jobs: int = 1) -> MasterWorkbook:
    """The whole master workbook from a merge result; save() writes it.

    jobs > 1: a large Findings sheet is written by a second process meanwhile (findings_process.py)."""
    return MasterWorkbook(result, jobs)


def _write_book(result: "MergeResult", target: Path, prepare: Callable[[Sheet], None] | None,
                jobs: int = 1) -> None:
    from ..limits import MAX_SHEET_ROWS

    lang = result.lang
    names = sheet_names(lang)
    # A matrix sheet cut at Excel's last row would lose rows the groups typed: refuse before writing.
    for name, rows in [(names[m.kind], result.rows[m.kind]) for m in MATRICES] + [(names["removed"], result.removed)]:
        if len(rows) + 1 > MAX_SHEET_ROWS:
            raise OutputError(text("limits.sheet_too_long", lang, target=result.output, sheet=name, rows=len(rows) + 1,
                                   limit=MAX_SHEET_ROWS))
    book = Book(target)
    book.lang = lang
    # The Findings sheet's styles come first, so that a second process can write it with the same ones.
    findings, findings_rows = _findings_table(names["findings"], result)
    registered = register_styles(book, findings.styles())
    elsewhere = None
    if jobs > 1 and registered and findings.count >= PARALLEL_FINDINGS_MIN:
        other_cells = sum(len(result.rows[m.kind]) * len(result.columns[m.kind]) for m in MATRICES)
        findings.head = scratch_rows(findings, other_cells)
        elsewhere = FindingsElsewhere.start(findings, findings_rows)
    try:
        _write_sheets(book, result, names, findings, findings_rows, elsewhere, prepare)
    finally:
        if elsewhere is not None:
            elsewhere.clean()


def _write_sheets(book: Book, result: "MergeResult", names: dict[str, str], findings: "FindingsTable",
                  findings_rows, elsewhere: "FindingsElsewhere | None",
                  prepare: Callable[[Sheet], None] | None) -> None:
    from ..charts import write_summary

    lang = result.lang
    for sheet in MATRICES:
        _write_rows_sheet(book, names[sheet.kind], result.columns[sheet.kind], result.rows[sheet.kind], lang)
    _write_coverage(book, names["coverage"], result)
    _write_groups(book, names["groups"], result)
    if elsewhere is None:
        write_findings_table(book, findings, findings_rows)
    else:
        placeholder = _findings_placeholder(book, findings)
    write_summary(book, names["summary"], result)
    _write_sources(book, names["sources"], result)
    _write_stray(book, names["stray"], result)
    if result.removed:
        _write_rows_sheet(book, names["removed"], result.removed_columns, result.removed, lang, removed=True)
    _write_columns_sheet(book, result)
    _write_metadata(book, result.meta)
    if elsewhere is not None:
        # The rows after the second process's, while it still writes its own; then both are packed.
        if elsewhere.write_tail() and elsewhere.finish():
            elsewhere.pack_into(placeholder.worksheet)
        else:
            _fill_findings(placeholder, findings, elsewhere.rows())
    if prepare is not None:
        for sheet in book.sheets:
            prepare(sheet)
    book.close()


def _write_metadata(book: Book, meta) -> None:
    """metadata.write_metadata's two copies: custom document properties and the very hidden sheet."""
    values = meta.as_dict()
    for name, value in values.items():
        book.workbook.set_custom_property(f"upr_{name}", value or "-", "text")
    sheet = book.sheet(META_SHEET)
    sheet.row(1, [(1, "key", PLAIN), (2, "value", PLAIN)])
    for r, (name, value) in enumerate(values.items(), start=2):
        sheet.row(r, [(1, name, PLAIN)] + ([(2, value, PLAIN)] if value else []))
    sheet.worksheet.very_hidden()


def _write_columns_sheet(book: Book, result: "MergeResult") -> None:
    headers = ["sheet", "header", "origin", "name"]
    widths: dict[int, float] = {}
    fit_header_widths(widths, {c: (h, PLAIN) for c, h in enumerate(headers, start=1)}, button=False)
    sheet = book.sheet(COLUMNS_SHEET, widths)
    sheet.row(1, [(c, h, PLAIN) for c, h in enumerate(headers, start=1)])
    r = 1
    for kind, columns in [*result.columns.items(), ("removed", result.removed_columns)]:
        for column in columns:
            if column.origin in ("extra", "own"):
                r += 1
                values = [kind, column.header, column.origin, column.key.split(":", 1)[1]]
                sheet.row(r, [(c, v, PLAIN) for c, v in enumerate(values, start=1)])
    sheet.worksheet.very_hidden()


def _write_coverage(book: Book, title: str, result: "MergeResult") -> None:
    lang = result.lang
    from ..schema import RECOMMENDATIONS

    list_keys = ("id", "text", "recommending_states", "response", "issues", "action_category", "groups")
    group_labels = [g.label for g in result.group_stats]
    headers = [RECOMMENDATIONS.column(k).label(lang) for k in list_keys]
    headers += [label("coverage_status", lang), label("group_count", lang), label("planned_by", lang),
                label("strategy_by", lang), label("has_strategy", lang), label("in_list", lang)]
    headers += group_labels
    # The list's recommendations, then the IDs typed in rows that the list lacks, apart.
    items = result.coverage + result.unlisted
    status_names = {key: label(key, lang) for key in ("not_addressed", "addressed", "cross_cutting", "not_in_list")}

    def rows():
        for item in items:
            record = item.record
            values = [item.id] + [record.get(k) for k in list_keys[1:]]
            values += [status_names[item.status], len(item.groups), "; ".join(item.planned_by) or None,
                       "; ".join(item.strategy_by) or None,
                       label("yes" if item.strategy_by else "no", lang),
                       label("yes" if item.in_list else "no", lang)]
            values += [item.by_group.get(g) for g in group_labels]
            yield values

    status_col = len(list_keys) + 1
    fills = {"cross_cutting": CROSS_CUTTING_FILL, "not_in_list": NOT_IN_LIST_FILL, "not_addressed": NOT_ADDRESSED_FILL}

    def cell_style(r: int, c: int, value: object, style: Style) -> Style:
        if c in (1, status_col):
            fill = fills.get(items[r - 2].status)
            if fill:
                style = style.but(fill=fill)
        return style

    widths = [10, 50, 18, 11, 22, 9, 22, 14, 9, 24, 24, 10, 9] + [34] * len(group_labels)
    # The ID is text, whatever it looks like.
    text_ids = ([str(v[0]) if v[0] is not None else None, *v[1:]] for v in rows())
    write_table(book, title, headers, text_ids, widths, freeze="C2", cell_style=cell_style, count=len(items))


def _write_groups(book: Book, title: str, result: "MergeResult") -> None:
    from ..schema import GROUP_WORKSHEET

    lang = result.lang
    fields = [f for f in GROUP_WORKSHEET.fields if f.key != "group_name"]
    headers = [GROUP.label(lang)] + [f.label(lang) for f in fields]
    headers += [label(k, lang) for k in ("assigned", "rows_plan", "rows_strategy", "recs_addressed",
                                           "not_in_strategy", "completeness_plan", "completeness_strategy",
                                           "smart_mean", "smart_pass", "files")]
    rows = []
    for g in result.group_stats:
        values = [g.label] + [g.worksheet.get(f.key) for f in fields]
        values += [g.assigned, g.rows["implementation_plan"], g.rows["action_strategy"], g.addressed,
                   g.not_in_strategy, g.completeness("implementation_plan"),
                   g.completeness("action_strategy"), g.smart_mean, g.smart_pass_rate,
                   "\n".join(g.files) or None]
        rows.append(values)
    widths = [26] + [20] * len(fields) + [12, 12, 12, 12, 14, 14, 14, 11, 11, 40]
    first_pct = 1 + len(fields) + 6
    formats = {first_pct: PERCENT_FORMAT, first_pct + 1: PERCENT_FORMAT, first_pct + 3: PERCENT_FORMAT,
               first_pct + 2: "0.0"}

    def cell_style(r: int, c: int, value: object, style: Style) -> Style:
        return style.but(num_format=formats[c]) if c in formats else style

    write_table(book, title, headers, rows, widths, cell_style=cell_style)


def _findings_table(title: str, result: "MergeResult") -> tuple["FindingsTable", object]:
    """The Findings sheet's frame, and its rows as a generator."""
    from ..findings import FINDING_TYPES
    from ..limits import MAX_SHEET_HYPERLINKS, links_capped_note

    lang = result.lang
    headers = [label(k, lang) for k in ("severity", "type", "criterion")] + [GROUP.label(lang)]
    headers += [label(k, lang) for k in ("file", "sheet", "cell")]
    headers += [IMPLEMENTATION_PLAN.column("recommendation_id").label(lang)]
    headers += [label(k, lang) for k in ("field", "message", "fix", "master_cell")]
    field_labels: dict[str, str] = {}
    for sheet in reversed(MATRICES):   # the first matrix that has the field names it
        for column in sheet.columns:
            field_labels[column.key] = column.label(lang)
    severities = {}
    type_titles = {}
    names: dict[str, str] = {}

    def rows():
        for item in result.findings:
            f = item.finding
            severity = severities.get(f.severity)
            if severity is None:
                severity = severities[f.severity] = f.severity.label(lang)
            ftype = type_titles.get(f.type)
            if ftype is None:
                known = FINDING_TYPES.get(f.type)
                ftype = type_titles[f.type] = known.title(lang) if known else f.type
            name = names.get(f.file) if f.file else None
            if f.file and name is None:
                name = names[f.file] = Path(f.file).name
            target = f"{item.link[0]}!{item.link[1]}" if item.link else None
            yield [severity, ftype, f.criterion or None, item.group, name, f.sheet or None, f.cell or None,
                   f.recommendation_id or None, field_labels.get(f.field, f.field) or None, f.message,
                   f.fix or None, target]

    # Excel repairs a sheet with more links: only the first ones link, and the header says so.
    linked = 0
    total = sum(1 for item in result.findings if item.link)
    last = len(headers)
    link_rows: dict[int, tuple[str, str]] = {}
    for r, item in enumerate(result.findings, start=2):
        if item.link and linked < MAX_SHEET_HYPERLINKS:
            link_rows[r] = item.link
            linked += 1
    comment = None
    if total > MAX_SHEET_HYPERLINKS:
        comment = (last, links_capped_note(MAX_SHEET_HYPERLINKS, total - MAX_SHEET_HYPERLINKS, lang))
    widths = [15, 22, 9, 22, 28, 23, 8, 12, 28, 60, 50, 28]  # "Avertissement", "Plan de mise en œuvre", "ID de la recommandation", "Responsible Government body"
    table = FindingsTable(title, headers, widths, len(result.findings), link_rows, comment,
                          _header_cells(headers, None)[0][2])
    return table, rows()


def _write_findings(book: Book, title: str, result: "MergeResult") -> None:
    write_findings_table(book, *_findings_table(title, result))


def write_findings_table(book: Book, table: "FindingsTable", rows) -> Sheet:
    """The Findings sheet, here or in the second process (findings_process.py)."""
    return write_table(book, table.title, table.headers, rows, table.widths, freeze="A2",
                       cell_style=table.cell_style, links=table.links, count=table.count, comment=table.comment)


def write_findings_tail(path: Path, table: "FindingsTable", rows) -> bool:
    """The Findings rows after the second process's, alone in a scratch workbook as the master's sheet
    holds them (its widths, its style numbers); False when a cell needed a style not registered first."""
    book = Book(path)
    styles = table.styles()
    registered = register_styles(book, styles)
    if registered:
        sheet = _table_sheet(book, table.title, table.headers, table.widths, filtered=bool(table.count))
        _table_rows(sheet, rows, table.cell_style, table.links, first=table.head + 2)
    book.close()
    return registered and len(book._formats) == len(set(styles))


def _findings_placeholder(book: Book, table: "FindingsTable") -> Sheet:
    """The Findings sheet as the master holds it while another process writes its cells: its place,
    its widths, and what the master's other parts need of it (header notes, the filter's range)."""
    sheet = _table_sheet(book, table.title, table.headers, table.widths, filtered=bool(table.count))
    shown = _table_notes(sheet, table.count, table.comment)
    if shown:
        sheet.worksheet.autofilter(0, 0, shown, len(table.headers) - 1)
    return sheet


def _fill_findings(sheet: Sheet, table: "FindingsTable", rows) -> None:
    """The placeholder's cells written here after all (no second process could)."""
    from ..limits import MAX_SHEET_ROWS

    sheet.row(1, _header_cells(table.headers, None))
    _table_rows(sheet, itertools.islice(rows, min(table.count, MAX_SHEET_ROWS - 1)), table.cell_style, table.links)
    _freeze(sheet, "A2")


def _write_sources(book: Book, title: str, result: "MergeResult") -> None:
    lang = result.lang
    headers = [label(k, lang) for k in ("file", "folder", "kind")] + [GROUP.label(lang)]
    headers += [label(k, lang) for k in ("rows", "stray_count", "findings_count", "format", "modified",
                                           "sha256", "status", "reason")]
    rows = []
    for s in result.sources:
        path = Path(s.path)
        rows.append([path.name, str(path.parent) if s.status != "kept" else None, kind_label(s.kind, lang),
                     s.group or None, s.rows, s.stray, s.findings, s.format or None, s.modified,
                     s.sha256 or None, label(s.status, lang), s.reason or None])
    widths = [34, 30, 20, 24, 8, 10, 9, 7, 17, 20, 14, 50]
    write_table(book, title, headers, rows, widths, freeze="B2")


def _write_stray(book: Book, title: str, result: "MergeResult") -> None:
    lang = result.lang
    headers = [GROUP.label(lang), SOURCE_FILE.label(lang), SOURCE_SHEET.label(lang), label("cell", lang),
               label("value", lang), label("typed_as", lang)]
    rows = [[s.group, s.source_file, s.sheet, s.cell, s.value,
             label("cell_comment" if getattr(s, "comment", False) else "cell_value", lang)] for s in result.stray]
    write_table(book, title, headers, rows, [24, 30, 20, 8, 60, 18], freeze="A2")
