"""import_recommendations: any supported list, told from its headers, to an ImportResult."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..groups import GroupMapping
from .model import ImportResult, LIST_SEPARATOR, PLEDGE
from .states import _STATE_NAMES, state_code, state_key
from .reviews import cycle_for_session
from .sources import _read_source
from .build import (_assign_ids, _drafts, _infer_missing_labels, _make_ids_unique, _matches_filter,
                    _merge_repeated_paragraphs, _nothing_matched)
from .listbook import _import_list, _is_list_workbook


def import_recommendations(path, *, state: str | None = None, session: int | None = None,
                           include_pledges: bool = False, mapping: GroupMapping | None = None) -> ImportResult:
    """Read a recommendation list in any supported format, told from its headers.

    state and session keep one review (State names match in any usual
    spelling or by ISO code); voluntary pledges are skipped unless
    include_pledges; mapping turns issues into groups. Our own list workbook
    is read back as written: its groups and pledges are kept.
    """
    path = Path(path)
    mapping = mapping or GroupMapping.default()
    source = _read_source(path)
    if source.lines is None and _is_list_workbook(path, source):
        return _import_list(path, source, state, session, mapping)
    skipped_rows: Counter = Counter()
    fmt, drafts, other_mechanisms = _drafts(path, source, mapping, skipped_rows)
    if not drafts:
        if other_mechanisms:
            raise InputError(path, "errors.list.other_mechanisms", n=other_mechanisms)
        raise InputError(path, "errors.list.nothing")

    # A file without State or session holds those the user names.
    for draft in drafts:
        if state and not draft.rec.state:
            draft.rec.state = _STATE_NAMES.get(state_code(state) or "", state.strip())
    drafts = _merge_repeated_paragraphs(drafts)
    _assign_ids(drafts)

    wanted_state = state_key(state) if state else None
    kept = [d for d in drafts if _matches_filter(d.rec, wanted_state, session)]
    if not kept:
        raise _nothing_matched(path, drafts, state, session)
    skipped_other = len(drafts) - len(kept)
    for draft in kept:
        if session is not None and draft.rec.session is None:
            draft.rec.session = session
            draft.rec.cycle = cycle_for_session(session)
    pledges = [d for d in kept if d.rec.response == PLEDGE]
    if not include_pledges:
        kept = [d for d in kept if d.rec.response != PLEDGE]
        if not kept:
            raise InputError(path, "errors.list.only_pledges", n=len(pledges))

    _infer_missing_labels(kept)
    for draft in kept:
        rec = draft.rec
        if not rec.groups:
            rec.groups = [g.key for g in mapping.groups_for(rec.issues)]
        rec.label_note = LIST_SEPARATOR.join(draft.notes)
    recs = [d.rec for d in kept]
    _make_ids_unique(recs)
    return ImportResult(recs, fmt, 0 if include_pledges else len(pledges), skipped_other, path,
                        merged_rows=sum(d.merged_rows for d in kept),
                        skipped_other_mechanisms=other_mechanisms, skipped_rows=dict(skipped_rows))
