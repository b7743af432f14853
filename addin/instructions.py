"""The Instructions sheet's text, row by row, without openpyxl: templates.py writes it (with its colours),
and the reader tells text a participant typed there from it, so reading a workbook need not import
the template writer."""

from __future__ import annotations

from .i18n import example_row, t
from .schema import ACTION_STRATEGY, IMPLEMENTATION_PLAN, SheetSchema

# The colour legend's lines, by text key; templates.LEGEND pairs each with its fill and font colour.
LEGEND_KEYS = ("legend_header", "legend_required", "legend_auto", "legend_missing", "legend_unknown")
FORM_LEGEND_KEYS = ("legend_form",)


def legend_keys(kind: str) -> tuple[str, ...]:
    return LEGEND_KEYS + (FORM_LEGEND_KEYS if kind == ACTION_STRATEGY.kind else ())


def instruction_rows(sheet: SheetSchema, lang: str,
                     example: tuple[str, str] | None = None) -> list[tuple[str, ...]]:
    """The Instructions sheet's rows as written; the reader tells text typed there from these.

    example: the (ID, text) of the list's recommendation the example row shows."""
    rows: list[tuple[str, ...]] = [(sheet.title(lang),), (t(f"intro_{sheet.kind}", lang),), (),
                                   (t("column", lang), t("required", lang), t("how_to_fill", lang))]
    for col in sheet.columns:
        if col.hidden:
            continue
        how = t("auto", lang) if col.autofilled else col.help(lang)
        rows.append((col.label(lang), t("yes", lang) if col.required else "", how))
    rows += [(), (t("legend_title", lang),)]
    rows += [(t(key, lang), "", t(f"{key}_help", lang)) for key in legend_keys(sheet.kind)]
    if sheet.kind == IMPLEMENTATION_PLAN.kind:
        rows += [(), (t("smart_title", lang),)]
        rows += [(letter, "", t(letter, lang)) for letter in "SMART"]
    rows += [(), (t("example_row", lang),)]
    values = example_row(sheet.kind, lang)
    if example:
        values["recommendation_id"], values["recommendation"] = example
    rows += [(col.label(lang), "", values[col.key]) for col in sheet.columns if col.key in values]
    return rows
