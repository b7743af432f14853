"""S: the indicator names what the recommendation names (people, instrument, place, item)."""

from __future__ import annotations

from ... import cached_re as re  # re's functions, the compiled patterns kept between runs
from .. import lexicon as lx
from ..text import features, fold, has, matches
from .naming import distinctive, entity_named, names_its_object, with_implied
from .plan_row import Outcome, PlanRow


def specific(row: PlanRow, on_subject: bool = True) -> Outcome:
    """`on_subject`: the indicator tracks the recommendation (R). Only then must it name the population,
    instrument or item the recommendation names: an indicator about something else fails R, not S."""
    indicator = row.indicator
    if not indicator:
        return Outcome.of(False, "S.empty", "S.empty.fix")
    if row.vague_word:
        return Outcome.of(False, "S.vague", "S.vague.fix", indicator=indicator, word=row.vague_word)
    if not (row.is_count or row.is_structural or row.names_countable_events):
        return Outcome.of(False, "S.abstract", "S.vague.fix", indicator=indicator)
    if row.is_structural and not names_its_object(row):
        return Outcome.of(False, "S.generic_object", "S.generic_object.fix", indicator=indicator)
    what = row.structural_word or row.unit_word or row.indicator_features.describe()
    if not on_subject:
        return Outcome.of(True, "S.ok", what=what)
    named = row.indicator_and_goal
    context = f"{indicator} . {row.text['goal']}"
    for entity in row.required_entities:
        if not entity_named(entity, context):
            return Outcome.of(False, "S.entity_missing", "S.named.fix", item=entity.text)
    for phrase, distinct in row.requested_objects:
        if any(fold(entity.text) in fold(phrase) for entity in row.required_entities):
            continue  # the instrument asked for is a name, and every name was found above ("the 1961 Convention")
        if not matches(distinct, named, loose=True) and not _mechanism_named(phrase, context):
            return Outcome.of(False, "S.object_missing", "S.named.fix", item=phrase)
    populations = row.recommendation_features.concepts & lx.POPULATIONS
    # people named only in the title of an instrument already found ("... Reduction of Statelessness") are its name
    in_names = " . ".join(fold(entity.text) for entity in row.required_entities)
    populations = {p for p in populations
                   if (fold(row.recommendation_features.concept_words.get(p, "")) not in in_names or not in_names)
                   and _names_population(row.recommendation_features.concept_words.get(p, ""), p)}
    missing = populations - with_implied(named).concepts
    if missing:
        words = ", ".join(sorted({row.recommendation_features.concept_words[p] for p in missing}))
        return Outcome.of(False, "S.population_missing", "S.named.fix", item=words)
    main_request, singled_out = row.recommendation_parts
    for rec_words, row_words in lx.PLACES.values():
        place = _place_phrase(rec_words, main_request)
        if place and not has(row_words, f"{row.folded['indicator']} . {row.folded['goal']}"):
            return Outcome.of(False, "S.place_missing", "S.named.fix", item=place)
    if singled_out:
        items = distinctive(features(singled_out))
        if items and not matches(items, named, loose=True):
            return Outcome.of(False, "S.item_missing", "S.named.fix", item=singled_out.strip(" .;"))
    return Outcome.of(True, "S.ok", what=what)


def _names_population(words: str, population: str) -> bool:
    """The words a population was read from name it themselves ("child labour" names children); a practice that
    only concerns them in the lexicon does not ("corporal punishment", B027)."""
    parts = words.split()
    return len(parts) < 2 or any(population in features(part).concepts for part in parts)


def _mechanism_named(phrase: str, text: str) -> bool:
    """The requested instrument is named through the mechanism it sets up (the OPCAT's NPM)."""
    folded_phrase, folded_text = fold(phrase), fold(text)
    return any(instrument in folded_phrase and re.search(rf"(?<!\w)(?:{mechanism})(?!\w)", folded_text)
               for instrument, mechanism in lx.INSTRUMENT_MECHANISMS.items())


# The noun a place word qualifies, so that the reason says "in rural areas", not "in rural".
_PLACE_NOUN_BEFORE = re.compile(r"(?:zones?|regions?|communautes?|milieux?|localites?|villages?)\s+$")
_PLACE_NOUN_AFTER = re.compile(r"^\s+(?:areas?|communities|community|districts?|regions?|zones?|villages?|"
                               r"settings?|populations?)(?!\w)")


def _place_phrase(pattern: str, main_request: str) -> str:
    """The recommendation's words for a place it asks about ('rural areas', 'zones rurales'), accents kept."""
    folded = fold(main_request)
    found = re.search(rf"(?<!\w)(?:{pattern})(?!\w)", folded)
    if not found:
        return ""
    start, end = found.start(), found.end()
    before = _PLACE_NOUN_BEFORE.search(folded[:start])
    after = _PLACE_NOUN_AFTER.match(folded[end:])
    start = before.start() if before else start
    end = end + after.end() if after else end
    source = main_request if len(main_request) == len(folded) else folded
    return source[start:end]
