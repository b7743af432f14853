"""Infer the UPR Info action category and issues of a recommendation from its text.

Recommendations pasted from UN reports carry neither UPR Info's action category
(1-5, after E. McMahon) nor its issues. This module infers both:

* the action category by a bilingual (English/French) verb-rule engine that
  follows UPR Info's method (score the first verb; the second of two leading
  verbs decides; a general verb followed by a specific example scores 5;
  recommendations addressed to other States or asking for assistance score 1),
  refined for English text by a learned correction trained on UPR Info's own
  labels: a logistic model over the rule engine's findings, averaged with a
  small bidirectional GRU over the words (a few seeds; numpy forward pass);
* the issues by a linear one-vs-rest model over word uni- and bigrams, with
  per-issue thresholds, plus a small French keyword layer.

Runtime needs numpy only. The artefact in ``addin/data/intelligence_model.npz``
is rebuilt by ``python3 scripts/train_intelligence.py`` (see docs/intelligence.md).
Issue names are output as UPR Info's export spells them (e.g. "Right to water").
"""
from __future__ import annotations

import csv
import io
import json
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from threadpoolctl import threadpool_limits

# The artefact lives in addin/data/, beside the package, where package-data ships it.
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "intelligence_model.npz"

CATEGORY_NAMES = {
    1: "minimal action",
    2: "continuing action",
    3: "considering action",
    4: "general action",
    5: "specific action",
}

# The 54 issues as UPR Info's export (sessions 1-15) spells them. The list in
# UPR Info's documentation says "Right to water and sanitation"; the data says
# "Right to water", and we output what the data says.
ISSUES: tuple[str, ...] = (
    "Asylum-seekers - refugees", "CP rights - general", "Civil society", "Corruption",
    "Counter-terrorism", "Death penalty", "Detention", "Development", "Disabilities",
    "ESC rights - general", "Elections", "Enforced disappearances", "Environment",
    "Extrajudicial executions", "Freedom of association and peaceful assembly",
    "Freedom of movement", "Freedom of opinion and expression",
    "Freedom of religion and belief", "Freedom of the press", "General", "HIV - Aids",
    "Human rights defenders", "Human rights education and training",
    "Human rights violations by state agents", "Impunity", "Indigenous peoples",
    "Internally displaced persons", "International humanitarian law",
    "International instruments", "Justice", "Labour", "Migrants", "Minorities", "NHRI",
    "National plan of action", "Other", "Poverty", "Public security",
    "Racial discrimination", "Right to education", "Right to food", "Right to health",
    "Right to housing", "Right to land", "Right to water", "Rights of the Child",
    "Sexual Orientation and Gender Identity", "Special procedures",
    "Technical assistance and cooperation", "Torture and other CID treatment",
    "Trafficking", "Treaty bodies", "UPR process", "Women's rights",
)
ISSUE_ALIASES = {"Right to water and sanitation": "Right to water"}

# UPR Info labels English "Continue to strengthen ..." as 2 (continuing): the
# infinitive after "continue" does not count as a second leading verb. The
# project brief asks for French "Continuer de renforcer ..." to score 4, i.e.
# the verb after "continuer de/à" decides. Flip this to treat French like English.
FRENCH_CONTINUE_INFINITIVE_DECIDES = True


# --------------------------------------------------------------------------
# Text normalisation and tokens
# --------------------------------------------------------------------------

_PARA_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|[a-z]\)|\([a-z0-9]+\))\s+", re.I)
_TRAILING_SOURCE = re.compile(r"\s*\(([^()]{2,80})\)\s*[;.,]?\s*$")
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[,;:()]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def _fold(text: str) -> str:
    """Lower-case, strip accents, split French elisions (l'assistance -> l assistance)."""
    text = text.translate(_APOSTROPHES).lower().replace("œ", "oe").replace("æ", "ae")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu)'", r"\1 ", text)
    return text


def clean_text(text: str) -> str:
    """Drop a UN report paragraph number ("77.12.") and a trailing "(Belgium);"."""
    text = (text or "").strip().strip('"').strip()
    text = _PARA_NUMBER.sub("", text, count=1)
    m = _TRAILING_SOURCE.search(text)
    if m and not re.search(r"\d|convention|covenant|protocol|cedaw|crc|cat\b|iccpr", m.group(1), re.I):
        text = text[: m.start()]
    return text.strip()


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_fold(text).replace("'", " "))


# --------------------------------------------------------------------------
# Verb lexicons
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------

@dataclass
class Parse:
    """What the rule engine saw in one recommendation."""

    lang: str                   # "en", "fr" or "?"
    category: int
    confidence: float
    reason: str
    path: str                   # short code of the rule that decided
    verb1: str = ""
    verb2: str = ""
    verb1_cat: int = 0
    next_words: tuple[str, ...] = ()
    example: str = ""
    tokens: list[str] = field(default_factory=list)


def _detect_lang(tokens: Sequence[str]) -> str:
    fr = sum(t in _FR_MARKERS for t in tokens[:40])
    en = sum(t in _EN_MARKERS for t in tokens[:40])
    if fr > en and fr >= 2:
        return "fr"
    if fr >= 1 and en == 0 and tokens and tokens[0] in FR_VERBS:
        return "fr"
    return "en"


_FR_MARKERS = set("""les des du de la le et pour dans avec ses sur aux au une un en que qui est sont
son sa leurs leur afin notamment y compris droits homme femmes enfants loi mesures efforts veiller""".split())
_EN_MARKERS = set("""the and of to for in with its on all by that as rights human women children law
measures efforts ensure take continue""".split())

