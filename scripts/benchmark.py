"""Speed and memory of the workshop flow at global scale, as ratios against plain baselines.

    python scripts/benchmark.py                 # full run, a few minutes on 2 cores
    python scripts/benchmark.py --quick         # small sizes, under a minute
    python scripts/benchmark.py --smoke         # tiny sizes: every stage runs (the test), no figure to read
    python scripts/benchmark.py --json out.json --repeat 5 --out work/ --tracemalloc

Each stage runs on the same input as a baseline that does the plain part of the job with
pandas or openpyxl alone, in the same run. The ratio (stage / baseline) is the figure to compare
across machines and commits; seconds and megabytes depend on the machine. Stages, in the order a
workshop meets them:

- import: `upr recommendations import` on the real UPR Info export, all States (28,242 rows);
  baseline pandas.read_csv of the same file.
- classify: `upr recommendations classify` (action category and issues inferred from every text of
  the same file); baseline pandas.read_csv and each text's first word.
- list workbook: writing the imported list; baseline openpyxl writing the same cells.
- groups make: one State's full list and a 2,000-recommendation stress list; baseline openpyxl
  loading the committed template and pasting each group's list cells in, for as many workbooks.
- fill: participants type one implementation-plan row and one action-strategy row per
  recommendation of their group (addin.demo.fill_matrix); baseline openpyxl load, same cells, save.
- validate: `upr validate` on the filled workbooks; baseline openpyxl.load_workbook of each.
- merge: `upr merge` into a new master; baseline openpyxl loading every input and writing a
  workbook with the master's sheets, rows and columns.

Every measurement runs in a fresh process, as a CLI command does. Time is the best of --repeat
runs. Memory is the growth of the resident set size during the run (peak minus the size at its
start); --tracemalloc adds the peak of Python allocations, from one more run that is 2 to 4 times
slower. The real export is read from ../shared/data and never copied into the repository; without
it a clearly labelled synthetic list is made from the bundled fictional example.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
# The working tree is what is measured, whatever copy of the package is installed.
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import coalition  # noqa: E402  (scripts/coalition.py: the coalition case)

REAL_EXPORT = REPO.parent / "shared" / "data" / "upr-info" / "upr-info-export-sessions01-15.csv"
SIZES = {  # source rows (None: the whole export) and stress-list length
    "full": {"rows": None, "stress": 2000, "repeat": 3},
    "quick": {"rows": 1500, "stress": 300, "repeat": 1},
    "smoke": {"rows": 300, "stress": 60, "repeat": 1},
}
SYNTHETIC_FULL_ROWS = 28242  # as many as the real export
MB = 1024 * 1024


# --- work files, made once per run (not measured) -----------------------------------------

def write_synthetic_export(target: Path, rows: int) -> None:
    """The bundled fictional example, repeated under new State names and sessions (new IDs)."""
    from addin.demo import example_source

    with example_source().open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, example = reader.fieldnames, list(reader)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for n in range(rows):
            copy = n // len(example)
            row = dict(example[n % len(example)])
            row["To"] = f"Examplia {copy + 1} (fictional example)"
            row["Session"] = str(1 + copy % 15)
            writer.writerow(row)


def write_head(source: Path, target: Path, rows: int) -> None:
    with source.open(encoding="utf-8", newline="") as handle, target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for n, row in enumerate(csv.reader(handle)):
            if n > rows:
                break
            writer.writerow(row)


def prepare(work: Path, mode: str) -> dict:
    """The source file and the two lists the later stages start from."""
    from collections import Counter

    from addin.groups import GroupMapping
    from addin.recommendations import import_recommendations, write_list_workbook

    size = SIZES[mode]
    work.mkdir(parents=True, exist_ok=True)
    if REAL_EXPORT.exists():
        if size["rows"] is None:
            source, label = REAL_EXPORT, f"UPR Info export, sessions 1-15 ({REAL_EXPORT.name})"
        else:
            source = work / "source.csv"
            write_head(REAL_EXPORT, source, size["rows"])
            label = f"first {size['rows']:,} rows of the UPR Info export ({REAL_EXPORT.name})"
    else:
        rows = size["rows"] or SYNTHETIC_FULL_ROWS
        source = work / "source.csv"
        write_synthetic_export(source, rows)
        label = (f"SYNTHETIC: {rows:,} rows repeating the bundled fictional example "
                 f"({REAL_EXPORT} not found)")
    with source.open(encoding="utf-8", newline="") as handle:
        source_rows = sum(1 for _ in csv.reader(handle)) - 1

    mapping = GroupMapping.default()
    recs = import_recommendations(source, mapping=mapping).recommendations
    (state, session), _ = Counter((r.state, r.session) for r in recs).most_common(1)[0]
    lists = {
        "state": ([r for r in recs if (r.state, r.session) == (state, session)],
                  f"{state}, session {session}"),
        "stress": (recs[:size["stress"]], "first of the export, many States"),
    }
    plan = {"mode": mode, "source": str(source), "source_label": label, "source_rows": source_rows,
            "recommendations": len(recs), "lists": {}}
    for case, (chosen, about) in lists.items():
        folder = work / case
        folder.mkdir(exist_ok=True)
        write_list_workbook(chosen, folder / "recommendations.xlsx", mapping=mapping)
        plan["lists"][case] = {"recommendations": len(chosen), "about": about}
    (work / "plan.json").write_text(json.dumps(plan, indent=2), encoding="utf-8")
    return plan


# --- stages and baselines (run inside a worker process) -------------------------------------

@dataclass
class Stage:
    run: Callable[[], object]
    scale: str
    reset: Callable[[], None] = lambda: None  # before each run, not measured


def _plain_write(path: Path, sheets: list[tuple[str, list[list]]]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title[:31])
        for row in rows:
            ws.append(row)
    wb.save(path)


def _fresh_copy(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)


def _fill_plan(work: Path, case: str) -> list[tuple[str, str, list[tuple[str, dict]]]]:
    """(workbook name, matrix kind, rows): one row per recommendation of the group, in each matrix,
    with the demo's values (complete rows and rows with the usual problems)."""
    from addin.demo import DEMO_FILLS
    from addin.groupbooks import book_path
    from addin.groups import GroupMapping
    from addin.recommendations import import_recommendations
    from addin.schema import MATRICES

    mapping = GroupMapping.default()
    recs = import_recommendations(work / case / "recommendations.xlsx", mapping=mapping).recommendations
    plan = []
    for group in mapping.groups:
        mine = [r.id for r in recs if group.key in r.groups]
        for sheet in MATRICES:
            values = [v for fills in DEMO_FILLS.values() for kind, _, v in fills if kind == sheet.kind]
            rows = [(rec_id, values[i % len(values)]) for i, rec_id in enumerate(mine)]
            if rows:
                plan.append((book_path(Path(), group.label("en"), sheet.title("en")).name, sheet.kind, rows))
    return plan


