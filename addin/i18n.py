"""Interface text in English and French, in one table so translations stay side by side."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "hint": {
        "en": "Choose a recommendation ID in column A: the grey columns fill themselves. "
              "Cells turning red are required. See the Instructions sheet.",
        "fr": "Choisissez un ID de recommandation en colonne A : les colonnes grises se remplissent "
              "seules. Les cellules qui deviennent rouges sont obligatoires. Voir la feuille Instructions.",
    },
    "not_in_list": {"en": "⚠ not in the list", "fr": "⚠ absent de la liste"},
    "addressed": {"en": "Addressed", "fr": "Traitée"},
    "not_addressed": {"en": "Not addressed", "fr": "Non traitée"},
    "not_addressed_count": {"en": "Not addressed:", "fr": "Non traitées :"},
    "instructions": {"en": "Instructions", "fr": "Instructions"},
    "lists": {"en": "Lists", "fr": "Listes"},
    "all_groups": {"en": "All groups", "fr": "Tous les groupes"},
    "unassigned": {"en": "Unassigned recommendations", "fr": "Recommandations non attribuées"},
    "list_file": {"en": "Recommendations", "fr": "Recommandations"},
    "master_file": {"en": "Master matrix", "fr": "Matrice principale"},
    "master_sheets_copied": {"en": "Copied from the master", "fr": "Copié depuis la matrice principale"},
    "column": {"en": "Column", "fr": "Colonne"},
    "required": {"en": "Required", "fr": "Obligatoire"},
    "how_to_fill": {"en": "How to fill it", "fr": "Comment la remplir"},
    "yes": {"en": "yes", "fr": "oui"},
    "auto": {"en": "filled automatically", "fr": "remplie automatiquement"},
    "example_row": {"en": "Example of a complete row", "fr": "Exemple de ligne complète"},
    "smart_title": {"en": "What SMART means", "fr": "Ce que signifie SMART"},
    "intro_implementation_plan": {
        "en": "For each recommendation of your group, say what change is expected, what the Government "
              "must do, and how everyone will know it was done: a SMART indicator with its baseline, "
              "target and deadline, and the Government body responsible. One recommendation may take "
              "several rows, one per indicator.",
        "fr": "Pour chaque recommandation de votre groupe, indiquez le changement attendu, ce que le "
              "Gouvernement doit faire et comment chacun saura que c'est fait : un indicateur SMART avec "
              "sa situation de référence, sa cible et son échéance, et l'organe gouvernemental "
              "responsable. Une recommandation peut occuper plusieurs lignes, une par indicateur.",
    },
    "intro_action_strategy": {
        "en": "For each recommendation your group has prioritised, plan what civil society will do: "
              "activities, resources, partners, timeframe, risks and how to reduce them. Fill the Group "
              "worksheet too: it lists the recommendations no row addresses yet.",
        "fr": "Pour chaque recommandation que votre groupe a jugée prioritaire, planifiez l'action de la "
              "société civile : activités, ressources, partenaires, calendrier, risques et moyens de les "
              "réduire. Remplissez aussi la Fiche du groupe : elle liste les recommandations qu'aucune "
              "ligne ne traite encore.",
    },
    "S": {"en": "Specific: names a concrete thing to count or check (people, cases, a named law, "
                "treaty, policy or body); names the population or instrument of the recommendation. "
                "Not 'improved' or 'awareness raised'.",
          "fr": "Spécifique : nomme une chose concrète à compter ou vérifier (personnes, cas, une loi, un "
                "traité, une politique ou un organe nommés) ; nomme la population ou l'instrument de la "
                "recommandation. Pas « amélioré » ni « sensibilisation accrue »."},
    "M": {"en": "Measurable: a count, percentage, rate or amount, or a yes/no fact (adopted, ratified, "
                "established), with a target value or end state.",
          "fr": "Mesurable : un nombre, un pourcentage, un taux ou un montant, ou un fait oui/non (adopté, "
                "ratifié, créé), avec une valeur cible ou un état final."},
    "A": {"en": "Achievable: a responsible body is named and the target is possible (not above 100%, "
                "not the wrong way from the baseline, not the total end of a widespread problem in four years).",
          "fr": "Atteignable : un organe responsable est nommé et la cible est possible (pas plus de 100 %, "
                "pas à l'inverse de la référence, pas la disparition totale d'un problème répandu en quatre ans)."},
    "R": {"en": "Relevant: it measures the subject of the recommendation: the same right, population or instrument.",
          "fr": "Pertinent : il mesure l'objet de la recommandation : le même droit, la même population ou le même instrument."},
    "T": {"en": "Time-bound: a date, month or year within the plan, before the next review. "
                "Not 'ongoing', 'ASAP' or 'soon'.",
          "fr": "Temporellement défini : une date, un mois ou une année dans la période du plan, avant le "
                "prochain examen. Pas « en continu », « dès que possible » ni « bientôt »."},
    "group_worksheet_hint": {
        "en": "Fill the pale blue cells of column B. The table below updates itself from the Action strategy sheet.",
        "fr": "Remplissez les cellules bleu clair de la colonne B. Le tableau ci-dessous se met à jour "
              "depuis la feuille Stratégie d'action.",
    },
    "legend_title": {"en": "What the colours mean", "fr": "Ce que signifient les couleurs"},
    "legend_header": {"en": "Blue header", "fr": "En-tête bleu"},
    "legend_header_help": {"en": "A column to fill when it applies to the row.",
                           "fr": "Une colonne à remplir quand elle s'applique à la ligne."},
    "legend_required": {"en": "Dark red header", "fr": "En-tête rouge foncé"},
    "legend_required_help": {"en": "A required column: every row with a recommendation needs it.",
                             "fr": "Une colonne obligatoire : chaque ligne qui a une recommandation doit la remplir."},
    "legend_auto": {"en": "Grey cells", "fr": "Cellules grises"},
    "legend_auto_help": {"en": "Filled automatically from the recommendation's ID: do not type over them. Excel "
                               "fills them in a row you insert; in LibreOffice, select them in the row above and "
                               "in the new row, then press Ctrl+D.",
                         "fr": "Remplies automatiquement à partir de l'ID de la recommandation : n'écrivez pas "
                               "dedans. Excel les remplit dans une ligne insérée ; dans LibreOffice, sélectionnez-les "
                               "dans la ligne du dessus et dans la nouvelle ligne, puis appuyez sur Ctrl+D."},
    "legend_missing": {"en": "Red cell", "fr": "Cellule rouge"},
    "legend_missing_help": {"en": "A required cell that is still empty, or shows an error such as #N/A, on a row "
                                  "that has a recommendation.",
                            "fr": "Une cellule obligatoire encore vide, ou qui affiche une erreur comme #N/A, sur une "
                                  "ligne qui a une recommandation."},
    "legend_unknown": {"en": "Yellow ID", "fr": "ID en jaune"},
    "legend_unknown_help": {"en": "The ID is not in your group's list (see the Recommendations sheet).",
                            "fr": "L'ID n'est pas dans la liste de votre groupe (voir la feuille Recommandations)."},
    "legend_form": {"en": "Pale blue cells", "fr": "Cellules bleu clair"},
    "legend_form_help": {"en": "On the Group worksheet: the fields your group fills (coordinator, rapporteur, "
                               "members, next meeting).",
                         "fr": "Sur la Fiche du groupe : les champs que votre groupe remplit (coordination, "
                               "rapporteur ou rapporteuse, membres, prochaine réunion)."},
}

# An example of a complete, SMART row, shown on the Instructions sheet.
EXAMPLE_ROWS = {
    "implementation_plan": {
        "en": {
            "recommendation_id": "77.12", "recommendation": "Ratify the Optional Protocol to the Convention against Torture",
            "goal": "The State becomes a party to OPCAT and sets up a national preventive mechanism",
            "government_action": "Cabinet approves the ratification bill and submits it to Parliament",
            "indicator": "Instrument of ratification of the Optional Protocol to the Convention against Torture deposited",
            "baseline": "Not signed (2016)", "target": "Ratified", "deadline": "Dec 2018",
            "responsible_body": "Ministry of Foreign Affairs",
        },
        "fr": {
            "recommendation_id": "77.12", "recommendation": "Ratifier le Protocole facultatif se rapportant à la Convention contre la torture",
            "goal": "L'État devient partie au Protocole facultatif et crée un mécanisme national de prévention",
            "government_action": "Le Conseil des ministres adopte le projet de loi de ratification et le transmet au Parlement",
            "indicator": "Instrument de ratification du Protocole facultatif se rapportant à la Convention contre la torture déposé",
            "baseline": "Non signé (2016)", "target": "Ratifié", "deadline": "déc. 2018",
            "responsible_body": "Ministère des Affaires étrangères",
        },
    },
    "action_strategy": {
        "en": {
            "recommendation_id": "77.12", "priority": "High",
            "cso_activity": "Advocacy meetings with the Foreign Affairs committee of Parliament",
            "resources": "Venue and travel: USD 2,000", "partners": "National Human Rights Commission; OHCHR",
            "start": "Jan 2017", "end": "Dec 2018", "risks": "Parliament's agenda is full before elections",
            "mitigation": "Brief the committee chair early; media work to raise the issue",
            "lead_organisation": "Coalition against torture",
        },
        "fr": {
            "recommendation_id": "77.12", "priority": "Haute",
            "cso_activity": "Réunions de plaidoyer avec la commission des affaires étrangères du Parlement",
            "resources": "Salle et transport : 2 000 USD", "partners": "Commission nationale des droits de l'homme ; HCDH",
            "start": "janv. 2017", "end": "déc. 2018", "risks": "Calendrier parlementaire chargé avant les élections",
            "mitigation": "Informer tôt le président de la commission ; travail avec les médias",
            "lead_organisation": "Coalition contre la torture",
        },
    },
}


def t(key: str, lang: str = "en") -> str:
    entry = TEXT[key]
    return entry.get(lang) or entry["en"]
