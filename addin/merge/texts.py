"""The merge's words: why a file was skipped, what the console says and the Summary sheet's labels.
A view of the message catalogue (addin/locale, sections "merge.reason", "merge.say" and "summary")."""

from __future__ import annotations

from ..locale import Section

REASONS = Section("merge.reason")
SAY = Section("merge.say")
SUMMARY_TEXT = Section("summary")


def _t(section: Section, key: str, lang: str, **values: object) -> str:
    return section(key, lang, **values)


def reason(key: str, lang: str, **values: object) -> str:
    return REASONS(key, lang, **values)
