"""The checks, one small unit each. A new check is a new module plus its entry here."""

from .base import Check, CheckContext
from .dates import BadDate, DeadlineOutOfCycle
from .duplicate_row import DuplicateRow
from .error_value import ErrorValue
from .formula import FormulaWithoutValue
from .missing_field import MissingField
from .not_specific import NotSpecificRecommendation
from .smart import Smart
from .unknown_recommendation import UnknownRecommendation

ALL_CHECKS: dict[str, type[Check]] = {check.type: check for check in (
    MissingField, UnknownRecommendation, DuplicateRow, BadDate, DeadlineOutOfCycle, Smart,
    NotSpecificRecommendation, FormulaWithoutValue, ErrorValue,
)}

__all__ = ["ALL_CHECKS", "Check", "CheckContext"]
