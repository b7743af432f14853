"""Read any tabular input (csv, xlsx, xlsm, xls, ods) into plain rows.

Encodings are detected, not asked: UTF-8 (with or without BOM), then
UTF-16, then Mac Roman and cp1252, which real UPR Info exports use.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
ZIP_SUFFIXES = (".xlsx", ".xlsm", ".ods")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")   # .xls, and what a password-protected .xlsx really is
# A workshop workbook unpacks to a few MB. Past this it is damaged or a zip bomb: refused before
# anything is inflated (zipfile never inflates a member past its declared size).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


@dataclass
class Table:
    path: Path
    sheet: str | None
    columns: list[str]
    rows: list[list[object]]
    encoding: str | None = None


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes have UTF-16's zero-byte pattern and no BOM.

    Text in Latin script saved as UTF-16 has a zero in every other byte: at odd offsets for
    little-endian, at even ones for big-endian. Text files never hold zeros otherwise.
    """
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    utf16 = utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise InputError(path, f"the file looks like {utf16.upper()} text without a byte-order mark, but byte "
                                   f"{exc.start} does not decode; save it again as CSV UTF-8") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Mac Roman decodes any byte, so decide between it and cp1252 by which
    # yields fewer improbable characters in ordinary prose.
    candidates = []
    for encoding in ("cp1252", "mac_roman"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        odd = sum(text.count(ch) for ch in "ÔÕÒÓ√∫ª¬ƒ∆◊ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌ¸˛ˇ")
        candidates.append((odd, encoding, text))
    if not candidates:
        raise InputError(path, "cannot tell the text encoding; save it as UTF-8 csv")
    _, encoding, text = min(candidates)
    return text, encoding


def _line_of(data: bytes, offset: int) -> int:
    newline = b"\n" if b"\n" in data[:offset + 1] or b"\r" not in data else b"\r"   # old Mac files: CR only
    return data.count(newline, 0, offset) + 1


def _check_quotes(text: str, delimiter: str, path: Path) -> None:
    """Refuse a quote that never closes, or that closes lines later inside a cell: the lines in
    between would silently become one cell. A stray quote within one line stays lenient."""
    reader = csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc) or reader.line_num > start:
                raise InputError(path, f"line {start}: a quote (\") opens a cell and does not close where the "
                                       "cell ends, so the lines after it would be read into that cell; add the "
                                       "closing quote or remove it") from None
        start = reader.line_num + 1


def read_csv(path: Path) -> Table:
    from .files import read_bytes

    try:
        data = read_bytes(path)   # a regular file only, and a bounded read
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    nul = data.find(b"\x00")
    if nul >= 0 and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and not utf16_without_bom(data):
        # Anywhere in the file, not only at the start: text files never hold NUL bytes.
        raise InputError(path, f"line {_line_of(data, nul)} holds a NUL byte: this is not a text csv file "
                               "(binary content) or it is damaged; save it again as CSV UTF-8")
    text, encoding = decode_text(data, path)
    # Old Mac exports end lines with CR alone; csv handles it once normalised.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:20000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    # Only the delimiter is sniffed: the Sniffer guesses doublequote=False when
    # its sample holds no "" pair, and later quoted cells then split apart.
    _check_quotes(text, delimiter, path)
    rows = list(csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise InputError(path, "the file is empty")
    header, body = rows[0], rows[1:]
    return Table(path, None, [h.strip() for h in header], [list(r) for r in body], encoding)


def _looks_like(head: bytes) -> str:
    """What a file that is not a workbook really is, in words for the message."""
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    if text.startswith(b"<"):   # <!DOCTYPE html>, <html>, <table>, <?xml ...
        return ("an HTML or XML file (a web page or an export saved under a workbook's name), not a workbook; "
                "open it in Excel and save it as .xlsx")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:   # not just a character cut at the end of the sample
            return "not a workbook (its content is neither a spreadsheet nor text)"
    return ("a text (CSV) file, not a workbook; rename it to .csv, or open it in Excel and save it as .xlsx")


def check_workbook_file(path: Path, suffix: str | None = None) -> dict[str, list[tuple[int, int, int, int]]] | None:
    """Refuse, with a message that says what the file really is, a file that cannot be the
    workbook its name says: empty, cut short, encrypted, text or HTML, or a zip bomb.

    suffix: the format the file holds when its name does not say it (no extension).
    For an .ods, returns the merged ranges of each sheet met on the way (calamine has none).
    """
    import zipfile

    from .files import open_regular

    suffix = suffix or path.suffix.lower()
    try:
        with open_regular(path) as handle:
            head = handle.read(512)
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    if not head:
        raise InputError(path, "the file is empty (0 bytes); it was not saved completely: "
                               "copy it again from the original")
    if suffix == ".xls":
        if not head.startswith(OLE_MAGIC) and not head.startswith(ZIP_MAGIC):
            raise InputError(path, f"this is {_looks_like(head)}")
        return None
    if suffix not in ZIP_SUFFIXES:
        return None
    if head.startswith(OLE_MAGIC):
        raise InputError(path, "this workbook is encrypted (password-protected), or it is an old .xls file "
                               "under another name; remove the password (File > Info > Protect Workbook) "
                               "or save it again as .xlsx")
    if not head.startswith(ZIP_MAGIC):
        raise InputError(path, f"this is {_looks_like(head)}")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, f"the file is damaged: it is cut short or incomplete ({exc}); "
                               "copy it again from the original") from exc
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        biggest = max(members, key=lambda m: m.file_size)
        raise InputError(path, f"the workbook would unpack to {unpacked // 2**20} MB ({biggest.filename}: "
                               f"{biggest.file_size // 2**20} MB), more than the {MAX_UNPACKED_BYTES // 2**20} MB "
                               "a workshop workbook can need; it is damaged or hostile (a zip bomb) and was not read")
    if suffix == ".ods":
        return _check_ods_extent(path)
    return None


