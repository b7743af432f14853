"""Merged cells and formulas in what participants type, end to end on real group workbooks:
`upr groups make`, filled and merged or given formulas with openpyxl, then validate and merge."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from addin.cli import app
from addin.master import SOURCE_NOTES, SOURCE_ROW, sheet_names
from addin.reader import RawSheet, open_workbook, read_sheets
from addin.schema import IMPLEMENTATION_PLAN as PLAN
from addin.templates import choice_label
from addin.validate import validate_paths, validate_workbook

runner = CliRunner()
FIRST = PLAN.first_data_row
SHEET = PLAN.title("en")

from example_rows import TORTURE_LAW, make_example_workshop  # noqa: E402
from example_rows import PRETRIAL as PRETRIAL_AS_TYPED  # noqa: E402

PRETRIAL = {**PRETRIAL_AS_TYPED, "deadline": "2015"}   # a readable deadline here


class Text(str):
    """Typed text that starts with "=": stored as text, as Excel does after an apostrophe."""


def cell(key: str, row: int) -> str:
    return f"{PLAN.letter(key)}{row}"


@pytest.fixture(scope="module")
def blank_plan(tmp_path_factory) -> Path:
    root = make_example_workshop(tmp_path_factory.mktemp("workshop"))
    return root / "groups" / "Justice - Implementation plan.xlsx"


def recommendations(path: Path) -> dict[str, tuple[str, str]]:
    """A few words of each recommendation -> (ID, text)."""
    records = open_workbook(path).recommendations
    found = {}
    for words in ("criminalizing torture", "pre-trial"):
        record = next(r for r in records if words in str(r["text"]).lower())
        found[words] = (str(record["id"]), str(record["text"]))
    return found


def copy_plan(blank_plan: Path, folder: Path) -> tuple[Path, str, str]:
    """A fresh copy of the blank group plan in `folder`, with the IDs of its torture and pre-trial
    recommendations."""
    path = folder / blank_plan.name
    path.parent.mkdir()
    shutil.copy2(blank_plan, path)
    recs = recommendations(path)
    return path, recs["criminalizing torture"][0], recs["pre-trial"][0]


def type_rows(path: Path, rows: dict[int, tuple[str | None, dict]], merges: tuple[str, ...] = ()) -> None:
    """Type rows like a participant (ID from the dropdown), then merge cells. A str starting
    with "=" is typed as a formula; Text("=...") as text."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    texts = {i: t for i, t in recommendations(path).values()}
    for r, (rec_id, values) in rows.items():
        if rec_id:
            ws.cell(r, PLAN.index("recommendation_id")).value = choice_label(rec_id, texts[rec_id])
        for key, value in values.items():
            target = ws.cell(r, PLAN.index(key))
            target.value = value
            if isinstance(value, Text):
                target.value, target.data_type = str(value), "s"
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)


def validate_json(*args) -> dict:
    result = runner.invoke(app, ["validate", *map(str, args), "--format", "json"])
    assert "Traceback" not in result.output, result.output
    (file,) = json.loads(result.stdout)["files"]
    assert file["error"] is None, file["error"]
    return file


def errors_of(file: dict) -> set[tuple[str, str]]:
    return {(f["type"], f["cell"]) for f in file["findings"] if f["severity"] == "error"}


def master_rows(path: Path) -> dict[int, dict]:
    wb = openpyxl.load_workbook(path)
    rows = list(wb[sheet_names("en")[PLAN.kind]].iter_rows(values_only=True))
    return {r[rows[0].index(SOURCE_ROW.label("en"))]: dict(zip(rows[0], r)) for r in rows[1:]}


# --- merged cells ------------------------------------------------------------------------------

# One recommendation over three rows, one per indicator: its ID, goal, action, deadline and body
# merged down; then a row whose goal is merged across the action's cell, and baseline across target.
DOWN = tuple(f"{cell(k, FIRST)}:{cell(k, FIRST + 2)}"
             for k in ("recommendation_id", "goal", "government_action", "deadline", "responsible_body"))
ACROSS = (f"{cell('goal', FIRST + 3)}:{cell('government_action', FIRST + 3)}",
          f"{cell('baseline', FIRST + 3)}:{cell('target', FIRST + 3)}")


