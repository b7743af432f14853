"""Verb lexicons of the rule engine, English and French.

Each leading verb's UPR Info category (1-5), English inflections and lemmas,
nouns that stand for a verb ("the adoption of"), the fillers skipped before a
verb, and the patterns for recommendations addressed to other States, requests
for assistance and specific examples after a general verb.
"""
from __future__ import annotations

import re


def _en_lexicon() -> dict[str, int]:
    groups = {
        1: "seek request solicit share call appeal urge exchange",
        2: "continue maintain pursue persevere persist sustain keep remain preserve",
        3: ("consider reconsider review examine re-examine reexamine study explore envisage "
            "evaluate re-evaluate reevaluate assess reassess analyse analyze contemplate revise "
            "reflect look ponder weigh"),
        4: ("ensure promote strengthen take address intensify guarantee enhance increase improve "
            "step make accelerate reinforce redouble respect speed expedite follow cooperate pay "
            "allocate engage encourage consolidate protect facilitate prioritize prioritise combat "
            "support comply do fight prevent expand build use fulfil fulfill move devote work "
            "give strive endeavour endeavor foster deepen broaden uphold advance tackle counter "
            "invest monitor mainstream empower involve refrain condemn avoid abstain ensure "
            "multiply deploy dedicate mobilize mobilise hasten observe "
            "honour honor safeguard guarantee combat eradicate eliminate reduce end stop cease "
            "provide develop create put undertake bring further adapt pay lend "
            "enable assist help attach attend secure boost bolster widen scale double tighten "
            "redress remedy overcome curb counteract alleviate minimize minimise clarify inform "
            "consult instruct recognize recognise apply integrate include grant start begin "
            "initiate institute proceed hold draw design prepare formulate open close free "
            "render respond disseminate publicize publicise sensitize sensitise rectify ease streamline "
            "find reach meet resolve bridge note accomplish achieve realize realise combat "
            "harness nurture cultivate emphasize emphasise stress tolerate value welcome commit "
            "attain defend treat accord reengage re-engage fast-track follow-up progress focus pledge "
            "intend plan agree reaffirm promise resolve decide"),
        5: ("ratify accede sign adopt amend establish investigate abolish enact implement repeal "
            "withdraw extend issue introduce complete become incorporate submit invite lift "
            "prohibit decriminalize decriminalise criminalize criminalise release finalize "
            "finalise harmonize harmonise modify pass elaborate conclude impose enforce launch "
            "commute approve declare set remove conduct carry accept align revoke prosecute "
            "punish sanction publish train collect report join designate appoint promulgate "
            "outlaw ban adhere define draft organize organise reform legislate codify rescind "
            "annul suspend abrogate replace transfer recruit hire fund budget "
            "reintroduce re-introduce renew reopen re-establish reestablish restore resume "
            "translate present deposit notify allow permit authorize "
            "authorise desist offer educate upgrade update reconstitute reactivate "
            "operationalize operationalise dismantle disband destroy compensate "
            "criminally register reinstate delete inscribe compile elevate agree receive acknowledge "
            "associate state re-adopt readopt enlarge regulate change separate "
            "rehabilitate demobilize demobilise disarm reintegrate repatriate endorse add restrict "
            "communicate halt enshrine liberalize liberalise reinstitute re-instate raise transform clear "
            "identify"),
    }
    lex: dict[str, int] = {}
    for cat, words in groups.items():
        for w in words.split():
            lex.setdefault(w, cat)
    # Words listed under 4 that UPR Info mostly scores 5 when they lead.
    for w in ("eliminate", "end", "cease", "reduce", "create", "develop", "include", "integrate",
              "grant", "start", "initiate", "institute", "proceed", "draw", "design", "prepare",
              "formulate", "open", "free", "apply", "recognize", "recognise", "respond", "stop"):
        lex[w] = 5
    for w in ("eradicate", "stop"):
        lex[w] = 5 if w == "stop" else 4
    return lex


