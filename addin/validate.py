"""Run the checks over workbooks and collect every finding (never stopping at the first)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from . import upr_calendar
from .checks import ALL_CHECKS, CheckContext
from .errors import InputError
from .findings import Finding
from .messages import message
from .parallel import map_in_order
from .inputs import scan_inputs
from .locale import text as locale_text
from .reader import WorkbookData, open_workbook
from .report import FileReport, Report
from .smart import PlanWindow


def plan_window(data: WorkbookData, first_year: int | None = None,
                last_year: int | None = None) -> PlanWindow | None:
    """The plan window: explicit years win, then the list's metadata, then the UPR calendar."""
    meta = data.meta
    start = first_year or _year(meta.plan_start if meta else None)
    end = last_year or _year(meta.plan_end if meta else None)
    calendar_years = upr_calendar.plan_years(*_review(data)) if not (start and end) else None
    if calendar_years:
        start, end = start or calendar_years[0], end or calendar_years[1]
    if not start:
        return None
    return PlanWindow.from_years(start, end or start + 4)


def _review(data: WorkbookData) -> tuple[int | None, str]:
    """(session, State) of the review the workbook's list comes from."""
    meta = data.meta
    sessions = {_year(r.get("session")) for r in data.recommendations} - {None}
    session = _year(meta.session if meta else None) or (min(sessions) if sessions else None)
    state = (meta.state if meta else "") or next((str(r["state"]) for r in data.recommendations
                                                 if r.get("state")), "")
    return session, state


def next_review_label(data: WorkbookData, window: PlanWindow | None, lang: str) -> str:
    """'November 2015, session 23' when the plan ends in the year of the State's next review."""
    following = upr_calendar.next_review(*_review(data))
    if window is None or following is None or following.start.year != window.end.year:
        return ""
    return following.label(lang)


def _year(value: object) -> int | None:
    try:
        return int(float(str(value).strip()))
    except (TypeError, ValueError):
        return None


def validate_workbook(data: WorkbookData, *, lang: str = "en", first_year: int | None = None,
                      last_year: int | None = None) -> FileReport:
    report = FileReport(path=data.path, kind=data.kind, group=data.group)
    if data.kind == "master" or (not data.matrices and data.kind == "recommendations"):
        report.skipped = message(f"skipped_{data.kind}", lang)
        return report
    if not data.matrices:
        from .reader import HEADER_SEARCH_ROWS

        report.error = f"{data.path}: {message('unrecognised', lang, rows=HEADER_SEARCH_ROWS)}"
        if data.no_matrix_hint:
            report.error += f" The {data.no_matrix_hint}."
        return report
    window = plan_window(data, first_year, last_year)
    next_review = next_review_label(data, window, lang)
    lookup = {str(r["id"]): r for r in data.recommendations}
    for matrix in data.matrices:
        context = CheckContext(file=str(data.path), matrix=matrix, recommendations=lookup,
                               window=window, lang=lang, next_review=next_review)
        checks = [ALL_CHECKS[name]() for name in matrix.schema.checks if name in ALL_CHECKS]
        found: list[Finding] = []
        for check in checks:
            found.extend(check.validate_start(context))
        for row in matrix.rows:
            for check in checks:
                found.extend(check.validate_row(context, row))
        for check in checks:
            found.extend(check.validate_end(context))
        found = _one_finding_per_problem(found)
        report.findings.extend(_once_per_cell(found) if any(r.merged for r in matrix.rows) else found)
        report.rows += len(matrix.rows)
        report.smart.update({(matrix.sheet, row): result
                             for row, result in context.cache.get("smart", {}).items()})
    for notice in data.notices:
        values = dict(notice.values)
        if "typed" in values and not str(values["typed"]).strip():
            values["typed"] = "(vide)" if lang == "fr" else "(empty)"
        if "expected" in values and notice.key:   # the template's header, in the report's language
            values["expected"] = next((m.schema.column(notice.key).label(lang) for m in data.matrices
                                       if notice.key in m.schema.keys), values["expected"])
        report.findings.append(Finding(notice.type, message(notice.message_id, lang, **values),
                                       file=str(data.path), sheet=notice.sheet, cell=notice.cell, row=notice.row,
                                       field=notice.key,
                                       fix=message(notice.fix_id, lang, **values) if notice.fix_id else ""))
    for cell in data.stray:
        shown = " ".join(str(cell.value).split())[:80]   # one line; the master keeps the text exactly
        text = message("stray_comment" if cell.comment else "stray", lang, value=shown, cell=cell.coordinate)
        report.findings.append(Finding("stray-cell", text, file=str(data.path), sheet=cell.sheet,
                                       cell=cell.coordinate, row=cell.row))
    return report


# A deadline that is missing, unreadable or outside the plan also fails SMART's T: the finding on
# the deadline cell says more, so it is the one reported.
_DEADLINE_PROBLEMS = frozenset({"missing-field", "bad-date", "deadline-out-of-cycle"})


def _one_finding_per_problem(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding: SMART's T is dropped where the deadline has its own finding."""
    deadline_rows = {(f.sheet, f.row) for f in findings if f.type in _DEADLINE_PROBLEMS and f.field == "deadline"}
    if not deadline_rows:
        return findings
    return [f for f in findings
            if not (f.type == "smart" and f.criterion == "T" and (f.sheet, f.row) in deadline_rows)]


def _once_per_cell(findings: list[Finding]) -> list[Finding]:
    """A value merged down several rows is one cell: its problem is reported once, on its first row."""
    seen: set[tuple] = set()
    kept = []
    for f in findings:
        key = (f.type, f.sheet, f.cell, f.criterion, f.message)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    return kept


def validate_paths(paths: list[Path], *, lang: str = "en", first_year: int | None = None,
                   last_year: int | None = None, on_file=None, jobs: int = 1) -> Report:
    """Validate every workbook under paths; unusable files are reported, the rest still run.

    jobs: processes reading and validating files at once (addin.parallel); the report is the same.
    """
    scan = scan_inputs(paths, lang)
    files, problems = scan.files, scan.problems
    report = Report(lang=lang)
    for problem in problems:
        report.files.append(FileReport(path=problem.path, kind="unknown", group="", error=problem.text(lang)))
    for path, why in scan.skipped:
        report.files.append(FileReport(path=path, kind="unknown", group="", skipped=why))
    one_file = partial(_validate_file, lang=lang, first_year=first_year, last_year=last_year)
    # Workbooks the scan has read already (a workbook beside its annotated copy) are validated here.
    read_elsewhere = map_in_order(one_file, [p for p in files if p not in scan.read], jobs)
    for path in files:
        report.files.append(one_file(path, data=scan.read[path]) if path in scan.read else next(read_elsewhere))
        if on_file:
            on_file(path)
    if not report.files:
        report.files.append(FileReport(path=Path(" ".join(map(str, paths))), kind="unknown", group="",
                                       error=locale_text("merge.reason.no_workbook", lang)))
    return report


def _validate_file(path: Path, *, lang: str, first_year: int | None, last_year: int | None,
                   data: WorkbookData | None = None) -> FileReport:
    """One workbook's report (data: the workbook when it is read already). Its parsed workbook is dropped
    on return: only the findings and SMART results are kept, so memory grows with what the output shows,
    not with the files (annotating reads the file again)."""
    try:
        data = data or open_workbook(path, full_list=False)   # the merge's list: not a check's business
    except InputError as exc:
        return FileReport(path=path, kind="unknown", group="", error=exc.text(lang))
    return validate_workbook(data, lang=lang, first_year=first_year, last_year=last_year)
