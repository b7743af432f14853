"""`upr merge` end to end on real files: Rwanda's 2011 list, six groups filled the way
participants fill them, the master read back with openpyxl and opened by LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from addin import lock, templates
from addin.cli import app
from addin.errors import OutputError
from addin.groups import DEFAULT_GROUPS
from addin.master import SOURCE_FILE, SOURCE_MODIFIED, SOURCE_ROW, SOURCE_SHEET, STATUS, natural_key, sheet_names
from addin.merge import merge_workbooks
from addin.metadata import WorkbookMeta
from addin.reader import open_workbook
from addin.schema import ACTION_STRATEGY, IMPLEMENTATION_PLAN, STATUSES, matrix
from addin.templates import build_workbook, choice_label, recommendation_id_of

from conftest import shared_file

GROUP = {g.key: g for g in DEFAULT_GROUPS}
PLAN, STRATEGY = IMPLEMENTATION_PLAN.kind, ACTION_STRATEGY.kind
FORMULA_LIKE = ["=SUM(A1)", "+255 700", "-reduce detention", "@ministry"]


# --- filling workbooks the way participants do ---------------------------------------------

def _put(cell, value):
    cell.value = value
    if isinstance(value, str) and value[:1] in "=+-@":
        cell.data_type = "s"  # typed text that Excel would show as text after an apostrophe


def fill_rows(path: Path, kind: str, rows: list[tuple[str, dict]], *, label_ids: bool = True) -> dict[int, tuple]:
    """Type rows into the first empty data rows; returns {sheet row: (id cell value, values)}."""
    data = open_workbook(path)
    texts = {str(r["id"]): str(r.get("text") or "") for r in data.recommendations}
    sheet = matrix(kind)
    wb = openpyxl.load_workbook(path)
    ws = wb[data.matrix(kind).sheet]
    typed = {}
    for r, (rec_id, values) in enumerate(rows, start=sheet.first_data_row):
        id_value = choice_label(rec_id, texts[rec_id]) if label_ids and rec_id in texts else rec_id
        _put(ws.cell(r, sheet.index("recommendation_id")), id_value)
        for key, value in values.items():
            _put(ws.cell(r, sheet.index(key)), value)
        typed[r] = (id_value, values)
    wb.save(path)
    return typed


def move_column_to_end(path: Path, kind: str, key: str, new_header: str) -> None:
    """Rename a header and move its column after the last one, by rewriting values."""
    sheet = matrix(kind)
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet.title("en")]
    moved = sheet.index(key)
    width = ws.max_column
    for r in range(1, ws.max_row + 1):
        cells = [(ws.cell(r, c).value, ws.cell(r, c).data_type) for c in range(1, width + 1)]
        value, data_type = cells.pop(moved - 1)
        cells.append((new_header, "s") if r == sheet.header_row else (value, data_type))
        for c, (v, data_type) in enumerate(cells, start=1):
            cell = ws.cell(r, c)
            cell.value = v  # formulas stay formulas, typed text stays text
            if v is not None:
                cell.data_type = data_type
    wb.save(path)


def add_column(path: Path, kind: str, header: str, values: dict[int, object]) -> None:
    sheet = matrix(kind)
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet.title("en")]
    column = len(sheet.columns) + 1
    ws.cell(sheet.header_row, column).value = header
    for r, value in values.items():
        _put(ws.cell(r, column), value)
    wb.save(path)


# --- reading the master back -------------------------------------------------------------------

def master_rows(path: Path, sheet_title: str) -> list[dict[str, object]]:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet_title]
    rows = list(ws.iter_rows(values_only=True))
    wb.close()
    headers = rows[0]
    return [dict(zip(headers, r)) for r in rows[1:]]


def master_cells(path: Path, sheet_title: str) -> tuple[list[str], list[list]]:
    """Header row and the cells themselves (for data types)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet_title]
    rows = [list(r) for r in ws.iter_rows()]
    return [c.value for c in rows[0]], rows[1:]


def find_row(rows, source_file: str, source_row: int, lang: str = "en"):
    matches = [r for r in rows if r[SOURCE_FILE.label(lang)] == source_file and r[SOURCE_ROW.label(lang)] == source_row]
    assert len(matches) == 1, f"{source_file} row {source_row}: {len(matches)} rows in the master"
    return matches[0]


def same(a, b) -> bool:
    if isinstance(a, (dt.date, dt.datetime)) and isinstance(b, (dt.date, dt.datetime)):
        return a == b if type(a) is type(b) else _as_datetime(a) == _as_datetime(b)
    return a == b


def _as_datetime(value):
    return value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)


