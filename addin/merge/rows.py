"""The master's rows: each source row as a MasterRow, then, on a re-merge, which previous row
each one is (so the coordinator's columns carry over) and which rows move to Removed rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

from ..groups import DEFAULT_GROUPS
from ..ids import number_text
from ..master import (SMART_CRITERIA, MasterRow, OldMaster, assign_merge_keys, cell_notes, label, matrix_columns,
                      removed_columns, row_order)
from ..schema import IMPLEMENTATION_PLAN, MATRICES
from ..schema import matrix as matrix_of
from ..templates import choice_label
from .results import MergeResult, SourceResult, StrayNote
from .sources import _Loaded
from ..locale import text
from .texts import SAY, _t, reason


def _typed_id_kept(raw: object, rec_id: str, texts: list[object]) -> bool:
    """True when the ID cell holds the ID itself or its dropdown label, so the ID says it all."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        return False
    if not isinstance(raw, str):
        return number_text(raw) == rec_id  # 77 typed as a number; 77.1 filed as 77.10 keeps what was typed
    typed = raw
    if typed == rec_id:
        return True
    return any(text and typed == choice_label(rec_id, str(text)) for text in texts)


def _source_rows(data, source: SourceResult, report, lang: str) -> tuple[list[MasterRow], list[tuple]]:
    """A source's rows as master rows, and for each what completing it needs once every list is known
    (_complete_rows): the ID as typed, the text the group's own list gives it, its schema."""
    own_list = {str(r["id"]): r for r in data.recommendations}
    smart = getattr(report, "smart", {}) or {}
    rows, pending = [], []
    for m in data.matrices:
        for r in m.rows:
            values = dict(r.values)
            values.pop("row_key", None)
            raw_id = values.get("recommendation_id")
            rec_id = r.recommendation_id
            values["recommendation_id"] = rec_id or None
            notes = cell_notes(m.schema, r.values, r.cells, r.merged, r.formulas, r.uncomputed, lang) \
                if r.merged or r.formulas else ""
            row = MasterRow(
                kind=m.kind, values=values, group_key=source.group_key, group=source.group, extras=dict(r.extras),
                source_file=data.path.name, source_sheet=m.sheet, source_row=r.row,
                source_modified=data.modified, source_notes=notes, row_key=r.row_key, source_path=str(data.path))
            result = smart.get((m.sheet, r.row))
            if result is not None and m.kind == IMPLEMENTATION_PLAN.kind:
                verdicts = getattr(result, "verdicts", {}) or {}
                missed = [c for c in SMART_CRITERIA if c in verdicts and not verdicts[c].passed]
                row.smart = {"smart_score": getattr(result, "score", None),
                             "smart_missed": ", ".join(missed) or None,
                             "indicator_type": _indicator_type(getattr(result, "indicator_type", None), lang)}
            rows.append(row)
            pending.append((row, raw_id, rec_id, own_list.get(rec_id, {}).get("text"), bool(r.ambiguous_ids),
                            m.schema))
    return rows, pending


def _complete_rows(pending: list[tuple], lookup: dict[str, dict[str, object]], lang: str) -> None:
    """The ID as typed, when the ID alone does not say it, and the grey columns the list fills in."""
    as_typed = label("as_typed", lang, column=IMPLEMENTATION_PLAN.column("recommendation_id").label(lang))
    for row, raw_id, rec_id, own_text, ambiguous, schema in pending:
        if raw_id is not None and not _typed_id_kept(raw_id, rec_id, [own_text, lookup.get(rec_id, {}).get("text")]):
            row.extras[as_typed] = raw_id
        record = lookup.get(rec_id) or {}
        if ambiguous:
            # A number several listed IDs share stays the number typed, fills nothing in and
            # counts for no recommendation in Coverage: the Findings sheet says which it may be.
            row.values["recommendation_id"], record = raw_id, {}
        for col in schema.columns:
            if col.autofilled and row.values.get(col.key) is None and record.get(col.lookup) is not None:
                row.values[col.key] = record.get(col.lookup)


