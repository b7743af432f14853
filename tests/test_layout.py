"""Every output is readable in LibreOffice: no row is shorter than its wrapped text, and no header
breaks inside a word. LibreOffice 7.4 is the oracle: it keeps an imported row at its stored
height, so tests/lo_uno.py's row_heights compares that height with the one LibreOffice measures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from addin.annotate import CHECK_SHEET, annotate
from addin.demo import DEMO_FILLS, example_source, fill_matrix
from addin.groupbooks import make_group_workbooks
from addin.groups import GroupMapping
from addin.layout import header_width, wrapped_lines
from addin.merge import merge_workbooks
from addin.files import save_workbook
from addin.recommendations import import_recommendations, recommendation_rows, write_list_workbook
from addin.templates import build_workbook
from addin.validate import validate_paths

from conftest import LO_UNO

# LibreOffice rounds heights to its own units: a row within 0.3 mm of its measure shows all its text.
TOLERANCE = 30  # 1/100 mm


def cut_rows(libreoffice, path: Path, sheets: set[str] | None = None) -> dict[str, list]:
    """Rows LibreOffice would make taller than stored, by sheet: [row, stored, measured, text]."""
    found = json.loads(libreoffice.run_uno(LO_UNO, "row_heights", str(path), "300"))
    return {sheet: [r for r in rows if r[2] - r[1] > TOLERANCE] for sheet, rows in found.items()
            if (sheets is None or sheet in sheets) and any(r[2] - r[1] > TOLERANCE for r in rows)}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """What groups make, validate --annotate and merge write for the example; the Justice group's
    workbooks in French too."""
    root = tmp_path_factory.mktemp("layout")
    mapping = GroupMapping.default()
    recommendations = import_recommendations(example_source(), mapping=mapping).recommendations
    files = {"list": write_list_workbook(recommendations, root / "recommendations.xlsx", mapping=mapping)}
    books, _ = make_group_workbooks(files["list"], root / "en", mapping=mapping)
    justice = mapping.group("justice")
    files["plan-en"] = next(b.path for b in books if b.kind == "implementation_plan" and b.group == justice.label("en"))
    files["strategy-en"] = next(b.path for b in books if b.kind == "action_strategy" and b.group == justice.label("en"))
    files["unassigned-fr"] = write_list_workbook([r for r in recommendations if not r.groups],
                                                 root / "fr" / "non attribuées.xlsx", lang="fr", mapping=mapping)
    rows = recommendation_rows([r for r in recommendations if "justice" in r.groups], "fr", mapping)
    for kind in ("implementation_plan", "action_strategy"):
        files[f"{kind}-fr"] = save_workbook(build_workbook(kind, lang="fr", recommendation_rows=rows, group=justice,
                                                           groups=mapping.groups), root / "fr" / f"{kind}.xlsx")
    # The Justice group's rows, as in the demo: validate, annotate and merge read them.
    filled = root / "filled"
    filled.mkdir()
    for kind in ("implementation_plan", "action_strategy"):
        path = shutil.copy(files["plan-en" if kind == "implementation_plan" else "strategy-en"], filled)
        typed = [(next(r.id for r in recommendations if words.lower() in r.text.lower()), values)
                 for k, words, values in DEMO_FILLS["justice"] if k == kind]
        fill_matrix(Path(path), typed, kind=kind)
    report = validate_paths([filled])
    files["checked"] = next(annotate(f) for f in report.files if f.findings and "Implementation" in f.path.name)
    result = merge_workbooks([filled], root / "master.xlsx", recommendations=files["list"])
    files["master"] = root / "master.xlsx"
    return files, result


@pytest.mark.libreoffice
def test_no_row_is_shorter_than_its_text_in_libreoffice(outputs, libreoffice):
    files, _ = outputs
    cut = {}
    for name in ("list", "plan-en", "strategy-en", "implementation_plan-fr", "action_strategy-fr", "unassigned-fr",
                 "master"):
        found = cut_rows(libreoffice, files[name])
        if found:
            cut[name] = found
    # The annotated copy: the Check sheet is ours; the matrix rows are the participants'.
    found = cut_rows(libreoffice, files["checked"], {CHECK_SHEET})
    if found:
        cut["checked"] = found
    assert not cut, f"rows LibreOffice would cut (row, stored, measured in 1/100 mm, text): {cut}"


def column_dimension(ws, column: int):
    """The column's dimension; one <col> element may span several columns of the same width."""
    for dimension in ws.column_dimensions.values():
        if (dimension.min or 0) <= column <= (dimension.max or dimension.min or 0):
            return dimension
    return ws.column_dimensions[openpyxl.utils.get_column_letter(column)]


def test_headers_break_only_between_words(outputs):
    """A header cell (white text on a fill) is at least as wide as its longest word."""
    files, _ = outputs
    for name in ("list", "plan-en", "action_strategy-fr", "unassigned-fr", "master", "checked"):
        wb = openpyxl.load_workbook(files[name])
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            for row in ws.iter_rows(max_row=200):
                for cell in row:
                    white = cell.font and cell.font.color is not None and cell.font.color.rgb in ("FFFFFFFF", "00FFFFFF")
                    header = (white and cell.fill.fill_type == "solid") or (ws.title == "Check" and cell.row == 1)
                    if not header or not isinstance(cell.value, str) or not cell.value.strip() or \
                            column_dimension(ws, cell.column).hidden:
                        continue
                    width = column_dimension(ws, cell.column).width
                    assert width >= header_width(cell.value, bold=bool(cell.font.b)) - 0.01, (
                        f"{files[name].name}!{ws.title}!{cell.coordinate} {cell.value!r}: a word does not fit "
                        f"width {width}")


def test_estimate_wraps_like_a_spreadsheet():
    assert wrapped_lines("Ratify", 20) == 1
    assert wrapped_lines("Ratify the Optional Protocol to the Convention against Torture", 20) >= 3
    assert wrapped_lines("a\nb\nc", 40) == 3
    # A word wider than its column breaks inside itself.
    assert wrapped_lines("x" * 60, 10) >= 6


def test_summary_charts_read_well(outputs):
    """Horizontal bars (group names on one line), whole-number steps, and a sentence where a chart
    would show "(none)" alone: no status is set before the coordinator sets one."""
    import re
    import zipfile

    from addin.charts import nothing_yet

    files, result = outputs
    with zipfile.ZipFile(files["master"]) as archive:   # openpyxl drops charts when it loads a file
        charts = [archive.read(n).decode() for n in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    bars = [c for c in charts if "<c:barChart>" in c]
    assert bars and all('<c:barDir val="bar"/>' in c for c in bars)
    for chart in bars:
        if '<c:max val="1"/>' not in chart:   # a count, not a share
            unit = float(re.search(r'<c:majorUnit val="([^"]+)"/>', chart).group(1))
            assert unit >= 1 and unit.is_integer()
    status = next(t for t in result.summary if t.key == "by_status")
    assert [row[0] for row in status.rows] == ["(none)"]
    ws = openpyxl.load_workbook(files["master"], read_only=True)["Summary"]
    texts = [value for row in ws.iter_rows(values_only=True) for value in row if isinstance(value, str)]
    assert nothing_yet("by_status", "en") in texts
    assert len(charts) == sum(1 for t in result.summary if t.chart and t.rows) - 1