# --- the Rwanda workshop ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def workshop(tmp_path_factory, libreoffice):
    """Rwanda 2011 (session 10): list, six groups' workbooks, filled and merged once."""
    from addin.groupbooks import make_group_workbooks
    from addin.recommendations import import_recommendations, write_list_workbook

    root = tmp_path_factory.mktemp("rwanda")
    imported = import_recommendations(shared_file("upr-info", "upr-info-export-sessions01-15.csv"),
                                      state="Rwanda", session=10)
    recs = imported.recommendations
    list_path = write_list_workbook(recs, root / "Rwanda list.xlsx")
    groups_dir = root / "groups"
    books, total = make_group_workbooks(list_path, groups_dir)
    assert total == len(recs) == 125
    book = {(b.group, b.kind): b.path for b in books}
    shared = next(r.id for r in recs if "women" in r.groups and "justice" in r.groups)
    used = {shared}
    mine = {}
    for g in GROUP:  # three recommendations per group that no other group gets here
        mine[g] = [r.id for r in recs if g in r.groups and r.id not in used][:3]
        used.update(mine[g])
    typed: dict[tuple[str, int], tuple] = {}   # (file name, row) -> (id cell, values)

    # Women and gender: plan with the recommendation shared with Justice, a real date, a stray note;
    # the file is renamed.
    women_ids = mine["women"]
    path = book[(GROUP["women"].en, PLAN)]
    rows = fill_rows(path, PLAN, [
        (shared, {"goal": "Survivors of gender-based violence get justice",
                  "government_action": "Ministry of Justice sets up specialised chambers",
                  "indicator": "Number of specialised GBV chambers operating", "baseline": "0 (2011)",
                  "target": 4, "deadline": dt.datetime(2014, 12, 31), "responsible_body": "Ministry of Justice"}),
        (women_ids[0], {"goal": "Women hold 40% of local council seats",
                        "indicator": "Share of local council seats held by women", "deadline": "Dec 2014"}),
    ])
    wb = openpyxl.load_workbook(path)
    wb[IMPLEMENTATION_PLAN.title("en")]["E1"] = "Agreed at the Kigali workshop, 12 May"
    wb.save(path)
    renamed = path.with_name("women plan FINAL v3.xlsx")
    path.rename(renamed)
    typed.update({(renamed.name, r): v for r, v in rows.items()})
    strategy = book[(GROUP["women"].en, STRATEGY)]
    rows = fill_rows(strategy, STRATEGY, [
        (women_ids[1], {"priority": "High", "cso_activity": "Train women candidates", "resources": "USD 5,000",
                        "partners": "UN Women", "start": "Jan 2012", "end": "Dec 2013",
                        "risks": "Low turnout", "mitigation": "Radio campaign"})])
    typed.update({(strategy.name, r): v for r, v in rows.items()})
    wb = openpyxl.load_workbook(strategy)
    ws = wb["Group worksheet"]
    ws["B4"] = "Aline Uwase"
    ws["B9"] = dt.datetime(2012, 3, 15)
    wb.save(strategy)

    # Justice: the shared recommendation too; its action strategy goes through LibreOffice as .ods.
    path = book[(GROUP["justice"].en, PLAN)]
    rows = fill_rows(path, PLAN, [
        (shared, {"goal": "GBV cases are tried within a year", "indicator": "Median time to judgment in GBV cases",
                  "baseline": "30 months (2011)", "target": "12 months", "deadline": "2015",
                  "responsible_body": "Judiciary"}),
        (mine["justice"][0], {"goal": "Pre-trial detention falls", "government_action": "Review all files",
                              "indicator": "Percentage of prisoners in pre-trial detention", "baseline": "55%",
                              "target": "35%", "deadline": "2015", "responsible_body": "Judiciary"}),
    ], label_ids=False)
    typed.update({(path.name, r): v for r, v in rows.items()})
    strategy = book[(GROUP["justice"].en, STRATEGY)]
    rows = fill_rows(strategy, STRATEGY, [
        (mine["justice"][1], {"cso_activity": "Court monitoring", "resources": "Volunteers",
                              "partners": "Bar association", "start": "2012", "end": "2014",
                              "risks": "Access refused", "mitigation": "MoU with the judiciary",
                              "lead_organisation": "LDGL"})])
    ods = libreoffice.convert(strategy, "ods", strategy.parent)
    strategy.unlink()
    typed.update({(ods.name, r): v for r, v in rows.items()})

    # Civil and political rights: "Indicator" renamed and moved to the end.
    path = book[(GROUP["cpr"].en, PLAN)]
    rows = fill_rows(path, PLAN, [
        (mine["cpr"][0], {"goal": "Journalists work freely", "indicator": "Number of journalists detained",
                          "baseline": "6 (2010)", "target": 0, "deadline": "2016",
                          "responsible_body": "Media High Council"}),
        (mine["cpr"][1], {"goal": "NGO law amended", "indicator": "Amended NGO law published",
                          "deadline": "2013", "notes": "ask RCSP"}),
    ])
    move_column_to_end(path, PLAN, "indicator", "Indicators (SMART)")
    renamed = path.with_name("CPR_matrix_v2.xlsx")
    path.rename(renamed)
    typed.update({(renamed.name, r): v for r, v in rows.items()})

    # Economic, social and cultural rights: an extra column.
    path = book[(GROUP["escr"].en, PLAN)]
    rows = fill_rows(path, PLAN, [
        (mine["escr"][0], {"goal": "Universal health insurance", "indicator": "Share of people insured",
                           "baseline": "85%", "target": "95%", "deadline": "2015",
                           "responsible_body": "Ministry of Health"})])
    add_column(path, PLAN, "Budget line", {r: "MINISANTE 2.3.1" for r in rows})
    typed.update({(path.name, r): v for r, v in rows.items()})

    # Rights of the child: text that looks like formulas.
    path = book[(GROUP["children"].en, PLAN)]
    rows = fill_rows(path, PLAN, [
        (mine["children"][0], {"goal": FORMULA_LIKE[0], "government_action": FORMULA_LIKE[1],
                               "indicator": FORMULA_LIKE[2], "responsible_body": FORMULA_LIKE[3],
                               "deadline": "2014"}),
        (mine["children"][1], {"goal": "Birth registration for all", "indicator": "Children registered",
                               "deadline": "2015"}),
        (mine["children"][2], {"goal": "Corporal punishment banned", "indicator": "Law adopted",
                               "deadline": "2013"}),
    ])
    typed.update({(path.name, r): v for r, v in rows.items()})
    # Other vulnerable groups: left empty.

    master = root / "master.xlsx"
    result = CliRunner().invoke(app, ["merge", str(groups_dir), "-o", str(master),
                                      "--recommendations", str(list_path)])
    assert result.exit_code == 0, result.output
    untouched = {r.id for r in recs} - {recommendation_id_of(v[0]) for v in typed.values()}
    return dict(root=root, groups=groups_dir, master=master, list=list_path, recs=recs, typed=typed,
                shared=shared, untouched=untouched, output=result.output)


