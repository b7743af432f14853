"""R: the indicator tracks what the recommendation asks for."""

from __future__ import annotations

from ... import cached_re as re  # re's functions, the compiled patterns kept between runs
from .. import lexicon as lx
from ..text import (Entity, Features, acronyms, entities, features, first_match, fold, has, matches, per_text, stem,
                    stems_match)
from .naming import distinctive, entity_named, names_its_object, with_implied
from .plan_row import Outcome, PlanRow, requested_act


PROGRAMME_STEMS = frozenset(stem(word) for word in "programme programmes program programs".split())
# Issue words too general to be a subject of their own ("protect the rights of ...").
WEAK_ISSUE_STEMS = frozenset(stem(word) for word in lx.WEAK_WORDS)
PLACE_STEMS = frozenset(stem(word) for word in lx.PLACE_WORDS)


def relevant(row: PlanRow) -> Outcome:
    if not row.indicator:
        return Outcome.of(False, "R.empty", "S.empty.fix")
    if not row.text["recommendation"]:
        return Outcome.of(False, "R.no_recommendation")
    rec, ind = with_implied(row.recommendation_features), with_implied(row.indicator_features)

    named = next((e for e in row.required_entities if entity_named(e, row.indicator, strict=True)), None)
    if named is not None:
        return Outcome.of(True, "R.ok", shared=_how_named(named, row))
    treaty = _treaty_acronym_named(row)
    if treaty:
        return Outcome.of(True, "R.ok", shared=treaty)
    other_entity = _other_entity(row)
    if other_entity:
        return Outcome.of(False, "R.other_entity", "R.fix", other=other_entity, subject=row.required_entities[0].text)
    joined = _instrument_to_join(row)
    if joined is not None:
        # "Ratify the OPCAT": only the instrument (or the mechanism it sets up) tracks it, not its theme
        # (torture complaints, reparations for disappearances, ramps in schools: J025, L136, G009, G010)
        return Outcome.of(False, "R.unrelated", "R.fix", subject=joined.text)

    other_subject = _other_subject(row)
    if other_subject:
        return Outcome.of(False, "R.other_entity", "R.fix", other=other_subject[0], subject=other_subject[1])

    rec_people = rec.concepts & lx.POPULATIONS
    ind_people = ind.concepts & lx.POPULATIONS
    # Overlapping populations (adolescents, youth) excuse the difference only where the subject is shared too.
    overlapping = {o for p in rec_people for o in lx.OVERLAPPING_POPULATIONS.get(p, ())}
    overlap_on_subject = overlapping & ind_people and matches(
        rec.without(lx.POPULATIONS | lx.ACTORS | lx.MEANS | lx.KIND_CONCEPTS | lx.SECTORS), ind).concepts
    if "CHILD" in rec_people and "ADULTS" in ind.concepts and "CHILD" not in ind.concepts:
        # shelters for child victims of trafficking are not tracked by adult victims identified (AE038)
        return Outcome.of(False, "R.other_population", "R.fix", subject=row.subject_label, other=ind.concept_words["ADULTS"])
    if rec_people and ind_people and not rec_people & ind_people and not overlap_on_subject:
        return Outcome.of(False, "R.other_population", "R.fix", subject=row.subject_label,
                        other=", ".join(sorted(ind.concept_words[p] for p in ind_people)))

    issue = rec.without(lx.POPULATIONS | lx.ACTORS | lx.MEANS)
    strong_issue = issue.without(lx.KIND_CONCEPTS)
    strong_issue.stems -= PROGRAMME_STEMS  # "policies and programs undertaken to protect women": programmes name no subject
    people_shared = rec_people & ind_people
    # Discrimination against a group is tracked by what is done to or for that group (K12, L084).
    if strong_issue and strong_issue.concepts <= {"DISCRIMINATION"} and strong_issue.stems <= WEAK_ISSUE_STEMS \
            and people_shared \
            and (has(f"{lx.EFFORT_WORDS}|{lx.PROCESS_WORDS}", row.folded["indicator"]) or row.is_structural
                 or ind.without(lx.POPULATIONS)):
        # "protect the rights of migrants": any service, effort, policy or entitlement reaching those people
        # tracks it (L134, L188); a bare head count of them does not (D39)
        return Outcome.of(True, "R.ok", shared=", ".join(sorted(ind.concept_words[p] for p in people_shared)))
    if strong_issue:
        shared = matches(strong_issue, ind, loose=True)
        shared.concepts |= _compounds_spelled_out(strong_issue, ind)
        shared.stems -= PLACE_STEMS  # "rural" alone: where, not what (the place is S's business)
        names_only_a_kind = not distinctive(shared)
        untracked = strong_issue.without(shared.concepts | lx.KIND_CONCEPTS)
        untracked.stems = {s for s in untracked.stems if s not in shared.stems and s not in WEAK_ISSUE_STEMS
                           and s not in PLACE_STEMS}
        # concepts both sides only imply (online -> expression) say nothing of their own here
        stated = shared.concepts & (row.recommendation_features.concepts | row.indicator_features.concepts)
        # a sector the recommendation names only through its people ("personnes détenues" -> detention)
        carried = {c for c in stated if any(rec.concept_words.get(p) == rec.concept_words.get(c)
                                            for p in rec.concepts & lx.POPULATIONS)}
        sector_only = shared and stated <= lx.SECTORS and (untracked or carried == stated) \
            and re.search(lx.GENERIC_INPUT_COUNT, row.folded["indicator"].strip(" ."))  \
            and not _asks_for_inputs(row, stated, rec)
        if shared.concepts == {"TRAINING"} and not shared.stems and not row.indicator_features.concepts & lx.ACTORS \
                & row.recommendation_features.concepts:
            # training in something else ("dentists trained" under training birth attendants, "police trained in
            # traffic control" under trafficking: AF009, AF035): the means is shared, not the subject
            return Outcome.of(False, "R.unrelated", "R.fix", subject=row.subject_label)
        if sector_only:
            # "Number of schools built" under "protect children from violence in schools"
            return Outcome.of(False, "R.only_inputs", "R.fix", subject=row.subject_label)
        concern = {c for c in untracked.concepts if c not in lx.SECTORS}
        if row.is_count and shared.concepts and shared.concepts <= lx.SECTORS and not shared.stems \
                and not shared.concepts & row.recommendation_features.concepts \
                and all(source not in ind.concepts and source not in lx.POPULATIONS
                        for source in row.recommendation_features.concepts
                        if shared.concepts & set(lx.IMPLIED_CONCEPTS.get(source, ()))):
            # The recommendation only implies the sector (an NPM is about detention): a prison count does not track it
            return Outcome.of(False, "R.unrelated", "R.fix", subject=row.subject_label)
        if shared and stated <= lx.SECTORS and concern and not shared.stems and "TRAINING" in ind.concepts:
            # Training that shares only the sector ("prison officers trained in first aid" under overcrowding)
            return Outcome.of(False, "R.unrelated", "R.fix", subject=row.subject_label)
        if shared and not (names_only_a_kind and row.is_structural and not names_its_object(row)):
            if not shared.concepts and shared.stems <= WEAK_ISSUE_STEMS and people_shared:
                shared = shared | Features({p for p in people_shared}, set(), {}, dict(rec.concept_words))
            return Outcome.of(True, "R.ok", shared=_quote_shared(shared, row))
        goal = with_implied(features(row.text["goal"]))
        bridge = matches(goal.without(lx.POPULATIONS | lx.ACTORS | lx.MEANS | lx.KIND_CONCEPTS), ind)
        bridge.stems -= PLACE_STEMS
        bare_input_count = re.search(lx.GENERIC_INPUT_COUNT, row.folded["indicator"].strip(" ."))
        sector_bridge = not bridge.stems and bridge.concepts <= lx.SECTORS and bare_input_count
        if row.text["goal"] and matches(strong_issue, goal) and distinctive(bridge) and not sector_bridge:
            return Outcome.of(True, "R.ok_goal", shared=bridge.describe(within=row.quotable))
        people_or_actors = (rec.concepts & ind.concepts) & (lx.POPULATIONS | lx.ACTORS)
        if people_or_actors:
            return Outcome.of(False, "R.only_population", "R.fix", subject=row.subject_label,
                            shared=", ".join(sorted(ind.concept_words[c] for c in people_or_actors)))
        return Outcome.of(False, "R.unrelated", "R.fix", subject=row.subject_label)
    if row.required_entities:
        # The recommendation is about a named law or body and nothing else: the indicator must track it.
        return Outcome.of(False, "R.unrelated", "R.fix", subject=row.required_entities[0].text)
    fallback = matches(rec.without(lx.MEANS), ind)
    fallback.stems -= PLACE_STEMS
    if fallback:
        return Outcome.of(True, "R.ok", shared=_quote_shared(fallback, row))
    return Outcome.of(False, "R.unrelated", "R.fix", subject=row.subject_label)


