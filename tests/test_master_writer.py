"""The master written by xlsxwriter in constant memory is the master the openpyxl writer wrote:
one merge result, written by both (the old writer is kept in tests/reference_master.py), compared
cell by cell by scripts/compare_master.py, and read back by a re-merge."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl

from addin.demo import run_demo
from addin.files import save_workbook
from addin.master import read_master, sheet_names
from addin.merge import merge_workbooks

import reference_master

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from compare_master import compare  # noqa: E402

NOW = dt.datetime(2026, 11, 30, 12, 0)


def test_the_master_is_the_openpyxl_writers_cell_for_cell_and_reads_back(tmp_path):
    outputs = run_demo(tmp_path / "demo", lang="fr")
    master = tmp_path / "master.xlsx"
    merge_workbooks([outputs["groups"]], master, lang="fr", recommendations=outputs["recommendations"], now=NOW)

    # The coordinator's edits a re-merge keeps: statuses, notes over two lines, text that looks like a
    # formula, a formula and a number in a column of their own.
    wb = openpyxl.load_workbook(master)
    ws = wb[sheet_names("fr")["implementation_plan"]]
    headers = [c.value for c in ws[1]]
    status, notes = headers.index("Statut") + 1, headers.index("Notes de la coordination") + 1
    for r in range(2, 6):
        ws.cell(r, status).value = "En cours"
        ws.cell(r, notes).value = f"+33 appeler {r}" if r == 2 else f"note {r}\nà suivre"
    own = ws.max_column + 1
    ws.cell(1, own).value = "Budget"
    ws.cell(2, own).value = "=1+2"
    ws.cell(3, own).value = 1500
    wb.save(master)
    typed = _coordinator_columns(master)

    again = merge_workbooks([outputs["groups"]], master, lang="fr", recommendations=outputs["recommendations"],
                            now=NOW)
    assert again.kept_coordinator == 4
    reference = save_workbook(reference_master.write_master(again), tmp_path / "reference.xlsx")
    assert compare(reference, master) == []
    # A re-merge reads back from the new master what the coordinator typed.
    assert _coordinator_columns(master) == typed
    assert sorted(map(str, (v for _, own_values in typed.values() for v in own_values.values()))) == ["1500", "=1+2"]


def _coordinator_columns(master: Path) -> dict[tuple, tuple]:
    """The coordinator's columns of each row that has any, by the row's source."""
    old = read_master(master)
    return {(r.source_file, r.source_sheet, r.source_row): (r.coordinator, r.own)
            for rows in old.rows.values() for r in rows if r.coordinator or r.own}
