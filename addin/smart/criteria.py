"""The five SMART rules and the OHCHR indicator type, applied to one implementation-plan row."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .. import cached_re as re  # re's functions, the compiled patterns kept between runs
from ..dates import When, find_when_in_text, parse_when
from . import lexicon as lx
from .messages import message
from .model import PlanWindow, Verdict
from .text import (Entity, Features, Quantity, acronym_expansions, acronyms, entities, features, first_match, fold, has,
                   matches, per_text, quantities, stem, stems_match)

ROW_KEYS = ("recommendation", "goal", "government_action", "indicator", "baseline", "target", "deadline",
            "responsible_body")

# Words that only say what kind of thing is meant ("a mechanism", "the draft law"); naming them names nothing.
KIND_WORDS = """
mechanism mechanisms mecanisme mecanismes framework cadre system systeme draft projet instrument text texte code body
organ organe institution protocol protocole covenant pacte convention charter charte declaration statute statut
document measures mesures programme program
""".split()
KIND_STEMS = frozenset(stem(word) for word in KIND_WORDS)
PROGRAMME_STEMS = frozenset(stem(word) for word in "programme programmes program programs".split())
# Issue words too general to be a subject of their own ("protect the rights of ...").
WEAK_ISSUE_STEMS = frozenset(stem(word) for word in lx.WEAK_WORDS)
PLACE_STEMS = frozenset(stem(word) for word in lx.PLACE_WORDS)
NAME_KIND_STEMS = KIND_STEMS | {stem(word) for word in lx.BODY_KINDS | lx.INSTRUMENT_KINDS}
TARGET_LEAD = re.compile(r"(?<!\w)(?:to|reach(?:es|ing)?|at least|attains?|a|atteint|atteindre|au moins|jusqu'a|"
                         r"target(?:ed)?|cible|objectif|>=|≥)\s*:?\s*(?:de\s+|of\s+)?(?=\d)")
ACTION_NOT_INSTRUMENT = re.compile(r"\s*(?:(?:all|the|les|des|de|toutes|necessary|appropriate)\s+)*"
                                   r"(?:measures|steps|mesures|dispositions|efforts|actions)\b")
EMPTY_MODIFIERS = frozenset(stem(word) for word in """
national nationale new nouveau nouvelle comprehensive relevant draft specific appropriate necessary adequate effective
existing pertinent pertinente projet global globale the is are est sont une un
""".split())


def cell_text(value: object) -> str:
    """A cell as the user sees it: dates in ISO form, whole floats without '.0', blanks for None and NaN."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


@dataclass(frozen=True)
class Outcome:
    """A criterion's decision before it is put into words."""

    passed: bool
    message_id: str
    fix_id: str = ""
    values: tuple[tuple[str, object], ...] = ()


def _outcome(passed: bool, message_id: str, fix_id: str = "", **values: object) -> Outcome:
    return Outcome(passed, message_id, fix_id, tuple(values.items()))