def _instrument_to_join(row: PlanRow) -> Entity | None:
    """The instrument a recommendation asks the State to ratify or accede to, when that is its main request."""
    return row.instrument_to_join


_BUILD_VERB = re.compile(r"(?<!\w)(?:create|build|construct|open|set up|creer|construire|ouvrir|batir|"
                         r"mettre en place)(?:\s+[\w'-]+){0,3}\s*$")
_FACILITY = re.compile(r"(?:schools?|ecoles?|classrooms?|salles? de classe|hospitals?|hopitaux|clinics?|health centres?|"
                       r"centres? de sante|courts?|tribunaux|prisons?|boreholes?|wells|forages?|puits|latrines?)$")


def _asks_for_inputs(row: PlanRow, concepts: set[str], rec: Features) -> bool:
    """The recommendation asks for the inputs themselves ("Create new schools in the distant villages", AD024):
    counting them tracks it."""
    folded = row.folded["recommendation"]
    for concept in concepts:
        words = fold(rec.concept_words.get(concept, ""))
        at = folded.find(words) if words and _FACILITY.search(words) else -1
        if at > 0 and _BUILD_VERB.search(folded[max(0, at - 40):at]):
            return True
    return False


def _quote_shared(shared: Features, row: PlanRow) -> str:
    """What both texts share, in their words; when that is only words naming a kind of text ("Optional Protocol",
    "Convention": an instrument the recommendation names by its acronym, AH019), what the recommendation is about."""
    quoted = shared.describe(within=row.quotable)
    words = [fold(item.strip()) for item in quoted.split(",")]
    if words and all(word in lx.REFERENCE_WORDS for word in words):
        return row.subject_label
    return quoted


