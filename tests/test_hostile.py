"""The product against hostile files (tests/hostile.py builds them).

The project standard, checked file by file: bad input gets a clear message that names the file,
sheet and cell where it can, and a non-zero exit; other files in the same run still get processed;
nothing a user typed is lost or silently changed; inputs are never modified; outputs are written
atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import stat
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.escape import unescape
from typer.testing import CliRunner

from addin.cli import app
from addin.master import EXCEL_CELL_LIMIT, SOURCE_FILE, SOURCE_NOTES, SOURCE_ROW, sheet_names
from addin.schema import IMPLEMENTATION_PLAN

from hostile import (CONTROL_TEXT, CSV_RECOMMENDATIONS, FAR_ROW, FIRST, GOOD_ROW, LONG_TEXT_LENGTH, LOST_MESSAGES,
                     SEPARATOR_IDS, UNICODE_TEXT, add_libreoffice_copies, build_corpus, build_lost_corpus)

try:
    import resource   # peak memory, on Unix
except ImportError:   # pragma: no cover
    resource = None

runner = CliRunner()
PLAN_SHEET = sheet_names("en")["implementation_plan"]

# Unusable workbooks: what the message must say, in `validate` and in the master's Sources.
UNUSABLE = {
    "empty": "the file is empty (0 bytes)",
    "truncated": "cut short",
    "csv_named_xlsx": "a text (CSV) file, not a workbook",
    "html_named_xlsx": "an HTML or XML file",
    "encrypted": "encrypted (password-protected)",
    "xml_bomb": "XML bomb",
    "damaged_sheet": "sheet 'Implementation plan': the sheet is damaged",
    "zip_bomb": "zip bomb",
    "no_matrix": "No implementation plan or action strategy found",
}
MERGE_REASON = {**UNUSABLE, "no_matrix": "not recognised as an implementation plan"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    built = build_corpus(tmp_path_factory.mktemp("hostile"))
    hashes = {path: _sha(path) for path in built.files.values()}
    yield built
    # Whatever ran, no input changed.
    assert {path: _sha(path) for path in hashes} == hashes


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args, inputs=()) -> object:
    """Run `upr` as a user does: no crash, no traceback, inputs byte for byte as they were."""
    before = {Path(p): _sha(Path(p)) for p in inputs}
    result = runner.invoke(app, [str(a) for a in args])
    assert not isinstance(result.exception, Exception), (result.output, result.exception)
    assert "Traceback" not in result.output, result.output
    assert {p: _sha(p) for p in before} == before, "an input file was modified"
    return result


def peak_memory_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss if resource else 0


def one_line(text: str) -> str:
    return " ".join(text.split())


def master_rows(path: Path, sheet: str = PLAN_SHEET) -> list[dict]:
    wb = openpyxl.load_workbook(path)
    rows = list(wb[sheet].iter_rows(values_only=True))
    wb.close()
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def no_leftovers(folder: Path) -> list[str]:
    """Temporary files, locks or backups a failed run left behind."""
    return [p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".lock")) or ".bak." in p.name]


# --- unusable workbooks ------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(UNUSABLE))
def test_an_unusable_workbook_is_named_and_the_good_one_still_runs(corpus, name, tmp_path):
    bad, good = corpus[name], corpus["good"]
    rss = peak_memory_kib()
    started = time.monotonic()

    result = run("validate", good, bad, "--format", "json", inputs=[good, bad])
    assert result.exit_code == 2, result.output
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert str(bad) in files[bad.name]["error"] and UNUSABLE[name] in files[bad.name]["error"]
    assert files[good.name]["valid"] and files[good.name]["stats"]["rows"] == 1

    text = run("validate", good, bad, inputs=[good, bad])
    assert text.exit_code == 2
    assert bad.name in text.output and UNUSABLE[name] in one_line(text.output)
    assert f"✓ {good.name}: 1 row, no errors." in text.output

    master = tmp_path / "out" / "master.xlsx"
    merged = run("merge", good, bad, "-o", master, inputs=[good, bad])
    assert merged.exit_code == 2, merged.output          # unreadable input, although the good one merged
    assert f"skipped {bad.name}: " in merged.output and MERGE_REASON[name] in one_line(merged.output)
    assert [r[SOURCE_FILE.label("en")] for r in master_rows(master)] == [good.name]
    sources = {r["File"]: r for r in master_rows(master, sheet_names("en")["sources"])}
    assert sources[bad.name]["Status"] == "skipped" and MERGE_REASON[name] in sources[bad.name]["Reason"]
    assert no_leftovers(master.parent) == []

    alone = tmp_path / "alone" / "master.xlsx"
    nothing = run("merge", bad, "-o", alone, inputs=[bad])
    assert nothing.exit_code == 2 and not alone.exists()
    assert not alone.parent.exists() or list(alone.parent.iterdir()) == []

    # Refused early: a zip bomb or an XML bomb costs neither time nor memory.
    assert time.monotonic() - started < 20
    assert peak_memory_kib() - rss < 400 * 1024


def test_a_damaged_master_is_left_as_it_is(corpus, tmp_path):
    good, master = corpus["good"], tmp_path / "master.xlsx"
    shutil.copy2(corpus["damaged_master"], master)
    result = run("merge", good, "-o", master, inputs=[good, master])
    assert result.exit_code == 2
    assert "master.xlsx: the existing master is damaged and cannot be read" in one_line(result.output)
    assert [p.name for p in tmp_path.iterdir()] == ["master.xlsx"]    # no backup, lock or temporary file


# --- readable, but odd ----------------------------------------------------------------------------

def findings_of(result, path: Path) -> list[dict]:
    (file,) = [f for f in json.loads(result.stdout)["files"] if Path(f["path"]).name == path.name]
    assert file["error"] is None, file["error"]
    return file["findings"]


def cell(key: str, row: int) -> str:
    return f"{IMPLEMENTATION_PLAN.letter(key)}{row}"


def errors_of(findings) -> set[tuple[str, str]]:
    return {(f["type"], f["cell"]) for f in findings if f["severity"] == "error"}


@pytest.mark.parametrize("name, sheet", [("renamed_sheet", "Feuil1"), ("french_headers", "Plan  atelier"),
                                         ("huge_dimension", PLAN_SHEET), ("read_only", PLAN_SHEET),
                                         ("unicode_name", PLAN_SHEET),
                                         ("long_text", PLAN_SHEET), ("unicode", PLAN_SHEET)])
def test_readable_files_validate_clean(corpus, name, sheet):
    path = corpus[name]
    result = run("validate", path, "--format", "json", inputs=[path])
    assert result.exit_code == 0, result.output
    findings = findings_of(result, path)
    assert errors_of(findings) == set()
    assert {f["sheet"] for f in findings} <= {sheet}
    (file,) = json.loads(result.stdout)["files"]
    assert file["kind"] == "implementation_plan" and file["stats"]["rows"] >= 1


def test_error_values_in_input_cells_are_errors_at_their_cells(corpus):
    path = corpus["error_values"]
    result = run("validate", path, "--format", "json", inputs=[path])
    assert result.exit_code == 1, result.output
    findings = findings_of(result, path)
    assert {(f["type"], f["field"]) for f in findings if f["severity"] == "error"} == {
        ("error-value", "target"), ("error-value", "baseline")}
    assert {f["message"] for f in findings if f["type"] == "error-value"} == {
        "Target shows the error #N/A instead of a value.", "Baseline shows the error #REF! instead of a value."}


def test_a_dimension_tag_claiming_the_whole_grid_pads_nothing(corpus):
    from addin.reader import _raw_sheets_openpyxl

    sheets, _ = _raw_sheets_openpyxl(corpus["huge_dimension"])
    matrix = next(s for s in sheets if s.name == PLAN_SHEET)
    assert max(len(r) for r in matrix.rows) == len(IMPLEMENTATION_PLAN.columns)   # not 16,384
    assert len(matrix.rows) < 1000                                                 # not 1,048,576


def test_french_headers_in_another_order_without_metadata(corpus):
    path = corpus["french_headers"]
    findings = findings_of(run("validate", path, "--format", "json", inputs=[path]), path)
    assert {(f["type"], f["cell"]) for f in findings if f["type"] == "stray-cell"} == {("stray-cell", "A1"),
                                                                                       ("stray-cell", "A2")}


def test_merged_cells_count_for_every_row_they_cover(corpus, tmp_path):
    path = tmp_path / corpus["merged_cells"].name
    shutil.copy2(corpus["merged_cells"], path)
    result = run("validate", path, "--format", "json", "--annotate", inputs=[path])
    assert result.exit_code == 1
    findings = findings_of(result, path)
    # The goal merged down F4:F6 counts for rows 5 and 6; across F7:G7 it stays the goal only.
    assert errors_of(findings) == {("missing-field", cell("government_action", FIRST + 3))}
    (missing,) = [f for f in findings if f["type"] == "missing-field"]
    across = f"{cell('goal', FIRST + 3)}:{cell('government_action', FIRST + 3)}"
    assert f"inside the merged cells {across}" in missing["message"]
    assert f"{cell('goal', FIRST + 3)} (Goal)" in missing["message"] and f"Unmerge {across}" in missing["fix"]
    # Merged cells cannot carry a note: the range's first cell says which cell is meant, once.
    checked = openpyxl.load_workbook(path.with_name("merged cells.checked.xlsx"))[PLAN_SHEET]
    note = checked[cell("goal", FIRST + 3)].comment.text
    assert note.startswith(f"• {cell('government_action', FIRST + 3)}: Action expected of Government is required")
    assert checked[cell("goal", FIRST + 1)].comment is None


def test_formulas_without_computed_values(corpus):
    path = corpus["formulas"]
    result = run("validate", path, "--format", "json", inputs=[path])
    assert result.exit_code == 1
    findings = findings_of(result, path)
    assert errors_of(findings) == {("bad-date", cell("deadline", FIRST))}
    (bad_date,) = [f for f in findings if f["type"] == "bad-date"]
    assert "holds the formula =DATE(2015,12,31), but the workbook has no saved result" in bad_date["message"]
    assert "open the workbook in excel or libreoffice and save it" in bad_date["fix"].lower()
    # Formulas in other input cells: their value is unknown, so the facilitator is told.
    unknown = {f["cell"]: f["message"] for f in findings if f["type"] == "formula-without-value"}
    assert set(unknown) == {cell("target", FIRST), cell("notes", FIRST), cell("goal", FIRST + 1)}
    assert f"=UPPER(F{FIRST})" in unknown[cell("notes", FIRST)]


def test_dates_as_text_serials_and_out_of_range(corpus):
    path = corpus["dates"]
    result = run("validate", path, "--format", "json", inputs=[path])
    assert result.exit_code == 1
    findings = findings_of(result, path)
    deadline = IMPLEMENTATION_PLAN.letter("deadline")
    bad = {f["cell"]: f["message"] for f in findings if f["type"] == "bad-date"}
    assert set(bad) == {f"{deadline}{FIRST + i}" for i in (2, 3, 5, 7)}   # 60, -5, 2015-02-30, 3,000,000
    assert "'3000000'" in bad[f"{deadline}{FIRST + 7}"]                  # the number, not "#VALUE!"
    out = {f["cell"] for f in findings if f["type"] == "deadline-out-of-cycle"}
    assert out == {f"{deadline}{FIRST + 6}"}                             # serial 60 shown as a date
    assert "UserWarning" not in result.output


def test_a_cell_a_million_rows_down_is_read_fast(corpus):
    path = corpus["far_row"]
    started = time.monotonic()
    result = run("validate", path, "--format", "json", inputs=[path])
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    findings = findings_of(result, path)
    assert {f["row"] for f in findings if f["severity"] == "error"} == {FAR_ROW}
    assert ("missing-field", f"A{FAR_ROW}") in errors_of(findings)


def test_a_macro_workbook_is_annotated_as_xlsm(corpus, tmp_path):
    path = tmp_path / corpus["macro"].name
    shutil.copy2(corpus["macro"], path)
    result = run("validate", path, "--annotate", inputs=[path])
    assert result.exit_code == 1
    checked = path.with_name("macro plan.checked.xlsm")
    assert checked.exists() and not path.with_name("macro plan.checked.xlsx").exists()
    with zipfile.ZipFile(checked) as archive:
        assert "xl/vbaProject.bin" in archive.namelist()
        assert b"macroEnabled" in archive.read("[Content_Types].xml")


def test_a_read_only_workbook_is_read_and_annotated_beside_it(corpus, tmp_path):
    path = tmp_path / corpus["read_only"].name
    shutil.copy2(corpus["read_only"], path)
    result = run("validate", path, "--annotate", inputs=[path])
    assert result.exit_code == 0, result.output
    assert path.with_name("read only.checked.xlsx").exists()
    assert not path.stat().st_mode & stat.S_IWUSR
    assert no_leftovers(tmp_path) == []


def test_annotating_keeps_a_number_openpyxl_cannot_show_as_a_date(corpus, tmp_path):
    path = tmp_path / corpus["dates"].name
    shutil.copy2(corpus["dates"], path)
    run("validate", path, "--annotate", inputs=[path])
    checked = path.with_name("dates.checked.xlsx")
    with zipfile.ZipFile(checked) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = b"".join(archive.read(n) for n in sheets)
    cell_xml = f'r="{IMPLEMENTATION_PLAN.letter("deadline")}{FIRST + 7}"'.encode()
    assert cell_xml in xml and b"<v>3000000</v>" in xml and b"#VALUE!" not in xml


# --- everything at once: the round trip into the master --------------------------------------------

def _expected(value: object) -> object:
    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
        return value[:EXCEL_CELL_LIMIT]
    return value


def _same(got: object, want: object) -> bool:
    if isinstance(want, str) and isinstance(got, str) and want == CONTROL_TEXT:
        return unescape(got) == want     # Excel's _xHHHH_ escapes, kept as written
    if isinstance(want, dt.datetime):
        return got == want
    return got == _expected(want)


@pytest.fixture(scope="module")
def whole_run(corpus, tmp_path_factory):
    """`upr validate` and `upr merge` over the whole corpus folder at once."""
    inputs = [p for p in corpus.root.iterdir() if p.is_file()]
    validated = run("validate", corpus.root, "--format", "json", inputs=inputs)
    master = tmp_path_factory.mktemp("master") / "master.xlsx"
    merged = run("merge", corpus.root, "-o", master, inputs=inputs)
    return validated, merged, master


def test_a_whole_folder_reports_every_file(corpus, whole_run):
    validated, merged, master = whole_run
    assert validated.exit_code == 2 and merged.exit_code == 2
    files = {Path(f["path"]).name: f for f in json.loads(validated.stdout)["files"]}
    # Excel's owner file beside an open workbook is no input, and is listed as skipped with its reason.
    owner = files["~$read only.xlsx"]
    assert owner["error"] is None and "Excel's owner file" in owner["skipped"]
    for name in UNUSABLE:
        assert UNUSABLE[name] in files[corpus[name].name]["error"]
    readable = [n for n in corpus.typed]
    assert all(files[n]["error"] is None and files[n]["stats"]["rows"] >= 1 for n in readable)
    sources = {r["File"]: r["Status"] for r in master_rows(master, sheet_names("en")["sources"])}
    assert {n for n, s in sources.items() if s == "merged"} >= set(readable)
    assert {corpus[n].name for n in UNUSABLE} <= {n for n, s in sources.items() if s == "skipped"}
    assert no_leftovers(master.parent) == []


def test_everything_typed_reaches_the_master(corpus, whole_run):
    _, merged, master = whole_run
    rows = master_rows(master)
    by_source = {(r[SOURCE_FILE.label("en")], r[SOURCE_ROW.label("en")]): r for r in rows}
    deadline_60 = (corpus["dates"].name, FIRST + 6)
    checked = 0
    for file_name, typed in corpus.typed.items():
        for (row, key), want in typed.items():
            if want is None or (file_name, row) == deadline_60:
                continue
            master_row = by_source[(file_name, row)]
            header = IMPLEMENTATION_PLAN.column(key).label("en") if key in IMPLEMENTATION_PLAN.keys else key
            got = master_row[header]
            assert _same(got, want), (file_name, row, key, got if not isinstance(got, str) else got[:80], want)
            checked += 1
    assert checked > 100
    # openpyxl reads Excel's serial 60 (the phantom 29/02/1900) as 28/02/1900; validation flags the date.
    assert by_source[deadline_60]["Deadline"] == dt.datetime(1900, 2, 28)
    # Formulas stay the text the group typed, never live formulas in the master.
    wb = openpyxl.load_workbook(master)
    ws = wb[PLAN_SHEET]
    formulas = [c for r in ws.iter_rows(min_row=2) for c in r if isinstance(c.value, str) and c.value[:1] == "="]
    assert formulas and all(c.data_type == "s" for c in formulas)


def test_merged_values_and_formulas_say_where_they_came_from(corpus, whole_run):
    _, _, master = whole_run
    notes = SOURCE_NOTES.label("en")
    rows = {(r[SOURCE_FILE.label("en")], r[SOURCE_ROW.label("en")]): r for r in master_rows(master)}
    merged = corpus["merged_cells"].name
    goal = corpus.typed[merged][(FIRST, "goal")]
    for row in (FIRST + 1, FIRST + 2):
        assert rows[(merged, row)]["Goal"] == goal
        assert rows[(merged, row)][notes] == f"Goal: from F{FIRST} (merged cells F{FIRST}:F{FIRST + 2})"
    assert rows[(merged, FIRST)][notes] is None
    assert rows[(merged, FIRST + 3)][notes] == f"Action expected of Government: empty, inside merged cells " \
                                               f"F{FIRST + 3}:G{FIRST + 3}"
    formulas = rows[(corpus["formulas"].name, FIRST)]
    assert formulas["Deadline"] == "=DATE(2015,12,31)"     # no result saved: the formula, as text
    assert "Deadline: formula =DATE(2015,12,31), no saved result" in formulas[notes]


def test_long_text_is_cut_only_with_a_warning(corpus, whole_run):
    _, merged, _ = whole_run
    warning = one_line(merged.output)
    assert (f"long text.xlsx, cell {cell('notes', FIRST)}: {LONG_TEXT_LENGTH:,} characters, more than the "
            f"{EXCEL_CELL_LIMIT:,} an Excel cell holds") in warning


def test_unicode_round_trips_exactly(corpus, whole_run):
    _, _, master = whole_run
    row = next(r for r in master_rows(master) if r[SOURCE_FILE.label("en")] == corpus["unicode"].name
               and r[SOURCE_ROW.label("en")] == FIRST)
    for key, value in UNICODE_TEXT.items():
        assert row[IMPLEMENTATION_PLAN.column(key).label("en")] == value


# --- recommendation lists ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["csv_utf16", "csv_cp1252", "csv_semicolon"])
def test_csv_lists_in_any_encoding_and_separator(corpus, name, tmp_path):
    source, output = corpus[name], tmp_path / "list.xlsx"
    result = run("recommendations", "import", source, "-o", output, inputs=[source])
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(output).active.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [(i, text) for i, text, _ in CSV_RECOMMENDATIONS]


@pytest.mark.parametrize("name, problem", [
    ("csv_unterminated", 'line 4: a quote (") opens a cell and does not close'),
    ("csv_nul", "line 76 holds a NUL byte"),
    ("list_damaged", "sheet 'Recommendations': the sheet is damaged"),
    ("list_xml_bomb", "sheet 'Recommendations': the sheet is damaged"),
    ("zip_bomb", "zip bomb"),
    ("encrypted", "encrypted (password-protected)"),
    ("html_named_xlsx", "an HTML or XML file"),
    ("empty", "the file is empty (0 bytes)"),
])
def test_a_bad_list_is_one_line_and_writes_nothing(corpus, name, problem, tmp_path):
    source, output = corpus[name], tmp_path / "out" / "list.xlsx"
    result = run("recommendations", "import", source, "-o", output, inputs=[source])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and source.name in lines[0] and problem in lines[0], result.output
    assert not output.exists() and (not output.parent.exists() or list(output.parent.iterdir()) == [])


def test_a_bad_recommendations_option_stops_the_merge_before_writing(corpus, tmp_path):
    good, master = corpus["good"], tmp_path / "master.xlsx"
    result = run("merge", good, "-o", master, "--recommendations", corpus["list_damaged"],
                 inputs=[good, corpus["list_damaged"]])
    assert result.exit_code == 2 and "list damaged.xlsx" in result.output
    assert not master.exists() and list(tmp_path.iterdir()) == []


# --- formats LibreOffice writes -------------------------------------------------------------------

@pytest.fixture(scope="module")
def converted(corpus, libreoffice):
    add_libreoffice_copies(corpus, libreoffice)
    return corpus


@pytest.mark.libreoffice
def test_xls_and_ods_copies_validate_and_merge(converted, tmp_path):
    xls, ods, far = converted["xls"], converted["ods"], converted["far_row_ods"]
    result = run("validate", xls, ods, far, "--format", "json", inputs=[xls, ods, far])
    assert result.exit_code == 2
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files[xls.name]["valid"] and files[ods.name]["valid"]
    # calamine would hold every cell down to row 1,000,000 in memory: refused, with the sheet named.
    assert "sheet 'Implementation plan'" in files[far.name]["error"] and "row 1,000,000" in files[far.name]["error"]
    master = tmp_path / "master.xlsx"
    merged = run("merge", xls, ods, "-o", master, inputs=[xls, ods])
    assert merged.exit_code == 0, merged.output
    rows = master_rows(master)
    for source in (xls, ods):
        (row,) = [r for r in rows if r[SOURCE_FILE.label("en")] == source.name]
        for (_, key), want in converted.typed[source.name].items():
            assert row[IMPLEMENTATION_PLAN.column(key).label("en")] == want


# --- nothing lost: the named cases of LOST_MESSAGES --------------------------------------------------

@pytest.fixture(scope="module")
def lost(tmp_path_factory):
    return build_lost_corpus(tmp_path_factory.mktemp("lost"))


def test_every_lost_case_is_built_and_tested(lost):
    assert set(LOST_MESSAGES) <= set(lost.files)


def error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize("name, target", [("groups_encrypted_output", "Justice - Implementation plan.xlsx"),
                                          ("groups_low_header_output", "Justice - Implementation plan.xlsx"),
                                          ("groups_unassigned_edited", "Unassigned recommendations.xlsx")])
def test_groups_make_keeps_what_it_cannot_prove_untouched(lost, name, target, tmp_path):
    folder = tmp_path / name
    shutil.copytree(lost[name], folder)
    kept = folder / target
    before = kept.read_bytes()
    make = ["groups", "make", lost["list for groups"], "-o", folder]
    result = run(*make)
    assert result.exit_code == 2 and LOST_MESSAGES[name] in error_line(result), result.output
    assert kept.read_bytes() == before
    forced = run(*make, "--force")
    assert forced.exit_code == 0, forced.output
    (backup,) = folder.glob(f"{Path(target).stem}.*.bak.xlsx")
    assert backup.read_bytes() == before and backup.name in one_line(forced.output)


def merged_rows_by(master: Path, column: str = "Goal") -> dict:
    return {r[column]: r for r in master_rows(master)}


def test_a_corrected_checked_copy_is_merged_and_the_choice_said(lost, tmp_path):
    master = tmp_path / "master.xlsx"
    result = run("merge", lost["checked_copy_corrected"], "-o", master)
    assert result.exit_code == 0 and LOST_MESSAGES["checked_copy_corrected"] in one_line(result.output)
    assert set(merged_rows_by(master)) == {"Corrected goal"}
    sources = {r["File"]: r for r in master_rows(master, sheet_names("en")["sources"])}
    assert sources["Justice - Implementation plan.xlsx"]["Status"] == "skipped"
    assert "was merged instead of this file" in sources["Justice - Implementation plan.xlsx"]["Reason"]


def test_odd_names_in_a_folder_are_read_or_named(lost, tmp_path):
    master = tmp_path / "master.xlsx"
    result = run("merge", lost["odd_names"], "-o", master)
    assert result.exit_code == 2 and LOST_MESSAGES["xlsb"] in one_line(result.output)
    assert set(merged_rows_by(master)) == {"Goal in trailing_space", "Goal in no_extension"}
    sources = {r["File"]: r for r in master_rows(master, sheet_names("en")["sources"])}
    assert LOST_MESSAGES["backup_copy"] in sources[lost["backup_copy"].name]["Reason"]
    assert sources[lost["trailing_space"].name]["Status"] == sources[lost["no_extension"].name]["Status"] == "merged"


@pytest.mark.parametrize("name", ["extra_sheet", "instructions_text", "comment", "group_worksheet_notes",
                                  "merged_header", "merged_header_no_metadata", "numeric_id", "look_alike_id"])
def test_each_lost_case_gets_its_one_line_finding(lost, name):
    path = lost[name]
    result = run("validate", path, "--format", "json", inputs=[path])
    messages = [f["message"] for f in findings_of(result, path)]
    assert any(LOST_MESSAGES[name] in m for m in messages), messages
    if name == "look_alike_id":   # a Cyrillic letter for a digit is named too
        assert any("character 4 is 'З' (U+0417 CYRILLIC CAPITAL LETTER ZE)" in m for m in messages), messages
    assert all("\n" not in m for m in messages)


def test_hidden_and_extra_sheets_and_comments_reach_the_master(lost, tmp_path):
    master = tmp_path / "master.xlsx"
    assert run("merge", lost["hidden_matrix_sheet"], "-o", master).exit_code == 0
    rows = merged_rows_by(master)
    assert rows["Goal kept on a hidden sheet"]["Source sheet"] == "Earlier version"
    notes = {(n["Source sheet"], n["Cell"], n["Value"], n["Typed as"]) for n in
             master_rows(master, sheet_names("en")["stray"])}
    assert notes >= {("Group notes", "B3", "Ask the ministry for the 2013 figures", "cell value"),
                     ("Instructions", "E5", "We agreed to meet on Friday", "cell value"),
                     ("Implementation plan", "F4", "participant:\nCheck this goal with the judges",
                      "comment on the cell")}


@pytest.mark.parametrize("name", ["merged_header", "merged_header_no_metadata"])
def test_a_merged_header_moves_no_value(lost, name, tmp_path):
    master = tmp_path / "master.xlsx"
    run("merge", lost[name], "-o", master)
    (row,) = master_rows(master)
    assert (row["Goal"], row["Action expected of Government"]) == ("The goal", "The action")


def test_numeric_ids_are_resolved_only_when_the_list_says_which(lost, tmp_path):
    master = tmp_path / "master.xlsx"
    run("merge", lost["numeric_id"], "-o", master)
    rows = {r["Goal"]: r for r in master_rows(master)}
    ambiguous, unique = rows[GOOD_ROW["goal"]], rows["By number"]
    assert ambiguous["Recommendation ID"] == 77.1 and ambiguous["Recommendation text"] is None
    assert unique["Recommendation ID"] == "77.2" and unique["Recommendation text"]
    coverage = {r["ID"]: r["Coverage"] for r in master_rows(master, sheet_names("en")["coverage"])}
    # A guess would count the row for one of them.
    assert coverage["77.1"] == coverage["77.10"] == "Not addressed" and coverage["77.2"] == "Addressed"


def test_ids_containing_the_separator_stay_apart(lost, tmp_path):
    path, master = lost["separator_ids"], tmp_path / "master.xlsx"
    result = run("validate", path, "--format", "json", inputs=[path])
    assert not [f for f in findings_of(result, path) if f["type"] == "unknown-recommendation"]
    run("merge", path, "-o", master)
    assert sorted(r["Recommendation ID"] for r in master_rows(master)) == sorted(SEPARATOR_IDS)


def test_safely_normalised_look_alike_ids_are_the_listed_ones(lost, tmp_path):
    path, master = lost["safe_look_alike_id"], tmp_path / "master.xlsx"
    result = run("validate", path, "--format", "json", inputs=[path])
    assert not [f for f in findings_of(result, path) if f["type"] == "unknown-recommendation"]
    run("merge", path, "-o", master)
    assert sorted(r["Recommendation ID"] for r in master_rows(master)) == ["77.2", "77.3"]


def test_rows_swapped_and_edited_are_a_reported_conflict(lost, tmp_path):
    folder = tmp_path / "groups"
    shutil.copytree(lost["swapped_and_edited"], folder)
    plan, swapped = folder / "Justice - Implementation plan.xlsx", folder / "swapped.xlsx"
    swapped.rename(tmp_path / "swapped.xlsx")
    master = tmp_path / "master.xlsx"
    run("merge", folder, "-o", master)
    wb = openpyxl.load_workbook(master)
    ws = wb[PLAN_SHEET]
    col = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col["Coordinator notes"]).value = f"about {ws.cell(r, col['Indicator']).value}"
    wb.save(master)
    shutil.copy2(tmp_path / "swapped.xlsx", plan)
    result = run("merge", folder, "-o", master)
    assert LOST_MESSAGES["swapped_and_edited"] in one_line(result.output), result.output
    rows = master_rows(master) + master_rows(master, sheet_names("en")["removed"])
    assert all(r["Coordinator notes"] in (None, f"about {r['Indicator']}") for r in rows), rows


@pytest.mark.parametrize("name", ["import_empty_text", "import_number_only"])
def test_an_import_counts_every_row_it_skips(lost, name, tmp_path):
    result = run("recommendations", "import", lost[name], "-o", tmp_path / "list.xlsx", inputs=[lost[name]])
    assert result.exit_code == 0 and LOST_MESSAGES[name] in result.output, result.output


def test_a_utf16_csv_without_bom_is_read(lost, tmp_path):
    source, output = lost["csv_utf16le_no_bom"], tmp_path / "list.xlsx"
    result = run("recommendations", "import", source, "-o", output, inputs=[source])
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(output).active.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [(i, text) for i, text, _ in CSV_RECOMMENDATIONS]


def test_a_header_below_the_search_says_where_it_is(lost, tmp_path):
    result = run("recommendations", "import", lost["list_low_header"], "-o", tmp_path / "list.xlsx")
    assert result.exit_code == 2 and LOST_MESSAGES["list_low_header"] in error_line(result)
    path = lost["matrix_low_header"]
    result = run("validate", path, "--format", "json", inputs=[path])
    (file,) = json.loads(result.stdout)["files"]
    assert result.exit_code == 2 and LOST_MESSAGES["matrix_low_header"] in file["error"]
    merged = run("merge", path, "-o", tmp_path / "master.xlsx")
    assert LOST_MESSAGES["matrix_low_header"] in one_line(merged.output)


def test_a_file_name_with_a_carriage_return_is_kept_exactly(lost, tmp_path):
    from openpyxl.utils.escape import unescape

    master = tmp_path / "master.xlsx"
    assert run("merge", lost["carriage_return_name"], "-o", master).exit_code == 0
    (row,) = master_rows(master)
    assert unescape(row[SOURCE_FILE.label("en")]) == "Justice\rplan.xlsx"
    sources = [unescape(r["File"]) for r in master_rows(master, sheet_names("en")["sources"])]
    assert sources == ["Justice\rplan.xlsx"]


def test_annotating_a_long_name_is_one_line_not_a_traceback(lost, tmp_path):
    folder = tmp_path / "long"
    shutil.copytree(lost["long_name_annotate"], folder)
    result = run("validate", folder, "--annotate")
    assert result.exit_code == 2 and LOST_MESSAGES["long_name_annotate"] in error_line(result)
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


@pytest.mark.libreoffice
def test_comments_and_extra_sheets_survive_as_ods(lost, libreoffice, tmp_path):
    ods = libreoffice.convert(lost["comment"], "ods", tmp_path / "ods")
    master = tmp_path / "master.xlsx"
    assert run("merge", ods, "-o", master, inputs=[ods]).exit_code == 0
    assert merged_rows_by(master)["Goal kept on a hidden sheet"]["Source sheet"] == "Earlier version"
    notes = {(n["Source sheet"], n["Cell"], n["Value"], n["Typed as"]) for n in
             master_rows(master, sheet_names("en")["stray"])}
    assert notes >= {("Group notes", "B3", "Ask the ministry for the 2013 figures", "cell value"),
                     ("Implementation plan", "F4", "participant:\nCheck this goal with the judges",
                      "comment on the cell")}