def stage_import(work: Path, plan: dict, case: str, baseline: bool) -> Stage:
    source = Path(plan["source"])
    scale = f"{plan['source_rows']:,} rows, all States"
    if baseline:
        import pandas

        return Stage(lambda: pandas.read_csv(source), scale)
    from addin.groups import GroupMapping
    from addin.recommendations import import_recommendations

    mapping = GroupMapping.default()
    return Stage(lambda: import_recommendations(source, mapping=mapping), scale)


def stage_classify(work: Path, plan: dict, case: str, baseline: bool) -> Stage:
    source = Path(plan["source"])
    scale = f"{plan['source_rows']:,} texts, all States"
    if baseline:
        import pandas

        def first_words() -> list[str]:
            # The plain part of the job: read the texts and take each one's first word, which is all
            # the first-verb baseline classifies by.
            texts = pandas.read_csv(source)["Text"].fillna("").astype(str)
            return [t.split(maxsplit=1)[0].lower() if t.strip() else "" for t in texts]
        return Stage(first_words, scale)
    from addin.intelligence import classify_csv

    return Stage(lambda: classify_csv(source), scale)


def stage_list_workbook(work: Path, plan: dict, case: str, baseline: bool) -> Stage:
    from addin.groups import GroupMapping
    from addin.recommendations import import_recommendations, recommendation_rows, write_list_workbook
    from addin.schema import RECOMMENDATIONS

    mapping = GroupMapping.default()
    recs = import_recommendations(Path(plan["source"]), mapping=mapping).recommendations
    scale = f"{len(recs):,} recommendations"
    target = work / "global" / ("baseline.xlsx" if baseline else "recommendations.xlsx")
    target.parent.mkdir(exist_ok=True)
    if baseline:
        rows = [[c.label("en") for c in RECOMMENDATIONS.columns]] + recommendation_rows(recs, "en", mapping)
        return Stage(lambda: _plain_write(target, [(RECOMMENDATIONS.en, rows)]), scale)
    return Stage(lambda: write_list_workbook(recs, target, mapping=mapping), scale)