@pytest.fixture(scope="module")
def master_ods(workshop, libreoffice, tmp_path_factory):
    return libreoffice.convert(workshop["master"], "ods", tmp_path_factory.mktemp("ods"))


def test_every_typed_value_is_in_the_master_with_its_provenance(workshop):
    master, typed = workshop["master"], workshop["typed"]
    names = sheet_names("en")
    plan = master_rows(master, names[PLAN])
    strategy = master_rows(master, names[STRATEGY])
    for (file_name, source_row), (id_value, values) in typed.items():
        kind = STRATEGY if "strategy" in file_name.lower() else PLAN
        row = find_row(strategy if kind == STRATEGY else plan, file_name, source_row)
        sheet = matrix(kind)
        assert row[sheet.column("recommendation_id").label("en")] == recommendation_id_of(id_value)
        assert row[SOURCE_SHEET.label("en")] == sheet.title("en")
        assert row[SOURCE_MODIFIED.label("en")] is not None
        for key, value in values.items():
            got = row[sheet.column(key).label("en")]
            assert same(got, value), (file_name, source_row, key, got, value)
    assert len(plan) == sum(1 for f, _ in typed if "strategy" not in f.lower())
    # Groups, including a renamed file (metadata) and the .ods (hidden metadata sheet survived).
    groups = {r["Source file"]: r["Group"] for r in plan + strategy}
    assert groups["women plan FINAL v3.xlsx"] == GROUP["women"].en
    assert groups["Justice - Action strategy.ods"] == GROUP["justice"].en
    assert groups["CPR_matrix_v2.xlsx"] == GROUP["cpr"].en
    # Renamed and moved header: the values still land in the Indicator column.
    cpr = [r for r in plan if r["Source file"] == "CPR_matrix_v2.xlsx"]
    assert {r["Indicator"] for r in cpr} == {"Number of journalists detained", "Amended NGO law published"}
    # Extra column kept under its own header; autofilled text comes from the list.
    escr = next(r for r in plan if r["Group"] == GROUP["escr"].en)
    assert escr["Budget line"] == "MINISANTE 2.3.1"
    assert escr["Recommendation text"]
    # Rows sorted by recommendation ID, then group.
    order = [(r["Recommendation ID"], r["Group"]) for r in plan]
    assert order == sorted(order, key=lambda x: (natural_key(x[0]), x[1].casefold()))
    # Stray note tied to its source.
    notes = master_rows(master, names["stray"])
    assert [(n["Source file"], n["Cell"], n["Value"]) for n in notes] == \
        [("women plan FINAL v3.xlsx", "E1", "Agreed at the Kigali workshop, 12 May")]


