"""The master's Summary sheet: headline figures, count tables and native Excel charts.

Charts are openpyxl chart objects that read the tables beside them, so they stay live
when the coordinator edits a count, and LibreOffice renders them as well as Excel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill

from .layout import fit_header_widths, text_width

if TYPE_CHECKING:  # pragma: no cover
    from .merge import MergeResult

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
TITLE_FONT = Font(bold=True, size=12)
# Rows a chart covers at its default height; a table block is at least this tall.
CHART_ROWS = 16
CHART_COLUMN = "G"


@dataclass
class SummaryTable:
    """A small table of the Summary sheet; the first column names the categories."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[object]]
    chart: str | None = "bar"          # "bar" (columns), "pie" or None
    percent_columns: set[int] = field(default_factory=set)  # 0-based columns shown as %
    chart_series: tuple[int, ...] = ()  # 0-based value columns to chart; all when empty
    percent_axis: bool = False


def write_summary(ws, result: "MergeResult") -> None:
    from .master import put

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


# What a chart with nothing to show yet says instead, by table key; the others say NOTHING_YET.
NOTHING_YET_BY_TABLE = {
    "by_status": {"en": "No status is set yet: the coordinator sets one per row in the Status column of "
                        "the Implementation plan and Action strategy sheets.",
                  "fr": "Aucun statut n'est encore renseigné : la coordination en choisit un par ligne dans "
                        "la colonne Statut des feuilles Plan de mise en œuvre et Stratégie d'action."},
}
NOTHING_YET = {"en": "Nothing to chart yet.", "fr": "Rien à représenter pour l'instant."}
# A horizontal bar per category: names read on one line, however long.
ROW_HEIGHT_CM = 0.53
BAR_CM = 0.45


def _write_table(ws, table: SummaryTable, top: int, lang: str = "en") -> int:
    from .master import label, put

    put(ws.cell(top, 1), table.title)
    ws.cell(top, 1).font = TITLE_FONT
    header_row = top + 1
    for c, header in enumerate(table.headers, start=1):
        cell = ws.cell(header_row, c)
        put(cell, header)
        cell.font = HEADER_FONT
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
        if all(row[0] == label("none", lang) for row in table.rows):
            note = ws[f"{CHART_COLUMN}{header_row}"]
            put(note, NOTHING_YET_BY_TABLE.get(table.key, NOTHING_YET)["fr" if lang == "fr" else "en"])
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


def _largest(table: SummaryTable, series) -> float:
    return max((float(row[i]) for row in table.rows for i in series
                if i < len(row) and isinstance(row[i], (int, float))), default=0.0)


def count_step(largest: float) -> int:
    """A whole, round step for a count axis with at most about eight gridlines: never 0.5."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if largest / step <= 8:
            return step
    return int(10 ** math.ceil(math.log10(largest / 8)))
