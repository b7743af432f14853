"""Paragraphs of a UN Working Group report (and pasted lists): paragraph numbers, the
recommending States after the text, the lead-in sentence that gives the response."""

from __future__ import annotations

import re
from collections import Counter

from .model import normalise
from .states import state_code, state_key
from .cells import _ILLEGAL_CHARACTERS, _NUMBER_ONLY, _split_states


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