def test_formula_like_text_stays_text(workshop, master_ods):
    names = sheet_names("en")
    headers, cells = master_cells(workshop["master"], names[PLAN])
    found = {c.value: c.data_type for row in cells for c in row if c.value in FORMULA_LIKE}
    assert set(found) == set(FORMULA_LIKE)
    assert set(found.values()) == {"s"}
    # LibreOffice reads them as text too: calamine gives back the strings, not computed values.
    from python_calamine import CalamineWorkbook

    values = {v for row in CalamineWorkbook.from_path(str(master_ods)).get_sheet_by_name(names[PLAN]).to_python()
              for v in row}
    assert set(FORMULA_LIKE) <= values
    # Dates stay dates, text that looks like a date stays text.
    plan = master_rows(workshop["master"], names[PLAN])
    deadlines = {r["Deadline"] for r in plan}
    assert dt.datetime(2014, 12, 31) in deadlines and "Dec 2014" in deadlines


def test_coverage_lists_untouched_and_cross_cutting(workshop):
    names = sheet_names("en")
    coverage = master_rows(workshop["master"], names["coverage"])
    ids = [r["ID"] for r in coverage]
    assert set(ids) == {r.id for r in workshop["recs"]}
    not_addressed = {r["ID"] for r in coverage if r["Coverage"] == "Not addressed"}
    assert not_addressed == workshop["untouched"]
    shared = next(r for r in coverage if r["ID"] == workshop["shared"])
    assert shared["Coverage"] == "Cross-cutting"
    assert shared["Number of groups"] == 2
    assert shared[GROUP["women"].en].startswith("Plan: Survivors")
    assert shared[GROUP["justice"].en].startswith("Plan: GBV cases")
    cross = [r["ID"] for r in coverage if r["Coverage"] == "Cross-cutting"]
    assert cross == [workshop["shared"]]
    assert "Not addressed by any group" in workshop["output"]
    assert workshop["shared"] in workshop["output"]


def test_groups_sources_findings_and_summary(workshop):
    names = sheet_names("en")
    master = workshop["master"]
    groups = {r["Group"]: r for r in master_rows(master, names["groups"])}
    assert set(groups) == {g.en for g in DEFAULT_GROUPS}
    women = groups[GROUP["women"].en]
    assert women["Coordinator"] == "Aline Uwase"
    assert women["Next meeting"] == dt.datetime(2012, 3, 15)
    assert women["Implementation plan rows"] == 2 and women["Action strategy rows"] == 1
    assert 0 < women["Completeness, implementation plan"] < 1
    assert groups[GROUP["vulnerable"].en]["Implementation plan rows"] == 0
    assert groups[GROUP["children"].en]["SMART score, mean (0-5)"] is not None
    sources = master_rows(master, names["sources"])
    status = {r["File"]: (r["Status"], r["Reason"]) for r in sources}
    assert status["Unassigned recommendations.xlsx"][0] == "skipped"
    assert sum(s == "merged" for s, _ in status.values()) == 12
    findings_headers, findings = master_cells(master, names["findings"])
    assert findings
    link_column = findings_headers.index("Cell in this master")
    linked = [row[link_column] for row in findings if row[link_column].hyperlink is not None]
    assert linked and all(c.hyperlink.location for c in linked)
    # A finding on the children's plan points at that row in the master.
    child = next(row for row in findings if row[4].value == "Rights of the child - Implementation plan.xlsx"
                 and row[6].value)
    sheet_ref, cell_ref = child[link_column].hyperlink.location.rsplit("!", 1)
    wb = openpyxl.load_workbook(master)
    ws = wb[sheet_ref.strip("'")]
    headers = [c.value for c in ws[1]]
    master_row = int("".join(ch for ch in cell_ref if ch.isdigit()))
    assert ws.cell(master_row, headers.index("Source file") + 1).value == child[4].value
    # Status dropdown of schema.STATUSES; metadata for re-merge.
    plan_ws = wb[names[PLAN]]
    validations = [dv for dv in plan_ws.data_validations.dataValidation if dv.type == "list"]
    assert any(all(s in dv.formula1 for s in STATUSES) for dv in validations)
    assert open_workbook(master).kind == "master"