EN_VERBS = _en_lexicon()

_IRREGULAR = {
    "take": ("taking", "taken", "takes", "took"), "make": ("making", "made", "makes"),
    "give": ("giving", "given", "gives", "gave"), "set": ("setting", "set", "sets"),
    "put": ("putting", "put", "puts"), "bring": ("bringing", "brought", "brings"),
    "undertake": ("undertaking", "undertaken", "undertakes"), "become": ("becoming", "becomes"),
    "withdraw": ("withdrawing", "withdrawn", "withdraws"), "do": ("doing", "done", "does"),
    "hold": ("holding", "held", "holds"), "draw": ("drawing", "drawn", "draws"),
    "build": ("building", "built", "builds"), "pay": ("paying", "paid", "pays"),
    "keep": ("keeping", "kept", "keeps"), "seek": ("seeking", "sought", "seeks"),
    "step": ("stepping", "stepped", "steps"), "submit": ("submitting", "submitted", "submits"),
    "commit": ("committing", "committed", "commits"), "stop": ("stopping", "stopped", "stops"),
    "ban": ("banning", "banned", "bans"), "begin": ("beginning", "begun", "begins"),
    "plan": ("planning", "planned", "plans"), "carry": ("carrying", "carried", "carries"),
    "ratify": ("ratifying", "ratified", "ratifies"), "modify": ("modifying", "modified", "modifies"),
    "study": ("studying", "studied", "studies"), "codify": ("codifying", "codified", "codifies"),
    "notify": ("notifying", "notified", "notifies"), "clarify": ("clarifying", "clarified", "clarifies"),
    "apply": ("applying", "applied", "applies"), "multiply": ("multiplying", "multiplied"),
    "intensify": ("intensifying", "intensified", "intensifies"),
    "prioritize": ("prioritizing", "prioritized", "prioritizes"),
    "fulfil": ("fulfilling", "fulfilled", "fulfils"), "remedy": ("remedying", "remedied"),
    "see": ("seeing", "seen"), "lend": ("lending", "lent"), "double": ("doubling", "doubled"),
    "scale": ("scaling", "scaled"), "rescind": ("rescinding", "rescinded"),
    "free": ("freeing", "freed", "frees"), "issue": ("issuing", "issued", "issues"),
    "continue": ("continuing", "continued", "continues"), "pursue": ("pursuing", "pursued", "pursues"),
    "persevere": ("persevering", "persevered"), "ensure": ("ensuring", "ensured", "ensures"),
}


def _inflections(verb: str) -> tuple[str, ...]:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ee"):
        return (verb + "ing", verb + "d", verb + "s")
    if verb.endswith("e"):
        return (verb[:-1] + "ing", verb + "d", verb + "s")
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return (verb + "ing", verb[:-1] + "ied", verb[:-1] + "ies")
    if verb.endswith(("sh", "ch", "ss", "x", "z")):
        return (verb + "ing", verb + "ed", verb + "es")
    return (verb + "ing", verb + "ed", verb + "s")


EN_FORMS: dict[str, str] = {}
for _v in EN_VERBS:
    for _f in _inflections(_v):
        EN_FORMS.setdefault(_f, _v)
for _v in EN_VERBS:  # a base form always wins over an inflection of another verb
    EN_FORMS[_v] = _v
# Inflected forms that are nearly always nouns when they open a phrase.
_EN_NOUNLIKE = {"issues", "reports", "ends", "steps", "calls", "works", "uses", "reviews", "studies",
                "drafts", "training", "building", "funding", "means", "measures", "sanctions", "reforms",
                "plans", "designs", "remains", "changes", "notes", "states", "values", "supports",
                "increases", "releases", "bans", "offers", "funds", "needs", "holds", "meets",
                "welcomes", "stresses", "meetings", "findings", "hearings", "proceedings", "understanding",
                "housing", "trafficking", "reporting", "monitoring", "sentencing", "policing", "schooling",
                "wellbeing", "being", "setting", "spending"}
