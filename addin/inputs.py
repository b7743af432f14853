"""What the files and folders given to validate and merge hold.

Every file found under a folder is either a workbook to read or listed as skipped with its
reason, so that a run summary and the master's Sources sheet name every file: lock and owner
files of office suites, backups, temporary files, other documents. A workbook with an odd name
(a trailing space, no extension) is read by its content. Beside X.xlsx, its annotated copy
X.checked.xlsx is skipped when it holds the same typed content; when the two differ, the one
saved later is read and the choice is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .files import TEMP_PREFIX
from .locale import text
from .reader import WorkbookData, open_workbook, workbook_suffix


@dataclass
class Scan:
    """What the given files and folders hold: workbooks to read, and every other file with its reason."""

    files: list[Path] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)       # unusable: exit 2
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # not input by design, with the reason
    # Workbooks read already while deciding between a workbook and its annotated copy.
    read: dict[Path, WorkbookData] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)                 # which of two copies was taken, and why


def _skip_reason(path: Path) -> str | None:
    """Why a file found in a folder is no input (a key of the catalogue's "inputs" section), or None."""
    name = path.name
    if name.startswith("~$"):
        return "excel_owner"
    if name.startswith(".~lock."):
        return "libreoffice_lock"
    if name.endswith(".upr-lock"):
        return "merge_lock"
    if name.startswith(TEMP_PREFIX) or name.endswith(".tmp"):
        return "temporary"
    if name == ".upr-groups.json":
        return "groups_manifest"
    if name.startswith("._"):
        return "macos_metadata"
    if ".bak." in name:
        return "backup"
    return None


_CHECKED = re.compile(r"\.checked(?=\.[^.]*$)", re.IGNORECASE)


def _typed_content(data: WorkbookData) -> list:
    """Everything typed in a workbook, to compare a workbook with its annotated copy."""
    rows = [(m.sheet, r.row, sorted((k, repr(v)) for k, v in r.values.items()),
             sorted((k, repr(v)) for k, v in r.extras.items())) for m in data.matrices for r in m.rows]
    stray = sorted((c.sheet, c.row, c.column, repr(c.value), c.comment) for c in data.stray)
    group = sorted((k, repr(v)) for k, v in (data.group_sheet.values if data.group_sheet else {}).items())
    return [rows, stray, group]


def _choose_checked_copies(scan: Scan, found: list[Path], lang: str = "en") -> list[Path]:
    """X.xlsx beside X.checked.xlsx: take the one holding the newer typed content, and say so."""
    by_name = {p: p for p in found}
    kept = []
    for path in found:
        if not _CHECKED.search(path.name):
            kept.append(path)
            continue
        bases = [b for b in (path.with_name(_CHECKED.sub("", path.name)),
                             path.with_name(_CHECKED.sub("", path.name)).with_suffix(".xlsx"),
                             path.with_name(_CHECKED.sub("", path.name)).with_suffix(".xlsm")) if b in by_name]
        if not bases:
            kept.append(path)   # the only copy there is: read it
            continue
        base = bases[0]
        try:
            checked_data, base_data = open_workbook(path), open_workbook(base)
        except InputError:
            kept.append(path)   # one of them is unreadable: both go through, and are reported
            continue
        scan.read[path.resolve()], scan.read[base.resolve()] = checked_data, base_data
        if _typed_content(checked_data) == _typed_content(base_data):
            scan.skipped.append((path, text("inputs.same_checked_copy", lang, base=base.name)))
            continue
        newer, older = (path, base) if path.stat().st_mtime >= base.stat().st_mtime else (base, path)
        scan.skipped.append((older, text("inputs.newer_copy", lang, newer=newer.name)))
        scan.notes.append(text("inputs.copies_differ", lang, base=base.name, copy=path.name, newer=newer.name))
        if newer == path:
            kept.append(path)
    # The base of a checked copy found newer was listed before its copy: drop it now.
    dropped = {p for p, _ in scan.skipped}
    return [p for p in kept if p not in dropped]


def scan_inputs(paths: list[Path], lang: str = "en") -> Scan:
    """Expand files and folders (recursively) into workbook paths, in a stable order.

    Every file found under a folder is either to be read or listed as skipped, with its reason;
    a file named explicitly is always read."""
    scan = Scan()
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            in_folder = []
            for candidate in sorted(path.rglob("*")):
                if candidate.is_dir():
                    continue
                reason = _skip_reason(candidate)
                if reason is None and not candidate.is_file():
                    reason = "not_regular"
                if reason is not None:
                    scan.skipped.append((candidate, text(f"inputs.{reason}", lang)))
                elif workbook_suffix(candidate):
                    in_folder.append(candidate)
                elif candidate.suffix.lower() == ".xlsb":
                    scan.problems.append(InputError(candidate, "errors.workbook.xlsb", lang=lang))
                else:
                    scan.skipped.append((candidate, text("inputs.not_workbook", lang, suffix=candidate.suffix)
                                         if candidate.suffix else text("inputs.no_extension", lang)))
            found.extend(_choose_checked_copies(scan, in_folder, lang))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            scan.problems.append(InputError(path, "errors.file.missing_any", lang=lang))
    scan.files = list(dict.fromkeys(p.resolve() if not p.is_symlink() else p.absolute() for p in found))
    return scan
