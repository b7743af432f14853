"""The fast SMART text reading gives exactly what the slow, obvious one gave.

The reference below is the reader as it was before it was made fast (issue 15): fold character by
character, every concept pattern run over a string rebuilt before each one. The fast reader folds with
str.translate, rebuilds only after a match, runs only the patterns the text's word beginnings can
trigger and caches per text. scripts/compare_smart.py compares whole verdicts on a larger corpus.
"""

from __future__ import annotations

import csv
import re
import unicodedata

import pytest

from conftest import shared_file

from addin.demo import example_source
from addin.smart import lexicon as lx
from addin.smart.text import Features, features, fold, stem
from addin.smart.triggers import PREFIX_LENGTH, Triggers, prefixes

_TOKEN = re.compile(r"[a-z0-9]+")
_YEARISH = re.compile(r"(?:19|20)\d\d")
_CONCEPTS = [(re.compile(rf"(?<![\w])(?:{pattern})(?![\w])"), tags) for pattern, tags in lx.CONCEPT_PATTERNS]


def reference_fold(text: object) -> str:
    raw = "" if text is None else str(text)
    folded = "".join((unicodedata.normalize("NFKD", char)[:1] or char).lower()[:1] or char for char in raw)
    for typographic, plain in (("\u2019", "'"), ("\u2018", "'"), ("\u00a0", " "), ("\u202f", " "), ("\u2013", "-"),
                               ("\u2014", "-"), ("\u0153", "o")):
        folded = folded.replace(typographic, plain)
    return folded


_CONCEPT_WORDS = {word for pattern, _ in lx.CONCEPT_PATTERNS for word in re.findall(r"[a-z]+", pattern)}
# Another form of a generic word is generic too: its stem (five letters or more) is a generic word's stem,
# unless that stem is itself a word of the concepts ("travail" from "travailler").
_GENERIC_STEMS = {stem(word) for word in lx.GENERIC_WORDS if len(stem(word)) >= 5} - _CONCEPT_WORDS


def _reference_generic(token: str) -> bool:
    return token in lx.GENERIC_WORDS or (len(token) >= 6 and stem(token) in _GENERIC_STEMS)


def _reference_tokens(folded: str, keep_generic: bool) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(folded)
            if m.group(0) not in lx.STOPWORDS and (keep_generic or not _reference_generic(m.group(0)))
            and (len(m.group(0)) >= 3 or m.group(0).isdigit()) and not _YEARISH.fullmatch(m.group(0))]


def reference_features(text: object, keep_generic: bool = False) -> Features:
    raw = "" if text is None else str(text)
    folded = reference_fold(raw)
    shown = raw if len(raw) == len(folded) else folded
    result = Features()
    chars = list(folded)
    for regex, tags in _CONCEPTS:
        for found in regex.finditer("".join(chars)):
            for tag in tags:
                result.concepts.add(tag)
                result.concept_words.setdefault(tag, shown[found.start():found.end()])
            chars[found.start():found.end()] = " " * (found.end() - found.start())
    for token, start, end in _reference_tokens("".join(chars), keep_generic):
        token_stem = stem(token)
        result.stems.add(token_stem)
        result.words.setdefault(token_stem, shown[start:end])
    result.all_stems = {stem(token) for token, _, _ in _reference_tokens(folded, keep_generic)}
    return result


def _as_tuple(found: Features) -> tuple:
    # Dicts as item lists: the order in which words were first seen is part of the result.
    return (found.concepts, found.stems, list(found.words.items()), list(found.concept_words.items()),
            found.all_stems)


# Accents, typographic quotes, ligatures, non-breaking spaces, compounds next to their parts, and a blank
# a compound leaves between words that a later pattern would join across.
EDGE_TEXTS = [
    "Élaborer une stratégie nationale de lutte contre la traite des êtres humains\u00a0: mariages précoces et forcés",
    "Women\u2019s participation in public life \u2014 œuvre, Œuvre, ŒUVRE, straße, İstanbul, ﬁnancial",
    "child labour child-labour childlabour labour of children; working children, enfants travailleurs",
    "women in gbv parliament; women in  the parliament; women elected to  national assembly",
    "LGBTI+ persons, lgbt+child marriage, FGM/C, fgm/cutting, op-cat, OP-CAT, HIV/AIDS, vih/sida",
    "Number of police officers trained on torture prevention (2016\u20132019) \u2018baseline\u2019 \u202f50%",
    "", "   ", "x", "über-violence, violences conjugales et sexuelles, ill-treatment and ill treatment",
]


def _corpus() -> list[str]:
    texts = list(EDGE_TEXTS)
    with example_source().open(encoding="utf-8", newline="") as handle:
        texts += [row["Text"] for row in csv.DictReader(handle)]
    return texts


def _shared_corpus() -> list[str]:
    texts = []
    with shared_file("upr-info", "upr-info-export-sessions01-15.csv").open(encoding="utf-8", newline="") as handle:
        texts += [row["Text"] for row in csv.DictReader(handle) if row["To"] == "Rwanda" and row["Session"] == "10"]
    with shared_file("smart", "indicators-dev.csv").open(encoding="utf-8", newline="") as handle:
        texts += [cell for row in csv.reader(handle) for cell in row[1:9]]
    return texts


@pytest.mark.parametrize("source", ["example", "shared"])
def test_fast_reader_reads_every_text_as_the_reference_does(source):
    texts = _corpus() if source == "example" else _shared_corpus()
    assert len(texts) > 20
    for text in texts:
        assert fold(text) == reference_fold(text), text
        for keep_generic in (False, True):
            assert _as_tuple(features(text, keep_generic)) == _as_tuple(reference_features(text, keep_generic)), text


def test_a_caller_changing_its_features_does_not_change_the_next_callers():
    text = "Number of girls married before 18 in rural districts"
    first = features(text)
    first.concepts.clear()
    first.stems -= first.stems
    first.words["x"] = "y"
    assert _as_tuple(features(text)) == _as_tuple(reference_features(text))


def test_pattern_beginnings_cover_every_match_and_skip_only_what_cannot_match():
    assert PREFIX_LENGTH == 4
    assert prefixes("ab|cd[ef]xy|g") == {"ab", "cdex", "cdfx", "g"}
    assert prefixes("(?:early |teen)?pregnan\\w*") == {"earl", "teen", "preg"}
    assert prefixes("\\w+ law") is None  # could begin with anything: always run
    triggers = Triggers(["child labou?r", "labou?r", "\\d+ cases"])
    text = "child labour and forced labor"
    candidates = triggers.mask(triggers.beginnings(text))
    assert candidates == 0b111  # both words patterns can begin here, the unbounded one always runs
    assert triggers.mask(triggers.beginnings("torture")) == 0b100
    # A whole alternative shorter than the text's beginning ("sex" in "sexual") still triggers its pattern.
    short = Triggers(["sex|gender", "sexual violence"])
    assert short.mask(short.beginnings("sexual abuse")) == 0b11
    assert short.mask(short.beginnings("sexe")) == 0b01
    assert short.mask(short.beginnings("genre")) == 0