_PAREN = {"(", ")"}


def _strip_intro_en(tokens: list[str]) -> list[str]:
    """Drop a leading introductory clause ("In line with X, ..." / "While noting ..., ...")."""
    intro = tokens and (tokens[0] in _EN_INTRO or tokens[:2] == ["further", "to"])
    if intro and (not _en_lemma(tokens[0]) or tokens[0].endswith("ing") or tokens[0] == "further"):
        for i, t in enumerate(tokens[:60]):
            if t in (",", ";", ":"):
                return tokens[i + 1:]
    return tokens


def _skippable_en(tokens: list[str], i: int) -> bool:
    t = tokens[i]
    if t == "further":  # "Further strengthen" (adverb) vs "Further the aims" (verb)
        return i + 1 < len(tokens) and bool(_en_lemma(tokens[i + 1]))
    return t in _EN_SKIP or t in _PAREN or t == "," or (t.endswith("ly") and not _en_lemma(t))


def _find_verb_en(tokens: list[str], start: int, limit: int = 8) -> int:
    """Index of the first verb from start, skipping adverbs and fillers; -1 if none."""
    end = min(len(tokens), start + limit)
    for i in range(start, end):
        if _skippable_en(tokens, i):
            continue
        if _en_lemma(tokens[i]) and not (i > 0 and tokens[i - 1] in _DETERMINERS_EN):
            return i
    return -1


def _verb_at(tokens: list[str], i: int) -> str:
    """Lemma at i, folding phrasal verbs ("put in place", "give consideration to")."""
    lemma = _en_lemma(tokens[i]) or tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    nxt2 = tokens[i + 2] if i + 2 < len(tokens) else ""
    window = tokens[i + 1:i + 6]
    if lemma == "put" and nxt == "in" and nxt2 == "place":
        return "put-in-place"
    if lemma == "put" and nxt in ("an", "a") and nxt2 == "end":
        return "put-an-end"
    if lemma == "carry" and nxt == "on":
        return "carry-on"
    if lemma == "set" and nxt == "up":
        return "set-up"
    if lemma == "follow" and nxt in ("up", "through"):
        return "follow-up"
    if lemma == "look" and nxt in ("into", "at"):
        return "look-into"
    if lemma == "give" and "continuity" in window[:2]:
        return "give-continuity"
    if lemma == "keep" and nxt in ("on", "up"):
        return "keep-on"
    if lemma == "give" and "consideration" in window[:4]:
        return "give-consideration"
    if lemma == "take" and "into" in window[:3] and "consideration" in window:
        return "take-into-consideration"
    if lemma == "raise" and "awareness" in window[:3]:
        return "raise-awareness"
    if lemma in ("undertake", "conduct", "carry", "make", "initiate", "launch") and any(
            t in ("study", "review", "assessment", "evaluation", "analysis", "examination", "studies",
                  "reviews", "survey") for t in window) and not any(
            t in ("investigation", "investigations", "inquiry", "inquiries") for t in window):
        return "undertake-review"
    return lemma


_DETERMINERS_EN = {"the", "a", "an", "its", "their", "of", "with", "for", "his", "her", "this", "these", "that",
                   "such", "any", "all", "our", "your"}

_VERB_CAT_SPECIAL = {
    "give-continuity": 2, "keep-on": 2,
    "put-in-place": 5, "put-an-end": 4, "carry-on": 2, "set-up": 5, "follow-up": 4, "look-into": 3,
    "give-consideration": 3, "take-into-consideration": 4, "raise-awareness": 4, "undertake-review": 3,
}
_PHRASAL_LENGTH = {"keep-on": 2, "put-in-place": 3, "put-an-end": 3, "carry-on": 2, "set-up": 2, "follow-up": 2,
                   "look-into": 2}


def _en_cat(lemma: str) -> int:
    return _VERB_CAT_SPECIAL.get(lemma) or EN_VERBS.get(lemma, 0)


def _content_after(tokens: list[str], i: int, n: int = 3) -> tuple[str, ...]:
    out = []
    for t in tokens[i + 1:i + 12]:
        if t in ("the", "a", "an", "its", "their", "his", "her", "of", ",", "(", ")", "and", "to"):
            continue
        out.append(t)
        if len(out) >= n:
            break
    return tuple(out)


def _object_category(lemma: str, words: tuple[str, ...]) -> int | None:
    """Verbs such as "adopt" are general with "measures" and specific with "a law"."""
    if lemma not in _AMBIGUOUS or not words:
        return None
    head = [w for w in words if w not in _OBJECT_MODIFIERS]
    first = head[0] if head else words[0]
    if first in _GENERAL_HEADS:
        return 4
    if first in _SPECIFIC_OBJECTS or any(w in ("law", "legislation", "bill", "moratorium", "invitation")
                                         for w in words[:3]):
        return 5
    return None


_OBJECT_MODIFIERS = set("""all necessary appropriate further effective concrete additional adequate new more
specific practical comprehensive urgent relevant such strong firm targeted serious possible legal legislative
national special""".split())
_GENERAL_HEADS = set("""measures measure steps step efforts effort action actions initiatives policies policy
approach attention priority care everything resources support assistance protection access training awareness
mechanisms means conditions guidance opportunities services""".split())


def _specific_example_en(tokens: list[str], start: int) -> str:
    text = " ".join(tokens[start:])
    for m in _SPECIFIC_EXAMPLE_EN.finditer(text):
        ing = m.group(1)
        if ing is not None:
            if _en_lemma(ing) in _SPECIFIC_EN:
                return ing
            continue
        words = m.group(0).split()
        if _en_lemma(words[-1]) in _SPECIFIC_EN:
            return words[-1]
        if re.search(_SPECIFIC_NOUNS_EN, m.group(0)):
            return " ".join(words[-3:])
    return ""


