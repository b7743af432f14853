"""How a recommendation asks: the structural request, the thing it names, what it only cites.

Every pattern is matched on folded text: lower case, accents removed (see `text.fold`).
"""

from __future__ import annotations

# Recommendation verbs asking for a structural change; the phrase after them is the thing to name.
STRUCTURAL_REQUEST = (
    r"ratify|ratifying|accede to|adopt|adopting|enact|enacting|establish|establishing|create|creating|set up|setting up|"
    r"amend|amending|revise|revising|repeal|repealing|abolish|abolishing|criminali[sz]e|criminali[sz]ing|pass|passing|"
    r"promulgate|(?:adoption|ratification|establishment|enactment|creation|revision|amendment) of|"
    r"ratifier|adherer a|adopter|promulguer|creer|etablir|mettre en place|instituer|reviser|modifier|abroger|abolir|voter|"
    r"incriminer|eriger en infraction|(?:l')?adoption d[eu]s?|(?:la )?ratification d[eu]s?|(?:la )?creation d[eu]s?|"
    r"(?:la )?revision d[eu]s?"
)
OBJECT_BOUNDARY = (
    r",|;|\.|\bin line with\b|\bin accordance\b|\bconsistent with\b|\bin (?:full )?compliance\b|\bin conformity\b|"
    r"\bcompliant with\b|\bby\b|\bincluding\b|\bin particular\b|\bparticularly\b|\bespecially\b|\bnotably\b|\band (?=[a-z]+ )|"
    r"\bconformement\b|\ben conformite\b|\bafin\b|\bpour\b(?! (?:les )?(?:mineurs|enfants)\b)|\ben vue\b|\bnotamment\b|\by compris\b|\bet (?=[a-z]+ )"
)

# Where a recommendation asks for something ("health care in rural areas"): the indicator or the goal must
# say where too. Each family: the words that name it in a recommendation, and those that name it in a row.
PLACES = {
    "rural": (r"rural|rurales?|ruraux|remote areas?|zones? reculees?|zones? enclavees?|isolated areas?|countryside",
              r"rural|rurales?|ruraux|remote|reculees?|enclavees?|isolated|villages?|countryside|campagnes?"),
    "informal settlements": (r"informal settlements?|slums?|bidonvilles?|quartiers? precaires?|quartiers? informels?",
                             r"informal settlements?|slums?|bidonvilles?|quartiers? precaires?|quartiers? informels?"),
}

# "in particular women and children": what follows names a specific population, place or practice.
NAMED_ITEM_INTRO = (
    r"in particular|particularly|especially|notably|including|such as|with a focus on|"
    r"notamment|en particulier|particulierement|y compris|surtout|specialement"
)
REFERENCE_INTRO = (
    r"(?:in line with|in accordance with|consistent with|in (?:full )?compliance with|in conformity with|compliant with|"
    r"compl(?:y|ies|ying) (?:fully )?with|conforms? to|se conforme(?:r)? (?:aux?|a)|to implement|pour mettre en oeuvre|"
    r"implementing (?:legislation|laws?) (?:before the parliament )?(?:for|of|on)|legislation (?:to implement|implementing)|"
    r"lois? d'application (?:de|du|des)|"
    r"cooperat\w* with|cooperer avec|cooperation avec|collaborat\w* with|"
    r"pursuant to|under|as required by|as provided (?:for )?(?:in|by)|conformement (?:aux?|a)|en conformite avec|conforme (?:aux?|a)|"
    r"selon|au titre de|en vertu de|dans le respect de)\s+(?:the\s+|la\s+|le\s+|les\s+|l')?(?:\d{4}\s+)?$"
)
# Nouns after which "of the X" is still the thing acted on ("adoption of the Bill").
PROCESS_NOUNS = frozenset("""
adoption ratification accession implementation establishment creation enactment revision review amendment
independence strengthening mandate budget resources capacity functioning effectiveness work role operationalization
operationalisation independance renforcement fonctionnement mandat application oeuvre revision ressources moyens
financial financieres financiers humaines human budgetary budgetaires
""".split())
