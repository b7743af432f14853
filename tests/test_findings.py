"""Findings a facilitator can act on: one problem, one finding, with the most specific type."""

from __future__ import annotations

import shutil

import pytest

from addin.demo import fill_matrix
from addin.reader import open_workbook
from addin.validate import validate_paths

from example_rows import TORTURE_LAW, make_example_workshop


@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    return make_example_workshop(tmp_path_factory.mktemp("findings")) / "groups"


@pytest.mark.parametrize("deadline, kept", [
    ("ongoing", "bad-date"),                  # was bad-date and smart T on the same row
    ("2031", "deadline-out-of-cycle"),        # was deadline-out-of-cycle and smart T
    ("", "missing-field"),                    # was missing-field and smart T
])
def test_a_deadline_problem_is_reported_once_with_its_own_type(workshop, tmp_path, deadline, kept):
    path = tmp_path / "plan.xlsx"
    shutil.copy(workshop / "Justice - Implementation plan.xlsx", path)
    rec = str(open_workbook(path).recommendations[0]["id"])
    fill_matrix(path, [(rec, dict(TORTURE_LAW, deadline=deadline, indicator="Prevention of Torture Act enacted")),
                       (rec, TORTURE_LAW)], kind="implementation_plan")
    report = validate_paths([path]).files[0]
    first_row = min(f.row for f in report.findings if f.row)
    about_deadline = [f for f in report.findings if f.row == first_row
                      and (f.field == "deadline" or f.criterion == "T")]
    assert [(f.type, f.field) for f in about_deadline] == [(kept, "deadline")]
    # The SMART score still counts the failed T: only the duplicate finding is gone.
    assert not next(r for (sheet, row), r in report.smart.items() if row == first_row).verdicts["T"].passed


def test_an_untouched_workbook_says_nothing_filled_yet_not_no_errors(workshop, tmp_path):
    import json

    from typer.testing import CliRunner

    from addin.cli import app

    untouched = tmp_path / "Women and gender - Implementation plan.xlsx"
    shutil.copy(workshop / untouched.name, untouched)
    runner = CliRunner()
    text = runner.invoke(app, ["validate", str(untouched), "--annotate"])
    assert text.exit_code == 0
    assert f"○ {untouched.name}: nothing filled yet." in text.output
    assert "no errors" not in text.output
    assert "not annotated (nothing filled yet)" in text.output
    assert not list(tmp_path.glob("*.checked.*"))
    french = runner.invoke(app, ["validate", str(untouched), "--lang", "fr"])
    assert "rien n'est encore rempli" in french.output
    data = json.loads(runner.invoke(app, ["validate", str(untouched), "--format", "json"]).stdout)
    assert data["files"][0]["stats"]["nothing_filled"] is True
    assert data["stats"]["nothing_filled_files"] == 1
    # A filled workbook is told apart.
    filled = tmp_path / "filled.xlsx"
    shutil.copy(untouched, filled)
    fill_matrix(filled, [(str(open_workbook(filled).recommendations[0]["id"]), TORTURE_LAW)],
                kind="implementation_plan")
    data = json.loads(runner.invoke(app, ["validate", str(filled), "--format", "json"]).stdout)
    assert data["files"][0]["stats"]["nothing_filled"] is False


def test_a_note_right_of_the_table_is_a_stray_cell_not_a_master_column(workshop, tmp_path):
    import openpyxl

    from addin.merge import merge_workbooks
    from addin.schema import IMPLEMENTATION_PLAN

    path = tmp_path / "Justice - Implementation plan.xlsx"
    shutil.copy(workshop / path.name, path)
    ids = [str(r["id"]) for r in open_workbook(path).recommendations]
    fill_matrix(path, [(ids[0], TORTURE_LAW), (ids[1], TORTURE_LAW), (ids[2], TORTURE_LAW)],
                kind="implementation_plan")
    data = open_workbook(path)
    matrix = data.matrix("implementation_plan")
    rows = [r.row for r in matrix.rows]
    last = len(IMPLEMENTATION_PLAN.columns)
    note, named, unnamed = (openpyxl.utils.get_column_letter(last + n) for n in (2, 3, 4))
    wb = openpyxl.load_workbook(path)
    ws = wb[matrix.sheet]
    ws[f"{note}{rows[0]}"] = "Ask the ministry about the budget"                # a note beside a row
    ws[f"{named}{IMPLEMENTATION_PLAN.header_row}"] = "Budget line"              # a column the group added
    for n, r in enumerate(rows):
        ws[f"{named}{r}"] = f"B-{n}"
        ws[f"{unnamed}{r}"] = f"U-{n}"                                           # data, header forgotten
    wb.save(path)

    data = open_workbook(path)
    assert [(c.coordinate, c.value) for c in data.stray] == [(f"{note}{rows[0]}", "Ask the ministry about the budget")]
    assert set(data.matrix("implementation_plan").extra_columns) == {"Budget line", f"Column {unnamed}"}
    report = validate_paths([path]).files[0]
    stray = [f for f in report.findings if f.type == "stray-cell"]
    assert [f.cell for f in stray] == [f"{note}{rows[0]}"]
    result = merge_workbooks([path], tmp_path / "master.xlsx")
    headers = [c.header for c in result.columns["implementation_plan"]]
    assert f"Column {note}" not in headers and "Budget line" in headers
    assert [s.value for s in result.stray] == ["Ask the ministry about the budget"]
