"""`upr groups make` on the real Rwanda 2011 list, checked in LibreOffice."""

from __future__ import annotations

import openpyxl
import pytest
from typer.testing import CliRunner

from addin.cli import app
from addin.groups import DEFAULT_GROUPS
from addin.reader import open_workbook
from addin.recommendations import read_list_workbook
from addin.schema import IMPLEMENTATION_PLAN, ListSource
from addin.templates import choice_label

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
