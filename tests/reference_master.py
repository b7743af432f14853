"""The master as the openpyxl writer wrote it before issue 15 (addin/master/writing.py and the Summary
of addin/charts.py at commit 3f24d9e), kept to prove that the xlsxwriter writer writes the same
master: tests/test_master_writer.py writes one merge result with both and compares them with
scripts/compare_master.py. Not used by the product."""

from __future__ import annotations

import math

from openpyxl.chart import BarChart, PieChart, Reference

from addin.charts import BAR_CM, ROW_HEIGHT_CM, SummaryTable, _is_none_label, _largest, count_step, nothing_yet
from addin.layout import text_width



import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink

from addin.layout import fit_header_widths, fit_row_heights
from addin.metadata import write_metadata
from addin.schema import IMPLEMENTATION_PLAN, MATRICES, STATUSES, matrix
from addin.master.columns import COLUMNS_SHEET, GROUP, SOURCE_FILE, SOURCE_SHEET, STATUS, MasterColumn
from addin.master.labels import kind_label, label, sheet_names, status_label
from addin.master.rows import Formula, MasterRow

if TYPE_CHECKING:  # pragma: no cover
    from addin.merge import MergeResult


HEADER_FONT = Font(bold=True, color="FFFFFF")
FILLS = {
    "schema": PatternFill("solid", fgColor="1F4E78"),
    "provenance": PatternFill("solid", fgColor="595959"),
    "hidden": PatternFill("solid", fgColor="595959"),
    "coordinator": PatternFill("solid", fgColor="375623"),
    "own": PatternFill("solid", fgColor="375623"),
    "smart": PatternFill("solid", fgColor="7030A0"),
    "extra": PatternFill("solid", fgColor="806000"),
    "removed": PatternFill("solid", fgColor="9C2A00"),
}
CROSS_CUTTING_FILL = PatternFill("solid", fgColor="FFE699")
NOT_ADDRESSED_FILL = PatternFill("solid", fgColor="FFC7CE")
NOT_IN_LIST_FILL = PatternFill("solid", fgColor="FFD966")   # the templates' fill for an unknown ID
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0%"


EXCEL_CELL_LIMIT = 32767   # characters in one cell
CARRIAGE_RETURN = "_x000D_"   # how Excel writes a CR inside a cell's text


def put(cell, value: object) -> None:
    """Write a value keeping its type: strings stay strings even when they start with = + - @."""
    if isinstance(value, Formula):
        cell.value = str(value)
        return
    if isinstance(value, str):
        # Excel cannot hold these; openpyxl would cut long text without a word. The merge warns of both.
        text = ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_CELL_LIMIT]
        if "\r" in text:
            # An XML reader turns a bare carriage return into a line feed: Excel's own escape keeps it
            # (a file name with a CR in it stays that name).
            text = text.replace("\r", CARRIAGE_RETURN)
        cell.value = text
        cell.data_type = "s"
        if text[:1] in "=+-@":
            # Excel shows a leading apostrophe and keeps it text when the cell is edited.
            cell.quotePrefix = True
        return
    cell.value = value
    if isinstance(value, dt.datetime):
        cell.number_format = DATE_FORMAT if value.time() == dt.time() else DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT


def write_header(ws, headers: list[str], origins: list[str] | None = None, row: int = 1) -> None:
    for i, header in enumerate(headers, start=1):
        cell = ws.cell(row, i)
        put(cell, header)
        cell.font = HEADER_FONT
        cell.fill = FILLS[(origins[i - 1] if origins else "schema")]
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def write_table(ws, headers: list[str], rows: list[list[object]], widths: list[int] | None = None,
                origins: list[str] | None = None, freeze: str = "B2") -> None:
    write_header(ws, headers, origins)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c)
            put(cell, value)
            cell.alignment = WRAP_TOP if isinstance(value, str) and len(value) > 30 else TOP
    for i, header in enumerate(headers, start=1):
        width = widths[i - 1] if widths else min(max(len(str(header)) + 2, 12), 40)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = freeze
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def _write_rows_sheet(ws, columns: list[MasterColumn], rows: list[MasterRow], lang: str,
                      removed: bool = False) -> None:
    write_header(ws, [c.header for c in columns], [c.origin for c in columns])
    for r, row in enumerate(rows, start=2):
        for c, column in enumerate(columns, start=1):
            if column.key == "matrix":
                value = matrix(row.kind).title(lang)
            elif column.key == "status":
                value = status_label(row.cell("status"), lang)
            else:
                value = row.cell(column.key)
            if value is None:
                continue
            cell = ws.cell(r, c)
            put(cell, value)
            long_text = column.column is None or column.column.width >= 24
            cell.alignment = WRAP_TOP if long_text and isinstance(value, str) else TOP
    for i, column in enumerate(columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = column.width
        if column.origin == "hidden":
            ws.column_dimensions[letter].hidden = True
    ws.freeze_panes = "C2" if not removed else "D2"
    last = max(len(rows) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    keys = [c.key for c in columns]
    if not removed and "status" in keys:
        letter = get_column_letter(keys.index("status") + 1)
        choices = [fr if lang == "fr" else en for en, fr in STATUSES.items()]
        dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                            showErrorMessage=False)
        dv.promptTitle = STATUS.label(lang)
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{max(last, 2) + 1000}")


def _link(cell, sheet_title: str, coordinate: str) -> None:
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quote_sheetname(sheet_title)}!{coordinate}",
                               display=cell.value if isinstance(cell.value, str) else None)
    cell.font = Font(color="0563C1", underline="single")


def write_master(result: "MergeResult") -> Workbook:
    """The whole master workbook from a merge result."""

    lang = result.lang
    names = sheet_names(lang)
    wb = Workbook()
    for i, sheet in enumerate(MATRICES):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = names[sheet.kind]
        _write_rows_sheet(ws, result.columns[sheet.kind], result.rows[sheet.kind], lang)
    _write_coverage(wb.create_sheet(names["coverage"]), result)
    _write_groups(wb.create_sheet(names["groups"]), result)
    _write_findings(wb.create_sheet(names["findings"]), result)
    write_summary(wb.create_sheet(names["summary"]), result)
    _write_sources(wb.create_sheet(names["sources"]), result)
    _write_stray(wb.create_sheet(names["stray"]), result)
    if result.removed:
        _write_rows_sheet(wb.create_sheet(names["removed"]), result.removed_columns, result.removed, lang,
                          removed=True)
    _write_columns_sheet(wb, result)
    for ws in wb.worksheets:
        _fit_layout(ws, table=ws.title != names["summary"])
    write_metadata(wb, result.meta)
    wb.active = 0
    return wb


def _fit_layout(ws, table: bool) -> None:
    """Headers wrap between words only; every row is as tall as its wrapped text (layout.py)."""
    if table:
        fit_header_widths(ws, 1)
    fit_row_heights(ws)


def _write_columns_sheet(wb, result: "MergeResult") -> None:
    ws = wb.create_sheet(COLUMNS_SHEET)
    ws.append(["sheet", "header", "origin", "name"])
    for kind, columns in [*result.columns.items(), ("removed", result.removed_columns)]:
        for column in columns:
            if column.origin in ("extra", "own"):
                ws.append([kind, column.header, column.origin, column.key.split(":", 1)[1]])
                for c in (2, 4):
                    ws.cell(ws.max_row, c).data_type = "s"
    ws.sheet_state = "veryHidden"


