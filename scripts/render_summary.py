"""Render the demo master's Summary sheet to docs/summary.png through LibreOffice.

Needs soffice and pdftoppm (Debian: libreoffice-calc, poppler-utils). Not part of the tests:
run it after changing the master's Summary layout, and commit the PNG.
    python scripts/render_summary.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from addin.demo import run_demo
from addin.master import write_master
from addin.merge import merge_workbooks

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="upr-summary-"))
    outputs = run_demo(work / "demo")
    # Built afresh: openpyxl drops charts when it loads an existing file.
    wb = write_master(merge_workbooks([outputs["groups"]], work / "again.xlsx",
                                      recommendations=outputs["recommendations"]))
    # Only the Summary sheet goes to the PDF; its charts read their data from the same sheet.
    for ws in wb.worksheets:
        if ws.title != "Summary":
            ws.sheet_state = "hidden"
    wb.active = wb.sheetnames.index("Summary")
    single = work / "summary.xlsx"
    wb.save(single)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(single)],
                   check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(work / "summary.pdf"), str(work / "summary")], check=True)
    target = REPO / "docs" / "summary.png"
    shutil.copy(work / "summary.png", target)
    print(f"Wrote {target}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
