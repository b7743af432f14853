"""`upr demo`: the whole workshop flow on a small bundled example.

The example State, "Examplia (fictional example)", and its 30 recommendations
are invented for demonstration; they are not UPR Info data.
"""

from __future__ import annotations

import itertools
from importlib import resources
from pathlib import Path

import openpyxl

from .files import save_workbook
from .annotate import annotate
from .groupbooks import make_group_workbooks
from .groups import GroupMapping
from .merge import merge_workbooks
from .reader import open_workbook
from .recommendations import import_recommendations, write_list_workbook
from .schema import matrix
from .validate import validate_paths

EXAMPLE_FILE = "example-upr-info-export.csv"

# What participants type in the demo, per group: (kind, words of the recommendation's text,
# values). Some rows are complete, some have the problems facilitators meet.
DEMO_FILLS = {
    "justice": [
        ("implementation_plan", "Adopt a law criminalizing torture", {
            "goal": "Torture is a specific offence under national law",
            "government_action": "Ministry of Justice drafts and tables a bill defining torture",
            "indicator": "Prevention of Torture Act, with a definition consistent with article 1 of the "
                         "Convention against Torture, enacted",
            "baseline": "No specific offence (2011)", "target": "Act enacted", "deadline": "Dec 2014",
            "responsible_body": "Ministry of Justice"}),
        ("implementation_plan", "pre-trial detention", {
            "goal": "Fewer people are held in pre-trial detention",
            "government_action": "Judiciary reviews the files of all detainees held over six months",
            "indicator": "Percentage of prisoners in pre-trial detention", "baseline": "55% (2011)",
            "target": "35%", "deadline": "2015"}),
        ("implementation_plan", "access to justice", {
            "goal": "Justice for all", "government_action": "Government should improve access to justice",
            "indicator": "Improved access to justice", "deadline": "ongoing",
            "responsible_body": "Ministry of Justice"}),
        ("action_strategy", "Adopt a law criminalizing torture", {
            "priority": "High", "cso_activity": "Advocacy with the parliamentary committee on human rights",
            "resources": "USD 3,000 for meetings", "partners": "National Human Rights Commission",
            "start": "Jan 2012", "end": "Dec 2013", "risks": "Bill delayed by elections",
            "mitigation": "Brief all parties before the campaign", "lead_organisation": "Example coalition"}),
    ],
    "women": [
        ("implementation_plan", "domestic violence", {
            "goal": "Women live free from domestic violence",
            "government_action": "Ministry of Gender funds shelters and trains police",
            "indicator": "Number of domestic violence cases against women prosecuted per year",
            "baseline": "120 (2011)", "target": "300 per year", "deadline": "2015",
            "responsible_body": "Ministry of Gender"}),
    ],
    "children": [
        ("implementation_plan", "birth registration", {
            "goal": "Every child is registered at birth",
            "government_action": "Ministry of Local Government opens registration desks in health centres",
            "indicator": "Percentage of children under five with a birth certificate",
            "baseline": "63% (2010)", "target": "90%", "deadline": "sometime soon",
            "responsible_body": "Ministry of Local Government"}),
    ],
}


def example_source() -> Path:
    return Path(str(resources.files("addin") / "example" / EXAMPLE_FILE))


def fill_matrix(path: Path, rows: list[tuple[str, dict[str, object]]], *, kind: str) -> None:
    """Type rows into the first empty data rows, the way a participant would.

    rows: (recommendation ID, {schema key: value}). The ID cell gets the ID, as the dropdown puts it.
    """
    data = open_workbook(path)
    sheet = matrix(kind)
    wb = openpyxl.load_workbook(path)
    ws = wb[data.matrix(kind).sheet]
    used = {r.row for r in data.matrix(kind).rows}
    # Past the template's pre-formatted rows too: zip() would silently drop the rows that do not fit.
    free = (r for r in itertools.count(sheet.first_data_row) if r not in used)
    for (rec_id, values), r in zip(rows, free):
        ws.cell(r, sheet.index("recommendation_id")).value = rec_id
        for key, value in values.items():
            cell = ws.cell(r, sheet.index(key))
            cell.value = value
            if isinstance(value, str) and value[:1] in "=+-@":
                cell.data_type = "s"  # typed text, not a formula
    save_workbook(wb, path)


def run_demo(outdir: Path, *, lang: str = "en", console=None) -> dict[str, Path]:
    say = console.print if console else (lambda *a, **k: None)
    outdir = Path(outdir)
    mapping = GroupMapping.default()
    say("UPR Matrix demo on a fictional example State (not real UPR data).")
    result = import_recommendations(example_source(), mapping=mapping)
    list_path = write_list_workbook(result.recommendations, outdir / "recommendations.xlsx",
                                    lang=lang, mapping=mapping)
    for line in result.summary_lines(mapping, lang=lang):
        say(f"  {line}")
    say(f"1. Recommendation list: {list_path}")

    groups_dir = outdir / "groups"
    # The demo's own folder: its example rows are replaced on every run.
    books, _ = make_group_workbooks(list_path, groups_dir, lang=lang, mapping=mapping, force=True)
    say(f"2. Group workbooks ({len(books)}): {groups_dir}")

    def recommendation_about(words: str) -> str:
        return next(r.id for r in result.recommendations if words.lower() in r.text.lower())

    for group_key, fills in DEMO_FILLS.items():
        group = mapping.group(group_key)
        for kind in ("implementation_plan", "action_strategy"):
            rows = [(recommendation_about(words), values) for k, words, values in fills if k == kind]
            if rows:
                book = next(b for b in books if b.kind == kind and b.group == group.label(lang))
                fill_matrix(book.path, rows, kind=kind)
    say(f"3. Example rows typed in as participants would: {', '.join(DEMO_FILLS)}")

    outputs = {"recommendations": list_path, "groups": groups_dir}
    report = validate_paths([groups_dir], lang=lang)
    checked = []
    for file in report.files:
        if file.findings and not file.error and file.path.suffix == ".xlsx":
            checked.append(annotate(file, lang))
    stats = report.stats
    say(f"4. Validation: {stats['errors']} errors, {stats['warnings']} warnings, {stats['infos']} notes "
        f"in {stats['rows']} rows; annotated copies: {len(checked)} (*.checked.xlsx in {groups_dir})")
    outputs["checked"] = groups_dir

    master = outdir / "master.xlsx"
    merged = merge_workbooks([groups_dir], master, lang=lang, recommendations=list_path)
    say(f"5. Master matrix: {master} ({len(merged.merged)} workbooks merged)")
    outputs["master"] = master
    say(f"Outputs are in {outdir.resolve()}")
    return outputs
