"""Finding messages and their fixes: a view of the message catalogue (addin/locale, section "finding")."""

from __future__ import annotations

from .locale import LANGUAGES, text


def message(message_id: str, lang: str = "en", **values: object) -> str:
    return text(f"finding.{message_id}", lang, **values)


def criterion_name(criterion: str, lang: str = "en") -> str:
    return text(f"criterion.{criterion}", lang)


def category_name(category: int, lang: str = "en") -> str:
    return text(f"category.{category}", lang)


# By criterion or category, then language: for modules that name them in tables.
CRITERION_NAMES = {c: {lang: criterion_name(c, lang) for lang in LANGUAGES} for c in "SMART"}
ACTION_CATEGORY_NAMES = {n: {lang: category_name(n, lang) for lang in LANGUAGES} for n in range(1, 6)}
