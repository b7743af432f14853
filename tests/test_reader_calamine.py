"""The fast .xlsx reader (calamine plus a scan of the sheet XML, addin/reader/xlsx_fast.py) gives exactly
what the openpyxl reader gives: the same raw sheets, hence the same rows, findings and SMART verdicts.
Whatever its scan cannot vouch for goes to openpyxl. scripts/compare_reader.py runs the same comparison
over any folder (the demo, the hostile corpora, the benchmark's coalition files)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment

from addin.errors import InputError
from addin.metadata import LIST_SHEET
from addin.reader import open_workbook
from addin.reader.xlsx import _raw_sheets_openpyxl
from addin.reader.xlsx_fast import Unsure, raw_sheets_fast, raw_sheets_xlsx
from addin.schema import IMPLEMENTATION_PLAN as PLAN
from addin.validate import validate_paths, validate_workbook

from example_rows import EXECUTIONS, PRETRIAL, TORTURE_LAW, make_example_workshop

_spec = importlib.util.spec_from_file_location("compare_reader", Path(__file__).parents[1] / "scripts" / "compare_reader.py")
compare_reader = sys.modules["compare_reader"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_reader)


def sheets_of(read, path: Path):
    """What a reader gives, in a form that compares exactly (rows as tuples, every attribute)."""
    try:
        sheets, meta = read(path)
    except InputError as exc:
        return f"error: {exc}"
    return meta, [(s.name, s.hidden, s.merged, s.comments, [tuple(r) for r in s.rows]) for s in sheets]


# --- one sheet written by hand, as other programs write it --------------------------------------------

DATE_FORMATS = ("dd/mm/yyyy", "yyyy-mm-dd hh:mm:ss", "hh:mm", "[h]:mm:ss", "0.00")


def hand_written(path: Path, cells: str) -> Path:
    """A workbook whose one sheet holds the given <sheetData> rows; styles 1-5 are DATE_FORMATS."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row, code in enumerate(DATE_FORMATS, start=1):
        ws.cell(row, 26, 1).number_format = code   # column Z, overwritten below: only the styles stay
    wb.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    styles = re.findall(r'<c r="Z\d" s="(\d+)"', sheet)
    for number, style in enumerate(styles, start=1):
        cells = cells.replace(f's="@{number}"', f's="{style}"')
    sheet = re.sub(r"<sheetData>.*</sheetData>|<sheetData\s*/>", f"<sheetData>{cells}</sheetData>", sheet, flags=re.S)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


EDGE_ROWS = (
    # Numbers as openpyxl casts their text: 5 an int, 5.0 and 1E3 floats, 17 digits exact; an error.
    '<row r="1"><c r="A1"><v>5</v></c><c r="B1" s="@1"><v>45000</v></c><c r="C1"><v>5.0</v></c>'
    '<c r="D1"><v>1E3</v></c><c r="E1"><v>12345678901234567</v></c><c r="F1" t="e"><v>#N/A</v></c></row>'
    # Dates, times and durations by the cell's style, out of range or before 1900 too.
    '<row r="2"><c r="A2" s="@2"><v>45000.123456789</v></c><c r="B2" s="@3"><v>0.75</v></c>'
    '<c r="C2" s="@4"><v>1.5</v></c><c r="D2" s="@1"><v>-5</v></c><c r="E2" s="@1"><v>99999999</v></c>'
    '<c r="F2" s="@1"><v>60</v></c><c r="G2" s="@5"><v>45000</v></c><c r="H2" s="@1"><v>0</v></c></row>'
    # Formulas: shared (as Excel saves a filled-down column), array, with attributes (LibreOffice), entities.
    '<row r="3"><c r="A3"><f t="shared" ref="A3:A5" si="0">B3*2</f><v>4</v></c>'
    '<c r="B3" t="str"><f aca="false">IF(A1=5,"a&amp;b","&lt;c&gt;")</f><v>a&amp;b</v></c>'
    '<c r="C3"><f t="array" ref="C3">SUM(A1:B1)</f><v>5</v></c><c r="D3" t="str"><f>A1&amp;""</f><v></v></c></row>'
    '<row r="4"><c r="A4"><f t="shared" si="0"/><v>6</v></c></row>'
    '<row r="5"><c r="A5"><f t="shared" si="0"/><v>6</v></c><c r="C5" t="b"><v>1</v></c></row>'
    # Text: rich runs, spaces kept, a no-break space, an empty styled cell that still widens its row.
    '<row r="7"><c r="A7" t="inlineStr"><is><r><t xml:space="preserve">rich </t></r><r><rPr><b/></rPr>'
    '<t>text</t></r></is></c><c r="B7" t="inlineStr"><is><t>\u00a0x\u00a0</t></is></c><c r="E7" s="@5"/></row>'
    '<row r="9"/><row r="10"><c r="C10" s="@5"/></row>'
)