class PlanRow:
    """One row, read once: every rule asks it questions and none of them parses text again."""

    def __init__(self, row: Mapping[str, object]):
        self.raw = {key: row.get(key) for key in ROW_KEYS}
        self.text = {key: cell_text(value) for key, value in self.raw.items()}
        self.folded = {key: fold(value) for key, value in self.text.items()}

    # --- the indicator ------------------------------------------------------------------------------
    @property
    def indicator(self) -> str:
        return self.text["indicator"]

    def indicator_word(self, pattern: str) -> str:
        """The indicator's own word for the first match of `pattern`."""
        return first_match(pattern, self.folded["indicator"], self.indicator)

    @cached_property
    def unit_word(self) -> str:
        return self.indicator_word(lx.UNIT) or ("%" if "%" in self.indicator else "")

    @cached_property
    def structural_word(self) -> str:
        return self.indicator_word(lx.STRUCTURAL_EVENT)

    @cached_property
    def is_count(self) -> bool:
        return bool(self.unit_word)

    @cached_property
    def is_structural(self) -> bool:
        return bool(self.structural_word) and not self.is_count

    @cached_property
    def vague_word(self) -> str:
        if self.is_count or self.is_structural:
            return ""
        return self.indicator_word(lx.VAGUE_STATE)

    @cached_property
    def indicator_features(self) -> Features:
        """The indicator, with acronyms spelled out from the recommendation and goal."""
        context = f"{self.text['recommendation']} . {self.text['goal']}"
        return features(f"{self.indicator} {acronym_expansions(self.indicator, context)}")

    @cached_property
    def indicator_and_goal(self) -> Features:
        goal = self.text["goal"]
        context = self.text["recommendation"]
        return self.indicator_features | features(f"{goal} {acronym_expansions(goal, context)}")

    @cached_property
    def names_countable_events(self) -> bool:
        """People or cases to which something observable happens ('Police officers trained'), without a unit word.
        Abstract nouns about people ('Women's participation in politics') do not count."""
        folded = self.folded["indicator"]
        people = self.indicator_features.concepts & (lx.POPULATIONS | lx.ACTORS)
        countable = bool(people) or has(lx.COUNTABLE_NOUNS, folded)
        return countable and (has(lx.PROCESS_WORDS, folded) or has(lx.EFFORT_WORDS, folded))

    # --- the recommendation ---------------------------------------------------------------------------
    @cached_property
    def recommendation_parts(self) -> tuple[str, str]:
        """(main request, what follows 'in particular', 'including', 'notamment'...)."""
        folded, original = self.folded["recommendation"], self.text["recommendation"]
        source = original if len(original) == len(folded) else folded  # quote the user's words when we can
        intro = re.search(rf"(?<!\w)(?:{lx.NAMED_ITEM_INTRO})(?!\w)", folded)
        if not intro:
            return source, ""
        return source[:intro.start()], source[intro.end():]

    @cached_property
    def recommendation_features(self) -> Features:
        rec = self.text["recommendation"]
        return features(f"{rec} {acronym_expansions(rec, self.indicator)}")

    @cached_property
    def subject_label(self) -> str:
        """What the recommendation is about, in a few of its words: for the reasons a row fails R."""
        return _subject_label(self)

    @cached_property
    def required_entities(self) -> list[Entity]:
        """Institutions and instruments the recommendation acts on, not those it only cites
        ('in line with the Convention') or qualifies ('procedures of the Council')."""
        return list(_required_entities(self.text["recommendation"]))

    @cached_property
    def requested_objects(self) -> list[tuple[str, Features]]:
        """What 'ratify', 'adopt', 'establish'... ask for, reduced to the words that distinguish it."""
        # Copies: a caller may narrow a Features, never the cached one. The phrase is quoted in the user's own
        # words (accents kept) when folding kept every position.
        folded, original = self.folded["recommendation"], self.text["recommendation"]
        source = original if len(original) == len(folded) else folded
        return [(source[start:end], _copy(distinct)) for start, end, distinct in _requested_objects(folded)]

    @cached_property
    def instrument_to_join(self) -> Entity | None:
        """What the main request asks to ratify, report to or invite, if that is what it asks (_JOINING)."""
        return _find_instrument_to_join(self)

    @cached_property
    def quotable(self) -> str:
        """The folded text whose words a reason may quote back: recommendation, goal and indicator."""
        return " . ".join(self.folded[key] for key in ("recommendation", "goal", "indicator"))

    # --- other columns --------------------------------------------------------------------------------
    @cached_property
    def deadline(self) -> When | None:
        """The deadline column if it reads as a date, else a date inside the indicator."""
        return parse_when(self.raw["deadline"]) or find_when_in_text(self.indicator)

    @cached_property
    def deadline_label(self) -> str:
        """The deadline as written when it was text, else the date read (from a date cell or the indicator)."""
        if self.deadline is None:
            return self.text["deadline"]
        if isinstance(self.raw["deadline"], str) and parse_when(self.raw["deadline"]):
            return self.text["deadline"]
        return _quote_date(self.deadline)

    @cached_property
    def target_quantity(self) -> Quantity | None:
        found = quantities(self.text["target"]) or quantities(self.text["target"], skip_years=False)
        return found[0] if found else self.indicator_target

    @cached_property
    def indicator_target(self) -> Quantity | None:
        """A value the indicator itself sets: '... reaches 75%', '... from 38% to 55% by 2019'."""
        folded = self.folded["indicator"]
        for lead in TARGET_LEAD.finditer(folded):
            found = quantities(folded[lead.end():lead.end() + 30])
            if found and found[0].start == 0:
                return found[0]
        return None

    @cached_property
    def baseline_quantity(self) -> Quantity | None:
        found = quantities(self.text["baseline"])
        if found:
            return found[0]
        start = re.search(r"(?<!\w)(?:from|de|passant de|passe de)\s+(?=\d)", self.folded["indicator"])
        if start:
            inside = quantities(self.folded["indicator"][start.end():start.end() + 30])
            return inside[0] if inside and inside[0].start == 0 else None
        return None