def _write_coverage(ws, result: "MergeResult") -> None:
    lang = result.lang
    from addin.schema import RECOMMENDATIONS

    list_keys = ("id", "text", "recommending_states", "response", "issues", "action_category", "groups")
    group_labels = [g.label for g in result.group_stats]
    headers = [RECOMMENDATIONS.column(k).label(lang) for k in list_keys]
    headers += [label("coverage_status", lang), label("group_count", lang), label("planned_by", lang),
                label("strategy_by", lang), label("has_strategy", lang), label("in_list", lang)]
    headers += group_labels
    rows = []
    # The list's recommendations, then the IDs typed in rows that the list lacks, apart.
    items = result.coverage + result.unlisted
    for item in items:
        record = item.record
        status = {"not_addressed": label("not_addressed", lang), "addressed": label("addressed", lang),
                  "cross_cutting": label("cross_cutting", lang),
                  "not_in_list": label("not_in_list", lang)}[item.status]
        values = [item.id] + [record.get(k) for k in list_keys[1:]]
        values += [status, len(item.groups), "; ".join(item.planned_by) or None,
                   "; ".join(item.strategy_by) or None,
                   label("yes" if item.strategy_by else "no", lang),
                   label("yes" if item.in_list else "no", lang)]
        values += [item.by_group.get(g) for g in group_labels]
        rows.append(values)
    widths = [10, 50, 18, 11, 22, 9, 22, 14, 9, 24, 24, 10, 9] + [34] * len(group_labels)
    write_table(ws, headers, rows, widths, freeze="C2")
    status_col = len(list_keys) + 1
    for r, item in enumerate(items, start=2):
        if item.status != "addressed":
            fill = {"cross_cutting": CROSS_CUTTING_FILL, "not_in_list": NOT_IN_LIST_FILL}.get(item.status,
                                                                                            NOT_ADDRESSED_FILL)
            ws.cell(r, 1).fill = fill
            ws.cell(r, status_col).fill = fill
        ws.cell(r, 1).data_type = "s"


def _write_groups(ws, result: "MergeResult") -> None:
    from addin.schema import GROUP_WORKSHEET

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
    write_table(ws, headers, rows, widths)
    first_pct = 1 + len(fields) + 6
    for r in range(2, len(rows) + 2):
        for c in (first_pct, first_pct + 1, first_pct + 3):
            ws.cell(r, c).number_format = PERCENT_FORMAT
        ws.cell(r, first_pct + 2).number_format = "0.0"


def _write_findings(ws, result: "MergeResult") -> None:
    from addin.findings import FINDING_TYPES

    lang = result.lang
    headers = [label(k, lang) for k in ("severity", "type", "criterion")] + [GROUP.label(lang)]
    headers += [label(k, lang) for k in ("file", "sheet", "cell")]
    headers += [IMPLEMENTATION_PLAN.column("recommendation_id").label(lang)]
    headers += [label(k, lang) for k in ("field", "message", "fix", "master_cell")]
    rows, links = [], []
    for item in result.findings:
        f = item.finding
        ftype = FINDING_TYPES.get(f.type)
        field_label = f.field
        if f.field:
            for sheet in MATRICES:
                if f.field in sheet.keys:
                    field_label = sheet.column(f.field).label(lang)
                    break
        target = f"{item.link[0]}!{item.link[1]}" if item.link else None
        rows.append([f.severity.label(lang), ftype.title(lang) if ftype else f.type, f.criterion or None,
                     item.group, Path(f.file).name if f.file else None, f.sheet or None, f.cell or None,
                     f.recommendation_id or None, field_label or None, f.message, f.fix or None, target])
        links.append(item.link)
    widths = [15, 22, 9, 22, 28, 23, 8, 12, 28, 60, 50, 28]  # "Avertissement", "Plan de mise en œuvre", "ID de la recommandation", "Responsible Government body"
    write_table(ws, headers, rows, widths, freeze="A2")
    from openpyxl.comments import Comment

    from addin.limits import MAX_SHEET_HYPERLINKS, links_capped_note

    targets = [(r, link) for r, link in enumerate(links, start=2) if link]
    for r, link in targets[:MAX_SHEET_HYPERLINKS]:  # Excel repairs a sheet with more links
        _link(ws.cell(r, len(headers)), link[0], link[1])
    if len(targets) > MAX_SHEET_HYPERLINKS:
        note = links_capped_note(MAX_SHEET_HYPERLINKS, len(targets) - MAX_SHEET_HYPERLINKS, lang)
        ws.cell(1, len(headers)).comment = Comment(note, "UPR Matrix", width=320, height=100)


def _write_sources(ws, result: "MergeResult") -> None:
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
    write_table(ws, headers, rows, widths, freeze="B2")


def _write_stray(ws, result: "MergeResult") -> None:
    lang = result.lang
    headers = [GROUP.label(lang), SOURCE_FILE.label(lang), SOURCE_SHEET.label(lang), label("cell", lang),
               label("value", lang), label("typed_as", lang)]
    rows = [[s.group, s.source_file, s.sheet, s.cell, s.value,
             label("cell_comment" if getattr(s, "comment", False) else "cell_value", lang)] for s in result.stray]
    write_table(ws, headers, rows, [24, 30, 20, 8, 60, 18], freeze="A2")