_LEAD_WORDS_EN = {"recommended", "recommends", "recommend", "that", "it", "is", "was", "suggested", "requested",
                  "urged", "encouraged", "to", "we", "also", "further"}
_MODALS_EN = {"should", "will", "shall", "must", "would", "to", "be", "is", "are", "commits", "committed",
              "undertakes", "intends", "plans", "agreed", "continues", "recommended", "encouraged", "may",
              "could", "can", "need", "needs", "ought"}
_COMMIT_VERBS = {"undertake", "commit", "pledge", "intend", "plan", "agree", "reaffirm", "promise", "resolve",
                 "decide", "remain", "seek-to"}
_COMMIT_FORMS = {"undertakes", "commits", "committed", "pledges", "pledged", "intends", "plans", "agreed",
                 "promises", "promised", "resolved", "decided", "remains"}
_NO_SECOND_VERB = {"consider", "reconsider", "envisage", "contemplate"}


def _parse_en(text: str, tokens: list[str]) -> Parse:
    toks = [t for t in tokens if t not in _PAREN]
    body = _LEAD_RX_EN.sub("", " ".join(toks))
    if _ADDRESSED_EN.search(body):
        return Parse("en", 1, 0.9, "addressed to other States or the international community (minimal action)",
                     "addressed", verb1=body.split()[0] if body else "", verb1_cat=1, tokens=tokens)
    toks = _strip_intro_en(toks)
    lead = 0
    while lead < len(toks) and toks[lead] in _LEAD_WORDS_EN and not (
            toks[lead] == "further" and lead + 1 < len(toks) and not _en_lemma(toks[lead + 1])):
        lead += 1
    i = _find_verb_en(toks, lead, limit=6)
    if i < 0:  # a leading noun: "Recommended the adoption of ..."
        for j in range(lead, min(len(toks) - 1, lead + 4)):
            t = toks[j]
            if t in EN_NOMINALS and toks[j + 1] in ("of", "and", ",", "to"):
                lemma = EN_NOMINALS[t]
                cat = _en_cat(lemma)
                return _finish_en(toks, tokens, lemma, cat, _content_after(toks, j + 1), j,
                                  f"leading noun '{t}' ({CATEGORY_NAMES[cat]})", "nominal", v1=lemma, c1=cat)
    if i < 0:  # subject first: "The Government should ...", "Bahrain will explore ...", passives
        for j, t in enumerate(toks[:40]):
            if t in _MODALS_EN and j + 1 < len(toks):
                k = _find_verb_en(toks, j + 1, limit=4)
                if k >= 0:
                    i = k
                    break
    if i < 0:
        i = _find_verb_en(toks, 0, limit=30)
    if i < 0:
        first = toks[lead] if lead < len(toks) else ""
        return Parse("en", 4, 0.35, f"no known leading verb ('{first}'): general action by default", "noverb",
                     verb1=first, tokens=tokens)

    # Pledges: "Argentina undertakes to continue ...", "The Government is committed to adopting ...".
    while _en_lemma(toks[i]) in _COMMIT_VERBS and i > 0 or (toks[i] in _COMMIT_FORMS):
        k = i + 1
        while k < len(toks) and toks[k] in ("itself", "themselves", "fully", "firmly", "also", "further"):
            k += 1
        if k < len(toks) and toks[k] in _COMMIT_FORMS and k != i:
            i = k  # "remains committed to ..."
        elif k + 1 < len(toks) and toks[k] == "to" and _en_lemma(toks[k + 1]) and _en_cat(_verb_at(toks, k + 1)):
            i = k + 1
        else:
            break
    v1 = _verb_at(toks, i)
    c1 = _en_cat(v1)
    words = _content_after(toks, i)
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    seg = " ".join(toks[i:i + 14])
    if v1 == "seek" and nxt == "to":  # "seek to ensure": the next verb decides
        k = _find_verb_en(toks, i + 2, limit=3)
        if k >= 0 and _en_cat(_verb_at(toks, k)):
            v2 = _verb_at(toks, k)
            return _finish_en(toks, tokens, v2, _en_cat(v2), _content_after(toks, k), k,
                              f"'seek to {toks[k]}' ({CATEGORY_NAMES[_en_cat(v2)]})", "seekto", v1=v1, c1=4)
    if c1 == 1:
        if v1 in ("share", "exchange", "solicit", "call", "appeal") or _SEEK_ASSIST_EN.search(seg) \
                or (v1 == "request" and nxt != "that"):
            return Parse("en", 1, 0.85, f"first verb '{toks[i]}' asks for assistance or to share (minimal action)",
                         "assist", verb1=v1, verb1_cat=1, next_words=words, tokens=tokens)
        c1 = 4
    elif _SEEK_ASSIST_EN.match(seg):
        return Parse("en", 1, 0.8, f"'{toks[i]}' assistance (minimal action)", "assist", verb1=v1, verb1_cat=1,
                     next_words=words, tokens=tokens)

    # Second leading verb: "<v1> and <v2>", "<v1>, <v2> and <v3>": the last one decides.
    j = i + _PHRASAL_LENGTH.get(v1, 1)
    while j < len(toks) and j < i + 6 and (toks[j].endswith("ly") or toks[j] in ("further", "fully")):
        j += 1
    k = -1
    while j < len(toks) and toks[j] in ("and", "or", ","):
        m = j + 1
        while m < len(toks) and m < j + 4 and _skippable_en(toks, m) and toks[m] not in ("and", "or"):
            m += 1
        if m < len(toks) and _en_lemma(toks[m]) == toks[m] and _en_cat(_verb_at(toks, m)) and toks[m] not in _EN_SKIP:
            k = m
            j = m + _PHRASAL_LENGTH.get(_verb_at(toks, m), 1)
        else:
            break
    if k >= 0 and c1 != 1 and v1 not in _NO_SECOND_VERB:
        v2 = _verb_at(toks, k)
        c2 = _en_cat(v2)
        return _finish_en(toks, tokens, v2, c2, _content_after(toks, k), k,
                          f"second leading verb '{toks[k]}' ({CATEGORY_NAMES[c2]})", "second", v1=v1, c1=c1)
    return _finish_en(toks, tokens, v1, c1, words, i, f"first verb '{toks[i]}' ({CATEGORY_NAMES.get(c1, '?')})",
                      "first", v1=v1, c1=c1)


