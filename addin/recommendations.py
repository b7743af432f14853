"""Import real UPR recommendation lists into one normalised list workbook.

Reads UPR Info database exports, UN Working Group report paragraph lists,
OHCHR UHRI exports, plain lists (any header language) and our own list
workbook. The format is told from the headers, never asked. Columns and
labels come from `schema.RECOMMENDATIONS`.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import html
import io
import json
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from pathlib import Path

from defusedxml import ElementTree  # workbooks come from anywhere

from . import upr_calendar
from .errors import InputError
from .files import save_workbook
from .groups import GroupMapping, slug
from .groups import normalise as _normalise
from .metadata import WorkbookMeta, write_metadata
from .schema import RECOMMENDATIONS, RESPONSES, SCHEMA_VERSION, ColumnType
from .tables import TEXT_SUFFIXES, decode_text, read_table

from .intelligence import infer

ACCEPTED, NOTED, PENDING, PLEDGE = "Accepted", "Noted", "Pending", "Voluntary Pledge"
FORMAT_NAMES = {
    "upr-info": "UPR Info database export",
    "un-report": "UN Working Group report paragraphs",
    "uhri": "OHCHR UHRI export",
    "plain": "plain list",
    "list": "UPR Matrix recommendations list",
}
UPR_INFO_SOURCE = "UPR Info database"
UN_REPORT_SOURCE = "UN Working Group report"
UHRI_SOURCE = "OHCHR UHRI"


# Names, issues and States repeat across thousands of rows.
normalise = functools.lru_cache(maxsize=1 << 16)(_normalise)


# --- Data model -----------------------------------------------------------

@dataclass
class Recommendation:
    id: str
    text: str
    recommending_states: list[str]
    response: str            # "Accepted" | "Noted" | "Pending" | "Voluntary Pledge" | "" (unknown)
    issues: list[str]
    action_category: int | None
    groups: list[str]        # group keys of the mapping, in mapping order
    state: str
    session: int | None
    cycle: int | None
    source: str
    labels: str = "source"   # "source" | "inferred" | "mixed"
    label_note: str = ""

    @property
    def cross_cutting(self) -> bool:
        return len(self.groups) > 1


# Multi-valued attributes are written joined with "; " and split back on ";".
MULTI_VALUED = frozenset(f.name for f in fields(Recommendation) if str(f.type).startswith("list"))
LIST_SEPARATOR = "; "


@dataclass
class ImportResult:
    recommendations: list[Recommendation]
    source_format: str
    skipped_pledges: int
    skipped_other_states: int
    path: Path
    # Rows repeating a paragraph already read (one row per recommending State).
    merged_rows: int = 0
    # UHRI rows of treaty bodies or special procedures.
    skipped_other_mechanisms: int = 0
    # Input rows (or lines) neither imported nor counted above, by reason: every row is accounted for.
    skipped_rows: dict[str, int] = field(default_factory=dict)

    @property
    def unassigned(self) -> list[Recommendation]:
        return [r for r in self.recommendations if not r.groups]

    def summary_lines(self, mapping: GroupMapping | None = None, lang: str = "en") -> list[str]:
        """What was read, for the console: responses, groups, what to check by hand."""
        mapping = mapping or GroupMapping.default()
        say = _SUMMARY[lang if lang in _SUMMARY else "en"]
        recs = self.recommendations
        responses = Counter(r.response for r in recs)
        counts = [say["count"].format(label=label if lang == "fr" else value, n=responses[value])
                  for value, label in RESPONSES.items() if responses[value]]
        if responses[""]:
            counts.append(say["count"].format(label=say["no_response"], n=responses[""]))
        lines = [say["read"].format(n=len(recs), file=self.path.name,
                                    format=FORMAT_NAMES.get(self.source_format, self.source_format)),
                 say["responses"] + ", ".join(counts), say["groups"]]
        group_counts = Counter(key for r in recs for key in r.groups)
        names = {g.key: g.label(lang) for g in mapping.groups}
        for key in [*names, *sorted(set(group_counts) - set(names))]:
            lines.append("  " + say["group"].format(label=names.get(key, key), n=group_counts[key]))
        lines.append(say["cross_cutting"].format(sum(r.cross_cutting for r in recs)))
        unassigned = [r.id for r in self.unassigned]
        shown = f" ({', '.join(unassigned[:10])}{', …' if len(unassigned) > 10 else ''})" if unassigned else ""
        lines.append(say["unassigned"].format(len(unassigned)) + shown)
        provenance = Counter(r.labels for r in recs)
        if provenance["inferred"] or provenance["mixed"]:
            lines.append(say["inferred"].format(provenance["inferred"], provenance["mixed"]))
        for key, count in (("pledges", self.skipped_pledges), ("other_states", self.skipped_other_states),
                           ("other_mechanisms", self.skipped_other_mechanisms), ("merged", self.merged_rows)):
            if count:
                lines.append(say[key].format(count))
        for why, count in self.skipped_rows.items():
            lines.append(say["skipped_rows"].format(n=count, reason=_SKIP_REASONS[why]["fr" if lang == "fr" else "en"]))
        return lines


_SUMMARY = {
    "en": {
        "read": "{n} recommendations read from {file} ({format})",
        "responses": "Responses: ",
        "count": "{n} {label}",
        "group": "{label}: {n}",
        "no_response": "without a response",
        "groups": "By thematic group:",
        "cross_cutting": "Cross-cutting (in more than one group): {}",
        "unassigned": "Unassigned (no group; assign them by hand): {}",
        "inferred": "Labels inferred by UPR Matrix, to check: {} inferred, {} mixed",
        "pledges": "Voluntary pledges skipped: {} (use --include-pledges to keep them)",
        "other_states": "Rows of other States or sessions left out: {}",
        "other_mechanisms": "Rows of other UN mechanisms (not UPR) left out: {}",
        "merged": "Rows repeating a paragraph for each recommending State, merged: {}",
        "skipped_rows": "Rows not imported: {n} ({reason})",
    },
    "fr": {
        "read": "{n} recommandations lues dans {file} ({format})",
        "responses": "Réponses : ",
        "count": "{label} : {n}",
        "group": "{label} : {n}",
        "no_response": "sans réponse",
        "groups": "Par groupe thématique :",
        "cross_cutting": "Transversales (dans plus d'un groupe) : {}",
        "unassigned": "Sans groupe (à attribuer à la main) : {}",
        "inferred": "Étiquettes déduites par UPR Matrix, à vérifier : {} déduites, {} mixtes",
        "pledges": "Engagements volontaires ignorés : {} (--include-pledges pour les garder)",
        "other_states": "Lignes d'autres États ou sessions écartées : {}",
        "other_mechanisms": "Lignes d'autres mécanismes de l'ONU (hors EPU) écartées : {}",
        "merged": "Lignes répétant un paragraphe pour chaque État recommandant, fusionnées : {}",
        "skipped_rows": "Lignes non importées : {n} ({reason})",
    },
}


# Why an input row was not imported (ImportResult.skipped_rows).
_SKIP_REASONS = {
    "empty_text": {"en": "no recommendation text", "fr": "pas de texte de recommandation"},
    "number_only": {"en": "a paragraph number without text", "fr": "un numéro de paragraphe sans texte"},
    "not_paragraph": {"en": "a line of a numbered list with no paragraph number: a title or a note",
                      "fr": "une ligne d'une liste numérotée sans numéro de paragraphe : un titre ou une note"},
}
# "77.12", "77.12.", "81.1..1": a paragraph number and nothing else.
_NUMBER_ONLY = re.compile(r"^\s*\d{1,3}(?:\.{1,3}\d{1,3})*\.?\s*[;,:]?\s*$")


def _skip_reason(text: object) -> str:
    """Why a row with this text cell yields no recommendation."""
    return "number_only" if _NUMBER_ONLY.match(_text(text)) and _text(text) else "empty_text"


# --- UPR calendar ---------------------------------------------------------

_CYCLE_FIRST_SESSIONS = (1, 13, 27, 41)
_CYCLE_YEARS = {1: (2008, 2011), 2: (2012, 2016), 3: (2017, 2021), 4: (2023, 2026)}


def review_year(session: int | None) -> int | None:
    """Year the session met, from the UPR calendar (addin/upr_calendar.py)."""
    known = upr_calendar.session(session)
    return known.start.year if known else None


def cycle_for_session(session: int | None) -> int | None:
    if session is None or session < 1:
        return None
    if session >= _CYCLE_FIRST_SESSIONS[-1]:  # 14 sessions a cycle since the second
        return len(_CYCLE_FIRST_SESSIONS) + (session - _CYCLE_FIRST_SESSIONS[-1]) // 14
    return sum(session >= first for first in _CYCLE_FIRST_SESSIONS)


def cycle_for_year(year: int | None) -> int | None:
    """None for 2022, which held the last session of cycle 3 and the first of cycle 4."""
    for cycle, (first, last) in _CYCLE_YEARS.items():
        if year is not None and first <= year <= last:
            return cycle
    return None


def _review_of(recommendations: list[Recommendation]) -> tuple[int, str] | None:
    """(session, State) of the review most of the list comes from."""
    sessions = Counter((r.session, r.state) for r in recommendations if r.session is not None)
    return sessions.most_common(1)[0][0] if sessions else None


def next_review_for(recommendations: list[Recommendation]) -> upr_calendar.Session | None:
    """The session of the next review of the State under review, from the UPR calendar."""
    review = _review_of(recommendations)
    return upr_calendar.next_review(*review) if review else None


def plan_window_for(recommendations: list[Recommendation]) -> tuple[int, int] | None:
    """(plan_start, plan_end): from the year after the review to the year of the next review."""
    review = _review_of(recommendations)
    return upr_calendar.plan_years(*review) if review else None


# --- States ---------------------------------------------------------------

# ISO 3166-1 alpha-3 of the UN member and observer States; names after the
# code are the spellings met in UPR sources (first one shown).
_STATE_TABLE = """
AFG Afghanistan|ALB Albania|DZA Algeria|AND Andorra|AGO Angola|ATG Antigua and Barbuda
ARG Argentina|ARM Armenia|AUS Australia|AUT Austria|AZE Azerbaijan|BHS Bahamas
BHR Bahrain|BGD Bangladesh|BRB Barbados|BLR Belarus|BEL Belgium|BLZ Belize|BEN Benin|BTN Bhutan
BOL Bolivia;Bolivia (Plurinational State of);Plurinational State of Bolivia
BIH Bosnia and Herzegovina|BWA Botswana|BRA Brazil|BRN Brunei Darussalam;Brunei|BGR Bulgaria
BFA Burkina Faso|BDI Burundi|CPV Cabo Verde;Cape Verde|KHM Cambodia|CMR Cameroon|CAN Canada
CAF Central African Republic|TCD Chad|CHL Chile|CHN China|COL Colombia|COM Comoros
COG Congo;Republic of Congo;Republic of the Congo|CRI Costa Rica|CIV Côte d'Ivoire;Ivory Coast
HRV Croatia|CUB Cuba|CYP Cyprus|CZE Czechia;Czech Republic
PRK Democratic People's Republic of Korea;DPR Korea;North Korea;DPRK
COD Democratic Republic of the Congo;Democratic Republic of Congo;DR Congo;DRC
DNK Denmark|DJI Djibouti|DMA Dominica|DOM Dominican Republic|ECU Ecuador|EGY Egypt
SLV El Salvador|GNQ Equatorial Guinea|ERI Eritrea|EST Estonia|SWZ Eswatini;Swaziland
ETH Ethiopia|FJI Fiji|FIN Finland|FRA France|GAB Gabon|GMB Gambia|GEO Georgia
DEU Germany|GHA Ghana|GRC Greece|GRD Grenada|GTM Guatemala|GIN Guinea|GNB Guinea-Bissau
GUY Guyana|HTI Haiti|HND Honduras|HUN Hungary|ISL Iceland|IND India|IDN Indonesia
IRN Iran (Islamic Republic of);Iran;Islamic Republic of Iran|IRQ Iraq|IRL Ireland|ISR Israel
ITA Italy|JAM Jamaica|JPN Japan|JOR Jordan|KAZ Kazakhstan|KEN Kenya|KIR Kiribati|KWT Kuwait
KGZ Kyrgyzstan;Kyrgyz Republic|LAO Lao People's Democratic Republic;Laos;Lao PDR|LVA Latvia
LBN Lebanon|LSO Lesotho|LBR Liberia|LBY Libya;Libyan Arab Jamahiriya|LIE Liechtenstein
LTU Lithuania|LUX Luxembourg|MDG Madagascar|MWI Malawi|MYS Malaysia|MDV Maldives|MLI Mali
MLT Malta|MHL Marshall Islands|MRT Mauritania|MUS Mauritius|MEX Mexico
FSM Micronesia (Federated States of);Micronesia;Federated States of Micronesia|MCO Monaco
MNG Mongolia|MNE Montenegro|MAR Morocco|MOZ Mozambique|MMR Myanmar|NAM Namibia|NRU Nauru
NPL Nepal|NLD Netherlands;Kingdom of the Netherlands|NZL New Zealand|NIC Nicaragua|NER Niger
NGA Nigeria|MKD North Macedonia;Macedonia;Macedonia FYR;former Yugoslav Republic of Macedonia
NOR Norway|OMN Oman|PAK Pakistan|PLW Palau|PAN Panama|PNG Papua New Guinea|PRY Paraguay|PER Peru
PHL Philippines|POL Poland|PRT Portugal|QAT Qatar|KOR Republic of Korea;South Korea
MDA Republic of Moldova;Moldova|ROU Romania|RUS Russian Federation;Russia|RWA Rwanda
KNA Saint Kitts and Nevis|LCA Saint Lucia|VCT Saint Vincent and the Grenadines|WSM Samoa
SMR San Marino|STP Sao Tome and Principe|SAU Saudi Arabia|SEN Senegal|SRB Serbia|SYC Seychelles
SLE Sierra Leone|SGP Singapore|SVK Slovakia;Slovak Republic|SVN Slovenia|SLB Solomon Islands
SOM Somalia|ZAF South Africa|SSD South Sudan|ESP Spain|LKA Sri Lanka|SDN Sudan|SUR Suriname
SWE Sweden|CHE Switzerland|SYR Syrian Arab Republic;Syria|TJK Tajikistan|THA Thailand
TLS Timor-Leste;East Timor|TGO Togo|TON Tonga|TTO Trinidad and Tobago|TUN Tunisia
TUR Türkiye;Turkey|TKM Turkmenistan|TUV Tuvalu|UGA Uganda|UKR Ukraine|ARE United Arab Emirates
GBR United Kingdom of Great Britain and Northern Ireland;United Kingdom;UK;Great Britain
TZA United Republic of Tanzania;Tanzania|USA United States of America;United States;US
URY Uruguay|UZB Uzbekistan|VUT Vanuatu
VEN Venezuela (Bolivarian Republic of);Venezuela;Bolivarian Republic of Venezuela
VNM Viet Nam;Vietnam|YEM Yemen|ZMB Zambia|ZWE Zimbabwe|VAT Holy See|PSE State of Palestine;Palestine
"""


@functools.lru_cache(maxsize=1 << 14)
def _compact(name: str) -> str:
    """Letters and digits only, '&' read as 'and', 'St' as 'Saint', no leading 'The'."""
    words = normalise(str(name).replace("&", " and ")).replace("'", "").split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[0] == "st":
        words[0] = "saint"
    return "".join(words)


def _load_states() -> tuple[dict[str, str], dict[str, str]]:
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for entry in re.split(r"[|\n]", _STATE_TABLE):
        if not entry.strip():
            continue
        code, spellings = entry.strip().split(" ", 1)
        spellings = spellings.split(";")
        names[code] = spellings[0]
        for spelling in spellings:
            codes[_compact(spelling)] = code
    return codes, names


_STATE_CODES, _STATE_NAMES = _load_states()


def state_code(name: str) -> str | None:
    """ISO alpha-3 of a State name in any usual spelling (or of the code itself), or None."""
    if not name:
        return None
    # Codes only in capitals: "and", "can" or "are" in a text are not States.
    return name.strip() if name.strip() in _STATE_NAMES else _STATE_CODES.get(_compact(name))


def state_key(name: str) -> str:
    """What two spellings of one State have in common."""
    return state_code(name) or _compact(name)


def _state_display(name: str) -> str:
    # "unitedstatesofamerica" (a real export quirk) becomes the State's name.
    if name and name == name.lower() and " " not in name.strip():
        code = state_code(name)
        if code:
            return _STATE_NAMES[code]
        return name.strip().title()
    return name.strip()


def _id_prefix(state: str) -> str:
    code = state_code(state)
    if code:
        return code
    letters = re.sub(r"[^A-Za-z]", "", unicodedata.normalize("NFKD", state))
    return letters[:3].upper() or "REC"


# --- Cell values ----------------------------------------------------------

def _text(value: object) -> str:
    """A cell as text: numbers without a spurious '.0', whitespace trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Control characters an xlsx file cannot hold (openpyxl refuses them).
_ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _prose(value: object) -> str:
    """Source text, HTML entities decoded (UPR Info, UHRI) and spaces collapsed."""
    return " ".join(_ILLEGAL_CHARACTERS.sub(" ", html.unescape(_text(value))).split())


def _int(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else None
    match = re.search(r"\d+", str(value))
    return int(match.group()) if match else None


def _session(value: object) -> int | None:
    session = _int(value)
    return session if session is not None and 0 < session < 100 else None


def _action_category(value: object) -> int | None:
    category = _int(value)
    return category if category in (1, 2, 3, 4, 5) else None


_EXCEL_EPOCH = date(1899, 12, 30)


def _year(value: object) -> int | None:
    """Year of a date cell: datetime, Excel serial number (44652) or text."""
    if isinstance(value, (datetime, date)):
        return value.year
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1900 <= value <= 2100:
            return int(value)
        if 20000 < value < 80000:
            return (_EXCEL_EPOCH + timedelta(days=int(value))).year
        return None
    text = _text(value)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _year(float(text))
    match = re.search(r"\b(19|20)\d\d\b", text)
    return int(match.group()) if match else None


def _bullets(value: object) -> list[str]:
    """UHRI's multi-valued cells: one value a line, each after '- '."""
    items = []
    for line in str(value or "").splitlines():
        item = html.unescape(re.sub(r"^\s*[-•–]\s*", "", line)).strip()
        if item:
            items.append(item)
    return items


def _single(value: object) -> str:
    items = _bullets(value)
    return items[0] if items else ""


def _rejoin(pieces: list[str], known, joiner: str = ", ") -> list[str]:
    """Glue split pieces back when together they form a known name."""
    out, i = [], 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            candidate = joiner.join(pieces[i:j])
            if j == i + 1 or known(candidate):
                out.append(candidate)
                i = j
                break
    return out


def _split_issues(value: object, mapping: GroupMapping, separators: str = ";\n,") -> list[str]:
    text = html.unescape(_text(value))
    if not text:
        return []
    if "\n" in text and re.search(r"^\s*-\s", text, re.M):
        return _bullets(text)
    for separator in separators:
        if separator in text:
            pieces = [p.strip() for p in text.split(separator)]
            if separator == ",":
                pieces = _rejoin(pieces, lambda name: normalise(name) in mapping.issue_to_group)
            return _unique(p for p in pieces if p)
    return [text.strip()]


def _split_states(value: object) -> list[str]:
    """'Belgium, France and Trinidad and Tobago' -> three States."""
    text = html.unescape(_text(value))
    if "\n" in text:
        parts = _bullets(text)
    else:
        parts = [p.strip() for p in re.split(r"[;,]", text)]
        parts = _rejoin(parts, state_code)
    states = []
    for part in parts:
        part = part.strip(" -–•.")
        if not part or normalise(part) in ("unknown", ""):
            continue
        if " and " in part and not state_code(part):
            pieces = [p.strip() for p in part.split(" and ") if p.strip()]
            states.extend(_rejoin(pieces, state_code, " and "))
        else:
            states.append(part)
    return _unique(states)


def _unique(items) -> list:
    seen, out = set(), []
    for item in items:
        key = normalise(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# --- Responses ------------------------------------------------------------

# The notes UPR Matrix writes in label_note, in both languages. Parts of a note
# are joined with "; "; each part is translated whole so a French workbook
# reads back to exactly the English note.
NOTES = {
    "implemented": ("response: {} (accepted, considered already implemented or in progress)",
                    "réponse : {} (acceptée, considérée comme déjà mise en œuvre ou en cours)"),
    "partly": ("response: {} (partly accepted, partly noted)",
               "réponse : {} (acceptée en partie, notée en partie)"),
    "unclear": ("response: {} (no clear position)", "réponse : {} (pas de position claire)"),
    "unrecognised": ("response: {} not recognised", "réponse : {} non reconnue"),
    "comment": ("State's comment: {}", "commentaire de l'État : {}"),
    "category": ("category {} inferred (confidence {}): {}", "catégorie {} déduite (confiance {}) : {}"),
    "category_plain": ("category {} inferred: {}", "catégorie {} déduite : {}"),
    "issues": ("issues inferred: {}", "thèmes déduits : {}"),
}


def _note(key: str, *values: object) -> str:
    return NOTES[key][0].format(*values)


def _note_pattern(template: str) -> re.Pattern:
    return re.compile("(.*?)".join(map(re.escape, template.split("{}"))), re.S)


_NOTE_PATTERNS = [(_note_pattern(en), fr, _note_pattern(fr), en) for en, fr in NOTES.values()]


def _translate_note(note: str, to_french: bool) -> str:
    parts = []
    for part in note.split(LIST_SEPARATOR):
        for en_pattern, fr, fr_pattern, en in _NOTE_PATTERNS:
            pattern, target = (en_pattern, fr) if to_french else (fr_pattern, en)
            match = pattern.fullmatch(part)
            if match:
                part = target.format(*match.groups())
                break
        parts.append(part)
    return LIST_SEPARATOR.join(parts)


# Raw decision (normalised) -> (response, key of the note keeping the source's nuance).


def _response_words() -> dict[str, tuple[str, str]]:
    words: dict[str, tuple[str, str]] = {}
    for value, synonyms in {
        ACCEPTED: ("accepted", "accept", "accepts", "supported", "support", "supports", "acceptee",
                   "acceptees", "accepte", "soutenue", "soutenues", "soutenu", "appuyee", "agreed"),
        NOTED: ("noted", "note", "notee", "notees", "reject", "rejected", "rejetee", "rejetees",
                "not accepted", "not supported", "non acceptee", "non soutenue"),
        PENDING: ("pending", "consider", "considered", "under consideration", "to be considered",
                  "en attente", "en examen", "a l'examen", "deferred"),
        PLEDGE: ("voluntary pledge", "pledge", "voluntary pledges", "engagement volontaire"),
    }.items():
        words.update((synonym, (value, "")) for synonym in synonyms)
    for value, label in RESPONSES.items():
        words[normalise(value)] = words[normalise(label)] = (value, "")
    for synonym in ("implemented", "already implemented", "in progress", "deja mise en oeuvre"):
        words[synonym] = (ACCEPTED, "implemented")
    for synonym in ("supported noted", "accepted noted", "partially accepted", "partially supported",
                    "partly accepted", "partly supported", "partiellement acceptee"):
        words[synonym] = (ACCEPTED, "partly")
    return words


_RESPONSE_WORDS = _response_words()


def parse_response(raw: object) -> tuple[str, str]:
    """(response, note): the note keeps what the bare response value loses."""
    text = _single(raw) if "\n" in str(raw or "") else html.unescape(_text(raw))
    if not text:
        return "", ""
    key = normalise(text)
    if key in _RESPONSE_WORDS:
        value, nuance = _RESPONSE_WORDS[key]
        return value, _note(nuance, text.lower()) if nuance else ""
    if key in ("unknown", "unclear", "general response", "no response", "none"):
        return "", _note("unclear", text.lower())
    return "", _note("unrecognised", repr(text))


# --- Paragraphs -----------------------------------------------------------

# "77.12. Ratify", "81.1..1 prohibit", "100.56..1/establish", "61 1. Commit": real quirks.
_PARAGRAPH = re.compile(r"^\s*(\d{1,3}(?:\.{1,3}\d{1,3})+|\d{1,3} \d{1,3}(?=\.))\.?(?:\s+|/|(?=[^\W\d_]))")
# "77. The following recommendations ... enjoy the support of Rwanda:"
_CHAPEAU = re.compile(r"^\s*\d{1,3}\.\s+\D")
_SOURCE_OF_POSITION = re.compile(r"\s*Source of position\s*:.*$", re.I | re.S)


def paragraph_number(text: str) -> str | None:
    match = _PARAGRAPH.match(text or "")
    return re.sub(r"[. ]+", ".", match.group(1)) if match else None


def _trailing_group(text: str) -> tuple[str, str] | None:
    """(text before, inside) of a final '( ... )' group, nested parentheses allowed."""
    body = text.rstrip(" ;.,")
    if not body.endswith(")"):
        return None
    depth = 0
    for i in range(len(body) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(body[i], 0)
        if depth == 0:
            return body[:i].rstrip(), body[i + 1:-1]
    return None


def _looks_like_states(parts: list[str], known_states: list[str]) -> bool:
    listed = {state_key(s) for s in known_states}
    if not parts or not any(state_code(p) or state_key(p) in listed for p in parts):
        return False
    return all(p[:1].isupper() or state_code(p) for p in parts)


def _holds_several_recommendations(body: str) -> bool:
    """'Do A (Ukraine); do B (Slovakia)' is kept whole, States and all."""
    depth = 0
    for i, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ")" and depth == 0 and re.match(r"\s*;\s*\S", body[i + 1:]):
            return True
    return False


def split_paragraph(text: str, known_states: list[str] = ()) -> tuple[str | None, str, list[str]]:
    """'77.12. Ratify X (Belgium, France);' -> ('77.12', 'Ratify X', ['Belgium', 'France'])."""
    text = _ILLEGAL_CHARACTERS.sub(" ", _SOURCE_OF_POSITION.sub("", text))
    number = paragraph_number(text)
    body = _PARAGRAPH.sub("", text, count=1) if number else text
    body = " ".join(body.split()).rstrip(" ;,.")
    while body.endswith(")") and body.count(")") > body.count("("):
        body = body[:-1].rstrip(" ;,.")  # a stray ')' left by the report's layout
    states: list[str] = []
    if not _holds_several_recommendations(body):
        while (group := _trailing_group(body)) is not None:
            before, inside = group
            parts = _split_states(inside)
            if not _looks_like_states(parts, known_states):
                break
            states = parts + [s for s in states if s not in parts]
            body = before
    body = body.strip().rstrip(" ;,.:").strip()
    if body[:1].islower():
        body = body[0].upper() + body[1:]
    return number, body, states


def _decision_from_chapeau(line: str) -> str | None:
    """The response a UN report's lead-in sentence gives to the paragraphs below it."""
    words = normalise(line)
    for decision, phrases in (
        ("implemented", ("already implemented", "process of implementation", "being implemented",
                         "deja mises en oeuvre", "en cours de mise en oeuvre")),
        ("noted", ("did not enjoy", "do not enjoy", "does not enjoy", "not supported", "noted",
                   "rejected", "cannot accept", "n'ont pas recueilli", "ne beneficient pas",
                   "prend note", "pris note")),
        ("pending", ("will be examined", "will examine", "will consider", "will provide responses",
                     "under consideration", "seront examinees", "examinera", "en temps voulu")),
        ("accepted", ("enjoy the support", "enjoys the support", "enjoy its support", "accepted",
                      "supported", "beneficient du soutien", "recueilli l'appui", "ont l'appui",
                      "acceptees")),
    ):
        if any(p in words for p in phrases):
            return decision
    return None


def _paragraphs_from_lines(lines: list[str]) -> tuple[list[tuple[str, str]], bool, Counter]:
    """(text, decision) items of a pasted list, whether it is numbered, and the lines dropped
    (titles and notes, paragraph numbers without text) by reason.

    In a numbered list, lines without a number continue the paragraph above
    (text copied from a PDF wraps) or are titles and notes; lead-in sentences
    ("77. The following recommendations enjoy the support of...") give the
    response of the paragraphs under them.
    """
    lines = [" ".join(line.split()) for line in lines]
    lines = [line for line in lines if line]
    numbered_count = sum(bool(_PARAGRAPH.match(line)) for line in lines)
    numbered = numbered_count >= 5 or numbered_count * 3 >= len(lines) > 0
    items: list[list[str]] = []
    decision = ""
    current: list[str] | None = None
    chapeau: str | None = None
    dropped: Counter = Counter()
    for line in lines:
        if not numbered:
            items.append([line, ""])
        elif _PARAGRAPH.match(line):
            current, chapeau = [line, decision], None
            items.append(current)
        elif _NUMBER_ONLY.match(line):
            current = None
            dropped["number_only"] += 1
        elif _CHAPEAU.match(line) or (chapeau is not None and not chapeau.endswith(":")):
            chapeau = line if _CHAPEAU.match(line) else f"{chapeau} {line}"
            decision = _decision_from_chapeau(chapeau) or decision
            current = None
        elif current is not None and not re.search(r"[;.)]\s*$", current[0]):
            current[0] += " " + line
        else:
            current = None
            dropped["not_paragraph"] += 1
    return [(text, found) for text, found in items], numbered, dropped


# --- Reading the source ---------------------------------------------------

def _header_forms(name: str) -> tuple[str, str, str]:
    exact = normalise(name)
    compact = re.sub(r"[^a-z0-9]", "", exact)
    return exact, compact, compact[:-1] if compact.endswith("s") else compact


def match_columns(headers: list[object]) -> dict[str, int]:
    """Schema key -> column index, matching labels, keys and aliases tolerantly.

    Exact (case, accent and punctuation blind) matches are tried first, then
    letters only ('État(s) recommandant(s)' = 'Etats recommandants'), then
    without a final s.
    """
    header_forms = [_header_forms(_text(h)) if _text(h) else None for h in headers]
    found: dict[str, int] = {}
    for level in range(3):
        for column in RECOMMENDATIONS.columns:
            if column.key in found:
                continue
            names = {_header_forms(n)[level] for n in column.header_names}
            for index, forms in enumerate(header_forms):
                if forms and index not in found.values() and forms[level] in names:
                    found[column.key] = index
                    break
    return found


_UHRI_HEADERS = {"ohchr annotation id", "reccomending body", "recommending body", "countries concerned",
                 "upr reccomending states", "upr recommending states", "upr position", "upr session"}
_UPR_INFO_HEADERS = {"to", "text", "from", "response"}
_UPR_INFO_EXTRA = {"issue", "action", "to rgrp", "from rgrp", "session"}


def _detect_format(headers: list[str], columns: dict[str, int], texts: list[str]) -> str:
    names = {normalise(h) for h in headers}
    labels = {normalise(c.label(lang)) for c in RECOMMENDATIONS.columns for lang in ("en", "fr")
              if c.key in ("id", "text", "labels")}
    if {"id", "labels", "text"} <= set(columns) and \
            {normalise(headers[columns[k]]) for k in ("id", "text", "labels")} <= labels:
        return "list"
    if len(names & _UHRI_HEADERS) >= 2:
        return "uhri"
    if _UPR_INFO_HEADERS <= names and names & _UPR_INFO_EXTRA:
        return "upr-info"
    filled = [t for t in texts if t]
    if filled and sum(bool(paragraph_number(t)) for t in filled) * 2 >= len(filled):
        return "un-report"
    return "plain"


def read_list_metadata(path: Path) -> dict[str, str]:
    """Custom document properties of a workbook, 'upr_' prefixes dropped (empty when none)."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("docProps/custom.xml")
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}
    try:
        properties = ElementTree.fromstring(xml)
    except (ElementTree.ParseError, ValueError):  # damaged or hostile (defusedxml) XML
        return {}
    plain, prefixed = {}, {}
    for prop in properties:
        element = next(iter(prop), None)
        value = (element.text or "") if element is not None else ""
        name = prop.get("name", "")
        if name.startswith("upr_"):
            prefixed[name[4:]] = "" if value == "-" else value
        else:
            plain[name] = value
    return prefixed | plain


@dataclass
class _Source:
    """What the file holds, once its header row has been found."""

    headers: list[str]
    rows: list[list[object]]
    columns: dict[str, int]
    lines: list[str] | None = None   # a headerless list: one paragraph a line

    @functools.cached_property
    def header_index(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for i, header in enumerate(self.headers):
            index.setdefault(normalise(header), i)
        return index

    def extra(self, row: list[object], *names: str) -> object:
        """A cell of a column the schema does not declare (UHRI dates, UN report year)."""
        for name in names:
            i = self.header_index.get(normalise(name))
            if i is not None and i < len(row):
                return row[i]
        return None


def _raw_lines(path: Path) -> list[str]:
    from .files import read_bytes

    try:
        data = read_bytes(path)
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    text, _ = decode_text(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() == ".txt":
        return text.split("\n")
    # A one-column csv may quote its cells; read them with a delimiter no text holds.
    return [row[0] for row in csv.reader(io.StringIO(text), delimiter="\x1f") if row]


def _is_text_header(cell: str) -> bool:
    return "text" in match_columns([cell])


def _lines_source(lines: list[str]) -> _Source:
    lines = [line for line in lines if line.strip()]
    if lines and not paragraph_number(lines[0]) and _is_text_header(lines[0]):
        lines = lines[1:]  # the header of a one-column list
    return _Source([], [], {}, lines)


def _read_source(path: Path) -> _Source:
    if path.suffix.lower() == ".txt" and path.is_file():
        read_table(path)  # same checks as any file: empty, binary
        lines = _raw_lines(path)
        first = next((line for line in lines if line.strip()), "")
        if "\t" not in first or "text" not in match_columns(first.split("\t")):
            return _lines_source(lines)
    table = read_table(path, sheet_names=(RECOMMENDATIONS.en, RECOMMENDATIONS.fr))
    candidates = [table.columns, *table.rows[:10]]
    for index, header in enumerate(candidates):
        columns = match_columns(header)
        if "text" in columns:
            return _Source([_text(h) for h in header], table.rows[index:], columns)
    all_rows = [table.columns, *table.rows]
    first_cells = [next((_text(v) for v in row if _text(v)), "") for row in all_rows]
    one_column = all(sum(bool(_text(v)) for v in row) <= 1 for row in all_rows[:50])
    if paragraph_number(first_cells[0]) or one_column:
        return _lines_source(_raw_lines(path) if path.suffix.lower() in TEXT_SUFFIXES else first_cells)
    seen = ", ".join(repr(h) for h in table.columns if h) or "none"
    expected = ", ".join(RECOMMENDATIONS.column("text").header_names[:4])
    searched = len(candidates)
    lower = next((i for i, row in enumerate(table.rows[searched - 1:HEADER_HINT_ROWS], start=searched + 1)
                  if "text" in match_columns(row)), None)
    if lower is not None:
        raise InputError(path, f"no recommendation text column in the first {searched} rows searched; the header "
                               f"row is at row {lower}: delete {lower - searched} or more of the rows above it so "
                               f"that it is within rows 1 to {searched}", sheet=table.sheet)
    raise InputError(path, f"no recommendation text column found in the first {searched} rows; headers seen: {seen} "
                           f"(name the text column e.g. {expected})", sheet=table.sheet)


# How far below the rows searched a header is looked for, only to say where it is.
HEADER_HINT_ROWS = 1000


# --- Building recommendations ---------------------------------------------

@dataclass
class _Draft:
    rec: Recommendation
    paragraph: str | None = None      # paragraph number: becomes the ID
    issues_from_source: bool = False
    category_from_source: bool = False
    notes: list[str] = field(default_factory=list)
    merged_rows: int = 0              # repeats of this paragraph merged into it


def _cell(row: list[object], columns: dict[str, int], key: str) -> object:
    index = columns.get(key)
    return row[index] if index is not None and index < len(row) else None


def _draft(text: str, *, row=None, source: _Source | None = None, fmt: str, file_source: str,
           mapping: GroupMapping, decision: object = None) -> _Draft | None:
    """One recommendation from a row (or a line) in any imported format but 'list'."""
    get = (lambda key: _cell(row, source.columns, key)) if row is not None else (lambda key: None)
    extra = (lambda *names: source.extra(row, *names)) if row is not None else (lambda *names: None)
    uhri = fmt == "uhri"

    states_cell = get("recommending_states")
    column_states = _bullets(states_cell) if uhri else _split_states(states_cell)
    if fmt == "upr-info":
        number, body, text_states = None, _prose(text), []
    else:
        number, body, text_states = split_paragraph(html.unescape(_text(text)), column_states)
    if not body or _NUMBER_ONLY.match(body):
        return None   # the caller counts it (_skip_reason)
    explicit_id = _text(get("id"))
    # The report's own words name every State; its per-row From column only one.
    recommending_states = ((text_states or column_states) if fmt == "un-report"
                           else (column_states or text_states))

    response, response_note = parse_response(decision if decision is not None else get("response"))
    issues_cell = get("issues")
    if uhri:
        issues = _unique(_bullets(issues_cell) + _bullets(extra("Affected Persons")))
    elif fmt == "upr-info":
        issues = _split_issues(issues_cell, mapping, separators=",")
    else:
        issues = _split_issues(issues_cell, mapping)
    category = _action_category(get("action_category"))

    state = _state_display(_single(get("state")) if uhri else _text(get("state")))
    session = _session(get("session"))
    year = _year(extra("year", "année", "Document Publication Date", "date"))
    cycle = _int(get("cycle")) or cycle_for_session(session) or cycle_for_year(year)

    source_cell = _prose(get("source")) if not uhri else ""
    if fmt == "upr-info":
        source_name = UPR_INFO_SOURCE
    elif uhri:
        symbol = _single(get("source"))
        source_name = f"{UHRI_SOURCE}, {symbol}" if symbol else UHRI_SOURCE
    elif fmt == "un-report":
        source_name = source_cell or (f"{UN_REPORT_SOURCE} {year}" if year else UN_REPORT_SOURCE)
    else:
        source_name = source_cell or file_source

    groups_cell = get("groups")
    draft = _Draft(
        Recommendation(
            id=explicit_id, text=body, recommending_states=recommending_states,
            response=response, issues=issues, action_category=category,
            groups=_group_keys(_split_semicolons(groups_cell), mapping) if _text(groups_cell) else [],
            state=state, session=session, cycle=cycle, source=source_name),
        paragraph=None if explicit_id else number,
        issues_from_source=bool(issues) or bool(_text(groups_cell)),
        category_from_source=category is not None,
    )
    if response_note:
        draft.notes.append(response_note)
    state_comment = _prose(extra("notes", "comments", "commentaires"))
    if state_comment and fmt == "un-report":
        draft.notes.append(_note("comment", state_comment))
    return draft


def _split_semicolons(value: object) -> list[str]:
    return [p.strip() for p in re.split(r"[;\n]", _text(value)) if p.strip(" -")]


def _group_keys(names: list[str], mapping: GroupMapping) -> list[str]:
    keys = []
    for name in names:
        group = mapping.find(name.strip(" -"))
        key = group.key if group else slug(name)
        if key not in keys:
            keys.append(key)
    order = [g.key for g in mapping.groups]
    return sorted(keys, key=lambda k: order.index(k) if k in order else len(order))


def _drafts(path: Path, source: _Source, mapping: GroupMapping,
            skipped: Counter | None = None) -> tuple[str, list[_Draft], int]:
    """(format, drafts in source order, rows of other mechanisms skipped); skipped counts every
    other row that yields no recommendation, by reason."""
    skipped = skipped if skipped is not None else Counter()
    if source.lines is not None:
        items, numbered, dropped = _paragraphs_from_lines(source.lines)
        skipped.update(dropped)
        fmt = "un-report" if numbered else "plain"
        drafts = []
        for text, decision in items:
            draft = _draft(text, fmt=fmt, file_source=path.name, mapping=mapping, decision=decision)
            if draft:
                drafts.append(draft)
            else:
                skipped[_skip_reason(text)] += 1
        return fmt, drafts, 0
    texts = [_text(_cell(row, source.columns, "text")) for row in source.rows[:200]]
    fmt = _detect_format(source.headers, source.columns, texts)
    drafts, other_mechanisms = [], 0
    for row in source.rows:
        if fmt == "uhri":
            body = _single(source.extra(row, "Reccomending Body", "Recommending Body"))
            if body and normalise(body) not in ("upr", "universal periodic review"):
                other_mechanisms += 1
                continue
        draft = _draft(_cell(row, source.columns, "text"), row=row, source=source, fmt=fmt,
                       file_source=path.name, mapping=mapping)
        if draft:
            drafts.append(draft)
        else:
            skipped[_skip_reason(_cell(row, source.columns, "text"))] += 1
    return fmt, drafts, other_mechanisms


def _merge_repeated_paragraphs(drafts: list[_Draft]) -> list[_Draft]:
    """One paragraph listed once per recommending State is one recommendation."""
    kept: dict[tuple, _Draft] = {}
    out = []
    for draft in drafts:
        rec = draft.rec
        if not draft.paragraph:
            out.append(draft)
            continue
        key = (state_key(rec.state), rec.session, draft.paragraph, normalise(rec.text))
        first = kept.get(key)
        if first is None:
            kept[key] = draft
            out.append(draft)
            continue
        first.merged_rows += 1
        first.rec.recommending_states = _unique(first.rec.recommending_states + rec.recommending_states)
    return out


def _assign_ids(drafts: list[_Draft]) -> None:
    """Paragraph numbers where the source has them, else <ISO3>-<session>-<nnn>.

    Derived numbers count every row of the file in source order within a
    State and session, so filters and pledges do not shift them.
    """
    counters: Counter = Counter()
    totals = Counter((_id_prefix(d.rec.state), d.rec.session) for d in drafts
                     if not d.rec.id and not d.paragraph)
    for draft in drafts:
        rec = draft.rec
        if rec.id:
            continue
        if draft.paragraph:
            rec.id = draft.paragraph
            continue
        group = (_id_prefix(rec.state), rec.session)
        counters[group] += 1
        width = max(3, len(str(totals[group])))
        parts = [group[0], *([str(rec.session)] if rec.session is not None else [])]
        rec.id = "-".join(parts) + f"-{counters[group]:0{width}d}"


def _make_ids_unique(recs: list[Recommendation]) -> None:
    """Paragraph numbers shared by several States get the State's code
    ("EST-80.2"); a number repeated within one State gets "-2", "-3"."""
    states_of: dict[str, set] = {}
    for rec in recs:
        states_of.setdefault(rec.id, set()).add(state_key(rec.state))
    for rec in recs:
        if len(states_of[rec.id]) > 1 and rec.state:
            rec.id = f"{_id_prefix(rec.state)}-{rec.id}"
    taken = Counter(r.id for r in recs)
    seen: Counter = Counter()
    for rec in recs:
        seen[rec.id] += 1
        if seen[rec.id] == 1:
            continue
        n = seen[rec.id]
        while f"{rec.id}-{n}" in taken:
            n += 1
        taken[f"{rec.id}-{n}"] += 1
        rec.id = f"{rec.id}-{n}"


def _infer_missing_labels(drafts: list[_Draft]) -> None:
    """Fill issues and category the source lacks; never override the source's."""
    todo = [d for d in drafts if not d.issues_from_source or not d.category_from_source]
    if not todo:
        return
    for draft, inference in zip(todo, infer([d.rec.text for d in todo])):
        rec, inferred = draft.rec, []
        action = getattr(inference, "action", None)
        if not draft.category_from_source and action in (1, 2, 3, 4, 5):
            rec.action_category = action
            reason = str(getattr(inference, "action_reason", "") or "").strip()
            confidence = getattr(inference, "action_confidence", None)
            inferred.append(_note("category", action, f"{confidence:.2f}", reason)
                            if isinstance(confidence, (int, float)) else _note("category_plain", action, reason))
        issues = list(getattr(inference, "issues", ()) or ())
        if not draft.issues_from_source and issues:
            rec.issues = issues
            inferred.append(_note("issues", _issue_confidences(issues, getattr(inference, "issue_confidence", None))))
        if inferred:
            from_source = draft.issues_from_source or draft.category_from_source
            rec.labels = "mixed" if from_source else "inferred"
            draft.notes.extend(inferred)


def _issue_confidences(issues: list[str], confidence: object) -> str:
    """'Justice 0.81, Detention 0.55': each issue with its confidence when known."""
    def shown(issue: str) -> str:
        value = confidence.get(issue) if isinstance(confidence, dict) else confidence
        return f"{issue} {value:.2f}" if isinstance(value, (int, float)) else issue
    return ", ".join(shown(issue) for issue in issues)


def _matches_filter(rec: Recommendation, wanted_state: str | None, wanted_session: int | None) -> bool:
    if wanted_state is not None and state_key(rec.state) != wanted_state:
        return False
    if wanted_session is None:
        return True
    if rec.session is None:
        # Rows with a year but no session (UN report lists): same cycle is enough,
        # as a State is reviewed once a cycle.
        return rec.cycle is None or rec.cycle == cycle_for_session(wanted_session)
    return rec.session == wanted_session


def _nothing_matched(path: Path, drafts: list[_Draft], state: str | None, session: int | None) -> InputError:
    states = Counter(d.rec.state for d in drafts if d.rec.state)
    if state and not any(state_key(s) == state_key(state) for s in states):
        names = sorted(states)
        shown = ", ".join(names[:8]) + (f", … ({len(names)} in all)" if len(names) > 8 else "")
        return InputError(path, f"no recommendations for State {state!r}; States in the file: {shown or 'none'}")
    mine = [d.rec for d in drafts if not state or state_key(d.rec.state) == state_key(state)]
    sessions = sorted({r.session for r in mine if r.session is not None})
    cycles = sorted({r.cycle for r in mine if r.session is None and r.cycle is not None})
    found = [f"session {', '.join(map(str, sessions))}"] if sessions else []
    found += [f"no session, cycle {', '.join(map(str, cycles))}"] if cycles else []
    return InputError(path, f"no recommendations for {state or 'any State'} in session {session} "
                            f"(cycle {cycle_for_session(session)}); the file has "
                            f"{'; '.join(found) or 'no session'}{' for ' + state if state else ''}")


def import_recommendations(path, *, state: str | None = None, session: int | None = None,
                           include_pledges: bool = False, mapping: GroupMapping | None = None) -> ImportResult:
    """Read a recommendation list in any supported format, told from its headers.

    state and session keep one review (State names match in any usual
    spelling or by ISO code); voluntary pledges are skipped unless
    include_pledges; mapping turns issues into groups. Our own list workbook
    is read back as written: its groups and pledges are kept.
    """
    path = Path(path)
    mapping = mapping or GroupMapping.default()
    source = _read_source(path)
    if source.lines is None and _is_list_workbook(path, source):
        return _import_list(path, source, state, session, mapping)
    skipped_rows: Counter = Counter()
    fmt, drafts, other_mechanisms = _drafts(path, source, mapping, skipped_rows)
    if not drafts:
        problem = "no recommendations in the file"
        if other_mechanisms:
            problem += f" ({other_mechanisms} rows of other UN mechanisms, none of the UPR)"
        raise InputError(path, problem)

    # A file without State or session holds those the user names.
    for draft in drafts:
        if state and not draft.rec.state:
            draft.rec.state = _STATE_NAMES.get(state_code(state) or "", state.strip())
    drafts = _merge_repeated_paragraphs(drafts)
    _assign_ids(drafts)

    wanted_state = state_key(state) if state else None
    kept = [d for d in drafts if _matches_filter(d.rec, wanted_state, session)]
    if not kept:
        raise _nothing_matched(path, drafts, state, session)
    skipped_other = len(drafts) - len(kept)
    for draft in kept:
        if session is not None and draft.rec.session is None:
            draft.rec.session = session
            draft.rec.cycle = cycle_for_session(session)
    pledges = [d for d in kept if d.rec.response == PLEDGE]
    if not include_pledges:
        kept = [d for d in kept if d.rec.response != PLEDGE]
        if not kept:
            raise InputError(path, f"the file holds only voluntary pledges ({len(pledges)}); "
                                   "use --include-pledges to import them")

    _infer_missing_labels(kept)
    for draft in kept:
        rec = draft.rec
        if not rec.groups:
            rec.groups = [g.key for g in mapping.groups_for(rec.issues)]
        rec.label_note = LIST_SEPARATOR.join(draft.notes)
    recs = [d.rec for d in kept]
    _make_ids_unique(recs)
    return ImportResult(recs, fmt, 0 if include_pledges else len(pledges), skipped_other, path,
                        merged_rows=sum(d.merged_rows for d in kept),
                        skipped_other_mechanisms=other_mechanisms, skipped_rows=dict(skipped_rows))


# --- The list workbook ----------------------------------------------------

# Label values shown in the workbook's language.
_LABEL_VALUES = {"source": "source", "inferred": "inférées", "mixed": "mixtes"}
_YES = {"en": "yes", "fr": "oui"}


def _cell_value(rec: Recommendation, key: str, lang: str, mapping: GroupMapping) -> object:
    if key == "groups":
        names = []
        for k in rec.groups:
            try:
                names.append(mapping.group(k).label(lang))
            except KeyError:
                names.append(k)
        return LIST_SEPARATOR.join(names) or None
    if key == "response":
        return (RESPONSES.get(rec.response, rec.response) if lang == "fr" else rec.response) or None
    if key == "cross_cutting":
        return _YES.get(lang, "yes") if rec.cross_cutting else None
    if key == "labels":
        return _LABEL_VALUES.get(rec.labels, rec.labels) if lang == "fr" else rec.labels
    if key == "label_note":
        return (_translate_note(rec.label_note, to_french=True) if lang == "fr" else rec.label_note) or None
    value = getattr(rec, key, None)
    if key in MULTI_VALUED:
        return LIST_SEPARATOR.join(value) or None
    if key == "id":
        return str(value)
    return value if value != "" else None


def _excel_safe(value: object) -> object:
    return _ILLEGAL_CHARACTERS.sub(" ", value) if isinstance(value, str) else value


def recommendation_rows(recommendations: list[Recommendation], lang: str = "en",
                        mapping: GroupMapping | None = None) -> list[list]:
    """Cell values of each recommendation, one per RECOMMENDATIONS column in schema order."""
    mapping = mapping or GroupMapping.default()
    return [[_excel_safe(_cell_value(rec, key, lang, mapping)) for key in RECOMMENDATIONS.keys]
            for rec in recommendations]


def list_hash(recommendations: list[Recommendation]) -> str:
    """sha256 of what identifies a list: ids, texts, responses and States, in ID order."""
    canonical = sorted(
        [rec.id, " ".join(unicodedata.normalize("NFC", rec.text).split()), rec.response,
         list(rec.recommending_states)]
        for rec in recommendations)
    payload = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _common(values) -> str:
    distinct = list(dict.fromkeys(str(v) for v in values if v not in (None, "")))
    return LIST_SEPARATOR.join(distinct)


def list_metadata(recommendations: list[Recommendation], lang: str = "en") -> dict[str, str]:
    window = plan_window_for(recommendations)
    return {
        "kind": RECOMMENDATIONS.kind,
        "schema_version": SCHEMA_VERSION,
        "lang": lang,
        "list_hash": list_hash(recommendations),
        "state": _common(r.state for r in recommendations),
        "session": _common(r.session for r in recommendations),
        "cycle": _common(r.cycle for r in recommendations),
        "plan_start": str(window[0]) if window else "",
        "plan_end": str(window[1]) if window else "",
    }


def write_list_workbook(recommendations: list[Recommendation], target: Path, *, lang: str = "en",
                        mapping: GroupMapping | None = None, metadata: dict | None = None,
                        assignable: bool = False) -> Path:
    """The list as a workbook; assignable adds the "Assign to group" dropdown (the Unassigned
    workbook, applied by `upr groups assign`)."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.styles import Alignment, Font

    from .layout import fit_content_widths, fit_header_widths, fit_row_heights

    mapping = mapping or GroupMapping.default()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = RECOMMENDATIONS.title(lang)
    sheet.append([column.label(lang) for column in RECOMMENDATIONS.columns])
    for row in recommendation_rows(recommendations, lang, mapping):
        sheet.append(row)
    for column in RECOMMENDATIONS.columns:
        dimension = sheet.column_dimensions[RECOMMENDATIONS.letter(column.key)]
        dimension.width, dimension.hidden = column.width, column.hidden
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ids = {RECOMMENDATIONS.index(c.key) for c in RECOMMENDATIONS.columns if c.type == ColumnType.ID}
    # Columns wide enough to hold sentences wrap; the row then grows to fit (layout.fit_row_heights).
    wrapped = {RECOMMENDATIONS.index(c.key) for c in RECOMMENDATIONS.columns if c.width >= 20}
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.column in ids:
                cell.number_format = "@"  # "77.10" must not become 77.1
            elif cell.column in wrapped:
                cell.alignment = wrap
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    if assignable:
        from .assign import add_assign_column

        add_assign_column(workbook, sheet, mapping.groups, lang, len(recommendations))
    fit_header_widths(sheet, 1)
    fit_content_widths(sheet, 2, last_column=len(RECOMMENDATIONS.columns))
    fit_row_heights(sheet)
    properties = list_metadata(recommendations, lang)
    properties.update({str(k): "" if v is None else str(v) for k, v in (metadata or {}).items()})
    for name, value in properties.items():
        workbook.custom_doc_props.append(StringProperty(name=name, value=value))
    # The project's own copy (upr_* properties and a hidden sheet) is what the
    # reader recognises, and it survives LibreOffice and .ods.
    known = {f.name for f in fields(WorkbookMeta)}
    write_metadata(workbook, WorkbookMeta(**{k: v for k, v in properties.items() if k in known}))
    return save_workbook(workbook, Path(target))


def _is_list_workbook(path: Path, source: _Source) -> bool:
    if path.suffix.lower() in (".xlsx", ".xlsm") and \
            read_list_metadata(path).get("kind") == RECOMMENDATIONS.kind:
        return True
    return _detect_format(source.headers, source.columns, []) == "list"


_LABELS_BACK = {normalise(v): k for k, v in _LABEL_VALUES.items()} | {k: k for k in _LABEL_VALUES}


def _list_rec(row: list[object], columns: dict[str, int], mapping: GroupMapping) -> Recommendation | None:
    values: dict[str, object] = {}
    for column in RECOMMENDATIONS.columns:
        raw = _cell(row, columns, column.key)
        if column.key in MULTI_VALUED:
            values[column.key] = [p.strip() for p in _text(raw).split(";") if p.strip()]
        elif column.type == ColumnType.NUMBER:
            values[column.key] = _int(raw) if _text(raw) else None
        else:
            values[column.key] = "" if raw is None else raw if isinstance(raw, str) else _text(raw)
    if not _text(values["text"]):
        return None
    values["groups"] = _group_keys(values["groups"], mapping)
    values["response"] = parse_response(values["response"])[0] if values["response"] else ""
    values["labels"] = _LABELS_BACK.get(normalise(str(values["labels"])), "source")
    values["label_note"] = _translate_note(str(values["label_note"]), to_french=False)
    return Recommendation(**{f.name: values[f.name] for f in fields(Recommendation)})


def _import_list(path, source, state, session, mapping) -> ImportResult:
    recs = [r for r in (_list_rec(row, source.columns, mapping) for row in source.rows) if r]
    empty = len(source.rows) - len(recs)
    if not recs:
        raise InputError(path, "the recommendations list is empty")
    wanted_state = state_key(state) if state else None
    kept = [r for r in recs if _matches_filter(r, wanted_state, session)]
    if not kept:
        raise _nothing_matched(path, [_Draft(r) for r in recs], state, session)
    # The list is the facilitator's decision: pledges it holds and groups edited by hand stay.
    _make_ids_unique(kept)
    return ImportResult(kept, "list", 0, len(recs) - len(kept), path,
                        skipped_rows={"empty_text": empty} if empty else {})


def read_list_workbook(path, mapping: GroupMapping | None = None) -> list[Recommendation]:
    """Our own list workbook, read back exactly as written."""
    path = Path(path)
    mapping = mapping or GroupMapping.default()
    source = _read_source(path)
    if source.lines is not None or "id" not in source.columns:
        raise InputError(path, "not a UPR Matrix recommendations list (no ID and Recommendation columns)")
    return [r for r in (_list_rec(row, source.columns, mapping) for row in source.rows) if r]