def test_remerge_keeps_status_moves_removed_rows_and_backs_up(workshop, libreoffice, tmp_path):
    groups = tmp_path / "groups"
    shutil.copytree(workshop["groups"], groups)
    master = tmp_path / "master.xlsx"
    shutil.copy2(workshop["master"], master)
    names = sheet_names("en")
    child_file = "Rights of the child - Implementation plan.xlsx"
    # The coordinator sets a status on each of the children's rows.
    wb = openpyxl.load_workbook(master)
    ws = wb[names[PLAN]]
    headers = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(headers)}
    statuses = ["In progress", "Implemented", "Not started"]
    child_rows = {}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col["Source file"]).value == child_file:
            source_row = ws.cell(r, col["Source row"]).value
            ws.cell(r, col[STATUS.label("en")]).value = statuses[source_row - 4]
            ws.cell(r, col["Coordinator notes"]).value = f"note {source_row}"
            ws.cell(r, col["Follow-up date"]).value = dt.datetime(2013, 1, source_row)
            child_rows[source_row] = ws.cell(r, col["Goal"]).value
    # ... and adds a column of their own.
    ws.cell(1, ws.max_column + 1).value = "Budget approved"
    own_col = ws.max_column
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col["Source file"]).value == "CPR_matrix_v2.xlsx":
            ws.cell(r, own_col).value = f"USD {r}00"
    wb.save(master)
    # The coordinator saves it again in their spreadsheet application.
    shutil.copy2(libreoffice.convert(master, "xlsx", tmp_path / "saved"), master)
    assert len(child_rows) == 3
    # The group deletes its second row (sheet row 5) and edits the third (now row 5).
    path = groups / child_file
    wb = openpyxl.load_workbook(path)
    ws = wb[IMPLEMENTATION_PLAN.title("en")]
    ws.delete_rows(5)
    ws.cell(5, IMPLEMENTATION_PLAN.index("goal")).value = "Corporal punishment banned in all settings"
    wb.save(path)
    result = merge_workbooks([groups], master, recommendations=workshop["list"])
    assert result.newly_removed == 1
    plan = [r for r in master_rows(master, names[PLAN]) if r["Source file"] == child_file]
    by_goal = {r["Goal"]: r for r in plan}
    assert by_goal[FORMULA_LIKE[0]]["Status"] == "In progress"
    assert by_goal[FORMULA_LIKE[0]]["Coordinator notes"] == "note 4"
    edited = by_goal["Corporal punishment banned in all settings"]
    assert edited["Status"] == "Not started" and edited["Follow-up date"] == dt.datetime(2013, 1, 6)
    removed = master_rows(master, names["removed"])
    assert len(removed) == 1
    assert removed[0]["Goal"] == child_rows[5] and removed[0]["Status"] == "Implemented"
    assert removed[0]["Removed on"] is not None
    backups = list(tmp_path.glob("master.*.bak.xlsx"))
    assert len(backups) == 1
    everything = master_rows(master, names[PLAN])
    assert {r["Budget approved"] for r in everything if r["Source file"] == "CPR_matrix_v2.xlsx"} <= \
        {f"USD {r}00" for r in range(2, 20)}
    assert sum(r["Budget approved"] is not None for r in everything) == 2
    # Statuses of the other groups' rows survive too, and the removed row stays removed.
    result = merge_workbooks([groups], master, recommendations=workshop["list"])
    assert result.newly_removed == 0
    removed_again = master_rows(master, names["removed"])
    assert [r["Goal"] for r in removed_again] == [child_rows[5]]
    assert removed_again[0]["Removed on"] == removed[0]["Removed on"]
    assert len(list(tmp_path.glob("master.*.bak.xlsx"))) == 2


def test_rows_without_row_key_are_matched_by_content(workshop, tmp_path):
    """A group pasted its rows into a sheet that lost the hidden row keys, then reordered them."""
    path = tmp_path / "children.xlsx"
    shutil.copy2(workshop["groups"] / "Rights of the child - Implementation plan.xlsx", path)
    sheet = IMPLEMENTATION_PLAN
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet.title("en")]
    for r in range(sheet.first_data_row, ws.max_row + 1):
        ws.cell(r, sheet.index("row_key")).value = None
    wb.save(path)
    master = tmp_path / "master.xlsx"
    merge_workbooks([path], master)
    names = sheet_names("en")
    wb = openpyxl.load_workbook(master)
    ws = wb[names[PLAN]]
    col = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col["Status"]).value = "In progress"
        ws.cell(r, col["Coordinator notes"]).value = ws.cell(r, col["Goal"]).value
    wb.save(master)
    # Swap the last two rows and edit the goal of the first one.
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet.title("en")]
    first = sheet.first_data_row
    for c in range(1, len(sheet.columns) + 1):
        a, b = ws.cell(first + 1, c), ws.cell(first + 2, c)
        a.value, b.value = b.value, a.value
        a.data_type, b.data_type = b.data_type, a.data_type
    old_goal = ws.cell(first, sheet.index("goal")).value
    ws.cell(first, sheet.index("goal")).value = "Edited goal"
    wb.save(path)
    result = merge_workbooks([path], master)
    assert result.newly_removed == 0 and result.kept_coordinator == 3
    notes = {r["Goal"]: r["Coordinator notes"] for r in master_rows(master, names[PLAN])}
    assert notes["Edited goal"] == old_goal
    assert all(goal == note for goal, note in notes.items() if goal != "Edited goal")


