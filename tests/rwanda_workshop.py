"""Rwanda's 2011 workshop as the Excel and server tests need it: the list, the six groups'
workbooks, and Justice's implementation plan filled by a participant and recalculated by
LibreOffice, so that its formulas show results as a client's payload would."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from addin.groupbooks import make_group_workbooks
from addin.reader import open_workbook
from addin.recommendations import import_recommendations, write_list_workbook
from addin.schema import IMPLEMENTATION_PLAN

from conftest import shared_file
from example_rows import EXECUTIONS, PRETRIAL, TORTURE_LAW, VAGUE


def fill_plan(path: Path, rows: list[tuple[str, dict]]) -> None:
    """Type (ID, values) rows into the first data rows of an implementation plan."""
    wb = openpyxl.load_workbook(path)
    ws = wb[IMPLEMENTATION_PLAN.en]
    for r, (rec_id, values) in enumerate(rows, start=IMPLEMENTATION_PLAN.first_data_row):
        ws.cell(r, IMPLEMENTATION_PLAN.index("recommendation_id")).value = rec_id
        for key, value in values.items():
            ws.cell(r, IMPLEMENTATION_PLAN.index(key)).value = value
    wb.save(path)


def rwanda_workshop(root: Path, libreoffice) -> dict:
    """root/groups holds the workbooks; "plan" is Justice's filled plan as Excel would show it.

    Justice types four rows: a complete one, one without its goal, one with an unreadable
    deadline and one citing an ID (99.99) that is not in the list.
    """
    recs = import_recommendations(shared_file("upr-info", "upr-info-export-sessions01-15.csv"),
                                  state="Rwanda", session=10).recommendations
    list_path = write_list_workbook(recs, root / "Rwanda list.xlsx")
    groups = root / "groups"
    make_group_workbooks(list_path, groups)
    justice = groups / "Justice - Implementation plan.xlsx"
    ids = [str(r["id"]) for r in open_workbook(justice).recommendations]
    fill_plan(justice, [(ids[0], TORTURE_LAW), (ids[1], EXECUTIONS), (ids[2], PRETRIAL), ("99.99", VAGUE)])
    recalculated = libreoffice.convert(justice, "xlsx:Calc MS Excel 2007 XML", root / "recalculated")
    return {"root": root, "list": list_path, "groups": groups, "justice": justice, "plan": recalculated,
            "ids": ids, "recs": recs}
