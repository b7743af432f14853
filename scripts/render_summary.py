"""Render what users get to PNG through LibreOffice: every sheet of a group workbook, of an annotated
copy and of the master, each at one page wide, from the demo, in English and French.

Needs soffice and pdftoppm (Debian: libreoffice-calc, poppler-utils). Not part of the tests: run it
after changing a layout, LOOK at the pictures, and commit the ones the README shows (docs/*.png).
    python scripts/render_summary.py                 # build/pictures/<lang>/*.png, and docs/
    python scripts/render_summary.py --lang fr --out /tmp/pictures --no-docs
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from addin.demo import run_demo
from addin.layout import fit_row_heights
from addin.master import sheet_names, write_master
from addin.merge import merge_workbooks

REPO = Path(__file__).resolve().parents[1]
# Rows of a sheet shown: its top, where the layout shows; the pre-formatted rows below are empty.
SHEET_ROWS = 30
DPI = 130
MAX_PICTURE_BYTES = 190_000   # the README's pictures stay light
# The pictures the README shows: (workbook, sheet index among the visible ones) -> docs/<name>.png.
DOCS = {"participant": ("plan", 0), "group-worksheet": ("strategy", 1), "instructions": ("plan", 2),
        "annotated": ("checked", 0), "summary": ("master", 5)}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def fit_to_width(ws, rows: int = SHEET_ROWS) -> None:
    """The sheet prints one landscape page wide; a table shows its top rows, the Summary all."""
    if not ws._charts:
        last_column = max((c for row in ws.iter_rows(max_row=rows) for c in range(1, len(row) + 1)
                           if row[c - 1].value is not None
                           and not ws.column_dimensions[get_column_letter(c)].hidden), default=1)
        ws.print_area = f"A1:{get_column_letter(last_column)}{min(ws.max_row, rows)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def text_box(pdf: Path, margin: float = 12.0) -> tuple[float, float, float, float]:
    """The part of the first page that holds text (points), with a margin: the picture is cropped to it."""
    xml = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    boxes = [tuple(float(v) for v in m) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', xml)]
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', xml)
    width, height = (float(page.group(1)), float(page.group(2))) if page else (842.0, 595.0)
    if not boxes:
        return 0.0, 0.0, width, height
    left = max(min(b[0] for b in boxes) - margin, 0.0)
    # As wide as the page's printed area: the last column's frame goes past its text.
    return (left, max(min(b[1] for b in boxes) - margin, 0.0), max(width - left, max(b[2] for b in boxes)),
            min(max(b[3] for b in boxes) + margin * 2, height))


def render(make_workbook, name: str, outdir: Path, work: Path) -> list[Path]:
    """The first page of each visible sheet, alone: outdir/<name>-<n>-<sheet>.png.

    make_workbook() gives a fresh copy per sheet: LibreOffice prints a hidden sheet's print range."""
    titles = [ws.title for ws in make_workbook().worksheets if ws.sheet_state == "visible"]
    sources = []
    for index, title in enumerate(titles):
        wb = make_workbook()
        ws = wb[title]
        fit_to_width(ws)
        # Rows the demo typed in: a participant's client sizes them as they are typed.
        fit_row_heights(ws)
        for other in wb.worksheets:
            if other.sheet_state == "visible" and other is not ws:
                other.sheet_state = "hidden"
            other.sheet_view.tabSelected = other is ws   # LibreOffice prints the selected sheets
        wb.active = wb.worksheets.index(ws)
        source = work / f"{name}-{index}-{slug(title)}.xlsx"
        wb.save(source)
        sources.append(source)
    return pictures(sources, outdir, work)