for _f in _EN_NOUNLIKE:
    if _f not in EN_VERBS:
        EN_FORMS.pop(_f, None)


def _en_lemma(token: str) -> str:
    """Lemma of a verb token, '' if not a known verb. Handles "re-instate", "ratify-accede"."""
    lemma = EN_FORMS.get(token)
    if lemma:
        return lemma
    if "-" in token:
        joined = token.replace("-", "")
        if joined in EN_FORMS:
            return EN_FORMS[joined]
        head = token.split("-", 1)[0]
        if head in EN_VERBS and head not in ("re", "co", "non", "self", "well", "long", "short", "follow"):
            return head
    return ""


# French infinitives (accents stripped). Multi-word entries are matched first.
FR_VERBS: dict[str, int] = {}
for _cat, _words in {
    1: ("solliciter demander partager appeler lancer-un-appel rechercher faire-appel echanger "
        "inviter-la-communaute exhorter-la-communaute"),
    2: "continuer poursuivre maintenir perseverer persister preserver garder",
    3: ("envisager considerer examiner reexaminer etudier explorer evaluer reevaluer analyser "
        "revoir reviser songer reflechir prendre-en-consideration"),
    4: ("veiller assurer garantir promouvoir renforcer intensifier redoubler ameliorer accroitre "
        "augmenter accelerer lutter combattre proteger respecter prendre faire s-efforcer "
        "soutenir encourager favoriser developper consolider faciliter "
        "prevenir eliminer eradiquer reduire assurer-que mettre-l-accent cooperer collaborer "
        "allouer consacrer fournir offrir permettre redoubler-d-efforts "
        "sensibiliser s-attaquer remedier traiter appuyer mobiliser accorder donner"),
    5: ("ratifier adherer signer adopter modifier amender etablir creer enqueter abolir abroger "
        "retirer lever adresser inviter mettre-en-oeuvre mettre-en-place mettre-fin promulguer "
        "instaurer introduire incorporer integrer interdire incriminer eriger depenaliser liberer "
        "traduire-en-justice poursuivre-en-justice elaborer instituer harmoniser reformer "
        "finaliser achever organiser publier dispenser former recruter declarer commuer "
        "supprimer reconnaitre accepter soumettre presenter transmettre enregistrer indemniser "
        "devenir-partie aligner mener adapter definir sanctionner punir"),
}.items():
    for _w in _words.split():
        FR_VERBS.setdefault(_w.replace("-", " "), _cat)

# Nouns that stand for the leading verb: "Recommended the adoption of ...".
EN_NOMINALS = {
    "adoption": "adopt", "establishment": "establish", "ratification": "ratify", "accession": "accede",
    "continuation": "continue", "consideration": "consider", "abolition": "abolish", "abolishment": "abolish",
    "implementation": "implement", "issuance": "issue", "creation": "create", "enactment": "enact",
    "development": "develop", "strengthening": "strengthen", "promotion": "promote", "review": "review",
    "revision": "revise", "withdrawal": "withdraw", "amendment": "amend", "introduction": "introduce",
    "elaboration": "elaborate", "signing": "sign", "signature": "sign", "repeal": "repeal",
    "removal": "remove", "release": "release", "lifting": "lift", "improvement": "improve",
    "intensification": "intensify", "reinforcement": "reinforce", "study": "study", "examination": "examine",
    "extension": "extend", "decriminalization": "decriminalize", "decriminalisation": "decriminalize",
    "criminalization": "criminalize", "criminalisation": "criminalize", "prohibition": "prohibit",
    "investigation": "investigate", "maintenance": "maintain", "pursuit": "pursue", "exploration": "explore",
    "evaluation": "evaluate", "assessment": "assess", "reconsideration": "reconsider", "enhancement": "enhance",
    "increase": "increase", "protection": "protect", "establishing": "establish", "incorporation": "incorporate",
    "harmonization": "harmonize", "harmonisation": "harmonize", "finalization": "finalize", "completion": "complete",
    "updating": "update", "submission": "submit", "cooperation": "cooperate", "support": "support",
    "guarantee": "guarantee", "elimination": "eliminate", "reduction": "reduce", "provision": "provide",
    "inclusion": "include", "integration": "integrate", "sharing": "share", "organization": "organize",
}

