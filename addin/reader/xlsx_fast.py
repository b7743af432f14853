"""The .xlsx and .xlsm path, fast: calamine reads the cells, and a scan of the sheet XML gives what only
the XML tells, so that every value is the one read-only openpyxl gives (xlsx.py, the path kept for the rest):

- formula text ("=..."), where calamine gives the saved result;
- error cells (#N/A ...), which calamine reads as empty;
- numbers exactly: 5 as int and 5.0 as float, as openpyxl casts the text;
- dates, times and durations as openpyxl converts them, from the style of the cell;
- merged ranges and cell comments (notes).

Whatever this scan cannot vouch for is read by openpyxl instead, the whole workbook: entity
declarations (an XML bomb), a sheet whose cells would fill more than MAX_DENSE_CELLS (calamine
holds the whole rectangle in memory), shared strings with escapes or phonetic runs, the 1904
calendar, metadata kept only in the document properties, any unusual markup. Files are checked
first by tables.check_workbook_file, as on the openpyxl path (empty, encrypted, zip bomb ...).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from pathlib import Path

from ..metadata import META_SHEET, WorkbookMeta
from .cell_values import column_index
from .model import RawSheet
from .xlsx import comments_xlsx

# calamine keeps a sheet as one rectangle from its first used cell to its last; past this many cells
# (a stray cell a million rows down) the sheet is read by openpyxl, which streams it.
MAX_DENSE_CELLS = 4_000_000


class Unsure(Exception):
    """Something this path cannot read exactly as openpyxl does: openpyxl reads the workbook."""


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def raw_sheets_fast(path: Path, skip: frozenset[str] = frozenset()) -> tuple[list[RawSheet], WorkbookMeta | None]:
    """The raw sheets and metadata of an .xlsx or .xlsm file the caller has checked; raises Unsure.

    skip: names of sheets the caller does not use, left unread and out of the result."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    with zipfile.ZipFile(path) as archive:
        parts = _parts(archive)
        book = _xml(archive, "xl/workbook.xml")
        if book.find(f"{_MAIN}workbookPr[@date1904]") is not None:
            pr = book.find(f"{_MAIN}workbookPr")
            if pr.get("date1904") not in ("0", "false"):
                raise Unsure("1904 calendar")
        targets = {rel.get("Id"): rel for rel in _xml(archive, "xl/_rels/workbook.xml.rels").iter(_PKG_REL + "Relationship")}
        dates, durations = _date_styles(archive, parts)
        if "xl/sharedStrings.xml" in parts:
            _vouch_for_text(archive.read("xl/sharedStrings.xml"))
        listed = []
        for sheet in book.iter(_MAIN + "sheet"):
            rel = targets.get(sheet.get(_REL + "id"))
            if rel is None:
                raise Unsure("a sheet without its part")
            if not rel.get("Type", "").endswith("/worksheet"):
                continue   # a chart sheet: openpyxl's worksheets leave it out too
            target = rel.get("Target", "")
            member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            if member not in parts:
                raise Unsure("a missing sheet part")
            listed.append((sheet.get("name"), member, sheet.get("state", "visible") != "visible"))
        names = [name for name, _, _ in listed]
        if META_SHEET not in names and "docProps/custom.xml" in parts:
            raise Unsure("metadata in the document properties")
        try:
            workbook = CalamineWorkbook.from_path(str(path))
        except Exception as exc:
            raise Unsure(f"calamine: {exc}") from exc
        kinds = {m.name: m.typ for m in workbook.sheets_metadata}
        if any(kinds.get(name) != SheetTypeEnum.WorkSheet for name in names):
            raise Unsure("calamine sees the sheets otherwise")
        sheets, meta = [], None
        for name, member, hidden in listed:
            if name in skip:
                continue
            data = archive.read(member)
            scan = _SheetScan(data, dates, durations)
            try:
                calamine_sheet = workbook.get_sheet_by_name(name)
            except Exception as exc:
                raise Unsure(f"calamine: {exc}") from exc
            rows = scan.rows(calamine_sheet)
            if name == META_SHEET:
                meta = _metadata(rows)
                continue
            sheets.append(RawSheet(name, rows, hidden, scan.merged(), comments_xlsx(archive, member)))
        if META_SHEET in names and meta is None and "docProps/custom.xml" in parts:
            raise Unsure("metadata in the document properties")
        return sheets, meta


