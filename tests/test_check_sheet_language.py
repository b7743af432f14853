"""The Check sheet speaks the workbook's language: severities and fields, not English keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from addin.annotate import plan_flags
from addin.findings import Finding
from addin.report import FileReport


def _report() -> FileReport:
    return FileReport(path=Path("Justice - Plan.xlsx"), kind="implementation_plan", group="Justice", findings=[
        Finding("missing-field", "Organe gouvernemental responsable est vide.", sheet="Plan", cell="L5",
                row=5, field="responsible_body"),
        Finding("smart", "Indicateur non mesurable (M).", sheet="Plan", cell="H6", row=6, field="indicator",
                criterion="M"),
        Finding("stray-cell", "Texte hors du tableau.", sheet="Plan", cell="P9", row=9),
    ])


@pytest.mark.parametrize("lang, severities, fields", [
    ("fr", ["Erreur", "Avertissement", "Info"], ["Organe gouvernemental responsable", "Indicateur", ""]),
    ("en", ["Error", "Warning", "Info"], ["Responsible Government body", "Indicator", ""]),
])
def test_severity_and_field_are_in_the_reports_language(lang, severities, fields):
    rows = plan_flags(_report(), lang, {"Plan"}).check_rows
    assert [row[0] for row in rows] == severities
    assert [row[5] for row in rows] == fields