def _regular(path: Path) -> None:
    from .files import regular_file

    regular_file(path)


ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
ODS_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODS_DC = "{http://purl.org/dc/elements/1.1/}"


class OdsLayout(dict):
    """Merged ranges by sheet name, as returned before; and the cell comments calamine cannot give:
    comments[sheet] = [(row, column, text, author)]."""

    def __init__(self):
        super().__init__()
        self.comments: dict[str, list[tuple[int, int, str, str]]] = {}


def _ods_annotation(element) -> tuple[str, str]:
    """(text, author) of an office:annotation element: its paragraphs, one a line."""
    author = "".join(element.findtext(ODS_DC + "creator") or "")
    text = "\n".join("".join(p.itertext()) for p in element.iter(ODS_TEXT + "p"))
    return text, author
# calamine holds every cell of an .ods from A1 to the last used one in memory, at about 60 bytes
# each: one stray cell a million rows down costs a gigabyte. Beyond this the file is refused.
MAX_ODS_CELLS = 4_000_000


def _check_ods_extent(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """Refuse an .ods whose used area (A1 to its last filled cell) calamine cannot hold.

    Returns each sheet's merged ranges (first row, first column, last row, last column), found
    in the same pass."""
    import zipfile

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse
    from openpyxl.utils import get_column_letter

    name, row, last_row, last_column = None, 0, 0, 0
    merged = OdsLayout()
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as source:
            for event, element in iterparse(source, events=("start", "end")):
                if element.tag == ODS_TABLE + "table":
                    if event == "start":
                        name, row, last_row, last_column = element.get(ODS_TABLE + "name"), 0, 0, 0
                    continue
                if event != "end" or element.tag != ODS_TABLE + "table-row":
                    continue
                repeat = int(element.get(ODS_TABLE + "number-rows-repeated", 1))
                column = used = 0
                for cell in element:
                    first = column + 1
                    column += int(cell.get(ODS_TABLE + "number-columns-repeated", 1))
                    if cell.get(ODS_OFFICE + "value-type") or len(cell):
                        used = column
                    for note in cell.iter(ODS_OFFICE + "annotation"):
                        text, author = _ods_annotation(note)
                        if text.strip():
                            merged.comments.setdefault(name, []).append((row + 1, first, text, author))
                    down = int(cell.get(ODS_TABLE + "number-rows-spanned", 1))
                    across = int(cell.get(ODS_TABLE + "number-columns-spanned", 1))
                    if down > 1 or across > 1:
                        merged.setdefault(name, []).append((row + 1, first, row + down, first + across - 1))
                if used:
                    last_row, last_column = row + repeat, max(last_column, used)
                    if last_row * last_column > MAX_ODS_CELLS:
                        raise InputError(path, f"the sheet is used as far as row {last_row:,} and column "
                                               f"{get_column_letter(min(last_column, 18278))}: too large to read. "
                                               "Delete what was typed far below or right of the table, or save "
                                               "the workbook as .xlsx", sheet=name)
                row += repeat
                element.clear()
    except (KeyError, zipfile.BadZipFile, DefusedXmlException, SyntaxError, ValueError) as exc:
        raise InputError(path, f"the file is damaged: its content cannot be read ({type(exc).__name__}: {exc})",
                         sheet=name) from exc
    return merged


def read_sheet_rows(path: Path, sheet: str | None = None) -> tuple[str, list[list[object]]]:
    """Values of one sheet (the first when not named), read with calamine."""
    from python_calamine import CalamineWorkbook

    check_workbook_file(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own types per format
        raise InputError(path, f"cannot open the spreadsheet ({exc})") from exc
    names = workbook.sheet_names
    if not names:
        raise InputError(path, "the workbook has no sheet")
    name = sheet if sheet in names else names[0]
    try:  # sheets are parsed only now: a damaged one must be named, not crash
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:
        raise InputError(path, f"the sheet is damaged and cannot be read ({type(exc).__name__}: {exc}); "
                               "open it in Excel or LibreOffice and save it again", sheet=name) from exc
    return name, [list(r) for r in rows]


def read_spreadsheet(path: Path, sheet_names: tuple[str, ...] = ()) -> Table:
    from python_calamine import CalamineWorkbook

    check_workbook_file(path)
    try:
        names = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception as exc:
        raise InputError(path, f"cannot open the spreadsheet ({exc})") from exc
    wanted = next((n for n in names if n.strip().lower() in {s.lower() for s in sheet_names}), None)
    name, rows = read_sheet_rows(path, wanted)
    rows = [r for r in rows if any(str(v).strip() for v in r if v is not None)]
    if not rows:
        raise InputError(path, "the sheet is empty", sheet=name)
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    return Table(path, name, header, rows[1:])


def read_table(path: Path, sheet_names: tuple[str, ...] = ()) -> Table:
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "this is a folder, not a file")
    _regular(path)   # a named pipe or a device would block the read forever
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        return read_spreadsheet(path, sheet_names)
    if suffix in TEXT_SUFFIXES or not suffix:
        return read_csv(path)
    raise InputError(path, f"unsupported file type {suffix!r}; use .csv, .xlsx, .xls or .ods")