@pytest.fixture
def merged_plan(blank_plan, tmp_path) -> tuple[Path, dict]:
    path, torture, pretrial = copy_plan(blank_plan, tmp_path / "merged")
    indicators = {"indicator": "Number of prosecutions for torture opened each year",
                  "baseline": "0 (2011)", "target": "10 a year"}
    type_rows(path, {
        FIRST: (torture, {**TORTURE_LAW, "deadline": "sometime soon"}),
        FIRST + 1: (None, indicators),
        FIRST + 2: (None, {**indicators, "indicator": "Number of convictions for torture each year"}),
        FIRST + 3: (pretrial, {**PRETRIAL, "government_action": None, "target": None}),
    }, DOWN + ACROSS)
    return path, recommendations(path)


def test_merged_cells_count_for_every_row_they_cover(merged_plan, tmp_path):
    path, recs = merged_plan
    file = validate_json(path)
    assert file["stats"]["rows"] == 4
    # Down a column the first cell's value counts for every row; across, only for the first field.
    assert errors_of(file) == {("bad-date", cell("deadline", FIRST)),
                               ("missing-field", cell("government_action", FIRST + 3))}
    # The bad deadline merged over three rows is one cell: one finding, not three.
    assert [f["row"] for f in file["findings"] if f["type"] == "bad-date"] == [FIRST]
    covered = {cell(k, r) for k in ("recommendation_id", "goal", "government_action", "deadline",
                                    "responsible_body") for r in (FIRST + 1, FIRST + 2)}
    assert not [f for f in file["findings"] if f["cell"] in covered]
    (missing,) = [f for f in file["findings"] if f["type"] == "missing-field"]
    assert (f"{cell('government_action', FIRST + 3)} is inside the merged cells {ACROSS[0]}, and Excel keeps only "
            f"the value of their first cell, {cell('goal', FIRST + 3)} (Goal)") in missing["message"]

    master = tmp_path / "master.xlsx"
    merged = runner.invoke(app, ["merge", str(path), "-o", str(master)])
    assert merged.exit_code == 0, merged.output
    rows = master_rows(master)
    torture_id, torture_text = recs["criminalizing torture"]
    notes = SOURCE_NOTES.label("en")
    for r in (FIRST + 1, FIRST + 2):
        row = rows[r]
        assert (row["Recommendation ID"], row["Recommendation text"]) == (torture_id, torture_text)
        assert (row["Goal"], row["Action expected of Government"], row["Responsible Government body"]) == \
            (TORTURE_LAW["goal"], TORTURE_LAW["government_action"], TORTURE_LAW["responsible_body"])
        assert row["Deadline"] == "sometime soon"
        assert row["Indicator"] != rows[FIRST]["Indicator"]            # each row keeps its own indicator
        assert f"Goal: from {cell('goal', FIRST)} (merged cells {DOWN[1]})" in row[notes]
        assert f"Recommendation ID: from A{FIRST} (merged cells {DOWN[0]})" in row[notes]
    assert rows[FIRST][notes] is None
    assert rows[FIRST + 3]["Baseline"] == PRETRIAL["baseline"] and rows[FIRST + 3]["Target"] is None
    assert rows[FIRST + 3][notes] == (f"Action expected of Government: empty, inside merged cells {ACROSS[0]}; "
                                      f"Target: empty, inside merged cells {ACROSS[1]}")


def test_annotating_merged_cells_notes_their_first_cell_once(merged_plan):
    path, _ = merged_plan
    result = runner.invoke(app, ["validate", str(path), "--annotate"])
    assert result.exit_code == 1, result.output
    ws = openpyxl.load_workbook(path.with_name(f"{path.stem}.checked.xlsx"))[SHEET]
    deadline = ws[cell("deadline", FIRST)].comment.text
    assert deadline.count("•") == 1 and "'sometime soon' cannot be read" in deadline
    action = ws[cell("goal", FIRST + 3)].comment.text
    assert action.startswith(f"• {cell('government_action', FIRST + 3)}: Action expected of Government is required")


