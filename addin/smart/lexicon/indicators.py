"""What an indicator counts: countable nouns, units, vague states, structural events, bare input
counts, and the words of the OHCHR indicator types.

Every pattern is matched on folded text: lower case, accents removed (see `text.fold`).
"""

from __future__ import annotations

COUNTABLE_NOUNS = (
    r"cases?|cas|people|persons?|personnes?|victims?|victimes?|complaints?|plaintes?|reports?|rapports?|trials?|"
    r"schools?|ecoles?|officers?|agents?|households?|menages?|districts?|villages?|families|familles|students?|"
    r"births?|naissances?|deaths?|deces|attacks?|incidents?|visits?|sessions?|workshops?|ateliers?|judgments?|"
    r"jugements?|communities|communautes|centres?|centers?|shelters?|clinics?|stations?|posts?|offices?"
)
VAGUE_STATE = (
    r"respect|improved?|improvements?|better|enhanced?|strengthened|reinforced|raised|promoted|ensured|guaranteed|respected|upheld|"
    r"fostered|advanced|effective(?:ly)?|good|situation|capacit(?:y|ies)|awareness|adequate|sufficient|greater|increased|"
    r"reduced|sensiti[sz]ed|progress|ameliore(?:e|s|es)?|amelioration|meilleure?s?|renforcee?s?|renforcement|accrue?s?|"
    r"sensibilisation|sensibilisee?s?|promue?s?|garantie?s?|respectee?s?|effective?s?|effectifs?|bonne|capacites|efficace|"
    r"davantage|reduite?s?|progres"
)

UNIT = (
    r"numbers?|nombre|count|#|total|percentages?|percent|per ?cent|%|pourcentage|pour ?cent|proportions?|share|part|ratio|"
    r"rates?|taux|amounts?|montants?|budgets?|allocations?|allocated|allouee?s?|expenditures?|spending|depenses|prevalence|"
    r"incidence|per (?:1|10|100)[ ,.]?0{3}|concentration|mean|delais? moyens?|durees? moyennes?|temps moyen|µg/m3|ug/m3|hectares?|km|kilomet(?:re|er)s?|litres?|liters?|tonnes?|pour (?:1|10|100)[ ,.]?0{3}|average|moyenne|coverage|couverture|index|indice|"
    r"usd|\$|eur|rwf|frw|ugx|kes|tzs|fcfa|cfa|xof|xaf|bif|cdf|mga|gnf"
)

STRUCTURAL_EVENT = (
    r"adopted|adoption|ratified|ratification|acceded|accession|established|establishment|enacted|enactment|promulgated|"
    r"promulgation|passed|published|publication|created|creation|set up|operational|operationali[sz]ed|launched|amended|"
    r"amendment|repealed|repeal|abolished|abolition|criminali[sz]ed|criminali[sz]ing|signed|deposited|validated|approved|"
    r"designated|gazetted|entered into force|in force|issued|assented|included|integrated|introduced|incorporated|"
    r"declared|extended|submitted|accredited|declaree?s?|adressee?s?|soumise?s?|accreditee?s?|"
    r"inclu(?:s|se|ses)|integree?s?|introduite?s?|"
    r"adoptee?s?|ratifiee?s?|promulguee?s?|creee?s?|mise? en place|etablie?s?|instituee?s?|publiee?s?|votee?s?|abrogee?s?|"
    r"modifiee?s?|revisee?s?|abolie?s?|operationnelle?s?|signee?s?|validee?s?|approuvee?s?|entree? en vigueur|en vigueur|"
    r"deposee?s?|revised|withdrawn|lifted|appointed|conducted|carried out|completed|held|removed|deleted|"
    r"supprimee?s?|retiree?s?|designee?s?|lancee?s?|levee?s?|achevee?s?|incriminee?s?|erigee?s? en infraction|effectuee?s?|"
    r"realisee?s?|tenue?s?|menee?s?"
)

# A bare count of inputs ("Number of schools built", "Nombre de véhicules acquis pour ..."): it tracks a sector,
# not a particular concern within it.
GENERIC_INPUT_COUNT = (
    r"^(?:total )?(?:number|nombre) (?:of|de|d')\s*(?:[\w'-]+ ){0,3}?(?:built|constructed|construite?s?|renovated|"
    r"renovee?s?|purchased|acquired|acquise?s?|achetee?s?|bought|recruited|recrutee?s?|appointed|nommee?s?|admitted|"
    r"opened|ouverte?s?|painted|repainted|peinte?s?|distributed|distribuee?s?|rebuilt|reconstruite?s?|connected|raccordee?s?|"
    r"added|ajoutee?s?|installed|installee?s?|supplied|equipped|equipee?s?)(?:\s+(?:for|pour|in|dans|by|par|to|au|a)\s.*)?$|"
    r"^(?:number|nombre) (?:of|de) (?:hospital )?beds$"
)

# Indicator type (OHCHR): what a process indicator counts.
PROCESS_WORDS = (
    r"trained|training|trainings|workshops?|sessions?|campaigns?|inspections?|visits?|prosecut\w*|investigat\w*|"
    r"convict\w*|handled|resolved|processed|judgments?|judgements?|budget|allocated|allocation|expenditure|spending|funds|"
    r"issued|delivered|built|opened|rehabilitated|recruited|deployed|organi[sz]ed|conducted|carried out|referred|"
    r"assisted|supported|rescued|grants?|disciplined|sanctioned|released|registered|reports submitted|"
    r"formee?s?|formations?|ateliers?|campagnes?|poursuivie?s?|poursuites?|condamnations?|jugements?|enquetes?|allouee?s?|"
    r"delivree?s?|construite?s?|recrutee?s?|organisee?s?|liberee?s?|assistee?s?|creee?s?|rendus?"
)
OUTCOME_WORDS = (
    r"prevalence|incidence|mortality|mortalite|rate|taux|ratio|life expectancy|esperance de vie|literacy|"
    r"alphabetisation|completion|achevement|enrol\w*|scolaris\w*|share of|proportion of|percentage of|pourcentage de|"
    r"proportion de|part des?|seats held|sieges|married|mariees?|living|vivant|access to|acces a|stunting|malnutrition|"
    r"who report|qui declarent|victims?|victimes?|cases of|cas de"
)