def stage_groups_make(work: Path, plan: dict, case: str, baseline: bool) -> Stage:
    import openpyxl

    from addin.groupbooks import book_path, make_group_workbooks
    from addin.groups import GroupMapping
    from addin.recommendations import import_recommendations, recommendation_rows
    from addin.schema import MATRICES, RECOMMENDATIONS
    from addin.templates import TEMPLATE_FILES

    about = plan["lists"][case]
    scale = f"{about['recommendations']:,} recommendations ({about['about']})"
    mapping = GroupMapping.default()
    source = work / case / "recommendations.xlsx"
    if not baseline:
        return Stage(lambda: make_group_workbooks(source, work / case / "blank", mapping=mapping, force=True),
                     scale)
    # The plain way to the same books: copy the committed template, paste the group's list in.
    recs = import_recommendations(source, mapping=mapping).recommendations
    outdir = work / case / "baseline-blank"
    outdir.mkdir(exist_ok=True)
    books = []
    for group in mapping.groups:
        rows = recommendation_rows([r for r in recs if group.key in r.groups], "en", mapping)
        books += [(REPO / "templates" / TEMPLATE_FILES[s.kind], book_path(outdir, group.label("en"), s.title("en")),
                   rows) for s in MATRICES]

    def run() -> None:
        for template, path, rows in books:
            wb = openpyxl.load_workbook(template)
            ws = wb[RECOMMENDATIONS.en]
            for r, row in enumerate(rows, start=2):
                for c, value in enumerate(row, start=1):
                    ws.cell(r, c).value = value
            wb.save(path)
    return Stage(run, scale)


def stage_fill(work: Path, plan: dict, case: str, baseline: bool) -> Stage:
    import openpyxl

    from addin.demo import fill_matrix
    from addin.schema import matrix
    from addin.templates import choice_label

    fills = _fill_plan(work, case)
    scale = f"{sum(len(rows) for _, _, rows in fills):,} rows typed into {len(fills)} workbooks"
    blank = work / case / "blank"
    if not baseline:
        filled = work / case / "filled"
        return Stage(lambda: [fill_matrix(filled / name, rows, kind=kind) for name, kind, rows in fills],
                     scale, reset=lambda: _fresh_copy(blank, filled))
    from addin.reader import open_workbook

    target = work / case / "baseline-filled"
    labels = {str(r["id"]): choice_label(str(r["id"]), str(r.get("text") or ""))
              for r in open_workbook(work / case / "recommendations.xlsx").recommendations}

    def run() -> None:
        for name, kind, rows in fills:
            sheet = matrix(kind)
            wb = openpyxl.load_workbook(target / name)
            ws = wb[sheet.title("en")]
            for r, (rec_id, values) in enumerate(rows, start=sheet.first_data_row):
                ws.cell(r, sheet.index("recommendation_id")).value = labels[rec_id]
                for key, value in values.items():
                    ws.cell(r, sheet.index(key)).value = value
            wb.save(target / name)
    return Stage(run, scale, reset=lambda: _fresh_copy(blank, target))


