"""Hidden metadata that lets later steps recognise a workbook after renaming.

It is written twice: as custom document properties (what Excel shows under
File > Properties) and on a very hidden sheet, which survives a round trip
through LibreOffice and .ods where custom properties may not.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .schema import SCHEMA_VERSION

META_SHEET = "_upr_meta"


@dataclass
class WorkbookMeta:
    kind: str
    lang: str = "en"
    schema_version: str = SCHEMA_VERSION
    group: str = ""          # group key; "" for a blank template
    group_name: str = ""
    list_hash: str = ""
    state: str = ""
    session: str = ""
    cycle: str = ""
    plan_start: str = ""     # first year of the plan
    plan_end: str = ""       # year of the next review
    row_key_prefix: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, values: dict[str, object]) -> "WorkbookMeta | None":
        if not values.get("kind"):
            return None
        known = {f.name for f in fields(cls)}
        return cls(**{k: "" if v is None else str(v) for k, v in values.items() if k in known})


def write_metadata(workbook, meta: WorkbookMeta) -> None:
    from openpyxl.packaging.custom import StringProperty   # openpyxl (and numpy) only when writing

    values = meta.as_dict()
    props = workbook.custom_doc_props
    for name, value in values.items():
        prop_name = f"upr_{name}"
        if prop_name in props.names:
            del props[prop_name]
        props.append(StringProperty(name=prop_name, value=value or "-"))
    sheet = workbook[META_SHEET] if META_SHEET in workbook.sheetnames else workbook.create_sheet(META_SHEET)
    sheet.delete_rows(1, sheet.max_row)
    sheet.append(["key", "value"])
    for name, value in values.items():
        sheet.append([name, value])
    sheet.sheet_state = "veryHidden"


def metadata_from_openpyxl(workbook) -> WorkbookMeta | None:
    if META_SHEET in workbook.sheetnames:
        sheet = workbook[META_SHEET]
        values = {str(k): v for k, v, *_ in sheet.iter_rows(min_row=2, values_only=True) if k}
        meta = WorkbookMeta.from_dict(values)
        if meta:
            return meta
    values = {}
    for prop in workbook.custom_doc_props.props:
        if prop.name.startswith("upr_"):
            value = prop.value
            values[prop.name[4:]] = "" if value == "-" else value
    return WorkbookMeta.from_dict(values)


def metadata_from_rows(rows: list[list[object]]) -> WorkbookMeta | None:
    """Metadata from the hidden sheet's values, as read by calamine (.ods, .xls)."""
    values = {str(r[0]): r[1] for r in rows[1:] if r and len(r) > 1 and r[0]}
    return WorkbookMeta.from_dict(values)


def read_metadata(path: Path) -> WorkbookMeta | None:
    from .reader import open_workbook  # one place knows how to open every format

    return open_workbook(Path(path)).meta


# The whole list the group workbooks were made from (every group's and the unassigned ones), so
# that any merge counts coverage over all of it, with or without the Unassigned workbook or
# --recommendations. Keys, not labels, head its columns: it reads back in any language.
LIST_SHEET = "_upr_list"


def write_full_list(workbook, records: list[dict[str, object]]) -> None:
    from .schema import RECOMMENDATIONS

    keys = [c.key for c in RECOMMENDATIONS.columns]
    sheet = workbook.create_sheet(LIST_SHEET)
    sheet.append(keys)
    for r, record in enumerate(records, start=2):
        for c, key in enumerate(keys, start=1):
            value = record.get(key)
            if value is None:
                continue
            cell = sheet.cell(r, c, value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"   # recommendation text, never a formula
    sheet.sheet_state = "veryHidden"


def full_list_from_rows(rows: list) -> list[dict[str, object]]:
    """The records of the full-list sheet, keyed as RECOMMENDATIONS; rows without an ID are left out."""
    if not rows:
        return []
    keys = [str(k) if k is not None else "" for k in rows[0]]
    records = []
    for row in rows[1:]:
        record = {k: v for k, v in zip(keys, row or ()) if k}
        if record.get("id") not in (None, ""):
            records.append(record)
    return records