def test_groups_absent_from_a_merge_keep_their_rows(workshop, tmp_path):
    master = tmp_path / "master.xlsx"
    shutil.copy2(workshop["master"], master)
    names = sheet_names("en")
    before = master_rows(master, names[PLAN])
    only = workshop["groups"] / "Justice - Implementation plan.xlsx"
    result = merge_workbooks([only], master)
    assert result.newly_removed == 0 and [Path(s.path).name for s in result.merged] == [only.name]
    after = master_rows(master, names[PLAN])
    assert sorted((r["Source file"], r["Source row"], r["Goal"]) for r in after) == \
        sorted((r["Source file"], r["Source row"], r["Goal"]) for r in before)
    kept = {Path(s.path).name for s in result.sources if s.status == "kept"}
    assert "CPR_matrix_v2.xlsx" in kept and only.name not in kept
    # Nothing merged at all: the master is left as it was.
    same_bytes = master.read_bytes()
    result = merge_workbooks([tmp_path / "nothing-here"], master)
    assert not result.written and result.skipped and master.read_bytes() == same_bytes


def test_master_opens_in_libreoffice_with_charts(workshop, master_ods, libreoffice, tmp_path):
    with zipfile.ZipFile(workshop["master"]) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) >= 5
    with zipfile.ZipFile(master_ods) as z:
        objects = {n.split("/")[0] for n in z.namelist() if n.startswith("Object ")}
    assert len(objects) >= 5
    pdf = libreoffice.convert(workshop["master"], "pdf", tmp_path)
    assert pdf.stat().st_size > 10_000


# --- nothing is lost: random fills ---------------------------------------------------------------

TEMPLATE_ROWS = 25


@pytest.fixture(scope="module")
def small_template(tmp_path_factory):
    """One group workbook with a short list, built once; each example fills a copy."""
    from addin.recommendations import recommendation_rows
    from addin.recommendations import Recommendation

    recs = [Recommendation(id=f"77.{i}", text=f"Recommendation number {i} on detention", recommending_states=["X"],
                           response="Accepted", issues=["Detention"], action_category=5, groups=["justice"],
                           state="Rwanda", session=10, cycle=1, source="test") for i in (1, 2, 10, 11)]
    wb = build_workbook(PLAN, recommendation_rows=recommendation_rows(recs), group=GROUP["justice"],
                        meta=WorkbookMeta(kind=PLAN, plan_start="2012", plan_end="2016"),
                        rows=templates.Rows(matrix=TEMPLATE_ROWS, list=10))
    path = tmp_path_factory.mktemp("template") / "Justice - Implementation plan.xlsx"
    wb.save(path)
    return path, {r.id: r.text for r in recs}


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=25) \
    .filter(lambda s: s.strip())
values = st.one_of(
    texts,
    st.tuples(st.sampled_from("=+-@"), texts).map("".join),
    st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32).filter(lambda f: abs(f) < 1e9),
    st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)).map(lambda d: dt.datetime(d.year, d.month, d.day)),
)
INPUT_KEYS = [c.key for c in IMPLEMENTATION_PLAN.inputs if c.key != "recommendation_id"]