_FR_MULTI = sorted((k for k in FR_VERBS if " " in k), key=lambda k: -len(k.split()))

_EN_SKIP = set("""
further fully effectively urgently immediately promptly actively systematically also swiftly
expeditiously duly seriously positively progressively gradually rapidly quickly formally genuinely
vigorously resolutely firmly strongly speedily constantly consistently properly adequately
continuously steadily thoroughly comprehensively strictly concretely officially legally
duly openly explicitly publicly truly diligently sincerely substantially significantly
effectively better more still now soon again both either really decisively unequivocally
progressively structurally closely carefully regularly earnestly favourably favorably
specifically particularly especially additionally eventually ultimately equally appropriately
the government authorities state should to please kindly be its it they their
""".split())
_EN_INTRO = set("""
in as with while within given bearing taking following through on at for by under during after
before upon considering recalling noting acknowledging recognizing recognising welcoming
commending appreciating pursuant according regarding concerning since despite beyond besides
once where when if against towards toward into from among throughout amid prior like
""".split())
_FR_SKIP = set("""
pleinement effectivement rapidement immediatement activement systematiquement egalement
davantage encore plus resolument serieusement progressivement dument urgemment
ses son sa leurs leur les le la l des de d du a au aux en se s y
""".split())

_ASSIST = r"(?:assistance|support|help|aid|cooperation|co-operation|advice|expertise|funding|resources|capacity-building|capacity)"
_OTHERS = (r"(?:international community|donor|donors|development partners|partner countries|other states|"
           r"other countries|all states|member states|united nations|un agencies|ohchr|office of the high commissioner|"
           r"relevant (?:international )?(?:organi[sz]ations|agencies|partners|bodies)|international (?:organi[sz]ations|partners|financial|agencies)|"
           r"the council|human rights council|friendly countries|developed countries|the world bank|unicef|unhcr|undp)")
_ADDRESSED_EN = re.compile(
    r"^(?:(?:we\s+)?(?:call|calls|called|appeal|appeals|appealed|urge|urges|urged|encourage|encourages|encouraged|"
    r"invite|invites|invited|ask|asks|request|requests|requested)\s+(?:on|upon|to)?\s*(?:the\s+|all\s+|relevant\s+)?" + _OTHERS +
    r"|(?:the\s+)?" + _OTHERS + r"\s+(?:to|should|is\s+(?:called|urged|encouraged|invited))\b"
    r"|(?:recommended|recommends)\s+(?:that\s+)?(?:the\s+)?" + _OTHERS + r"\s+(?:to|should)\b)")
_SEEK_ASSIST_EN = re.compile(
    r"\b(?:seek|seeks|seeking|request|requests|requesting|solicit|soliciting|call\s+for|calls\s+for|appeal\s+for|ask\s+for|avail\s+(?:itself|themselves)\s+of|"
    r"accept|enlist|mobili[sz]e|obtain|receive|draw\s+on|request\s+and\s+receive)\s+(?:\w+\s+){0,6}?" + _ASSIST + r"\b")
_ADDRESSED_FR = re.compile(
    r"^(?:appeler|inviter|exhorter|encourager|lancer un appel a|demander a)\s+(?:a\s+)?(?:la|les|l)?\s*(?:communaute internationale|donateurs|bailleurs|partenaires|etats|pays|organisations internationales|nations unies)"
    r"|^(?:la\s+)?communaute internationale\s+(?:a|doit|devrait)\b")
_SEEK_ASSIST_FR = re.compile(
    r"\b(?:solliciter|demander|rechercher|requerir|obtenir|faire appel a|recourir a)\s+(?:\w+\s+){0,5}?(?:assistance|aide|appui|soutien|cooperation|concours|expertise)\b")

