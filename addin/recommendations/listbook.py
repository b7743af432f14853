"""The list workbook UPR Matrix writes (`upr recommendations import`), its rows, hash and
metadata, and reading it back exactly as written."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import fields
from pathlib import Path

from ..errors import InputError
from ..files import save_workbook
from ..groups import GroupMapping
from ..locale import text
from ..metadata import WorkbookMeta, write_metadata
from ..schema import ColumnType, RECOMMENDATIONS, RESPONSES, SCHEMA_VERSION
from .model import ImportResult, LIST_SEPARATOR, MULTI_VALUED, Recommendation, normalise
from .states import state_key
from .cells import _ILLEGAL_CHARACTERS, _int, _text
from .reviews import plan_window_for
from .responses import _translate_note, parse_response
from .sources import _Source, _detect_format, _read_source, read_list_metadata
from .build import _Draft, _cell, _group_keys, _make_ids_unique, _matches_filter, _nothing_matched


# Label values shown in the workbook's language.
_LABEL_VALUES = {key: text(f"listbook.{key}", "fr") for key in ("source", "inferred", "mixed")}


def _cell_value(rec: Recommendation, key: str, lang: str, mapping: GroupMapping) -> object:
    if key == "groups":
        names = []
        for k in rec.groups:
            try:
                names.append(mapping.group(k).label(lang))
            except KeyError:
                names.append(k)
        return LIST_SEPARATOR.join(names) or None
    if key == "response":
        return (RESPONSES.get(rec.response, rec.response) if lang == "fr" else rec.response) or None
    if key == "cross_cutting":
        return text("listbook.yes", lang) if rec.cross_cutting else None
    if key == "labels":
        return _LABEL_VALUES.get(rec.labels, rec.labels) if lang == "fr" else rec.labels
    if key == "label_note":
        return (_translate_note(rec.label_note, to_french=True) if lang == "fr" else rec.label_note) or None
    value = getattr(rec, key, None)
    if key in MULTI_VALUED:
        return LIST_SEPARATOR.join(value) or None
    if key == "id":
        return str(value)
    return value if value != "" else None


def _excel_safe(value: object) -> object:
    return _ILLEGAL_CHARACTERS.sub(" ", value) if isinstance(value, str) else value


def recommendation_rows(recommendations: list[Recommendation], lang: str = "en",
                        mapping: GroupMapping | None = None) -> list[list]:
    """Cell values of each recommendation, one per RECOMMENDATIONS column in schema order."""
    mapping = mapping or GroupMapping.default()
    return [[_excel_safe(_cell_value(rec, key, lang, mapping)) for key in RECOMMENDATIONS.keys]
            for rec in recommendations]


def list_hash(recommendations: list[Recommendation]) -> str:
    """sha256 of what identifies a list: ids, texts, responses and States, in ID order."""
    canonical = sorted(
        [rec.id, " ".join(unicodedata.normalize("NFC", rec.text).split()), rec.response,
         list(rec.recommending_states)]
        for rec in recommendations)
    payload = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _common(values) -> str:
    distinct = list(dict.fromkeys(str(v) for v in values if v not in (None, "")))
    return LIST_SEPARATOR.join(distinct)


def list_metadata(recommendations: list[Recommendation], lang: str = "en") -> dict[str, str]:
    window = plan_window_for(recommendations)
    return {
        "kind": RECOMMENDATIONS.kind,
        "schema_version": SCHEMA_VERSION,
        "lang": lang,
        "list_hash": list_hash(recommendations),
        "state": _common(r.state for r in recommendations),
        "session": _common(r.session for r in recommendations),
        "cycle": _common(r.cycle for r in recommendations),
        "plan_start": str(window[0]) if window else "",
        "plan_end": str(window[1]) if window else "",
    }


def write_list_workbook(recommendations: list[Recommendation], target: Path, *, lang: str = "en",
                        mapping: GroupMapping | None = None, metadata: dict | None = None,
                        assignable: bool = False) -> Path:
    """The list as a workbook; assignable adds the "Assign to group" dropdown (the Unassigned
    workbook, applied by `upr groups assign`)."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.styles import Alignment, Font

    from ..layout import fit_content_widths, fit_header_widths, fit_row_heights

    mapping = mapping or GroupMapping.default()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = RECOMMENDATIONS.title(lang)
    sheet.append([column.label(lang) for column in RECOMMENDATIONS.columns])
    for row in recommendation_rows(recommendations, lang, mapping):
        sheet.append(row)
    for column in RECOMMENDATIONS.columns:
        dimension = sheet.column_dimensions[RECOMMENDATIONS.letter(column.key)]
        dimension.width, dimension.hidden = column.width, column.hidden
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ids = {RECOMMENDATIONS.index(c.key) for c in RECOMMENDATIONS.columns if c.type == ColumnType.ID}
    # Columns wide enough to hold sentences wrap; the row then grows to fit (layout.fit_row_heights).
    wrapped = {RECOMMENDATIONS.index(c.key) for c in RECOMMENDATIONS.columns if c.width >= 20}
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.column in ids:
                cell.number_format = "@"  # "77.10" must not become 77.1
            elif cell.column in wrapped:
                cell.alignment = wrap
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    if assignable:
        from ..assign import add_assign_column

        add_assign_column(workbook, sheet, mapping.groups, lang, len(recommendations))
    fit_header_widths(sheet, 1)
    fit_content_widths(sheet, 2, last_column=len(RECOMMENDATIONS.columns))
    fit_row_heights(sheet)
    properties = list_metadata(recommendations, lang)
    properties.update({str(k): "" if v is None else str(v) for k, v in (metadata or {}).items()})
    for name, value in properties.items():
        workbook.custom_doc_props.append(StringProperty(name=name, value=value))
    # The project's own copy (upr_* properties and a hidden sheet) is what the
    # reader recognises, and it survives LibreOffice and .ods.
    known = {f.name for f in fields(WorkbookMeta)}
    write_metadata(workbook, WorkbookMeta(**{k: v for k, v in properties.items() if k in known}))
    return save_workbook(workbook, Path(target))