def _distinctive(found: Features) -> Features:
    """Drop what only names a kind of thing (law, plan, mechanism) or the people concerned."""
    kept = found.without(lx.KIND_CONCEPTS | lx.MEANS)
    kept.stems = {s for s in kept.stems if s not in KIND_STEMS}
    return kept


@per_text
def _required_entities(rec: str) -> tuple[Entity, ...]:
    required = []
    for entity in entities(rec):
        before = fold(rec[:entity.start])
        if re.search(lx.REFERENCE_INTRO, before) or re.search(r"(?<!\w)(?:by|par)\s+(?:the\s+|le\s+|la\s+|l')?$", before):
            continue  # cited, or the agent ("accredited by the International Coordinating Committee", A030)
        qualifier = re.search(r"(\w+)\s+(?:of|de|du|des|d')\s*(?:the\s+|la\s+|l')?$", before)
        if qualifier and qualifier.group(1) not in lx.PROCESS_NOUNS:
            continue
        required.append(entity)
    return tuple(required)


_STRUCTURAL_REQUEST = re.compile(rf"(?<!\w)(?:{lx.STRUCTURAL_REQUEST})(?!\w)")
_CLAUSE_VERB = "|".join(sorted(lx.GENERIC_WORDS, key=lambda word: (-len(word), word)))  # one text each run
_OBJECT_END = re.compile(rf"{lx.OBJECT_BOUNDARY}|\b(?:and|et)\s+(?=(?:{_CLAUSE_VERB}|{lx.STRUCTURAL_REQUEST})\b)")


@per_text
def _requested_objects(folded: str) -> tuple[tuple[int, int, Features], ...]:
    objects = []
    for verb in _STRUCTURAL_REQUEST.finditer(folded):
        rest = folded[verb.end():]
        end = _OBJECT_END.search(rest)
        phrase = rest[:end.start()] if end else rest
        if ACTION_NOT_INSTRUMENT.match(phrase):
            continue  # "adopt measures to ..." asks for action, not for an instrument
        distinct = _distinctive(features(phrase))
        if distinct:
            start = verb.end() + len(phrase) - len(phrase.lstrip())
            objects.append((start, verb.end() + len(phrase.rstrip()), distinct))
    return tuple(objects)


def _copy(found: Features) -> Features:
    return Features(set(found.concepts), set(found.stems), dict(found.words), dict(found.concept_words),
                    set(found.all_stems))


def _quote_date(when: When) -> str:
    if when.start == when.end:
        return when.end.isoformat()
    if when.start.year == when.end.year and when.start.month == 1 and when.end.month == 12:
        return str(when.end.year)
    return f"{when.start.isoformat()}/{when.end.isoformat()}"


@lru_cache(maxsize=1024)
def _year_and_kind(kinds: tuple[str, ...]) -> re.Pattern:
    """'the 1961 Convention': a year, then one of these kind words."""
    return re.compile(rf"(?<!\w)(?:19|20)\d\d\s+(?:{'|'.join(kinds)})(?!\w)")


def _entity_named(entity: Entity, text: str, strict: bool = False) -> bool:
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
    if kinds_named and _year_and_kind(tuple(sorted(kinds_named))).search(folded_text):
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


