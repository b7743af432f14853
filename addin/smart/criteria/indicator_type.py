"""The OHCHR indicator type: structural, process or outcome."""

from __future__ import annotations

from .. import lexicon as lx
from .plan_row import PlanRow


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
