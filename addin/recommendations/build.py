"""From source rows to recommendations: a draft per row in the formats UPR Info export, UN
report, UHRI and plain list; repeated paragraphs merged; IDs; labels inferred; the State and
session filter."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Phrase
from ..groups import GroupMapping, slug
from .model import Recommendation, UHRI_SOURCE, UN_REPORT_SOURCE, UPR_INFO_SOURCE, normalise
from .states import _id_prefix, _state_display, state_key
from .cells import (_NUMBER_ONLY, _action_category, _bullets, _int, _prose, _session, _single, _skip_reason,
                    _split_issues, _split_states, _text, _unique, _year)
from .reviews import cycle_for_session, cycle_for_year
from .responses import _note, parse_response
from .paragraphs import _paragraphs_from_lines, split_paragraph
from .sources import _Source, _detect_format


def infer(texts):
    """Action category and issues of texts that lack them (addin.intelligence, loaded with numpy only
    when a list needs inference: reading or validating workbooks never pays for it)."""
    from ..intelligence import infer as model_infer

    return model_infer(texts)


@dataclass
class _Draft:
    rec: Recommendation
    paragraph: str | None = None      # paragraph number: becomes the ID
    issues_from_source: bool = False
    category_from_source: bool = False
    notes: list[str] = field(default_factory=list)
    merged_rows: int = 0              # repeats of this paragraph merged into it


def _cell(row: list[object], columns: dict[str, int], key: str) -> object:
    index = columns.get(key)
    return row[index] if index is not None and index < len(row) else None


def _draft(text: str, *, row=None, source: _Source | None = None, fmt: str, file_source: str,
           mapping: GroupMapping, decision: object = None) -> _Draft | None:
    """One recommendation from a row (or a line) in any imported format but 'list'."""
    get = (lambda key: _cell(row, source.columns, key)) if row is not None else (lambda key: None)
    extra = (lambda *names: source.extra(row, *names)) if row is not None else (lambda *names: None)
    uhri = fmt == "uhri"

    states_cell = get("recommending_states")
    column_states = _bullets(states_cell) if uhri else _split_states(states_cell)
    if fmt == "upr-info":
        number, body, text_states = None, _prose(text), []
    else:
        number, body, text_states = split_paragraph(html.unescape(_text(text)), column_states)
    if not body or _NUMBER_ONLY.match(body):
        return None   # the caller counts it (_skip_reason)
    explicit_id = _text(get("id"))
    # The report's own words name every State; its per-row From column only one.
    recommending_states = ((text_states or column_states) if fmt == "un-report"
                           else (column_states or text_states))

    response, response_note = parse_response(decision if decision is not None else get("response"))
    issues_cell = get("issues")
    if uhri:
        issues = _unique(_bullets(issues_cell) + _bullets(extra("Affected Persons")))
    elif fmt == "upr-info":
        issues = _split_issues(issues_cell, mapping, separators=",")
    else:
        issues = _split_issues(issues_cell, mapping)
    category = _action_category(get("action_category"))

    state = _state_display(_single(get("state")) if uhri else _text(get("state")))
    session = _session(get("session"))
    year = _year(extra("year", "année", "Document Publication Date", "date"))
    cycle = _int(get("cycle")) or cycle_for_session(session) or cycle_for_year(year)

    source_cell = _prose(get("source")) if not uhri else ""
    if fmt == "upr-info":
        source_name = UPR_INFO_SOURCE
    elif uhri:
        symbol = _single(get("source"))
        source_name = f"{UHRI_SOURCE}, {symbol}" if symbol else UHRI_SOURCE
    elif fmt == "un-report":
        source_name = source_cell or (f"{UN_REPORT_SOURCE} {year}" if year else UN_REPORT_SOURCE)
    else:
        source_name = source_cell or file_source

    groups_cell = get("groups")
    draft = _Draft(
        Recommendation(
            id=explicit_id, text=body, recommending_states=recommending_states,
            response=response, issues=issues, action_category=category,
            groups=_group_keys(_split_semicolons(groups_cell), mapping) if _text(groups_cell) else [],
            state=state, session=session, cycle=cycle, source=source_name),
        paragraph=None if explicit_id else number,
        issues_from_source=bool(issues) or bool(_text(groups_cell)),
        category_from_source=category is not None,
    )
    if response_note:
        draft.notes.append(response_note)
    state_comment = _prose(extra("notes", "comments", "commentaires"))
    if state_comment and fmt == "un-report":
        draft.notes.append(_note("comment", state_comment))
    return draft


def _split_semicolons(value: object) -> list[str]:
    return [p.strip() for p in re.split(r"[;\n]", _text(value)) if p.strip(" -")]


def _group_keys(names: list[str], mapping: GroupMapping) -> list[str]:
    keys = []
    for name in names:
        group = mapping.find(name.strip(" -"))
        key = group.key if group else slug(name)
        if key not in keys:
            keys.append(key)
    order = [g.key for g in mapping.groups]
    return sorted(keys, key=lambda k: order.index(k) if k in order else len(order))


def _drafts(path: Path, source: _Source, mapping: GroupMapping,
            skipped: Counter | None = None) -> tuple[str, list[_Draft], int]:
    """(format, drafts in source order, rows of other mechanisms skipped); skipped counts every
    other row that yields no recommendation, by reason."""
    skipped = skipped if skipped is not None else Counter()
    if source.lines is not None:
        items, numbered, dropped = _paragraphs_from_lines(source.lines)
        skipped.update(dropped)
        fmt = "un-report" if numbered else "plain"
        drafts = []
        for text, decision in items:
            draft = _draft(text, fmt=fmt, file_source=path.name, mapping=mapping, decision=decision)
            if draft:
                drafts.append(draft)
            else:
                skipped[_skip_reason(text)] += 1
        return fmt, drafts, 0
    texts = [_text(_cell(row, source.columns, "text")) for row in source.rows[:200]]
    fmt = _detect_format(source.headers, source.columns, texts)
    drafts, other_mechanisms = [], 0
    for row in source.rows:
        if fmt == "uhri":
            body = _single(source.extra(row, "Reccomending Body", "Recommending Body"))
            if body and normalise(body) not in ("upr", "universal periodic review"):
                other_mechanisms += 1
                continue
        draft = _draft(_cell(row, source.columns, "text"), row=row, source=source, fmt=fmt,
                       file_source=path.name, mapping=mapping)
        if draft:
            drafts.append(draft)
        else:
            skipped[_skip_reason(_cell(row, source.columns, "text"))] += 1
    return fmt, drafts, other_mechanisms


def _merge_repeated_paragraphs(drafts: list[_Draft]) -> list[_Draft]:
    """One paragraph listed once per recommending State is one recommendation."""
    kept: dict[tuple, _Draft] = {}
    out = []
    for draft in drafts:
        rec = draft.rec
        if not draft.paragraph:
            out.append(draft)
            continue
        key = (state_key(rec.state), rec.session, draft.paragraph, normalise(rec.text))
        first = kept.get(key)
        if first is None:
            kept[key] = draft
            out.append(draft)
            continue
        first.merged_rows += 1
        first.rec.recommending_states = _unique(first.rec.recommending_states + rec.recommending_states)
    return out


def _assign_ids(drafts: list[_Draft]) -> None:
    """Paragraph numbers where the source has them, else <ISO3>-<session>-<nnn>.

    Derived numbers count every row of the file in source order within a
    State and session, so filters and pledges do not shift them.
    """
    counters: Counter = Counter()
    totals = Counter((_id_prefix(d.rec.state), d.rec.session) for d in drafts
                     if not d.rec.id and not d.paragraph)
    for draft in drafts:
        rec = draft.rec
        if rec.id:
            continue
        if draft.paragraph:
            rec.id = draft.paragraph
            continue
        group = (_id_prefix(rec.state), rec.session)
        counters[group] += 1
        width = max(3, len(str(totals[group])))
        parts = [group[0], *([str(rec.session)] if rec.session is not None else [])]
        rec.id = "-".join(parts) + f"-{counters[group]:0{width}d}"


def _make_ids_unique(recs: list[Recommendation]) -> None:
    """Paragraph numbers shared by several States get the State's code
    ("EST-80.2"); a number repeated within one State gets "-2", "-3"."""
    states_of: dict[str, set] = {}
    for rec in recs:
        states_of.setdefault(rec.id, set()).add(state_key(rec.state))
    for rec in recs:
        if len(states_of[rec.id]) > 1 and rec.state:
            rec.id = f"{_id_prefix(rec.state)}-{rec.id}"
    taken = Counter(r.id for r in recs)
    seen: Counter = Counter()
    for rec in recs:
        seen[rec.id] += 1
        if seen[rec.id] == 1:
            continue
        n = seen[rec.id]
        while f"{rec.id}-{n}" in taken:
            n += 1
        taken[f"{rec.id}-{n}"] += 1
        rec.id = f"{rec.id}-{n}"


def _infer_missing_labels(drafts: list[_Draft]) -> None:
    """Fill issues and category the source lacks; never override the source's."""
    todo = [d for d in drafts if not d.issues_from_source or not d.category_from_source]
    if not todo:
        return
    for draft, inference in zip(todo, infer([d.rec.text for d in todo])):
        rec, inferred = draft.rec, []
        action = getattr(inference, "action", None)
        if not draft.category_from_source and action in (1, 2, 3, 4, 5):
            rec.action_category = action
            reason = str(getattr(inference, "action_reason", "") or "").strip()
            confidence = getattr(inference, "action_confidence", None)
            inferred.append(_note("category", action, f"{confidence:.2f}", reason)
                            if isinstance(confidence, (int, float)) else _note("category_plain", action, reason))
        issues = list(getattr(inference, "issues", ()) or ())
        if not draft.issues_from_source and issues:
            rec.issues = issues
            inferred.append(_note("issues", _issue_confidences(issues, getattr(inference, "issue_confidence", None))))
        if inferred:
            from_source = draft.issues_from_source or draft.category_from_source
            rec.labels = "mixed" if from_source else "inferred"
            draft.notes.extend(inferred)