def stage_validate(work: Path, plan: dict, case: str, baseline: bool) -> Stage:
    import openpyxl

    from addin.reader import find_workbooks
    from addin.validate import validate_paths

    filled = work / case / "filled"
    files, _ = find_workbooks([filled])
    rows = sum(len(rows) for _, _, rows in _fill_plan(work, case))
    scale = f"{len(files)} workbooks, {rows:,} filled rows"
    if not baseline:
        return Stage(lambda: validate_paths([filled]), scale)
    return Stage(lambda: [openpyxl.load_workbook(path).close() for path in files], scale)


def stage_merge(work: Path, plan: dict, case: str, baseline: bool) -> Stage:
    import openpyxl

    from addin.merge import merge_workbooks
    from addin.reader import find_workbooks

    filled = work / case / "filled"
    files, _ = find_workbooks([filled])
    rows = sum(len(rows) for _, _, rows in _fill_plan(work, case))
    scale = f"{len(files)} workbooks, {rows:,} filled rows, into a new master"
    master = work / case / "master.xlsx"
    if not baseline:
        def clear() -> None:  # a new master each run, not a re-merge
            for old in master.parent.glob("master*.xlsx"):
                old.unlink()
        return Stage(lambda: merge_workbooks([filled], master, recommendations=work / case / "recommendations.xlsx"),
                     scale, reset=clear)
    wb = openpyxl.load_workbook(master)  # written by the stage, which runs first
    shape = [(ws.title, ws.max_row, ws.max_column) for ws in wb.worksheets]
    wb.close()

    def run() -> None:
        values = []
        for path in files:
            book = openpyxl.load_workbook(path)
            values += [v for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row
                       if v is not None and not (isinstance(v, str) and v.startswith("="))]
        sheets = [(title, [[values[(r * cols + c) % len(values)] for c in range(cols)] for r in range(rows)])
                  for title, rows, cols in shape]
        _plain_write(work / case / "baseline-master.xlsx", sheets)
    return Stage(run, scale)


# (key, stage name, case, function, baseline description)
CASES = [
    ("import", "import", "global", stage_import, "pandas.read_csv"),
    ("classify", "classify", "global", stage_classify, "pandas.read_csv + first words"),
    ("list-workbook", "list workbook", "global", stage_list_workbook, "openpyxl write, same cells"),
    ("groups-make-state", "groups make", "state", stage_groups_make, "openpyxl template + same list cells"),
    ("groups-make-stress", "groups make", "stress", stage_groups_make, "openpyxl template + same list cells"),
    ("fill-state", "fill", "state", stage_fill, "openpyxl load + same cells + save"),
    ("fill-stress", "fill", "stress", stage_fill, "openpyxl load + same cells + save"),
    ("validate-state", "validate", "state", stage_validate, "openpyxl.load_workbook"),
    ("validate-stress", "validate", "stress", stage_validate, "openpyxl.load_workbook"),
    ("merge-state", "merge", "state", stage_merge, "openpyxl load all + write same shape"),
    ("merge-stress", "merge", "stress", stage_merge, "openpyxl load all + write same shape"),
]


# --- measuring ----------------------------------------------------------------------------

def _status_kb(field: str) -> int | None:
    try:
        match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    except OSError:
        return None
    return int(match.group(1)) if match else None


def _max_rss_kb() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS


