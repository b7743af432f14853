"""Write findings into a copy of the workbook: fills, cell notes and a Check sheet.

The input is never modified. Each flagged cell's previous fill is kept on the
Check sheet so that clear_flags() can put the workbook back as it was.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname

from .files import save_workbook
from .findings import FINDING_TYPES, Severity
from .schema import field_label
from .layout import fit_header_widths, fit_row_heights
from .locale import LANGUAGES, text
from .limits import MAX_SHEET_HYPERLINKS, cell_chunks, links_capped_note
from .reader import date_overflows
from .report import FileReport

AUTHOR = "UPR Matrix"
# The Check sheet takes the report's language; any language's name is recognised when clearing.
CHECK_SHEETS = {lang: text("check.sheet", lang) for lang in LANGUAGES}
CHECK_SHEET = CHECK_SHEETS["en"]
SEVERITY_FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="FF9999"),
    Severity.WARNING: PatternFill("solid", fgColor="FFE699"),
    Severity.INFO: PatternFill("solid", fgColor="BDD7EE"),
}
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
CHECK_COLUMNS = ("severity", "type", "criterion", "sheet", "cell", "field", "recommendation_id", "message", "fix")
CHECK_HEADERS = {lang: tuple(text(f"check.header.{key}", lang) for key in CHECK_COLUMNS) for lang in LANGUAGES}
CHECK_WIDTHS = (14, 26, 9, 20, 8, 24, 14, 70, 50)  # A: "avertissement"; F: field labels wrap
CHECK_WRAPPED_COLUMNS = (6, 8, 9)   # field, message and fix
ORIGINAL_FILLS_HEADER = "_original_fills"
ORIGINAL_FILLS_COLUMN = 20  # T: hidden, far right of the Check sheet


def annotated_path(path: Path) -> Path:
    # A copy that keeps its macros must stay .xlsm: Excel refuses macro content under an .xlsx name.
    suffix = ".xlsm" if path.suffix.lower() == ".xlsm" else ".xlsx"
    return path.with_name(f"{path.stem}.checked{suffix}")


def _note_cell(ws, coordinate: str, message: str = "", lang: str = "en") -> tuple[object, str]:
    """The cell that can carry a note for coordinate, and a prefix for the note's line.

    A cell inside merged cells cannot hold a note or show a fill: its range's first cell does,
    saying which cell the finding is about (briefly when the message already names the range).
    """
    cell = ws[coordinate]
    if not isinstance(cell, MergedCell):
        return cell, ""
    merged = next(r for r in ws.merged_cells.ranges if coordinate in r)
    first = ws.cell(merged.min_row, merged.min_col)
    if merged.coord in message:
        return first, text("check.cell_prefix", lang, cell=coordinate)
    return first, text("check.merged_prefix", lang, cell=coordinate, range=merged.coord,
                       first=merged.start_cell.coordinate)


def _fill_state(cell) -> dict | None:
    fill = cell.fill
    if fill is None or fill.fill_type is None:
        return None
    return {"type": fill.fill_type, "fg": fill.fgColor.rgb if isinstance(fill.fgColor.rgb, str) else None}


@dataclass
class CellFlag:
    """What one flagged cell shows: the fill of its worst finding and one note line per finding."""

    sheet: str
    coordinate: str
    severity: Severity
    lines: list[str] = field(default_factory=list)

    @property
    def color(self) -> str:
        """The fill as #RRGGBB, the form both openpyxl and xlwings take."""
        return "#" + SEVERITY_FILLS[self.severity].fgColor.rgb[-6:]

    @property
    def note(self) -> str:
        return "\n".join(self.lines)


@dataclass
class FlagPlan:
    """Everything a file's findings change in a workbook, whoever draws it (a copy, or a live book)."""

    cells: list[CellFlag]
    check_headers: tuple[str, ...]
    check_sheet: str
    check_rows: list[list[object]]
    # Check-sheet row index (0-based, data rows only) -> (sheet, cell) its Cell column links to.
    links: dict[int, tuple[str, str]]
    severities: list[Severity]


def plan_flags(report: FileReport, lang: str, sheets: Collection[str],
               anchor: Callable[[str, str, str], tuple[str, str]] | None = None) -> FlagPlan:
    """Which cells to flag and what the Check sheet lists, for the sheets that exist in the target.

    anchor(sheet, coordinate, message) -> (coordinate that can carry the note, prefix of its line);
    a copy of a file moves a flag off a merged cell onto its range's first cell.
    """
    anchor = anchor or (lambda sheet, coordinate, message: (coordinate, ""))
    flags: dict[tuple[str, str], CellFlag] = {}
    for finding in report.findings:
        if finding.sheet not in sheets or not finding.cell:
            continue
        coordinate, prefix = anchor(finding.sheet, finding.cell, finding.message)
        flag = flags.setdefault((finding.sheet, coordinate),
                                CellFlag(finding.sheet, coordinate, finding.severity))
        flag.severity = min((flag.severity, finding.severity), key=SEVERITY_ORDER.get)
        flag.lines.append(f"• {prefix}{finding.message}" + (f"\n  → {finding.fix}" if finding.fix else ""))
    ordered = sorted(report.findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.sheet, f.row or 0, f.cell))
    rows, links = [], {}
    for index, finding in enumerate(ordered):
        rows.append([finding.severity.label(lang), FINDING_TYPES[finding.type].title(lang), finding.criterion,
                     finding.sheet, finding.cell, field_label(finding.field, lang) if finding.field else "",
                     finding.recommendation_id, finding.message, finding.fix])
        if finding.sheet in sheets and finding.cell:
            links[index] = (finding.sheet, finding.cell)
    return FlagPlan(cells=list(flags.values()), check_headers=CHECK_HEADERS[lang],
                    check_sheet=CHECK_SHEETS.get(lang, CHECK_SHEET), check_rows=rows,
                    links=links, severities=[f.severity for f in ordered])