# --- S --------------------------------------------------------------------------------------------
def specific(row: PlanRow, on_subject: bool = True) -> Outcome:
    """`on_subject`: the indicator tracks the recommendation (R). Only then must it name the population,
    instrument or item the recommendation names: an indicator about something else fails R, not S."""
    indicator = row.indicator
    if not indicator:
        return _outcome(False, "S.empty", "S.empty.fix")
    if row.vague_word:
        return _outcome(False, "S.vague", "S.vague.fix", indicator=indicator, word=row.vague_word)
    if not (row.is_count or row.is_structural or row.names_countable_events):
        return _outcome(False, "S.abstract", "S.vague.fix", indicator=indicator)
    if row.is_structural and not _names_its_object(row):
        return _outcome(False, "S.generic_object", "S.generic_object.fix", indicator=indicator)
    what = row.structural_word or row.unit_word or row.indicator_features.describe()
    if not on_subject:
        return _outcome(True, "S.ok", what=what)
    named = row.indicator_and_goal
    context = f"{indicator} . {row.text['goal']}"
    for entity in row.required_entities:
        if not _entity_named(entity, context):
            return _outcome(False, "S.entity_missing", "S.named.fix", item=entity.text)
    for phrase, distinct in row.requested_objects:
        if any(fold(entity.text) in fold(phrase) for entity in row.required_entities):
            continue  # the instrument asked for is a name, and every name was found above ("the 1961 Convention")
        if not matches(distinct, named, loose=True) and not _mechanism_named(phrase, context):
            return _outcome(False, "S.object_missing", "S.named.fix", item=phrase)
    populations = row.recommendation_features.concepts & lx.POPULATIONS
    # people named only in the title of an instrument already found ("... Reduction of Statelessness") are its name
    in_names = " . ".join(fold(entity.text) for entity in row.required_entities)
    populations = {p for p in populations
                   if (fold(row.recommendation_features.concept_words.get(p, "")) not in in_names or not in_names)
                   and _names_population(row.recommendation_features.concept_words.get(p, ""), p)}
    missing = populations - _with_implied(named).concepts
    if missing:
        words = ", ".join(sorted({row.recommendation_features.concept_words[p] for p in missing}))
        return _outcome(False, "S.population_missing", "S.named.fix", item=words)
    main_request, singled_out = row.recommendation_parts
    for rec_words, row_words in lx.PLACES.values():
        place = _place_phrase(rec_words, main_request)
        if place and not has(row_words, f"{row.folded['indicator']} . {row.folded['goal']}"):
            return _outcome(False, "S.place_missing", "S.named.fix", item=place)
    if singled_out:
        items = _distinctive(features(singled_out))
        if items and not matches(items, named, loose=True):
            return _outcome(False, "S.item_missing", "S.named.fix", item=singled_out.strip(" .;"))
    return _outcome(True, "S.ok", what=what)


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


def _names_its_object(row: PlanRow) -> bool:
    """'A policy is adopted by Cabinet' names no policy; 'Prevention of Torture Act enacted' does."""
    folded = row.folded["indicator"]
    if _year_and_kind(tuple(sorted(lx.INSTRUMENT_KINDS))).search(folded):
        return True  # "the 1961 Convention", "the 2006 Ordinance": named by its year
    folded = re.sub(rf"(?<!\w)(?:{lx.STRUCTURAL_EVENT})(?!\w)", " ", folded)
    folded = re.sub(r"(?<!\w)(?:by|par)\s+.*$", " ", folded)
    left = features(folded, keep_generic=True).without(lx.KIND_CONCEPTS)
    left.stems = {s for s in left.stems if s not in KIND_STEMS and s not in EMPTY_MODIFIERS}
    return bool(left)


# --- M --------------------------------------------------------------------------------------------
def measurable(row: PlanRow) -> Outcome:
    indicator = row.indicator
    if not indicator:
        return _outcome(False, "M.empty", "S.empty.fix")
    if row.vague_word or not (row.is_count or row.is_structural or row.names_countable_events):
        return _outcome(False, "M.no_unit", "M.no_unit.fix", indicator=indicator)
    if row.is_structural:
        return _outcome(True, "M.ok_structural")
    target_text = row.text["target"]
    if row.structural_word and has(lx.STRUCTURAL_EVENT, row.folded["target"]) and not quantities(target_text):
        # "NPM designated with its own budget line", target "Designated": a yes/no fact despite the unit word
        return _outcome(True, "M.ok_structural")
    unit = row.unit_word or row.indicator_word(lx.PROCESS_WORDS) or row.indicator_word(lx.EFFORT_WORDS)
    # "2000" alone in the Target column of a count whose deadline has its own column: 2,000 people, not a year
    year_like_count = row.is_count and bool(row.text["deadline"]) and re.fullmatch(r"\d{4}", target_text.strip())
    if quantities(target_text) or year_like_count or re.fullmatch(rf"(?:{lx.WHOLE_TARGET})\b.*", row.folded["target"]):
        return _outcome(True, "M.ok", unit=unit, target=target_text)
    if row.indicator_target is not None:
        return _outcome(True, "M.ok", unit=unit,
                        target=row.indicator[row.indicator_target.start:row.indicator_target.end])
    if not row.is_count:
        return _outcome(False, "M.no_unit", "M.no_unit.fix", indicator=indicator)
    if target_text:
        return _outcome(False, "M.target_not_value", "M.target.fix", target=target_text)
    return _outcome(False, "M.no_target", "M.target.fix")


