"""The Excel buttons (addin/excel) on xlwings' remote engine, the engine behind xlwings Server.

Each test builds the book payload a client sends from a real group workbook (Rwanda's 2011
list, filled as a participant would, recalculated by LibreOffice so that formulas show
results as in Excel), runs the button's function on `xw.Book(json=payload)`, applies the
actions it returns back onto the file, and compares the result with what the command line
does to the same file.
"""

from __future__ import annotations

import ast
import inspect
import json
import logging
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import xlwings as xw
from openpyxl.comments import Comment
from typer.testing import CliRunner

import addin.excel as upr
from addin.annotate import CHECK_SHEET, annotate
from addin.cli import app
from addin.excel.udfs import UPR_SMART
from addin.reader import open_workbook
from addin.report import verdict_line
from addin.schema import IMPLEMENTATION_PLAN, RECOMMENDATIONS
from addin.smart import verdict_line as smart_verdict_line
from addin.validate import validate_paths

from conftest import REPO, shared_file
from remote_book import apply_actions, payload_from_xlsx, remote_book
from rwanda_workshop import rwanda_workshop

PLAN = IMPLEMENTATION_PLAN.kind
SEVERITY_COLOURS = {"FF9999", "FFE699", "BDD7EE"}


@pytest.fixture(scope="module")
def rwanda(tmp_path_factory, libreoffice):
    return rwanda_workshop(tmp_path_factory.mktemp("excel-layer"), libreoffice)


def _run(function, path: Path, target: Path, *args, **kwargs):
    """A button on the remote engine: returns (its result, the alerts shown); the book lands at target."""
    book = remote_book(path)
    result = function(*args, book=book, **kwargs)
    alerts = apply_actions(path, book.json()["actions"], target)
    return result, alerts


