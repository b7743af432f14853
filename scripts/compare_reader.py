"""Old reader against new: every workbook read through openpyxl (the reader before issue 15) and through
calamine with its XML scan (addin/reader/xlsx_fast.py) must give the same raw sheets, the same
WorkbookData and the same findings and SMART verdicts, or the same error.

    python scripts/compare_reader.py FOLDER_OR_FILE ...      # any workbooks
    python scripts/compare_reader.py --demo --hostile         # the demo's outputs and tests/hostile.py's corpora
    python scripts/compare_reader.py --rwanda                 # Rwanda's workshop, one plan saved by LibreOffice

It prints one line per file that differs, then how many files took the fast path and why the others
did not (openpyxl reads those, so they cannot differ). Exit 1 when any file differs.
tests/test_reader_calamine.py runs the same comparison on its own corpora.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from addin.errors import InputError  # noqa: E402
from addin.reader import workbook as reader_workbook  # noqa: E402
from addin.reader.xlsx import _raw_sheets_openpyxl  # noqa: E402
from addin.reader.xlsx_fast import raw_sheets_fast, raw_sheets_xlsx  # noqa: E402
from addin.validate import validate_workbook  # noqa: E402


@dataclasses.dataclass
class Comparison:
    files: int = 0
    fast: int = 0
    # Why a file was read by openpyxl (first words of the reason) -> how many.
    fallback: Counter = dataclasses.field(default_factory=Counter)
    differences: list[str] = dataclasses.field(default_factory=list)


def _sheets(path: Path, reader) -> object:
    try:
        sheets, meta = reader(path, reader_workbook.workbook_suffix(path))
    except InputError as exc:
        return f"error: {exc}"
    return repr(meta), [(s.name, s.hidden, s.merged, s.comments, [tuple(row) for row in s.rows]) for s in sheets]


def _outcome(path: Path, reader) -> object:
    """(WorkbookData, findings, SMART verdicts, error, skipped, findings as validate reads the file: without
    the merge's list) as reprs, or the error, read through reader."""
    saved = reader_workbook.raw_sheets_xlsx
    reader_workbook.raw_sheets_xlsx = reader
    try:
        data = reader_workbook.open_workbook(path)
        lean = reader_workbook.open_workbook(path, full_list=False)
    except InputError as exc:
        return f"error: {exc}"
    finally:
        reader_workbook.raw_sheets_xlsx = saved
    report = validate_workbook(data)
    return (repr(dataclasses.asdict(data)), repr([dataclasses.asdict(f) for f in report.findings]),
            repr(sorted(report.smart.items(), key=lambda kv: repr(kv[0]))), report.error, report.skipped,
            repr([dataclasses.asdict(f) for f in validate_workbook(lean).findings]))


def _openpyxl_reader(path: Path, suffix: str | None = None, skip: frozenset[str] = frozenset()):
    """The reader before issue 15: every sheet, whatever the caller skips."""
    return _raw_sheets_openpyxl(path, suffix)


def why_not_fast(path: Path) -> str:
    """"" when the fast path reads the file, else why openpyxl does."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return "not .xlsx or .xlsm"
    try:
        raw_sheets_fast(path)
    except Exception as exc:   # noqa: BLE001 - any reason is a reason to say
        return f"{type(exc).__name__}: {exc}"
    return ""


def compare(paths: list[Path]) -> Comparison:
    result = Comparison()
    for path in paths:
        if path.suffix.lower() not in (".xlsx", ".xlsm"):
            continue
        result.files += 1
        reason = why_not_fast(path)
        if reason:
            result.fallback[reason.split(":")[0] + ": " + reason.split(":", 1)[-1].strip()[:60]] += 1
        else:
            result.fast += 1
        if _sheets(path, raw_sheets_xlsx) != _sheets(path, _raw_sheets_openpyxl):
            result.differences.append(f"{path}: raw sheets differ")
            continue
        new, old = _outcome(path, raw_sheets_xlsx), _outcome(path, _openpyxl_reader)
        if new != old:
            which = [name for name, a, b in zip(("data", "findings", "smart", "error", "skipped", "lean findings"),
                                                new, old)
                     if a != b] if isinstance(new, tuple) and isinstance(old, tuple) else ["error"]
            result.differences.append(f"{path}: {', '.join(which)} differ")
    return result


def workbooks(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        else:
            found.append(path)
    return found


def demo_and_hostile(root: Path, demo: bool, hostile: bool, rwanda: bool = False) -> list[Path]:
    found = []
    if rwanda:   # Rwanda's 2011 workshop (tests/rwanda_workshop.py), Justice's plan recalculated by LibreOffice
        import shutil

        sys.path.insert(0, str(REPO / "tests"))
        from conftest import LibreOffice
        from rwanda_workshop import rwanda_workshop

        office = LibreOffice(shutil.which("soffice") or "soffice", root)
        try:
            workshop = rwanda_workshop(root / "rwanda", office)
        finally:
            office.close()
        found += workbooks([workshop["groups"], workshop["plan"], workshop["list"]])
    if demo:
        from addin.demo import run_demo

        run_demo(root / "demo")
        found += workbooks([root / "demo"])
    if hostile:
        sys.path.insert(0, str(REPO / "tests"))
        from hostile import build_corpus, build_lost_corpus

        found += workbooks(list(build_corpus(root / "hostile").files.values()))
        found += workbooks(list(build_lost_corpus(root / "lost").files.values()))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--demo", action="store_true", help="also the outputs of `upr demo`")
    parser.add_argument("--hostile", action="store_true", help="also tests/hostile.py's two corpora")
    parser.add_argument("--rwanda", action="store_true",
                        help="also Rwanda's workshop (needs ../shared and LibreOffice), as tests/rwanda_workshop.py makes it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="upr-compare-") as work:
        paths = workbooks(args.paths) + demo_and_hostile(Path(work), args.demo, args.hostile, args.rwanda)
        result = compare(paths)
    for line in result.differences:
        print(line)
    print(f"{result.files} workbooks compared, {len(result.differences)} differ; "
          f"{result.fast} read by calamine, {result.files - result.fast} by openpyxl:")
    for reason, count in result.fallback.most_common():
        print(f"  {count:4d}  {reason}")
    return 1 if result.differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
