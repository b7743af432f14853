"""Finding messages and fixes in English and French, side by side."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "missing": {
        "en": "{field} is required but empty for recommendation {rec}.",
        "fr": "{field} est obligatoire mais vide pour la recommandation {rec}.",
    },
    "missing.fix": {
        "en": "Fill in {field}. If the group lacks the information, write who can provide it in Notes.",
        "fr": "Remplissez {field}. Si le groupe n'a pas l'information, indiquez dans Notes qui peut la fournir.",
    },
    "missing_merged": {
        "en": "{field} is required but empty for recommendation {rec}: {cell} is inside the merged cells "
              "{range}, and Excel keeps only the value of their first cell, {first} ({first_field}).",
        "fr": "{field} est obligatoire mais vide pour la recommandation {rec} : {cell} fait partie des cellules "
              "fusionnées {range}, et Excel ne garde que la valeur de leur première cellule, {first} ({first_field}).",
    },
    "missing_merged.fix": {
        "en": "Unmerge {range} (Home > Merge & Center) and type {field} in its own cell.",
        "fr": "Annulez la fusion de {range} (Accueil > Fusionner et centrer) et saisissez {field} dans sa propre "
              "cellule.",
    },
    "formula_date": {
        "en": "{field} holds the formula {formula}, but the workbook has no saved result for it, so the date "
              "is unknown.",
        "fr": "{field} contient la formule {formula}, mais le classeur n'en a pas enregistré le résultat : la date "
              "est inconnue.",
    },
    "formula_no_value": {
        "en": "{field} holds the formula {formula}, but the workbook has no saved result for it: its value is "
              "unknown, and the merge keeps the formula as text.",
        "fr": "{field} contient la formule {formula}, mais le classeur n'en a pas enregistré le résultat : sa valeur "
              "est inconnue, et la fusion garde la formule comme texte.",
    },
    "error_value": {
        "en": "{field} shows the error {error} instead of a value.",
        "fr": "{field} affiche l'erreur {error} au lieu d'une valeur.",
    },
    "error_value_formula": {
        "en": "{field} shows the error {error}, the result of the formula {formula}, instead of a value.",
        "fr": "{field} affiche l'erreur {error}, résultat de la formule {formula}, au lieu d'une valeur.",
    },
    "error_value.fix": {
        "en": "Type the value itself, or correct the formula or the cells it refers to. If the group lacks "
              "the information, clear the cell and write who can provide it in Notes.",
        "fr": "Saisissez directement la valeur, ou corrigez la formule ou les cellules auxquelles elle renvoie. "
              "Si le groupe n'a pas l'information, videz la cellule et indiquez dans Notes qui peut la fournir.",
    },
    "formula.fix": {
        "en": "Open the workbook in Excel or LibreOffice and save it, so that the result is saved with the "
              "formula, or type the value itself.",
        "fr": "Ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le, pour que le résultat soit enregistré "
              "avec la formule, ou saisissez directement la valeur.",
    },
    "unknown": {
        "en": "Recommendation ID {rec} is not in this workbook's list of recommendations.",
        "fr": "L'ID de recommandation {rec} ne figure pas dans la liste de recommandations du classeur.",
    },
    "unknown.fix": {
        "en": "Choose the ID from the dropdown in column {column}.",
        "fr": "Choisissez l'ID dans la liste déroulante de la colonne {column}.",
    },
    "duplicate": {
        "en": "Row {this_row} repeats row {first} (same recommendation {rec} and same content).",
        "fr": "La ligne {this_row} répète la ligne {first} (même recommandation {rec} et même contenu).",
    },
    "duplicate.fix": {
        "en": "Delete one of the two rows, or change it if it was meant to be different.",
        "fr": "Supprimez l'une des deux lignes, ou modifiez-la si elle devait être différente.",
    },
    "bad_date": {
        "en": "{field} '{value}' cannot be read as a date or a year.",
        "fr": "{field} « {value} » ne peut pas être lu comme une date ou une année.",
    },
    "bad_date.fix": {
        "en": "Write a year, a month or a date, e.g. 2018, Dec 2017 or 31/12/2018.",
        "fr": "Indiquez une année, un mois ou une date, par ex. 2018, déc. 2017 ou 31/12/2018.",
    },
    "before_plan": {
        "en": "{field} '{value}' is before the plan starts ({start}).",
        "fr": "{field} « {value} » est antérieur(e) au début du plan ({start}).",
    },
    "after_review": {
        "en": "{field} '{value}' is after the next review ({review}).",
        "fr": "{field} « {value} » est postérieur(e) au prochain examen ({review}).",
    },
    "out_of_cycle.fix": {
        "en": "Choose a date between {start} and {end}, the period of this plan.",
        "fr": "Choisissez une date entre {start} et {end}, la période de ce plan.",
    },
    "end_before_start": {
        "en": "The timeframe ends ({end_value}) before it starts ({start_value}).",
        "fr": "La période se termine ({end_value}) avant de commencer ({start_value}).",
    },
    "end_before_start.fix": {
        "en": "Check the Start and End dates.",
        "fr": "Vérifiez les dates de début et de fin.",
    },
    "smart": {
        "en": "Indicator not {criterion_name} ({criterion}): {reason}",
        "fr": "Indicateur non {criterion_name} ({criterion}) : {reason}",
    },
    "not_specific": {
        "en": "Recommendation {rec} is non-specific (action category {category}: {category_name}); "
              "take extra care to make its indicator specific and measurable.",
        "fr": "La recommandation {rec} est peu spécifique (catégorie d'action {category} : {category_name}) ; "
              "veillez particulièrement à rendre son indicateur spécifique et mesurable.",
    },
    "not_specific.fix": {
        "en": "Name exactly what the Government must do and what will be counted or checked.",
        "fr": "Précisez ce que le Gouvernement doit faire et ce qui sera compté ou vérifié.",
    },
    "stray": {
        "en": "Text outside the table: '{value}'. It is kept in Notes when merging.",
        "fr": "Texte hors du tableau : « {value} ». Il est conservé dans les Notes lors de la fusion.",
    },
    "stray_comment": {
        "en": "Comment on {cell}: '{value}'. It is kept in Notes when merging.",
        "fr": "Commentaire de {cell} : « {value} ». Il est conservé dans les Notes lors de la fusion.",
    },
    "unknown_look_alike": {
        "en": "Recommendation ID {rec} is not in this workbook's list. It looks like {listed}, but character "
              "{position} is {typed_char} where the list has {listed_char}.",
        "fr": "L'ID de recommandation {rec} ne figure pas dans la liste du classeur. Il ressemble à {listed}, mais "
              "le caractère {position} est {typed_char} là où la liste a {listed_char}.",
    },
    "unknown_look_alike.fix": {
        "en": "Choose {listed} from the dropdown, or retype the ID.",
        "fr": "Choisissez {listed} dans la liste déroulante, ou ressaisissez l'ID.",
    },
    "ambiguous_id": {
        "en": "Recommendation ID {rec} was stored as a number, and the list has several IDs with that value: "
              "{candidates}. It is kept as typed, not guessed.",
        "fr": "L'ID de recommandation {rec} a été enregistré comme un nombre, et la liste a plusieurs ID de même "
              "valeur : {candidates}. Il est conservé tel que saisi, sans deviner.",
    },
    "ambiguous_id.fix": {
        "en": "Choose the recommendation from the dropdown, or format the cell as Text and type the ID again "
              "(Excel turns 77.10 typed in a number cell into 77.1).",
        "fr": "Choisissez la recommandation dans la liste déroulante, ou mettez la cellule au format Texte et "
              "ressaisissez l'ID (Excel transforme 77.10 saisi dans une cellule nombre en 77.1).",
    },
    "header_mismatch": {
        "en": "Column {column} has the header '{typed}' where the template has '{expected}'; its values are read "
              "as {expected}, the template's column at that place.",
        "fr": "La colonne {column} a l'en-tête « {typed} » là où le modèle a « {expected} » ; ses valeurs sont lues "
              "comme {expected}, la colonne du modèle à cet endroit.",
    },
    "header_mismatch.fix": {
        "en": "Unmerge the header cells and give each column its template header, or move the values into the "
              "column whose header names them.",
        "fr": "Annulez la fusion des cellules d'en-tête et redonnez à chaque colonne son en-tête du modèle, ou "
              "déplacez les valeurs dans la colonne dont l'en-tête les nomme.",
    },
    "skipped_recommendations": {
        "en": "a recommendation list, not a matrix: nothing to validate",
        "fr": "une liste de recommandations, pas une matrice : rien à valider",
    },
    "skipped_master": {
        "en": "a master workbook: validate the group workbooks instead",
        "fr": "un classeur maître : validez plutôt les classeurs des groupes",
    },
    "unrecognised": {
        "en": "No implementation plan or action strategy found: no sheet has the expected headers "
              "(at least Recommendation ID and two other columns) in its first {rows} rows.",
        "fr": "Aucun plan de mise en œuvre ni stratégie d'action trouvé : aucune feuille n'a les en-têtes "
              "attendus (au moins l'ID de la recommandation et deux autres colonnes) dans ses {rows} premières "
              "lignes.",
    },
}

CRITERION_NAMES = {
    "S": {"en": "specific", "fr": "spécifique"},
    "M": {"en": "measurable", "fr": "mesurable"},
    "A": {"en": "achievable", "fr": "atteignable"},
    "R": {"en": "relevant", "fr": "pertinent"},
    "T": {"en": "time-bound", "fr": "temporellement défini"},
}

ACTION_CATEGORY_NAMES = {
    1: {"en": "minimal action", "fr": "action minimale"},
    2: {"en": "continuing action", "fr": "action de continuation"},
    3: {"en": "considering action", "fr": "action d'examen"},
    4: {"en": "general action", "fr": "action générale"},
    5: {"en": "specific action", "fr": "action spécifique"},
}


def message(message_id: str, lang: str = "en", **values: object) -> str:
    entry = MESSAGES[message_id]
    template = entry.get(lang) or entry["en"]
    return template.format(**values)
