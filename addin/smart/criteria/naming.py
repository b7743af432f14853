"""How a row's texts name things (kinds, distinctive words, institutions and instruments), for every rule."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ... import cached_re as re  # re's functions, the compiled patterns kept between runs
from .. import lexicon as lx
from ..text import Entity, Features, acronym_expansions, entities, features, fold, matches, stem

if TYPE_CHECKING:
    from .plan_row import PlanRow


# Words that only say what kind of thing is meant ("a mechanism", "the draft law"); naming them names nothing.
KIND_WORDS = """
mechanism mechanisms mecanisme mecanismes framework cadre system systeme draft projet instrument text texte code body
organ organe institution protocol protocole covenant pacte convention charter charte declaration statute statut
document measures mesures programme program
""".split()
KIND_STEMS = frozenset(stem(word) for word in KIND_WORDS)
NAME_KIND_STEMS = KIND_STEMS | {stem(word) for word in lx.BODY_KINDS | lx.INSTRUMENT_KINDS}
# Modifiers that leave an object unnamed: "a new national policy" names no policy.
EMPTY_MODIFIERS = frozenset(stem(word) for word in """
national nationale new nouveau nouvelle comprehensive relevant draft specific appropriate necessary adequate effective
existing pertinent pertinente projet global globale the is are est sont une un
""".split())


def distinctive(found: Features) -> Features:
    """Drop what only names a kind of thing (law, plan, mechanism) or the people concerned."""
    kept = found.without(lx.KIND_CONCEPTS | lx.MEANS)
    kept.stems = {s for s in kept.stems if s not in KIND_STEMS}
    return kept


def copy_features(found: Features) -> Features:
    return Features(set(found.concepts), set(found.stems), dict(found.words), dict(found.concept_words),
                    set(found.all_stems))


def with_implied(found: Features) -> Features:
    """Add the concepts a concept is about, quoted with the words that named it."""
    implied = {(extra, source) for source in found.concepts for extra in lx.IMPLIED_CONCEPTS.get(source, ())}
    if not implied:
        return found
    found = copy_features(found)
    for extra, source in sorted(implied):
        if extra not in found.concepts:
            found.concepts.add(extra)
            found.concept_words.setdefault(extra, found.concept_words.get(source, source.lower()))
    return found


@lru_cache(maxsize=1024)
def year_and_kind(kinds: tuple[str, ...]) -> re.Pattern:
    """'the 1961 Convention': a year, then one of these kind words."""
    return re.compile(rf"(?<!\w)(?:19|20)\d\d\s+(?:{'|'.join(kinds)})(?!\w)")


def entity_named(entity: Entity, text: str, strict: bool = False) -> bool:
    """Named by its acronym, by 'the Commission' for a Commission, or by its kind word ('Act', 'Commission')
    together with at least half of its distinctive words."""
    if entity.acronym and re.search(rf"(?<!\w){re.escape(entity.acronym)}(?!\w)", text):
        return True
    folded_entity, folded_text = fold(entity.text), fold(text)
    for short, full in lx.INSTRUMENT_ALIASES.items():
        if (short in folded_entity and re.search(full, folded_text)) or (short in folded_text and re.search(full, folded_entity)):
            return True   # "the Palermo Protocol" for the Protocol to Prevent, Suppress and Punish Trafficking in Persons
    for instrument, mechanism in lx.INSTRUMENT_MECHANISMS.items():
        if instrument in folded_entity and re.search(rf"(?<!\w)(?:{mechanism})(?!\w)", folded_text):
            return True   # the mechanism the instrument asks for
    if strict and re.match(lx.OPTIONAL_PROTOCOL, folded_entity) and not re.search(lx.PROTOCOL_MENTION, folded_text):
        return False      # for relevance, "the Convention against Torture" is not its Optional Protocol
    if any(len(other.text.split()) >= 2 and other.kind_words and folded_entity.startswith(fold(other.text) + " ")
           for other in entities(text)):
        return True       # its short title: "Rome Statute" for the Rome Statute of the International Criminal Court
    kinds_named = entity.kind_words
    if kinds_named and year_and_kind(tuple(sorted(kinds_named))).search(folded_text):
        return True       # "the 1961 Convention": a treaty by its year, as plans and the UN write it (J009)
    expansions = acronym_expansions(text, entity.text)
    if expansions and len(expansions.split()) >= 2 and matches(features(entity.text), features(expansions)):
        return True
    kinds = {lx.KIND_EQUIVALENTS.get(kind, kind) for kind in entity.kind_words}
    mentioned_kinds = {lx.KIND_EQUIVALENTS.get(word, word) for word in re.findall(r"[a-z]+", fold(text))}
    if kinds and not kinds & mentioned_kinds:
        return False
    definite_kind = r"(?<!\w)(?:the|la|le|l')\s*(?:" + "|".join(sorted(entity.kind_words)) + r")(?!\w)"
    capitalised_after_article = re.search(r"(?<!\w)(?:[Tt]he|[Ll]a|[Ll]e|[Ll]')\s*[A-Z]", text)
    if kinds and re.search(definite_kind, fold(text)) and capitalised_after_article:
        return True  # "the Commission" for the Commission the recommendation names
    name = features(entity.text).without(lx.KIND_CONCEPTS)
    name.stems -= NAME_KIND_STEMS
    if not name:
        return bool(kinds)  # "Parliament", "Human Rights Council": the kind word is the name
    shared = matches(name, features(f"{text} {expansions}"))
    total = len(name.concepts) + len(name.stems)
    return (len(shared.concepts) + len(shared.stems)) / total >= 0.5


def names_its_object(row: PlanRow) -> bool:
    """'A policy is adopted by Cabinet' names no policy; 'Prevention of Torture Act enacted' does."""
    folded = row.folded["indicator"]
    if year_and_kind(tuple(sorted(lx.INSTRUMENT_KINDS))).search(folded):
        return True  # "the 1961 Convention", "the 2006 Ordinance": named by its year
    folded = re.sub(rf"(?<!\w)(?:{lx.STRUCTURAL_EVENT})(?!\w)", " ", folded)
    folded = re.sub(r"(?<!\w)(?:by|par)\s+.*$", " ", folded)
    left = features(folded, keep_generic=True).without(lx.KIND_CONCEPTS)
    left.stems = {s for s in left.stems if s not in KIND_STEMS and s not in EMPTY_MODIFIERS}
    return bool(left)
