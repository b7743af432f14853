"""French keyword layer for issues: the trained issue model only knows English.

A regular expression per issue over the folded tokens; a match counts with a
fixed confidence (``infer`` adds these to the trained model's confident calls).
"""
from __future__ import annotations

import re

from .text import _tokens, clean_text

_FR_ISSUE_RULES: tuple[tuple[str, str], ...] = (
    ("Torture and other CID treatment", r"\btortur|traitements? (cruels|inhumains|degradants)|mauvais traitements"),
    ("Death penalty", r"peine de mort|peine capitale|moratoire sur (les executions|la peine|l application de la peine)"),
    ("Rights of the Child", r"\benfan|\bmineurs?\b|\bfilles\b|chatiments? corporels|\bjuvenile|des jeunes\b"),
    ("Women's rights", r"\bfemmes?\b|\bfilles?\b|egalite (entre les |des )?(sexes|hommes et (les )?femmes)|\bgenre\b|"
                       r"violences? (domestique|conjugale|sexiste|sexuelle)|mutilations? genitales|excision|mariages? (precoces?|forces?)"),
    ("Trafficking", r"\btraite\b|trafic (d etres|de personnes|des personnes)|exploitation sexuelle"),
    ("Disabilities", r"handicap"),
    ("Human rights education and training", r"(education|formation|sensibilisation) (aux|en matiere de|sur les|dans le domaine des) droits de l homme"),
    ("Right to education", r"\beducation\b(?! (aux|en matiere de) droits)|\becoles?\b|scolari|enseignement"),
    ("Right to health", r"\bsante\b|mortalite (maternelle|infantile)|\bsoins\b"),
    ("Human rights defenders", r"defenseu?r?s? des droits de l homme|defenseurs des droits"),
    ("Freedom of opinion and expression", r"liberte d (expression|opinion)"),
    ("Freedom of the press", r"\bpresse\b|journalistes?|\bmedias\b"),
    ("Freedom of association and peaceful assembly", r"liberte d (association|reunion)|reunion pacifique|\bsyndica"),
    ("Freedom of religion and belief", r"liberte de (religion|culte|conviction|pensee)|\breligieu"),
    ("International instruments", r"\b(ratifier|ratification|adherer|adhesion|signer|signature|retirer (ses|les) reserves|lever (ses|les) reserves)\b"
                                  r"(?:\s+\S+){0,6}?\s+(convention|protocole|pacte|statut de rome|instruments?)\b|protocole facultatif"),
    ("Treaty bodies", r"\bcomite (contre|des droits|pour l elimination|sur)|organes? (conventionnels|de traites)|rapports? (periodiques?|en retard|initial)"),
    ("Special procedures", r"procedures speciales|rapporteu?r?s? speciale?s?|invitation permanente|titulaires de mandats?"),
    ("NHRI", r"institutions? nationales? (des|de defense des|pour les) droits|principes de paris|commission nationale des droits"),
    ("Detention", r"\bdetention|\bprisons?\b|\bdetenus?\b|carceral|penitentiaire"),
    ("Justice", r"\bjustice\b|judiciaire|tribunaux|\bjuges?\b|proces equitable|magistrat"),
    ("Impunity", r"\bimpunite"),
    ("Migrants", r"\bmigrant|travailleurs (etrangers|domestiques)|immigr"),
    ("Asylum-seekers - refugees", r"refugie|demandeurs d asile|\basile\b|apatrid"),
    ("Racial discrimination", r"racisme|racial|xenophob"),
    ("Minorities", r"\bminorites?\b|\broms?\b"),
    ("Indigenous peoples", r"autochtones?|peuples indigenes|pygmees"),
    ("Labour", r"travail des enfants|\btravailleurs?\b|\bemploi\b|\btravail\b"),
    ("Poverty", r"pauvrete"),
    ("Right to food", r"alimentation|securite alimentaire|\bfaim\b"),
    ("Right to water", r"\beau potable|assainissement|droit a l eau"),
    ("Right to housing", r"\blogement"),
    ("Right to land", r"\bfoncier|\bterres?\b"),
    ("Enforced disappearances", r"disparitions? forcees?"),
    ("Extrajudicial executions", r"executions? (extrajudiciaires|sommaires|arbitraires)"),
    ("Corruption", r"\bcorruption"),
    ("Sexual Orientation and Gender Identity", r"orientation sexuelle|identite de genre|homosexu|\blgbti?\b|meme sexe"),
    ("HIV - Aids", r"\bvih\b|\bsida\b"),
    ("Elections", r"\belection|electora"),
    ("Civil society", r"societe civile|\bong\b|organisations non gouvernementales"),
    ("Technical assistance and cooperation", r"assistance technique|cooperation technique|renforcement des capacites|assistance financiere"),
    ("National plan of action", r"plan d action national|plan national d action|plan d action|strategie nationale"),
    ("UPR process", r"examen periodique universel|\bepu\b"),
    ("Counter-terrorism", r"terroris"),
    ("Development", r"developpement (durable|economique)|objectifs du millenaire|\bomd\b"),
    ("Environment", r"environnement|changements? climatiques?"),
    ("Internally displaced persons", r"personnes deplacees|deplaces internes"),
    ("Human rights violations by state agents", r"(forces de securite|forces de l ordre|agents de l etat|policiers?|militaires)\b"),
    ("International humanitarian law", r"droit international humanitaire"),
    ("ESC rights - general", r"droits economiques,? sociaux"),
    ("CP rights - general", r"droits civils et politiques"),
)
_FR_ISSUE_RX = tuple((name, re.compile(rx)) for name, rx in _FR_ISSUE_RULES)
FR_KEYWORD_CONFIDENCE = 0.7


def french_issues(text: str) -> dict[str, float]:
    """Issues found by the French keyword layer, with a fixed confidence."""
    folded = " ".join(_tokens(clean_text(text)))
    return {name: FR_KEYWORD_CONFIDENCE for name, rx in _FR_ISSUE_RX if rx.search(folded)}
