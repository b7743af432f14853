"""The coalition case of scripts/benchmark.py: many filled group workbooks merged and validated at once.

`python scripts/benchmark.py --scale coalition [--files N]` builds N (500 by default) workbooks of 300
filled rows, reproducibly: the five largest reviews of the shared UPR Info export (most recommendations
in one State's session), each through `groups make`, then each group's implementation plan and action
strategy filled with the demo's values (addin.demo.DEMO_FILLS), file after file, round robin over the
five lists, then over each list's groups and their two matrices. The rows of a file start at a different recommendation
and a different fill than its neighbours', so no two files are the same.

Then, each in a fresh process:
- merge: `upr merge` of every file into a new master;
- validate: `upr validate` of every file;
- peer: what a user would write instead, pandas.read_excel of every file, concat, to_excel;
- floor: python-calamine reading every file, and xlsxwriter (constant_memory) writing as many cells
  as the master holds;
- one workbook: `upr validate` of one 300-row implementation plan from the command line (start-up
  included), and in-process as the Excel button calls it (read and validate, in a warm process);
- one workbook of varied text: the same in-process figure on plans whose 300 rows all differ. The demo's
  fill gives the corpus five distinct indicators, so the SMART check reads each text once and the figures
  above flatter it; here each row is one of our own labelled rows (tests/data/smart-labelled.csv, dev
  split, 1,594 rows, nearly all different), as participants' typing would be.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROWS_PER_FILE = 300
LISTS = 5
DEFAULT_FILES = 500
VARIED_FILES = 6   # one to warm the process, five timed
LABELLED_ROWS = Path(__file__).resolve().parents[1] / "tests" / "data" / "smart-labelled.csv"


def build(work: Path, export: Path, files: int) -> dict:
    """The corpus in work/coalition/files (reused when it already holds the same plan)."""
    from addin.demo import DEMO_FILLS, fill_matrix
    from addin.groupbooks import make_group_workbooks
    from addin.groups import GroupMapping
    from addin.recommendations import import_recommendations, write_list_workbook
    from addin.schema import MATRICES

    root = work / "coalition"
    plan_file = root / "corpus.json"
    if plan_file.exists():
        plan = json.loads(plan_file.read_text(encoding="utf-8"))
        if plan["files"] == files and plan["export"] == str(export):
            if "varied" not in plan:
                plan["varied"] = build_varied(root, plan)
                plan_file.write_text(json.dumps(plan, indent=2), encoding="utf-8")
            return plan
    mapping = GroupMapping.default()
    recs = import_recommendations(export, mapping=mapping).recommendations
    reviews = [review for review, _ in Counter((r.state, r.session) for r in recs).most_common(LISTS)]
    matrix_kinds = [m.kind for m in MATRICES]
    blanks: dict[int, list] = {}  # list number -> [(group key, kind, blank workbook, the group's IDs)]

    def blanks_of(number: int) -> list:
        """`groups make` for one review's list, the first time a file needs it."""
        if number not in blanks:
            state, session = reviews[number]
            folder = root / f"list{number + 1}"
            chosen = [r for r in recs if (r.state, r.session) == (state, session)]
            write_list_workbook(chosen, folder / "recommendations.xlsx", mapping=mapping)
            books, _ = make_group_workbooks(folder / "recommendations.xlsx", folder / "blank", mapping=mapping,
                                            force=True)
            found = []
            for book in books:
                group = next((g for g in mapping.groups if g.label("en") == book.group), None)
                mine = [r.id for r in chosen if group and group.key in r.groups]
                if group and mine and book.kind in matrix_kinds:
                    found.append((group.key, book.kind, str(book.path), mine))
            # Each group's implementation plan, then its action strategy.
            blanks[number] = sorted(found, key=lambda b: (b[0], matrix_kinds.index(b[1])))
        return blanks[number]

    values = {m.kind: [v for fills in DEMO_FILLS.values() for kind, _, v in fills if kind == m.kind] for m in MATRICES}
    out = root / "files"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.xlsx"):
        old.unlink()
    made = []
    for n in range(files):
        number = n % len(reviews)  # round robin over the lists, then over each list's groups and matrices
        group, kind, blank, mine = blanks_of(number)[(n // len(reviews)) % len(blanks_of(number))]
        fill = values[kind]
        rows = [(mine[(n + i) % len(mine)], fill[(n + i) % len(fill)]) for i in range(ROWS_PER_FILE)]
        target = out / f"{n + 1:03d} {Path(blank).name}"
        target.write_bytes(Path(blank).read_bytes())
        fill_matrix(target, rows, kind=kind)
        made.append({"path": str(target), "kind": kind, "list": number + 1, "group": group})
    plan = {"files": files, "export": str(export), "rows": files * ROWS_PER_FILE,
            "reviews": [f"{state}, session {session}" for state, session in reviews], "workbooks": made}
    plan["varied"] = build_varied(root, plan)
    plan_file.write_text(json.dumps(plan, indent=2), encoding="utf-8")
    return plan


def build_varied(root: Path, plan: dict) -> list[str]:
    """VARIED_FILES implementation plans of the first list, each row one labelled dev row (its goal, action,
    indicator, baseline, target, deadline and body) under one of the list's recommendations."""
    import csv

    from addin.demo import fill_matrix
    from addin.reader import open_workbook
    from addin.schema import matrix

    first = next(w for w in plan["workbooks"] if w["kind"] == "implementation_plan")
    blank = root / f"list{first['list']}" / "blank" / Path(first["path"]).name.split(" ", 1)[1]
    ids = [r["id"] for r in open_workbook(blank).recommendations]
    with LABELLED_ROWS.open(encoding="utf-8", newline="") as handle:
        labelled = [row for row in csv.DictReader(handle) if row["split"] == "dev"]
    keys = [c.key for c in matrix("implementation_plan").inputs if c.key in labelled[0]]
    out = root / "varied"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    made = []
    for n in range(VARIED_FILES):
        target = out / f"varied {n + 1}.xlsx"
        target.write_bytes(blank.read_bytes())
        picked = [(ids[(n * ROWS_PER_FILE + i) % len(ids)], labelled[(n * ROWS_PER_FILE + i) % len(labelled)])
                  for i in range(ROWS_PER_FILE)]
        fill_matrix(target, [(rec_id, {k: row[k] for k in keys}) for rec_id, row in picked],
                    kind="implementation_plan")
        made.append(str(target))
    return made


# --- figures, each run in its own process ---------------------------------------------------------

def _cpu() -> float:
    """CPU of this process and of the worker processes it has waited for (merge and validate --jobs)."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _workers_peak_mb(jobs: int) -> float:
    """Where /proc cannot be sampled: at most what the worker processes held at once, jobs times the
    largest one's peak. Forked workers share the parent's pages until they write them, so this counts
    some memory twice; and a child started by exec reports its parent's peak as its own (Linux carries
    ru_maxrss across exec), so this over-counts a lot when such a child starts late."""
    if jobs <= 1:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return jobs * ((peak / 1024 / 1024) if sys.platform == "darwin" else peak / 1024)


def _memory(pid: int) -> tuple[float, int, bytes] | None:
    """(resident MB, address space kB, command line) of a process; None when it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    try:
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmSize"].split()[0]), command
    except (KeyError, ValueError, IndexError):   # a zombie has no memory lines
        return None


def _descendants(pid: int) -> list[tuple[int, int]]:
    """(process, its parent) for every descendant of pid, parents first."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop(0)
        try:
            tasks = list(Path(f"/proc/{parent}/task").glob("*/children"))
        except OSError:   # it ended meanwhile (an uncaught error here would end the sampling silently)
            continue
        for task in tasks:
            try:
                children = [int(p) for p in task.read_text().split()]
            except OSError:
                continue
            found += [(child, parent) for child in children]
            todo += children
    return found


class TreeMemory:
    """The largest sum of resident memory of this process and all its descendants at one moment,
    sampled every 50 ms (Linux): what a merge with worker processes holds at once. Forked workers'
    shared pages count in each of them, so the figure is on the high side.

    A child between fork (or vfork) and exec maps its parent's pages and reports its parent's resident
    memory as its own: the merge starts its Findings writer that way (subprocess) while it holds its rows.
    Such a child, the same size as its parent and with its command line (or none yet), is not counted
    again; a sample that fell in that window once reported twice the merge's memory."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self.available = Path("/proc/self/task").is_dir()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.05):
            tree = _descendants(me)
            memory = {pid: _memory(pid) for pid in [me, *(child for child, _ in tree)]}   # parents first
            self.peak_mb = max(self.peak_mb, tree_resident_mb(me, tree, memory))

    def __enter__(self) -> "TreeMemory":
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        if self.available:
            self._thread.join()


def tree_resident_mb(root: int, tree: list[tuple[int, int]], memory: dict) -> float:
    """The resident MB of root and its descendants ((child, parent) pairs) in one sample of _memory, a child
    the same size as its parent and with its command line (or none yet) left out: one between fork and exec."""
    total = memory[root][0] if memory.get(root) else 0.0
    for child, parent in tree:
        mine, theirs = memory.get(child), memory.get(parent)
        if mine is not None and not (theirs and mine[:2] == theirs[:2] and mine[2] in (theirs[2], b"")):
            total += mine[0]
    return total


def _peak_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM starts afresh at exec, where ru_maxrss keeps the
    peak of the process that forked it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak / 1024 / 1024) if sys.platform == "darwin" else peak / 1024