def _parts(archive: zipfile.ZipFile) -> set[str]:
    return set(archive.namelist())


def _xml(archive: zipfile.ZipFile, member: str):
    from defusedxml.ElementTree import fromstring

    try:
        data = archive.read(member)
    except KeyError as exc:
        raise Unsure(f"no {member}") from exc
    if b"<!" in data:
        raise Unsure("a declaration in the XML")
    try:
        return fromstring(data)
    except Exception as exc:
        raise Unsure(f"{member}: {exc}") from exc


def _metadata(rows: list[tuple]) -> WorkbookMeta | None:
    """metadata.metadata_from_openpyxl over the hidden sheet's rows (row 2 on: key, value)."""
    values = {}
    width = max((len(row) for row in rows), default=0)
    if width < 2 and any(rows[1:]):
        raise Unsure("metadata of one column")   # openpyxl's unpacking of (key, value) fails there
    for row in rows[1:]:
        if row and row[0]:
            values[str(row[0])] = row[1] if len(row) > 1 else None
    return WorkbookMeta.from_dict(values)


# --- styles: which cells openpyxl turns into dates (openpyxl.styles.numbers and stylesheet) ------------

_BUILTIN_DATE_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})
_BUILTIN_DURATION_IDS = frozenset({46})
_BUILTIN_FORMAT_CODES = {
    0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)', 7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy',
    16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
    22: 'm/d/yy h:mm', 37: '#,##0_);(#,##0)', 38: '#,##0_);[Red](#,##0)', 39: '#,##0.00_);(#,##0.00)',
    40: '#,##0.00_);[Red](#,##0.00)', 41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)', 45: 'mm:ss', 46: '[h]:mm:ss',
    47: 'mmss.0', 48: '##0.0E+0', 49: '@',
}
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHAR = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r'\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?', re.I)


def is_date_format(code: str | None) -> bool:
    """openpyxl.styles.numbers.is_date_format."""
    if code is None:
        return False
    return _DATE_CHAR.search(_STRIP.sub("", code.split(";")[0])) is not None


def is_duration_format(code: str | None) -> bool:
    """openpyxl.styles.numbers.is_timedelta_format."""
    if code is None:
        return False
    return _DURATION.search(code.split(";")[0]) is not None


def _date_styles(archive: zipfile.ZipFile, parts: set[str]) -> tuple[frozenset[int], frozenset[int]]:
    """Indexes of the cell formats (the s="..." of a cell) openpyxl reads as dates, and as durations."""
    if "xl/styles.xml" not in parts:
        raise Unsure("no styles")
    styles = _xml(archive, "xl/styles.xml")
    custom = {}
    formats = styles.find(_MAIN + "numFmts")
    for fmt in formats.iter(_MAIN + "numFmt") if formats is not None else ():
        custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode")
    dates, durations = set(), set()
    xfs = styles.find(_MAIN + "cellXfs")
    for index, xf in enumerate(xfs.findall(_MAIN + "xf") if xfs is not None else ()):
        number = int(xf.get("numFmtId", 0))
        code = custom[number] if number in custom else _BUILTIN_FORMAT_CODES.get(number)
        if is_date_format(code):
            dates.add(index)
        if is_duration_format(code):
            durations.add(index)
    return frozenset(dates), frozenset(durations)


# --- one sheet's XML --------------------------------------------------------------------------------------