def test_cells_read_by_calamine_are_the_cells_openpyxl_reads(tmp_path):
    path = hand_written(tmp_path / "edge.xlsx", EDGE_ROWS)
    fast = sheets_of(raw_sheets_fast, path)   # no Unsure: this path read it
    assert fast == sheets_of(_raw_sheets_openpyxl, path)
    rows = fast[1][0][4]
    assert rows[0] == (5, dt.datetime(2023, 3, 15), 5.0, 1000.0, 12345678901234567, "#N/A")
    assert rows[2][:4] == ("=B3*2", '=IF(A1=5,"a&b","<c>")', "=SUM(A1:B1)", '=A1&""')
    assert [row[0] for row in rows[2:5]] == ["=B3*2", "=B4*2", "=B5*2"]   # moved down as Excel shows it
    assert rows[1][4] == 99999999 and rows[6] == ("rich text", "\u00a0x\u00a0", None, None, None)
    assert rows[8] == () and rows[9] == (None, None, None)


@pytest.mark.parametrize("rows, why", [
    ('<row r="1"><c r="A1" t="inlineStr"><is><t>ends in a space </t></is></c></row>', "trims"),
    ('<row r="1"><c r="A1" t="inlineStr"><is><t>line_x000D_break</t></is></c></row>', "escape"),
    ('<row r="1"><c r="A1"><f t="dataTable" ref="A1" r1="B1"/><v>1</v></c></row>', "data-table"),
    ('<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row>', "out of order"),
    ('<row r="1"><c r="A2"><v>1</v></c></row>', "outside its row"),
    ('<row r="1"><c s="0" r="A1"><v>1</v></c></row>', "reference first"),
    ('<row r="1"><c r="A1"><v> 5 </v></c><c r="B1"><v>abc</v></c></row>', "not a number"),
    ('<row r="1"><c r="A1" t="inlineStr"><is></is></c></row>', "text markup"),
    ('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="default">x</t></is></c></row>', "text markup"),
    ('<row><c r="A1"><v>1</v></c></row>', "rows without numbers"),
    ('<row r="1"><c><v>1</v></c></row>', "reference first"),
    ('<row r="1"><c r="A1"><v>1</v></c><c r="C1048576"><v>2</v></c></row>', "outside its row"),
    ('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>', "too large"),
])
def test_what_the_scan_cannot_vouch_for_is_read_by_openpyxl(tmp_path, rows, why):
    path = hand_written(tmp_path / "odd.xlsx", rows)
    with pytest.raises(Unsure, match=why):
        raw_sheets_fast(path)
    assert sheets_of(lambda p: raw_sheets_xlsx(p, ".xlsx"), path) == sheets_of(_raw_sheets_openpyxl, path)


