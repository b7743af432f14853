"""A merged row (MasterRow) and how rows are compared, keyed and ordered across re-merges."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from ..schema import matrix


class Formula(str):
    """A formula the coordinator typed in one of their columns: written back as a formula."""


@dataclass(slots=True)
class MasterRow:
    """One row of a master matrix sheet (or of Removed rows)."""

    kind: str
    values: dict[str, object]                       # schema key -> value (no row key)
    group_key: str
    group: str
    extras: dict[str, object] = field(default_factory=dict)       # group extra header -> value
    coordinator: dict[str, object] = field(default_factory=dict)  # status, notes, follow-up date
    own: dict[str, object] = field(default_factory=dict)          # coordinator's own column -> value
    smart: dict[str, object] = field(default_factory=dict)        # smart_score, smart_missed, indicator_type
    source_file: str = ""
    source_sheet: str = ""
    source_row: int | None = None
    source_modified: dt.datetime | None = None
    source_notes: str = ""      # merged cells and formulas behind the values, see cell_notes()
    row_key: str = ""
    source_path: str = ""       # the file as the reader named it, to place its findings
    removed_on: dt.date | None = None
    origin: str = "source"      # "source": merged now; "kept": from the previous master
    merge_key: str = ""
    master_row: int | None = None

    @property
    def recommendation_id(self) -> str:
        value = self.values.get("recommendation_id")
        return "" if value is None else str(value).strip()

    def cell(self, key: str) -> object:
        if key in self.values:
            return self.values[key]
        if key in self.coordinator:
            return self.coordinator[key]
        if key in self.smart:
            return self.smart[key]
        if key.startswith("own:"):
            return self.own.get(key[4:])
        if key.startswith("extra:"):
            return self.extras.get(key[6:])
        return {
            "group": self.group, "source_file": self.source_file, "source_sheet": self.source_sheet,
            "source_row": self.source_row, "source_modified": self.source_modified,
            "source_notes": self.source_notes or None, "row_key": self.row_key or None,
            "group_key": self.group_key or None, "removed_on": self.removed_on,
        }.get(key)

    def content_key(self) -> str:
        return content_key(self.kind, self.group_key, self.values)

    def base_key(self) -> str:
        """Recommendation + group + the group workbook's row key; content when there is no key."""
        rest = self.row_key or f"#{self.content_key()}"
        return f"{self.kind}|{self.group_key}|{self.recommendation_id}|{rest}"


def comparable(value: object) -> str:
    """A value as text for comparing rows: whitespace, number and date forms folded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def content_key(kind: str, group_key: str, values: dict[str, object]) -> str:
    sheet = matrix(kind)
    parts = [kind, group_key, comparable(values.get("recommendation_id"))]
    parts += [comparable(values.get(c.key)) for c in sheet.inputs if c.key != "recommendation_id"]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def assign_merge_keys(rows: list[MasterRow]) -> None:
    """Give each row a unique merge key: a copied row key falls back to content, then a counter."""
    seen: set[str] = set()
    for row in rows:
        key = row.base_key()
        if key in seen:
            key = f"{row.kind}|{row.group_key}|{row.recommendation_id}|#{row.content_key()}"
        base, n = key, 1
        while key in seen:
            n += 1
            key = f"{base}~{n}"
        seen.add(key)
        row.merge_key = key


def natural_key(text: object) -> tuple:
    """77.2 before 77.10; IDs sort as numbers part by part, empty IDs last."""
    text = "" if text is None else str(text).strip().casefold()
    if not text:
        return ((2, ""),)
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", text) if part)


def row_order(row: MasterRow) -> tuple:
    return (natural_key(row.recommendation_id), row.group.casefold(), row.source_file.casefold(),
            row.source_sheet, row.source_row or 0)
