"""The master's words in English and French: sheet names, headers, cell notes and status labels."""

from __future__ import annotations

from ..groups import normalise
from ..schema import MATRICES, STATUSES, SheetSchema


LABELS: dict[str, dict[str, str]] = {
    "coverage": {"en": "Coverage", "fr": "Couverture"},
    "groups": {"en": "Groups", "fr": "Groupes"},
    "findings": {"en": "Findings", "fr": "Constats"},
    "summary": {"en": "Summary", "fr": "Synthèse"},
    "sources": {"en": "Sources", "fr": "Sources"},
    "removed": {"en": "Removed rows", "fr": "Lignes supprimées"},
    "stray": {"en": "Notes outside the table", "fr": "Notes hors du tableau"},
    "yes": {"en": "Yes", "fr": "Oui"},
    "no": {"en": "No", "fr": "Non"},
    "not_addressed": {"en": "Not addressed", "fr": "Non traitée"},
    "addressed": {"en": "Addressed", "fr": "Traitée"},
    "cross_cutting": {"en": "Cross-cutting", "fr": "Transversale"},
    "not_in_list": {"en": "Not in the list (counted apart)", "fr": "Absente de la liste (comptée à part)"},
    "coverage_status": {"en": "Coverage", "fr": "Couverture"},
    "group_count": {"en": "Number of groups", "fr": "Nombre de groupes"},
    "planned_by": {"en": "Implementation plan by", "fr": "Plan de mise en œuvre par"},
    "strategy_by": {"en": "Action strategy by", "fr": "Stratégie d'action par"},
    "has_strategy": {"en": "Has an action strategy", "fr": "A une stratégie d'action"},
    "in_list": {"en": "In the list", "fr": "Dans la liste"},
    "plan_short": {"en": "Plan", "fr": "Plan"},
    "strategy_short": {"en": "Strategy", "fr": "Stratégie"},
    "assigned": {"en": "Recommendations assigned", "fr": "Recommandations attribuées"},
    "rows_plan": {"en": "Implementation plan rows", "fr": "Lignes du plan de mise en œuvre"},
    "rows_strategy": {"en": "Action strategy rows", "fr": "Lignes de la stratégie d'action"},
    "recs_addressed": {"en": "Recommendations addressed", "fr": "Recommandations traitées"},
    "not_in_strategy": {"en": "Assigned, not in the action strategy",
                        "fr": "Attribuées, absentes de la stratégie d'action"},
    "completeness_plan": {"en": "Completeness, implementation plan", "fr": "Complétude, plan de mise en œuvre"},
    "completeness_strategy": {"en": "Completeness, action strategy", "fr": "Complétude, stratégie d'action"},
    "smart_mean": {"en": "SMART score, mean (0-5)", "fr": "Score SMART moyen (0-5)"},
    "smart_pass": {"en": "SMART pass rate (5/5)", "fr": "Taux SMART complet (5/5)"},
    "files": {"en": "Files", "fr": "Fichiers"},
    "file": {"en": "File", "fr": "Fichier"},
    "folder": {"en": "Folder", "fr": "Dossier"},
    "kind": {"en": "Kind", "fr": "Type"},
    "rows": {"en": "Rows", "fr": "Lignes"},
    "format": {"en": "Format", "fr": "Format"},
    "modified": {"en": "Last modified", "fr": "Dernière modification"},
    "sha256": {"en": "SHA-256", "fr": "SHA-256"},
    "status": {"en": "Status", "fr": "Statut"},
    "reason": {"en": "Reason", "fr": "Raison"},
    "stray_count": {"en": "Notes outside the table", "fr": "Notes hors du tableau"},
    "findings_count": {"en": "Findings", "fr": "Constats"},
    "merged": {"en": "merged", "fr": "fusionné"},
    "skipped": {"en": "skipped", "fr": "ignoré"},
    "kept": {"en": "kept from the previous master", "fr": "conservé du maître précédent"},
    "severity": {"en": "Severity", "fr": "Gravité"},
    "type": {"en": "Type", "fr": "Type"},
    "criterion": {"en": "Criterion", "fr": "Critère"},
    "sheet": {"en": "Sheet", "fr": "Feuille"},
    "cell": {"en": "Cell", "fr": "Cellule"},
    "field": {"en": "Field", "fr": "Champ"},
    "message": {"en": "Message", "fr": "Message"},
    "fix": {"en": "How to fix", "fr": "Comment corriger"},
    "master_cell": {"en": "Cell in this master", "fr": "Cellule dans ce maître"},
    "value": {"en": "Value", "fr": "Valeur"},
    "typed_as": {"en": "Typed as", "fr": "Saisi comme"},
    "cell_value": {"en": "cell value", "fr": "valeur de cellule"},
    "cell_comment": {"en": "comment on the cell", "fr": "commentaire de la cellule"},
    "error": {"en": "Error", "fr": "Erreur"},
    "warning": {"en": "Warning", "fr": "Avertissement"},
    "info": {"en": "Info", "fr": "Info"},
    "as_typed": {"en": "{column} (as typed)", "fr": "{column} (tel que saisi)"},
    "note_merged": {"en": "{field}: from {first} (merged cells {range})",
                    "fr": "{field} : de {first} (cellules fusionnées {range})"},
    "note_covered": {"en": "{field}: empty, inside merged cells {range}",
                     "fr": "{field} : vide, dans les cellules fusionnées {range}"},
    "note_formula": {"en": "{field}: formula {formula}", "fr": "{field} : formule {formula}"},
    "note_no_result": {"en": "{field}: formula {formula}, no saved result",
                       "fr": "{field} : formule {formula}, sans résultat enregistré"},
    "master_title": {"en": "UPR Matrix master", "fr": "Classeur maître UPR Matrix"},
    "merged_on": {"en": "Merged on", "fr": "Fusionné le"},
    "none": {"en": "(none)", "fr": "(aucun)"},
    "kind_implementation_plan": {"en": "Implementation plan", "fr": "Plan de mise en œuvre"},
    "kind_action_strategy": {"en": "Action strategy", "fr": "Stratégie d'action"},
    "kind_recommendations": {"en": "Recommendation list", "fr": "Liste de recommandations"},
    "kind_master": {"en": "Master", "fr": "Maître"},
    "kind_unknown": {"en": "Not recognised", "fr": "Non reconnu"},
}


def label(key: str, lang: str, **values: object) -> str:
    text = LABELS[key]["fr" if lang == "fr" else "en"]
    return text.format(**values) if values else text


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
