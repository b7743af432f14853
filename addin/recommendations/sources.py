"""Reading a source file: its header row, columns matched to the schema, the format told from
the headers, headerless lists of lines, and the custom properties of a workbook."""

from __future__ import annotations

import csv
import functools
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree  # workbooks come from anywhere

from ..errors import InputError, os_reason
from ..schema import RECOMMENDATIONS
from ..tables import TEXT_SUFFIXES, decode_text, read_table
from .model import normalise
from .cells import _text
from .paragraphs import paragraph_number


def _header_forms(name: str) -> tuple[str, str, str]:
    exact = normalise(name)
    compact = re.sub(r"[^a-z0-9]", "", exact)
    return exact, compact, compact[:-1] if compact.endswith("s") else compact


def match_columns(headers: list[object]) -> dict[str, int]:
    """Schema key -> column index, matching labels, keys and aliases tolerantly.

    Exact (case, accent and punctuation blind) matches are tried first, then
    letters only ('État(s) recommandant(s)' = 'Etats recommandants'), then
    without a final s.
    """
    header_forms = [_header_forms(_text(h)) if _text(h) else None for h in headers]
    found: dict[str, int] = {}
    for level in range(3):
        for column in RECOMMENDATIONS.columns:
            if column.key in found:
                continue
            names = {_header_forms(n)[level] for n in column.header_names}
            for index, forms in enumerate(header_forms):
                if forms and index not in found.values() and forms[level] in names:
                    found[column.key] = index
                    break
    return found


_UHRI_HEADERS = {"ohchr annotation id", "reccomending body", "recommending body", "countries concerned",
                 "upr reccomending states", "upr recommending states", "upr position", "upr session"}
_UPR_INFO_HEADERS = {"to", "text", "from", "response"}
_UPR_INFO_EXTRA = {"issue", "action", "to rgrp", "from rgrp", "session"}


def _detect_format(headers: list[str], columns: dict[str, int], texts: list[str]) -> str:
    names = {normalise(h) for h in headers}
    labels = {normalise(c.label(lang)) for c in RECOMMENDATIONS.columns for lang in ("en", "fr")
              if c.key in ("id", "text", "labels")}
    if {"id", "labels", "text"} <= set(columns) and \
            {normalise(headers[columns[k]]) for k in ("id", "text", "labels")} <= labels:
        return "list"
    if len(names & _UHRI_HEADERS) >= 2:
        return "uhri"
    if _UPR_INFO_HEADERS <= names and names & _UPR_INFO_EXTRA:
        return "upr-info"
    filled = [t for t in texts if t]
    if filled and sum(bool(paragraph_number(t)) for t in filled) * 2 >= len(filled):
        return "un-report"
    return "plain"


def read_list_metadata(path: Path) -> dict[str, str]:
    """Custom document properties of a workbook, 'upr_' prefixes dropped (empty when none)."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("docProps/custom.xml")
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}
    try:
        properties = ElementTree.fromstring(xml)
    except (ElementTree.ParseError, ValueError):  # damaged or hostile (defusedxml) XML
        return {}
    plain, prefixed = {}, {}
    for prop in properties:
        element = next(iter(prop), None)
        value = (element.text or "") if element is not None else ""
        name = prop.get("name", "")
        if name.startswith("upr_"):
            prefixed[name[4:]] = "" if value == "-" else value
        else:
            plain[name] = value
    return prefixed | plain


@dataclass
class _Source:
    """What the file holds, once its header row has been found."""

    headers: list[str]
    rows: list[list[object]]
    columns: dict[str, int]
    lines: list[str] | None = None   # a headerless list: one paragraph a line

    @functools.cached_property
    def header_index(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for i, header in enumerate(self.headers):
            index.setdefault(normalise(header), i)
        return index

    def extra(self, row: list[object], *names: str) -> object:
        """A cell of a column the schema does not declare (UHRI dates, UN report year)."""
        for name in names:
            i = self.header_index.get(normalise(name))
            if i is not None and i < len(row):
                return row[i]
        return None


def _raw_lines(path: Path) -> list[str]:
    from ..files import read_bytes

    try:
        data = read_bytes(path)
    except OSError as exc:
        raise InputError(path, "errors.file.unreadable", reason=os_reason(exc)) from exc
    text, _ = decode_text(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() == ".txt":
        return text.split("\n")
    # A one-column csv may quote its cells; read them with a delimiter no text holds.
    return [row[0] for row in csv.reader(io.StringIO(text), delimiter="\x1f") if row]


def _is_text_header(cell: str) -> bool:
    return "text" in match_columns([cell])


def _lines_source(lines: list[str]) -> _Source:
    lines = [line for line in lines if line.strip()]
    if lines and not paragraph_number(lines[0]) and _is_text_header(lines[0]):
        lines = lines[1:]  # the header of a one-column list
    return _Source([], [], {}, lines)


def _read_source(path: Path) -> _Source:
    if path.suffix.lower() == ".txt" and path.is_file():
        read_table(path)  # same checks as any file: empty, binary
        lines = _raw_lines(path)
        first = next((line for line in lines if line.strip()), "")
        if "\t" not in first or "text" not in match_columns(first.split("\t")):
            return _lines_source(lines)
    table = read_table(path, sheet_names=(RECOMMENDATIONS.en, RECOMMENDATIONS.fr))
    candidates = [table.columns, *table.rows[:10]]
    for index, header in enumerate(candidates):
        columns = match_columns(header)
        if "text" in columns:
            return _Source([_text(h) for h in header], table.rows[index:], columns)
    all_rows = [table.columns, *table.rows]
    first_cells = [next((_text(v) for v in row if _text(v)), "") for row in all_rows]
    one_column = all(sum(bool(_text(v)) for v in row) <= 1 for row in all_rows[:50])
    if paragraph_number(first_cells[0]) or one_column:
        return _lines_source(_raw_lines(path) if path.suffix.lower() in TEXT_SUFFIXES else first_cells)
    seen = ", ".join(repr(h) for h in table.columns if h)
    expected = ", ".join(RECOMMENDATIONS.column("text").header_names[:4])
    searched = len(candidates)
    lower = next((i for i, row in enumerate(table.rows[searched - 1:HEADER_HINT_ROWS], start=searched + 1)
                  if "text" in match_columns(row)), None)
    if lower is not None:
        raise InputError(path, "errors.list.header_lower", sheet=table.sheet, searched=searched, row=lower,
                         extra=lower - searched)
    if not seen:
        raise InputError(path, "errors.list.no_headers", sheet=table.sheet, searched=searched, expected=expected)
    raise InputError(path, "errors.list.no_text_column", sheet=table.sheet, searched=searched, seen=seen,
                     expected=expected)


# How far below the rows searched a header is looked for, only to say where it is.
HEADER_HINT_ROWS = 1000
