"""`upr excel build`: the add-in and its .xlsm twin, from macros/ and the installed xlwings."""

from __future__ import annotations

from pathlib import Path

from ..files import write_atomically
from .package import build_workbook
from .project import build_vba_project
from .sources import MACROS, PROJECT_NAME, addin_sources

ADDIN_FILE = "UPR Matrix.xlam"
WORKBOOK_FILE = "UPR Matrix.xlsm"


def build_addin_files(outdir: Path, macros: Path = MACROS) -> list[Path]:
    """Write `UPR Matrix.xlam` and `UPR Matrix.xlsm` into outdir; the same sources give the same bytes."""
    sources = addin_sources(macros)
    project = build_vba_project(PROJECT_NAME, sources.modules)
    written = []
    for name, addin in ((ADDIN_FILE, True), (WORKBOOK_FILE, False)):
        data = build_workbook(project, sources.custom_ui, sources.sheets, addin=addin, title="UPR Matrix")
        written.append(write_atomically(Path(outdir) / name, lambda tmp, data=data: tmp.write_bytes(data)))
    return written