def _finish_en(toks, tokens, verb, cat, words, pos, reason, path, v1="", c1=0) -> Parse:
    conf = 0.8
    obj = _object_category(verb, words)
    if obj is not None and cat in (4, 5) and obj != cat:
        reason = f"'{toks[pos]} {' '.join(words[:2])}' ({CATEGORY_NAMES[obj]})"
        cat, path = obj, path + "+object"
        conf = 0.65
    example = ""
    if cat == 4:
        example = _specific_example_en(toks, pos + 1)
        if example:
            reason = f"general verb '{toks[pos]}' with specific example '{example}' (specific action)"
            cat, path, conf = 5, path + "+example", 0.6
    return Parse("en", cat or 4, conf if cat else 0.35, reason, path, verb1=v1 or verb, verb2=verb if v1 and v1 != verb else "",
                 verb1_cat=c1 or cat, next_words=words, example=example, tokens=tokens)


def _match_fr(toks: list[str], i: int) -> tuple[str, int]:
    """Longest French verb entry at position i: returns (entry, number of tokens)."""
    for entry in _FR_MULTI:
        parts = entry.split()
        if toks[i:i + len(parts)] == parts:
            return entry, len(parts)
    t = toks[i]
    if t in FR_VERBS:
        return t, 1
    # "s efforcer", "se doter", "s attaquer"
    if t in ("s", "se") and i + 1 < len(toks):
        return _match_fr(toks, i + 1)[0], 2
    return "", 0


def _parse_fr(text: str, tokens: list[str]) -> Parse:
    toks = [t for t in tokens if t not in _PAREN]
    low = " ".join(toks)
    if _ADDRESSED_FR.search(low):
        return Parse("fr", 1, 0.85, "addressed to other States or the international community (minimal action)",
                     "addressed", verb1=toks[0] if toks else "", verb1_cat=1, tokens=tokens)
    # skip an introductory clause: "Conformément à ..., adopter"
    start = 0
    if toks and toks[0] in ("conformement", "en", "dans", "avec", "compte", "tout", "tout en", "a", "sur", "suite",
                            "lors", "afin", "comme", "au", "apres", "pour", "par") and toks[0] not in FR_VERBS:
        for j, t in enumerate(toks[:60]):
            if t in (",", ";", ":"):
                start = j + 1
                break
    i, entry, n = -1, "", 0
    for j in range(start, min(len(toks), start + 8)):
        entry, n = _match_fr(toks, j)
        if entry:
            i = j
            break
    if i < 0:
        for j in range(len(toks[:40])):
            entry, n = _match_fr(toks, j)
            if entry:
                i = j
                break
    if i < 0:
        return Parse("fr", 4, 0.35, "no known leading verb: general action by default", "noverb", tokens=tokens)
    cat = FR_VERBS[entry]
    verb_word = " ".join(toks[i:i + n])
    nxt = toks[i + n:i + n + 4]
    # poursuivre: "poursuivre ses efforts" (2) vs "poursuivre les auteurs" (prosecute, 5)
    if entry == "poursuivre" and any(w in ("auteurs", "responsables", "coupables", "justice") for w in nxt[:3]):
        cat = 5
    if entry in ("solliciter", "demander", "rechercher", "faire appel") or entry == "echanger" or entry == "partager":
        seg = " ".join(toks[i:i + 12])
        if entry in ("partager", "echanger") or _SEEK_ASSIST_FR.search(seg):
            return Parse("fr", 1, 0.85, f"first verb '{verb_word}' asks for assistance or to share (minimal action)",
                         "assist", verb1=entry, verb1_cat=1, tokens=tokens)
        cat = 4
    reason = f"first verb '{verb_word}' ({CATEGORY_NAMES[cat]})"
    path = "first"
    v1, c1 = entry, cat
    # Second leading verb: "poursuivre et renforcer", "continuer de renforcer", "envisager de ratifier"
    j = i + n
    while j < len(toks) and toks[j] in _FR_SKIP - {"de", "d", "a", "et"} and j < i + n + 3:
        j += 1
    if j < len(toks) and toks[j] in ("et", "ou", ",", "de", "d", "a"):
        link = toks[j]
        m = j + 1
        while m < len(toks) and toks[m] in ("a", "de", "d", "pleinement", "davantage", "encore", "activement",
                                            "effectivement", "rapidement") and m < j + 3:
            m += 1
        entry2, n2 = _match_fr(toks, m) if m < len(toks) else ("", 0)
        if entry2:
            c2 = FR_VERBS[entry2]
            infinitive_link = link in ("de", "d", "a")
            decides = (not infinitive_link and cat not in (1, 3)) or (
                infinitive_link and cat == 2 and FRENCH_CONTINUE_INFINITIVE_DECIDES)
            if decides:
                cat, path = c2, "second"
                verb_word = " ".join(toks[m:m + n2])
                reason = f"second leading verb '{verb_word}' ({CATEGORY_NAMES[c2]})"
                i, n = m, n2
    if cat == 4:
        m = _SPECIFIC_EXAMPLE_FR.search(" ".join(toks[i + n:]))
        if m:
            ex = m.group(1) or m.group(2)
            reason = f"general verb '{verb_word}' with specific example '{ex}' (specific action)"
            cat, path = 5, path + "+example"
    return Parse("fr", cat, 0.75, reason, path, verb1=v1, verb1_cat=c1, tokens=tokens)


