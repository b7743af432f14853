"""Coverage of the recommendation list, statistics per group, and each finding placed on the
master cell its source cell became."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from ..findings import Severity
from ..groups import DEFAULT_GROUPS, normalise
from ..ids import id_text
from ..master import MasterRow, natural_key, sheet_names
from ..schema import IMPLEMENTATION_PLAN, MATRICES, RESPONSES
from .results import CoverageRow, GroupStats, MergeResult, PlacedFinding
from .rows import _relabel_group, _summary_line
from .sources import _Loaded


def _response_key(value: object) -> str:
    if value is None:
        return ""
    wanted = normalise(str(value))
    for en, fr in RESPONSES.items():
        if wanted in (normalise(en), normalise(fr)):
            return en
    return str(value).strip()


def _response_label(key: str, lang: str) -> str:
    return RESPONSES.get(key, key) if lang == "fr" else key


def _group_keys_in(text: object) -> list[str]:
    if text is None:
        return []
    keys = []
    for part in str(text).replace("\n", ";").split(";"):
        wanted = normalise(part)
        for group in DEFAULT_GROUPS:
            if wanted and wanted in (normalise(group.en), normalise(group.fr), group.key):
                keys.append(group.key)
    return keys


def _coverage(result: MergeResult, lists: list[list[dict[str, object]]], embedded: dict[str, set[str]],
              lang: str) -> None:
    records: dict[str, dict[str, object]] = {}
    for records_list in lists:
        for record in records_list:
            rec_id = id_text(record.get("id"))
            if rec_id and rec_id not in records:
                records[rec_id] = dict(record, id=rec_id)
    coverage: dict[str, CoverageRow] = {}
    for rec_id, record in records.items():
        record["response"] = _response_label(_response_key(record.get("response")), lang) or None
        assigned = list(dict.fromkeys(_group_keys_in(record.get("groups")) + sorted(embedded.get(rec_id, ()))))
        coverage[rec_id] = CoverageRow(rec_id, record, True, assigned)
    for sheet in MATRICES:
        for row in result.rows[sheet.kind]:
            rec_id = row.recommendation_id
            if not rec_id or isinstance(row.values.get("recommendation_id"), (int, float)):
                continue   # no ID, or a number several listed IDs share (see _rows_of)
            if rec_id not in coverage:
                # Without any list every typed ID counts; with one, an ID it lacks is counted apart.
                record = {"id": rec_id, "text": row.values.get("recommendation"),
                          "recommending_states": row.values.get("recommending_states"),
                          "response": row.values.get("response")}
                coverage[rec_id] = CoverageRow(rec_id, record, not records)
            item = coverage[rec_id]
            if not item.in_list:
                item.rows.append(f"{row.group}, {row.source_file} {row.source_sheet}!{row.source_row}")
            target = item.planned_by if sheet.kind == IMPLEMENTATION_PLAN.kind else item.strategy_by
            if row.group not in target:
                target.append(row.group)
            line = _summary_line(row, lang)
            item.by_group[row.group] = (item.by_group[row.group] + "\n" + line) if row.group in item.by_group \
                else line
    for item in coverage.values():
        if item.assigned:
            item.record["groups"] = "; ".join(_relabel_group(k, k, lang) for k in item.assigned)
    ordered = sorted(coverage.values(), key=lambda c: natural_key(c.id))
    result.coverage = [c for c in ordered if c.in_list]
    result.unlisted = [c for c in ordered if not c.in_list]


def _group_stats(result: MergeResult, loaded: list[_Loaded], lang: str) -> None:
    stats: dict[str, GroupStats] = {}

    def get(key: str, name: str) -> GroupStats:
        if key not in stats:
            stats[key] = GroupStats(key, _relabel_group(key, name, lang))
        return stats[key]

    for item in loaded:
        g = get(item.source.group_key, item.source.group)
        g.files.append(item.path.name)
        if item.group_sheet:
            for k, v in item.group_sheet.items():
                if v is not None and g.worksheet.get(k) is None:
                    g.worksheet[k] = v
    for sheet in MATRICES:
        required = [c.key for c in sheet.required]
        for row in result.rows[sheet.kind]:
            g = get(row.group_key, row.group)
            g.rows[sheet.kind] += 1
            g.filled[sheet.kind][0] += sum(row.values.get(k) is not None for k in required)
            g.filled[sheet.kind][1] += len(required)
            score = row.smart.get("smart_score")
            if isinstance(score, (int, float)) and not isinstance(score, bool):
                g.smart_scores.append(score)
    for item in result.coverage:
        for key in item.assigned:
            get(key, key).assigned += 1
    by_label = {g.label: g for g in stats.values()}
    for item in result.coverage:
        for name in item.groups:
            if name in by_label:
                by_label[name].addressed += 1
        for key in item.assigned:
            g = stats[key]
            if g.not_in_strategy is None:
                g.not_in_strategy = 0
            if g.label not in item.strategy_by:
                g.not_in_strategy += 1
    order = {g.key: i for i, g in enumerate(DEFAULT_GROUPS)}
    result.group_stats = sorted(stats.values(), key=lambda g: (order.get(g.key, len(order)), g.label.casefold()))


def _place_findings(result: MergeResult, loaded: list[_Loaded], lang: str) -> None:
    """Each finding with a link to the master cell its source cell became."""
    titles = sheet_names(lang)
    where: dict[tuple[str, str, int], MasterRow] = {}
    for sheet in MATRICES:
        for row in result.rows[sheet.kind]:
            if row.origin == "source":
                where[(row.source_path, row.source_sheet, row.source_row)] = row
    letters = {kind: {c.key: i for i, c in enumerate(columns, start=1)} for kind, columns in result.columns.items()}
    stray_rows = {(s.source_path, s.sheet, s.cell): i for i, s in enumerate(result.stray, start=2)}
    source_rows = {str(s.path): i for i, s in enumerate(result.sources, start=2)}
    for item in loaded:
        if item.findings is None:
            continue
        for f in item.findings:
            link = None
            row = where.get((f.file, f.sheet, f.row)) if f.row is not None else None
            if f.type == "stray-cell" and (f.file, f.sheet, f.cell) in stray_rows:
                link = (titles["stray"], f"E{stray_rows[(f.file, f.sheet, f.cell)]}")
            elif row is not None:
                column = letters[row.kind].get(f.field or "recommendation_id", 1)
                link = (titles[row.kind], f"{get_column_letter(column)}{row.master_row}")
            elif str(item.path) in source_rows:
                link = (titles["sources"], f"A{source_rows[str(item.path)]}")
            result.findings.append(PlacedFinding(f, item.source.group, link))
    severity_order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    result.findings.sort(key=lambda p: severity_order[p.finding.severity])
