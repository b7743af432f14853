"""Totals and coverage a coordinator can trust: over the whole list, whichever workbooks are merged,
and never inflated by an ID the list does not have."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from typer.testing import CliRunner

from addin.cli import app
from addin.demo import fill_matrix
from addin.master import sheet_names
from addin.merge import merge_workbooks
from addin.reader import open_workbook

from example_rows import TORTURE_LAW, make_example_workshop

runner = CliRunner()
UNASSIGNED = "Unassigned recommendations.xlsx"


@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    root = make_example_workshop(tmp_path_factory.mktemp("coverage"))
    groups = root / "groups"
    justice = groups / "Justice - Implementation plan.xlsx"
    known = str(open_workbook(justice).recommendations[0]["id"])
    fill_matrix(justice, [(known, TORTURE_LAW), ("99.9", TORTURE_LAW)], kind="implementation_plan")
    return root


def test_each_group_workbook_carries_the_whole_list(workshop):
    whole = [str(r["id"]) for r in open_workbook(workshop / "recommendations.xlsx").recommendations]
    for path in (workshop / "groups").glob("* - *.xlsx"):
        data = open_workbook(path)
        assert [str(r["id"]) for r in data.full_list] == whole, path.name
        assert len(data.recommendations) < len(whole)
        assert not data.stray, path.name            # the hidden sheet is the tool's own, not typed text


def test_merging_the_groups_alone_covers_the_whole_list_and_counts_unknown_ids_apart(workshop, tmp_path):
    whole = [str(r["id"]) for r in open_workbook(workshop / "recommendations.xlsx").recommendations]
    unassigned = [str(r["id"]) for r in open_workbook(workshop / "groups" / UNASSIGNED).recommendations]
    assert unassigned
    groups = tmp_path / "groups"
    shutil.copytree(workshop / "groups", groups)
    (groups / UNASSIGNED).unlink()

    result = merge_workbooks([groups], tmp_path / "master.xlsx")
    assert [c.id for c in result.coverage] == whole
    assert [c.id for c in result.unlisted] == ["99.9"] and len(result.unlisted[0].rows) == 1
    assert "Justice" in result.unlisted[0].rows[0]
    assert sorted(result.in_no_workbook) == sorted(unassigned)
    assert set(unassigned) <= set(result.not_addressed)
    headline = dict(result.headline)
    assert headline["Recommendations"] == len(whole)
    assert headline["Rows citing an ID not in the list (counted apart)"] == 1
    by_response = next(t for t in result.summary if t.key == "by_response")
    assert sum(row[1] for row in by_response.rows) == len(whole)
    assert "(none)" not in [row[0] for row in by_response.rows]

    master = openpyxl.load_workbook(tmp_path / "master.xlsx", read_only=True)
    coverage = list(master[sheet_names("en")["coverage"]].iter_rows(values_only=True))
    assert [row[0] for row in coverage[1:]] == whole + ["99.9"]
    assert coverage[-1][7] == "Not in the list (counted apart)"
    assert "Addressed" not in coverage[-1]

    run = runner.invoke(app, ["merge", str(groups), "-o", str(tmp_path / "again.xlsx")])
    assert run.exit_code == 0, run.output
    assert f"Recommendations: {len(whole)}," in run.output
    assert f"{len(unassigned)} recommendations of the list are in no merged workbook" in run.output
    assert "Rows citing an ID not in the list, counted apart (1, see Coverage): 99.9 (Justice" in run.output


def test_with_the_unassigned_workbook_every_recommendation_is_in_a_merged_workbook(workshop, tmp_path):
    result = merge_workbooks([workshop / "groups"], tmp_path / "master.xlsx")
    assert result.in_no_workbook == []
    assert len(result.coverage) == len(open_workbook(workshop / "recommendations.xlsx").recommendations)
