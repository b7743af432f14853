"""Worksheet functions of the desktop add-in (xlwings UDFs; "Import Functions" on the ribbon).

The web add-in's UPR.SMART calls the same core function (addin/server).
"""

from __future__ import annotations

import xlwings as xw

from ..smart import verdict_line


@xw.func
def UPR_SMART(indicator, deadline=None, responsible_body=None, recommendation=None):  # noqa: N802 - Excel's name
    """SMART verdict of an indicator, e.g. "S✓ M✗ A✓ R✓ T✗" (the same checker as `upr validate`)."""
    return verdict_line(indicator, deadline, responsible_body, recommendation)
