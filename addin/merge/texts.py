"""The merge's words in English and French: why a file was skipped, what the console says,
and the Summary sheet's labels."""

from __future__ import annotations


REASONS = {
    "missing": {"en": "no such file or folder", "fr": "fichier ou dossier introuvable"},
    "output": {"en": "this is the output master itself", "fr": "c'est le classeur maître de sortie lui-même"},
    "master": {"en": "a master workbook: merge the groups' workbooks, not masters",
               "fr": "un classeur maître : fusionnez les classeurs des groupes, pas des maîtres"},
    "list": {"en": "a recommendation list, not a group's matrix; its recommendations are counted in Coverage",
             "fr": "une liste de recommandations, pas une matrice de groupe ; ses recommandations "
                   "sont comptées dans la Couverture"},
    "unrecognised": {"en": "not recognised as an implementation plan or an action strategy "
                           "(no header row with a Recommendation ID column in the first {rows} rows searched)",
                     "fr": "non reconnu comme plan de mise en œuvre ni stratégie d'action "
                           "(aucune ligne d'en-tête avec une colonne ID de la recommandation dans les {rows} "
                           "premières lignes)"},
    "duplicate": {"en": "same content as {other}", "fr": "même contenu que {other}"},
    "no_workbook": {"en": "no workbook (.xlsx, .xlsm, .xls, .ods) found",
                    "fr": "aucun classeur (.xlsx, .xlsm, .xls, .ods) trouvé"},
    "kept": {"en": "not in this merge: its {rows} rows are kept as they were in the previous master",
             "fr": "absent de cette fusion : ses {rows} lignes sont conservées telles qu'elles étaient "
                   "dans le maître précédent"},
    "not_validated": {"en": "merged, but could not be validated ({problem})",
                      "fr": "fusionné, mais la validation a échoué ({problem})"},
    "xlsx_only": {"en": "{target}: the master is written as .xlsx; name it {suggestion}",
                  "fr": "{target} : le maître est écrit au format .xlsx ; nommez-le {suggestion}"},
}

SAY = {
    "written": {"en": "Master written: {path}", "fr": "Classeur maître écrit : {path}"},
    "backup": {"en": "Previous master kept as {path}", "fr": "Ancien maître conservé sous {path}"},
    "files": {"en": "Files: {merged} merged, {skipped} skipped",
              "fr": "Fichiers : {merged} fusionnés, {skipped} ignorés"},
    "skipped_file": {"en": "  skipped {name}: {reason}", "fr": "  ignoré {name} : {reason}"},
    "rows": {"en": "Rows: {plan} implementation plan, {strategy} action strategy",
             "fr": "Lignes : {plan} plan de mise en œuvre, {strategy} stratégie d'action"},
    "kept_rows": {"en": " ({kept} kept from the previous master for groups not in this merge)",
                  "fr": " (dont {kept} conservées du maître précédent pour des groupes absents de cette fusion)"},
    "remerge": {"en": "Re-merge: {kept} rows kept their status and notes; {removed} rows moved to Removed rows; "
                      "{restored} came back",
                "fr": "Nouvelle fusion : {kept} lignes ont gardé leur statut et leurs notes ; {removed} lignes "
                      "déplacées vers Lignes supprimées ; {restored} revenues"},
    "recs": {"en": "Recommendations: {total}, {addressed} addressed, {not_addressed} not addressed",
             "fr": "Recommandations : {total}, {addressed} traitées, {not_addressed} non traitées"},
    "not_addressed": {"en": "Not addressed by any group: {ids}", "fr": "Traitées par aucun groupe : {ids}"},
    "unlisted": {"en": "Rows citing an ID not in the list, counted apart ({n}, see Coverage): {items}",
                 "fr": "Lignes citant un identifiant absent de la liste, comptées à part ({n}, voir Couverture) : "
                       "{items}"},
    "in_no_workbook": {"en": "{n} recommendations of the list are in no merged workbook (unassigned, or a "
                             "group's workbook missing); Coverage counts them as not addressed: {ids}",
                       "fr": "{n} recommandations de la liste ne figurent dans aucun classeur fusionné (non "
                             "attribuées, ou classeur d'un groupe absent) ; la Couverture les compte comme non "
                             "traitées : {ids}"},
    "cross_cutting": {"en": "Cross-cutting ({n}, see Coverage): {items}",
                      "fr": "Transversales ({n}, voir Couverture) : {items}"},
    "findings": {"en": "Findings: {errors} errors, {warnings} warnings, {infos} notes (Findings sheet)",
                 "fr": "Constats : {errors} erreurs, {warnings} avertissements, {infos} notes (feuille Constats)"},
    "stray": {"en": "Text outside the tables: {n} cells (sheet {sheet})",
              "fr": "Texte hors des tableaux : {n} cellules (feuille {sheet})"},
    "warning": {"en": "warning: {text}", "fr": "attention : {text}"},
    "nothing": {"en": "No group workbook was merged; the master was not written.",
                "fr": "Aucun classeur de groupe n'a été fusionné ; le classeur maître n'a pas été écrit."},
    "same_group": {"en": "{files}: several workbooks for the {kind} of {group}; all were merged",
                   "fr": "{files} : plusieurs classeurs pour {kind} du groupe {group} ; tous ont été fusionnés"},
    "control_chars": {"en": "{file}, cell {cell}: invisible control characters were removed (Excel cannot store them)",
                      "fr": "{file}, cellule {cell} : des caractères de contrôle invisibles ont été supprimés "
                            "(Excel ne peut pas les enregistrer)"},
    "too_long": {"en": "{file}, cell {cell}: {length:,} characters, more than the {limit:,} an Excel cell holds; "
                       "the master keeps the first {limit:,} and the full text stays in {file}",
                 "fr": "{file}, cellule {cell} : {length:,} caractères, plus que les {limit:,} d'une cellule Excel ; "
                       "le maître garde les {limit:,} premiers et le texte complet reste dans {file}"},
    "reading": {"en": "Reading", "fr": "Lecture"},
    "key_conflict": {"en": "{file}, row {row}: its hidden row key {row_key} belonged to a row with other content in the "
                           "previous master ({old}); the coordinator's columns were not carried over to it, and that "
                           "row keeps them in Removed rows",
                     "fr": "{file}, ligne {row} : sa clé de ligne cachée {row_key} appartenait à une ligne au contenu "
                           "différent dans le maître précédent ({old}) ; les colonnes du coordinateur ne lui ont pas "
                           "été reportées, et cette ligne les garde dans Lignes supprimées"},
}

