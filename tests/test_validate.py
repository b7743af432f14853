"""Validation end to end: groups made by the CLI, filled like participants, checked by the CLI."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from addin.annotate import CHECK_SHEET, SEVERITY_FILLS, annotate, clear_flags
from addin.cli import app
from addin.demo import fill_matrix
from addin.findings import Severity
from addin.reader import open_workbook
from addin.schema import ACTION_STRATEGY, IMPLEMENTATION_PLAN
from addin.validate import validate_paths

runner = CliRunner()

from example_rows import EXECUTIONS, PRETRIAL, TORTURE_LAW, VAGUE, make_example_workshop  # noqa: E402

UNKNOWN = dict(TORTURE_LAW)


@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    """The example list through `upr recommendations import` and `upr groups make`."""
    return make_example_workshop(tmp_path_factory.mktemp("workshop"))


def ids_about(path: Path) -> dict[str, str]:
    return {str(r["text"]): str(r["id"]) for r in open_workbook(path).recommendations}


def rec_id(ids: dict[str, str], words: str) -> str:
    return next(i for text, i in ids.items() if words.lower() in text.lower())


@pytest.fixture
def filled_plan(workshop, tmp_path):
    source = workshop / "groups" / "Justice - Implementation plan.xlsx"
    path = tmp_path / source.name
    shutil.copy(source, path)
    ids = ids_about(path)
    fill_matrix(path, [
        (rec_id(ids, "criminalizing torture"), TORTURE_LAW),
        (rec_id(ids, "extrajudicial"), EXECUTIONS),
        ("99.9", UNKNOWN),
        (rec_id(ids, "pre-trial"), PRETRIAL),
        (rec_id(ids, "Optional Protocol to the Convention against Torture"), VAGUE),
    ], kind="implementation_plan")
    return path


def cell(key: str, row: int) -> str:
    return f"{IMPLEMENTATION_PLAN.letter(key)}{row}"


def expected_findings(first: int) -> set[tuple[str, str, str]]:
    r_missing, r_unknown, r_date, r_vague = first + 1, first + 2, first + 3, first + 4
    return {
        ("missing-field", cell("goal", r_missing), ""),
        ("unknown-recommendation", cell("recommendation_id", r_unknown), ""),
        ("bad-date", cell("deadline", r_date), ""),   # its SMART T is the same problem: reported once
        ("smart", cell("indicator", r_vague), "S"),
        ("smart", cell("indicator", r_vague), "M"),
        ("smart", cell("indicator", r_vague), "R"),
    }


def test_validate_json_reports_exactly_the_expected_findings(filled_plan):
    result = runner.invoke(app, ["validate", str(filled_plan), "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["valid"] is False
    (file,) = report["files"]
    assert file["kind"] == "implementation_plan" and file["group"] == "Justice"
    assert file["stats"]["rows"] == 5
    got = {(f["type"], f["cell"], f["criterion"]) for f in file["findings"]}
    assert got == expected_findings(IMPLEMENTATION_PLAN.first_data_row)
    for finding in file["findings"]:
        assert finding["file"] == str(filled_plan)
        assert finding["sheet"] == "Implementation plan"
        assert finding["message"] and finding["severity"] in ("error", "warning", "info")
    indicators = {i["row"]: i for i in file["indicators"]}
    first = IMPLEMENTATION_PLAN.first_data_row
    assert sorted(indicators) == [first + i for i in range(5)]
    assert indicators[first]["indicator_type"] == "structural" and indicators[first]["score"] == 5
    assert indicators[first + 3]["indicator_type"] == "outcome" and indicators[first + 3]["T"] == 0
    assert (indicators[first + 4]["S"], indicators[first + 4]["M"]) == (0, 0)
    unknown = next(f for f in file["findings"] if f["type"] == "unknown-recommendation")
    assert unknown["recommendation_id"] == "99.9" and unknown["field"] == "recommendation_id"


def test_annotate_flags_exactly_those_cells_and_leaves_input_untouched(filled_plan, libreoffice, tmp_path):
    before = hashlib.sha256(filled_plan.read_bytes()).hexdigest()
    result = runner.invoke(app, ["validate", str(filled_plan), "--annotate"])
    assert result.exit_code == 1
    assert hashlib.sha256(filled_plan.read_bytes()).hexdigest() == before
    checked = filled_plan.with_name(f"{filled_plan.stem}.checked.xlsx")
    assert checked.exists()
    flagged = {c for _, c, _ in expected_findings(IMPLEMENTATION_PLAN.first_data_row)}
    # LibreOffice is the oracle: it must open the copy and keep notes and fills.
    reopened = libreoffice.convert(checked, "xlsx", tmp_path / "lo")
    wb = openpyxl.load_workbook(reopened)
    ws = wb["Implementation plan"]
    noted = {c.coordinate for row in ws.iter_rows() for c in row if c.comment is not None}
    assert noted == flagged
    errors_fill = SEVERITY_FILLS[Severity.ERROR].fgColor.rgb[-6:]
    assert ws[cell("goal", IMPLEMENTATION_PLAN.first_data_row + 1)].fill.fgColor.rgb[-6:] == errors_fill
    assert "required" in ws[cell("goal", IMPLEMENTATION_PLAN.first_data_row + 1)].comment.text
    assert CHECK_SHEET in wb.sheetnames
    listed = [r for r in wb[CHECK_SHEET].iter_rows(min_row=2, values_only=True) if r[0]]
    assert len(listed) == len(flagged) + 2  # the vague row has three SMART findings on one cell
    link = openpyxl.load_workbook(checked)[CHECK_SHEET]["E2"].hyperlink
    assert link is not None and link.location or link.target


def test_clear_flags_restores_the_workbook(filled_plan, tmp_path):
    report = validate_paths([filled_plan])
    checked = annotate(report.files[0], target=tmp_path / "checked.xlsx")
    wb = openpyxl.load_workbook(checked)
    assert clear_flags(wb) == 4
    assert CHECK_SHEET not in wb.sheetnames
    original = openpyxl.load_workbook(filled_plan)
    for row_a, row_b in zip(wb["Implementation plan"].iter_rows(max_row=12), original["Implementation plan"].iter_rows(max_row=12)):
        for a, b in zip(row_a, row_b):
            assert a.comment is None
            assert (a.fill.fill_type, a.fill.fgColor.rgb) == (b.fill.fill_type, b.fill.fgColor.rgb)


def test_french_messages(filled_plan):
    result = runner.invoke(app, ["validate", str(filled_plan), "--format", "json", "--lang", "fr"])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    missing = next(f for f in findings if f["type"] == "missing-field")
    assert "est obligatoire mais vide" in missing["message"] and "Objectif" in missing["message"]
    smart = [f for f in findings if f["type"] == "smart"]
    assert all(f["message"].startswith("Indicateur non ") for f in smart)
    text = runner.invoke(app, ["validate", str(filled_plan), "--lang", "fr"])
    assert "erreurs" in text.output
    assert re.search(r"Indicateurs\s: 5 vérifiés, dont \d entièrement SMART\s; .*structurels", text.output)


def test_french_indicators_in_a_french_workbook(workshop, tmp_path):
    out = tmp_path / "fr"
    made = runner.invoke(app, ["groups", "make", str(workshop / "recommendations.xlsx"), "-o", str(out),
                               "--lang", "fr"])
    assert made.exit_code == 0, made.output
    path = out / "Justice - Plan de mise en œuvre.xlsx"
    ids = ids_about(path)
    fill_matrix(path, [
        (rec_id(ids, "criminalizing torture"), {
            "goal": "La torture devient une infraction pénale spécifique",
            "government_action": "Le Ministère de la Justice dépose un projet de loi définissant la torture",
            "indicator": "Loi portant répression de la torture, conforme à l'article premier de la Convention "
                         "contre la torture, promulguée",
            "baseline": "Aucune infraction spécifique (2011)", "target": "Loi promulguée",
            "deadline": "déc. 2014", "responsible_body": "Ministère de la Justice"}),
        (rec_id(ids, "pre-trial"), {
            "goal": "Moins de personnes en détention préventive",
            "government_action": "Le pouvoir judiciaire examine les dossiers des détenus",
            "indicator": "Indépendance de la justice renforcée", "deadline": "en continu",
            "responsible_body": "Pouvoir judiciaire"}),
    ], kind="implementation_plan")
    result = runner.invoke(app, ["validate", str(path), "--format", "json", "--lang", "fr"])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    first = IMPLEMENTATION_PLAN.first_data_row
    assert not [f for f in findings if f["row"] == first], "the complete French row must pass"
    second = {(f["type"], f["criterion"]) for f in findings if f["row"] == first + 1}
    assert {("smart", "S"), ("smart", "M"), ("bad-date", "")} <= second
    assert ("smart", "T") not in second   # 'en continu' is one problem: bad-date says it
    assert all("Indicateur non" in f["message"] for f in findings if f["type"] == "smart")


def test_dates_out_of_cycle_duplicates_and_header_recognition(workshop, tmp_path):
    source = workshop / "groups" / "Justice - Action strategy.xlsx"
    path = tmp_path / "strategy.xlsx"
    shutil.copy(source, path)
    ids = ids_about(path)
    row = {"cso_activity": "Advocacy", "resources": "USD 500", "partners": "Bar association",
           "start": "Jan 2012", "end": "31/12/2013", "risks": "Delays", "mitigation": "Early briefings"}
    late = dict(row, end="2030")
    torture = rec_id(ids, "criminalizing torture")
    fill_matrix(path, [(torture, row), (torture, row), (torture, late)], kind="action_strategy")
    report = validate_paths([path])
    got = {(f.type, f.cell) for f in report.files[0].findings}
    first = ACTION_STRATEGY.first_data_row
    assert got == {("duplicate-row", f"A{first + 1}"),
                   ("deadline-out-of-cycle", f"{ACTION_STRATEGY.letter('end')}{first + 2}")}
    # The same rows pasted into a fresh workbook with French headers and no metadata.
    plain = tmp_path / "copie sans métadonnées.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    keys = ["recommendation_id", "cso_activity", "resources", "partners", "start", "end", "risks", "mitigation"]
    ws.append([ACTION_STRATEGY.column(k).fr.upper() for k in keys])
    ws.append([torture] + [row[k] for k in keys[1:]])
    ws.append(["77.1"] + [row[k] for k in keys[1:-1]] + [""])
    wb.save(plain)
    report = validate_paths([plain])
    (file,) = report.files
    assert file.kind == "action_strategy"
    assert {(f.type, f.cell) for f in file.findings} == {("missing-field", "H3")}


def test_unusable_input_exits_2_and_still_reports_the_others(filled_plan, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is not a zip file")
    result = runner.invoke(app, ["validate", str(broken), str(filled_plan), "--format", "json"])
    assert result.exit_code == 2
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert "broken.xlsx" in files["broken.xlsx"]["error"]
    assert files[filled_plan.name]["stats"]["findings"] == 6
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope.xlsx")])
    assert missing.exit_code == 2 and "no such file" in missing.output


@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt, suffix", [("xls:MS Excel 97", ".xls"), ("ods", ".ods")])
def test_workbooks_saved_as_xls_or_ods_give_the_same_findings(filled_plan, libreoffice, tmp_path, fmt, suffix):
    converted = libreoffice.convert(filled_plan, fmt, tmp_path / "lo")
    assert converted.suffix == suffix
    original = validate_paths([filled_plan]).files[0]
    report = validate_paths([converted])
    (file,) = report.files
    assert file.error is None and file.kind == "implementation_plan" and file.group == "Justice"
    assert {(f.type, f.cell, f.criterion) for f in file.findings} == \
        {(f.type, f.cell, f.criterion) for f in original.findings}


def test_a_workbook_that_is_no_matrix_is_unusable_input(filled_plan, tmp_path):
    other = tmp_path / "budget.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Item", "Amount"])
    wb.active.append(["Venue", 300])
    wb.save(other)
    result = runner.invoke(app, ["validate", str(other), str(filled_plan), "--format", "json"])
    assert result.exit_code == 2
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert "No implementation plan or action strategy found" in files["budget.xlsx"]["error"]
    assert files[filled_plan.name]["stats"]["rows"] == 5


def test_sheets_already_in_memory_validate_like_the_file(filled_plan):
    """The seam for a live Excel book: values handed over without saving a file."""
    import datetime as dt

    from addin.metadata import metadata_from_openpyxl
    from addin.reader import RawSheet, read_sheets
    from addin.validate import validate_workbook

    wb = openpyxl.load_workbook(filled_plan)
    sheets = [RawSheet(ws.title, [list(r) for r in ws.iter_rows(values_only=True)], ws.sheet_state != "visible")
              for ws in wb.worksheets if ws.title != "_upr_meta"]
    data = read_sheets(sheets, metadata_from_openpyxl(wb), path=filled_plan, format="live",
                       modified=dt.datetime.now())
    live = validate_workbook(data)
    saved = validate_paths([filled_plan]).files[0]
    assert [f.as_dict() for f in live.findings] == [f.as_dict() for f in saved.findings]


def test_fill_keeps_typing_past_the_pre_formatted_rows(workshop, tmp_path):
    """A group with more rows than the template formats loses none of them."""
    from addin.templates import MATRIX_ROWS

    source = workshop / "groups" / "Justice - Implementation plan.xlsx"
    path = tmp_path / source.name
    shutil.copy(source, path)
    torture = rec_id(ids_about(path), "criminalizing torture")
    rows = [(torture, {**TORTURE_LAW, "target": f"Act enacted ({n})"}) for n in range(MATRIX_ROWS + 20)]
    fill_matrix(path, rows, kind="implementation_plan")
    assert len(open_workbook(path).matrix("implementation_plan").rows) == len(rows)


def test_workers_give_the_same_report_as_one_process(workshop, filled_plan, tmp_path):
    # validate --jobs reads and validates files in worker processes: same files, same order, same findings.
    folder = tmp_path / "in"
    shutil.copytree(workshop / "groups", folder)
    shutil.copy(filled_plan, folder / "Justice - Implementation plan.xlsx")
    (folder / "broken.xlsx").write_bytes(b"not a workbook")
    one, two = (validate_paths([folder], jobs=jobs) for jobs in (1, 2))
    assert len(two.files) >= 10 and any(f.error for f in two.files)
    assert sum(len(f.findings) for f in two.files) > 5
    assert json.dumps(one.as_dict(), default=str) == json.dumps(two.as_dict(), default=str)
    result = CliRunner().invoke(app, ["validate", str(folder), "--jobs", "2", "--format", "json"])
    assert json.loads(result.stdout)["files"] == json.loads(json.dumps(one.as_dict(), default=str))["files"]