def _shared_cells(new_row: MasterRow, old_row: MasterRow) -> int:
    """How many filled input cells an edited row still shares with a previous row."""
    from ..master import comparable

    keys = [c.key for c in matrix_of(new_row.kind).inputs if c.key != "recommendation_id"]
    return sum(1 for k in keys
               if comparable(old_row.values.get(k)) and comparable(new_row.values.get(k)) == comparable(old_row.values.get(k)))


def _pair_rows(new: list[MasterRow], active: list[MasterRow], gone: list[MasterRow],
               conflicts: list[tuple[MasterRow, MasterRow]] | None = None) -> dict[int, MasterRow]:
    """Which previous row (shown or removed) each new row is: id(new row) -> previous row.

    By content first: a row whose cells are unchanged is the same row wherever it moved (a group
    re-sorted its sheet, and the hidden row keys stayed in place). Then by merge key, for edited
    rows; but a key that now sits on content sharing more cells with another row of the group
    than with its own (rows moved and edited) is a conflict (listed in conflicts), not a match. Last, for rows
    without a row key, as the only row of their group for their recommendation on both sides.
    """
    candidates = active + gone
    free = {id(c) for c in candidates}
    matches: dict[int, MasterRow] = {}

    def take(new_row: MasterRow, old_row: MasterRow) -> None:
        free.discard(id(old_row))
        matches[id(new_row)] = old_row

    by_content: dict[str, list[MasterRow]] = defaultdict(list)
    for c in candidates:
        by_content[c.content_key()].append(c)
    # Rows whose key still points at their own content first, so that duplicates keep their own notes.
    for n in sorted(new, key=lambda n: not any(c.merge_key == n.merge_key for c in by_content.get(n.content_key(), []))):
        same = [c for c in by_content.get(n.content_key(), []) if id(c) in free]
        if same:
            take(n, next((c for c in same if c.merge_key == n.merge_key), same[0]))
    by_key: dict[str, MasterRow] = {}
    by_recommendation: dict[tuple[str, str], list[MasterRow]] = defaultdict(list)
    for c in candidates:
        by_key.setdefault(c.merge_key, c)
        by_recommendation[(c.group_key, c.recommendation_id)].append(c)
    for n in new:
        if id(n) in matches:
            continue
        c = by_key.get(n.merge_key)
        if c is not None and id(c) in free:
            own = _shared_cells(n, c)
            # A key carries the recommendation ID: rows swapped under one key share it.
            elsewhere = any(id(o) in free and o is not c and _shared_cells(n, o) > own
                            for o in by_recommendation[(n.group_key, n.recommendation_id)])
            if not elsewhere:
                take(n, c)           # the keyed row, edited (even all of it)
            elif conflicts is not None:
                conflicts.append((n, c))
    lone_new: dict[tuple[str, str], list[MasterRow]] = defaultdict(list)
    lone_old: dict[tuple[str, str], list[MasterRow]] = defaultdict(list)
    for n in new:
        if id(n) not in matches:
            lone_new[(n.group_key, n.recommendation_id)].append(n)
    for c in active:
        if id(c) in free:
            lone_old[(c.group_key, c.recommendation_id)].append(c)
    for pair, news in lone_new.items():
        olds = lone_old.get(pair, [])
        if len(news) == 1 and len(olds) == 1 and not (news[0].row_key and olds[0].row_key):
            take(news[0], olds[0])
    return matches


def _match_previous(rows: dict[str, list[MasterRow]], old: OldMaster, merged_pairs: set[tuple[str, str]],
                    today: dt.date, result: MergeResult, lang: str) -> None:
    """Carry the coordinator's columns over; move vanished rows to Removed rows.

    A previous row that no new row matches is removed when its group's matrix was merged
    now, and kept as it was when that group's workbook is not part of this merge.
    """
    removed: list[MasterRow] = []
    for sheet in MATRICES:
        kind = sheet.kind
        new = rows[kind]
        active = old.rows.get(kind, [])
        gone = [r for r in old.removed if r.kind == kind]
        assign_merge_keys(active)
        assign_merge_keys(gone)
        conflicts: list[tuple[MasterRow, MasterRow]] = []
        matches = _pair_rows(new, active, gone, conflicts)
        paired = {id(v) for v in matches.values()}
        for n, c in conflicts:
            if id(n) not in matches and id(c) not in paired:
                result.warnings.append(_t(SAY, "key_conflict", lang, file=n.source_file, row=n.source_row,
                                          row_key=n.row_key, old=_summary_line(c, lang)))
        matched = {id(c) for c in matches.values()}
        gone_ids = {id(c) for c in gone}
        for n in new:
            c = matches.get(id(n))
            if c is None:
                continue
            n.coordinator, n.own = dict(c.coordinator), dict(c.own)
            if any(v is not None for v in (*c.coordinator.values(), *c.own.values())):
                result.kept_coordinator += 1
            if id(c) in gone_ids:
                result.restored += 1
        for c in active:
            if id(c) in matched:
                continue
            if (kind, c.group_key) in merged_pairs:
                c.removed_on = today
                removed.append(c)
                result.newly_removed += 1
            else:
                c.group = _relabel_group(c.group_key, c.group, lang)
                new.append(c)
        removed.extend(c for c in gone if id(c) not in matched)
    result.removed = sorted(removed, key=lambda r: (r.removed_on or dt.date.min, *row_order(r)))


