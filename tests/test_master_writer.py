"""The master written by xlsxwriter in constant memory is the master the openpyxl writer wrote:
one merge result, written by both (the old writer is kept in tests/reference_master.py), compared
cell by cell by scripts/compare_master.py, and read back by a re-merge."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pytest

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


def test_the_fast_row_writer_writes_the_bytes_xlsxwriter_writes(tmp_path, monkeypatch):
    """Each finished row is serialised by addin.master.xlsx.fast_rows; every kind of cell the master
    holds (text to escape, spaces to keep, control characters, numbers, dates, formulas, links,
    blanks, cells without a format, a row with a height and a comment) gives xlsxwriter's own bytes."""
    import zipfile

    from addin.master import xlsx

    def write(path: Path) -> bytes:
        book = xlsx.Book(path)
        sheet = book.sheet("Data", {1: 30, 2: 12})
        sheet.worksheet.write_comment(0, 0, "note")
        rows = [
            [(1, "A & B <c> > d \"q\"", xlsx.WRAP_TOP), (2, 12, xlsx.TOP), (3, 0.1 + 0.2, xlsx.TOP)],
            [(1, " leading", xlsx.TOP), (2, "trailing\n", xlsx.TOP), (3, "bell\x07 and _x0007_", xlsx.TOP),
             (4, "not a character: \uffff", xlsx.TOP)],
            [(1, "=not a formula", xlsx.TOP), (2, "", xlsx.TOP), (3, None, xlsx.TOP), (5, True, xlsx.TOP)],
            [(1, dt.date(2026, 1, 2), xlsx.TOP), (2, dt.datetime(2026, 1, 2, 3, 4), None), (3, -7.5, None)],
            [(1, "plain", None), (2, "link", xlsx.TOP), (4, "<r>not rich</r>", xlsx.TOP), (3, 1e20, xlsx.TOP)],
            [(1, "x" * 300, xlsx.WRAP_TOP), (2, "déjà vu – «\u00a0ok\u00a0»", xlsx.WRAP_TOP)],
        ]
        for r, cells in enumerate(rows, start=1):
            sheet.row(r, cells, links={2: "'Data'!A1"} if r == 5 else None)
        sheet.worksheet.write_formula(6, 0, "=SUM(B1:B3)", None, 12)
        book.close()
        with zipfile.ZipFile(path) as archive:
            return archive.read("xl/worksheets/sheet1.xml")

    fast = write(tmp_path / "fast.xlsx")
    monkeypatch.setattr(xlsx, "fast_rows", lambda worksheet: None)
    assert write(tmp_path / "xlsxwriter.xlsx") == fast
    assert b't="inlineStr"' in fast and b"A &amp; B &lt;c&gt; &gt; d" in fast and b'xml:space="preserve"' in fast


def test_a_true_or_false_typed_in_a_cell_is_merged_as_it_is(tmp_path):
    """Excel stores TRUE typed in a cell as a boolean; writing it once crashed the whole merge."""
    outputs = run_demo(tmp_path / "demo", lang="en")
    book_path = next(p for p in sorted(outputs["groups"].glob("* - Implementation plan.xlsx"))
                     if openpyxl.load_workbook(p).worksheets[0]["A4"].value)
    book = openpyxl.load_workbook(book_path)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[3]]
    sheet.cell(4, headers.index("Baseline") + 1).value = True
    sheet.cell(4, headers.index("Target") + 1).value = False
    book.save(book_path)
    master = tmp_path / "master.xlsx"
    assert merge_workbooks([outputs["groups"]], master, recommendations=outputs["recommendations"], now=NOW).written
    plan = openpyxl.load_workbook(master)[sheet_names("en")["implementation_plan"]]
    columns = [c.value for c in plan[1]]
    typed = [(row[columns.index("Baseline")], row[columns.index("Target")])
             for row in plan.iter_rows(min_row=2, values_only=True) if row[columns.index("Baseline")] is True]
    assert typed == [(True, False)]


