"""Every reason and fix the SMART checker can give, in English and French, in one table."""

from __future__ import annotations

LANGUAGES = ("en", "fr")

MESSAGES: dict[str, dict[str, str]] = {
    # S - specific
    "S.ok": {
        "en": "The indicator names something concrete to count or check ('{what}').",
        "fr": "L'indicateur nomme un élément concret à compter ou à vérifier (« {what} »).",
    },
    "S.empty": {
        "en": "There is no indicator.",
        "fr": "Il n'y a pas d'indicateur.",
    },
    "S.empty.fix": {
        "en": "Write an indicator that names what will be counted or checked.",
        "fr": "Rédigez un indicateur qui nomme ce qui sera compté ou vérifié.",
    },
    "S.vague": {
        "en": "'{indicator}' describes a vague state ('{word}'), not something that can be counted or checked.",
        "fr": "« {indicator} » décrit un état vague (« {word} »), pas un élément que l'on peut compter ou vérifier.",
    },
    "S.vague.fix": {
        "en": "Name what will be counted or checked, e.g. 'Number of … ', 'Percentage of … ' or 'Law on … adopted'.",
        "fr": "Nommez ce qui sera compté ou vérifié, par ex. « Nombre de … », « Pourcentage de … » ou « Loi sur … adoptée ».",
    },
    "S.abstract": {
        "en": "'{indicator}' names no events, people or cases, no share of a population and no named law, policy or body.",
        "fr": "« {indicator} » ne nomme ni événements, ni personnes, ni cas, ni part d'une population, ni loi, politique ou institution précise.",
    },
    "S.generic_object": {
        "en": "'{indicator}' does not say which law, policy, plan or body is meant.",
        "fr": "« {indicator} » ne dit pas de quelle loi, politique, plan ou institution il s'agit.",
    },
    "S.generic_object.fix": {
        "en": "Name the specific law, policy, plan or body that the recommendation asks for.",
        "fr": "Nommez la loi, la politique, le plan ou l'institution précis que demande la recommandation.",
    },
    "S.object_missing": {
        "en": "The recommendation asks for '{item}', but neither the indicator nor the goal names it.",
        "fr": "La recommandation demande « {item} », mais ni l'indicateur ni l'objectif ne le nomment.",
    },
    "S.entity_missing": {
        "en": "The recommendation names '{item}', but neither the indicator nor the goal does.",
        "fr": "La recommandation nomme « {item} », mais ni l'indicateur ni l'objectif ne le font.",
    },
    "S.population_missing": {
        "en": "The recommendation names a specific population ({item}), but neither the indicator nor the goal does.",
        "fr": "La recommandation nomme une population précise ({item}), mais ni l'indicateur ni l'objectif ne le font.",
    },
    "S.item_missing": {
        "en": "The recommendation singles out '{item}', but neither the indicator nor the goal mentions it.",
        "fr": "La recommandation cible en particulier « {item} », mais ni l'indicateur ni l'objectif ne le mentionnent.",
    },
    "S.named.fix": {
        "en": "Name '{item}' in the indicator, as the recommendation does.",
        "fr": "Nommez « {item} » dans l'indicateur, comme le fait la recommandation.",
    },
    # M - measurable
    "M.ok": {
        "en": "It has an observable unit ('{unit}') and a target ({target}).",
        "fr": "Il a une unité observable (« {unit} ») et une cible ({target}).",
    },
    "M.ok_structural": {
        "en": "Adoption, ratification or establishment is a yes/no fact; the end state is the target.",
        "fr": "L'adoption, la ratification ou la création est un fait vérifiable (oui/non) ; l'état final est la cible.",
    },
    "M.empty": {
        "en": "There is no indicator to measure.",
        "fr": "Il n'y a pas d'indicateur à mesurer.",
    },
    "M.no_unit": {
        "en": "'{indicator}' has no unit: no count, percentage, rate or amount, and no yes/no fact such as adopted or ratified.",
        "fr": "« {indicator} » n'a pas d'unité : ni nombre, ni pourcentage, ni taux, ni montant, ni fait vérifiable comme « adopté » ou « ratifié ».",
    },
    "M.no_unit.fix": {
        "en": "Say what is counted ('Number of …', 'Percentage of …') or which fact is checked ('… adopted').",
        "fr": "Dites ce qui est compté (« Nombre de … », « Pourcentage de … ») ou quel fait est vérifié (« … adopté »).",
    },
    "M.no_target": {
        "en": "There is no target value, neither in the Target column nor in the indicator.",
        "fr": "Il n'y a pas de valeur cible, ni dans la colonne Cible ni dans l'indicateur.",
    },
    "M.target_not_value": {
        "en": "The target '{target}' is not a value.",
        "fr": "La cible « {target} » n'est pas une valeur.",
    },
    "M.target.fix": {
        "en": "Give a number or percentage to reach, e.g. '75%' or '200 per year'.",
        "fr": "Indiquez un nombre ou un pourcentage à atteindre, par ex. « 75 % » ou « 200 par an ».",
    },
    # A - achievable
    "A.ok": {
        "en": "{body} is responsible and the target is within reach.",
        "fr": "{body} est responsable et la cible est atteignable.",
    },
    "A.no_body": {
        "en": "No responsible body is named.",
        "fr": "Aucune institution responsable n'est nommée.",
    },
    "A.generic_body": {
        "en": "'{body}' is not a named body.",
        "fr": "« {body} » n'est pas une institution nommée.",
    },
    "A.body.fix": {
        "en": "Name the ministry, agency or other body responsible.",
        "fr": "Nommez le ministère, l'agence ou l'institution responsable.",
    },
    "A.deadline_before_plan": {
        "en": "The deadline ({deadline}) is before the plan starts ({start}).",
        "fr": "L'échéance ({deadline}) est antérieure au début du plan ({start}).",
    },
    "A.deadline.fix": {
        "en": "Choose a deadline between {start} and {end}.",
        "fr": "Choisissez une échéance entre {start} et {end}.",
    },
    "A.over_100": {
        "en": "A target of {target} for a share of a population is above 100%.",
        "fr": "Une cible de {target} pour une part de la population dépasse 100 %.",
    },
    "A.over_100.fix": {
        "en": "Set a target of at most 100%.",
        "fr": "Fixez une cible d'au plus 100 %.",
    },
    "A.wrong_direction": {
        "en": "The target ({target}) moves in the wrong direction from the baseline ({baseline}): this indicator should {direction}.",
        "fr": "La cible ({target}) va dans le mauvais sens par rapport à la valeur de référence ({baseline}) : cet indicateur doit {direction}.",
    },
    "A.wrong_direction.fix": {
        "en": "Set a target that improves on the baseline.",
        "fr": "Fixez une cible qui améliore la valeur de référence.",
    },
    "A.elimination": {
        "en": "A target of total elimination of {phenomenon}, a widespread phenomenon, cannot be reached within the plan.",
        "fr": "Une cible d'élimination totale de {phenomenon}, phénomène répandu, ne peut être atteinte pendant le plan.",
    },
    "A.elimination.fix": {
        "en": "Set an intermediate reduction target for the plan period.",
        "fr": "Fixez une cible de réduction intermédiaire pour la durée du plan.",
    },
    "direction.up": {"en": "rise", "fr": "augmenter"},
    "direction.down": {"en": "fall", "fr": "baisser"},
    # R - relevant
    "R.ok": {
        "en": "The indicator tracks the subject of the recommendation ({shared}).",
        "fr": "L'indicateur suit l'objet de la recommandation ({shared}).",
    },
    "R.empty": {
        "en": "There is no indicator to relate to the recommendation.",
        "fr": "Il n'y a pas d'indicateur à rapprocher de la recommandation.",
    },
    "R.unrelated": {
        "en": "The indicator does not track what the recommendation is about ({subject}).",
        "fr": "L'indicateur ne suit pas l'objet de la recommandation ({subject}).",
    },
    "R.only_population": {
        "en": "The indicator concerns the same people ({shared}) but does not track what the recommendation asks ({subject}).",
        "fr": "L'indicateur concerne les mêmes personnes ({shared}) mais ne suit pas ce que demande la recommandation ({subject}).",
    },
    "R.other_population": {
        "en": "The indicator is about another population ({other}) than the recommendation ({subject}).",
        "fr": "L'indicateur porte sur une autre population ({other}) que la recommandation ({subject}).",
    },
    "R.other_entity": {
        "en": "The indicator is about '{other}', not '{subject}' named in the recommendation.",
        "fr": "L'indicateur porte sur « {other} », et non sur « {subject} » nommé dans la recommandation.",
    },
    "R.fix": {
        "en": "Measure what the recommendation asks for: {subject}.",
        "fr": "Mesurez ce que demande la recommandation : {subject}.",
    },
    "R.no_recommendation": {
        "en": "There is no recommendation text to compare with.",
        "fr": "Il n'y a pas de texte de recommandation à comparer.",
    },
    # T - time-bound
    "T.ok": {
        "en": "'{deadline}' falls within the plan ({start}–{end}).",
        "fr": "« {deadline} » tombe pendant le plan ({start}–{end}).",
    },
    "T.vague": {
        "en": "'{deadline}' is not a date.",
        "fr": "« {deadline} » n'est pas une date.",
    },
    "T.missing": {
        "en": "No date, month or year is given in the indicator or the deadline.",
        "fr": "Aucune date, aucun mois ni aucune année n'est donné dans l'indicateur ou l'échéance.",
    },
    "T.before": {
        "en": "'{deadline}' is before the plan starts ({start}).",
        "fr": "« {deadline} » est antérieur au début du plan ({start}).",
    },
    "T.after": {
        "en": "'{deadline}' is after the next review ({end}).",
        "fr": "« {deadline} » est postérieur à l'examen suivant ({end}).",
    },
    "T.fix": {
        "en": "Give a date, month or year between {start} and {end}.",
        "fr": "Indiquez une date, un mois ou une année entre {start} et {end}.",
    },
    # indicator types (OHCHR)
    "type.structural": {
        "en": "Structural: it checks the adoption, ratification or establishment of a law, treaty, policy or body ('{word}').",
        "fr": "Structurel : il vérifie l'adoption, la ratification ou la création d'une loi, d'un traité, d'une politique ou d'une institution (« {word} »).",
    },
    "type.process": {
        "en": "Process: it counts an effort or output of the duty-bearer ('{word}').",
        "fr": "De processus : il compte un effort ou un produit de l'action publique (« {word} »).",
    },
    "type.outcome": {
        "en": "Outcome: it measures a result in the population ('{word}').",
        "fr": "De résultat : il mesure un résultat dans la population (« {word} »).",
    },
    "type.outcome_default": {
        "en": "Outcome: it describes a state of affairs, not an action or a legal fact.",
        "fr": "De résultat : il décrit une situation, pas une action ni un fait juridique.",
    },
}


def message(message_id: str, lang: str, **values: object) -> str:
    """The message in the language asked, with its placeholders filled."""
    return MESSAGES[message_id][lang].format(**values)
