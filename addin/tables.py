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


@dataclass
class Table:
    path: Path
    sheet: str | None
    columns: list[str]
    rows: list[list[object]]
    encoding: str | None = None


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
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


def read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "this is not a text csv file (binary content)")
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
    rows = list(csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise InputError(path, "the file is empty")
    header, body = rows[0], rows[1:]
    return Table(path, None, [h.strip() for h in header], [list(r) for r in body], encoding)


def read_sheet_rows(path: Path, sheet: str | None = None) -> tuple[str, list[list[object]]]:
    """Values of one sheet (the first when not named), read with calamine."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own types per format
        raise InputError(path, f"cannot open the spreadsheet ({exc})") from exc
    names = workbook.sheet_names
    if not names:
        raise InputError(path, "the workbook has no sheet")
    name = sheet if sheet in names else names[0]
    rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    return name, [list(r) for r in rows]


def read_spreadsheet(path: Path, sheet_names: tuple[str, ...] = ()) -> Table:
    from python_calamine import CalamineWorkbook

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
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        return read_spreadsheet(path, sheet_names)
    if suffix in TEXT_SUFFIXES or not suffix:
        return read_csv(path)
    raise InputError(path, f"unsupported file type {suffix!r}; use .csv, .xlsx, .xls or .ods")