def render_master(result, name: str, outdir: Path, work: Path) -> list[Path]:
    """The master's visible sheets, each alone: written by the master's own writer (xlsxwriter), which
    hides the other sheets and sets the print range as it closes the file."""
    hidden = {"_upr_columns", "_upr_meta"}
    titles = [t for t in sheet_names(result.lang).values() if t not in hidden]
    order = [s.name for s in _sheets_of(result)]
    titles = [t for t in order if t in titles]
    sources = []
    for index, title in enumerate(titles):
        def prepare(sheet, title=title):
            worksheet = sheet.worksheet
            if sheet.name != title:
                if not worksheet.hidden:
                    worksheet.hide()
                return
            worksheet.activate()
            worksheet.set_first_sheet()
            worksheet.set_landscape()
            worksheet.fit_to_pages(1, 0)
            if not worksheet.charts:
                columns = [c for c in range(1, sheet.columns + 1) if c not in sheet.hidden_columns]
                worksheet.print_area(0, 0, min(sheet.rows, SHEET_ROWS) - 1, max(columns or [1]) - 1)
        source = work / f"{name}-{index}-{slug(title)}.xlsx"
        write_master(result).save(source, prepare=prepare)
        sources.append(source)
    return pictures(sources, outdir, work)


def _sheets_of(result):
    """The master's sheets in order, as its writer makes them (a dry run into a scratch file)."""
    seen = []
    scratch = Path(tempfile.mkdtemp(prefix="upr-sheets-")) / "master.xlsx"
    write_master(result).save(scratch, prepare=seen.append)
    shutil.rmtree(scratch.parent, ignore_errors=True)
    return [s for s in seen if not s.worksheet.hidden]


def pictures(sources: list[Path], outdir: Path, work: Path) -> list[Path]:
    """The first page of each workbook's active sheet, through LibreOffice, cropped to its text."""
    subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), *map(str, sources)], check=True, capture_output=True)
    written = []
    for source in sources:
        target = outdir / f"{source.stem}.png"
        pdf = source.with_suffix(".pdf")
        left, top, right, bottom = text_box(pdf)
        dpi = DPI
        while True:   # a picture of a text-heavy sheet is drawn smaller until it is small enough
            scale = dpi / 72
            crop = [str(round(v * scale)) for v in (left, top, right - left, bottom - top)]
            subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
                            "-x", crop[0], "-y", crop[1], "-W", crop[2], "-H", crop[3],
                            str(pdf), str(target.with_suffix(""))], check=True)
            if target.stat().st_size <= MAX_PICTURE_BYTES or dpi <= 60:
                break
            dpi -= 15
        written.append(target)
    return written


def render_language(lang: str, outdir: Path, docs: bool) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"upr-pictures-{lang}-"))
    outputs = run_demo(work / "demo", lang=lang)
    groups = outputs["groups"]
    books = {
        "plan": next(p for p in groups.glob("*.xlsx") if "ustice" in p.name and "checked" not in p.name
                     and ("Implementation" in p.name or "Plan" in p.name)),
        "strategy": next(p for p in groups.glob("*.xlsx") if "ustice" in p.name and "checked" not in p.name
                         and ("strategy" in p.name or "Stratégie" in p.name)),
        "checked": next(p for p in groups.glob("*.checked.xlsx") if "ustice" in p.name),
    }
    outdir.mkdir(parents=True, exist_ok=True)
    rendered: dict[str, list[Path]] = {}
    for name, path in books.items():
        rendered[name] = render(lambda path=path: openpyxl.load_workbook(path), name, outdir, work)
    # Built afresh: openpyxl drops charts when it loads an existing file.
    merged = merge_workbooks([groups], work / "again.xlsx", lang=lang, recommendations=outputs["recommendations"])
    rendered["master"] = render_master(merged, "master", outdir, work)
    for paths in rendered.values():
        for path in paths:
            print(f"Wrote {path} ({path.stat().st_size // 1024} KB)")
    if docs:
        for picture, (book, index) in DOCS.items():
            target = REPO / "docs" / f"{picture}-{lang}.png"
            shutil.copy(rendered[book][index], target)
            print(f"Wrote {target}")
    shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "fr", "both"), default="both")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "pictures")
    parser.add_argument("--no-docs", action="store_true", help="do not copy the README's pictures to docs/")
    args = parser.parse_args(argv)
    for lang in (("en", "fr") if args.lang == "both" else (args.lang,)):
        render_language(lang, args.out / lang, docs=not args.no_docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
