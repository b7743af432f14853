"""A: someone answers for the row, the deadline falls in the plan and the target can be reached."""

from __future__ import annotations

from ... import cached_re as re  # re's functions, the compiled patterns kept between runs
from .. import lexicon as lx
from ..messages import message
from ..model import PlanWindow
from ..text import entities, features, fold, has, quantities
from .plan_row import Outcome, PlanRow


def achievable(row: PlanRow, window: PlanWindow, lang: str) -> list[Outcome]:
    """Every reason the row is out of reach (owner, deadline, target), or one passing outcome."""
    problems = []
    body_problem, body = _responsible_body(row)
    if body_problem is not None:
        problems.append(body_problem)
    when = row.deadline
    if when is not None and when.end < window.start:
        problems.append(Outcome.of(False, "A.deadline_before_plan", "A.deadline.fix", deadline=row.deadline_label,
                                 start=window.start.year, end=window.end.year))
    if not row.is_structural:
        target_problem = _target_problem(row, lang)
        if target_problem is not None:
            problems.append(target_problem)
    return problems or [Outcome.of(True, "A.ok", body=body)]


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
        return Outcome.of(False, "A.generic_body", "A.body.fix", body=column), ""
    return Outcome.of(False, "A.no_body", "A.body.fix"), ""


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
        return Outcome.of(False, "A.over_100", "A.over_100.fix", target=target_label)
    if direction != "up" and _aims_at_zero(row):
        phenomena = features(f"{row.text['indicator']} {row.text['target']}").concepts & lx.WIDESPREAD
        if phenomena:
            words = features(row.text["indicator"]).concept_words
            name = next((words[p] for p in sorted(phenomena) if p in words), sorted(phenomena)[0].lower())
            return Outcome.of(False, "A.elimination", "A.elimination.fix", phenomenon=name)
    if direction and target is not None and baseline is not None and target.percent == baseline.percent:
        wrong = target.value < baseline.value if direction == "up" else target.value > baseline.value
        if wrong:
            return Outcome.of(False, "A.wrong_direction", "A.wrong_direction.fix", target=target_label,
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