# Share of UPR Info's labels (sessions 1-12) that each rule path gets right; used as its confidence.
# French paths reuse the English figures, discounted because no labelled French data was available.
_RULE_CONFIDENCE = {
    "first": 0.89, "second": 0.87, "first+object": 0.75, "assist": 0.96, "first+example": 0.57,
    "noverb": 0.45, "nominal": 0.74, "second+object": 0.64, "addressed": 0.91, "seekto": 0.68,
    "first+object+example": 0.6, "second+example": 0.6, "nominal+object": 0.5, "second+object+example": 0.5,
    "seekto+object": 0.6, "seekto+example": 0.5, "nominal+example": 0.5,
}
_FRENCH_DISCOUNT = 0.9


def parse(text: str) -> Parse:
    """Run the rule engine on one recommendation."""
    cleaned = clean_text(text)
    tokens = _tokens(cleaned)
    if not tokens:
        return Parse("?", 4, 0.0, "empty text (general action by default)", "empty")
    lang = _detect_lang(tokens)
    p = _parse_fr(cleaned, tokens) if lang == "fr" else _parse_en(cleaned, tokens)
    conf = _RULE_CONFIDENCE.get(p.path, 0.5)
    p.confidence = round(conf * (_FRENCH_DISCOUNT if lang == "fr" else 1.0), 2)
    return p


def action_category(text: str) -> tuple[int, float, str]:
    """Rules only: (category 1-5, confidence 0-1, reason naming the deciding verb)."""
    p = parse(text)
    return p.category, p.confidence, p.reason


def action_features(p: Parse) -> list[str]:
    """Sparse binary features for the learned correction of the rule category (English)."""
    verb = p.verb2 or p.verb1
    f = [f"r={p.category}", f"p={p.path}", f"r={p.category}|p={p.path}", f"v={verb}", f"v1={p.verb1}",
         f"vc1={p.verb1_cat}"]
    if p.verb2:
        f.append(f"v1v2={p.verb1}|{p.verb2}")
    w = p.next_words
    if w:
        f.append(f"vo={verb}|{w[0]}")
        if len(w) > 1:
            f.append(f"voo={verb}|{w[0]}|{w[1]}")
    if p.example:
        f.append("ex")
        f.append(f"exv={p.example.split()[-1]}")
    toks = [t for t in p.tokens if t not in _PAREN]
    head = toks[:25]
    if head:
        f.append(f"t0={head[0]}")
    if len(head) > 1:
        f.append(f"t01={head[0]}|{head[1]}")
    f.extend(f"u={t}" for t in set(head))
    f.extend(f"b={a}|{b}" for a, b in set(zip(head, head[1:])))
    f.extend(f"w={t}" for t in set(toks[25:]) if t in _ACTION_CUES)
    f.extend(_whole_text_features(p, toks, verb))
    return f


# Whole-text signals of a specific example or a named instrument, and later coordinated verbs
# (added after session-grouped CV on sessions 1-12: 0.900 -> 0.905; see docs/intelligence.md).
_FEAT_EXAMPLE_LEAD = re.compile(r"\b(including|in particular|particularly|notably|inter alia|especially|such as|namely|"
                                r"for example|for instance)\s*,?\s*(by|through|via|with)?\s*(?:the |a |an )?(\w+)")
_FEAT_BY_ING = re.compile(r"\b(?:by|through)\s+(?:\w+ly\s+)?(\w+ing)\b")
_FEAT_THROUGH_NOUN = re.compile(r"\b(?:through|by means of|via)\s+(?:the |a )?(adoption|establishment|ratification|enactment|"
                                r"creation|amendment|introduction|implementation|development|strengthening|revision|"
                                r"elaboration|repeal|abolition)\b")
_FEAT_INSTRUMENT = re.compile(r"\b(convention|covenant|protocol|statute|act|bill|code|law on|law against|laws on|"
                              r"legislation on|optional protocol|opcat|op-cat|cedaw|crpd|crc|icc|rome)\b")