def _names_people(entity: Entity) -> bool:
    """A capitalised name that is only a people's ("Torres Strait Islanders"), not a programme's ("One Laptop Per
    Child")."""
    found = features(entity.text)
    return bool(found.concepts) and found.concepts <= lx.POPULATIONS and not found.stems


def _treaty_acronym_named(row: PlanRow) -> str:
    """A core treaty the main request names by its acronym alone ("Ratify the CAT and the second Optional Protocol to
    ICCPR", AB046), named by the indicator by that acronym or in full: the recommendation's acronym, else ''."""
    main_request, _ = row.recommendation_parts
    if requested_act(row.folded["recommendation"]) != "join":
        return ""
    folded_indicator = " ".join(_words(row.indicator))
    for letters in acronyms(main_request):
        full = lx.KNOWN_ACRONYMS.get(letters)
        if not full or letters in ("OP",):
            continue
        before = fold(main_request[:main_request.find(letters)])
        if re.search(r"(?:protocol|protocole)\s+(?:\w+\s+){0,2}(?:to|a|au|se rapportant a)\s+(?:the\s+|la\s+|le\s+)?$", before):
            continue  # "the Optional Protocol to CEDAW": the protocol is meant, not the treaty
        if re.search(rf"(?<!\w){letters}(?!\w)", row.indicator) or " ".join(_words(full)) in folded_indicator:
            return letters
    return ""


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def _other_subject(row: PlanRow) -> tuple[str, str] | None:
    """(the indicator's words, the recommendation's words) when the indicator names a subject that sits beside
    the recommendation's own in one field (lexicon.CONTRASTS) and not the recommendation's own."""
    rec, ind = row.folded["recommendation"], row.folded["indicator"]
    asked_by_family = _contrast_members(rec)
    if not any(asked_by_family):
        return None
    for asked, named in zip(asked_by_family, _contrast_members(ind)):
        if asked and named and not set(named) & set(asked):
            return row.indicator_word(named[0]), first_match(asked[0], rec, row.text["recommendation"])
    return None


