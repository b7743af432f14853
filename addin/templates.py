"""Build the matrix templates from the schema.

Everything a participant needs works in plain Excel or LibreOffice with no
add-in: list validation for dropdowns, INDEX/MATCH formulas for the
auto-filled columns, conditional formatting for missing required cells, and a
formula-driven "not addressed" list on the group worksheet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableFormula, TableStyleInfo

from . import schema
from .files import save_workbook
from .limits import short_title
from .layout import fit_header_widths, fit_row_heights, header_width, set_row_height, text_height, text_width
from .groups import DEFAULT_GROUPS, Group, GroupMapping
from .i18n import example_row, t
from .instructions import FORM_LEGEND_KEYS, LEGEND_KEYS, instruction_rows  # noqa: F401 (re-exported)
from .locale import text
from .metadata import WorkbookMeta, write_metadata
from .schema import (ACTION_STRATEGY, GROUP_WORKSHEET, IMPLEMENTATION_PLAN, RECOMMENDATIONS,
                     Column, ListSource, SheetSchema)

# Pre-formatted data rows of each matrix sheet: all of a blank template, the floor of a group's copy.
MATRIX_ROWS = 500
# Last row of the Recommendations sheet that carries the dropdown-label formula; the group
# worksheet's "not addressed" table has as many rows. Same role: default and floor.
LIST_ROWS = 600
# A group's copy is sized from its list (Rows.for_list). A recommendation takes one matrix row
# per indicator or activity; 5 each leaves room for the ones that need several, and an empty
# pre-formatted row costs little (about 70 bytes in the file).
ROWS_PER_RECOMMENDATION = 5
# Room for rows, and for recommendations a facilitator adds under the list, after `groups make`.
ROWS_MARGIN = 100
# Round sizes: a list a few recommendations longer gets the same layout.
ROWS_ROUNDING = 100
TEMPLATE_FILES = {"implementation_plan": "implementation_plan.xlsx",
                  "action_strategy": "action_strategy.xlsx"}
CHOICE_HEADER = {lang: text("templates.choice_header", lang) for lang in ("en", "fr")}
# How much recommendation text the dropdown shows after the ID.
CHOICE_TEXT_CHARS = 70
CHOICE_SEPARATOR = " – "
# Names of the matrices' Excel tables (one per workbook, whatever the language).
TABLE_NAMES = {"implementation_plan": "ImplementationPlan", "action_strategy": "ActionStrategy"}

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
REQUIRED_HEADER_FILL = PatternFill("solid", fgColor="9C2A00")
AUTO_FILL = PatternFill("solid", fgColor="E7E6E6")
MISSING_FILL = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
UNKNOWN_FILL = PatternFill("solid", fgColor="FFD966", bgColor="FFD966")
INPUT_BORDER = Border(*(Side(style="thin", color="A6A6A6"),) * 4)
# The Group worksheet's fields: a fill a participant sees at once, and a frame that prints.
FORM_INPUT_FILL = PatternFill("solid", fgColor="DDEBF7")
FORM_INPUT_BORDER = Border(*(Side(style="thin", color="7F7F7F"),) * 4)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


@dataclass(frozen=True)
class Rows:
    """How far a workbook is pre-formatted (dropdowns, lookups, highlights, protection).

    Only the writer uses it: the reader, validate and merge read every row, formatted or not.
    """

    matrix: int = MATRIX_ROWS  # data rows of each matrix sheet
    list: int = LIST_ROWS      # last row of the list's formulas; see LIST_ROWS

    @classmethod
    def for_list(cls, recommendations: int) -> "Rows":
        """Enough for a list of this length: the defaults for a short list or a blank template."""
        def rounded(n: int) -> int:
            return -(-n // ROWS_ROUNDING) * ROWS_ROUNDING
        return cls(matrix=max(MATRIX_ROWS, rounded(ROWS_PER_RECOMMENDATION * recommendations + ROWS_MARGIN)),
                   list=max(LIST_ROWS, rounded(1 + recommendations + ROWS_MARGIN)))  # 1: header


def _style_down(ws, model, last_row: int) -> None:
    """Give the cells below model, down to last_row, the model's style.

    Setting font/fill/border per cell hashes each style object and took most of `groups make`;
    copying the cell's style indices is what openpyxl's own worksheet copy does, and writes the
    same styles.
    """
    for r in range(model.row + 1, last_row + 1):
        ws.cell(r, model.column)._style = copy(model._style)


def matrix_for(kind: str) -> SheetSchema:
    return schema.matrix(kind)


def missing_rule(id_cell: str, cell: str) -> str:
    """Conditional-format formula: TRUE when the row has an ID and `cell` is blank or shows an error
    value (#N/A ...), which is no more a value than a blank."""
    return f"AND(LEN({id_cell})>0,IFERROR(LEN(TRIM({cell}))=0,TRUE))"


def sheet_ref(sheet_title: str, cells: str) -> str:
    return f"{quote_sheetname(sheet_title)}!{cells}"


def choice_label(rec_id: str, text: str) -> str:
    """What the dropdown shows; the reader takes the ID back from the front."""
    return f"{rec_id}{CHOICE_SEPARATOR}{text[:CHOICE_TEXT_CHARS]}"


def choice_formula(row: int) -> str:
    """The Recommendations sheet's dropdown label of one row, by formula so that it follows edits."""
    id_letter, text_letter = RECOMMENDATIONS.letter("id"), RECOMMENDATIONS.letter("text")
    return (f'=IF(${id_letter}{row}="","",${id_letter}{row}&"{CHOICE_SEPARATOR}"'
            f'&LEFT(${text_letter}{row},{CHOICE_TEXT_CHARS}))')


def recommendation_id_of(value: object, known=()) -> str:
    """The recommendation ID in a cell that holds an ID or a dropdown label.

    known: the listed IDs. A label is parsed against them (IDs may contain " - "); without
    them, only this project's own separator ends the ID. See ids.IdIndex."""
    from .ids import IdIndex

    return IdIndex(known).resolve(value).id


def row_key_prefix(kind: str, group_key: str, list_hash: str) -> str:
    short = {"implementation_plan": "IP", "action_strategy": "AS"}[kind]
    digest = hashlib.sha256(f"{group_key}|{list_hash}".encode()).hexdigest()[:6]
    return f"{short}-{group_key or 'all'}-{digest}"


# --- sheets -----------------------------------------------------------------

def _write_recommendations_sheet(wb: Workbook, rows: Sequence[Sequence[object]], lang: str,
                                 last_row: int) -> str:
    ws = wb.create_sheet(RECOMMENDATIONS.title(lang))
    headers = [c.label(lang) for c in RECOMMENDATIONS.columns] + [CHOICE_HEADER[lang]]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = WRAP_TOP
    # ws.max_row scans every cell: reading it once per appended row made long lists quadratic.
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c)
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # recommendation text, never a formula
    id_letter = RECOMMENDATIONS.letter("id")
    choice_col = len(RECOMMENDATIONS.columns) + 1
    last_row = max(last_row, len(rows) + 1)
    for r in range(2, last_row + 1):
        ws.cell(r, choice_col).value = choice_formula(r)
    id_model = ws.cell(2, RECOMMENDATIONS.index("id"))
    id_model.number_format = "@"
    _style_down(ws, id_model, last_row)
    for i, col in enumerate(RECOMMENDATIONS.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
        if col.key == "text" and rows:
            ws.cell(2, i).alignment = WRAP_TOP
            _style_down(ws, ws.cell(2, i), len(rows) + 1)
    ws.column_dimensions[get_column_letter(choice_col)].width = 40
    ws.freeze_panes = "B2"
    fit_header_widths(ws, 1)
    fit_row_heights(ws, 1, len(rows) + 1)
    # The dropdown lists bare IDs: an ID typed by hand is then in the list too, and the chosen
    # value fits the column (see README, "Why the dropdown shows IDs").
    wb.defined_names[ListSource.RECOMMENDATIONS.value] = DefinedName(
        ListSource.RECOMMENDATIONS.value,
        attr_text=(f"OFFSET({sheet_ref(ws.title, f'${id_letter}$2')},0,0,"
                   f"MAX(1,COUNTA({sheet_ref(ws.title, f'${id_letter}:${id_letter}')})-1),1)"))
    return ws.title


def _list_values(lang: str, groups: Sequence[Group]) -> dict[ListSource, list[str]]:
    pick = (lambda en, fr: fr) if lang == "fr" else (lambda en, fr: en)
    return {
        ListSource.GROUPS: [g.label(lang) for g in groups],
        ListSource.RESPONSES: [pick(en, fr) for en, fr in schema.RESPONSES.items()],
        ListSource.BODIES: list(schema.GOVERNMENT_BODIES[lang]),
        ListSource.PRIORITIES: [pick(en, fr) for en, fr in schema.PRIORITIES.items()],
        ListSource.STATUSES: [pick(en, fr) for en, fr in schema.STATUSES.items()],
    }


def _write_lists_sheet(wb: Workbook, lang: str, groups: Sequence[Group]) -> None:
    ws = wb.create_sheet(t("lists", lang))
    for col, (source, values) in enumerate(_list_values(lang, groups).items(), start=1):
        letter = get_column_letter(col)
        ws.cell(1, col).value = text(f"lists.header.{source.value}", lang)
        ws.cell(1, col).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            ws.cell(r, col).value = value
        ws.column_dimensions[letter].width = 32
        # Grows when a facilitator adds a value under the list.
        wb.defined_names[source.value] = DefinedName(
            source.value,
            attr_text=(f"OFFSET({sheet_ref(ws.title, f'${letter}$2')},0,0,"
                       f"MAX(1,COUNTA({sheet_ref(ws.title, f'${letter}:${letter}')})-1),1)"))
    ws.sheet_state = "hidden"


def _lookup_formula(col: Column, row: int, rec_sheet: str, lang: str, first: bool) -> str:
    id_cell = f"${IMPLEMENTATION_PLAN.letter('recommendation_id')}{row}"
    value_letter = RECOMMENDATIONS.letter(col.lookup)
    id_letter = RECOMMENDATIONS.letter("id")
    choice_letter = get_column_letter(len(RECOMMENDATIONS.columns) + 1)
    values = sheet_ref(rec_sheet, f"${value_letter}:${value_letter}")
    by_label = f"INDEX({values},MATCH({id_cell}&\"\",{sheet_ref(rec_sheet, f'${choice_letter}:${choice_letter}')},0))"
    by_id = f"INDEX({values},MATCH({id_cell}&\"\",{sheet_ref(rec_sheet, f'${id_letter}:${id_letter}')},0))"
    # Only the first looked-up column says the ID is unknown; the others stay empty.
    fallback = f'"{t("not_in_list", lang)}"' if first else '""'
    # The ID first; a dropdown label pasted from an older workbook still fills the row.
    return f'=IF({id_cell}="","",IFERROR({by_id}&"",IFERROR({by_label}&"",{fallback})))'


def _write_matrix_sheet(wb: Workbook, sheet: SheetSchema, lang: str, rec_sheet: str,
                        title_suffix: str, prefix: str, data_rows: int, ids: Sequence[str] = ()):
    ws = wb.active
    ws.title = sheet.title(lang)
    ws.cell(1, 1).value = f"{sheet.title(lang)}{title_suffix}"
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(2, 1).value = t("hint", lang)
    ws.cell(2, 1).font = Font(italic=True, color="595959")
    header = sheet.header_row
    first, last = sheet.first_data_row, sheet.first_data_row + data_rows - 1
    id_letter = sheet.letter("recommendation_id")
    lookup_letters = [sheet.letter(c.key) for c in sheet.columns if c.autofilled]
    for i, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        cell = ws.cell(header, i)
        cell.value = col.label(lang)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = REQUIRED_HEADER_FILL if col.required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[letter].width = col.width
        if col.type == schema.ColumnType.ID and ids:
            # The chosen ID reads on one line.
            ws.column_dimensions[letter].width = max(col.width, round(max(text_width(i) for i in ids) + 2))
        if col.hidden:
            ws.column_dimensions[letter].hidden = True
        model = ws.cell(first, i)
        # IDs and row keys stay on one line: LibreOffice sizes rows by hidden cells too.
        model.alignment = TOP if col.hidden or col.type == schema.ColumnType.ID else WRAP_TOP
        if col.autofilled:
            model.fill = AUTO_FILL
            model.font = Font(italic=True, color="404040")
            model.protection = Protection(locked=True)
        elif col.hidden:
            model.protection = Protection(locked=True)
        else:
            model.border = INPUT_BORDER
            model.protection = Protection(locked=False)
            if col.type == schema.ColumnType.ID:
                model.number_format = "@"  # keeps "77.10" from becoming 77.1
                # The whole column, not only the pre-formatted rows: an ID typed further down too.
                ws.column_dimensions[letter].number_format = "@"
        _style_down(ws, model, last)
        if col.autofilled:
            is_first = letter == lookup_letters[0]
            for r in range(first, last + 1):
                ws.cell(r, i).value = _lookup_formula(col, r, rec_sheet, lang, first=is_first)
        elif col.hidden:
            for r in range(first, last + 1):
                ws.cell(r, i).value = f"{prefix}-{r - first + 1:04d}"
        if col.dropdown is not None:
            strict = not col.free_text
            dv = DataValidation(type="list", formula1=f"={col.dropdown.value}", allow_blank=True,
                                showErrorMessage=strict, errorStyle="warning" if strict else "information")
            dv.promptTitle = short_title(col.label(lang))
            dv.prompt = (col.help(lang) or col.label(lang))[:255]
            dv.showInputMessage = bool(col.help(lang))
            if strict:
                dv.errorTitle = col.label(lang)[:32]
                dv.error = t("not_in_list", lang)
            ws.add_data_validation(dv)
            dv.add(f"{letter}{first}:{letter}{last}")
    for col in sheet.required:
        letter = sheet.letter(col.key)
        ws.conditional_formatting.add(
            f"{letter}{first}:{letter}{last}",
            FormulaRule(formula=[missing_rule(f"${id_letter}{first}", f"{letter}{first}")],
                        fill=MISSING_FILL, stopIfTrue=False))
    ws.conditional_formatting.add(
        f"{id_letter}{first}:{id_letter}{last}",
        FormulaRule(formula=[f'${lookup_letters[0]}{first}="{t("not_in_list", lang)}"'], fill=UNKNOWN_FILL))
    ws.freeze_panes = ws.cell(first, 2).coordinate
    table_ref = f"A{header}:{get_column_letter(len(sheet.columns))}{last}"
    ws.auto_filter.ref = table_ref   # the table's filter buttons, while the header is sized
    fit_header_widths(ws, header)
    fit_row_heights(ws, 1, header)
    ws.auto_filter.ref = None
    _add_table(ws, sheet, table_ref)
    return ws


def _add_table(ws, sheet: SheetSchema, ref: str) -> None:
    """The matrix as an Excel table whose looked-up columns are calculated columns: a row a
    participant inserts in Excel gets its lookups. The sheet is not protected, since Excel cannot
    insert a table row on a protected sheet; in LibreOffice, which does not copy formulas into an
    inserted row, Ctrl+D fills them from the row above (see README)."""
    table = Table(displayName=TABLE_NAMES[sheet.kind], ref=ref,
                  tableStyleInfo=TableStyleInfo(name="TableStyleLight1", showRowStripes=False))
    table._initialise_columns()
    first = sheet.first_data_row
    for column, table_column in zip(sheet.columns, table.tableColumns):
        table_column.name = str(ws.cell(sheet.header_row, sheet.index(column.key)).value)
        if column.autofilled:
            formula = str(ws.cell(first, sheet.index(column.key)).value)
            table_column.calculatedColumnFormula = TableFormula(attr_text=formula.removeprefix("="))
    ws.add_table(table)


def _write_group_worksheet(wb: Workbook, lang: str, group: Group | None, rec_sheet: str,
                           strategy_sheet: str, rows: Rows, texts: Sequence[str] = ()) -> None:
    """texts: the list's recommendation texts, which the "not addressed" table shows by formula."""
    form = GROUP_WORKSHEET
    ws = wb.create_sheet(form.title(lang), 1)
    ws.cell(1, 1).value = form.title(lang) + (f" — {group.label(lang)}" if group else "")
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(2, 1).value = t("group_worksheet_hint", lang)
    ws.cell(2, 1).font = Font(italic=True, color="595959")
    for f in form.fields:
        r = form.row_of(f.key)
        ws.cell(r, 1).value = f.label(lang)
        ws.cell(r, 1).font = Font(bold=True)
        value = ws.cell(r, 2)
        value.border = FORM_INPUT_BORDER
        value.fill = FORM_INPUT_FILL
        value.alignment = WRAP_TOP
        value.protection = Protection(locked=False)
        if f.key == "group_name" and group:
            value.value = group.label(lang)
    top = form.row_of(form.fields[-1].key) + 2
    ws.cell(top, 1).value = form.not_addressed_fr if lang == "fr" else form.not_addressed_en
    ws.cell(top, 1).font = Font(bold=True, size=12)
    # One row per list row that has the list's formulas (2 to rows.list on the Recommendations sheet).
    first, last = top + 3, top + 1 + rows.list
    count_label = ws.cell(top + 1, 1)
    count_label.value = t("not_addressed_count", lang)
    count_label.font = Font(bold=True)
    ws.cell(top + 1, 2).value = f'=COUNTIF(C{first}:C{last},"{t("not_addressed", lang)}")'
    ws.cell(top + 1, 2).font = Font(bold=True, color="9C0006")
    for i, label in enumerate((RECOMMENDATIONS.column("id").label(lang),
                               RECOMMENDATIONS.column("text").label(lang),
                               ACTION_STRATEGY.title(lang)), start=1):
        ws.cell(top + 2, i).value = label
        ws.cell(top + 2, i).font = Font(bold=True, color="FFFFFF")
        ws.cell(top + 2, i).fill = HEADER_FILL
    rec_id = RECOMMENDATIONS.letter("id")
    rec_text = RECOMMENDATIONS.letter("text")
    choice = get_column_letter(len(RECOMMENDATIONS.columns) + 1)
    strat_id = ACTION_STRATEGY.letter("recommendation_id")
    s_first = ACTION_STRATEGY.first_data_row
    used_ids = sheet_ref(strategy_sheet, f"${strat_id}${s_first}:${strat_id}${s_first + rows.matrix - 1}")
    for r in range(first, last + 1):
        k = r - first + 2  # row of the same recommendation on the Recommendations sheet
        ws.cell(r, 1).value = f'=IF({sheet_ref(rec_sheet, f"${rec_id}${k}")}="","",{sheet_ref(rec_sheet, f"${rec_id}${k}")})'
        ws.cell(r, 2).value = f'=IF(A{r}="","",{sheet_ref(rec_sheet, f"${rec_text}${k}")})'
        ws.cell(r, 3).value = (f'=IF(A{r}="","",IF(COUNTIF({used_ids},A{r})+COUNTIF({used_ids},'
                               f'{sheet_ref(rec_sheet, f"${choice}${k}")})>0,"{t("addressed", lang)}",'
                               f'"{t("not_addressed", lang)}"))')
    ws.cell(first, 2).alignment = WRAP_TOP
    _style_down(ws, ws.cell(first, 2), last)
    for column in (1, 3):
        ws.cell(first, column).alignment = TOP
        _style_down(ws, ws.cell(first, column), last)
    ws.conditional_formatting.add(
        f"C{first}:C{last}",
        FormulaRule(formula=[f'C{first}="{t("not_addressed", lang)}"'], fill=MISSING_FILL))
    labels = [f.label(lang) for f in form.fields] + [t("not_addressed_count", lang)]
    ws.column_dimensions["A"].width = max(22, round(max(text_width(x, bold=True) for x in labels) + 2))
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = max(18, round(header_width(ACTION_STRATEGY.title(lang)) + 2))
    fit_row_heights(ws, 1, first - 1)
    for r, value in zip(range(first, last + 1), texts):
        set_row_height(ws, r, text_height(str(value or ""), 60))
    ws.protection.sheet = True
    for allowed in ("formatCells", "formatColumns", "formatRows"):
        setattr(ws.protection, allowed, False)


# The Instructions sheet's colour legend: (text key, fill, font colour), as the sheets use them.
LEGEND = tuple(zip(LEGEND_KEYS, (HEADER_FILL, REQUIRED_HEADER_FILL, AUTO_FILL, MISSING_FILL, UNKNOWN_FILL),
                   ("FFFFFF", "FFFFFF", "404040", "000000", "000000")))
FORM_LEGEND = tuple(zip(FORM_LEGEND_KEYS, (FORM_INPUT_FILL,), ("000000",)))


def _legend(kind: str) -> tuple:
    return LEGEND + (FORM_LEGEND if kind == ACTION_STRATEGY.kind else ())


def example_recommendation(recommendation_rows: Sequence[Sequence[object]], kind: str,
                           lang: str) -> tuple[str, str] | None:
    """The list's recommendation closest to the Instructions example (ID, text), or None."""
    if not recommendation_rows:
        return None
    id_at, text_at = RECOMMENDATIONS.index("id") - 1, RECOMMENDATIONS.index("text") - 1
    wanted = {w for w in example_row("implementation_plan", lang)["recommendation"].lower().split() if len(w) > 3}

    def shared(row) -> int:
        return len(wanted & set(str(row[text_at] or "").lower().split()))

    best = max(recommendation_rows, key=shared)   # the first of equals: the list's order
    return str(best[id_at]), str(best[text_at] or "")


def _write_instructions(wb: Workbook, sheet: SheetSchema, lang: str,
                        example: tuple[str, str] | None = None) -> None:
    ws = wb.create_sheet(t("instructions", lang))
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 90
    titles = {sheet.title(lang): 14, t("smart_title", lang): 12, t("example_row", lang): 12,
              t("legend_title", lang): 12}
    legend = {t(key, lang): (fill, colour) for key, fill, colour in _legend(sheet.kind)}
    header = t("column", lang)
    for r, row in enumerate(instruction_rows(sheet, lang, example), start=1):
        ws.append(list(row))
        if len(row) == 1 and row[0] in titles and r != 2:
            ws.cell(r, 1).font = Font(bold=True, size=titles[row[0]])
        elif row[:1] == (header,) and len(row) == 3:
            for cell in ws[r]:
                cell.font = Font(bold=True)
        elif len(row) == 3:
            ws.cell(r, 3).alignment = WRAP_TOP
            ws.cell(r, 2).alignment = TOP
            ws.cell(r, 1).alignment = WRAP_TOP
            if row[0] in legend:
                fill, colour = legend[row[0]]
                ws.cell(r, 1).fill = copy(fill)
                ws.cell(r, 1).font = Font(bold=True, color=colour)
    ws.merge_cells("A2:C2")
    ws["A2"].alignment = WRAP_TOP
    fit_row_heights(ws)


def build_workbook(kind: str, *, lang: str = "en", recommendation_rows: Sequence[Sequence[object]] = (),
                   group: Group | None = None, groups: Sequence[Group] = DEFAULT_GROUPS,
                   meta: WorkbookMeta | None = None, rows: Rows | None = None) -> Workbook:
    """A matrix workbook: blank template, or a group's copy when rows are given.

    rows: how far to pre-format; by default enough for the list (Rows.for_list).
    """
    if lang not in schema.LANGUAGES:
        raise ValueError(f"language must be one of {schema.LANGUAGES}, not {lang!r}")
    sheet = matrix_for(kind)
    meta = meta or WorkbookMeta(kind=kind, lang=lang)
    meta.kind, meta.lang = kind, lang
    if group:
        meta.group, meta.group_name = group.key, group.label(lang)
    meta.row_key_prefix = meta.row_key_prefix or row_key_prefix(kind, meta.group, meta.list_hash)
    rows = rows or Rows.for_list(len(recommendation_rows))
    wb = Workbook()
    suffix = f" — {group.label(lang)}" if group else ""
    rec_title = RECOMMENDATIONS.title(lang)
    ids = [str(row[RECOMMENDATIONS.index("id") - 1]) for row in recommendation_rows]
    _write_matrix_sheet(wb, sheet, lang, rec_title, suffix, meta.row_key_prefix, rows.matrix, ids)
    if kind == ACTION_STRATEGY.kind:
        texts = [row[RECOMMENDATIONS.index("text") - 1] for row in recommendation_rows]
        _write_group_worksheet(wb, lang, group, rec_title, sheet.title(lang), rows, texts)
    _write_recommendations_sheet(wb, recommendation_rows, lang, rows.list)
    _write_instructions(wb, sheet, lang, example_recommendation(recommendation_rows, kind, lang))
    _write_lists_sheet(wb, lang, groups)
    write_metadata(wb, meta)
    wb.active = 0
    # Excel recomputes on open; LibreOffice computes formulas that have no cached value.
    wb.calculation.fullCalcOnLoad = True
    return wb


def build_templates(outdir: Path, lang: str = "en", mapping: GroupMapping | None = None) -> list[Path]:
    """Write the two blank templates into outdir."""
    groups = (mapping or GroupMapping.default()).groups
    written = []
    for kind, name in TEMPLATE_FILES.items():
        wb = build_workbook(kind, lang=lang, groups=groups)
        written.append(save_workbook(wb, Path(outdir) / name))
    return written