def internal_link(sheet: str, cell: str) -> str:
    return f"#{quote_sheetname(sheet)}!{cell}"


def annotate(report: FileReport, lang: str = "en", target: Path | None = None) -> Path:
    """Write <name>.checked.xlsx next to the input (or to target) and return its path."""
    source = Path(report.path)
    target = Path(target) if target else annotated_path(source)
    keep_vba = source.suffix.lower() == ".xlsm"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(source, keep_vba=keep_vba)
    # The copy keeps what was typed: a number openpyxl could not show as a date is put back.
    for row, column, number in date_overflows(caught):
        for ws in wb.worksheets:
            cell = ws.cell(row, column)
            if cell.data_type == "e" and cell.value == "#VALUE!":
                cell.value = number
    clear_flags(wb)

    def anchor(sheet: str, coordinate: str, message: str) -> tuple[str, str]:
        cell, prefix = _note_cell(wb[sheet], coordinate, message, lang)
        return cell.coordinate, prefix

    plan = plan_flags(report, lang, wb.sheetnames, anchor)
    original_fills = {}
    for flag in plan.cells:
        cell = wb[flag.sheet][flag.coordinate]
        original_fills[f"{flag.sheet}!{flag.coordinate}"] = _fill_state(cell)
        cell.fill = SEVERITY_FILLS[flag.severity]
        note = Comment(flag.note, AUTHOR)
        note.width, note.height = 320, min(60 + 45 * len(flag.lines), 400)
        cell.comment = note
    _write_check_sheet(wb, plan, original_fills, lang)
    # Excel ignores protection on our fills, but an unprotected copy lets facilitators edit notes.
    save_workbook(wb, target)
    return target


def _write_check_sheet(wb, plan: FlagPlan, original_fills: dict, lang: str = "en",
                       max_links: int = MAX_SHEET_HYPERLINKS) -> None:
    ws = wb.create_sheet(plan.check_sheet, 0)
    ws.append(plan.check_headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    linked = 0
    for index, (values, severity) in enumerate(zip(plan.check_rows, plan.severities)):
        ws.append(values)
        if index in plan.links and linked < max_links:  # Excel repairs a sheet with more links
            linked += 1
            link = ws.cell(ws.max_row, 5)
            link.hyperlink = internal_link(*plan.links[index])
            link.font = Font(color="0563C1", underline="single")
        ws.cell(ws.max_row, 1).fill = SEVERITY_FILLS[severity]
        for column in range(1, len(values) + 1):  # field, message and fix wrap; all read from the top
            wrap = column in CHECK_WRAPPED_COLUMNS
            ws.cell(ws.max_row, column).alignment = Alignment(wrap_text=wrap, vertical="top")
    for letter, width in zip("ABCDEFGHI", CHECK_WIDTHS):
        ws.column_dimensions[letter].width = width
    fit_header_widths(ws, 1)
    fit_row_heights(ws)
    ws.freeze_panes = "A2"
    if len(plan.links) > linked:
        note = Comment(links_capped_note(linked, len(plan.links) - linked, lang), AUTHOR)
        note.width, note.height = 320, 100
        ws.cell(1, 5).comment = note
    # Where clear_flags finds what to restore; hidden, far right, in as many cells as Excel needs.
    ws.cell(1, ORIGINAL_FILLS_COLUMN).value = ORIGINAL_FILLS_HEADER
    for row, chunk in enumerate(cell_chunks(json.dumps(original_fills)), start=2):
        cell = ws.cell(row, ORIGINAL_FILLS_COLUMN)
        cell.value = chunk
        cell.data_type = "s"  # a piece that starts with "=" is still text
    ws.column_dimensions[get_column_letter(ORIGINAL_FILLS_COLUMN)].hidden = True
    wb.active = 0


def clear_flags(wb) -> int:
    """Remove our fills, notes and Check sheet from an open workbook; returns cells cleared.

    The Excel layer calls this on the live book; it also runs before re-annotating.
    """
    ws = next((wb[name] for name in CHECK_SHEETS.values() if name in wb.sheetnames
               and wb[name].cell(1, ORIGINAL_FILLS_COLUMN).value == ORIGINAL_FILLS_HEADER), None)
    if ws is None:
        return 0  # no Check sheet, or one of the user's own: leave it alone
    chunks = []
    for row in range(2, ws.max_row + 1):
        chunk = ws.cell(row, ORIGINAL_FILLS_COLUMN).value
        if not chunk:
            break
        chunks.append(chunk)
    original = json.loads("".join(chunks) or "{}")
    for ref, state in original.items():
        sheet, coordinate = ref.rsplit("!", 1)
        if sheet not in wb.sheetnames:
            continue
        cell = wb[sheet][coordinate]
        cell.fill = PatternFill(state["type"], fgColor=state["fg"]) if state else PatternFill(fill_type=None)
        if cell.comment is not None and cell.comment.author == AUTHOR:
            cell.comment = None
    del wb[ws.title]
    return len(original)