def _files(plan: dict) -> list[Path]:
    return [Path(w["path"]) for w in plan["workbooks"]]


def run_merge(plan: dict, work: Path) -> dict:
    """As `upr merge` runs it: one worker process per core."""
    from addin.merge import merge_workbooks
    from addin.parallel import default_jobs

    master = work / "coalition" / "master.xlsx"
    for old in master.parent.glob("master*.xlsx"):
        old.unlink()
    jobs = default_jobs()
    result = merge_workbooks([work / "coalition" / "files"], master, jobs=jobs)
    return {"merged": len(result.merged), "jobs": jobs, "workers_peak_rss_mb": _workers_peak_mb(jobs)}


def run_validate(plan: dict, work: Path) -> dict:
    """As `upr validate` runs it: one worker process per core."""
    from addin.parallel import default_jobs
    from addin.validate import validate_paths

    jobs = default_jobs()
    report = validate_paths([work / "coalition" / "files"], jobs=jobs)
    return {"rows": report.stats["rows"], "findings": report.stats["findings"], "jobs": jobs,
            "workers_peak_rss_mb": _workers_peak_mb(jobs)}


def run_peer(plan: dict, work: Path) -> dict:
    """The script a user would write: every matrix sheet into one sheet per matrix."""
    import pandas

    from addin.schema import MATRICES

    frames: dict[str, list] = {m.kind: [] for m in MATRICES}
    sheets = {m.kind: m for m in MATRICES}
    for workbook in plan["workbooks"]:
        sheet = sheets[workbook["kind"]]
        frame = pandas.read_excel(workbook["path"], sheet_name=sheet.title("en"), header=sheet.header_row - 1)
        frames[workbook["kind"]].append(frame.dropna(how="all"))
    target = work / "coalition" / "peer.xlsx"
    with pandas.ExcelWriter(target) as writer:
        for kind, parts in frames.items():
            if parts:
                pandas.concat(parts, ignore_index=True).to_excel(writer, sheet_name=sheets[kind].title("en")[:31],
                                                                 index=False)
    return {"rows": sum(len(f) for parts in frames.values() for f in parts)}


