"""One implementation-plan row, read once, and the Outcome a rule decides about it."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from ... import cached_re as re  # re's functions, the compiled patterns kept between runs
from ...dates import When, find_when_in_text, parse_when
from .. import lexicon as lx
from ..text import (Entity, Features, Quantity, acronym_expansions, entities, features, first_match, fold, has,
                    per_text, quantities)
from .naming import copy_features, distinctive


ROW_KEYS = ("recommendation", "goal", "government_action", "indicator", "baseline", "target", "deadline",
            "responsible_body")


TARGET_LEAD = re.compile(r"(?<!\w)(?:to|reach(?:es|ing)?|at least|attains?|a|atteint|atteindre|au moins|jusqu'a|"
                         r"target(?:ed)?|cible|objectif|>=|≥)\s*:?\s*(?:de\s+|of\s+)?(?=\d)")
ACTION_NOT_INSTRUMENT = re.compile(r"\s*(?:(?:all|the|les|des|de|toutes|necessary|appropriate)\s+)*"
                                   r"(?:measures|steps|mesures|dispositions|efforts|actions)\b")


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

    @classmethod
    def of(cls, passed: bool, message_id: str, fix_id: str = "", **values: object) -> Outcome:
        return cls(passed, message_id, fix_id, tuple(values.items()))


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
        return [(source[start:end], copy_features(distinct)) for start, end, distinct in _requested_objects(folded)]

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
        distinct = distinctive(features(phrase))
        if distinct:
            start = verb.end() + len(phrase) - len(phrase.lstrip())
            objects.append((start, verb.end() + len(phrase.rstrip()), distinct))
    return tuple(objects)


def _quote_date(when: When) -> str:
    if when.start == when.end:
        return when.end.isoformat()
    if when.start.year == when.end.year and when.start.month == 1 and when.end.month == 12:
        return str(when.end.year)
    return f"{when.start.isoformat()}/{when.end.isoformat()}"


_JOINING = re.compile(r"^\s*(?:(?:consider|envisager de|continue|poursuivre)\s+(?:[\w']+\s+){0,6}?)?(?:(?:sign|signer)\s+(?:and|et)\s+)?"
                      r"(?:ratify|ratifying|sign(?= )|signer(?= )|accede to|acceding to|accession to|become (?:a )?party to|ratifier|adherer a|"
                      r"(?:la )?ratification (?:of|de|du|des)|l'adhesion a|(?P<report>submit|transmit|soumettre|presenter|transmettre)|"
                      r"(?P<invite>invite|inviter|extend (?:an? )?(?:\w+ ){0,3}invitation|adresser une invitation)\b)")
# What an indicator must mention to track a request to report or to invite (B008, C027).
_ACT_WORDS = {"report": re.compile(r"(?<!\w)(?:reports?|rapports?)(?!\w)"),
              "invite": re.compile(r"(?<!\w)(?:invit\w*|visits?|visites?|missions?)(?!\w)")}


@per_text
def requested_act(folded_recommendation: str) -> str | None:
    """None: the recommendation does not ask to join, report or invite; else "join", "report" or "invite"."""
    joining = _JOINING.match(folded_recommendation)
    if not joining:
        return None
    return "report" if joining.group("report") else "invite" if joining.group("invite") else "join"


def _find_instrument_to_join(row: PlanRow) -> Entity | None:
    act = requested_act(row.folded["recommendation"])
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


def _subject_label(row: PlanRow) -> str:
    """A few words saying what the recommendation is about, preferring its main request."""
    main_request, _ = row.recommendation_parts
    entity = next((e for e in row.required_entities if e.start < len(main_request)), None)
    if entity is not None:
        return entity.text  # "Optional Protocol to the Convention against Torture", not "Torture"
    main_features = features(main_request).without(lx.MEANS | lx.ACTORS)
    whole = row.recommendation_features.without(lx.MEANS | lx.ACTORS)
    return (main_features or whole).describe(within=row.folded["recommendation"]) or row.text["recommendation"][:60]