SUMMARY_TEXT = {
    "title": {"en": "UPR Matrix master: summary", "fr": "Classeur maître UPR Matrix : synthèse"},
    "merged_on": {"en": "Merged on", "fr": "Fusionné le"},
    "files_merged": {"en": "Files merged", "fr": "Fichiers fusionnés"},
    "files_skipped": {"en": "Files skipped", "fr": "Fichiers ignorés"},
    "rows_plan": {"en": "Implementation plan rows", "fr": "Lignes du plan de mise en œuvre"},
    "rows_strategy": {"en": "Action strategy rows", "fr": "Lignes de la stratégie d'action"},
    "recommendations": {"en": "Recommendations", "fr": "Recommandations"},
    "not_addressed": {"en": "Not addressed by any group", "fr": "Traitées par aucun groupe"},
    "unlisted_rows": {"en": "Rows citing an ID not in the list (counted apart)",
                      "fr": "Lignes citant un identifiant absent de la liste (comptées à part)"},
    "cross_cutting": {"en": "Cross-cutting (several groups)", "fr": "Transversales (plusieurs groupes)"},
    "no_strategy": {"en": "Planned but without action strategy", "fr": "Planifiées mais sans stratégie d'action"},
    "completeness": {"en": "Completeness (required cells filled)",
                     "fr": "Complétude (cellules obligatoires remplies)"},
    "smart_pass": {"en": "Indicators fully SMART (5/5)", "fr": "Indicateurs entièrement SMART (5/5)"},
    "removed_now": {"en": "Rows moved to Removed rows by this merge",
                    "fr": "Lignes déplacées vers Lignes supprimées par cette fusion"},
    "by_group": {"en": "Rows by group", "fr": "Lignes par groupe"},
    "by_response": {"en": "Recommendations by response", "fr": "Recommandations par réponse"},
    "by_category": {"en": "Recommendations by action category", "fr": "Recommandations par catégorie d'action"},
    "by_indicator": {"en": "Indicators by type", "fr": "Indicateurs par type"},
    "by_status": {"en": "Rows by status", "fr": "Lignes par statut"},
    "completeness_by_group": {"en": "Completeness by group", "fr": "Complétude par groupe"},
    "smart_criteria": {"en": "SMART pass rate by criterion", "fr": "Taux de réussite SMART par critère"},
    "response": {"en": "Response", "fr": "Réponse"},
    "category": {"en": "Action category", "fr": "Catégorie d'action"},
    "indicator_type": {"en": "Indicator type", "fr": "Type d'indicateur"},
    "status": {"en": "Status", "fr": "Statut"},
    "criterion": {"en": "Criterion", "fr": "Critère"},
    "passed": {"en": "Passed", "fr": "Réussis"},
    "assessed": {"en": "Assessed", "fr": "Évalués"},
    "pass_rate": {"en": "Pass rate", "fr": "Taux de réussite"},
    "count": {"en": "Recommendations", "fr": "Recommandations"},
    "addressed": {"en": "Addressed", "fr": "Traitées"},
    "not_addressed_short": {"en": "Not addressed", "fr": "Non traitées"},
    "plan_rows": {"en": "Plan rows", "fr": "Lignes du plan"},
    "strategy_rows": {"en": "Strategy rows", "fr": "Lignes de la stratégie"},
    "rows": {"en": "Rows", "fr": "Lignes"},
    "all_groups": {"en": "All groups", "fr": "Tous les groupes"},
    "none": {"en": "(none)", "fr": "(aucun)"},
    "unknown": {"en": "(not assessed)", "fr": "(non évalué)"},
}


def _t(table: dict, key: str, lang: str, **values: object) -> str:
    text = table[key]["fr" if lang == "fr" else "en"]
    return text.format(**values) if values else text


def reason(key: str, lang: str, **values: object) -> str:
    return _t(REASONS, key, lang, **values)