def _issue_confidences(issues: list[str], confidence: object) -> str:
    """'Justice 0.81, Detention 0.55': each issue with its confidence when known."""
    def shown(issue: str) -> str:
        value = confidence.get(issue) if isinstance(confidence, dict) else confidence
        return f"{issue} {value:.2f}" if isinstance(value, (int, float)) else issue
    return ", ".join(shown(issue) for issue in issues)


def _matches_filter(rec: Recommendation, wanted_state: str | None, wanted_session: int | None) -> bool:
    if wanted_state is not None and state_key(rec.state) != wanted_state:
        return False
    if wanted_session is None:
        return True
    if rec.session is None:
        # Rows with a year but no session (UN report lists): same cycle is enough,
        # as a State is reviewed once a cycle.
        return rec.cycle is None or rec.cycle == cycle_for_session(wanted_session)
    return rec.session == wanted_session


def _nothing_matched(path: Path, drafts: list[_Draft], state: str | None, session: int | None) -> InputError:
    states = Counter(d.rec.state for d in drafts if d.rec.state)
    if state and not any(state_key(s) == state_key(state) for s in states):
        names = sorted(states)
        if not names:
            return InputError(path, "errors.list.no_state_none", state=state)
        if len(names) > 8:
            return InputError(path, "errors.list.no_state_more", state=state, states=", ".join(names[:8]),
                              n=len(names))
        return InputError(path, "errors.list.no_state", state=state, states=", ".join(names))
    mine = [d.rec for d in drafts if not state or state_key(d.rec.state) == state_key(state)]
    sessions = sorted({r.session for r in mine if r.session is not None})
    cycles = sorted({r.cycle for r in mine if r.session is None and r.cycle is not None})
    listed = {"sessions": ", ".join(map(str, sessions)), "cycles": ", ".join(map(str, cycles))}
    found = Phrase("errors.list.found_" + ("both" if sessions and cycles else "sessions" if sessions else
                                           "cycles" if cycles else "nothing"), **listed)
    return InputError(path, "errors.list.no_session_state" if state else "errors.list.no_session", state=state,
                      session=session, cycle=cycle_for_session(session), found=found)
