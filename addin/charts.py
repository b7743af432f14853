"""The master's Summary sheet: headline figures, count tables and native Excel charts.

Charts are xlsxwriter charts that read the tables beside them, so they stay live when the
coordinator edits a count, and LibreOffice renders them as well as Excel. Each chart also carries
its table's values, as Excel's own files do, for readers that do not compute them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .layout import text_width

if TYPE_CHECKING:  # pragma: no cover
    from .merge import MergeResult

# Rows a chart covers at its default height; a table block is at least this tall.
CHART_ROWS = 16
CHART_COLUMN = "G"
_CHART_COLUMN = 7
HEADER_FILL = "1F4E78"
# A centimetre in the pixels xlsxwriter sizes a chart in (96 per inch).
PIXELS_PER_CM = 96 / 2.54


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


def write_summary(book, title: str, result: "MergeResult") -> None:
    """The Summary sheet: laid out in full first (it is small), then written row by row."""
    from .master.xlsx import PLAIN, TOP, Style, fit_header_widths

    cells: dict[int, dict[int, tuple[object, object]]] = {}

    def put(r: int, c: int, value: object, style) -> None:
        cells.setdefault(r, {})[c] = (value, style)

    put(1, 1, result.summary_title, Style(bold=True, size=14))
    row = 3
    for name, value in result.headline:
        put(row, 1, name, Style(bold=True, wrap=True, valign="top"))
        if value is not None:
            style = TOP
            if isinstance(value, float):
                style = TOP.but(num_format="0%" if value <= 1 else "0.0")
            put(row, 2, value, style)
        row += 1
    row += 1
    header_rows, charts = [], []
    for table in result.summary:
        header_rows.append(row + 1)
        row = _lay_out_table(put, table, row, result.lang, charts)
    # Headline names on one line where they fit in a reasonable width; longer ones wrap.
    widths: dict[int, float] = {1: min(64, max([42] + [round(text_width(str(name), bold=True)) + 2
                                                       for name, _ in result.headline]))}
    for column in range(2, 7):
        widths[column] = 17
    for header_row in header_rows:    # no header breaks inside a word
        fit_header_widths(widths, {c: (v, s or PLAIN) for c, (v, s) in cells.get(header_row, {}).items()},
                          button=False)
    sheet = book.sheet(title, widths, keep_heights=True)   # the charts are placed by the rows' heights
    for r in sorted(cells):
        sheet.row(r, [(c, value, style) for c, (value, style) in sorted(cells[r].items())])
    for top, chart in charts:
        sheet.worksheet.insert_chart(f"{CHART_COLUMN}{top}", _xlsx_chart(book, title, chart),
                                     {"object_position": 2})
    # Printed or exported to PDF, tables and their charts share one page width.
    sheet.worksheet.set_landscape()
    sheet.worksheet.fit_to_pages(1, 0)


def nothing_yet(table_key: str, lang: str) -> str:
    """What a chart with nothing to show yet says instead: the table's own sentence, or a general one."""
    from .locale import has, text

    key = f"charts.nothing_yet_by_table.{table_key}"
    return text(key if has(key) else "charts.nothing_yet", lang)


def _is_none_label(value: object, lang: str) -> bool:
    from .locale import text

    return value in {text(f"summary.{key}", lang) for key in ("none", "none_response", "none_category")}

# A horizontal bar per category: names read on one line, however long.
ROW_HEIGHT_CM = 0.53
BAR_CM = 0.45


@dataclass
class _Chart:
    """A chart of one table, as the Summary sheet places it."""

    table: SummaryTable
    header_row: int
    kind: str                      # "bar" | "pie"
    series: tuple[int, ...]
    height: float                  # cm
    width: float = 16.0            # cm


def _lay_out_table(put, table: SummaryTable, top: int, lang: str, charts: list) -> int:
    from .master.xlsx import Style

    header = Style(bold=True, color="FFFFFF", fill=HEADER_FILL, wrap=True, valign="vcenter")
    put(top, 1, table.title, Style(bold=True, size=12))
    header_row = top + 1
    for c, text in enumerate(table.headers, start=1):
        put(header_row, c, text, header)
    for r, values in enumerate(table.rows, start=header_row + 1):
        for c, value in enumerate(values, start=1):
            style = Style(wrap=True, valign="top") if c == 1 else None
            if c - 1 in table.percent_columns:
                style = (style or Style()).but(num_format="0%")
            put(r, c, value, style)
    chart_rows = 0
    if table.chart and table.rows:
        if all(_is_none_label(row[0], lang) for row in table.rows):
            put(header_row, _CHART_COLUMN, nothing_yet(table.key, lang), Style(italic=True, color="595959"))
        else:
            chart = _plan_chart(table, header_row)
            charts.append((top, chart))
            chart_rows = math.ceil(chart.height / ROW_HEIGHT_CM) + 1
    return top + max(len(table.rows) + 3, chart_rows)


def _plan_chart(table: SummaryTable, header_row: int) -> _Chart:
    series = table.chart_series or tuple(range(1, len(table.headers)))
    if table.chart == "pie":
        return _Chart(table, header_row, "pie", series[:1], 7.5)
    return _Chart(table, header_row, "bar", series, max(7.5, 2.5 + BAR_CM * len(table.rows) * len(series)))


def _xlsx_chart(book, sheet: str, plan: _Chart):
    table, header_row = plan.table, plan.header_row
    first, last = header_row, header_row + len(table.rows) - 1     # 0-based rows of the values
    chart = book.workbook.add_chart({"type": "pie"} if plan.kind == "pie" else
                                    {"type": "bar", "subtype": "clustered"})
    categories = [row[0] for row in table.rows]
    for index in plan.series:
        chart.add_series({
            "name": [sheet, header_row - 1, index], "name_data": [table.headers[index]],
            "categories": [sheet, first, 0, last, 0], "categories_data": categories,
            "values": [sheet, first, index, last, index],
            "values_data": [row[index] if index < len(row) else None for row in table.rows],
        })
    if plan.kind == "bar":
        # Categories top-down in the table's order, values along the bottom. In a bar chart
        # xlsxwriter's x axis is the value axis and its y axis the categories'.
        value_axis: dict[str, object] = {"min": 0}
        if table.percent_axis:
            value_axis.update({"num_format": "0%", "max": 1, "major_unit": 0.25})
        else:
            value_axis.update({"num_format": "0", "major_unit": count_step(_largest(table, plan.series))})
        chart.set_x_axis(value_axis)
        chart.set_y_axis({"reverse": True, "crossing": "max"})
    chart.set_title({"name": table.title})
    chart.set_size({"width": round(plan.width * PIXELS_PER_CM), "height": round(plan.height * PIXELS_PER_CM)})
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