def test_a_findings_sheet_written_by_a_second_process_gives_the_same_master(tmp_path, monkeypatch):
    """merge --jobs: a large Findings sheet is written by another Python process while this one writes
    the rest (addin/master/findings_process.py). The master is the same, byte for byte, and so is it
    when that process cannot do its part; its scratch files do not outlive the merge."""
    import tempfile
    import zipfile

    from addin.master import findings_process, writing

    outputs = run_demo(tmp_path / "demo", lang="fr")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr(writing, "PARALLEL_FINDINGS_MIN", 1)   # the demo has a few dozen findings
    monkeypatch.setattr("addin.limits.MAX_SHEET_HYPERLINKS", 5)   # and a note on the header: links left out
    packed = []
    pack_into = findings_process.FindingsElsewhere.pack_into
    monkeypatch.setattr(findings_process.FindingsElsewhere, "pack_into",
                        lambda self, worksheet: packed.append(worksheet.name) or pack_into(self, worksheet))

    def merged(name: str, jobs: int) -> dict[str, bytes]:
        master = tmp_path / name
        merge_workbooks([outputs["groups"]], master, lang="fr", recommendations=outputs["recommendations"],
                        now=NOW, jobs=jobs)
        with zipfile.ZipFile(master) as archive:   # the file's creation time aside
            return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}

    tails = []
    write_tail = findings_process.FindingsElsewhere.write_tail
    monkeypatch.setattr(findings_process.FindingsElsewhere, "write_tail",
                        lambda self: write_tail(self) and (tails.append(self.tail) or True))

    alone = merged("one.xlsx", 1)
    assert packed == [] and any(name.startswith("xl/comments") for name in alone)
    assert merged("two.xlsx", 2) == alone and packed == [sheet_names("fr")["findings"]] and tails == [None]
    # The second process writes the first rows only (those that link among them), this one the rest:
    # their rows are spliced into one sheet, the same bytes again.
    monkeypatch.setattr(findings_process, "MIN_TAIL_ROWS", 1)
    monkeypatch.setattr(findings_process, "FINDINGS_CELL_WEIGHT", 1000)   # the demo's other sheets are small
    assert merged("split.xlsx", 2) == alone and len(packed) == 2 and tails[-1] is not None
    monkeypatch.setattr(findings_process.FindingsElsewhere, "finish", lambda self: False)
    assert merged("fallback.xlsx", 2) == alone and len(packed) == 2
    assert list(scratch.iterdir()) == []


def test_the_findings_rows_are_spliced_whatever_the_chunks():
    """The second process's rows, then this one's, in one sheet with the extent of both; the streams are
    read in chunks, and a marker may fall across two of them."""
    import io

    from addin.master.findings_process import _splice_rows

    head = ('<?xml version="1.0"?><worksheet><dimension ref="A1:L3"/><sheetViews/><sheetData>'
            '<row r="1"><c r="A1"/></row><row r="2"><c r="L2"/></row><row r="3"><c r="B3"/></row></sheetData>'
            '<autoFilter ref="A1:L5"/><hyperlinks><hyperlink ref="L2"/></hyperlinks></worksheet>')
    tail = ('<?xml version="1.0"?><worksheet><dimension ref="B4:K5"/><sheetViews/><sheetData>'
            '<row r="4"><c r="B4"/></row><row r="5"><c r="K5"/></row></sheetData><autoFilter/></worksheet>')
    expected = ('<?xml version="1.0"?><worksheet><dimension ref="A1:L5"/><sheetViews/><sheetData>'
                '<row r="1"><c r="A1"/></row><row r="2"><c r="L2"/></row><row r="3"><c r="B3"/></row>'
                '<row r="4"><c r="B4"/></row><row r="5"><c r="K5"/></row></sheetData>'
                '<autoFilter ref="A1:L5"/><hyperlinks><hyperlink ref="L2"/></hyperlinks></worksheet>')
    for size in [*range(1, 40), 1 << 20]:
        out = io.StringIO()
        _splice_rows(io.StringIO(head), io.StringIO(tail), out, size)
        assert out.getvalue() == expected, size
    with pytest.raises(ValueError):   # a sheet without rows is never spliced (the caller checks first)
        _splice_rows(io.StringIO(head), io.StringIO(tail.replace("<sheetData>", "<sheetData/>")), io.StringIO())


def test_the_second_process_writes_the_linked_rows_and_enough_to_finish_with_this_one(monkeypatch):
    from addin.master import findings_process
    from addin.master.findings_process import FindingsTable, scratch_rows
    from addin.master.xlsx import TOP

    monkeypatch.setattr(findings_process, "MIN_TAIL_ROWS", 100)
    monkeypatch.setattr(findings_process, "FINDINGS_CELL_WEIGHT", 1)

    def table(count: int, linked: int) -> FindingsTable:
        return FindingsTable("Findings", ["h"] * 10, [10] * 10, count, {r: ("S", "A1") for r in range(2, linked + 2)},
                             None, TOP)

    assert scratch_rows(table(10_000, 0), other_cells=0) == 5_000   # nothing else to write: half each
    assert scratch_rows(table(10_000, 0), other_cells=50_000) == 7_500   # this process has 50,000 cells first
    assert scratch_rows(table(10_000, 8_000), other_cells=0) == 8_000   # every row that links
    assert scratch_rows(table(10_000, 9_950), other_cells=0) == 10_000   # a tail under 100 rows: no tail
    assert scratch_rows(table(10_000, 0), other_cells=10**9) == 10_000
