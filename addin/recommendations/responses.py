"""Responses as the sources word them, and the notes UPR Matrix writes in label_note, in
English and French."""

from __future__ import annotations

import html

from .. import cached_re as re  # re's functions, the compiled patterns kept between runs
from ..schema import RESPONSES
from .model import ACCEPTED, LIST_SEPARATOR, NOTED, PENDING, PLEDGE, normalise
from .cells import _single, _text


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
