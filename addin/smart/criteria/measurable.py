"""M: the indicator has a unit and the target a value."""

from __future__ import annotations

from ... import cached_re as re  # re's functions, the compiled patterns kept between runs
from .. import lexicon as lx
from ..text import has, quantities
from .plan_row import Outcome, PlanRow


def measurable(row: PlanRow) -> Outcome:
    indicator = row.indicator
    if not indicator:
        return Outcome.of(False, "M.empty", "S.empty.fix")
    if row.vague_word or not (row.is_count or row.is_structural or row.names_countable_events):
        return Outcome.of(False, "M.no_unit", "M.no_unit.fix", indicator=indicator)
    if row.is_structural:
        return Outcome.of(True, "M.ok_structural")
    target_text = row.text["target"]
    if row.structural_word and has(lx.STRUCTURAL_EVENT, row.folded["target"]) and not quantities(target_text):
        # "NPM designated with its own budget line", target "Designated": a yes/no fact despite the unit word
        return Outcome.of(True, "M.ok_structural")
    unit = row.unit_word or row.indicator_word(lx.PROCESS_WORDS) or row.indicator_word(lx.EFFORT_WORDS)
    # "2000" alone in the Target column of a count whose deadline has its own column: 2,000 people, not a year
    year_like_count = row.is_count and bool(row.text["deadline"]) and re.fullmatch(r"\d{4}", target_text.strip())
    if quantities(target_text) or year_like_count or re.fullmatch(rf"(?:{lx.WHOLE_TARGET})\b.*", row.folded["target"]):
        return Outcome.of(True, "M.ok", unit=unit, target=target_text)
    if row.indicator_target is not None:
        return Outcome.of(True, "M.ok", unit=unit,
                        target=row.indicator[row.indicator_target.start:row.indicator_target.end])
    if not row.is_count:
        return Outcome.of(False, "M.no_unit", "M.no_unit.fix", indicator=indicator)
    if target_text:
        return Outcome.of(False, "M.target_not_value", "M.target.fix", target=target_text)
    return Outcome.of(False, "M.no_target", "M.target.fix")
