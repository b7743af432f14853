"""What a coalition's scale asks of the outputs: Excel's limits per sheet, and validate's memory.

Excel repairs a sheet with more than 65,530 hyperlinks and truncates a cell past 32,767 characters.
The writers are fed synthetic findings (no LibreOffice needed) and the saved XML is counted.
"""

from __future__ import annotations

import gc
import inspect
import re
import weakref
import zipfile
from types import SimpleNamespace

import openpyxl

from addin import limits, validate as validate_module
from addin.annotate import CHECK_SHEETS, _write_check_sheet, clear_flags, plan_flags
from addin.findings import Finding
from addin.limits import MAX_CELL_CHARACTERS, MAX_SHEET_HYPERLINKS
from addin.master import _write_findings
from addin.master.xlsx import Book
from addin.merge import PlacedFinding
from addin.report import FileReport
from addin.templates import build_templates
from addin.validate import validate_paths



def _sheet_xml(path, title: str) -> str:
    """The XML of the sheet called title in a saved workbook."""
    with zipfile.ZipFile(path) as archive:
        book = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        rid = re.search(rf'<sheet [^>]*name="{re.escape(title)}"[^>]*r:id="([^"]+)"', book).group(1)
        target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="/?(?:xl/)?([^"]+)"', rels) \
            or re.search(rf'<Relationship [^>]*Target="/?(?:xl/)?([^"]+)"[^>]*Id="{rid}"', rels)
        return archive.read(f"xl/{target.group(1)}").decode()


def _comments_xml(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if "comments" in n)


def test_master_findings_sheet_links_at_most_excels_limit_and_says_so(tmp_path, monkeypatch):
    # The writer reads the limit when it runs: a small one stands for Excel's 65,530 (a real 65,531-row
    # Findings sheet takes a minute to write).
    cap, extra = 40, 25
    monkeypatch.setattr(limits, "MAX_SHEET_HYPERLINKS", cap)
    finding = Finding("missing-field", "Goal is required.", file="a.xlsx", sheet="Implementation plan", cell="B4")
    placed = [PlacedFinding(finding=finding, group="Justice", link=("Implementation plan", f"B{n + 2}"))
              for n in range(cap + extra)]
    book = Book(tmp_path / "master.xlsx")
    _write_findings(book, "Findings", SimpleNamespace(lang="en", findings=placed))
    book.close()

    xml = _sheet_xml(tmp_path / "master.xlsx", "Findings")
    assert xml.count("<hyperlink ") == cap
    assert f'ref="L{cap + 1}"' in xml and f'ref="L{cap + 2}"' not in xml  # the first rows are the linked ones
    assert f"<c r=\"L{cap + extra + 1}\"" in xml  # every row still names its master cell
    note = _comments_xml(tmp_path / "master.xlsx")
    assert f"first {cap} rows" in note and f"other {extra} rows" in note


def test_excels_limits_are_the_documented_ones():
    assert (MAX_SHEET_HYPERLINKS, MAX_CELL_CHARACTERS) == (65_530, 32_767)
    assert inspect.signature(_write_check_sheet).parameters["max_links"].default == MAX_SHEET_HYPERLINKS


def test_master_findings_sheet_below_the_limit_links_every_row_without_a_note(tmp_path):
    finding = Finding("missing-field", "Goal is required.", file="a.xlsx", sheet="Implementation plan", cell="B4")
    placed = [PlacedFinding(finding=finding, group="Justice", link=("Implementation plan", f"B{n + 2}"))
              for n in range(30)] + [PlacedFinding(finding=finding, group="Justice", link=None)]
    book = Book(tmp_path / "master.xlsx")
    _write_findings(book, "Constats", SimpleNamespace(lang="fr", findings=placed))
    book.close()
    assert _sheet_xml(tmp_path / "master.xlsx", "Constats").count("<hyperlink ") == 30
    assert _comments_xml(tmp_path / "master.xlsx") == ""


def _report(path, findings: int) -> FileReport:
    report = FileReport(path=path, kind="implementation_plan", group="Justice")
    report.findings = [Finding("missing-field", f"Goal is required ({n}).", file="plan.xlsx",
                               sheet="Implementation plan", cell=f"C{n + 4}", row=n + 4, field="goal")
                       for n in range(findings)]
    return report


def test_check_sheet_links_only_the_first_rows_past_the_cap_and_keeps_long_fill_records(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Implementation plan"
    plan = plan_flags(_report(tmp_path / "plan.xlsx", 40), "fr", wb.sheetnames)
    assert len(plan.links) == 40
    # More flagged cells than one cell can record: the record spans several cells of its hidden column.
    original_fills = {f"Implementation plan!C{n}": None for n in range(4, 3000)}
    _write_check_sheet(wb, plan, original_fills, "fr", max_links=25)
    wb.save(tmp_path / "checked.xlsx")

    xml = _sheet_xml(tmp_path / "checked.xlsx", CHECK_SHEETS["fr"])
    assert xml.count("<hyperlink ") == 25
    assert "25" in _comments_xml(tmp_path / "checked.xlsx") and "15" in _comments_xml(tmp_path / "checked.xlsx")
    reopened = openpyxl.load_workbook(tmp_path / "checked.xlsx")
    record = [c.value for c in reopened[CHECK_SHEETS["fr"]]["T"][1:] if c.value]
    assert len(record) > 1 and all(len(piece) <= MAX_CELL_CHARACTERS for piece in record)
    assert clear_flags(reopened) == len(original_fills)
    assert CHECK_SHEETS["fr"] not in reopened.sheetnames


def test_validate_keeps_no_parsed_workbook_once_a_file_is_checked(tmp_path, monkeypatch):
    build_templates(tmp_path, "en")  # two blank matrices: enough to see what the report keeps
    opened = []
    real_open = validate_module.open_workbook

    def tracked(path, **options):
        data = real_open(path, **options)
        opened.append(weakref.ref(data))
        return data

    monkeypatch.setattr(validate_module, "open_workbook", tracked)
    report = validate_paths([tmp_path])
    gc.collect()
    assert len(opened) == 2 and [f.error for f in report.files] == [None, None]
    assert [ref for ref in opened if ref() is not None] == []  # the report holds findings, not workbooks


def test_the_tables_quick_line_breaking_is_textwraps_own():
    import random
    import textwrap

    from addin.locale import catalogue
    from addin.report import _greedy_lines

    messages = [m for lang in ("en", "fr") for m in catalogue(lang).values()]
    words = [w for m in messages for w in m.split()]
    rng = random.Random(15)
    texts = messages + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    texts += ["two  spaces here", " leading", "trailing ", "a\ttab", "line\nbreak", "x" * 50, ""]
    quick = 0
    for text in texts:
        for width in (8, 20, 35, 60):
            lines = _greedy_lines(text, width)
            if lines is not None:
                quick += 1
                assert lines == textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False), (text, width)
    assert quick > len(texts)  # most texts take the quick way; the rest are textwrap's


def test_the_findings_table_is_drawn_whole_at_the_console_width(tmp_path):
    import io

    from rich.cells import cell_len
    from rich.console import Console

    from addin.report import Report, render_text

    report = _report(tmp_path / "plan.xlsx", 3)
    report.findings.append(Finding("smart", "Indicator not SMART (R): the indicator does not track what the "
                                   "recommendation is about (enfants, écoles, « accès »)", file="plan.xlsx",
                                   sheet="Implementation plan", cell="H9", row=9, field="indicator",
                                   recommendation_id="RWA-10-042", criterion="R"))
    console = Console(file=io.StringIO(), width=80, highlight=False, soft_wrap=True)
    render_text(Report(files=[report], lang="fr"), console)
    lines = console.file.getvalue().splitlines()

    table = [line for line in lines if line[:1] in "┏┃┡│└"]
    assert {cell_len(line) for line in table} == {80}  # one width, every row boxed
    # French names the finding's type ("Champ obligatoire manquant"), folded over lines
    assert sum(line.startswith("│ Champ") for line in table) == 3 and "│ Cellule" in table[1].replace("┃", "│")
    body = " ".join(line.split("│")[4].strip() for line in table if line.startswith("│")).split()
    assert " ".join(body).endswith("the indicator does not track what the recommendation is about (enfants, "
                                   "écoles, « accès »)")
    assert any("RWA-10-042" in line and "Indicateur non" in line for line in table)


def test_master_findings_sheet_keeps_excels_last_row_and_says_how_many_are_left_out(tmp_path, monkeypatch):
    # A small limit stands for Excel's 1,048,576 rows; xlsxwriter would drop the rows past it silently.
    monkeypatch.setattr(limits, "MAX_SHEET_ROWS", 10)
    finding = Finding("missing-field", "Goal is required.", file="a.xlsx", sheet="Implementation plan", cell="B4")
    placed = [PlacedFinding(finding=finding, group="Justice", link=None) for _ in range(25)]
    book = Book(tmp_path / "master.xlsx")
    _write_findings(book, "Findings", SimpleNamespace(lang="en", findings=placed))
    book.close()
    xml = _sheet_xml(tmp_path / "master.xlsx", "Findings")
    assert '<row r="10"' in xml and '<row r="11"' not in xml
    assert "A1:L10" in xml   # the filter covers the rows written
    note = _comments_xml(tmp_path / "master.xlsx")
    assert "first 9 rows" in note and "16 more rows are not shown" in note


def test_a_matrix_past_excels_last_row_stops_the_merge_before_anything_is_written(tmp_path, monkeypatch):
    from addin.demo import fill_matrix
    from addin.errors import OutputError
    from addin.merge import merge_workbooks

    template = next(p for p in build_templates(tmp_path) if "mplementation" in p.name)
    fill_matrix(template, [(f"1.{n}", {"goal": f"Goal {n}", "indicator": "Law adopted"}) for n in range(5)],
                kind="implementation_plan")
    monkeypatch.setattr(limits, "MAX_SHEET_ROWS", 4)
    master = tmp_path / "out" / "master.xlsx"
    master.parent.mkdir()
    try:
        merge_workbooks([template], master)
    except OutputError as exc:
        message = str(exc)
    else:
        raise AssertionError("a master that cannot hold every row was written")
    assert "Implementation plan" in message and "6 rows" in message and "nothing was written" in message
    assert list(master.parent.iterdir()) == []
