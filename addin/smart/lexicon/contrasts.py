"""Subjects side by side in one field that are not each other (the R rule).

Every pattern is matched on folded text: lower case, accents removed (see `text.fold`).
"""

from __future__ import annotations

# Subjects that sit side by side in one field and are not each other: an indicator on one does not track a
# recommendation on another ("tertiary education" under primary education, "freedom of association" under peaceful
# assembly, child mortality under maternal mortality). Each family: member -> its words. An indicator that names a
# member of a family, and none of the members the recommendation names, is about another subject.
CONTRASTS: dict[str, dict[str, str]] = {
    "education level": {
        "pre-primary": r"pre-?primary|pre-?school|early childhood education|prescolaire|(?:ecole|enseignement) maternelle",
        "primary": r"(?:primary|elementary) (?:schools?|education|level|cycle|enrol\w*|completion|pupils|classes)|"
                   r"(?:ecoles?|enseignement|cycle|niveau|eleves|scolarisation) (?:du |au )?primaire|"
                   r"(?:au|le|du|en) primaire",
        "secondary": r"secondary|secondaire|lower secondary|upper secondary|lycees?|colleges? d'enseignement",
        "tertiary": r"tertiary|higher education|universit(?:y|ies|aires?|es?)|enseignement superieur|etudiants?",
    },
    "whose mortality": {
        "maternal": r"maternal (?:mortality|deaths?)|mortalite maternelle|deces maternels?|women dying in childbirth|"
                    r"femmes meurent en couches",
        "child": r"(?:infant|child|under-?(?:five|5)|neonatal|newborn) (?:mortality|deaths?)|"
                 r"(?:maternal|maternelle) (?:and|et) (?:infant|child|infantile|neonatal|neonatale)|mortalite (?:infantile|"
                 r"infanto-juvenile|neonatale|des enfants|des moins de (?:cinq|5) ans)|deces (?:d'enfants|neonatals?)",
    },
    "disease": {
        "hiv": r"hiv(?:/aids)?|aids|vih(?:/sida)?|sida|pvvih|plhiv|antiretrovira\w*",
        "tuberculosis": r"tuberculosis|tuberculose|tb",
        "malaria": r"malaria|paludisme",
        "measles": r"measles|rougeole",
        "cholera": r"cholera",
        "hepatitis": r"hepatitis|hepatite",
        "cancer": r"cancers?",
    },
    "freedom": {
        "assembly": r"(?:peaceful )?assembly|reunions? (?:publiques?|pacifiques?)|reunion pacifique|demonstrat(?:ions?|ors?)|"
                    r"protests?|protesters?|rassemblements?|manifestations?|manifestants?",
        "association": r"association|associations?|ngos?|ong|non-governmental organi[sz]ations?|trade unions?|syndica\w*",
        "expression": r"expression|press|presse|journalists?|journalistes?|media|medias?|censorship|censure",
        "religion": r"religio\w*(?! (?:and \w+ |or \w+ )?leaders)|belief|croyances?|worship|culte|blasphem\w*",
    },
    "harmful practice": {
        "fgm": r"female genital mutilations?|fgm|genital cutting|excision|mutilations? genitales?|mgf|excis\w*|cutting",
        "child marriage": r"(?:child|early|forced) marriages?|mariages? (?:d'enfants|des enfants|precoces?|forces?)|"
                          r"married before|mariee?s? avant",
        "corporal punishment": r"corporal punishments?|chatiments? corporels?|physical punishment|caning|flogging",
        "trafficking": r"traffick\w*|traite des (?:personnes|etres humains|enfants|femmes)|la traite|trading in human beings",
        "smuggling": r"smuggl\w*|passeurs?|trafic (?:illicite )?de migrants",
        "sexual harassment": r"sexual harassment|harcelement sexuel",
        "domestic violence": r"domestic violence|violences? (?:domestiques?|conjugales?)|intimate partner violence",
        "attacks on journalists and defenders": r"(?:attacks?|assaults?|violence|threats?|killings?|murders?|agressions?|"
                                                r"menaces?) (?:on|against|of|contre) (?:des |les )?(?:journalists?|media workers|"
                                                r"human rights defenders|defenders|activists|journalistes?|defenseurs?)|"
                                                r"(?:journalists?|defenders|journalistes?) (?:from|against|contre) (?:attacks?|"
                                                r"violence|threats?|agressions?)",
    },
    "ground of discrimination": {
        "race": r"racial|racis\w*|xenophob\w*|ethnic origin|origine ethnique|raciale?s?",
        "sex": r"discrimination (?:against|a l'egard des|envers les|contre les) (?:women|femmes)|gender discrimination|"
               r"sex discrimination|discrimination (?:fondee sur|on the basis of|based on) (?:le )?(?:sexe|sex|gender)|sexis\w*",
        "disability": r"discrimination (?:against|on the basis of|based on|on grounds of|a l'egard des) (?:persons with |"
                      r"personnes )?(?:disabilit\w*|handicap\w*)",
        "sexual orientation": r"sexual orientation|gender identity|homophob\w*|transphob\w*|orientation sexuelle|"
                              r"identite de genre",
    },
    "participation": {
        "political": r"political (?:participation|life)|public life|vie (?:politique|publique)|decision-making|"
                     r"prise de decision|elected|elues?|elus|seats|sieges|parliament|parlement",
        "labour market": r"labou?r (?:force|market)|marche du travail|taux d'activite|employment rate|taux d'emploi",
    },
    "UN mechanism": {
        "treaty bodies": r"treaty bod(?:y|ies)|organes? (?:conventionnels?|de traites?)|periodic reports?|rapports? periodiques?",
        "special procedures": r"special procedures?|special rapporteurs?|rapporteurs? speciaux|procedures speciales|"
                              r"working groups? on|groupes? de travail sur|mandate[- ]holders?|titulaires? de mandats?|"
                              r"standing invitation|invitation permanente",
    },
    "housing": {
        "evictions": r"(?:forced )?evictions?|(?:forcibly )?evicted|evictees?|expulsions? (?:forcees?|de logements?)|deguerpi\w*",
        "housing supply": r"(?:social|affordable|low-cost|public) housing(?: units)?|housing units|(?:houses|homes|dwellings) "
                          r"(?:built|constructed|delivered)|logements? sociaux|logements? (?:construits|livres)",
    },
    "registration": {
        "birth": r"births?|naissances?",
        "identity card": r"identity cards?|cartes? (?:nationales? )?d'identite",
        "voter": r"voters?|electeurs?|electoral rolls?|listes? electorales?",
    },
}
