"""Templates: reproducible from the schema, bilingual, and working with no add-in in LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from addin.groups import DEFAULT_GROUPS
from addin.metadata import metadata_from_openpyxl
from addin.reader import open_workbook
from addin.schema import ACTION_STRATEGY, GROUP_WORKSHEET, IMPLEMENTATION_PLAN, RECOMMENDATIONS, ListSource
from addin.templates import MATRIX_ROWS, build_templates, build_workbook, choice_label

from conftest import REPO


def workbook_content(path: Path) -> dict:
    """Everything a user or a spreadsheet sees, without timestamps or byte layout."""
    wb = openpyxl.load_workbook(path)
    content = {
        "sheets": [(ws.title, ws.sheet_state) for ws in wb.worksheets],
        "names": sorted((name, dn.attr_text) for name, dn in wb.defined_names.items()),
        "meta": metadata_from_openpyxl(wb).as_dict(),
    }
    for ws in wb.worksheets:
        content[ws.title] = {
            "cells": [[c.value for c in row] for row in ws.iter_rows()],
            "validations": sorted((str(dv.sqref), dv.formula1, dv.type) for dv in ws.data_validations.dataValidation),
            "conditional": sorted((str(cf.sqref), tuple(f for r in cf.rules for f in r.formula or ()))
                                  for cf in ws.conditional_formatting),
            "freeze": ws.freeze_panes,
            "protected": ws.protection.sheet,
            "hidden_columns": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
            "widths": sorted((k, d.width) for k, d in ws.column_dimensions.items()),
        }
    return content


def test_committed_templates_equal_a_fresh_build(tmp_path):
    fresh = build_templates(tmp_path, "en")
    for path in fresh:
        committed = REPO / "templates" / path.name
        assert committed.exists(), f"{committed} is missing; run `upr templates build`"
        assert workbook_content(committed) == workbook_content(path), (
            f"{committed} is out of date with the schema; run `upr templates build`")


def test_template_sheets_follow_the_schema(tmp_path):
    plan, strategy = build_templates(tmp_path, "en")
    wb = openpyxl.load_workbook(plan)
    assert wb.sheetnames[:3] == ["Implementation plan", "Recommendations", "Instructions"]
    assert wb["Lists"].sheet_state == "hidden"
    assert wb["_upr_meta"].sheet_state == "veryHidden"
    ws = wb["Implementation plan"]
    header = [c.value for c in ws[IMPLEMENTATION_PLAN.header_row]]
    assert header == [c.en for c in IMPLEMENTATION_PLAN.columns]
    assert ws.freeze_panes == f"B{IMPLEMENTATION_PLAN.first_data_row}"
    # An Excel table, unprotected: Excel inserts no table row on a protected sheet.
    assert not ws.protection.sheet and list(ws.tables) == ["ImplementationPlan"]
    row_key = IMPLEMENTATION_PLAN.letter("row_key")
    assert ws.column_dimensions[row_key].hidden
    # Auto-filled cells are locked, input cells are not.
    first = IMPLEMENTATION_PLAN.first_data_row
    assert ws[f"{IMPLEMENTATION_PLAN.letter('recommendation')}{first}"].protection.locked
    assert not ws[f"{IMPLEMENTATION_PLAN.letter('goal')}{first}"].protection.locked
    assert ws[f"{IMPLEMENTATION_PLAN.letter('recommendation')}{first}"].value.startswith("=IF(")
    # Every dropdown column has list validation over its named range.
    validations = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    for col in IMPLEMENTATION_PLAN.columns:
        if col.dropdown:
            assert validations[f"{IMPLEMENTATION_PLAN.letter(col.key)}{first}"] == f"={col.dropdown.value}"
    # Every required column has a missing-cell highlight.
    highlighted = {str(cf.sqref).split(":")[0] for cf in ws.conditional_formatting}
    for col in IMPLEMENTATION_PLAN.required:
        assert f"{IMPLEMENTATION_PLAN.letter(col.key)}{first}" in highlighted
    wb2 = openpyxl.load_workbook(strategy)
    assert wb2.sheetnames[:2] == ["Action strategy", "Group worksheet"]
    meta = metadata_from_openpyxl(wb2)
    assert (meta.kind, meta.lang, meta.schema_version) == ("action_strategy", "en", "1.0")


def test_french_build_is_french_throughout(tmp_path):
    plan, strategy = build_templates(tmp_path, "fr")
    wb = openpyxl.load_workbook(plan)
    assert wb.sheetnames[:3] == ["Plan de mise en œuvre", "Recommandations", "Instructions"]
    header = [c.value for c in wb["Plan de mise en œuvre"][IMPLEMENTATION_PLAN.header_row]]
    assert header == [c.fr for c in IMPLEMENTATION_PLAN.columns]
    instructions = " ".join(str(c.value) for row in wb["Instructions"].iter_rows() for c in row if c.value)
    assert "Ce que signifie SMART" in instructions and "Mesurable" in instructions
    assert metadata_from_openpyxl(wb).lang == "fr"
    wb2 = openpyxl.load_workbook(strategy)
    assert "Fiche du groupe" in wb2.sheetnames
    lists = [c.value for c in wb2["Listes"]["A"] if c.value]
    assert "Femmes et genre" in lists


def test_template_is_recognised_after_rename(tmp_path):
    plan, _ = build_templates(tmp_path, "en")
    renamed = tmp_path / "our group final v2.xlsx"
    shutil.copy(plan, renamed)
    data = open_workbook(renamed)
    assert data.kind == "implementation_plan"
    assert data.matrices and data.matrices[0].header_row == IMPLEMENTATION_PLAN.header_row


RECS = [
    ["77.1", "Ratify the Optional Protocol to the Convention against Torture", "Denmark", "Accepted",
     "Torture", 5, "Justice", "Examplia", 10, 1, "example", "", "source", ""],
    ["77.10", "Continue efforts to improve access to justice", "Chad", "Accepted", "Justice", 2, "Justice",
     "Examplia", 10, 1, "example", "", "source", ""],
    ["77.2", "Abolish the death penalty", "Australia", "Noted", "Death penalty", 5, "Justice", "Examplia",
     10, 1, "example", "", "source", ""],
]


@pytest.mark.libreoffice
def test_libreoffice_computes_lookups_highlights_and_not_addressed(tmp_path, libreoffice):
    group = DEFAULT_GROUPS[1]
    path = tmp_path / "strategy.xlsx"
    wb = build_workbook("action_strategy", recommendation_rows=RECS, group=group)
    ws = wb["Action strategy"]
    first = ACTION_STRATEGY.first_data_row
    id_col = ACTION_STRATEGY.letter("recommendation_id")
    ws[f"{id_col}{first}"] = choice_label("77.10", RECS[1][1])   # chosen from the dropdown
    ws[f"{id_col}{first + 1}"] = "77.2"                          # typed by hand
    ws[f"{id_col}{first + 2}"] = "99.9"                          # not in the list
    ws[f"{ACTION_STRATEGY.letter('cso_activity')}{first}"] = "Advocacy"
    # Probe cells: the conditional-format rule must be TRUE where the cell is missing.
    probe = wb.create_sheet("probe")
    ws[f"{ACTION_STRATEGY.letter('resources')}{first}"] = "=NA()"    # an error is not a value either
    rule = {(str(cf.sqref).split(":")[0]): cf.rules[0].formula[0] for cf in ws.conditional_formatting}

    def probe_rule(key: str, row: int) -> str:
        # The sheet's own rule, moved from the range's first cell to `row` of the sheet.
        letter = ACTION_STRATEGY.letter(key)
        return "=" + rule[f"{letter}{first}"].replace(f"${id_col}{first}", f"'Action strategy'!${id_col}{row}") \
            .replace(f"({letter}{first})", f"('Action strategy'!{letter}{row})")
    probe["A1"] = probe_rule("partners", first)
    probe["A2"] = probe_rule("cso_activity", first)
    probe["A3"] = probe_rule("partners", first + 5)
    probe["A4"] = probe_rule("resources", first)
    for i in range(1, 6):
        probe[f"B{i}"] = f'=IFERROR(INDEX({ListSource.RECOMMENDATIONS.value},{i}),"")'
    probe["C1"] = f"=ROWS({ListSource.RECOMMENDATIONS.value})"
    wb.save(path)
    out = libreoffice.convert(path, "xlsx", tmp_path / "lo")
    values = openpyxl.load_workbook(out, data_only=True)
    computed = values["Action strategy"]
    text = ACTION_STRATEGY.letter("recommendation")
    states = ACTION_STRATEGY.letter("recommending_states")
    assert computed[f"{text}{first}"].value == RECS[1][1]
    assert computed[f"{states}{first}"].value == "Chad"
    assert computed[f"{text}{first + 1}"].value == RECS[2][1]
    assert computed[f"{text}{first + 2}"].value == "⚠ not in the list"
    assert computed[f"{text}{first + 3}"].value in (None, "")
    assert [values["probe"][f"A{i}"].value for i in (1, 2, 3, 4)] == [True, False, False, True]
    dropdown = [values["probe"][f"B{i}"].value or "" for i in range(1, 6)]
    # The dropdown lists bare IDs (a typed ID is then valid too); a label from an older workbook,
    # as in the first row, still fills the row.
    assert dropdown == [r[0] for r in RECS] + ["", ""]
    assert values["probe"]["C1"].value == len(RECS)
    sheet = values[GROUP_WORKSHEET.en]
    table = [[c.value for c in row] for row in sheet.iter_rows(min_row=1, max_col=3) if row[0].value in
             ("77.1", "77.10", "77.2")]
    assert table == [["77.1", RECS[0][1], "Not addressed"], ["77.10", RECS[1][1], "Addressed"],
                     ["77.2", RECS[2][1], "Addressed"]]
    count_row = GROUP_WORKSHEET.row_of(GROUP_WORKSHEET.fields[-1].key) + 3
    assert sheet[f"B{count_row}"].value == 1


@pytest.mark.libreoffice
def test_metadata_survives_a_libreoffice_round_trip_to_ods(tmp_path, libreoffice):
    path = tmp_path / "Justice plan.xlsx"
    build_workbook("implementation_plan", recommendation_rows=RECS, group=DEFAULT_GROUPS[1]).save(path)
    ods = libreoffice.convert(path, "ods", tmp_path / "lo")
    renamed = ods.with_name("renamed by a participant.ods")
    ods.rename(renamed)
    data = open_workbook(renamed)
    assert data.kind == "implementation_plan"
    assert data.group == "Justice"
    assert sorted(data.recommendation_ids) == ["77.1", "77.10", "77.2"]
    assert len(RECOMMENDATIONS.columns) and MATRIX_ROWS > 100


@pytest.mark.parametrize("listed", [0, 3, 700])
def test_group_worksheet_table_covers_exactly_the_list_rows_that_have_formulas(listed):
    from openpyxl.utils import get_column_letter

    rows = [[f"77.{i}", f"Recommendation {i}", "Denmark", "Accepted", "Justice", 4, "Justice", "Examplia", 10, 1,
             "example", "", "source", ""] for i in range(1, listed + 1)]
    wb = build_workbook("action_strategy", recommendation_rows=rows, group=DEFAULT_GROUPS[1] if rows else None)
    choice = get_column_letter(len(RECOMMENDATIONS.columns) + 1)
    listing = wb[RECOMMENDATIONS.title("en")]
    with_formula = [r for r in range(2, listing.max_row + 1)
                    if str(listing[f"{choice}{r}"].value or "").startswith("=")]
    table = [c.value for c in wb[GROUP_WORKSHEET.title("en")]["A"] if "Recommendations'!$A$" in str(c.value)]
    referenced = [int(v.rsplit("$", 1)[1].rstrip(")")) for v in table]
    assert referenced == with_formula == list(range(2, with_formula[-1] + 1))
    assert with_formula[-1] >= listed + 1   # every recommendation of the list has its row


@pytest.mark.libreoffice
def test_a_row_inserted_under_a_recommendation_gets_its_lookups(tmp_path, libreoffice):
    """Excel fills the table's calculated columns in an inserted row; LibreOffice 7.4 does not,
    and Ctrl+D on the grey cells (the Instructions say so) fills them from the row above."""
    import json

    from conftest import LO_UNO

    path = tmp_path / "plan.xlsx"
    wb = build_workbook("implementation_plan", recommendation_rows=RECS)
    ws = wb["Implementation plan"]
    first = IMPLEMENTATION_PLAN.first_data_row
    ws[f"A{first}"] = "77.1"
    wb.save(path)
    table = openpyxl.load_workbook(path)["Implementation plan"].tables["ImplementationPlan"]
    calculated = {c.name: c.calculatedColumnFormula for c in table.tableColumns if c.calculatedColumnFormula}
    assert set(calculated) == {c.en for c in IMPLEMENTATION_PLAN.columns if c.autofilled}
    lookups = f"B:{IMPLEMENTATION_PLAN.letter('response')}"
    row = json.loads(libreoffice.run_uno(LO_UNO, "insert_row", str(path), "Implementation plan", str(first + 1),
                                         json.dumps({"A": "77.2"}), lookups))
    assert row["cells"][:4] == ["77.2", RECS[2][1], "Australia", "Noted"]
    assert f"$A{first + 1}" in row["formulas"][1]


@pytest.mark.libreoffice
def test_a_correct_id_typed_or_picked_passes_libreoffices_validity_check(tmp_path, libreoffice):
    """The dropdown lists bare IDs: what it puts in the cell and what a participant types are the
    same text, which LibreOffice's Mark Invalid Data accepts; an unknown ID is circled."""
    import json

    from addin.layout import text_width
    from conftest import LO_UNO

    rows = [[rec_id, *rest[1:]] for rec_id, rest in zip(("RWA-10-001", "A/HRC/17/4 - 77.10", "77.2"), RECS)]
    wb = build_workbook("implementation_plan", recommendation_rows=rows)
    ws = wb["Implementation plan"]
    first = IMPLEMENTATION_PLAN.first_data_row
    for offset, typed in enumerate(("RWA-10-001", "A/HRC/17/4 - 77.10", "77.2", "RWA-10-999")):
        ws[f"A{first + offset}"] = typed
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    assert json.loads(libreoffice.run_uno(LO_UNO, "invalid", str(path), "Implementation plan")) == [f"A{first + 3}"]
    # The chosen ID reads on one line in its column.
    assert not ws[f"A{first}"].alignment.wrap_text
    assert ws.column_dimensions["A"].width >= text_width("A/HRC/17/4 - 77.10") + 1