def _flags(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """Cells carrying a severity fill or a note: (sheet, cell) -> (colour, note text)."""
    wb = openpyxl.load_workbook(path)
    found = {}
    for ws in wb.worksheets:
        if ws.title == CHECK_SHEET:
            continue
        for row in ws.iter_rows():
            for cell in row:
                colour = (cell.fill.fgColor.rgb or "")[-6:] if cell.fill.fill_type == "solid" else ""
                if colour in SEVERITY_COLOURS or cell.comment:
                    found[(ws.title, cell.coordinate)] = (colour, cell.comment.text if cell.comment else None)
    return found


def _check_rows(path: Path) -> list[list]:
    """The Check sheet as a reader sees it: a link cell reads as the cell it names."""
    ws = openpyxl.load_workbook(path)[CHECK_SHEET]
    rows = []
    for values in ws.iter_rows(min_row=1, max_col=9, values_only=True):
        values = list(values)
        if isinstance(values[4], str) and values[4].startswith("=HYPERLINK("):
            values[4] = values[4].rsplit('"', 2)[-2]
        rows.append(["" if v is None else v for v in values])
    return rows


def _looks(path: Path) -> dict:
    """Every cell's value, fill and note, and the sheets: what a participant sees of a workbook."""
    wb = openpyxl.load_workbook(path)
    cells = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None or c.fill.fill_type or c.comment:
                    fill = (c.fill.fgColor.rgb or "")[-6:] if c.fill.fill_type else None
                    cells[(ws.title, c.coordinate)] = (c.value, c.fill.fill_type, fill,
                                                       c.comment.text if c.comment else None)
    return {"sheets": wb.sheetnames, "cells": cells}


def test_validate_flags_the_cells_annotate_flags(rwanda, tmp_path):
    report, alerts = _run(upr.validate, rwanda["plan"], tmp_path / "live.xlsx")
    file_report = validate_paths([rwanda["plan"]]).files[0]
    annotated = annotate(file_report, "en", tmp_path / "annotated.xlsx")

    live = _flags(tmp_path / "live.xlsx")
    assert live == _flags(annotated)
    assert {cell for _, cell in live} >= {"F5", "K6", "A7"}  # goal missing, date unreadable, unknown ID
    assert _check_rows(tmp_path / "live.xlsx") == _check_rows(annotated)
    assert [a["prompt"] for a in alerts] == [verdict_line(file_report, "en")]
    assert report.stats == file_report.stats
    # Nothing typed changed: the live book's values are the file's, but for the Check sheet.
    before, after = _looks(rwanda["plan"]), _looks(tmp_path / "live.xlsx")
    assert after["sheets"] == [CHECK_SHEET] + before["sheets"]
    assert {k: v[0] for k, v in after["cells"].items() if k[0] != CHECK_SHEET and v[0] is not None} == \
        {k: v[0] for k, v in before["cells"].items() if v[0] is not None}


def test_validate_again_replaces_the_flags(rwanda, tmp_path):
    _run(upr.validate, rwanda["plan"], tmp_path / "first.xlsx")
    # The group fills the missing goal, then clicks Validate again.
    wb = openpyxl.load_workbook(tmp_path / "first.xlsx")
    wb[IMPLEMENTATION_PLAN.en]["F5"] = "Killings by security forces are investigated"
    wb.save(tmp_path / "fixed.xlsx")
    _run(upr.validate, tmp_path / "fixed.xlsx", tmp_path / "second.xlsx")

    second = _flags(tmp_path / "second.xlsx")
    assert ("Implementation plan", "F5") not in second
    assert openpyxl.load_workbook(tmp_path / "second.xlsx").sheetnames.count(CHECK_SHEET) == 1
    assert second == {k: v for k, v in _flags(tmp_path / "first.xlsx").items() if k[1] != "F5"}
    assert all("F5" not in row[4] for row in _check_rows(tmp_path / "second.xlsx"))


def test_clear_flags_puts_the_workbook_back(rwanda, tmp_path):
    _run(upr.validate, rwanda["plan"], tmp_path / "flagged.xlsx")
    cleared, alerts = _run(upr.clear_flags, tmp_path / "flagged.xlsx", tmp_path / "cleared.xlsx")
    assert cleared == len(_flags(tmp_path / "flagged.xlsx"))
    assert _looks(tmp_path / "cleared.xlsx") == _looks(rwanda["plan"])
    assert alerts == []
    # A second click has nothing to clear and changes nothing.
    again, _ = _run(upr.clear_flags, tmp_path / "cleared.xlsx", tmp_path / "again.xlsx")
    assert again == 0 and _looks(tmp_path / "again.xlsx") == _looks(rwanda["plan"])


def test_a_participants_own_note_is_never_replaced(rwanda, tmp_path):
    wb = openpyxl.load_workbook(rwanda["plan"])
    wb[IMPLEMENTATION_PLAN.en]["K6"].comment = Comment("Ask the Ministry for the date", "Aline")
    wb.save(tmp_path / "noted.xlsx")
    _run(upr.validate, tmp_path / "noted.xlsx", tmp_path / "flagged.xlsx")
    flagged = openpyxl.load_workbook(tmp_path / "flagged.xlsx")[IMPLEMENTATION_PLAN.en]["K6"]
    assert flagged.comment.text == "Ask the Ministry for the date"
    assert (flagged.fill.fgColor.rgb or "")[-6:] == "FF9999"
    assert any(row[4] == "K6" for row in _check_rows(tmp_path / "flagged.xlsx"))
    _run(upr.clear_flags, tmp_path / "flagged.xlsx", tmp_path / "cleared.xlsx")
    assert _looks(tmp_path / "cleared.xlsx") == _looks(tmp_path / "noted.xlsx")


def _annotated_check_widths(path: Path, tmp_path: Path) -> list[float]:
    from openpyxl.utils import get_column_letter

    from addin.annotate import CHECK_WIDTHS

    copy = tmp_path / "copy.xlsx"
    annotate(validate_paths([path]).files[0], "en", copy)
    ws = openpyxl.load_workbook(copy)[CHECK_SHEET]
    return [ws.column_dimensions[get_column_letter(c)].width for c in range(1, len(CHECK_WIDTHS) + 1)]


def test_the_check_sheet_is_laid_out_as_in_an_annotated_copy(rwanda, tmp_path):
    """A new sheet's columns are narrow: without the copy's widths and wrapping, every message was cut."""
    from openpyxl.utils import get_column_letter

    from addin.annotate import CHECK_WIDTHS, CHECK_WRAPPED_COLUMNS, ORIGINAL_FILLS_COLUMN

    _run(upr.validate, rwanda["plan"], tmp_path / "flagged.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "flagged.xlsx")[CHECK_SHEET]
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, len(CHECK_WIDTHS) + 1)]
    # The copy's widths, widened where a header would break inside a word, as the copy's are.
    copy = _annotated_check_widths(rwanda["plan"], tmp_path)
    assert widths == pytest.approx(copy) and all(w >= c for w, c in zip(widths, CHECK_WIDTHS))
    # The record of what the flags replaced is hidden, as in the copy.
    assert ws.column_dimensions[get_column_letter(ORIGINAL_FILLS_COLUMN)].hidden
    assert ws.max_row > 2
    for row in range(1, ws.max_row + 1):
        for column in range(1, len(CHECK_WIDTHS) + 1):
            alignment = ws.cell(row, column).alignment
            assert alignment.vertical == "top"
            assert bool(alignment.wrap_text) == (row == 1 or column in CHECK_WRAPPED_COLUMNS)