def _is_list_workbook(path: Path, source: _Source) -> bool:
    if path.suffix.lower() in (".xlsx", ".xlsm") and \
            read_list_metadata(path).get("kind") == RECOMMENDATIONS.kind:
        return True
    return _detect_format(source.headers, source.columns, []) == "list"


_LABELS_BACK = {normalise(v): k for k, v in _LABEL_VALUES.items()} | {k: k for k in _LABEL_VALUES}


def _list_rec(row: list[object], columns: dict[str, int], mapping: GroupMapping) -> Recommendation | None:
    values: dict[str, object] = {}
    for column in RECOMMENDATIONS.columns:
        raw = _cell(row, columns, column.key)
        if column.key in MULTI_VALUED:
            values[column.key] = [p.strip() for p in _text(raw).split(";") if p.strip()]
        elif column.type == ColumnType.NUMBER:
            values[column.key] = _int(raw) if _text(raw) else None
        else:
            values[column.key] = "" if raw is None else raw if isinstance(raw, str) else _text(raw)
    if not _text(values["text"]):
        return None
    values["groups"] = _group_keys(values["groups"], mapping)
    values["response"] = parse_response(values["response"])[0] if values["response"] else ""
    values["labels"] = _LABELS_BACK.get(normalise(str(values["labels"])), "source")
    values["label_note"] = _translate_note(str(values["label_note"]), to_french=False)
    return Recommendation(**{f.name: values[f.name] for f in fields(Recommendation)})


def _import_list(path, source, state, session, mapping) -> ImportResult:
    recs = [r for r in (_list_rec(row, source.columns, mapping) for row in source.rows) if r]
    empty = len(source.rows) - len(recs)
    if not recs:
        raise InputError(path, "errors.list.empty")
    wanted_state = state_key(state) if state else None
    kept = [r for r in recs if _matches_filter(r, wanted_state, session)]
    if not kept:
        raise _nothing_matched(path, [_Draft(r) for r in recs], state, session)
    # The list is the facilitator's decision: pledges it holds and groups edited by hand stay.
    _make_ids_unique(kept)
    return ImportResult(kept, "list", 0, len(recs) - len(kept), path,
                        skipped_rows={"empty_text": empty} if empty else {})


def read_list_workbook(path, mapping: GroupMapping | None = None) -> list[Recommendation]:
    """Our own list workbook, read back exactly as written."""
    path = Path(path)
    mapping = mapping or GroupMapping.default()
    source = _read_source(path)
    if source.lines is not None or "id" not in source.columns:
        raise InputError(path, "errors.list.not_list")
    return [r for r in (_list_rec(row, source.columns, mapping) for row in source.rows) if r]