@st.composite
def fills(draw):
    rows = draw(st.lists(st.integers(0, TEMPLATE_ROWS - 1), min_size=1, max_size=6, unique=True))
    cells = {}
    for r in rows:
        keys = draw(st.lists(st.sampled_from(INPUT_KEYS), min_size=0, max_size=4, unique=True))
        cells[r] = {k: draw(values) for k in keys}
        cells[r]["recommendation_id"] = draw(st.one_of(
            st.sampled_from(["77.1", "77.2", "77.10", "77.11"]).map(lambda i: ("label", i)),
            st.sampled_from(["77.1", "77.10"]), texts, st.just(None)))
    extras = draw(st.lists(st.sampled_from(["Budget line", "Contact", "Comments 2", "Prix €"]),
                           max_size=2, unique=True))
    extra_cells = {(h, r): draw(values) for h in extras for r in rows if draw(st.booleans())}
    stray = draw(st.lists(st.tuples(st.sampled_from(["C1", "F1", "H2", "K2"]), values), max_size=2,
                          unique_by=lambda t: t[0]))
    return cells, extras, extra_cells, stray


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(fill=fills())
def test_nothing_is_lost(small_template, fill):
    template, rec_texts = small_template
    cells, extras, extra_cells, stray = fill
    sheet = IMPLEMENTATION_PLAN
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = tmp / template.name
        wb = openpyxl.load_workbook(template)
        ws = wb[sheet.title("en")]
        expected = []          # (source row, header or key, value)
        for r, row in cells.items():
            sheet_row = sheet.first_data_row + r
            for key, value in row.items():
                if value is None:
                    continue
                if isinstance(value, tuple):
                    value = choice_label(value[1], rec_texts[value[1]])
                _put(ws.cell(sheet_row, sheet.index(key)), value)
                expected.append((sheet_row, key, value))
        for i, header in enumerate(extras, start=len(sheet.columns) + 1):
            ws.cell(sheet.header_row, i).value = header
            for (h, r), value in extra_cells.items():
                if h == header:
                    _put(ws.cell(sheet.first_data_row + r, i), value)
                    expected.append((sheet.first_data_row + r, ("extra", header), value))
        for coordinate, value in stray:
            _put(ws[coordinate], value)
        wb.save(path)
        master = tmp / "master.xlsx"
        result = merge_workbooks([path], master)
        assert len(result.merged) == 1 and not result.warnings
        names = sheet_names("en")
        rows = master_rows(master, names[PLAN])
        for source_row, key, value in expected:
            row = find_row(rows, path.name, source_row)
            if key == "recommendation_id":
                typed = row.get("Recommendation ID (as typed)")
                assert typed == value if typed is not None else \
                    row["Recommendation ID"] == recommendation_id_of(value), (value, row)
            elif isinstance(key, tuple):
                assert same(row[key[1]], value), (key, row[key[1]], value)
            else:
                got = row[sheet.column(key).label("en")]
                assert same(got, value), (key, got, value)
        notes = {(n["Cell"], n["Source file"]): n["Value"] for n in master_rows(master, names["stray"])}
        for coordinate, value in stray:
            assert same(notes[(coordinate, path.name)], value)


def test_a_group_column_named_like_ours_is_kept_apart(small_template, tmp_path):
    """A group tracks its own "Status": the master numbers it, and keeps both across re-merges."""
    template, rec_texts = small_template
    sheet = IMPLEMENTATION_PLAN
    path = tmp_path / template.name
    shutil.copy2(template, path)
    fill_rows(path, PLAN, [("77.10", {"goal": "Goal A"}), ("77.2", {"goal": "Goal B"})])
    add_column(path, PLAN, "Status", {sheet.first_data_row: "group says done"})
    other = tmp_path / "other" / "Women - Implementation plan.xlsx"
    other.parent.mkdir()
    wb = build_workbook(PLAN, group=GROUP["women"])
    wb.save(other)
    fill_rows(other, PLAN, [("X.1", {"goal": "Goal W"})])
    master = tmp_path / "master.xlsx"
    merge_workbooks([path, other], master)
    wb = openpyxl.load_workbook(master)
    ws = wb[sheet_names("en")[PLAN]]
    col = {c.value: c.column for c in ws[1]}
    assert "Status (2)" in col
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col["Status"]).value = "Implemented"
    wb.save(master)
    for inputs in ([path, other], [other]):   # the group merged again, then absent
        merge_workbooks(inputs, master)
        rows = master_rows(master, sheet_names("en")[PLAN])
        assert [h for h in rows[0] if h and h.startswith("Status")] == ["Status", "Status (2)"]
        assert {r["Goal"]: (r["Status"], r["Status (2)"]) for r in rows} == {
            "Goal A": ("Implemented", "group says done"), "Goal B": ("Implemented", None),
            "Goal W": ("Implemented", None)}


# --- write safely ----------------------------------------------------------------------------

@pytest.fixture
def one_group(workshop, tmp_path):
    source = workshop["groups"] / "Economic, social and cultural rights - Implementation plan.xlsx"
    shutil.copy2(source, tmp_path / source.name)
    master = tmp_path / "master.xlsx"
    merge_workbooks([tmp_path / source.name], master)
    return tmp_path / source.name, master