def master_cells(work: Path) -> list[tuple[str, int, int]]:
    """(sheet, rows, columns) of the master the merge wrote."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(work / "coalition" / "master.xlsx"))
    shape = []
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python()
        shape.append((name, len(rows), max((len(r) for r in rows), default=0)))
    return shape


def run_floor(plan: dict, work: Path) -> dict:
    """The least any tool must do: read every cell of every file, write as many cells as the master."""
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    shape = json.loads((work / "coalition" / "master-shape.json").read_text(encoding="utf-8"))
    values = []
    for path in _files(plan):
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            values += [v for row in book.get_sheet_by_name(name).to_python() for v in row if v != ""]
    target = work / "coalition" / "floor.xlsx"
    book = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    cells = 0
    for title, rows, columns in shape:
        sheet = book.add_worksheet(title[:31])
        for r in range(rows):
            for c in range(columns):
                sheet.write(r, c, values[(r * columns + c) % len(values)])
        cells += rows * columns
    book.close()
    return {"cells": cells}


def _validated(path: Path):
    """One workbook's report, read and checked as `upr validate` does it (validate_paths: without the
    merge's list, which no check uses)."""
    from addin.validate import validate_paths

    return validate_paths([path]).files[0]


def _first_seen(warm: Path, targets: list[Path]) -> dict:
    """Validate warm, then time each target, read for the first time: the median's wall and CPU seconds."""
    _validated(warm)
    times = []
    for target in targets:
        began, cpu = time.perf_counter(), time.process_time()
        report = _validated(target)
        times.append((time.perf_counter() - began, time.process_time() - cpu, report.rows))
    seconds, cpu_seconds, rows = sorted(times)[len(times) // 2]
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "rows": rows, "workbooks_timed": len(times)}


def run_one_in_process(plan: dict, work: Path) -> dict:
    """Read and validate one workbook in a process that has already validated another (the Excel
    button's case: Python is running, the modules are loaded): the median of five workbooks, each read
    for the first time."""
    plans = [Path(w["path"]) for w in plan["workbooks"] if w["kind"] == "implementation_plan"]
    return _first_seen(plans[0], plans[-5:] if len(plans) > 5 else plans[-1:])