# "Specific example" markers after a general verb.
_SPECIFIC_EN = {
    "adopt", "ratify", "amend", "establish", "enact", "repeal", "abolish", "accede", "sign",
    "introduce", "create", "criminalize", "criminalise", "decriminalize", "decriminalise",
    "prohibit", "withdraw", "extend", "issue", "lift", "investigate", "prosecute", "set",
    "incorporate", "revise", "remove", "release", "ban", "commute", "impose", "declare",
    "launch", "appoint", "finalize", "finalise", "pass", "harmonize", "harmonise", "modify",
    "promulgate", "implement", "become", "submit", "invite", "outlaw", "elaborate", "draft",
    "train", "raise", "conduct", "publish", "allocate", "fund",
}
_SPECIFIC_NOUNS_EN = (
    r"(?:adoption|ratification|amendment|amending|establishment|enactment|repeal|abolition|accession|"
    r"signing|signature|introduction|creation|criminali[sz]ation|decriminali[sz]ation|prohibition|"
    r"withdrawal|lifting|investigation|prosecution|revision|removal|release|moratorium|"
    r"promulgation|implementation of (?:the|its|a) (?:law|act|national|plan|recommendation|convention|strategy)|"
    r"(?:a |the |new |specific |comprehensive )?(?:law|legislation|bill|act|code) (?:on|against|to|that|prohibiting|criminali[sz]ing))"
)
_EXAMPLE_LEAD_EN = r"(?:including|include|includes|in particular|particularly|notably|inter alia|especially|such as|for example|for instance|namely|specifically|among others)"
_SPECIFIC_EXAMPLE_EN = re.compile(
    r"\b" + _EXAMPLE_LEAD_EN + r"\s*,?\s*(?:by|through|via|with)?\s*(?:the\s+|a\s+)?(?:(?:\w+ing)\b|" + _SPECIFIC_NOUNS_EN + r")"
    r"|\b(?:by|through)\s+(?:\w+ly\s+)?(\w+ing)\b")
_SPECIFIC_EXAMPLE_FR = re.compile(
    r"\b(?:notamment|y compris|en particulier|particulierement|par exemple|entre autres|a savoir)\s*,?\s*(?:par|en|au moyen de|grace a)?\s*(?:l |la |le |les |un |une |des )?"
    r"(adoption|ratification|modification|creation|abrogation|abolition|promulgation|mise en place|mise en oeuvre|adhesion|incrimination|interdiction|"
    r"adoptant|ratifiant|modifiant|amendant|etablissant|creant|abrogeant|abolissant|promulguant|incriminant|interdisant|mettant|adherant|signant|"
    r"instaurant|introduisant|erigeant|depenalisant|elaborant|retirant|levant)\b"
    r"|\ben\s+(adoptant|ratifiant|modifiant|amendant|creant|abrogeant|abolissant|promulguant|incriminant|interdisant|mettant en place|adherant|instaurant|erigeant|depenalisant)\b")

# Objects that make an ambiguous verb general (4) or specific (5).
_SPECIFIC_OBJECTS = set("""
law laws legislation bill act code amendment amendments moratorium convention covenant protocol
statute decree plan strategy programme program mechanism institution commission body office
ombudsman ombudsperson invitation recommendations recommendation timeline date deadline
register registry database framework national
""".split())
_AMBIGUOUS = {"adopt", "implement", "develop", "establish", "provide", "create", "put", "take",
              "undertake", "introduce", "make", "set", "elaborate", "formulate", "design",
              "put-in-place", "carry", "conduct", "put-an-end", "end", "eliminate", "include",
              "integrate", "apply", "complete", "draw", "prepare", "include", "initiate"}

_LEAD_RX_EN = re.compile(r"^(?:it is |it was )?(?:recommended|recommends|recommend|recommendation|suggested|suggests|encouraged|urged|invited|called|requested)\s+(?:that\s+|to\s+)?", re.I)
