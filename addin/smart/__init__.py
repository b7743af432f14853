"""SMART check of implementation-plan indicators, with reasons and fixes in English and French.

`assess` judges one row (no I/O); `check_csv` reads a CSV of rows and judges each one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

from ..errors import InputError, os_reason
from .criteria import (ROW_KEYS, PlanRow, achievable, indicator_type, measurable, relevant, specific, time_bound,
                       verdict)
from .messages import LANGUAGES, MESSAGES, message
from .model import CRITERIA, INDICATOR_TYPES, PlanWindow, SmartResult, Verdict

__all__ = ["CRITERIA", "INDICATOR_TYPES", "MESSAGES", "PlanWindow", "SmartResult", "Verdict", "assess", "check_csv",
           "ROW_KEYS", "verdict_line"]

# A UPR cycle lasts four and a half years: a formula outside any workbook plan is judged against the next five.
CYCLE_YEARS = 5


def _language(lang: str) -> str:
    code = (lang or "en").lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not available; use one of {', '.join(LANGUAGES)}")
    return code


def assess(row: Mapping[str, object], window: PlanWindow, lang: str = "en") -> SmartResult:
    """Judge one plan row against the SMART rubric; keys missing from `row` count as empty."""
    lang = _language(lang)
    plan_row = PlanRow(row)
    relevance = relevant(plan_row)
    outcomes = {
        "S": specific(plan_row, on_subject=relevance.passed),
        "M": measurable(plan_row),
        "A": achievable(plan_row, window, lang),
        "R": relevance,
        "T": time_bound(plan_row, window),
    }
    kind, type_message, values = indicator_type(plan_row)
    return SmartResult(
        verdicts={criterion: verdict(criterion, outcomes[criterion], lang) for criterion in CRITERIA},
        indicator_type=kind,
        indicator_type_reason=message(type_message, lang, **values),
    )


def verdict_line(indicator: object, deadline: object = None, responsible_body: object = None,
                 recommendation: object = None, *, window: PlanWindow | None = None, lang: str = "en") -> str:
    """One cell's worth of verdict, e.g. "S✓ M✗ A✓ R✓ T✗", for the worksheet functions of the add-ins.

    Without a window the plan runs from this year through the next cycle.
    """
    if window is None:
        this_year = dt.date.today().year
        window = PlanWindow.from_years(this_year, this_year + CYCLE_YEARS)
    row = {"indicator": indicator, "deadline": deadline, "responsible_body": responsible_body,
           "recommendation": recommendation}
    result = assess(row, window, lang)
    return " ".join(f"{c}{'✓' if result.verdicts[c].passed else '✗'}" for c in CRITERIA)


def _header_key(header: str) -> str:
    return "_".join(header.replace("\ufeff", "").strip().lower().replace("-", " ").split())


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("mac_roman")


def check_csv(path: str | Path, window: PlanWindow, lang: str = "en") -> list[SmartResult]:
    """One result per data row of a CSV that has at least the eight plan columns (in any case and order)."""
    path = Path(path)
    try:
        text = _read_text(path)
    except OSError as exc:
        raise InputError(path, "errors.file.unreadable", reason=os_reason(exc)) from exc
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.splitlines()[0] if sample else ",", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader, None)
    if not header:
        raise InputError(path, "errors.indicators.no_header", columns=", ".join(ROW_KEYS))
    positions = {_header_key(name): index for index, name in enumerate(header)}
    missing = [key for key in ROW_KEYS if key not in positions]
    if missing:
        raise InputError(path, "errors.indicators.missing_columns", n=len(missing), columns=", ".join(missing))
    results = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        row = {key: (cells[positions[key]] if positions[key] < len(cells) else "") for key in ROW_KEYS}
        results.append(assess(row, window, lang))
    return results
