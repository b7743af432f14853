"""Read any tabular input (csv, xlsx, xlsm, xls, ods) into plain rows.

Encodings are detected, not asked: UTF-8 (with or without BOM), then
UTF-16, then Mac Roman and cp1252, which real UPR Info exports use.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, library_reason, os_reason

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
            raise InputError(path, "errors.text.utf16", encoding=utf16.upper(), byte=exc.start) from None
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
        raise InputError(path, "errors.text.encoding")
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
                raise InputError(path, "errors.text.quote", line=start) from None
        start = reader.line_num + 1


def read_csv(path: Path) -> Table:
    from .files import read_bytes

    try:
        data = read_bytes(path)   # a regular file only, and a bounded read
    except OSError as exc:
        raise InputError(path, "errors.file.unreadable", reason=os_reason(exc)) from exc
    nul = data.find(b"\x00")
    if nul >= 0 and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and not utf16_without_bom(data):
        # Anywhere in the file, not only at the start: text files never hold NUL bytes.
        raise InputError(path, "errors.text.nul", line=_line_of(data, nul))
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
        raise InputError(path, "errors.file.empty")
    header, body = rows[0], rows[1:]
    return Table(path, None, [h.strip() for h in header], [list(r) for r in body], encoding)


def _looks_like(head: bytes) -> str:
    """What a file that is not a workbook really is: the key of the message that says so."""
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    if text.startswith(b"<"):   # <!DOCTYPE html>, <html>, <table>, <?xml ...
        return "errors.workbook.html"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:   # not just a character cut at the end of the sample
            return "errors.workbook.binary"
    return "errors.workbook.csv"


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
        raise InputError(path, "errors.file.unreadable", reason=os_reason(exc)) from exc
    if not head:
        raise InputError(path, "errors.workbook.zero_bytes")
    if suffix == ".xls":
        if not head.startswith(OLE_MAGIC) and not head.startswith(ZIP_MAGIC):
            raise InputError(path, _looks_like(head))
        return None
    if suffix not in ZIP_SUFFIXES:
        return None
    if head.startswith(OLE_MAGIC):
        raise InputError(path, "errors.workbook.encrypted")
    if not head.startswith(ZIP_MAGIC):
        raise InputError(path, _looks_like(head))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, "errors.workbook.cut_short", reason=library_reason(exc, with_type=False)) from exc
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        biggest = max(members, key=lambda m: m.file_size)
        raise InputError(path, "errors.workbook.zip_bomb", mb=unpacked // 2**20, member=biggest.filename,
                         member_mb=biggest.file_size // 2**20, limit=MAX_UNPACKED_BYTES // 2**20)
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
                        raise InputError(path, "errors.workbook.ods_extent", sheet=name, row=last_row,
                                         column=get_column_letter(min(last_column, 18278)))
                row += repeat
                element.clear()
    except (KeyError, zipfile.BadZipFile, DefusedXmlException, SyntaxError, ValueError) as exc:
        raise InputError(path, "errors.workbook.content_damaged", sheet=name, reason=library_reason(exc)) from exc
    return merged


def read_sheet_rows(path: Path, sheet: str | None = None) -> tuple[str, list[list[object]]]:
    """Values of one sheet (the first when not named), read with calamine."""
    from python_calamine import CalamineWorkbook

    check_workbook_file(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own types per format
        raise InputError(path, "errors.workbook.cannot_open_spreadsheet",
                         reason=library_reason(exc, with_type=False)) from exc
    names = workbook.sheet_names
    if not names:
        raise InputError(path, "errors.workbook.no_sheet")
    name = sheet if sheet in names else names[0]
    try:  # sheets are parsed only now: a damaged one must be named, not crash
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:
        raise InputError(path, "errors.workbook.sheet_damaged_save", sheet=name, reason=library_reason(exc)) from exc
    return name, [list(r) for r in rows]


def read_spreadsheet(path: Path, sheet_names: tuple[str, ...] = ()) -> Table:
    from python_calamine import CalamineWorkbook

    check_workbook_file(path)
    try:
        names = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception as exc:
        raise InputError(path, "errors.workbook.cannot_open_spreadsheet",
                         reason=library_reason(exc, with_type=False)) from exc
    wanted = next((n for n in names if n.strip().lower() in {s.lower() for s in sheet_names}), None)
    name, rows = read_sheet_rows(path, wanted)
    rows = [r for r in rows if any(str(v).strip() for v in r if v is not None)]
    if not rows:
        raise InputError(path, "errors.workbook.sheet_empty", sheet=name)
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    return Table(path, name, header, rows[1:])


def read_table(path: Path, sheet_names: tuple[str, ...] = ()) -> Table:
    path = Path(path)
    if not path.exists():
        raise InputError(path, "errors.file.missing")
    if path.is_dir():
        raise InputError(path, "errors.file.folder")
    _regular(path)   # a named pipe or a device would block the read forever
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        return read_spreadsheet(path, sheet_names)
    if suffix in TEXT_SUFFIXES or not suffix:
        return read_csv(path)
    raise InputError(path, "errors.file.unsupported", suffix=suffix)
