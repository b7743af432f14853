"""Text normalisation and tokens, and the names every other module uses.

The category names (1-5) and the 54 issues as UPR Info's export spells them;
``clean_text`` drops a UN report's paragraph number and trailing source, and
``_tokens`` folds case, accents and French elisions into the rule engine's tokens.
"""
from __future__ import annotations

import re
import unicodedata

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
