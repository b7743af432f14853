"""Reading a previous master (OldMaster): its rows, removed rows and the coordinator's own
columns, so a re-merge keeps what the coordinator typed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError, library_reason
from ..groups import normalise
from ..metadata import WorkbookMeta, metadata_from_openpyxl
from ..schema import MATRICES, matrix
from .columns import (COLUMNS_SHEET, COORDINATOR_COLUMNS, MASTER_KIND, SMART_COLUMNS, extra_key,
                      _known_headers, own_key)
from .labels import sheet_names
from .rows import Formula, MasterRow
from .writing import CARRIAGE_RETURN


@dataclass
class OldMaster:
    path: Path
    lang: str
    rows: dict[str, list[MasterRow]]            # kind -> rows, in sheet order
    removed: list[MasterRow]
    own_columns: dict[str, list[str]]           # kind -> coordinator's own headers
    meta: WorkbookMeta | None = None


def _cell_value(cell) -> object:
    value = cell.value
    if getattr(cell, "data_type", None) == "f" and isinstance(value, str):
        return Formula(value)
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, str) and CARRIAGE_RETURN in value:
        return value.replace(CARRIAGE_RETURN, "\r")
    return value


def _group_extra_headers(wb) -> dict[str, dict[str, str]]:
    """Sheet kind -> {header in the master: the group's own header} for the groups' extra columns."""
    if COLUMNS_SHEET not in wb.sheetnames:
        return {}
    found: dict[str, dict[str, str]] = {}
    for row in wb[COLUMNS_SHEET].iter_rows(min_row=2, values_only=True):
        if row and len(row) >= 3 and row[0] and row[1] and row[2] == "extra":
            original = row[3] if len(row) > 3 and row[3] else row[1]
            found.setdefault(str(row[0]), {})[str(row[1])] = str(original)
    return found


def _read_rows(ws, kind_of_row, known: dict[str, str], extra_headers: dict[str, str]
               ) -> tuple[list[MasterRow], list[str]]:
    """Rows of a master sheet by header; unknown headers are the coordinator's own columns,
    unless the hidden column list says a group's workbook brought them."""
    rows_iter = ws.iter_rows()
    try:
        header_cells = next(rows_iter)
    except StopIteration:
        return [], []
    keys: list[str | None] = []
    own: list[str] = []
    for cell in header_cells:
        header = None if cell.value is None else str(cell.value).strip()
        if not header:
            keys.append(None)
        elif header in extra_headers:
            keys.append(extra_key(extra_headers[header]))
        elif normalise(header) in known:
            keys.append(known[normalise(header)])
        else:
            keys.append(own_key(header))
            own.append(header)
    result = []
    for cells in rows_iter:
        record: dict[str, object] = {}
        for key, cell in zip(keys, cells):
            if key is None:
                continue
            value = _cell_value(cell)
            if value is not None:
                record[key] = value
        if not record:
            continue
        kind = kind_of_row(record)
        if kind is not None:
            result.append(_row_from_record(kind, record))
    return result, own


def _row_from_record(kind: str, record: dict[str, object]) -> MasterRow:
    sheet = matrix(kind)
    schema_keys = {c.key for c in sheet.columns if not c.hidden}
    values = {k: record.get(k) for k in schema_keys}
    if values.get("recommendation_id") is not None:
        values["recommendation_id"] = str(values["recommendation_id"]).strip()
    coordinator = {c.key: record[c.key] for c in COORDINATOR_COLUMNS if c.key in record}
    smart = {c.key: record[c.key] for c in SMART_COLUMNS if c.key in record}
    source_row = record.get("source_row")
    try:
        source_row = int(source_row) if source_row is not None else None
    except (TypeError, ValueError):
        pass
    removed_on = record.get("removed_on")
    if isinstance(removed_on, dt.datetime):
        removed_on = removed_on.date()
    group = str(record.get("group") or "")
    group_key = str(record.get("group_key") or "") or _group_key_of_label(group)
    return MasterRow(
        kind=kind, values=values, group_key=group_key, group=group,
        extras={k[6:]: v for k, v in record.items() if k.startswith("extra:")},
        own={k[4:]: v for k, v in record.items() if k.startswith("own:")},
        coordinator=coordinator, smart=smart,
        source_file=str(record.get("source_file") or ""),
        source_sheet=str(record.get("source_sheet") or ""), source_row=source_row,
        source_modified=record.get("source_modified"), source_notes=str(record.get("source_notes") or ""),
        row_key=str(record.get("row_key") or ""), removed_on=removed_on, origin="kept")


def _group_key_of_label(label_text: str) -> str:
    from ..groups import DEFAULT_GROUPS

    wanted = normalise(label_text)
    for group in DEFAULT_GROUPS:
        if wanted in (normalise(group.en), normalise(group.fr), group.key):
            return group.key
    return wanted


def _find_sheet(wb, key: str) -> object | None:
    for lang in ("en", "fr"):
        name = sheet_names(lang)[key]
        if name in wb.sheetnames:
            return wb[name]
    wanted = {normalise(sheet_names(lang)[key]) for lang in ("en", "fr")}
    return next((wb[n] for n in wb.sheetnames if normalise(n) in wanted), None)


def read_master(path: Path) -> OldMaster:
    """Read back a master this module wrote (possibly edited and re-saved by the coordinator)."""
    import openpyxl

    path = Path(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:
        raise OutputError("errors.output.master_unreadable", path=path, reason=library_reason(exc)) from exc
    try:
        meta = metadata_from_openpyxl(wb)
        is_master = (meta is not None and meta.kind == MASTER_KIND) or \
            (_find_sheet(wb, "coverage") is not None and _find_sheet(wb, "sources") is not None)
        if not is_master:
            raise OutputError("errors.output.not_master", path=path)
        lang = meta.lang if meta and meta.lang in ("en", "fr") else "en"
        extra_headers = _group_extra_headers(wb) or {}
        rows: dict[str, list[MasterRow]] = {}
        own_columns: dict[str, list[str]] = {}
        for sheet in MATRICES:
            ws = _find_sheet(wb, sheet.kind)
            if ws is None:
                rows[sheet.kind], own_columns[sheet.kind] = [], []
                continue
            rows[sheet.kind], own_columns[sheet.kind] = _read_rows(
                ws, lambda record, kind=sheet.kind: kind, _known_headers((sheet.kind,)),
                extra_headers.get(sheet.kind, {}))
        removed: list[MasterRow] = []
        ws = _find_sheet(wb, "removed")
        if ws is not None:
            titles = {normalise(s.title(lg)): s.kind for s in MATRICES for lg in ("en", "fr")}

            def kind_of(record: dict[str, object]) -> str | None:
                return titles.get(normalise(str(record.get("matrix") or "")))

            removed, own = _read_rows(ws, kind_of, _known_headers(tuple(s.kind for s in MATRICES)),
                                      extra_headers.get("removed", {}))
            for name in own:
                for kind in own_columns:
                    if name not in own_columns[kind]:
                        own_columns[kind].append(name)
        return OldMaster(path, lang, rows, removed, own_columns, meta)
    except OutputError:
        raise
    except Exception as exc:  # read-only mode parses each sheet only now: damage surfaces here
        raise OutputError("errors.output.master_damaged", path=path, reason=library_reason(exc)) from exc
    finally:
        wb.close()