# --- the Summary sheet (addin/charts.py) ---

SUMMARY_HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
TITLE_FONT = Font(bold=True, size=12)
# Rows a chart covers at its default height; a table block is at least this tall.
CHART_ROWS = 16
CHART_COLUMN = "G"


def write_summary(ws, result: "MergeResult") -> None:

    row = 1
    title = ws.cell(row, 1)
    put(title, result.summary_title)
    title.font = Font(bold=True, size=14)
    row += 2
    for name, value in result.headline:
        put(ws.cell(row, 1), name)
        ws.cell(row, 1).font = Font(bold=True)
        ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        if value is not None:
            put(ws.cell(row, 2), value)
            ws.cell(row, 2).alignment = Alignment(vertical="top")
            if isinstance(value, float):
                ws.cell(row, 2).number_format = "0%" if value <= 1 else "0.0"
        row += 1
    row += 1
    header_rows = []
    for table in result.summary:
        header_rows.append(row + 1)
        row = _write_table(ws, table, row, result.lang)
    # Headline names on one line where they fit in a reasonable width; longer ones wrap.
    ws.column_dimensions["A"].width = min(64, max([42] + [round(text_width(str(name), bold=True)) + 2
                                                          for name, _ in result.headline]))
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 17
    for header_row in header_rows:    # no header breaks inside a word
        fit_header_widths(ws, header_row)
    # Printed or exported to PDF, tables and their charts share one page width.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


# A horizontal bar per category: names read on one line, however long.
ROW_HEIGHT_CM = 0.53
BAR_CM = 0.45


def _write_table(ws, table: SummaryTable, top: int, lang: str = "en") -> int:

    put(ws.cell(top, 1), table.title)
    ws.cell(top, 1).font = TITLE_FONT
    header_row = top + 1
    for c, header in enumerate(table.headers, start=1):
        cell = ws.cell(header_row, c)
        put(cell, header)
        cell.font = SUMMARY_HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, values in enumerate(table.rows, start=header_row + 1):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c)
            if value is not None:
                put(cell, value)
            if c - 1 in table.percent_columns:
                cell.number_format = "0%"
            if c == 1:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    chart_rows = 0
    if table.chart and table.rows:
        if all(_is_none_label(row[0], lang) for row in table.rows):
            note = ws[f"{CHART_COLUMN}{header_row}"]
            put(note, nothing_yet(table.key, lang))
            note.font = Font(italic=True, color="595959")
        else:
            chart = _chart(ws, table, header_row)
            ws.add_chart(chart, f"{CHART_COLUMN}{top}")
            chart_rows = math.ceil(chart.height / ROW_HEIGHT_CM) + 1
    return top + max(len(table.rows) + 3, chart_rows)


def _chart(ws, table: SummaryTable, header_row: int):
    last_row = header_row + len(table.rows)
    categories = Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row)
    series = table.chart_series or tuple(range(1, len(table.headers)))
    if table.chart == "pie":
        chart = PieChart()
        chart.add_data(Reference(ws, min_col=series[0] + 1, min_row=header_row, max_row=last_row),
                       titles_from_data=True)
        chart.height = 7.5
    else:
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "clustered"
        for index in series:
            chart.add_data(Reference(ws, min_col=index + 1, min_row=header_row, max_row=last_row),
                           titles_from_data=True)
        # openpyxl marks axes deleted by default; recent Excel versions then hide them.
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        # Categories top-down in the table's order, values along the bottom.
        chart.x_axis.scaling.orientation = "maxMin"
        chart.y_axis.crosses = "max"
        chart.y_axis.scaling.min = 0
        if table.percent_axis:
            chart.y_axis.number_format = "0%"
            chart.y_axis.scaling.max = 1
            chart.y_axis.majorUnit = 0.25
        else:
            chart.y_axis.number_format = "0"
            chart.y_axis.majorUnit = count_step(_largest(table, series))
        chart.height = max(7.5, 2.5 + BAR_CM * len(table.rows) * len(series))
    chart.set_categories(categories)
    chart.title = table.title
    chart.width = 16
    return chart