def test_a_held_lock_stops_a_second_merge(one_group):
    source, master = one_group
    before = master.read_bytes()
    held = lock.acquire(master)
    try:
        with pytest.raises(OutputError, match="another merge into this master is running"):
            merge_workbooks([source], master)
    finally:
        lock.release(held)
    assert master.read_bytes() == before
    assert not list(master.parent.glob("*.bak.xlsx"))
    # A lock left by a dead process on this host is stale: the merge goes ahead.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    lock.lock_path(master).write_text(f'{{"pid": {dead}, "host": "{socket.gethostname()}", "time": "x"}}')
    merge_workbooks([source], master)
    assert not lock.lock_path(master).exists()


@pytest.mark.parametrize("owner, words", [("~$master.xlsx", "open in Excel"),
                                          (".~lock.master.xlsx#", "open in LibreOffice")])
def test_an_open_master_gets_a_clear_message(one_group, owner, words):
    source, master = one_group
    before = master.read_bytes()
    (master.parent / owner).write_text("someone")
    with pytest.raises(OutputError, match=words):
        merge_workbooks([source], master)
    assert master.read_bytes() == before
    assert not lock.lock_path(master).exists()
    result = CliRunner().invoke(app, ["merge", str(source), "-o", str(master)])
    assert result.exit_code == 2 and words in result.output.replace("\n", " ")


def test_skipped_sources_do_not_stop_the_others(workshop, tmp_path):
    shutil.copy2(workshop["groups"] / "Justice - Implementation plan.xlsx", tmp_path)
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    (tmp_path / "notes.ods").write_bytes(b"")
    shutil.copy2(workshop["list"], tmp_path / "list.xlsx")
    shutil.copy2(workshop["master"], tmp_path / "old master.xlsx")
    master = tmp_path / "out" / "master.xlsx"
    result = merge_workbooks([tmp_path, tmp_path / "missing.xlsx"], master)
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert set(reasons) == {"broken.xlsx", "notes.ods", "list.xlsx", "old master.xlsx", "missing.xlsx"}
    assert "master" in reasons["old master.xlsx"] and "list" in reasons["list.xlsx"]
    assert [Path(s.path).name for s in result.merged] == ["Justice - Implementation plan.xlsx"]
    # Merging again into the same folder skips the output itself.
    result = merge_workbooks([tmp_path], tmp_path / "old master.xlsx")
    assert "output master itself" in {Path(s.path).name: s.reason for s in result.skipped}["old master.xlsx"]
    # -o naming a group's workbook by mistake does not overwrite it.
    group_book = tmp_path / "Justice - Implementation plan.xlsx"
    before = group_book.read_bytes()
    with pytest.raises(OutputError, match="not a UPR Matrix master"):
        merge_workbooks([tmp_path], group_book)
    assert group_book.read_bytes() == before


def test_french_master(workshop, tmp_path):
    master = tmp_path / "maitre.xlsx"
    result = merge_workbooks([workshop["groups"]], master, lang="fr", recommendations=workshop["list"])
    names = sheet_names("fr")
    wb = openpyxl.load_workbook(master)
    assert names[PLAN] in wb.sheetnames and "Couverture" in wb.sheetnames
    headers = [c.value for c in wb[names[PLAN]][1]]
    assert "Statut" in headers and "Notes de la coordination" in headers
    assert any(all(s in dv.formula1 for s in STATUSES.values())
               for dv in wb[names[PLAN]].data_validations.dataValidation)
    assert len(result.not_addressed) == len(workshop["untouched"])


def test_workers_give_the_same_master_and_sources_as_one_process(workshop, tmp_path):
    # Files are read and validated in worker processes (merge --jobs); the order they come back in,
    # duplicates, unreadable files and lists must not change a thing.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from compare_master import compare

    folder = tmp_path / "in"
    shutil.copytree(workshop["groups"], folder)
    shutil.copy2(folder / "Justice - Implementation plan.xlsx", folder / "zz copy of justice.xlsx")
    (folder / "broken.xlsx").write_bytes(b"not a workbook")
    shutil.copy2(workshop["list"], folder / "list.xlsx")
    now = dt.datetime(2026, 11, 30, 12, 0)
    results = {jobs: merge_workbooks([folder], tmp_path / f"master{jobs}.xlsx", jobs=jobs, now=now) for jobs in (1, 2)}

    def sources(result):
        return [(Path(s.path).name, s.status, s.kind, s.group, s.rows, s.findings, s.reason) for s in result.sources]
    assert sources(results[1]) == sources(results[2])
    assert {Path(s.path).name for s in results[2].skipped} >= {"zz copy of justice.xlsx", "broken.xlsx", "list.xlsx"}
    assert len(results[2].merged) == len(results[1].merged) > 5
    assert results[1].warnings == results[2].warnings
    assert compare(tmp_path / "master1.xlsx", tmp_path / "master2.xlsx") == []