def test_an_xml_bomb_is_refused_as_before(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>')
    path = hand_written(tmp_path / "bomb.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>')
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = bomb.encode() + parts["xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(Unsure):
        raw_sheets_fast(path)
    with pytest.raises(InputError, match="XML bomb"):
        raw_sheets_xlsx(path, ".xlsx")


# --- a filled group workbook, as openpyxl and LibreOffice save it --------------------------------------

@pytest.fixture(scope="module")
def filled_plan(tmp_path_factory) -> Path:
    """Justice's plan with typed rows, a merged deadline, a formula and an error typed in input cells,
    a note and an extra sheet: what the reader keeps besides plain values."""
    root = make_example_workshop(tmp_path_factory.mktemp("calamine"))
    path = root / "groups" / "Justice - Implementation plan.xlsx"
    wb = openpyxl.load_workbook(path)
    ids = [row[0] for row in wb["Recommendations"].iter_rows(min_row=2, max_col=1, values_only=True) if row[0]]
    ws = wb[PLAN.en]
    first = PLAN.first_data_row
    for r, (rec_id, values) in enumerate(zip(ids, (TORTURE_LAW, EXECUTIONS, PRETRIAL)), start=first):
        ws.cell(r, PLAN.index("recommendation_id"), rec_id)
        for key, value in values.items():
            ws.cell(r, PLAN.index(key), value)
    deadline = PLAN.index("deadline")
    ws.cell(first + 1, deadline).value = None
    ws.merge_cells(start_row=first, start_column=deadline, end_row=first + 1, end_column=deadline)
    ws.cell(first + 2, PLAN.index("target"), "=30+5")
    ws.cell(first + 2, PLAN.index("baseline"), "#N/A")
    ws.cell(first, PLAN.index("goal")).comment = Comment("Check with the ministry", "Amina")
    wb.create_sheet("Our notes")["B2"] = "Meet on Tuesday"
    wb.save(path)
    return path


def test_a_filled_plan_reads_and_validates_the_same_both_ways(filled_plan):
    assert compare_reader.why_not_fast(filled_plan) == ""
    result = compare_reader.compare([filled_plan])
    assert result.files == 1 and result.fast == 1 and result.differences == []


def test_validation_leaves_the_merges_list_unread_and_finds_the_same(filled_plan, tmp_path):
    whole, lean = open_workbook(filled_plan), open_workbook(filled_plan, full_list=False)
    assert len(whole.full_list) > 20 and lean.full_list == []
    assert replace(lean, full_list=whole.full_list) == whole
    assert validate_workbook(lean).as_dict() == validate_workbook(whole).as_dict()
    # Unread indeed: a list part that cannot even be unpacked does not stop validation, and the
    # merge, which reads the list, still says what is wrong with the file.
    broken = tmp_path / "broken list.xlsx"
    with zipfile.ZipFile(filled_plan) as source, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as target:
        member = _sheet_member(source, LIST_SHEET)
        for item in source.infolist():
            target.writestr(item, b"<not xml" if item.filename == member else source.read(item.filename))
    report = validate_paths([broken]).files[0]
    assert report.error is None and report.rows == validate_workbook(whole).rows == 3
    with pytest.raises(InputError):
        open_workbook(broken)


def _sheet_member(archive: zipfile.ZipFile, name: str) -> str:
    """The part holding the sheet called name."""
    book = archive.read("xl/workbook.xml").decode()
    rel = re.search(rf'<sheet [^>]*name="{re.escape(name)}"[^>]*r:id="(rId\d+)"', book)[1]
    rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    target = re.search(rf'Id="{rel}"[^>]*Target="/?(?:xl/)?([^"]+)"|Target="/?(?:xl/)?([^"]+)"[^>]*Id="{rel}"', rels)
    return "xl/" + (target[1] or target[2])


def test_the_plan_saved_by_libreoffice_reads_and_validates_the_same(filled_plan, libreoffice, tmp_path):
    """LibreOffice saves results for every formula, <f aca="false">, t="str" and its own styles."""
    saved = libreoffice.convert(filled_plan, "xlsx:Calc MS Excel 2007 XML", tmp_path / "saved")
    copy = tmp_path / "plan.xlsx"
    shutil.copy(saved, copy)
    assert compare_reader.why_not_fast(copy) == ""
    result = compare_reader.compare([copy])
    assert result.fast == 1 and result.differences == []
