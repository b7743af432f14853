"""Opening a workbook of any supported format, and recognising in its sheets the matrices, the
recommendation list and the group worksheet; every other typed cell is kept as a stray cell."""

from __future__ import annotations

import datetime as dt
import functools
import zipfile
from pathlib import Path

from ..errors import InputError
from ..files import file_sha256, open_regular, regular_file
from ..groups import normalise
from ..i18n import t
from ..locale import LANGUAGES, text
from ..ids import IdIndex, id_text
from ..instructions import instruction_rows
from ..metadata import LIST_SHEET, WorkbookMeta, full_list_from_rows
from ..schema import GROUP_WORKSHEET, MATRICES, RECOMMENDATIONS
from ..tables import OLE_MAGIC, ZIP_MAGIC
from .calamine import _raw_sheets_calamine
from .cell_values import _is_empty, _is_formula
from .headers import _find_header, _low_header_hint, _sheet_titles
from .matrix import _read_matrix
from .model import Cell, GroupSheet, Matrix, Notice, RawSheet, WorkbookData
from .xlsx import SavedResults
from .xlsx_fast import raw_sheets_xlsx


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def _read_recommendation_list(raw: RawSheet) -> list[dict[str, object]]:
    header_row, columns, _ = _find_header(raw.rows, RECOMMENDATIONS.columns)
    if "id" not in columns or "text" not in columns:
        return []
    records = []
    for row in raw.rows[header_row:]:
        if not row:
            continue
        record = {k: (row[c - 1] if c - 1 < len(row) else None) for k, c in columns.items()}
        if _is_empty(record.get("id")) or _is_formula(record.get("id")):
            continue
        record["id"] = id_text(record["id"])   # an ID, never a label: "A/HRC/17/4 - 77.1" stays whole
        records.append(record)
    return records


def _read_group_sheet(raw: RawSheet) -> GroupSheet | None:
    labels = {}
    for f in GROUP_WORKSHEET.fields:
        for name in f.header_names:
            labels[normalise(name)] = f.key
    values, cells = {}, {}
    for r, row in enumerate(raw.rows[:20], start=1):
        if not row or _is_empty(row[0]):
            continue
        key = labels.get(normalise(str(row[0])))
        if key and key not in values:
            value = row[1] if len(row) > 1 else None
            values[key] = None if _is_empty(value) else value
            cells[key] = f"B{r}"
    return GroupSheet(raw.name, values, cells) if len(values) >= 3 else None


def _group_sheet_stray(raw: RawSheet, recommendations: list[dict[str, object]]) -> list[Cell]:
    """Cells of the group worksheet that are neither its form nor its computed table: notes a
    group typed there. Formulas are the template's; their results (in .ods and .xls) show the
    list's IDs and texts."""
    own = _group_sheet_texts() | {" ".join(str(v).split()) for r in recommendations
                                  for v in (r.get("id"), r.get("text")) if v}
    found = []
    for r, row in enumerate(raw.rows, start=1):
        if not row:
            continue
        labelled = not _is_empty(row[0]) and " ".join(str(row[0]).split()) in own
        for c, value in enumerate(row, start=1):
            if _is_empty(value) or _is_formula(value) or (c == 2 and labelled):
                continue
            text = " ".join(str(value).split())
            if text in own or (r == 1 and c == 1 and text.startswith((GROUP_WORKSHEET.en, GROUP_WORKSHEET.fr))):
                continue
            found.append(Cell(raw.name, r, c, value))
    return found


@functools.lru_cache(maxsize=1)
def _group_sheet_texts() -> frozenset[str]:
    """What the template writes on the group worksheet, in both languages."""
    texts = {GROUP_WORKSHEET.not_addressed_en, GROUP_WORKSHEET.not_addressed_fr}
    for lang in ("en", "fr"):
        texts.update({t("group_worksheet_hint", lang), t("not_addressed_count", lang), t("addressed", lang),
                      t("not_addressed", lang), GROUP_WORKSHEET.title(lang), RECOMMENDATIONS.column("id").label(lang),
                      RECOMMENDATIONS.column("text").label(lang)})
        texts.update(m.title(lang) for m in MATRICES)
        texts.update(f.label(lang) for f in GROUP_WORKSHEET.fields)
    return frozenset(" ".join(x.split()) for x in texts)


