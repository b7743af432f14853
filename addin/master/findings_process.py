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

The Findings sheet is more work than all the other sheets together, so the second process writes only
its first rows (every row that links among them), as many as lets both processes finish together
(`scratch_rows`). This process writes the other sheets, then the remaining rows into a scratch workbook
of its own (`write_tail`), and their rows are spliced into the sheet's XML when the master is packed.
"""

from __future__ import annotations

import io
import itertools
import math
import pickle
import re
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
# What a Findings cell costs the writer against another cell of the master (its message is measured for
# the row's height). Tuned on 100 files: with 1.5 both processes finished within 0.2 s of each other.
FINDINGS_CELL_WEIGHT = 1.5
# A tail shorter than this is not worth a scratch workbook of its own: the second process writes every row.
MIN_TAIL_ROWS = 5_000
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
    head: int | None = None   # the rows the second process writes; None: all of them

    @property
    def last(self) -> int:
        return len(self.headers)

    @property
    def shown(self) -> int:
        """The rows the sheet holds: Excel's last row ends it (the header says how many are left out)."""
        from ..limits import MAX_SHEET_ROWS

        return min(self.count, MAX_SHEET_ROWS - 1)

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


def scratch_rows(table: FindingsTable, other_cells: int) -> int:
    """How many Findings rows the second process writes, so that it and this one (the other sheets, then
    the rest of the rows) finish together. It writes every row that links: the <hyperlinks> part is its."""
    rows = table.shown
    findings_work = rows * len(table.headers) * FINDINGS_CELL_WEIGHT
    if not findings_work:
        return rows
    share = min((other_cells + findings_work) / (2 * findings_work), 1.0)
    head = max(math.ceil(rows * share), max(table.link_rows, default=1) - 1)
    return rows if rows - head < MIN_TAIL_ROWS else head


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
        self.tail: Path | None = None   # this process's rows after the head, in a scratch workbook

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
        if self.process.returncode != 0 or not self.scratch.exists():
            return False
        return self.tail is None or sheet_is_spliceable(self.scratch, "xl/worksheets/sheet2.xml")

    def rows(self):
        """The spilled rows again, for the master's own process when the other one could not write them."""
        return _spilled_rows(self.spill)

    def write_tail(self) -> bool:
        """The rows after the second process's, written here into a scratch workbook of their own, while
        that process still works; False when they could not be (the whole sheet is then written here)."""
        from .writing import write_findings_tail

        table = self.table
        if table.head is None or table.head >= table.shown:
            return True
        tail = self.spill.parent / "tail.xlsx"
        rows = itertools.islice(_spilled_rows(self.spill), table.head, table.shown)
        try:
            if not write_findings_tail(tail, table, rows) or not sheet_is_spliceable(tail, "xl/worksheets/sheet1.xml"):
                return False
        except OSError:   # no room for it, say: the whole sheet is written here
            return False
        self.tail = tail
        return True

    def pack_into(self, worksheet) -> None:
        """The master's Findings sheet is packed as the scratch workbook's second sheet, XML for XML, with
        this process's rows (if any) after the second process's."""
        scratch, tail = self.scratch, self.tail

        def assemble() -> None:
            with zipfile.ZipFile(scratch) as archive, archive.open("xl/worksheets/sheet2.xml") as raw:
                head = io.TextIOWrapper(raw, encoding="utf-8")
                if tail is None:
                    shutil.copyfileobj(head, worksheet.fh, 1 << 20)
                else:
                    with zipfile.ZipFile(tail) as rest, rest.open("xl/worksheets/sheet1.xml") as more:
                        _splice_rows(head, io.TextIOWrapper(more, encoding="utf-8"), worksheet.fh)
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


_DIMENSION = re.compile(r'<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/>')
_SHEET_DATA, _SHEET_DATA_END, _SHEET_DATA_EMPTY = "<sheetData>", "</sheetData>", "<sheetData/>"


def _splice_rows(head, tail, out, size: int = 1 << 20) -> None:
    """Write the head sheet's XML with the tail sheet's rows after its own, and the extent of both.
    Both are streams of text: at coalition scale the sheets are hundreds of megabytes."""
    head_start, tail_start = _sheet_start(head, size), _sheet_start(tail, size)
    if head_start is None or tail_start is None:
        raise ValueError("a Findings sheet without its extent or its rows")
    (head_text, head_extent), (tail_text, tail_extent) = head_start, tail_start
    first = head_extent[:2]
    last_column = max(head_extent[2], tail_extent[2], key=lambda letters: (len(letters), letters))
    extent = f'<dimension ref="{first[0]}{first[1]}:{last_column}{tail_extent[3]}"/>'
    head_text = _DIMENSION.sub(extent, head_text, count=1)
    after_head_rows = _copy_until(itertools.chain([head_text], iter(lambda: head.read(size), "")), _SHEET_DATA_END, out)
    rows = tail_text[tail_text.index(_SHEET_DATA) + len(_SHEET_DATA):]
    _copy_until(itertools.chain([rows], iter(lambda: tail.read(size), "")), _SHEET_DATA_END, out)
    out.write(_SHEET_DATA_END + after_head_rows)
    shutil.copyfileobj(head, out, size)


def _sheet_start(stream, size: int) -> tuple[str, tuple[str, str, str, str]] | None:
    """The sheet's XML up to its first row, and its extent (first column, row, last column, row); None
    when it has no extent or no row."""
    text = ""
    while _SHEET_DATA not in text:
        chunk = stream.read(size)
        if not chunk or _SHEET_DATA_EMPTY in text + chunk:
            return None
        text += chunk
    found = _DIMENSION.search(text)
    if found is None:
        return None
    return text, (found[1], found[2], found[3] or found[1], found[4] or found[2])


def _copy_until(chunks, marker: str, out) -> str:
    """Copy the chunks' text up to marker; what followed marker in its chunk is returned (the caller goes
    on from the stream the chunks came from)."""
    pending = ""
    keep = len(marker) - 1
    for chunk in chunks:
        text = pending + chunk
        at = text.find(marker)
        if at >= 0:
            out.write(text[:at])
            return text[at + len(marker):]
        out.write(text[:-keep])
        pending = text[-keep:]
    raise ValueError(f"no {marker} in the sheet")


def sheet_is_spliceable(path: Path, member: str) -> bool:
    """The sheet has the extent and the rows _splice_rows needs (read at its start only)."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as raw:
            return _sheet_start(io.TextIOWrapper(raw, encoding="utf-8"), 1 << 16) is not None
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


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
    rows = _spilled_rows(Path(spill))
    write_findings_table(book, table, rows if table.head is None else itertools.islice(rows, table.head))
    if len(book._formats) != len(set(styles)):   # a cell needed a style the master has not registered first
        sys.exit(_NO_OTHER_STYLE)
    book.close()