def test_flags_ask_the_engine_for_notes_once_per_sheet_not_once_per_cell(rwanda, tmp_path, monkeypatch):
    """The remote engine's Range.note searches every note of the sheet; asked for each flagged cell (and
    again inside Range.add_note), a workbook with a thousand flags took seconds to flag."""
    from xlwings.pro import _xlremote

    asked = []
    original = _xlremote.Range.note
    monkeypatch.setattr(_xlremote.Range, "note", property(lambda cell: asked.append(cell.address) or original.fget(cell)))
    report, _ = _run(upr.validate, rwanda["plan"], tmp_path / "flagged.xlsx")
    flagged = _flags(tmp_path / "flagged.xlsx")
    assert len([flag for flag in flagged.values() if flag[1]]) >= 5
    assert asked == []
    # Clearing deletes each of our notes: xlwings' Range.note asks the engine twice for each, and only for those.
    cleared, _ = _run(upr.clear_flags, tmp_path / "flagged.xlsx", tmp_path / "cleared.xlsx")
    assert sorted(set(asked)) == sorted("$" + re.sub(r"(\d)", r"$\1", cell, count=1) for (_, cell), flag in flagged.items() if flag[1])
    assert len(asked) == 2 * len(set(asked))
    assert _looks(tmp_path / "cleared.xlsx") == _looks(rwanda["plan"])


def test_validate_on_a_client_without_notes_flags_with_fills_and_the_check_sheet(rwanda, tmp_path):
    """Excel clients older than ExcelApi 1.18 cannot add notes (xlwings Server's client says so in the
    book it sends): the fills and the Check sheet still show every finding, and nothing fails."""
    payload = payload_from_xlsx(rwanda["plan"])
    for sheet in payload["sheets"]:
        sheet["notes_supported"] = False
    book = xw.Book(json=json.loads(json.dumps(payload)))
    report = upr.validate(book=book)
    alerts = apply_actions(rwanda["plan"], book.json()["actions"], tmp_path / "flagged.xlsx")
    assert report is not None and report.findings
    assert alerts and all(alert["mode"] != "critical" for alert in alerts)
    flagged = _flags(tmp_path / "flagged.xlsx")
    assert flagged and all(note is None for _, note in flagged.values())
    assert len(_check_rows(tmp_path / "flagged.xlsx")) - 1 == len(report.findings)
    # Clear flags finds no note of ours to delete and puts every colour back.
    payload = payload_from_xlsx(tmp_path / "flagged.xlsx")
    for sheet in payload["sheets"]:
        sheet["notes_supported"] = False
    book = xw.Book(json=json.loads(json.dumps(payload)))
    assert upr.clear_flags(book=book) == len(flagged)
    apply_actions(tmp_path / "flagged.xlsx", book.json()["actions"], tmp_path / "cleared.xlsx")
    assert _looks(tmp_path / "cleared.xlsx") == _looks(rwanda["plan"])


def test_refresh_list_keeps_every_typed_row_and_flags_orphans(rwanda, tmp_path):
    from addin.recommendations import write_list_workbook

    recs = rwanda["recs"]
    plan_ids = rwanda["ids"]
    dropped = plan_ids[1]    # typed in row 5 by the group, then withdrawn from the list
    newer = [r for r in recs if r.id != dropped]
    newer_list = write_list_workbook(newer, tmp_path / "Rwanda list, corrected.xlsx")
    before = open_workbook(rwanda["plan"])

    result, alerts = _run(upr.refresh_list, rwanda["plan"], tmp_path / "refreshed.xlsx", str(newer_list))

    after = open_workbook(tmp_path / "refreshed.xlsx")
    typed = [c.key for c in IMPLEMENTATION_PLAN.inputs]
    assert [[r.values[k] for k in typed] for r in after.matrices[0].rows] == \
        [[r.values[k] for k in typed] for r in before.matrices[0].rows]
    assert len(after.matrices[0].rows) == 4
    listed = [str(r["id"]) for r in after.recommendations]
    assert dropped not in listed and listed == [i for i in plan_ids if i != dropped]
    assert result.removed == [dropped] and result.added == []
    flags = _flags(tmp_path / "refreshed.xlsx")
    assert set(flags) == {("Implementation plan", "A5"), ("Implementation plan", "A7")}  # dropped, and 99.99
    assert dropped in flags[("Implementation plan", "A5")][1]
    assert "1 removed" in alerts[0]["prompt"] and "flagged, not deleted" in alerts[0]["prompt"]
    assert after.meta.list_hash == result.list_hash != before.meta.list_hash
    # The hidden whole list follows too, so that a merge counts coverage over the new list.
    assert [str(r["id"]) for r in after.full_list] == [r.id for r in newer]
    # IDs stay text: none of the refreshed list's cells became a number.
    ws = openpyxl.load_workbook(tmp_path / "refreshed.xlsx")[RECOMMENDATIONS.en]
    assert all(isinstance(ws.cell(r, 1).value, str) for r in range(2, len(listed) + 2))


