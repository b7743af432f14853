"""Refresh a group workbook's recommendation list from a newer list file.

The facilitator re-imports a corrected list during the workshop. The group's workbook takes
the new list; what participants typed stays where it is. A typed row whose ID left the list
is found by the ordinary unknown-recommendation check, so it is flagged, never deleted.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .groups import GroupMapping
from .recommendations import import_recommendations, list_hash, recommendation_rows
from .reader import WorkbookData
from .report import FileReport
from .schema import RECOMMENDATIONS


@dataclass
class ListRefresh:
    source: Path
    rows: list[list[object]]          # the group's new list, one row per recommendation, schema column order
    whole_list: list[list[object]]    # every recommendation of the new list, same columns (metadata.LIST_SHEET)
    list_hash: str
    added: list[str]
    removed: list[str]
    # Typed rows citing an ID the new list no longer has: unknown-recommendation findings.
    orphans: FileReport

    def summary(self, lang: str = "en") -> str:
        from .locale import text

        orphan_rows = len({f.row for f in self.orphans.findings})
        summary = text("refresh.summary", lang, file=self.source.name, n=len(self.rows), added=len(self.added),
                       removed=len(self.removed))
        return f"{summary} {text('refresh.orphans', lang, n=orphan_rows)}" if orphan_rows else summary


def refresh_list(data: WorkbookData, source: Path, *, mapping: GroupMapping | None = None) -> ListRefresh:
    """The group's part of the list at source, and the typed rows it leaves without a recommendation."""
    from .validate import validate_workbook

    source = Path(source)
    mapping = mapping or GroupMapping.default()
    imported = import_recommendations(source, mapping=mapping).recommendations
    group = data.meta.group if data.meta else ""
    mine = [r for r in imported if not group or group in r.groups]
    if not mine:
        raise InputError(source, "errors.list.no_group", lang=data.lang, group=data.group)
    rows = recommendation_rows(mine, data.lang, mapping)
    whole_list = recommendation_rows(imported, data.lang, mapping)
    new_list = [dict(zip(RECOMMENDATIONS.keys, row)) for row in rows]
    old_ids = [str(r["id"]) for r in data.recommendations]
    new_ids = [str(r["id"]) for r in new_list]
    checked = validate_workbook(dataclasses.replace(data, recommendations=new_list), lang=data.lang)
    orphans = FileReport(path=data.path, kind=data.kind, group=data.group,
                         findings=[f for f in checked.findings if f.type == "unknown-recommendation"])
    return ListRefresh(source=source, rows=rows, whole_list=whole_list, list_hash=list_hash(mine),
                       added=[i for i in new_ids if i not in set(old_ids)],
                       removed=[i for i in old_ids if i not in set(new_ids)], orphans=orphans)
