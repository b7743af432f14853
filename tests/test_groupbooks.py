"""`upr groups make` on the real Rwanda 2011 list and on a long synthetic one, checked in LibreOffice."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.utils import range_boundaries
from typer.testing import CliRunner

from addin.cli import app
from addin.groups import DEFAULT_GROUPS
from addin.reader import open_workbook
from addin.recommendations import Recommendation, read_list_workbook, recommendation_rows, write_list_workbook
from addin.schema import ACTION_STRATEGY, GROUP_WORKSHEET, IMPLEMENTATION_PLAN, MATRICES, RECOMMENDATIONS, ListSource
from addin.templates import LIST_ROWS, MATRIX_ROWS, ROWS_PER_RECOMMENDATION, build_workbook, choice_label

from conftest import shared_file

runner = CliRunner()


@pytest.fixture(scope="module")
def rwanda_groups(tmp_path_factory):
    source = shared_file("upr-info", "upr-info-export-sessions01-15.csv")
    root = tmp_path_factory.mktemp("rwanda")
    listed = runner.invoke(app, ["recommendations", "import", str(source), "--state", "Rwanda",
                                 "--session", "10", "-o", str(root / "recommendations.xlsx")])
    assert listed.exit_code == 0, listed.output
    made = runner.invoke(app, ["groups", "make", str(root / "recommendations.xlsx"), "-o", str(root / "groups")])
    assert made.exit_code == 0, made.output
    return root, made.output


def test_six_groups_each_with_both_matrices(rwanda_groups):
    root, output = rwanda_groups
    recommendations = read_list_workbook(root / "recommendations.xlsx")
    assert len(recommendations) == 125
    for group in DEFAULT_GROUPS:
        for title in ("Implementation plan", "Action strategy"):
            path = root / "groups" / f"{group.en} - {title}.xlsx"
            assert path.exists(), path
            data = open_workbook(path)
            expected = sorted(r.id for r in recommendations if group.key in r.groups)
            assert sorted(data.recommendation_ids) == expected
            assert data.group == group.en
        assert f"{group.en}" in output
    unassigned = [r for r in recommendations if not r.groups]
    if unassigned:
        listed = read_list_workbook(root / "groups" / "Unassigned recommendations.xlsx")
        assert [r.id for r in listed] == [r.id for r in unassigned]
    cross_cutting = [r for r in recommendations if len(r.groups) > 1]
    assert cross_cutting, "Rwanda's list has recommendations that span groups"
    ids_by_group = {g.key: open_workbook(root / "groups" / f"{g.en} - Implementation plan.xlsx").recommendation_ids
                    for g in DEFAULT_GROUPS}
    for rec in cross_cutting:
        assert {key for key, ids in ids_by_group.items() if rec.id in ids} == set(rec.groups)
    assert "Total: 125 recommendations" in output


@pytest.mark.libreoffice
@pytest.mark.parametrize("group", DEFAULT_GROUPS, ids=lambda g: g.key)
def test_dropdown_lists_exactly_the_group_and_choosing_fills_the_text(rwanda_groups, libreoffice, tmp_path, group):
    root, _ = rwanda_groups
    path = root / "groups" / f"{group.en} - Implementation plan.xlsx"
    records = open_workbook(path).recommendations
    assert records, f"{group.en} has no recommendations"
    wb = openpyxl.load_workbook(path)
    ws = wb["Implementation plan"]
    first = IMPLEMENTATION_PLAN.first_data_row
    chosen = records[len(records) // 2]
    ws[f"A{first}"] = choice_label(str(chosen["id"]), str(chosen["text"]))
    ws[f"A{first + 1}"] = str(records[0]["id"])
    # What the dropdown offers, as LibreOffice resolves the named range.
    probe = wb.create_sheet("probe")
    probe["A1"] = f"=ROWS({ListSource.RECOMMENDATIONS.value})"
    for i in range(1, len(records) + 3):
        probe[f"B{i}"] = f'=IFERROR(INDEX({ListSource.RECOMMENDATIONS.value},{i}),"")'
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    computed = openpyxl.load_workbook(libreoffice.convert(filled, "xlsx", tmp_path / "lo"), data_only=True)
    offered = [computed["probe"][f"B{i}"].value for i in range(1, len(records) + 3)]
    assert computed["probe"]["A1"].value == len(records)
    assert [v.split(" – ")[0] for v in offered if v] == [str(r["id"]) for r in records]
    plan = computed["Implementation plan"]
    text_col = IMPLEMENTATION_PLAN.letter("recommendation")
    response_col = IMPLEMENTATION_PLAN.letter("response")
    assert plan[f"{text_col}{first}"].value == chosen["text"]
    assert plan[f"{response_col}{first}"].value == chosen["response"]
    assert plan[f"{text_col}{first + 1}"].value == records[0]["text"]


# --- a long list: the pre-formatted area grows with the group's list ---------------------------

LONG = 200  # recommendations in the Justice group


@pytest.fixture(scope="module")
def long_groups(tmp_path_factory):
    root = tmp_path_factory.mktemp("long")
    recs = [Recommendation(id=f"90.{i}", text=f"Recommendation {i}: reform pre-trial detention in district {i}",
                           recommending_states=[f"State {i}"], response="Accepted", issues=["Detention"],
                           action_category=4, groups=["justice"], state="Examplia", session=10, cycle=1,
                           source="test") for i in range(1, LONG + 1)]
    recs.append(Recommendation(id="91.1", text="Adopt a gender equality law", recommending_states=["X"],
                               response="Accepted", issues=["Women's rights"], action_category=4,
                               groups=["women"], state="Examplia", session=10, cycle=1, source="test"))
    write_list_workbook(recs, root / "recommendations.xlsx")
    made = runner.invoke(app, ["groups", "make", str(root / "recommendations.xlsx"), "-o", str(root / "groups")])
    assert made.exit_code == 0, made.output
    return root / "groups", recs[:LONG]


def _last_row(ranges) -> int:
    return max(range_boundaries(r)[3] for r in str(ranges).split())


def test_long_list_is_pre_formatted_for_several_rows_per_recommendation(long_groups):
    groups, recs = long_groups
    needed = ROWS_PER_RECOMMENDATION * LONG
    assert needed > MATRIX_ROWS  # otherwise this test proves nothing
    for sheet in MATRICES:
        wb = openpyxl.load_workbook(groups / f"Justice - {sheet.en}.xlsx")
        ws = wb[sheet.en]
        end = sheet.first_data_row + needed - 1  # last row the group may need
        id_col = sheet.letter("recommendation_id")
        dropdown = [dv for dv in ws.data_validations.dataValidation
                    if dv.formula1 == f"={ListSource.RECOMMENDATIONS.value}"]
        assert len(dropdown) == 1 and _last_row(dropdown[0].sqref) >= end
        assert str(dropdown[0].sqref).startswith(f"{id_col}{sheet.first_data_row}:")
        for col in sheet.columns:
            cell = ws[f"{sheet.letter(col.key)}{end}"]
            if col.autofilled:  # lookup formula, grey and locked
                assert cell.value.startswith("=IF(") and f"${id_col}{end}" in cell.value, cell.value
                assert cell.protection.locked and cell.fill.fgColor.rgb.endswith("E7E6E6")
            elif not col.hidden:
                assert not cell.protection.locked, cell.coordinate
        highlighted = {str(cf.sqref).split(":")[0]: _last_row(cf.sqref) for cf in ws.conditional_formatting}
        for col in sheet.required:
            assert highlighted[f"{sheet.letter(col.key)}{sheet.first_data_row}"] >= end, col.key
        assert _last_row(next(iter(ws.tables.values())).ref) >= end   # the matrix's Excel table
    # The group worksheet sees every row of the action strategy and every recommendation.
    sheet = openpyxl.load_workbook(groups / "Justice - Action strategy.xlsx")[GROUP_WORKSHEET.en]
    count_row = GROUP_WORKSHEET.row_of(GROUP_WORKSHEET.fields[-1].key) + 3
    table = range(count_row + 2, sheet.max_row + 1)
    assert len(table) >= LONG
    status = sheet[f"C{table[-1]}"].value
    strategy_ids = status.split("COUNTIF(")[1].split(",")[0]
    assert _last_row(strategy_ids.split("!")[1].replace("$", "")) >= ACTION_STRATEGY.first_data_row + needed - 1
    # A short list keeps the template's layout.
    women = openpyxl.load_workbook(groups / "Women and gender - Implementation plan.xlsx")["Implementation plan"]
    first = IMPLEMENTATION_PLAN.first_data_row
    assert women.max_row == first + MATRIX_ROWS - 1
    assert open_workbook(groups / "Justice - Implementation plan.xlsx").recommendation_ids == {r.id for r in recs}


def test_list_longer_than_the_template_keeps_room_for_additions(tmp_path):
    """Past the template's LIST_ROWS, the dropdown labels and the "not addressed" table grow too."""
    n = LIST_ROWS + 50
    rows = recommendation_rows([Recommendation(id=f"90.{i}", text=f"Recommendation {i}", recommending_states=["X"],
                                               response="Accepted", issues=[], action_category=None,
                                               groups=["justice"], state="Examplia", session=10, cycle=1,
                                               source="test") for i in range(1, n + 1)])
    path = tmp_path / "strategy.xlsx"
    build_workbook("action_strategy", recommendation_rows=rows, group=DEFAULT_GROUPS[1]).save(path)
    wb = openpyxl.load_workbook(path)
    rec_sheet = wb[RECOMMENDATIONS.en]
    choice = len(RECOMMENDATIONS.columns) + 1
    # The label formula waits under the list for recommendations a facilitator adds.
    room = range(2, n + 1 + 50)
    assert all(str(rec_sheet.cell(r, choice).value).startswith("=IF(") for r in room)
    sheet = wb[GROUP_WORKSHEET.en]
    first = GROUP_WORKSHEET.row_of(GROUP_WORKSHEET.fields[-1].key) + 5
    # Row k of the table shows recommendation k, added ones included.
    assert sheet.cell(first, 1).value.endswith("!$A$2)")
    assert sheet.cell(first + n + 48, 1).value.endswith(f"!$A${n + 50})")
    # The dropdown's named range still grows with the ID column, whatever the list's length.
    assert "Recommendations'!$A:$A)" in wb.defined_names[ListSource.RECOMMENDATIONS.value].attr_text