# --- A --------------------------------------------------------------------------------------------
def achievable(row: PlanRow, window: PlanWindow, lang: str) -> list[Outcome]:
    """Every reason the row is out of reach (owner, deadline, target), or one passing outcome."""
    problems = []
    body_problem, body = _responsible_body(row)
    if body_problem is not None:
        problems.append(body_problem)
    when = row.deadline
    if when is not None and when.end < window.start:
        problems.append(_outcome(False, "A.deadline_before_plan", "A.deadline.fix", deadline=row.deadline_label,
                                 start=window.start.year, end=window.end.year))
    if not row.is_structural:
        target_problem = _target_problem(row, lang)
        if target_problem is not None:
            problems.append(target_problem)
    return problems or [_outcome(True, "A.ok", body=body)]


def _responsible_body(row: PlanRow) -> tuple[Outcome | None, str]:
    column = row.text["responsible_body"]
    if column and not re.fullmatch(lx.GENERIC_BODY, row.folded["responsible_body"].strip(" .;")):
        return None, column
    for source in ("government_action", "indicator"):
        for entity in entities(row.text[source]):
            # In the indicator only the agent counts ("investigated by the Commission"), not a body the
            # indicator is about ("regional offices of the Commission", "loans from the Women's Fund").
            agent = source == "government_action" or re.search(
                r"(?<!\w)(?:by|par)\s+(?:the\s+|le\s+|la\s+|les\s+|l')?$", fold(row.text[source][:entity.start]))
            if agent and entity.is_body and not re.fullmatch(lx.GENERIC_BODY, fold(entity.text)):
                return None, entity.text
    if column:
        return _outcome(False, "A.generic_body", "A.body.fix", body=column), ""
    return _outcome(False, "A.no_body", "A.body.fix"), ""


def desired_direction(row: PlanRow) -> str | None:
    """'up' or 'down': stated in the indicator, else implied by counting efforts (up) or harms (down)."""
    indicator = row.folded["indicator"]
    says_down, says_up = has(lx.EXPLICIT_DOWN, indicator), has(lx.EXPLICIT_UP, indicator)
    if says_down != says_up:
        return "down" if says_down else "up"
    if has(lx.RELEASED, indicator):
        return "up"  # "persons detained for their sexual orientation released" (AD011)
    if has(lx.DURATION, indicator):
        return "down"
    if has(lx.HARMFUL_ACTS, indicator) and not has(lx.STOPPED, indicator):
        return "down"  # "Number of executions carried out" (AE040)
    if re.search(r"(?<!\w)(?:whose|dont|of which|ayant ete)\b.*(?<!\w)(?:" + lx.REFUSED + ")", indicator):
        return "down"  # "Number of NGOs whose registration was suspended or refused" (AG025)
    if has(lx.CRIMINALISED_FREEDOM, indicator) or has(lx.WITHOUT_SAFEGUARD, indicator):
        return "down"
    if re.search(lx.FACILITY_COUNT, indicator):
        return "up"
    if has(lx.EFFORT_WORDS, indicator):
        return "up"
    if has(lx.BAD_OUTCOME_WORDS, indicator):
        return "down"
    return None  # the recommendation's verbs ('reduce', 'combat') say nothing about an indicator of effort


def _target_problem(row: PlanRow, lang: str) -> Outcome | None:
    target, baseline = row.target_quantity, row.baseline_quantity
    direction = desired_direction(row)
    target_label = row.text["target"] or (row.indicator[target.start:target.end] if target else "")
    indicator_and_target = f"{row.folded['indicator']} {row.folded['target']}"
    # A baseline above 100% shows a ratio (occupancy, growth), not a share of a population.
    ratio_above_100 = baseline is not None and baseline.percent and baseline.value > 100
    share = has(lx.SHARE_OF_POPULATION, indicator_and_target) and not ratio_above_100 \
        and not has(lx.GROWTH, indicator_and_target)
    if target is not None and target.percent and target.value > 100 and share:
        return _outcome(False, "A.over_100", "A.over_100.fix", target=target_label)
    if direction != "up" and _aims_at_zero(row):
        phenomena = features(f"{row.text['indicator']} {row.text['target']}").concepts & lx.WIDESPREAD
        if phenomena:
            words = features(row.text["indicator"]).concept_words
            name = next((words[p] for p in sorted(phenomena) if p in words), sorted(phenomena)[0].lower())
            return _outcome(False, "A.elimination", "A.elimination.fix", phenomenon=name)
    if direction and target is not None and baseline is not None and target.percent == baseline.percent:
        wrong = target.value < baseline.value if direction == "up" else target.value > baseline.value
        if wrong:
            return _outcome(False, "A.wrong_direction", "A.wrong_direction.fix", target=target_label,
                            baseline=row.text["baseline"] or baseline.value,
                            direction=message(f"direction.{direction}", lang))
    return None


