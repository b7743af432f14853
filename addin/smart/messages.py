"""Every reason and fix the SMART checker can give: a view of the message catalogue (addin/locale,
section "smart")."""

from __future__ import annotations

from ..locale import LANGUAGES, Section

__all__ = ["LANGUAGES", "MESSAGES", "message"]

MESSAGES = Section("smart")


def message(message_id: str, lang: str, **values: object) -> str:
    """The message in the language asked, with its placeholders filled."""
    return MESSAGES(message_id, lang, **values)