def _relabel_group(key: str, current: str, lang: str) -> str:
    for group in DEFAULT_GROUPS:
        if group.key == key:
            return group.label(lang)
    return current


def _ordered_headers(rows: list[MasterRow], attr: str) -> list[str]:
    return list(dict.fromkeys(h for r in rows for h in getattr(r, attr)))


def _summary_line(row: MasterRow, lang: str) -> str:
    if row.kind == IMPLEMENTATION_PLAN.kind:
        text = row.values.get("goal") or row.values.get("indicator") or row.values.get("government_action")
        prefix = label("plan_short", lang)
    else:
        text = row.values.get("cso_activity") or row.values.get("notes")
        prefix = label("strategy_short", lang)
    text = " ".join(str(text).split()) if text is not None else "…"
    return f"{prefix}: {text[:200]}"


def _collect_rows(result: MergeResult, loaded: list[_Loaded], lookup: dict[str, dict[str, object]],
                  lang: str) -> tuple[dict[str, list[MasterRow]], set[tuple[str, str]]]:
    """The merged rows by matrix, with merge keys, and the (matrix, group) pairs merged now."""
    rows: dict[str, list[MasterRow]] = {s.kind: [] for s in MATRICES}
    merged_pairs: set[tuple[str, str]] = set()
    for item in loaded:
        _complete_rows(item.pending, lookup, lang)
        item.pending = []
        for row in item.rows:
            rows[row.kind].append(row)
        item.rows = []
        merged_pairs.update((kind, item.source.group_key) for kind in item.kinds)
        for cell in item.stray:
            result.stray.append(StrayNote(item.source.group, item.path.name, cell.sheet,
                                          cell.coordinate, cell.value, str(item.path), cell.comment))
    for kind in rows:
        rows[kind].sort(key=row_order)
        assign_merge_keys(rows[kind])
    return rows, merged_pairs


def _list_kept_sources(result: MergeResult, rows: dict[str, list[MasterRow]], lang: str) -> None:
    kept = Counter((r.kind, r.group_key, r.group, r.source_file) for k in rows for r in rows[k]
                   if r.origin == "kept")
    for (kind, group_key, group, source_file), n in sorted(kept.items()):
        result.sources.append(SourceResult(
            path=Path(source_file or "?"), kind=kind, group=group, group_key=group_key, rows=n,
            status="kept", reason=reason("kept", lang, rows=n)))


def _lay_out_columns(result: MergeResult, old: OldMaster | None, lang: str) -> None:
    """The groups' extra columns and the coordinator's own ones, in order of first appearance."""
    own = old.own_columns if old else {}
    for sheet in MATRICES:
        rows = result.rows[sheet.kind]
        own_here = list(dict.fromkeys(own.get(sheet.kind, []) + _ordered_headers(rows, "own")))
        result.columns[sheet.kind] = matrix_columns(sheet, lang, own_here, _ordered_headers(rows, "extras"))
    result.removed_columns = removed_columns(lang, _ordered_headers(result.removed, "own"),
                                             _ordered_headers(result.removed, "extras"))


def _indicator_type(kind: str | None, lang: str) -> str | None:
    """The OHCHR indicator type as the master's readers say it ("De résultat"), None when not assessed."""
    return text(f"indicator_type.{kind}", lang) if kind else None
