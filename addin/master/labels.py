"""The master's words: sheet names, headers, cell notes and status labels, from the message catalogue
(addin/locale, section "master")."""

from __future__ import annotations

from ..groups import normalise
from ..locale import Section
from ..schema import MATRICES, STATUSES, SheetSchema


LABELS = Section("master")


def label(key: str, lang: str, **values: object) -> str:
    return LABELS(key, lang, **values)


def cell_notes(sheet: SheetSchema, values: dict[str, object], cells: dict[str, str], merged: dict[str, str],
               formulas: dict[str, str], uncomputed: set[str], lang: str) -> str:
    """One line saying which values came from merged cells or formulas, in column order."""
    notes = []
    for column in sheet.columns:
        key, field = column.key, column.label(lang)
        if key in merged:
            first = cells.get(key, "") if values.get(key) is not None else ""
            notes.append(label("note_merged", lang, field=field, first=first, range=merged[key]) if first
                         else label("note_covered", lang, field=field, range=merged[key]))
        if key in formulas:
            notes.append(label("note_no_result" if key in uncomputed else "note_formula", lang, field=field,
                               formula=formulas[key]))
    return "; ".join(notes)


def kind_label(kind: str, lang: str) -> str:
    key = f"kind_{kind}"
    return label(key, lang) if key in LABELS else kind


def sheet_names(lang: str) -> dict[str, str]:
    names = {sheet.kind: sheet.title(lang) for sheet in MATRICES}
    for key in ("coverage", "groups", "findings", "summary", "sources", "removed", "stray"):
        names[key] = label(key, lang)
    return names


def status_label(value: object, lang: str) -> object:
    """A status in the master's language; a status the coordinator typed freely stays as typed."""
    if not isinstance(value, str):
        return value
    wanted = normalise(value)
    for en, fr in STATUSES.items():
        if wanted in (normalise(en), normalise(fr)):
            return fr if lang == "fr" else en
    return value


def status_key(value: object) -> str | None:
    """The English status a label stands for, or None for a free-typed one."""
    if not isinstance(value, str):
        return None
    wanted = normalise(value)
    for en, fr in STATUSES.items():
        if wanted in (normalise(en), normalise(fr)):
            return en
    return None