def _whole_text_features(p: Parse, toks: list[str], verb: str) -> list[str]:
    r = p.category
    txt = " ".join(toks)
    f = []
    for m in _FEAT_EXAMPLE_LEAD.finditer(txt):
        lemma = _en_lemma(m.group(3))
        f.append(f"exl={m.group(1)}|{m.group(2) or ''}")
        if lemma:
            f.extend((f"exlv={lemma}", f"exlc={_en_cat(lemma)}"))
        else:
            f.append(f"exln={m.group(3)}")
    for m in _FEAT_BY_ING.finditer(txt):
        lemma = _en_lemma(m.group(1))
        if lemma:
            c = _en_cat(lemma)
            f.extend((f"byv={lemma}", f"byc={c}", f"r={r}|byc={c}"))
    f.extend(f"nom={m.group(1)}" for m in _FEAT_THROUGH_NOUN.finditer(txt))
    for m in _FEAT_INSTRUMENT.finditer(txt):
        f.extend((f"ins={m.group(1)}", f"r={r}|ins"))
    cats = set()
    for k in range(1, len(toks)):  # later coordinated verbs: "..., and establish ..."
        t = toks[k]
        if toks[k - 1] in ("and", ",", ";", "to") and _en_lemma(t) == t and t not in _EN_SKIP:
            v = _verb_at(toks, k)
            c = _en_cat(v)
            if c:
                cats.add(c)
                f.append(f"lv={toks[k - 1]}|{v}")
    for c in cats:
        f.extend((f"lvc={c}", f"r={r}|lvc={c}"))
    w = p.next_words
    if w:
        f.append(f"r={r}|o={w[0]}")
    if len(w) > 2:
        f.append(f"vooo={verb}|{w[0]}|{w[1]}|{w[2]}")
    return f


_ACTION_CUES = set("""including include includes particular notably inter alia especially such example by through
law laws legislation bill act code amend amending adopting adoption ratifying ratification establishing
establishment enacting creating implementing introducing repealing abolishing prohibiting criminalizing
criminalising decriminalizing moratorium convention protocol invitation standing mechanism plan strategy
programme institution commission investigate investigating prosecute prosecuting justice""".split())


# --------------------------------------------------------------------------
# French keyword layer for issues (the trained model only knows English)
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# Trained artefact: learned category correction + issue model (numpy only)
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Inference:
    action: int                 # 1..5
    action_confidence: float    # 0..1
    action_reason: str          # names the deciding verb
    issues: tuple[str, ...]     # canonical UPR Info issue names, most confident first; may be empty
    issue_confidence: dict[str, float]


class LogisticCorrection:
    """The multinomial logistic correction of the rule category: weights over action_features."""

    def __init__(self, vocab: Sequence[str], w: np.ndarray, b: np.ndarray):
        self.index = {f: i for i, f in enumerate(vocab)}
        self.w = w.astype(np.float32)
        self.b = b.astype(np.float32)

    def proba(self, parses: Sequence[Parse]) -> np.ndarray:
        rows, cols = [], []
        for r, p in enumerate(parses):
            # Distinct features, as in training (binary): a feature found twice must not count twice.
            for f in dict.fromkeys(action_features(p)):
                j = self.index.get(f)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
        scores = np.tile(self.b, (len(parses), 1))
        if cols:
            np.add.at(scores, np.asarray(rows), self.w[np.asarray(cols)])
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)


_GRU_TOKEN = re.compile(r"[a-z]+|[0-9]+|[^\sa-z0-9]")
GRU_START, GRU_PAD, GRU_UNKNOWN = "<s>", 0, 1


def gru_tokens(text: str) -> list[str]:
    """What the neural category model reads: a start mark, then lower-cased words, numbers and signs."""
    return [GRU_START] + _GRU_TOKEN.findall(clean_text(text).lower())


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))  # one ufunc instead of exp + divide; no overflow warnings