def test_live_sheets_without_merged_ranges_are_read_as_they_are(merged_plan):
    """The seam for a live Excel book: merged ranges count when handed over, and are skipped if not."""
    path, _ = merged_plan
    wb = openpyxl.load_workbook(path)

    def live(with_ranges: bool):
        sheets = [RawSheet(ws.title, [list(r) for r in ws.iter_rows(values_only=True)], ws.sheet_state != "visible",
                           [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
                           if with_ranges else None)
                  for ws in wb.worksheets if ws.title != "_upr_meta"]
        data = read_sheets(sheets, open_workbook(path).meta, path=path, format="live", modified=dt.datetime.now())
        return {(f.type, f.cell) for f in validate_workbook(data).findings if f.severity.value == "error"}

    assert live(True) == {(f.type, f.cell) for f in validate_paths([path]).files[0].errors}
    unmerged = live(False)
    assert ("missing-field", cell("goal", FIRST + 1)) in unmerged
    assert ("missing-field", cell("recommendation_id", FIRST + 2)) in unmerged


@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt", ["ods", "xls:MS Excel 97"])
def test_merged_cells_read_the_same_from_ods_and_xls(merged_plan, libreoffice, tmp_path, fmt):
    path, _ = merged_plan
    converted = libreoffice.convert(path, fmt, tmp_path / "lo")
    assert errors_of(validate_json(converted)) == errors_of(validate_json(path))
    row = open_workbook(converted).matrix(PLAN.kind).rows[1]
    assert row.values["goal"] == TORTURE_LAW["goal"] and row.merged["goal"] == DOWN[1]


# --- formulas ----------------------------------------------------------------------------------

@pytest.fixture
def formula_plan(blank_plan, tmp_path) -> Path:
    """Formulas typed by openpyxl: no result saved, as from a program that never opened the file."""
    path, torture, pretrial = copy_plan(blank_plan, tmp_path / "formulas")
    type_rows(path, {
        FIRST: (torture, {**TORTURE_LAW, "deadline": "=DATE(2015,12,31)", "target": "=2+2"}),
        # "=F4": the goal of the row above, and a formula whose result is an empty text.
        FIRST + 1: (torture, {**TORTURE_LAW, "goal": f"={cell('goal', FIRST)}",
                              "indicator": "Number of prosecutions for torture opened each year",
                              "responsible_body": '=IF(1=2,"Judiciary","")'}),
        FIRST + 2: (pretrial, {**PRETRIAL, "notes": Text("=not a formula, typed as text")}),
    })
    return path


def test_formulas_without_a_saved_result_keep_their_text_and_say_so(formula_plan, tmp_path):
    file = validate_json(formula_plan)
    assert errors_of(file) == {("bad-date", cell("deadline", FIRST))}
    (bad,) = [f for f in file["findings"] if f["type"] == "bad-date"]
    assert bad["message"] == ("Deadline holds the formula =DATE(2015,12,31), but the workbook has no saved result "
                              "for it, so the date is unknown.")
    unknown = {f["cell"]: f["message"] for f in file["findings"] if f["type"] == "formula-without-value"}
    assert set(unknown) == {cell("target", FIRST), cell("goal", FIRST + 1), cell("responsible_body", FIRST + 1)}
    assert all(f["severity"] == "warning" for f in file["findings"] if f["type"] == "formula-without-value")
    # SMART does not judge a formula's text as if it were the indicator's deadline or target.
    assert not {f["row"] for f in file["findings"] if f["type"] == "smart"} & {FIRST, FIRST + 1}

    master = tmp_path / "master.xlsx"
    assert runner.invoke(app, ["merge", str(formula_plan), "-o", str(master)]).exit_code == 0
    rows = master_rows(master)
    notes = SOURCE_NOTES.label("en")
    assert rows[FIRST]["Deadline"] == "=DATE(2015,12,31)" and rows[FIRST + 1]["Goal"] == f"=F{FIRST}"
    assert "Deadline: formula =DATE(2015,12,31), no saved result" in rows[FIRST][notes]
    # Text that only looks like a formula is text: no finding, no note.
    assert rows[FIRST + 2]["Notes"] == "=not a formula, typed as text" and rows[FIRST + 2][notes] is None
    cells = openpyxl.load_workbook(master)[sheet_names("en")[PLAN.kind]]
    assert all(c.data_type == "s" for r in cells.iter_rows(min_row=2) for c in r
               if isinstance(c.value, str) and c.value.startswith("="))


@pytest.mark.libreoffice
def test_formulas_count_for_the_result_excel_saved(formula_plan, libreoffice, tmp_path):
    saved = libreoffice.convert(formula_plan, "xlsx", tmp_path / "lo")   # opened and saved: results cached
    file = validate_json(saved)
    # What the participant saw: a date, 4, the goal above, and an empty responsible body.
    assert errors_of(file) == {("missing-field", cell("responsible_body", FIRST + 1))}
    assert not [f for f in file["findings"] if f["type"] == "formula-without-value"]

    master = tmp_path / "master.xlsx"
    assert runner.invoke(app, ["merge", str(saved), "-o", str(master)]).exit_code == 0
    rows = master_rows(master)
    notes = SOURCE_NOTES.label("en")
    assert rows[FIRST]["Deadline"] == dt.datetime(2015, 12, 31) and rows[FIRST]["Target"] == 4
    assert rows[FIRST + 1]["Goal"] == TORTURE_LAW["goal"] and rows[FIRST + 1]["Responsible Government body"] is None
    # The formulas are not lost: the provenance keeps them.
    assert rows[FIRST][notes] == "Target: formula =2+2; Deadline: formula =DATE(2015,12,31)"
    assert rows[FIRST + 1][notes] == (f"Goal: formula =F{FIRST}; "
                                      "Responsible Government body: formula =IF(1=2,\"Judiciary\",\"\")")
    assert rows[FIRST + 2]["Notes"] == "=not a formula, typed as text" and rows[FIRST + 2][notes] is None


def test_a_workbook_is_read_twice_only_when_an_input_cell_holds_a_formula(formula_plan, merged_plan, monkeypatch):
    opened = []
    load = openpyxl.load_workbook

    def counting(*args, **kwargs):
        opened.append(kwargs.get("data_only"))
        return load(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", counting)
    # calamine reads the cells (reader/xlsx_fast.py); openpyxl opens a file only for the saved results.
    open_workbook(merged_plan[0])
    assert opened == []
    opened.clear()
    open_workbook(formula_plan)
    assert opened == [True]


# --- error values ------------------------------------------------------------------------------

@pytest.fixture
def error_plan(blank_plan, tmp_path) -> Path:
    """Error values typed or pasted as constants, and a formula that computes one once saved."""
    path, torture, pretrial = copy_plan(blank_plan, tmp_path / "errors")
    type_rows(path, {
        FIRST: (torture, {**TORTURE_LAW, "goal": "#N/A", "deadline": "#REF!"}),   # pasted from a lookup
        FIRST + 1: (pretrial, {**PRETRIAL, "indicator": "=1/0", "notes": "#N/A"}),
    })
    return path


def test_error_values_are_reported_once_where_they_are_and_kept(error_plan, tmp_path):
    file = validate_json(error_plan)
    errors = {f["cell"]: f for f in file["findings"] if f["type"] == "error-value"}
    # An error in a required field is not a filled field, in an optional one it is still wrong.
    assert set(errors) == {cell("goal", FIRST), cell("deadline", FIRST), cell("notes", FIRST + 1)}
    assert errors[cell("goal", FIRST)]["message"] == "Goal shows the error #N/A instead of a value."
    assert all(f["severity"] == "error" and f["recommendation_id"] for f in errors.values())
    # Not reported again as an unreadable date or a SMART failure of the text "#N/A".
    assert not [f for f in file["findings"] if f["row"] == FIRST and f["type"] in ("bad-date", "smart")]
    # The formula with no saved result is still that finding, not an error value.
    assert {f["cell"] for f in file["findings"] if f["type"] == "formula-without-value"} == {cell("indicator", FIRST + 1)}

    master = tmp_path / "master.xlsx"
    assert runner.invoke(app, ["merge", str(error_plan), "-o", str(master)]).exit_code == 0
    rows = master_rows(master)
    assert rows[FIRST]["Goal"] == "#N/A" and rows[FIRST]["Deadline"] == "#REF!"   # kept as found


@pytest.mark.libreoffice
def test_error_values_computed_by_a_formula_name_it(error_plan, libreoffice, tmp_path):
    saved = libreoffice.convert(error_plan, "xlsx", tmp_path / "lo")   # opened and saved: #DIV/0! cached
    file = validate_json(saved)
    errors = {f["cell"]: f["message"] for f in file["findings"] if f["type"] == "error-value"}
    assert errors[cell("indicator", FIRST + 1)] == ("Indicator shows the error #DIV/0!, the result of the formula "
                                                    "=1/0, instead of a value.")
    assert {cell("goal", FIRST), cell("deadline", FIRST), cell("notes", FIRST + 1)} <= set(errors)
    # calamine reads error cells of .ods as empty: a required one is then simply missing.
    ods = validate_json(libreoffice.convert(error_plan, "ods", tmp_path / "ods"))
    assert ("missing-field", cell("goal", FIRST)) in errors_of(ods)
    assert not [f for f in ods["findings"] if f["type"] == "error-value"]
