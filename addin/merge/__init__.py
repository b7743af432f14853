"""`upr merge`: the groups' workbooks into one master workbook the coalition follows.

merge_workbooks() reads every workbook under the given paths, re-validates each, and writes
the master (see master.py for its layout). It prints nothing: it returns a MergeResult that
the CLI renders with render_summary() and that an Excel button can read directly.

Re-merging into an existing master keeps the coordinator's columns of every row that still
exists. A row is recognised by recommendation ID + group + the group workbook's hidden row
key; without a key, by its content; and, failing both, when it is the only row of that group
for that recommendation on both sides. Rows gone from a group that was merged again move to
"Removed rows"; rows of a group absent from this merge stay as they were.

Coverage: a recommendation is "not addressed" when no group has a row for it in either
matrix, and "cross-cutting" when rows of two or more groups address it; the group columns
then show side by side what each group plans. "Has an action strategy" answers the group
worksheet's own question for the whole coalition.

Text typed outside a matrix (above its header) goes to the "Notes outside the table" sheet,
one row per cell with the group, file, sheet and cell it came from and its value as typed.

The steps live in sources.py (reading), rows.py (rows and re-merge), coverage.py, summary.py
(Summary sheet and console), results.py (what a merge returns) and texts.py (its words).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import OutputError
from ..files import copy_atomically, real_target, save_workbook
from ..ids import id_text
from ..inputs import scan_inputs
from ..lock import output_lock
from ..master import read_master, row_order, write_master
from ..parallel import fewer_collections
from .coverage import _coverage, _group_stats, _place_findings
from .results import MergeResult, SourceResult
from .rows import _collect_rows, _lay_out_columns, _list_kept_sources, _match_previous
from .sources import (_embedded_full_list, _full_list, _load_sources, _master_meta, _recommendation_lookup,
                      _sanity_warnings)
from .summary import _summary, render_summary
from .texts import reason

# The records a MergeResult holds, importable from addin.merge as before the split.
from .results import CoverageRow, GroupStats, PlacedFinding, StrayNote  # noqa: F401  (re-exported)


def backup_path(output: Path, when: dt.datetime) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    candidate = output.with_name(f"{output.stem}.{stamp}.bak{output.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = output.with_name(f"{output.stem}.{stamp}-{n}.bak{output.suffix}")
    return candidate


def merge_workbooks(paths, output, *, lang: str = "en", recommendations: Path | None = None,
                    console=None, now: dt.datetime | None = None, on_file=None, jobs: int = 1) -> MergeResult:
    """Merge the workbooks under paths into the master at output and return what was done.

    console: a rich Console for the progress bar (nothing is printed without one).
    on_file: called with each path once read, e.g. to update Excel's status bar.
    jobs: processes reading and validating sources at once (addin.parallel); the master is the same.
    Raises OutputError when the master cannot be written (open, locked, not a master) and
    InputError when the --recommendations list cannot be read; unusable inputs are skipped.
    """
    if lang not in ("en", "fr"):
        raise ValueError(f"language must be 'en' or 'fr', not {lang!r}")
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise OutputError("merge.reason.xlsx_only", lang=lang, target=output,
                          suggestion=output.with_suffix(".xlsx").name)
    if output.is_dir():
        raise OutputError("errors.output.master_is_folder", lang=lang, output=output, example=output / "master.xlsx")
    if output.exists() and not real_target(output).is_file():   # a pipe or a device would block the read
        raise OutputError("errors.output.master_not_regular", lang=lang, output=output)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    scan = scan_inputs([Path(p) for p in paths], lang)
    files, problems = scan.files, scan.problems
    result = MergeResult(output=output, lang=lang, merged_at=now)
    full_list = _full_list(recommendations, lang)
    with output_lock(output, lang), fewer_collections():   # the whole master is in memory: see parallel
        old = read_master(output) if output.exists() else None
        sources, loaded, lists, warnings = _load_sources(files, output, lang, console, on_file, scan.read, jobs)
        result.warnings += warnings + scan.notes
        result.sources = [SourceResult(path=p.path or Path(str(p)), status="skipped", reason=p.detail_in(lang),
                                        unusable=True)
                          for p in problems] + sources
        result.sources += [SourceResult(path=p, status="skipped", reason=why, format=p.suffix.lower().lstrip("."))
                           for p, why in scan.skipped]
        if not files and not problems:
            result.sources.append(SourceResult(path=Path(" ".join(map(str, paths))), status="skipped",
                                               reason=reason("no_workbook", lang)))

        if not full_list:   # the whole list each group workbook carries (groups make)
            full_list = _embedded_full_list(lists, lang)
        lookup, embedded = _recommendation_lookup(full_list, lists)
        result.warnings += _sanity_warnings(loaded, lang)
        rows, merged_pairs = _collect_rows(result, loaded, lookup, lang)
        if old is not None:
            result.previous = output
            _match_previous(rows, old, merged_pairs, now.date(), result, lang)
            _list_kept_sources(result, rows, lang)
        for kind in rows:
            rows[kind].sort(key=row_order)
            for i, row in enumerate(rows[kind], start=2):
                row.master_row = i
        result.rows = rows
        _lay_out_columns(result, old, lang)
        _coverage(result, [full_list, list(lists.records.values())] + lists.extra, embedded, lang)
        held = set(lists.records) | {id_text(r.get("id")) for records in lists.extra for r in records}
        result.in_no_workbook = [c.id for c in result.coverage if c.id not in held]
        _group_stats(result, loaded, lang)
        _place_findings(result, loaded, lang)
        _summary(result, lang)
        result.meta = _master_meta(loaded, lang)
        if result.merged:
            _write(result, output, now, jobs)
    return result


def _write(result: MergeResult, output: Path, now: dt.datetime, jobs: int = 1) -> None:
    """Back up the previous master, then replace it atomically; through a symbolic link, the
    link's target is backed up and replaced, and the link stays."""
    workbook = write_master(result, jobs)
    target = real_target(output)
    if target.exists():
        result.backup = backup_path(target, now)
        try:
            copy_atomically(target, result.backup)
        except OutputError as exc:
            result.backup = None
            raise OutputError("errors.output.backup", lang=result.lang, output=output, problem=exc) from exc
    try:
        save_workbook(workbook, target)
    except OutputError:
        if result.backup is not None:   # the master is intact: its copy is not needed
            result.backup.unlink(missing_ok=True)
            result.backup = None
        raise
    result.written = True


__all__ = ["MergeResult", "SourceResult", "merge_workbooks", "render_summary"]