class CategoryGRU:
    """Forward pass of the seed ensemble of bidirectional GRUs trained by scripts/train_intelligence.py.

    Same arithmetic as torch.nn.GRU over a packed batch: each text is read forwards from its first
    token and backwards from its own last token (not from the padding), and the features are both
    final states plus the maximum over time of each direction's outputs.
    """

    def __init__(self, vocab: Sequence[str], emb, w_ih, w_hh, b_ih, b_hh, fc_w, fc_b, max_tokens: int):
        self.index = {w: i + 2 for i, w in enumerate(vocab)}  # 0 padding, 1 unknown
        seeds, _, hidden3, _ = w_ih.shape                       # (seeds, 2 directions, 3H, E)
        self.streams = 2 * seeds                                # every seed and direction runs in one batch
        # A word's input projection does not depend on the text: one table lookup per step replaces a
        # matmul. (seeds, 2, vocab, 3H)
        emb = emb.astype(np.float32)
        self.input_table = (np.matmul(emb[:, None], w_ih.astype(np.float32).transpose(0, 1, 3, 2))
                            + b_ih.astype(np.float32)[:, :, None, :])
        self.w_hh = w_hh.astype(np.float32).reshape(self.streams, hidden3, -1).transpose(0, 2, 1)
        self.b_hh = b_hh.astype(np.float32).reshape(self.streams, 1, hidden3)
        self.fc_w = fc_w.astype(np.float32)                     # (seeds, classes, 4H)
        self.fc_b = fc_b.astype(np.float32)
        self.hidden = hidden3 // 3
        self.max_tokens = max_tokens

    @classmethod
    def from_arrays(cls, arrays, max_tokens: int) -> "CategoryGRU":
        """From the gru_* arrays as stored (the artefact, or the training script's output)."""
        emb = arrays["gru_emb"] * arrays["gru_emb_scale"].astype(np.float32)  # int8 codes, one scale per word
        return cls(json.loads(bytes(arrays["gru_vocab"]).decode("utf-8")), emb,
                   *(arrays[f"gru_{k}"] for k in ("w_ih", "w_hh", "b_ih", "b_hh", "fc_w", "fc_b")),
                   max_tokens=max_tokens)

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        ids = np.zeros((len(texts), self.max_tokens), np.int64)
        lengths = np.zeros(len(texts), np.int64)
        for r, text in enumerate(texts):
            row = [self.index.get(w, GRU_UNKNOWN) for w in gru_tokens(text)[: self.max_tokens]]
            ids[r, : len(row)] = row
            lengths[r] = len(row)
        return ids, lengths

    def proba(self, texts: Sequence[str], chunk: int = 512) -> np.ndarray:
        """Class probabilities averaged over the seeds, one row per text."""
        ids, lengths = self.encode(texts)
        out = np.zeros((len(texts), self.fc_w.shape[1]), np.float32)
        order = np.argsort(lengths, kind="stable")  # similar lengths together: fewer wasted steps
        # Hundreds of small matmuls per chunk: BLAS threads cost more than they give, and on a loaded
        # machine they stall (10k texts took 25 s instead of 1 s with two busy cores).
        with threadpool_limits(limits=1, user_api="blas"):
            for start in range(0, len(order), chunk):
                rows = order[start:start + chunk]
                out[rows] = self._forward(ids[rows], lengths[rows])
        return out

    def _forward(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        n, steps, H, S = len(ids), int(lengths.max()), self.hidden, self.streams
        seeds = S // 2
        forward_tokens = ids[:, :steps]
        # the backward direction reads each text from its own last token
        backward_pos = np.clip(lengths[:, None] - 1 - np.arange(steps)[None, :], 0, steps - 1)
        backward_tokens = np.take_along_axis(ids, backward_pos, axis=1)
        table_f, table_b = self.input_table[:, 0], self.input_table[:, 1]
        h = np.zeros((S, n, H), np.float32)
        top = np.full((S, n, H), -np.inf, np.float32)
        gi = np.empty((seeds, 2, n, 3 * H), np.float32)
        for step in range(steps):
            active = (step < lengths)[None, :, None]
            gi[:, 0] = table_f[:, forward_tokens[:, step]]
            gi[:, 1] = table_b[:, backward_tokens[:, step]]
            gi_s = gi.reshape(S, n, 3 * H)
            gh = np.matmul(h, self.w_hh) + self.b_hh
            r = _sigmoid(gi_s[..., :H] + gh[..., :H])
            z = _sigmoid(gi_s[..., H:2 * H] + gh[..., H:2 * H])
            cand = np.tanh(gi_s[..., 2 * H:] + r * gh[..., 2 * H:])
            new = (1.0 - z) * cand + z * h
            h = np.where(active, new, h)
            top = np.where(active, np.maximum(top, new), top)
        h = h.reshape(seeds, 2, n, H)
        top = top.reshape(seeds, 2, n, H)
        feats = np.concatenate([h[:, 0], h[:, 1], top[:, 0], top[:, 1]], axis=-1)  # (seeds, n, 4H)
        scores = np.matmul(feats, self.fc_w.transpose(0, 2, 1)) + self.fc_b[:, None, :]
        scores -= scores.max(axis=-1, keepdims=True)
        e = np.exp(scores)
        return (e / e.sum(axis=-1, keepdims=True)).mean(axis=0)


class Model:
    """Weights loaded from the .npz artefact written by scripts/train_intelligence.py."""

    def __init__(self, path: Path = MODEL_PATH):
        with np.load(path, allow_pickle=False) as z:
            self.meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            self.logistic = LogisticCorrection(json.loads(bytes(z["cat_vocab"]).decode("utf-8")), z["cat_w"],
                                               z["cat_b"])
            self.cat_classes = z["cat_classes"].astype(np.int64)
            self.iss_index = {f: i for i, f in enumerate(json.loads(bytes(z["iss_vocab"]).decode("utf-8")))}
            self.iss_idf = z["iss_idf"].astype(np.float32)
            self.iss_w = z["iss_w"].astype(np.float32)
            self.iss_b = z["iss_b"].astype(np.float32)
            self.iss_thr = z["iss_thr"].astype(np.float32)
            self.labels = tuple(json.loads(bytes(z["labels"]).decode("utf-8")))
            self.gru = None
            if "gru_vocab" in z.files:  # artefacts built with --no-neural have the logistic correction only
                self.gru = CategoryGRU.from_arrays(z, int(self.meta["gru"]["max_tokens"]))
                self.gru_weight = float(self.meta["gru"]["weight"])
        self.ngram_max = int(self.meta.get("ngram_max", 2))
        self.min_top = float(self.meta.get("min_top_probability", 1.0))

    # -- category ---------------------------------------------------------
    def category_proba(self, parses: Sequence[Parse], texts: Sequence[str]) -> np.ndarray:
        """Probabilities of the classes in `cat_classes`: the logistic correction, averaged with the GRU."""
        proba = self.logistic_proba(parses)
        if self.gru is not None and len(texts):
            proba = self.gru_weight * self.gru.proba(texts) + (1.0 - self.gru_weight) * proba
        return proba

    def logistic_proba(self, parses: Sequence[Parse]) -> np.ndarray:
        return self.logistic.proba(parses)

    # -- issues -----------------------------------------------------------
    def issue_terms(self, tokens: Sequence[str]) -> list[str]:
        words = [t for t in tokens if t not in _PUNCT]
        terms = list(words)
        for n in range(2, self.ngram_max + 1):
            terms.extend(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
        return terms

    def issue_proba(self, token_lists: Sequence[Sequence[str]], chunk: int = 2048) -> np.ndarray:
        out = np.zeros((len(token_lists), len(self.labels)), np.float32)
        for start in range(0, len(token_lists), chunk):
            part = token_lists[start:start + chunk]
            rows, cols, vals = [], [], []
            for r, toks in enumerate(part):
                counts: dict[int, int] = {}
                for term in self.issue_terms(toks):
                    j = self.iss_index.get(term)
                    if j is not None:
                        counts[j] = counts.get(j, 0) + 1
                if not counts:
                    continue
                idx = np.fromiter(counts.keys(), np.int64, len(counts))
                tf = 1.0 + np.log(np.fromiter(counts.values(), np.float32, len(counts)))
                x = tf * self.iss_idf[idx]
                x /= np.sqrt(float((x * x).sum())) or 1.0
                rows.append(np.full(len(idx), r))
                cols.append(idx)
                vals.append(x)
            scores = np.tile(self.iss_b, (len(part), 1))
            if cols:
                r_all = np.concatenate(rows)
                c_all = np.concatenate(cols)
                v_all = np.concatenate(vals).astype(np.float32)
                np.add.at(scores, r_all, self.iss_w[c_all] * v_all[:, None])
            out[start:start + len(part)] = 1.0 / (1.0 + np.exp(-scores))
        return out


_PUNCT = {",", ";", ":", "(", ")"}
_MODEL: Model | None = None
_MODEL_LOCK = threading.Lock()


def load_model(path: Path | None = None) -> Model:
    """The trained artefact, loaded once per process (offline, numpy only)."""
    global _MODEL
    if path is not None:
        return Model(path)
    with _MODEL_LOCK:
        if _MODEL is None:
            _MODEL = Model(MODEL_PATH)
        return _MODEL


def _decide_category(p: Parse, proba: np.ndarray | None, classes: np.ndarray) -> tuple[int, float, str]:
    if proba is None or p.lang != "en" or p.path in ("empty",):
        return p.category, p.confidence, p.reason
    k = int(proba.argmax())
    cat = int(classes[k])
    conf = float(proba[k])
    if cat == p.category:
        return cat, conf, p.reason
    verb = p.verb2 or p.verb1 or "?"
    obj = " ".join(p.next_words[:2])
    what = f"'{verb}{' ' + obj if obj else ''}'"
    return cat, conf, (f"{what} scored {cat} ({CATEGORY_NAMES[cat]}) by the learned correction; "
                       f"rules said {p.category}: {p.reason}")


def infer(texts: Sequence[str]) -> list[Inference]:
    """Action category and issues for each text (batch; the model is loaded once)."""
    texts = [t if isinstance(t, str) else ("" if t is None else str(t)) for t in texts]
    if not texts:
        return []
    model = load_model()
    parses = [parse(t) for t in texts]
    en = [i for i, p in enumerate(parses) if p.lang == "en" and p.path != "empty"]
    cat_proba = (model.category_proba([parses[i] for i in en], [texts[i] for i in en]) if en
                 else np.zeros((0, 5)))
    proba_of = {i: cat_proba[n] for n, i in enumerate(en)}
    token_lists = [p.tokens for p in parses]
    iss = model.issue_proba(token_lists)
    results = []
    for i, p in enumerate(parses):
        action, a_conf, reason = _decide_category(p, proba_of.get(i), model.cat_classes)
        conf = _issue_decision(iss[i], model, p, texts[i])
        ordered = tuple(sorted(conf, key=lambda k: -conf[k]))
        results.append(Inference(action, round(float(a_conf), 4), reason, ordered,
                                 {k: round(float(conf[k]), 4) for k in ordered}))
    return results


def _issue_decision(prob: np.ndarray, model: Model, p: Parse, text: str) -> dict[str, float]:
    chosen = {model.labels[j]: float(prob[j]) for j in np.flatnonzero(prob >= model.iss_thr)}
    if p.lang == "fr":
        # The model was trained on English; keep only its confident calls and add the keyword layer.
        chosen = {k: v for k, v in chosen.items() if v >= 0.5}
        for k, v in french_issues(text).items():
            chosen[k] = max(chosen.get(k, 0.0), v)
    elif not chosen and p.tokens:
        j = int(prob.argmax())
        if prob[j] >= model.min_top:
            chosen[model.labels[j]] = float(prob[j])
    return chosen


# --------------------------------------------------------------------------
# CSV front end for the CLI (JSON Lines)
# --------------------------------------------------------------------------

def _read_text_column(path: Path) -> list[str]:
    from addin.errors import InputError
    from addin.files import read_bytes

    raw = read_bytes(Path(path))   # InputError, naming the file, when it is missing or not a regular file
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("mac_roman")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        return []
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in names:
        raise InputError(path, "errors.list.no_text_header", found=", ".join(header))
    col = names.index("text")
    return [row[col] if col < len(row) else "" for row in reader if any(cell.strip() for cell in row)]


def _groups(issues: Iterable[str]) -> list[str]:
    from addin.groups import groups_for_issues  # owned by another module; imported lazily

    names = list(issues)
    # Also pass the documented spelling of aliased issues, so either spelling maps.
    names += [doc for doc, data in ISSUE_ALIASES.items() if data in names]
    seen: dict[str, None] = {}
    for g in groups_for_issues(names):
        seen.setdefault(g, None)
    return list(seen)


def classify_csv(path: str | Path) -> list[dict]:
    """One dict per data row of a CSV with a Text column, in input order (JSON Lines ready)."""
    texts = _read_text_column(Path(path))
    out = []
    for n, (text, inf) in enumerate(zip(texts, infer(texts)), start=1):
        out.append({
            "row": n,
            "action": inf.action,
            "issues": list(inf.issues),
            "groups": _groups(inf.issues),
            "confidence": {"action": inf.action_confidence, "issues": dict(inf.issue_confidence)},
            "reason": inf.action_reason,
        })
    return out