def _aims_at_zero(row: PlanRow) -> bool:
    target = row.folded["target"]
    found = quantities(target)
    if found:
        return found[0].value == 0
    if target and has(lx.ZERO_TARGET, target):
        return True
    indicator = row.folded["indicator"]
    reaches_zero = re.search(r"(?<!\w)(?:to|reach\w*|a|atteint\w*)\s+(?:0|zero)\s*%?(?!\d)", indicator)
    return bool(reaches_zero or has(r"eliminated|eradicated|eliminee?s?|eradiquee?s?", indicator))


# --- R --------------------------------------------------------------------------------------------
def relevant(row: PlanRow) -> Outcome:
    if not row.indicator:
        return _outcome(False, "R.empty", "S.empty.fix")
    if not row.text["recommendation"]:
        return _outcome(False, "R.no_recommendation")
    rec, ind = _with_implied(row.recommendation_features), _with_implied(row.indicator_features)

    named = next((e for e in row.required_entities if _entity_named(e, row.indicator, strict=True)), None)
    if named is not None:
        return _outcome(True, "R.ok", shared=_how_named(named, row))
    treaty = _treaty_acronym_named(row)
    if treaty:
        return _outcome(True, "R.ok", shared=treaty)
    other_entity = _other_entity(row)
    if other_entity:
        return _outcome(False, "R.other_entity", "R.fix", other=other_entity, subject=row.required_entities[0].text)
    joined = _instrument_to_join(row)
    if joined is not None:
        # "Ratify the OPCAT": only the instrument (or the mechanism it sets up) tracks it, not its theme
        # (torture complaints, reparations for disappearances, ramps in schools: J025, L136, G009, G010)
        return _outcome(False, "R.unrelated", "R.fix", subject=joined.text)

    other_subject = _other_subject(row)
    if other_subject:
        return _outcome(False, "R.other_entity", "R.fix", other=other_subject[0], subject=other_subject[1])

    rec_people = rec.concepts & lx.POPULATIONS
    ind_people = ind.concepts & lx.POPULATIONS
    # Overlapping populations (adolescents, youth) excuse the difference only where the subject is shared too.
    overlapping = {o for p in rec_people for o in lx.OVERLAPPING_POPULATIONS.get(p, ())}
    overlap_on_subject = overlapping & ind_people and matches(
        rec.without(lx.POPULATIONS | lx.ACTORS | lx.MEANS | lx.KIND_CONCEPTS | lx.SECTORS), ind).concepts
    if "CHILD" in rec_people and "ADULTS" in ind.concepts and "CHILD" not in ind.concepts:
        # shelters for child victims of trafficking are not tracked by adult victims identified (AE038)
        return _outcome(False, "R.other_population", "R.fix", subject=row.subject_label, other=ind.concept_words["ADULTS"])
    if rec_people and ind_people and not rec_people & ind_people and not overlap_on_subject:
        return _outcome(False, "R.other_population", "R.fix", subject=row.subject_label,
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
        return _outcome(True, "R.ok", shared=", ".join(sorted(ind.concept_words[p] for p in people_shared)))
    if strong_issue:
        shared = matches(strong_issue, ind, loose=True)
        shared.concepts |= _compounds_spelled_out(strong_issue, ind)
        shared.stems -= PLACE_STEMS  # "rural" alone: where, not what (the place is S's business)
        names_only_a_kind = not _distinctive(shared)
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
            return _outcome(False, "R.unrelated", "R.fix", subject=row.subject_label)
        if sector_only:
            # "Number of schools built" under "protect children from violence in schools"
            return _outcome(False, "R.only_inputs", "R.fix", subject=row.subject_label)
        concern = {c for c in untracked.concepts if c not in lx.SECTORS}
        if row.is_count and shared.concepts and shared.concepts <= lx.SECTORS and not shared.stems \
                and not shared.concepts & row.recommendation_features.concepts \
                and all(source not in ind.concepts and source not in lx.POPULATIONS
                        for source in row.recommendation_features.concepts
                        if shared.concepts & set(lx.IMPLIED_CONCEPTS.get(source, ()))):
            # The recommendation only implies the sector (an NPM is about detention): a prison count does not track it
            return _outcome(False, "R.unrelated", "R.fix", subject=row.subject_label)
        if shared and stated <= lx.SECTORS and concern and not shared.stems and "TRAINING" in ind.concepts:
            # Training that shares only the sector ("prison officers trained in first aid" under overcrowding)
            return _outcome(False, "R.unrelated", "R.fix", subject=row.subject_label)
        if shared and not (names_only_a_kind and row.is_structural and not _names_its_object(row)):
            if not shared.concepts and shared.stems <= WEAK_ISSUE_STEMS and people_shared:
                shared = shared | Features({p for p in people_shared}, set(), {}, dict(rec.concept_words))
            return _outcome(True, "R.ok", shared=_quote_shared(shared, row))
        goal = _with_implied(features(row.text["goal"]))
        bridge = matches(goal.without(lx.POPULATIONS | lx.ACTORS | lx.MEANS | lx.KIND_CONCEPTS), ind)
        bridge.stems -= PLACE_STEMS
        bare_input_count = re.search(lx.GENERIC_INPUT_COUNT, row.folded["indicator"].strip(" ."))
        sector_bridge = not bridge.stems and bridge.concepts <= lx.SECTORS and bare_input_count
        if row.text["goal"] and matches(strong_issue, goal) and _distinctive(bridge) and not sector_bridge:
            return _outcome(True, "R.ok_goal", shared=bridge.describe(within=row.quotable))
        people_or_actors = (rec.concepts & ind.concepts) & (lx.POPULATIONS | lx.ACTORS)
        if people_or_actors:
            return _outcome(False, "R.only_population", "R.fix", subject=row.subject_label,
                            shared=", ".join(sorted(ind.concept_words[c] for c in people_or_actors)))
        return _outcome(False, "R.unrelated", "R.fix", subject=row.subject_label)
    if row.required_entities:
        # The recommendation is about a named law or body and nothing else: the indicator must track it.
        return _outcome(False, "R.unrelated", "R.fix", subject=row.required_entities[0].text)
    fallback = matches(rec.without(lx.MEANS), ind)
    fallback.stems -= PLACE_STEMS
    if fallback:
        return _outcome(True, "R.ok", shared=_quote_shared(fallback, row))
    return _outcome(False, "R.unrelated", "R.fix", subject=row.subject_label)


_JOINING = re.compile(r"^\s*(?:(?:consider|envisager de|continue|poursuivre)\s+(?:[\w']+\s+){0,6}?)?(?:(?:sign|signer)\s+(?:and|et)\s+)?"
                      r"(?:ratify|ratifying|sign(?= )|signer(?= )|accede to|acceding to|accession to|become (?:a )?party to|ratifier|adherer a|"
                      r"(?:la )?ratification (?:of|de|du|des)|l'adhesion a|(?P<report>submit|transmit|soumettre|presenter|transmettre)|"
                      r"(?P<invite>invite|inviter|extend (?:an? )?(?:\w+ ){0,3}invitation|adresser une invitation)\b)")
# What an indicator must mention to track a request to report or to invite (B008, C027).
_ACT_WORDS = {"report": re.compile(r"(?<!\w)(?:reports?|rapports?)(?!\w)"),
              "invite": re.compile(r"(?<!\w)(?:invit\w*|visits?|visites?|missions?)(?!\w)")}


def _instrument_to_join(row: PlanRow) -> Entity | None:
    """The instrument a recommendation asks the State to ratify or accede to, when that is its main request."""
    return row.instrument_to_join


@per_text
def _requested_act(folded_recommendation: str) -> str | None:
    """None: the recommendation does not ask to join, report or invite; else "join", "report" or "invite"."""
    joining = _JOINING.match(folded_recommendation)
    if not joining:
        return None
    return "report" if joining.group("report") else "invite" if joining.group("invite") else "join"


def _find_instrument_to_join(row: PlanRow) -> Entity | None:
    act = _requested_act(row.folded["recommendation"])
    if act is None:
        return None
    main_request, _ = row.recommendation_parts
    act = "" if act == "join" else act
    if act:
        # "Submit its overdue report to the Committee against Torture", "Invite the Special Rapporteur on ...":
        # only the report or the visit tracks it, not the body's theme (B008, C027)
        if act == "report" and not _ACT_WORDS[act].search(fold(main_request)):
            return None
        if _ACT_WORDS[act].search(row.folded["indicator"]):
            return None
        return next((e for e in row.required_entities if e.start < len(main_request) and e.is_body), None)
    return next((e for e in row.required_entities if e.start < len(main_request) and not e.is_body), None)


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
    if _requested_act(row.folded["recommendation"]) != "join":
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


def _with_implied(found: Features) -> Features:
    """Add the concepts a concept is about, quoted with the words that named it."""
    implied = {(extra, source) for source in found.concepts for extra in lx.IMPLIED_CONCEPTS.get(source, ())}
    if not implied:
        return found
    found = _copy(found)
    for extra, source in sorted(implied):
        if extra not in found.concepts:
            found.concepts.add(extra)
            found.concept_words.setdefault(extra, found.concept_words.get(source, source.lower()))
    return found


def _subject_label(row: PlanRow) -> str:
    """A few words saying what the recommendation is about, preferring its main request."""
    main_request, _ = row.recommendation_parts
    entity = next((e for e in row.required_entities if e.start < len(main_request)), None)
    if entity is not None:
        return entity.text  # "Optional Protocol to the Convention against Torture", not "Torture"
    main_features = features(main_request).without(lx.MEANS | lx.ACTORS)
    whole = row.recommendation_features.without(lx.MEANS | lx.ACTORS)
    return (main_features or whole).describe(within=row.folded["recommendation"]) or row.text["recommendation"][:60]


def _other_entity(row: PlanRow) -> str:
    """The indicator names another institution or instrument than the one the recommendation acts on."""
    wanted = row.required_entities
    if not wanted:
        return ""
    indicator = row.indicator
    if any(_entity_named(entity, indicator, strict=True) for entity in wanted):
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


# --- T --------------------------------------------------------------------------------------------
def time_bound(row: PlanRow, window: PlanWindow) -> Outcome:
    when = row.deadline
    bounds = dict(start=window.start.year, end=window.end.year)
    if when is None:
        if row.text["deadline"]:
            return _outcome(False, "T.vague", "T.fix", deadline=row.text["deadline"], **bounds)
        return _outcome(False, "T.missing", "T.fix", **bounds)
    label = row.deadline_label
    if when.end < window.start:
        return _outcome(False, "T.before", "T.fix", deadline=label, **bounds)
    if when.end > window.end:
        return _outcome(False, "T.after", "T.fix", deadline=label, **bounds)
    return _outcome(True, "T.ok", deadline=label, **bounds)


# --- indicator type ---------------------------------------------------------------------------------
def indicator_type(row: PlanRow) -> tuple[str, str, dict[str, object]]:
    """(type, message id, values) after OHCHR: structural, process or outcome."""
    if row.is_structural:
        return "structural", "type.structural", {"word": row.structural_word}
    process_word = row.indicator_word(lx.PROCESS_WORDS)
    if process_word:
        return "process", "type.process", {"word": process_word}
    outcome_word = row.indicator_word(lx.OUTCOME_WORDS)
    if outcome_word:
        return "outcome", "type.outcome", {"word": outcome_word}
    return "outcome", "type.outcome_default", {}


_VERDICTS: dict[tuple, Verdict] = {}


def verdict(criterion: str, outcomes: Outcome | list[Outcome], lang: str) -> Verdict:
    """One verdict from one or several outcomes: it fails if any fails, and gives every reason and fix."""
    outcomes = (outcomes,) if isinstance(outcomes, Outcome) else tuple(outcomes)
    # Rows that say the same get the same (immutable) verdict: worded once, held once in a report.
    # repr keeps 55 and 55.0 apart, which a plain key would not, and they are worded differently.
    key = (criterion, lang, tuple((o.passed, o.message_id, o.fix_id, repr(o.values)) for o in outcomes))
    found = _VERDICTS.get(key)
    if found is None:
        if len(_VERDICTS) >= 8192:
            _VERDICTS.clear()
        found = _VERDICTS[key] = _verdict(criterion, outcomes, lang)
    return found


def _verdict(criterion: str, outcomes: tuple[Outcome, ...], lang: str) -> Verdict:
    passed = all(o.passed for o in outcomes)
    reasons, fixes = [], []
    for outcome in outcomes:
        values = dict(outcome.values)
        reasons.append(message(outcome.message_id, lang, **values))
        if outcome.fix_id and not outcome.passed:
            fixes.append(message(outcome.fix_id, lang, **values))
    return Verdict(criterion, passed, " ".join(reasons), " ".join(dict.fromkeys(fixes)))
