"""Assigning the recommendations no group got: a dropdown in the Unassigned workbook, then
`upr groups assign`, which adds each chosen recommendation to its group's workbooks.

The group workbooks may already hold participants' work, so they are edited, never rebuilt:
rows are appended to the workbook's Recommendations list (the dropdown and the lookups read that
whole column), the rest of the file is kept as it is, a backup of each file is written first and
the new file replaces the old one atomically.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from .errors import InputError, OutputError
from .groups import Group, GroupMapping
from .groups import normalise as _normalise
from .locale import LANGUAGES, text
from .schema import MATRICES, RECOMMENDATIONS

ASSIGN_HEADER = {lang: text("assign.header", lang) for lang in LANGUAGES}
GROUPS_SHEET = "_upr_groups"
_INPUT_FILL = PatternFill("solid", fgColor="DDEBF7")
_INPUT_BORDER = Border(*(Side(style="thin", color="7F7F7F"),) * 4)


def add_assign_column(workbook, sheet, groups: Sequence[Group], lang: str, rows: int) -> None:
    """An input column after the list with a dropdown of the groups (kept on a hidden sheet, so
    that a name with a comma in it is one choice)."""
    column = len(RECOMMENDATIONS.columns) + 1
    letter = get_column_letter(column)
    header = sheet.cell(1, column, ASSIGN_HEADER[lang])
    header.font = Font(bold=True)
    header.alignment = Alignment(wrap_text=True, vertical="top")
    names = workbook.create_sheet(GROUPS_SHEET)
    for r, group in enumerate(groups, start=1):
        names.cell(r, 1, group.label(lang))
    names.sheet_state = "hidden"
    last = max(rows + 1, 2)
    choice = DataValidation(type="list", formula1=f"{quote_sheetname(GROUPS_SHEET)}!$A$1:$A${max(len(groups), 1)}",
                            allow_blank=True, showErrorMessage=True)
    choice.error = text("assign.choose_group", lang)
    choice.add(f"{letter}2:{letter}{last}")
    sheet.add_data_validation(choice)
    for r in range(2, last + 1):
        cell = sheet.cell(r, column)
        cell.fill, cell.border = _INPUT_FILL, _INPUT_BORDER
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.column_dimensions[letter].width = max([len(ASSIGN_HEADER[lang])] + [len(g.label(lang)) for g in groups]) + 4
    sheet.auto_filter.ref = f"A1:{letter}{last}"


@dataclass
class GroupAssignment:
    group: str                                  # the group's label
    ids: list[str]                              # recommendations chosen for it
    added: dict[Path, list[str]] = field(default_factory=dict)     # workbook -> IDs added
    already: dict[Path, list[str]] = field(default_factory=dict)   # workbook -> IDs it had
    backups: list[Path] = field(default_factory=list)


@dataclass
class AssignResult:
    groups: list[GroupAssignment]
    unassigned_left: int                        # rows with no group chosen
    problems: list[str] = field(default_factory=list)   # one line each; the other groups were done
    lang: str = "en"                            # the workshop's language: of the workbooks and the messages


def _chosen_groups(path: Path, mapping: GroupMapping) -> tuple[str, dict[str, Group], int]:
    """(lang, ID -> group, rows left without a group) from the Unassigned workbook."""
    import openpyxl

    from .metadata import metadata_from_openpyxl

    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError(path, "errors.assign.xlsx_only")
    from .files import open_regular

    with open_regular(path) as handle:
        try:
            workbook = openpyxl.load_workbook(handle, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is one line
            raise InputError(path, "errors.assign.unreadable", reason=type(exc).__name__) from exc
    meta = metadata_from_openpyxl(workbook)
    titles = [RECOMMENDATIONS.title("en"), RECOMMENDATIONS.title("fr")]
    sheet = next((workbook[t] for t in titles if t in workbook.sheetnames), workbook.worksheets[0])
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else ())]
    labels = {_normalise(text): lang for lang, text in ASSIGN_HEADER.items()}
    assign_col = next((i for i, h in enumerate(header) if _normalise(h) in labels), None)
    id_labels = {_normalise(RECOMMENDATIONS.column("id").label(lang)) for lang in ("en", "fr")}
    id_col = next((i for i, h in enumerate(header) if _normalise(h) in id_labels), None)
    if assign_col is None or id_col is None:
        said = meta.lang if meta and meta.lang in LANGUAGES else "en"
        raise InputError(path, "errors.assign.no_column", sheet=sheet.title, lang=said, header=ASSIGN_HEADER[said])
    lang = (meta.lang if meta and meta.lang else None) or labels[_normalise(header[assign_col])]
    by_name: dict[str, Group] = {}
    for group in mapping.groups:
        for name in (group.key, group.label("en"), group.label("fr")):
            by_name[_normalise(name)] = group
    chosen: dict[str, Group] = {}
    left = 0
    letter = get_column_letter(assign_col + 1)
    for number, row in enumerate(rows[1:], start=2):
        rec_id = row[id_col] if id_col < len(row) else None
        value = row[assign_col] if assign_col < len(row) else None
        if rec_id in (None, ""):
            continue
        if value is None or not str(value).strip():
            left += 1
            continue
        group = by_name.get(_normalise(str(value)))
        if group is None:
            raise InputError(path, "errors.assign.not_a_group", sheet=sheet.title, cell=f"{letter}{number}",
                             lang=lang, value=value)
        chosen[str(rec_id).strip()] = group
    return lang, chosen, left


def assign_recommendations(unassigned: Path, outdir: Path, *, mapping: GroupMapping | None = None,
                           lang: str | None = None) -> AssignResult:
    """Add each recommendation given a group in the Unassigned workbook to that group's workbooks."""
    from .groupbooks import book_path
    from .recommendations import read_list_workbook

    unassigned, outdir = Path(unassigned), Path(outdir)
    mapping = mapping or GroupMapping.default()
    found_lang, chosen, left = _chosen_groups(unassigned, mapping)
    lang = lang or found_lang
    listed = {r.id: r for r in read_list_workbook(unassigned, mapping)}
    result = AssignResult(groups=[], unassigned_left=left, lang=lang)
    now = dt.datetime.now().replace(microsecond=0)
    for group in mapping.groups:
        ids = [i for i, g in chosen.items() if g is group]
        if not ids:
            continue
        done = GroupAssignment(group.label(lang), ids)
        result.groups.append(done)
        recs = [replace(listed[i], groups=[group.key]) for i in ids]
        for sheet in MATRICES:
            path = book_path(outdir, group.label(lang), sheet.title(lang))
            try:
                added, already, backup = _add_to_workbook(path, recs, lang, mapping, now)
            except (InputError, OutputError) as exc:
                result.problems.append(exc.text(lang))
                continue
            done.added[path], done.already[path] = added, already
            if backup:
                done.backups.append(backup)
    return result


