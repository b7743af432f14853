"""The five SMART rules and the OHCHR indicator type, applied to one implementation-plan row.

Each rule reads a PlanRow (plan_row: every text read once) and decides an Outcome; verdicts puts the
outcomes into words. One module per criterion; naming holds what several of them ask of a text."""

from .achievable import achievable, desired_direction
from .indicator_type import indicator_type
from .measurable import measurable
from .plan_row import ROW_KEYS, Outcome, PlanRow, cell_text
from .relevant import relevant
from .specific import specific
from .time_bound import time_bound
from .verdicts import verdict

__all__ = ["ROW_KEYS", "Outcome", "PlanRow", "achievable", "cell_text", "desired_direction", "indicator_type",
           "measurable", "relevant", "specific", "time_bound", "verdict"]
