"""The workbooks' interface text: a thin view of the message catalogue (addin/locale)."""

from __future__ import annotations

from .locale import catalogue, text


def t(key: str, lang: str = "en") -> str:
    return text(f"ui.{key}", lang)


def example_row(kind: str, lang: str = "en") -> dict[str, str]:
    """An example of a complete, SMART row of a matrix, shown on the Instructions sheet."""
    prefix = f"example.{kind}."
    rows = catalogue(lang if lang in ("en", "fr") else "en")
    return {key[len(prefix):]: value for key, value in rows.items() if key.startswith(prefix)}
