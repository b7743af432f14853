"""`upr groups assign`: the Unassigned workbook's "Assign to group" dropdown, applied to the group
workbooks without losing what participants typed; LibreOffice opens the result."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from addin.assign import ASSIGN_HEADER, GROUPS_SHEET
from addin.cli import app
from addin.demo import fill_matrix
from addin.reader import open_workbook
from addin.schema import IMPLEMENTATION_PLAN

from example_rows import TORTURE_LAW, make_example_workshop
from conftest import LO_UNO

runner = CliRunner()
JUSTICE = "Justice - Implementation plan.xlsx"
UNASSIGNED = "Unassigned recommendations.xlsx"


@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    return make_example_workshop(tmp_path_factory.mktemp("assign")) / "groups"


def typed_rows(path: Path) -> list[dict]:
    return [dict(row.values) for m in open_workbook(path).matrices for row in m.rows]


def choose(path: Path, choices: dict[int, str]) -> None:
    """Pick groups in the Unassigned workbook's dropdown column, by data row number."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    column = [c.value for c in ws[1]].index(ASSIGN_HEADER["en"]) + 1
    for row, group in choices.items():
        ws.cell(row, column).value = group
    wb.save(path)


def test_the_unassigned_workbook_offers_the_groups_in_a_dropdown(workshop):
    wb = openpyxl.load_workbook(workshop / UNASSIGNED)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[-1] == ASSIGN_HEADER["en"]
    validation = next(iter(ws.data_validations.dataValidation))
    letter = openpyxl.utils.get_column_letter(len(header))
    assert validation.type == "list" and str(validation.sqref) == f"{letter}2:{letter}{ws.max_row}"
    assert wb[GROUPS_SHEET].sheet_state == "hidden"
    from addin.groups import GroupMapping

    assert [c.value for c in wb[GROUPS_SHEET]["A"]] == [g.label("en") for g in GroupMapping.default().groups]
    assert "Economic, social and cultural rights" in [c.value for c in wb[GROUPS_SHEET]["A"]]  # one choice


def test_assign_adds_to_the_chosen_groups_and_keeps_what_participants_typed(workshop, tmp_path, libreoffice):
    folder = tmp_path / "groups"
    shutil.copytree(workshop, folder)
    listed = {str(r["id"]): r for r in open_workbook(folder / UNASSIGNED).recommendations}
    first, second = list(listed)[:2]
    justice_ids = [str(r["id"]) for r in open_workbook(folder / JUSTICE).recommendations]
    fill_matrix(folder / JUSTICE, [(justice_ids[0], TORTURE_LAW)], kind="implementation_plan")
    typed = typed_rows(folder / JUSTICE)
    before = (folder / JUSTICE).read_bytes()
    choose(folder / UNASSIGNED, {2: "Justice", 3: "Women and gender"})
    unassigned_bytes = (folder / UNASSIGNED).read_bytes()

    result = runner.invoke(app, ["groups", "assign", str(folder / UNASSIGNED), "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Assigned: 2 recommendations to 2 groups" in result.output
    assert (folder / UNASSIGNED).read_bytes() == unassigned_bytes            # input untouched
    backups = list(folder.glob("Justice - Implementation plan.*.bak.xlsx"))
    assert len(backups) == 1 and backups[0].read_bytes() == before
    justice = open_workbook(folder / JUSTICE)
    assert [str(r["id"]) for r in justice.recommendations] == justice_ids + [first]
    assert typed_rows(folder / JUSTICE) == typed
    women = open_workbook(folder / "Women and gender - Action strategy.xlsx")
    assert str(women.recommendations[-1]["id"]) == second

    # The newly assigned ID is a known recommendation now: typed in a row, it fills B to D in
    # LibreOffice, its validity check accepts it, and validate raises no unknown-recommendation.
    fill_matrix(folder / JUSTICE, [(first, TORTURE_LAW)], kind="implementation_plan")
    checked = runner.invoke(app, ["validate", str(folder / JUSTICE), "--format", "json"])
    findings = json.loads(checked.stdout)["files"][0]["findings"]
    assert not [f for f in findings if f["type"] == "unknown-recommendation"], findings
    sheet = open_workbook(folder / JUSTICE).matrix("implementation_plan").sheet
    row = max(r.row for r in open_workbook(folder / JUSTICE).matrix("implementation_plan").rows)
    recalculated = libreoffice.convert(folder / JUSTICE, "xlsx", tmp_path / "lo")
    shown = openpyxl.load_workbook(recalculated, data_only=True)[sheet]
    assert shown[f"{IMPLEMENTATION_PLAN.letter('recommendation')}{row}"].value == listed[first]["text"]
    invalid = json.loads(libreoffice.run_uno(LO_UNO, "invalid", str(folder / JUSTICE), sheet))
    assert f"{IMPLEMENTATION_PLAN.letter('recommendation_id')}{row}" not in invalid

    # Again: nothing is added twice.
    again = runner.invoke(app, ["groups", "assign", str(folder / UNASSIGNED), "-o", str(folder)])
    assert again.exit_code == 0 and "(1 already there)" in again.output, again.output
    assert len(list(folder.glob("Justice - Implementation plan.*.bak.xlsx"))) == 1   # not rewritten
    assert [str(r["id"]) for r in open_workbook(folder / JUSTICE).recommendations] == justice_ids + [first]


def test_a_name_that_is_no_group_names_its_cell(workshop, tmp_path):
    folder = tmp_path / "groups"
    shutil.copytree(workshop, folder)
    choose(folder / UNASSIGNED, {2: "Finance"})
    result = runner.invoke(app, ["groups", "assign", str(folder / UNASSIGNED), "-o", str(folder)])
    assert result.exit_code == 2
    assert "cell O2: 'Finance' is not a group" in result.output
    assert not list(folder.glob("*.bak.xlsx"))


def test_a_workbook_open_in_libreoffice_is_left_alone_and_named(workshop, tmp_path):
    folder = tmp_path / "groups"
    shutil.copytree(workshop, folder)
    choose(folder / UNASSIGNED, {2: "Justice"})
    (folder / f".~lock.{JUSTICE}#").write_text("someone,host,2026")
    before = (folder / JUSTICE).read_bytes()
    result = runner.invoke(app, ["groups", "assign", str(folder / UNASSIGNED), "-o", str(folder)])
    assert result.exit_code == 2
    assert f"{JUSTICE} is open in LibreOffice" in " ".join(result.output.split())
    assert (folder / JUSTICE).read_bytes() == before
    assert "Justice - Action strategy.xlsx" in result.output     # the other workbook was still done