def run_one_varied(plan: dict, work: Path) -> dict:
    """As run_one_in_process, on the plans of varied text: warmed on the first, the median of the next five."""
    first, *targets = [Path(p) for p in plan["varied"]]
    return {**_first_seen(first, targets),
            "distinct_indicators": len({row["indicator"] for row in _varied_rows(targets[len(targets) // 2])})}


def _varied_rows(path: Path) -> list[dict]:
    from addin.reader import open_workbook

    return [row.values for m in open_workbook(path).matrices for row in m.rows]


def run_one_button(plan: dict, work: Path) -> dict:
    """The Validate button of the Excel add-in on the web and on Mac: xlwings Server hands the book the
    client sent (every sheet's values and notes) to addin.excel.validate on `xw.Book(json=...)`, which
    reads it, validates it and queues the fills, notes and Check sheet. Timed from the book to the queued
    actions, the median of five workbooks each seen for the first time, after one other (as above).

    The book is built as the test suite's stand-in for the Office.js client builds it (tests/remote_book.py);
    formulas without saved results arrive empty, and the reader takes their texts from the list by ID, as it
    does for such a file, so the same findings come out."""
    import copy

    # Before xlwings is imported, which registers its remote engine only with a key (PolyForm
    # Noncommercial, free for NGOs: see the README).
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    import xlwings as xw

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from remote_book import payload_from_xlsx

    from addin.excel import validate

    plans = [Path(w["path"]) for w in plan["workbooks"] if w["kind"] == "implementation_plan"]
    targets = plans[-5:] if len(plans) > 5 else plans[-1:]
    books = [payload_from_xlsx(path) for path in [plans[0], *targets]]
    validate(xw.Book(json=copy.deepcopy(books[0])))
    times = []
    for payload in books[1:]:
        book = xw.Book(json=copy.deepcopy(payload))
        began, cpu = time.perf_counter(), time.process_time()
        report = validate(book)
        times.append((time.perf_counter() - began, time.process_time() - cpu, report.rows,
                      len(book.json()["actions"])))
    seconds, cpu_seconds, rows, actions = sorted(times)[len(times) // 2]
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "rows": rows, "actions": actions,
            "workbooks_timed": len(times)}


FIGURES = {"merge": run_merge, "validate": run_validate, "peer": run_peer, "floor": run_floor,
           "one-in-process": run_one_in_process, "one-varied": run_one_varied, "one-button": run_one_button}


def worker(name: str, work: Path) -> dict:
    plan = json.loads((work / "coalition" / "corpus.json").read_text(encoding="utf-8"))
    cpu, began = _cpu(), time.perf_counter()
    with TreeMemory() as tree:
        extra = FIGURES[name](plan, work)
    # Peak RSS: the process tree's sampled peak where /proc has it (TreeMemory), else this process's
    # peak plus at most what its worker processes held (_workers_peak_mb).
    if tree.available:
        peak = max(_peak_mb(), tree.peak_mb)
    else:
        peak = _peak_mb() + extra.get("workers_peak_rss_mb", 0.0)
    return {"wall_s": time.perf_counter() - began, "cpu_s": _cpu() - cpu, "peak_rss_mb": peak,
            "main_peak_rss_mb": _peak_mb(), "tree_peak_rss_mb": tree.peak_mb if tree.available else None, **extra}


# Runs the CLI as `python -m addin.cli` does, then reports the process's own peak memory: ru_maxrss of a child
# would include the memory of the benchmark process it was spawned from.
_CLI_WITH_PEAK = """
import atexit, runpy, sys
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.__stderr__.write("VmHWM " + line.split()[1] + "\\n")
atexit.register(peak)
sys.argv = ["upr"] + sys.argv[1:]
runpy.run_module("addin.cli", run_name="__main__")
"""


def one_workbook_cli(plan: dict, repo: Path, work: Path) -> dict:
    """`upr validate` of one 300-row implementation plan, from process start to exit, as a facilitator
    clicks Validate again and again: the first run fills the compiled-pattern cache (addin/run_cache.py)
    and writes bytecode, as an installed package has it; the figure is the best of the next five, as the
    other benchmarks keep the best of their runs. Python's own start-up is measured the same way beside it."""
    target = next(w["path"] for w in plan["workbooks"] if w["kind"] == "implementation_plan")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["UPR_CACHE_DIR"] = str(work / "coalition" / "cache")
    shutil.rmtree(env["UPR_CACHE_DIR"], ignore_errors=True)
    runs, bare = [], []
    for _ in range(6):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        bare.append(time.perf_counter() - began)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", _CLI_WITH_PEAK, "validate", target], cwd=repo, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, errors = child.communicate()
        wall = time.perf_counter() - began
        if child.returncode not in (0, 1):
            raise SystemExit(f"upr validate {target} failed with exit code {child.returncode}:\n{errors.decode()}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak = [line.split()[1] for line in errors.decode(errors="replace").splitlines() if line.startswith("VmHWM ")]
        runs.append({"wall_s": wall, "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
                     "peak_rss_mb": int(peak[-1]) / 1024 if peak else None})
    best = min(runs[1:], key=lambda run: run["wall_s"])
    return {**best, "first_wall_s": runs[0]["wall_s"], "python_start_s": min(bare)}


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def run(work: Path, export: Path, files: int, run_worker, console) -> dict:
    """Build the corpus, measure every figure in a fresh process, and compute the ratios."""
    began = time.perf_counter()
    plan = build(work, export, files)
    console.print(f"Coalition: {files} workbooks, {plan['rows']:,} rows, from {', '.join(plan['reviews'])} "
                  f"(built in {time.perf_counter() - began:.0f} s)", highlight=False)
    figures = {}
    for name in ("merge", "validate", "peer", "floor", "one-in-process", "one-varied", "one-button"):
        if name == "floor":  # as many cells as the master the merge wrote
            (work / "coalition" / "master-shape.json").write_text(json.dumps(master_cells(work)), encoding="utf-8")
        console.print(f"  {name}…", highlight=False)
        figures[name] = run_worker(name)
    figures["one-cli"] = one_workbook_cli(plan, Path(__file__).resolve().parents[1], work)
    ratios = {}
    for step in ("merge", "validate"):
        for against in ("peer", "floor"):
            ratios[f"{step}/{against}"] = {measure: _ratio(figures[step][measure], figures[against][measure])
                                           for measure in ("wall_s", "cpu_s", "peak_rss_mb")}
    rows = figures["validate"]["rows"]
    return {"files": files, "rows": rows, "reviews": plan["reviews"], "figures": figures, "ratios": ratios,
            "validate_rows_per_s": rows / figures["validate"]["wall_s"],
            "one_workbook_cli_s": figures["one-cli"]["wall_s"],
            "one_workbook_cli_first_run_s": figures["one-cli"]["first_wall_s"],
            "python_start_s": figures["one-cli"]["python_start_s"],
            "one_workbook_in_process_s": figures["one-in-process"]["seconds"],
            "one_varied_workbook_in_process_s": figures["one-varied"]["seconds"],
            "one_workbook_button_s": figures["one-button"]["seconds"]}


def table(result: dict) -> tuple[list[str], list[list[str]]]:
    headers = ["figure", "wall s", "CPU s", "peak RSS MB", "× peer wall", "× floor wall", "× peer RSS",
               "× floor RSS"]

    def f(value, spec=".2f"):
        return "-" if value is None else format(value, spec)

    rows = []
    for name in ("merge", "validate", "peer", "floor", "one-cli"):
        fig = result["figures"][name]
        peer, floor = result["figures"]["peer"], result["figures"]["floor"]
        scaled = name in ("merge", "validate", "peer", "floor")
        rows.append([name, f(fig["wall_s"]), f(fig["cpu_s"]), f(fig["peak_rss_mb"], ".0f"),
                     f(_ratio(fig["wall_s"], peer["wall_s"]) if scaled else None, ".1f"),
                     f(_ratio(fig["wall_s"], floor["wall_s"]) if scaled else None, ".1f"),
                     f(_ratio(fig["peak_rss_mb"], peer["peak_rss_mb"]) if scaled else None, ".1f"),
                     f(_ratio(fig["peak_rss_mb"], floor["peak_rss_mb"]) if scaled else None, ".1f")])
    return headers, rows


def summary(result: dict) -> str:
    return (f"{result['files']} workbooks, {result['rows']:,} rows: validate {result['validate_rows_per_s']:,.0f} "
            f"rows/s; one 300-row workbook {result['one_workbook_cli_s']:.2f} s from the command line "
            f"({result['one_workbook_cli_first_run_s']:.2f} s the first time; Python alone starts in "
            f"{result['python_start_s']:.2f} s), "
            f"{result['one_workbook_in_process_s']:.2f} s in-process "
            f"({result['one_varied_workbook_in_process_s']:.2f} s when all 300 rows differ), "
            f"{result['one_workbook_button_s']:.2f} s behind the Excel button (xlwings Server).")