_CELL_START = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"([^>]*?)(/?)>')
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_ROW_TAG = re.compile(rb'<row r="([0-9]{1,7})"[^>]*?(/?)>')
_WIDE_OR_DEEP = re.compile(rb'<c r="(?:[A-Z]{2}|[A-Z]{1,3}[0-9]{6})')
_ATTRIBUTE = re.compile(rb'\s([a-zA-Z:]+)="([^"]*)"')
_FORMULA_OR_TYPED = re.compile(rb'<f[\s/>]|<c [^>]*?\bt="(?:e|str|d)"')
_FORMULA = re.compile(rb'<f((?:\s[^>]*?)?)(/?)>')
# A cell whose first child is its formula, as every writer puts it: column, row, the formula's attributes, text.
_CELL_FORMULA = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*>\s*<f((?:\s[^>]*?)?)(?:/>|>([^<]*)</f>)')
_TYPED_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?\bt="(?:e|str|d)"')
_VALUE = re.compile(rb'<v(?:\s[^>]*?)?(?:/>|>([^<]*)</v>)')
# Number text openpyxl and calamine read apart: a float with no fraction ("5.0", "1E3") stays a float
# in openpyxl, and integers past 2**53 stay exact.
# A <v> holding anything but a number: fine in a formula, error or string cell, not in a number cell.
_ODD_VALUE = re.compile(rb'<v>(?!(?:[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)?</v>)')
_EXACT_NUMBER = re.compile(rb'<v>(-?(?:[0-9]+\.0*|[0-9]*\.?[0-9]*[eE][-+]?[0-9]+|[0-9]{16,}))</v>')
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)"')
# Text calamine reads otherwise than openpyxl: _x000D_ escapes (calamine unescapes them), and text with
# spaces at an end without xml:space="preserve" (calamine trims it).
_ESCAPE = re.compile(rb'_x[0-9A-Fa-f]{4}_')
_EDGE_SPACE = re.compile(rb'<t>(?:\s|[^<]*+(?<=\s)</t>)')
# Everything the checks below look for one by one, in one pass (a search for a literal is quicker than `in`):
# a sheet without any of it, the common case, skips them. Each "<x " not followed by what must follow it is
# a count of "<x " unequal to the count of its expected form. (_ESCAPE is searched apart: in one pattern
# the two lose the quick scan for their first character, and take four times as long.)
_ODD_MARKUP = re.compile(
    rb'<(?:!|c>|c/>|c (?!r=")|row>|row (?!r=")|rPh|t/>|t></t>|t (?!xml:space="preserve">)|is></is>|is/>)')
_ANY_FORMULA = re.compile(rb'<f(?:>| |/>)')
_TYPED = re.compile(rb' t="(?:e|str|d)"')
_ENTITY = re.compile(r"&(#[0-9]+|#x[0-9A-Fa-f]+|amp|lt|gt|quot|apos);|&")
_OTHER_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_WINDOWS_EPOCH = dt.datetime(1899, 12, 30)


def _vouch_for_text(data: bytes, odd: bool | None = None) -> None:
    """odd: whether _ODD_MARKUP occurs in data, when the caller has looked."""
    if odd is None:
        odd = _ODD_MARKUP.search(data) is not None
    if odd or _ESCAPE.search(data):
        _vouch_for_odd_text(data)
    if b"<t>" in data and _EDGE_SPACE.search(data):
        raise Unsure("text with spaces at an end, which calamine trims")


def _vouch_for_odd_text(data: bytes) -> None:
    if b"<!" in data:
        raise Unsure("a declaration in the XML")
    if b"_x" in data and _ESCAPE.search(data):
        raise Unsure("an _x000D_ escape, which calamine reads and openpyxl keeps")
    if b"<rPh" in data:
        raise Unsure("phonetic text")
    if data.count(b"<t ") != data.count(b'<t xml:space="preserve">') or b"<t/>" in data or b"<t></t>" in data \
            or b"<is></is>" in data or b"<is/>" in data:
        raise Unsure("text markup calamine reads otherwise")


def _text(raw: bytes) -> str:
    """XML character data as a parser gives it: entities replaced, line ends as \\n."""
    text = raw.decode("utf-8")
    if "&" in text:
        if "&#" in text or _OTHER_AMPERSAND.search(text):
            text = _ENTITY.sub(_entity, text)
        else:
            text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace(
                "&apos;", "'").replace("&amp;", "&")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _entity(match: re.Match) -> str:
    name = match[1]
    if name is None:
        raise Unsure("an unknown entity")
    if not name.startswith("#"):
        return _NAMED[name]
    code = int(name[2:], 16) if name.startswith("#x") else int(name[1:])
    if not (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF):
        raise Unsure("a character XML does not allow")   # the XML parser under openpyxl refuses the file
    return chr(code)