@pytest.mark.libreoffice
def test_row_near_the_end_of_a_long_group_fills_itself(long_groups, libreoffice, tmp_path):
    groups, recs = long_groups
    end = ROWS_PER_RECOMMENDATION * LONG  # offset of the last row the group may need
    plan = openpyxl.load_workbook(groups / "Justice - Implementation plan.xlsx")
    p_row = IMPLEMENTATION_PLAN.first_data_row + end - 1
    plan["Implementation plan"][f"A{p_row}"] = choice_label(recs[-1].id, recs[-1].text)
    plan["Implementation plan"][f"A{p_row - 1}"] = recs[9].id  # "90.10", typed
    plan.save(tmp_path / "plan.xlsx")
    strategy = openpyxl.load_workbook(groups / "Justice - Action strategy.xlsx")
    s_row = ACTION_STRATEGY.first_data_row + end - 1
    strategy["Action strategy"][f"A{s_row}"] = choice_label(recs[-2].id, recs[-2].text)
    strategy.save(tmp_path / "strategy.xlsx")

    computed = openpyxl.load_workbook(libreoffice.convert(tmp_path / "plan.xlsx", "xlsx", tmp_path / "lo"),
                                      data_only=True)["Implementation plan"]
    text, states = IMPLEMENTATION_PLAN.letter("recommendation"), IMPLEMENTATION_PLAN.letter("recommending_states")
    assert computed[f"{text}{p_row}"].value == recs[-1].text
    assert computed[f"{states}{p_row}"].value == f"State {LONG}"
    assert computed[f"{text}{p_row - 1}"].value == recs[9].text
    assert computed[f"{text}{p_row + 1}"].value in (None, "")

    computed = openpyxl.load_workbook(libreoffice.convert(tmp_path / "strategy.xlsx", "xlsx", tmp_path / "lo"),
                                      data_only=True)
    assert computed["Action strategy"][f"{ACTION_STRATEGY.letter('recommendation')}{s_row}"].value == recs[-2].text
    sheet = computed[GROUP_WORKSHEET.en]
    status = {row[0].value: row[2].value for row in sheet.iter_rows(min_col=1, max_col=3) if row[0].value}
    assert status[recs[-2].id] == "Addressed"
    assert status[recs[0].id] == "Not addressed"
    count_row = GROUP_WORKSHEET.row_of(GROUP_WORKSHEET.fields[-1].key) + 3
    assert sheet[f"B{count_row}"].value == LONG - 1