def test_instructions_explain_every_column_and_colour_with_the_lists_own_example(tmp_path):
    rows = [[rec_id, text, *rest[2:]] for rec_id, text, rest in zip(
        ("RWA-10-001", "RWA-10-002", "RWA-10-003"),
        ("Improve school enrolment", "Ratify the Optional Protocol to the Convention against Torture", "Abolish"),
        RECS)]
    for kind in ("implementation_plan", "action_strategy"):
        for lang in ("en", "fr"):
            wb = build_workbook(kind, lang=lang, recommendation_rows=rows)
            ws = wb["Instructions"]
            text = {row[0].value: row[2].value for row in ws.iter_rows(max_col=3) if row[0].value}
            sheet = IMPLEMENTATION_PLAN if kind == "implementation_plan" else ACTION_STRATEGY
            for col in sheet.columns:
                if not col.hidden:
                    assert text[col.label(lang)], f"{kind} {lang}: {col.label(lang)} has no 'how to fill it'"
            example_id = [row[2].value for row in ws.iter_rows(max_col=3)
                          if row[0].value == sheet.column("recommendation_id").label(lang)][-1]
            assert example_id == "RWA-10-002"     # the list's recommendation closest to the example
            fills = {row[0].fill.fgColor.rgb[-6:] for row in ws.iter_rows(max_col=1) if row[0].fill.fill_type}
            assert {"1F4E78", "9C2A00", "E7E6E6", "FFC7CE", "FFD966"} <= fills   # the colour legend
    # The group worksheet's fields are visibly framed and filled, as its hint says.
    ws = build_workbook("action_strategy", recommendation_rows=rows)[GROUP_WORKSHEET.en]
    assert "pale blue" in ws["A2"].value and ws["B3"].fill.fgColor.rgb.endswith("DDEBF7")
    # Nothing of the example is taken for text a participant typed.
    path = tmp_path / "plan.xlsx"
    build_workbook("implementation_plan", recommendation_rows=rows).save(path)
    assert open_workbook(path).stray == []