def _template_text() -> set[str]:
    """Title and hint lines the templates write above the header."""
    texts = {t("hint", "en"), t("hint", "fr")}
    for sheet in MATRICES:
        texts.update({sheet.en, sheet.fr})
    return texts


def _titles_ok(value: str) -> bool:
    return any(value.startswith(s.en) or value.startswith(s.fr) for s in MATRICES)


def workbook_suffix(path: Path) -> str:
    """The workbook format a file holds: its extension ("x.xlsx " with a trailing space too), or,
    without one, what its first bytes say; "" when it is no workbook this reader can open."""
    suffix = Path(str(path).rstrip(" .")).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return suffix
    if suffix and suffix[1:].isalpha():
        return ""   # .pdf, .docx, .xlsb ...: an extension that says what the file is
    try:
        with open_regular(path) as handle:
            head = handle.read(8)
    except InputError:
        return ""
    if head.startswith(OLE_MAGIC):
        return ".xls"
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return ""
        if "xl/workbook.xml" in names:
            return ".xlsm" if "xl/vbaProject.bin" in names else ".xlsx"
        if "content.xml" in names:
            return ".ods"
    return ""


def open_workbook(path: Path, *, full_list: bool = True) -> WorkbookData:
    """Read any supported workbook; raises InputError when it cannot be read at all.

    Only a regular file is opened (a named pipe or a device would block forever). full_list=False: the
    whole list a group workbook carries for the merge (metadata.LIST_SHEET, hidden) may be left unread,
    and WorkbookData.full_list empty; validation never uses it, and it is a fifth of a workbook's XML."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise InputError(path, "errors.file.missing")
    info = regular_file(path)
    suffix = workbook_suffix(path)
    if not suffix:
        typed = path.suffix.lower()
        if typed == ".xlsb":
            raise InputError(path, "errors.workbook.xlsb")
        if not typed:
            raise InputError(path, "errors.workbook.no_extension")
        raise InputError(path, "errors.workbook.not_workbook", suffix=typed)
    if suffix in (".xlsx", ".xlsm"):
        sheets, meta = raw_sheets_xlsx(path, suffix, skip=frozenset() if full_list else frozenset({LIST_SHEET}))
        saved = SavedResults(path)
    else:
        sheets, meta = _raw_sheets_calamine(path, suffix)   # calamine reads formulas' saved results already
        saved = None
    try:
        return read_sheets(sheets, meta, path=path, format=suffix[1:],
                           modified=dt.datetime.fromtimestamp(info.st_mtime).replace(microsecond=0),
                           sha256=file_sha256(path), formula_values=saved)
    finally:
        if saved is not None:
            saved.close()


def read_sheets(sheets: list[RawSheet], meta: WorkbookMeta | None, *, path: Path, format: str,
                modified: dt.datetime, sha256: str = "", formula_values=None) -> WorkbookData:
    """Recognise matrices, the list and the group worksheet in sheets already read.

    Files come through open_workbook; a live Excel book (xlwings) can pass its sheets' values
    here directly, so validation never needs the book saved first. formula_values(sheet, cells)
    gives the saved results of formulas typed in input cells (see SavedResults); without it,
    and without RawSheet.merged, formulas and merged cells are read as they are.

    Nothing typed is dropped: a sheet that is neither a matrix nor one of the tool's own
    (hidden or not) gives all its cells as stray cells, text typed on the Instructions sheet
    is stray too, and every cell comment is a stray cell of its own.
    """
    recommendations: list[dict[str, object]] = []
    full_list = next((full_list_from_rows(raw.rows) for raw in sheets if raw.name == LIST_SHEET), [])
    sheets = [raw for raw in sheets if raw.name != LIST_SHEET]
    for raw in sheets:
        if normalise(raw.name) in _sheet_titles(RECOMMENDATIONS):
            recommendations = _read_recommendation_list(raw)
            if recommendations:
                break
    lookup = {str(r["id"]): r for r in recommendations}
    ids = IdIndex(lookup)
    template_text = _template_text()
    matrices: list[Matrix] = []
    group_sheet = None
    stray: list[Cell] = []
    notices: list[Notice] = []
    template_kinds = {x.kind for x in MATRICES}
    wanted = [m for m in MATRICES if not meta or meta.kind not in template_kinds or m.kind == meta.kind]
    for raw in sheets:
        stray.extend(Cell(raw.name, r, c, text, comment=True) for r, c, text, author in raw.comments
                     if author != _ANNOTATION_AUTHOR)
        title = normalise(raw.name)
        if title in _sheet_titles(RECOMMENDATIONS) or title in _OWN_CONFIG_SHEETS or _is_check_sheet(raw):
            continue
        if title in _sheet_titles(GROUP_WORKSHEET):
            group_sheet = group_sheet or _read_group_sheet(raw)
            stray.extend(_group_sheet_stray(raw, recommendations))
            continue
        if title in _INSTRUCTIONS_TITLES:
            # The example row shows a recommendation of the workbook's own list.
            own = _instruction_texts() | {" ".join(str(v).split()) for r in recommendations
                                          for v in (r.get("id"), r.get("text")) if v}
            stray.extend(Cell(raw.name, r, c, v) for r, row in enumerate(raw.rows, start=1) if row
                         for c, v in enumerate(row, start=1)
                         if not _is_empty(v) and " ".join(str(v).split()) not in own)
            continue
        # Prefer the schema whose sheet title matches, then try the others by headers.
        order = sorted(wanted, key=lambda m: title not in _sheet_titles(m))
        for sheet in order:
            found_stray: list[Cell] = []
            positional = bool(meta and meta.kind == sheet.kind)
            matrix = _read_matrix(raw, sheet, lookup, found_stray, template_text, formula_values, ids=ids,
                                  positional=positional, notices=notices)
            if matrix:
                matrices.append(matrix)
                # A title line with the group's name is template text too.
                stray.extend(c for c in found_stray
                             if not (c.row == 1 and c.column == 1 and _titles_ok(str(c.value))))
                break
        else:
            form = _read_group_sheet(raw) if group_sheet is None and not raw.hidden else None
            if form is not None:
                group_sheet = form
            else:   # an extra sheet of notes, a hidden copy, anything: every typed cell is kept
                stray.extend(Cell(raw.name, r, c, v) for r, row in enumerate(raw.rows, start=1) if row
                             for c, v in enumerate(row, start=1) if not _is_empty(v))
    hint = "" if matrices else _low_header_hint(sheets, wanted)
    return WorkbookData(
        path=Path(path), meta=meta, matrices=matrices, recommendations=recommendations,
        group_sheet=group_sheet, stray=stray, modified=modified, sha256=sha256, format=format,
        notices=notices, no_matrix_hint=hint, full_list=full_list)


# The annotated copy's own notes and Check sheet (see annotate.py) are not typed by participants.
_ANNOTATION_AUTHOR = "UPR Matrix"
_OWN_CONFIG_SHEETS = frozenset(normalise(t("lists", lang)) for lang in ("en", "fr"))
_INSTRUCTIONS_TITLES = frozenset(normalise(t("instructions", lang)) for lang in ("en", "fr"))


def _is_check_sheet(raw: RawSheet) -> bool:
    first = raw.rows[0] if raw.rows else ()
    return (normalise(raw.name) in {normalise(text("check.sheet", lang)) for lang in LANGUAGES} and bool(first)
            and str(first[0]) in {text("check.header.severity", lang) for lang in LANGUAGES})


@functools.lru_cache(maxsize=1)
def _instruction_texts() -> frozenset[str]:
    """Every text the templates write on the Instructions sheet, in both languages."""
    return frozenset(" ".join(str(v).split()) for sheet in MATRICES for lang in ("en", "fr")
                     for row in instruction_rows(sheet, lang) for v in row if v)


def find_workbooks(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """The workbooks to read under paths, and the unusable inputs (inputs.scan_inputs tells the rest)."""
    from ..inputs import scan_inputs

    scan = scan_inputs(paths)
    return scan.files, scan.problems