def _start_peak() -> tuple[bool, int]:
    """Linux can reset the peak RSS to the current RSS; elsewhere the process's peak so far is
    the reference, which is why every measurement has a fresh process."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        current = _status_kb("VmRSS")
        if current is not None:
            return True, current
    except OSError:
        pass
    return False, _max_rss_kb()


def _peak_growth_kb(start: tuple[bool, int]) -> int:
    reset, reference = start
    peak = _status_kb("VmHWM") if reset else None
    return max(0, (peak if peak is not None else _max_rss_kb()) - reference)


def measure(stage: Stage, repeat: int, trace: bool) -> dict:
    times, growth = [], []
    for _ in range(repeat):
        stage.reset()
        gc.collect()
        start = _start_peak()
        began = time.perf_counter()
        result = stage.run()  # freed after the clock stops: a CLI frees it at exit, unmeasured
        times.append(time.perf_counter() - began)
        growth.append(_peak_growth_kb(start))
        del result
    out = {"times_s": times, "time_s": min(times), "peak_rss_mb": max(growth) * 1024 / MB,
           "scale": stage.scale}
    if trace:
        stage.reset()
        gc.collect()
        tracemalloc.start()
        stage.run()
        out["python_peak_mb"] = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    return out


def worker(args: argparse.Namespace) -> int:
    work = Path(args.work)
    if args.worker.startswith("coalition:"):
        print(json.dumps(coalition.worker(args.worker.split(":", 1)[1], work)))
        return 0
    plan = json.loads((work / "plan.json").read_text(encoding="utf-8"))
    _, _, case, build, _ = next(c for c in CASES if c[0] == args.worker)
    stage = build(work, plan, case, args.variant == "baseline")
    print(json.dumps(measure(stage, args.repeat, args.tracemalloc)))
    return 0


def run_worker(key: str, variant: str, work: Path, repeat: int, trace: bool) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", key, "--variant", variant,
               "--work", str(work), "--repeat", str(repeat)] + (["--tracemalloc"] if trace else [])
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"{key} ({variant}) failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ratio(value: float | None, base: float | None) -> float | None:
    return value / base if value is not None and base else None


def machine() -> dict:
    return {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(), "python": platform.python_version()}


def table_rows(report: dict) -> tuple[list[str], list[list[str]]]:
    trace = any("python_peak_mb" in r for r in report["stages"])
    headers = ["stage", "case", "scale", "baseline", "time s", "base s", "× time",
               "RSS MB", "base MB", "× RSS"] + (["py MB", "base py MB", "× py"] if trace else [])

    def f(value, spec):
        return "-" if value is None else format(value, spec)

    rows = []
    for r in report["stages"]:
        cells = [r["stage"], r["case"], r["scale"], r["baseline"], f(r["time_s"], ".2f"),
                 f(r["baseline_time_s"], ".2f"), f(r["ratio"], ".1f"), f(r["peak_rss_mb"], ".1f"),
                 f(r["baseline_peak_rss_mb"], ".1f"), f(r["memory_ratio"], ".1f")]
        if trace:
            cells += [f(r.get("python_peak_mb"), ".1f"), f(r.get("baseline_python_peak_mb"), ".1f"),
                      f(r.get("python_memory_ratio"), ".1f")]
        rows.append(cells)
    return headers, rows


def footnote(report: dict) -> str:
    meta = report["meta"]
    return (f"Source: {meta['source']}. Best of {meta['repeat']} run(s); memory is the peak RSS growth during "
            f"the run. {meta['machine']['cpus']} CPUs, Python {meta['machine']['python']}, "
            f"{meta['seconds']:.0f} s in all, {meta['date']}.")


def render(report: dict, console) -> None:
    from rich.table import Table

    headers, rows = table_rows(report)
    table = Table(title="UPR Matrix benchmark: stage / baseline, same input, same run")
    for i, name in enumerate(headers):
        table.add_column(name, justify="left" if i < 4 else "right")
    for cells in rows:
        table.add_row(*cells)
    console.print(table)
    console.print(footnote(report), highlight=False)


def markdown(report: dict) -> str:
    headers, rows = table_rows(report)
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" if i < 4 else "---:" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(lines) + "\n\n" + footnote(report) + "\n"


def main_coalition(args: argparse.Namespace, console) -> int:
    from rich.table import Table

    if not REAL_EXPORT.exists():
        raise SystemExit(f"the coalition case needs the UPR Info export: {REAL_EXPORT} not found")
    work = Path(args.out or tempfile.mkdtemp(prefix="upr-coalition-")).resolve()
    began = time.perf_counter()

    def run_worker(name: str) -> dict:
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", f"coalition:{name}", "--work", str(work)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        if done.returncode != 0:
            raise SystemExit(f"coalition {name} failed:\n{done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])
    try:
        result = coalition.run(work, REAL_EXPORT, args.files, run_worker, console)
    finally:
        if args.out is None:
            shutil.rmtree(work, ignore_errors=True)
    report = {"meta": {"date": dt.datetime.now().isoformat(timespec="seconds"), "mode": "coalition",
                       "source": str(REAL_EXPORT.name), "machine": machine(),
                       "seconds": time.perf_counter() - began},
              "coalition": result}
    headers, rows = coalition.table(result)
    table = Table(title="UPR Matrix benchmark, coalition: each figure in a fresh process")
    for i, name in enumerate(headers):
        table.add_column(name, justify="left" if i == 0 else "right")
    for cells in rows:
        table.add_row(*cells)
    console.print(table)
    console.print(coalition.summary(result), highlight=False)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    if args.markdown:
        lines = ["| " + " | ".join(headers) + " |", "|---|" + "---:|" * (len(headers) - 1)]
        lines += ["| " + " | ".join(cells) + " |" for cells in rows]
        args.markdown.write_text("\n".join(lines) + "\n\n" + coalition.summary(result) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, under a minute")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes, to check that every stage runs and reports its ratios (tests)")
    parser.add_argument("--repeat", type=int, help="runs per measurement, the best is kept (default 3, quick 1)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    parser.add_argument("--out", type=Path, help="keep the work files here (default: a temporary folder)")
    parser.add_argument("--tracemalloc", action="store_true", help="also measure the peak of Python allocations")
    parser.add_argument("--scale", choices=("global", "coalition"), default="global",
                        help="global: every stage of one workshop (default); coalition: merge and validate "
                             "many filled workbooks against pandas and the floor (see scripts/coalition.py)")
    parser.add_argument("--files", type=int, default=coalition.DEFAULT_FILES,
                        help=f"workbooks in the coalition case (default {coalition.DEFAULT_FILES})")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--variant", choices=("stage", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)

    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console.width = 180  # a log or a pipe: keep the table's rows on one line each
    if args.scale == "coalition":
        return main_coalition(args, console)
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    repeat = max(1, args.repeat or SIZES[mode]["repeat"])
    work = args.out or Path(tempfile.mkdtemp(prefix="upr-benchmark-"))
    began = time.perf_counter()
    try:
        plan = prepare(Path(work).resolve(), mode)
        console.print(f"Source: {plan['source_label']}", highlight=False)
        stages = []
        for key, name, case, _, baseline in CASES:
            console.print(f"  {name} ({case})…", highlight=False)
            stage = run_worker(key, "stage", Path(work).resolve(), repeat, args.tracemalloc)
            base = run_worker(key, "baseline", Path(work).resolve(), repeat, args.tracemalloc)
            entry = {
                "key": key, "stage": name, "case": case, "scale": stage["scale"],
                "baseline": baseline,
                "time_s": stage["time_s"], "times_s": stage["times_s"],
                "baseline_time_s": base["time_s"], "baseline_times_s": base["times_s"],
                "ratio": _ratio(stage["time_s"], base["time_s"]),
                "peak_rss_mb": stage["peak_rss_mb"], "baseline_peak_rss_mb": base["peak_rss_mb"],
                "memory_ratio": _ratio(stage["peak_rss_mb"], base["peak_rss_mb"]),
            }
            if args.tracemalloc:
                entry.update(python_peak_mb=stage["python_peak_mb"],
                             baseline_python_peak_mb=base["python_peak_mb"],
                             python_memory_ratio=_ratio(stage["python_peak_mb"], base["python_peak_mb"]))
            stages.append(entry)
        report = {
            "meta": {"date": dt.datetime.now().isoformat(timespec="seconds"), "mode": mode, "repeat": repeat,
                     "source": plan["source_label"], "source_rows": plan["source_rows"],
                     "machine": machine(), "seconds": time.perf_counter() - began},
            "stages": stages,
        }
    finally:
        if args.out is None:
            shutil.rmtree(work, ignore_errors=True)
    render(report, console)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(markdown(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