@per_text
def _contrast_members(folded: str) -> tuple[tuple[str, ...], ...]:
    """For each family of lexicon.CONTRASTS, the patterns of its members the text names (one text read once)."""
    return tuple(tuple(pattern for pattern in members.values() if has(pattern, folded))
                 for members in lx.CONTRASTS.values())


def _compounds_spelled_out(needles: Features, haystack: Features) -> set[str]:
    """Compound concepts of `needles` whose own words all occur, apart, in `haystack`: "travail des enfants"
    in "enfants retirés du travail" (L128). Only compounds of two content words or more."""
    found = set()
    for concept in needles.concepts - haystack.concepts:
        words = needles.concept_words.get(concept, "")
        content = _compound_stems(words)
        if " " not in words:
            # one word in another form the patterns do not list ("executions", "executed": Z018)
            if len(content) == 1 and all(len(s) >= 5 and s in haystack.stems for s in content):
                found.add(concept)
            continue
        if len(content) >= 2 and all(any(stems_match(s, h) for h in haystack.all_stems) for s in content):
            found.add(concept)
    return found


@per_text
def _compound_stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", fold(words))
                     if len(w) >= 3 and w not in lx.STOPWORDS and w not in lx.GENERIC_WORDS)


def _how_named(entity: Entity, row: PlanRow) -> str:
    """The recommendation's name for it, or the indicator's own words when it names it through the mechanism
    the instrument sets up ("national preventive mechanism" for the OPCAT)."""
    folded_entity = fold(entity.text)
    for instrument, mechanism in lx.INSTRUMENT_MECHANISMS.items():
        if instrument in folded_entity:
            words = row.indicator_word(mechanism)
            if words:
                return words
    if fold(entity.text) in lx.REFERENCE_WORDS:  # "the 1961 Convention": quote the indicator's full name for it
        kind = fold(entity.text)
        return next((other.text for other in entities(row.indicator) if kind in fold(other.text).split()), entity.text)
    return entity.text


def _other_entity(row: PlanRow) -> str:
    """The indicator names another institution or instrument than the one the recommendation acts on."""
    wanted = row.required_entities
    if not wanted:
        return ""
    indicator = row.indicator
    if any(entity_named(entity, indicator, strict=True) for entity in wanted):
        return ""
    # The indicator tracks the recommendation's own concern in another instrument ("Penal Code amendment
    # criminalising FGM" under a plan that criminalises FGM, A018): not another subject.
    concern = (row.recommendation_features.concepts & row.indicator_features.concepts) - lx.SECTORS - lx.POPULATIONS \
        - lx.ACTORS - lx.MEANS - lx.KIND_CONCEPTS - lx.GENERIC_CONCERNS
    if concern and not _instrument_to_join(row):
        return ""
    for entity in entities(indicator):
        before = fold(indicator[:entity.start])
        if re.search(r"(?<!\w)(?:by|par)\s+(?:the\s+|le\s+|la\s+|l')?$", before):
            continue
        if set(fold(entity.text).split()) & lx.ADOPTING_BODIES:
            continue
        if features(entity.text).without(lx.KIND_CONCEPTS).concepts & row.recommendation_features.concepts:
            continue  # a law on the recommendation's own subject ("Anti-Trafficking Act" under trafficking laws, B032)
        # a people's name ("Torres Strait Islanders") is no institution or instrument to be another of (AB012)
        if any(entity.is_body == other.is_body for other in wanted if not _names_people(other)):
            return entity.text
    return ""