def test_refresh_list_with_the_wrong_list_changes_nothing(rwanda, tmp_path):
    from addin.recommendations import import_recommendations, write_list_workbook

    other = import_recommendations(shared_file("upr-info", "upr-info-export-sessions01-15.csv"),
                                   state="Burundi", session=3).recommendations
    justice_free = [r for r in other if "justice" not in r.groups]
    wrong = write_list_workbook(justice_free, tmp_path / "Burundi, no justice.xlsx")
    _, alerts = _run(upr.refresh_list, rwanda["plan"], tmp_path / "same.xlsx", str(wrong))
    assert len(alerts) == 1 and alerts[0]["mode"] == "critical"
    assert alerts[0]["prompt"].startswith("error: ") and "no recommendation for the group" in alerts[0]["prompt"]
    assert _looks(tmp_path / "same.xlsx") == _looks(rwanda["plan"])


def _master_values(path: Path) -> dict[str, list[list]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_merge_groups_gives_the_master_upr_merge_gives(rwanda, tmp_path):
    folder = tmp_path / "groups"
    shutil.copytree(rwanda["root"] / "groups", folder)
    shutil.copy(rwanda["plan"], folder / "Justice - Implementation plan.xlsx")  # the filled one

    result, alerts = _run(upr.merge_groups, rwanda["plan"], tmp_path / "book.xlsx", str(folder),
                          output=str(tmp_path / "button" / "master.xlsx"))
    (tmp_path / "button").mkdir(exist_ok=True)
    cli_out = tmp_path / "cli" / "master.xlsx"
    cli_out.parent.mkdir()
    ran = CliRunner().invoke(app, ["merge", str(folder), "-o", str(cli_out)])
    assert ran.exit_code == 0, ran.output

    assert result.written and result.output == tmp_path / "button" / "master.xlsx"
    button, cli = _master_values(result.output), _master_values(cli_out)
    assert button.keys() == cli.keys()
    for sheet in button:
        if sheet == "Summary":   # the run's own date and time
            continue
        assert button[sheet] == cli[sheet], sheet
    assert len(alerts) == 1 and "recommendations" in alerts[0]["prompt"]
    assert str(result.output) in alerts[0]["prompt"]


def test_merge_groups_default_master_sits_beside_the_groups(rwanda, tmp_path):
    folder = tmp_path / "Atelier EPU \"2011\" d'O'Brien – Zoé"   # quotes and accents in a path
    shutil.copytree(rwanda["root"] / "groups", folder)
    result, _ = _run(upr.merge_groups, rwanda["plan"], tmp_path / "book.xlsx", str(folder))
    assert result.output == folder / "Master matrix.xlsx" and result.output.exists()


def test_errors_reach_the_user_as_one_alert_without_traceback(rwanda, tmp_path, monkeypatch, caplog):
    _, alerts = _run(upr.merge_groups, rwanda["plan"], tmp_path / "a.xlsx", str(tmp_path / "nowhere"))
    assert [a["mode"] for a in alerts] == ["critical"]
    assert alerts[0]["prompt"] == f"error: {tmp_path / 'nowhere'}: is not a folder"

    def broken(*args, **kwargs):
        raise RuntimeError("checker exploded")

    monkeypatch.setattr("addin.excel.buttons.validate_workbook", broken)
    with caplog.at_level(logging.ERROR, logger="upr.excel"):
        _, alerts = _run(upr.validate, rwanda["plan"], tmp_path / "b.xlsx")
    assert len(alerts) == 1 and "checker exploded" in alerts[0]["prompt"]
    assert "Traceback" not in alerts[0]["prompt"] and "File \"" not in alerts[0]["prompt"]
    # The log says where it failed, never what it said: a message may quote a participant's cell.
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "buttons.py" in logged and "checker exploded" not in logged


def test_new_workshop_makes_the_group_workbooks(tmp_path):
    from addin.demo import example_source

    blank = tmp_path / "Book1.xlsx"
    openpyxl.Workbook().save(blank)
    books, alerts = _run(upr.new_workshop, blank, tmp_path / "after.xlsx", str(example_source()),
                         str(tmp_path / "workshop"))
    made = sorted(p.name for p in (tmp_path / "workshop").glob("*.xlsx"))
    assert "Justice - Implementation plan.xlsx" in made and "Recommendations.xlsx" in made
    assert len(books) == len([m for m in made if m != "Recommendations.xlsx"])
    assert alerts[0]["prompt"].endswith(f"workbooks in {tmp_path / 'workshop'}")


def test_new_workshop_refuses_an_export_of_many_reviews(tmp_path):
    blank = tmp_path / "Book1.xlsx"
    openpyxl.Workbook().save(blank)
    export = shared_file("upr-info", "upr-info-export-sessions10-13.original-macroman.csv")
    _, alerts = _run(upr.new_workshop, blank, tmp_path / "after.xlsx", str(export), str(tmp_path / "w"))
    assert alerts[0]["mode"] == "critical" and "keep one State's review" in alerts[0]["prompt"]
    assert not (tmp_path / "w").exists()


def test_show_master_sheets_copies_values_and_replaces_its_own_copy(rwanda, tmp_path):
    folder = tmp_path / "groups"
    shutil.copytree(rwanda["root"] / "groups", folder)
    master = upr.merge_groups(folder, remote_book(rwanda["plan"]), output=tmp_path / "master.xlsx")
    _run(upr.show_master_sheets, rwanda["plan"], tmp_path / "once.xlsx", str(master.output))
    _run(upr.show_master_sheets, tmp_path / "once.xlsx", tmp_path / "twice.xlsx", str(master.output))
    sheets = openpyxl.load_workbook(tmp_path / "twice.xlsx").sheetnames
    assert sheets.count("Summary") == 1 and sheets.count("Coverage") == 1
    copied = openpyxl.load_workbook(tmp_path / "twice.xlsx")["Coverage"]
    original = openpyxl.load_workbook(master.output)["Coverage"]
    assert [c.value for c in copied["A"][:5]] == [c.value for c in original["A"][:5]]


def test_upr_smart_is_a_worksheet_function_with_the_core_verdict():
    # xlwings registers desktop UDFs on Windows only; here the decorator and signature are checked.
    source = (REPO / "addin" / "excel" / "udfs.py").read_text(encoding="utf-8")
    function = next(n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name == "UPR_SMART")
    assert [ast.unparse(d) for d in function.decorator_list] == ["xw.func"]
    parameters = inspect.signature(UPR_SMART).parameters
    assert list(parameters) == ["indicator", "deadline", "responsible_body", "recommendation"]
    assert [p.default for p in parameters.values()][1:] == [None, None, None]
    args = ("Number of prosecutions for domestic violence per year", 2027, "Ministry of Justice",
            "Prosecute perpetrators of domestic violence")
    verdict = UPR_SMART(*args)
    assert verdict == smart_verdict_line(*args)
    assert [v[0] for v in verdict.split()] == list("SMART") and set(v[1] for v in verdict.split()) <= {"✓", "✗"}
    assert UPR_SMART("Awareness raised") == "S✗ M✗ A✗ R✗ T✗"


def test_only_the_excel_layer_and_the_server_import_xlwings():
    offenders = []
    for path in (REPO / "addin").rglob("*.py"):
        relative = path.relative_to(REPO / "addin").parts
        if relative[0] in ("excel", "server"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "xlwings" or n.startswith("xlwings.") for n in names):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_the_payload_helper_speaks_the_remote_engines_format(rwanda):
    book = remote_book(rwanda["plan"])
    assert isinstance(book, xw.Book) and book.app.engine.name == "remote"
    sheet = book.sheets[IMPLEMENTATION_PLAN.en]
    assert sheet.range("K6").value == "sometime next year"
    assert json.loads(json.dumps(book.json())) == {"actions": []}


def test_a_record_longer_than_a_cell_runs_down_the_column(rwanda, tmp_path, monkeypatch):
    from addin import limits

    # Cells of 40 characters stand in for Excel's 32,767, which a real record passes at ~800 flags.
    monkeypatch.setattr("addin.excel.flags.cell_chunks", lambda text: limits.cell_chunks(text, 40))
    _run(upr.validate, rwanda["plan"], tmp_path / "flagged.xlsx")
    column = [c.value for c in openpyxl.load_workbook(tmp_path / "flagged.xlsx")[CHECK_SHEET]["T"]]
    assert len([v for v in column[1:] if v]) > 3 and all(len(v) <= 40 for v in column[1:] if v)
    _run(upr.clear_flags, tmp_path / "flagged.xlsx", tmp_path / "cleared.xlsx")
    assert _looks(tmp_path / "cleared.xlsx") == _looks(rwanda["plan"])