def _add_to_workbook(path: Path, recs, lang: str, mapping: GroupMapping,
                     now: dt.datetime) -> tuple[list[str], list[str], Path | None]:
    """Append recs to the workbook's Recommendations list; (added, already there, backup)."""
    import openpyxl

    from .files import copy_atomically, open_regular, save_workbook
    from .layout import fit_row_heights
    from .lock import owner_files
    from .merge import backup_path
    from .metadata import META_SHEET
    from .recommendations import list_hash, read_list_workbook, recommendation_rows
    from .templates import choice_formula

    if not path.is_file():
        raise InputError(path, "errors.assign.not_found", lang=lang)
    for app, owner in owner_files(path):
        # A participant saving later would overwrite the added rows: leave it alone, say why.
        raise OutputError(f"errors.assign.{app}", lang=lang, path=path, owner=owner.name)
    with open_regular(path) as handle:
        try:
            workbook = openpyxl.load_workbook(handle, keep_vba=path.suffix.lower() == ".xlsm",
                                              keep_links=True, rich_text=True)
        except Exception as exc:  # noqa: BLE001
            raise InputError(path, "errors.assign.unreadable", lang=lang, reason=type(exc).__name__) from exc
    title = RECOMMENDATIONS.title(lang)
    if title not in workbook.sheetnames:
        raise InputError(path, "errors.assign.no_sheet", lang=lang, title=title)
    sheet = workbook[title]
    id_col = RECOMMENDATIONS.index("id")
    existing, last = set(), 1
    for r in range(2, sheet.max_row + 1):
        value = sheet.cell(r, id_col).value
        if value not in (None, ""):
            existing.add(str(value).strip())
            last = r
    new = [rec for rec in recs if rec.id not in existing]
    already = [rec.id for rec in recs if rec.id in existing]
    if not new:
        return [], already, None
    model = [sheet.cell(2, c) for c in range(1, len(RECOMMENDATIONS.columns) + 2)]
    choice_col = len(RECOMMENDATIONS.columns) + 1
    for r, row in enumerate(recommendation_rows(new, lang, mapping), start=last + 1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c)
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"     # recommendation text, never a formula
            if model[c - 1].has_style:
                cell._style = model[c - 1]._style
        if sheet.cell(r, choice_col).value in (None, ""):
            sheet.cell(r, choice_col).value = choice_formula(r)
    fit_row_heights(sheet, last + 1, last + len(new))
    everyone = read_list_workbook(path, mapping) + new
    if META_SHEET in workbook.sheetnames:
        meta_sheet = workbook[META_SHEET]
        for key_cell, value_cell in meta_sheet.iter_rows(min_row=2, max_col=2):
            if key_cell.value == "list_hash":
                value_cell.value = list_hash(everyone)
    backup = copy_atomically(path, backup_path(path, now))
    save_workbook(workbook, path)
    return [rec.id for rec in new], already, backup
