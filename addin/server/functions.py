"""The worksheet function of the Office.js add-in: =UPR.SMART(...), the verdict of the desktop =UPR_SMART.

xlwings Server registers every function of this module; the manifest's namespace UPR prefixes it.
"""

from __future__ import annotations

import datetime as dt
from openpyxl.utils.datetime import from_excel
from xlwings.server import arg, func

from addin.smart import verdict_line

# Excel sends a date cell as its serial number; a year such as 2018 stays a year.
_FIRST_SERIAL = 3000


def _cell(value):
    if isinstance(value, list):     # a range of one cell arrives as [[value]]
        value = value[0][0] if value and value[0] else None
    return None if value == "" else value


def _deadline(value):
    value = _cell(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= _FIRST_SERIAL:
        when = from_excel(value)
        return when.date() if isinstance(when, dt.datetime) else when
    return value


@func(name="SMART")
@arg("indicator", doc="The indicator, as typed in the plan")
@arg("deadline", doc="Its deadline: a date, a year or text")
@arg("body", doc="The responsible body")
@arg("recommendation", doc="The recommendation's text")
def smart(indicator, deadline=None, body=None, recommendation=None) -> str:
    """SMART verdict of an indicator, e.g. S✓ M✗ A✓ R✓ T✗ (the same as =UPR_SMART on the desktop)."""
    return verdict_line(_cell(indicator), _deadline(deadline), _cell(body), _cell(recommendation))
