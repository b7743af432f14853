"""The master's Findings sheet written by a second process while this one writes the other sheets.

At coalition scale the Findings sheet is about half of the master's cells, and xlsxwriter writes one
sheet at a time. With more than one job (`upr merge --jobs`), the findings' rows are spilled to a
temporary file, a fresh Python process (`python -m addin.master.findings_worker`: it neither copies this
one's memory nor runs the caller's script again) writes them as the only real sheet of a scratch
workbook, and the master's own Findings sheet takes that sheet's XML when the master is packed. The
cells' style numbers agree because both workbooks register the sheet's few styles first, in the same
order (FindingsTable.styles); the scratch process checks that it needed no other, and anything
unexpected (a style, a failure, no process) means the sheet is written here as before. The master's
bytes are the same either way (tests/test_master_writer.py).
"""

from __future__ import annotations

import io
import pickle
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .xlsx import LINK, TOP, WRAP_TOP, Book, Style

# Fewer findings than this are written in the master's own process: starting another costs ~0.5 s.
PARALLEL_FINDINGS_MIN = 20_000
_CHUNK = 5_000
_SCRATCH_FIRST_SHEET = "_"   # the scratch workbook's first sheet, so that Findings is not the selected one
_NO_OTHER_STYLE = 3          # the scratch process's exit code when a cell needed a style not registered first


@dataclass
class FindingsTable:
    """Everything write_table needs for the Findings sheet, except its rows."""

    title: str
    headers: list[str]
    widths: list[int]
    count: int
    link_rows: dict[int, tuple[str, str]]
    comment: tuple[int, str] | None
    header_style: Style

    @property
    def last(self) -> int:
        return len(self.headers)

    def cell_style(self, r: int, c: int, value: object, style: Style) -> Style:
        # Asked for every cell: the row first (a dict lookup), the column only for the rows that link.
        if r in self.link_rows and c == len(self.headers):
            return style.but(color=LINK.color, underline=True)
        return style

    def links(self, r: int) -> dict[int, str] | None:
        from .writing import quote_sheetname

        link = self.link_rows.get(r)
        return {self.last: f"{quote_sheetname(link[0])}!{link[1]}"} if link else None

    def styles(self) -> list[Style]:
        """Every style a Findings cell can take: text or link, wrapped or not, with Excel's quote prefix or not."""
        cells = [base.but(color=LINK.color, underline=True) if link else base
                 for base in (TOP, WRAP_TOP) for link in (False, True)]
        return [self.header_style] + [s.but(quote=quote) for s in cells for quote in (False, True)]


def register_styles(book: Book, styles: list[Style]) -> bool:
    """Give these styles the workbook's first cell formats, in this order; False when xlsxwriter cannot say."""
    for style in styles:
        found = book.format(style)
        if found is None or not hasattr(found, "_get_xf_index"):
            return False
        found._get_xf_index()
    return True


class FindingsElsewhere:
    """The scratch process writing the Findings sheet, from start() to the master's packing."""

    def __init__(self, table: FindingsTable, spill: Path, scratch: Path, process):
        self.table, self.spill, self.scratch, self.process = table, spill, scratch, process

    @classmethod
    def start(cls, table: FindingsTable, rows, folder: Path | None = None) -> "FindingsElsewhere | None":
        """Spill the rows and start the process; None when no process can be started here."""
        work = Path(tempfile.mkdtemp(prefix="upr-findings-", dir=folder))
        spill, scratch = work / "rows.pickle", work / "findings.xlsx"
        try:
            with spill.open("wb") as fh:
                pickle.dump(table, fh, pickle.HIGHEST_PROTOCOL)
                chunk = []
                for values in rows:
                    chunk.append(values)
                    if len(chunk) == _CHUNK:
                        pickle.dump(chunk, fh, pickle.HIGHEST_PROTOCOL)
                        chunk = []
                if chunk:
                    pickle.dump(chunk, fh, pickle.HIGHEST_PROTOCOL)
            # What it says goes to a file, not a pipe: a pipe nobody reads before the end could stall it.
            with (work / "errors.txt").open("wb") as log:
                process = subprocess.Popen([sys.executable, "-m", "addin.master.findings_worker", str(spill),
                                            str(scratch)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                           stderr=log)
        except (OSError, pickle.PicklingError):
            shutil.rmtree(work, ignore_errors=True)
            return None
        return cls(table, spill, scratch, process)

    def finish(self) -> bool:
        """Wait for the process; True when its sheet is ready to be packed."""
        self.process.wait()
        self.errors = (self.spill.parent / "errors.txt").read_text(encoding="utf-8", errors="replace")
        return self.process.returncode == 0 and self.scratch.exists()

    def rows(self):
        """The spilled rows again, for the master's own process when the other one could not write them."""
        return _spilled_rows(self.spill)

    def pack_into(self, worksheet) -> None:
        """The master's Findings sheet is packed as the scratch workbook's second sheet, XML for XML."""
        scratch = self.scratch

        def assemble() -> None:
            with zipfile.ZipFile(scratch) as archive, archive.open("xl/worksheets/sheet2.xml") as raw:
                shutil.copyfileobj(io.TextIOWrapper(raw, encoding="utf-8"), worksheet.fh, 1 << 20)
            worksheet._xml_close()
            # The placeholder's own (empty) row file, which xlsxwriter removes when it packs a sheet itself.
            row_file = getattr(worksheet, "row_data_fh", None)
            if row_file is not None:
                row_file.close()
                Path(worksheet.row_data_filename).unlink(missing_ok=True)

        worksheet._assemble_xml_file = assemble

    def clean(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.spill.parent, ignore_errors=True)


def _spilled_rows(path: Path):
    with path.open("rb") as fh:
        pickle.load(fh)   # the table
        while True:
            try:
                chunk = pickle.load(fh)
            except EOFError:
                return
            yield from chunk


def write_alone(spill: str, scratch: str) -> None:
    """The scratch process: the Findings sheet alone, after a blank first sheet, with the master's styles."""
    from .writing import write_findings_table

    with open(spill, "rb") as fh:
        table = pickle.load(fh)
    book = Book(Path(scratch))
    styles = table.styles()
    if not register_styles(book, styles):
        sys.exit(_NO_OTHER_STYLE)
    book.sheet(_SCRATCH_FIRST_SHEET)
    write_findings_table(book, table, _spilled_rows(Path(spill)))
    if len(book._formats) != len(set(styles)):   # a cell needed a style the master has not registered first
        sys.exit(_NO_OTHER_STYLE)
    book.close()