def _cast_number(text: str) -> int | float:
    """openpyxl's _cast_number."""
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _from_excel(value: int | float, duration: bool) -> object:
    """openpyxl.utils.datetime.from_excel, 1900 calendar; raises OverflowError or ValueError past year 9999."""
    if duration:
        td = dt.timedelta(days=value)
        if td.microseconds:
            td = dt.timedelta(seconds=td.total_seconds() // 1, microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        mins, seconds = divmod(diff.seconds, 60)
        hours, mins = divmod(mins, 60)
        return dt.time(hours, mins, seconds, diff.microseconds)
    if 0 < value < 60:
        day += 1
    return _WINDOWS_EPOCH + dt.timedelta(days=day) + diff


_PLAIN_TYPES = frozenset({str, bool, int, type(None)})


class _SheetScan:
    """What openpyxl reads in one sheet that calamine does not, by (row, column)."""

    def __init__(self, data: bytes, dates: frozenset[int], durations: frozenset[int]):
        odd = _ODD_MARKUP.search(data) is not None
        if odd and b"<!" in data:
            raise Unsure("a declaration, comment or CDATA in the sheet")
        if b"sheetData" in data and b"<sheetData" not in data:
            raise Unsure("prefixed markup")
        self.data = data
        self.dates, self.durations = dates, durations
        if odd and (data.count(b'<c r="') != data.count(b"<c ") or b"<c>" in data or b"<c/>" in data):
            raise Unsure("a cell without its reference first")
        if _WIDE_OR_DEEP.search(data):   # else at most 26 columns by 99,999 rows
            starts = _CELL_REF.findall(data)
            rows = max(int(r) for _, r in starts)
            columns = max(column_index(c.decode()) for c in {c for c, _ in starts})
            if rows * columns > MAX_DENSE_CELLS:
                raise Unsure("a sheet too large for calamine's rectangle")
        _vouch_for_text(data, odd)
        self.widths, self.last_row = self._row_widths(odd)
        self.exact: dict[tuple[int, int], object] = {}
        self._formulas()
        self._numbers()

    def _row_widths(self, odd: bool) -> tuple[dict[int, int], int]:
        """Each row's width as openpyxl gives it (up to the row's last cell element, value or not),
        and the last row. Rows out of order, or cells outside their row, are left to openpyxl."""
        data, widths, last = self.data, {}, 0
        if odd and (data.count(b"<row ") != data.count(b'<row r="') or b"<row>" in data):
            raise Unsure("rows without numbers")
        for match in _ROW_TAG.finditer(data):
            number = int(match[1])
            if number <= last:
                raise Unsure("rows out of order")
            last = number
            if match[2]:
                continue
            end = data.find(b"</row>", match.end())
            first, final = data.find(b'<c r="', match.end(), end), data.rfind(b'<c r="', match.end(), end)
            if end < 0 or first < 0:
                continue
            head, tail = _CELL_REF.match(data, first), _CELL_REF.match(data, final)
            if int(head[2]) != last or int(tail[2]) != last:
                raise Unsure("a cell outside its row")
            widths[last] = column_index(tail[1].decode())
            if column_index(head[1].decode()) > widths[last]:
                raise Unsure("cells out of order")
        return widths, last

    def _cell_at(self, start: int, inside: int | None = None) -> tuple[int, int, dict[bytes, bytes], bytes]:
        """(row, column, attributes, content) of the cell whose tag starts at start; inside: a position
        that must lie within the cell."""
        match = _CELL_START.match(self.data, start)
        if match is None:
            raise Unsure("a cell this scan cannot read")
        attributes = dict(_ATTRIBUTE.findall(b" " + match[3]))
        if match[4]:
            content = b""
        else:
            end = self.data.find(b"</c>", match.end())
            if end < 0:
                raise Unsure("a cell left open")
            content = self.data[match.end():end]
        if inside is not None and not start <= inside < match.end() + len(content):
            raise Unsure("markup outside a cell")
        return int(match[2]), column_index(match[1].decode()), attributes, content

    def _enclosing_cell(self, position: int) -> int:
        start = self.data.rfind(b"<c ", 0, position + 1)
        if start < 0:
            raise Unsure("markup outside a cell")
        return start

    def _formulas(self) -> None:
        """Formula text where openpyxl gives it (data_only=False), and error, string and ISO-date cells."""
        data = self.data
        found = _CELL_FORMULA.findall(data)
        if len(found) != len(_ANY_FORMULA.findall(data)):
            self._formulas_one_by_one()   # a formula this pattern does not see whole: each is read alone
            return
        shared: dict[bytes, object] = {}
        texts = _text(b"\0".join(text for _, _, _, text in found)).split("\0") if found else []
        exact, columns = self.exact, {}
        for (letters, row, attributes, _), text in zip(found, texts):
            column = columns.get(letters) or columns.setdefault(letters, column_index(letters.decode()))
            if attributes:
                kind = dict(_ATTRIBUTE.findall(attributes)).get(b"t")
                exact[(int(row), column)] = self._formula_value("=" + text, kind, attributes, int(row), column,
                                                                shared)
            else:
                exact[(int(row), column)] = "=" + text
        if _TYPED.search(data) is None:
            return
        for match in _TYPED_CELL.finditer(data):
            cell = (int(match[2]), column_index(match[1].decode()))
            if cell not in self.exact:
                self._typed_cell(match.start())

    def _typed_cell(self, start: int) -> None:
        row, column, attributes, content = self._cell_at(start)
        if attributes.get(b"t") == b"d":
            raise Unsure("an ISO date cell")
        value = _VALUE.search(content)
        text = _text(value[1]) if value is not None and value[1] else None
        self.exact[(row, column)] = text or None   # e and str: the text as saved

    def _formulas_one_by_one(self) -> None:
        shared: dict[bytes, object] = {}
        done: set[int] = set()
        for hit in _FORMULA_OR_TYPED.finditer(self.data):
            start = self._enclosing_cell(hit.start())
            if start in done:
                continue
            done.add(start)
            row, column, attributes, content = self._cell_at(start, hit.start())
            formula = _FORMULA.search(content)
            if formula is None:
                self._typed_cell(start)
                continue
            if formula[2]:
                text = ""
            else:
                end = content.find(b"</f>", formula.end())
                if end < 0:
                    raise Unsure("a formula left open")
                text = _text(content[formula.end():end])
            kind = dict(_ATTRIBUTE.findall(formula[1])).get(b"t")
            self.exact[(row, column)] = self._formula_value("=" + text, kind, formula[1], row, column, shared)

    def _formula_value(self, value: str, kind: bytes | None, attributes: bytes, row: int, column: int,
                       shared: dict) -> str:
        """openpyxl's parse_formula: the text, or a shared formula moved to this cell."""
        if kind in (None, b"normal", b"array"):
            return value   # an array formula comes as openpyxl's ArrayFormula, its text kept (xlsx._cell_value)
        if kind == b"shared":
            index = dict(_ATTRIBUTE.findall(attributes)).get(b"si")
            if index in shared:
                return shared[index].translate_formula(f"{_letters(column)}{row}")
            if value != "=":
                from openpyxl.formula.translate import Translator   # only for a file Excel saved with shared formulas

                shared[index] = Translator(value, f"{_letters(column)}{row}")
            return value
        raise Unsure("a data-table formula")

    def _numbers(self) -> None:
        """Numbers openpyxl reads otherwise than calamine: exact text, and dates by the cell's style."""
        for hit in _ODD_VALUE.finditer(self.data):   # text where a number belongs: openpyxl fails, or strips it
            row, column, _, _ = self._cell_at(self._enclosing_cell(hit.start()), hit.start())
            if (row, column) not in self.exact:
                raise Unsure("a value that is not a number")
        for hit in _EXACT_NUMBER.finditer(self.data):
            self._number_cell(self._enclosing_cell(hit.start()))
        if 0 in self.dates:
            raise Unsure("the default style is a date")
        if self.dates:
            styled = re.compile(rb'<c [^>]*?\bs="0*(?:%s)"' % b"|".join(str(s).encode() for s in sorted(self.dates)))
            for hit in styled.finditer(self.data):
                self._number_cell(hit.start())

    def _number_cell(self, start: int) -> None:
        row, column, attributes, content = self._cell_at(start)
        if (row, column) in self.exact or attributes.get(b"t", b"n") != b"n":
            return
        value = _VALUE.search(content)
        if value is None or not value[1]:
            return
        number = _cast_number(value[1].decode())
        style = int(attributes.get(b"s", b"0") or 0)
        if style in self.dates:
            try:
                number = _from_excel(number, style in self.durations)
            except (OverflowError, ValueError):
                pass   # openpyxl's "#VALUE!", which the reader turns back into the number typed
        self.exact[(row, column)] = number

    def rows(self, sheet) -> list[tuple]:
        """calamine's rows with openpyxl's values: exact cells put in, numbers cast as openpyxl does, and
        empty rows one shared empty tuple each (see calamine._calamine_rows)."""
        rows: list[tuple] = []
        exact = self.exact
        plain = _PLAIN_TYPES
        width = 0
        dates: list[tuple[int, int]] = []   # (row, column) from calamine's first, of a date it read
        for r in sheet.iter_rows():
            width = len(r)
            if r.count("") == width:
                rows.append(())
                continue
            if "" in r:
                r = [None if v == "" else v for v in r]
            if not plain.issuperset(map(type, r)):
                r = list(r)
                for c, value in enumerate(r):
                    kind = type(value)
                    if kind is float:
                        if value.is_integer():
                            r[c] = int(value)   # an exact cell (5.0 typed as such) is put back below
                    elif kind not in plain:
                        dates.append((len(rows), c))
            rows.append(tuple(r))
        if rows:
            (top, left), (bottom, right) = sheet.start, sheet.end
            # iter_rows starts at the first used row and column, or at A1, depending on the version.
            across = left if left and width == right - left + 1 else 0
            down = top if top and len(rows) == bottom - top + 1 else 0
            if across:
                rows = [(None,) * across + r if r else r for r in rows]
            if down:
                rows = [()] * down + rows
            if any((r + down + 1, c + across + 1) not in exact for r, c in dates):
                raise Unsure("a date by calamine's reading only")
        by_row: dict[int, list[tuple[int, object]]] = {}
        for (r, c), value in exact.items():
            by_row.setdefault(r, []).append((c, value))
        for r in range(len(rows), max(self.last_row, max(by_row, default=0))):
            rows.append(())
        for r, put in by_row.items():
            cells = list(rows[r - 1])
            width = max(c for c, _ in put)
            if len(cells) < width:
                cells.extend([None] * (width - len(cells)))
            for c, value in put:
                cells[c - 1] = value
            rows[r - 1] = tuple(cells)
        # Each row as wide as openpyxl gives it: to its last cell element, whether or not it holds a value.
        widths = self.widths
        for index, row in enumerate(rows):
            width = widths.get(index + 1, 0)
            if len(row) != width:
                if any(v is not None for v in row[width:]):
                    raise Unsure("a value calamine places beyond its row's cells")
                rows[index] = row[:width] + (None,) * (width - len(row)) if width else ()
        return rows

    def merged(self) -> list[tuple[int, int, int, int]]:
        """xlsx.merged_ranges_xlsx over the sheet already in memory."""
        found: set[bytes] = set()
        ranges = []
        if b"mergeCell" in self.data:
            for match in _MERGE_REF.finditer(self.data):
                if match[0] not in found:
                    found.add(match[0])
                    ranges.append((int(match[2]), column_index(match[1].decode()),
                                   int(match[4]), column_index(match[3].decode())))
        return ranges


def _letters(column: int) -> str:
    from .cell_values import column_letter

    return column_letter(column)


def raw_sheets_xlsx(path: Path, suffix: str | None = None, skip: frozenset[str] = frozenset()
                    ) -> tuple[list[RawSheet], WorkbookMeta | None]:
    """An .xlsx or .xlsm file's raw sheets: through calamine when the scan vouches for every value,
    through openpyxl otherwise (which also names the problem in a damaged file). skip: sheets the
    caller does not use, which the calamine path leaves unread (the openpyxl path reads them all)."""
    from ..tables import check_workbook_file

    from .xlsx import _raw_sheets_openpyxl

    check_workbook_file(path, suffix)
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):   # calamine tells the format by the name
        try:
            return raw_sheets_fast(path, skip)
        except Exception:   # Unsure, or damage: openpyxl reads it, or says what is wrong
            pass
    return _raw_sheets_openpyxl(path, suffix)
