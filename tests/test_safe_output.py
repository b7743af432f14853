"""Writing the master safely: one writer at a time, a full disk, a killed run, a symlinked master,
and inputs that are no regular files."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from addin import lock
from addin.cli import app
from addin.files import TEMP_PREFIX
from addin.groups import Group
from addin.master import MasterWorkbook, sheet_names
from addin.merge import merge_workbooks
from addin.metadata import WorkbookMeta
from addin.recommendations import Recommendation, recommendation_rows
from addin.schema import IMPLEMENTATION_PLAN as PLAN
from addin.templates import Rows, build_workbook

from conftest import REPO

WORKERS = 8
runner = CliRunner()


def group_book(path: Path, key: str, goal: str) -> Path:
    """A small group workbook with one filled row."""
    recs = [Recommendation(id="77.1", text="Ratify the Optional Protocol", recommending_states=["Chile"],
                           response="Accepted", issues=["Torture"], action_category=5, groups=[key],
                           state="Examplia", session=10, cycle=1, source="test")]
    group = Group(key, f"Team {key}", f"Équipe {key}")
    wb = build_workbook(PLAN.kind, recommendation_rows=recommendation_rows(recs), group=group,
                        rows=Rows(matrix=5, list=5), meta=WorkbookMeta(kind=PLAN.kind))
    ws = wb[PLAN.title("en")]
    ws.cell(PLAN.first_data_row, PLAN.index("recommendation_id")).value = "77.1"
    ws.cell(PLAN.first_data_row, PLAN.index("goal")).value = goal
    wb.save(path)
    return path


def dead_pid() -> int:
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True).stdout)


def master_goals(master: Path) -> set[str]:
    wb = openpyxl.load_workbook(master, read_only=True)
    rows = list(wb[sheet_names("en")[PLAN.kind]].iter_rows(values_only=True))
    wb.close()
    goal = rows[0].index("Goal")
    return {r[goal] for r in rows[1:]}


WORKER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import addin.merge as merge
    from addin.errors import OutputError

    book, master, log, go = map(Path, sys.argv[1:5])
    real_save = merge.save_workbook

    def watched_save(workbook, target):
        # Inside the lock: nobody else may be writing now. O_EXCL says so without a clock.
        try:
            fd = os.open(log.with_suffix(".writing"), os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            with open(log, "a") as out:
                out.write(f"OVERLAP {os.getpid()}\\n")
            raise
        try:
            with open(log, "a") as out:
                out.write(f"write {book.name}\\n")
            time.sleep(0.1)   # widen the window a second writer would need
            return real_save(workbook, target)
        finally:
            os.close(fd)
            os.unlink(log.with_suffix(".writing"))

    merge.save_workbook = watched_save
    while not go.exists():
        time.sleep(0.01)
    for attempt in range(3000):
        try:
            merge.merge_workbooks([book], master)
            break
        except OutputError as exc:
            if "another merge" not in str(exc):
                raise
            time.sleep(0.02)
    else:
        sys.exit("never got the lock")
""")


def test_eight_merges_on_a_stale_lock_write_one_at_a_time_and_lose_nothing(tmp_path):
    books = [group_book(tmp_path / f"team{i}.xlsx", f"t{i}", f"goal of team {i}") for i in range(WORKERS)]
    master = tmp_path / "out" / "master.xlsx"
    master.parent.mkdir()
    # A merge died holding the lock: its file is left behind, its pid is gone.
    lock.lock_path(master).write_text(json.dumps({"pid": dead_pid(), "host": socket.gethostname(), "time": "x"}))
    log, go = tmp_path / "writes.log", tmp_path / "go"
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    workers = [subprocess.Popen([sys.executable, str(script), str(b), str(master), str(log), str(go)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for b in books]
    go.touch()   # all at once, on the stale lock
    results = [w.communicate(timeout=600) for w in workers]
    assert [w.returncode for w in workers] == [0] * WORKERS, [err[-2000:] for _, err in results]
    writes = log.read_text().splitlines()
    assert not [line for line in writes if line.startswith("OVERLAP")]
    assert sorted(writes) == sorted(f"write team{i}.xlsx" for i in range(WORKERS))
    # Each merge kept the rows of the groups merged before it: no write was lost.
    assert master_goals(master) == {f"goal of team {i}" for i in range(WORKERS)}
    assert not lock.lock_path(master).exists()


def test_a_held_lock_is_never_taken_over_and_a_released_one_is_gone(tmp_path):
    master = tmp_path / "master.xlsx"
    held = lock.acquire(master)
    try:
        with pytest.raises(Exception, match="another merge into this master is running"):
            lock.acquire(master)
        assert json.loads(held.read_text())["pid"] == os.getpid()
    finally:
        lock.release(held)
    assert not held.exists()


def test_a_full_disk_leaves_the_old_master_and_no_temporary_file(tmp_path, monkeypatch):
    book = group_book(tmp_path / "team.xlsx", "t1", "first goal")
    master = tmp_path / "out" / "master.xlsx"
    merge_workbooks([book], master)
    before = master.read_bytes()
    group_book(book, "t1", "second goal")

    def full_disk(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(MasterWorkbook, "save", full_disk)
    result = runner.invoke(app, ["merge", str(book), "-o", str(master)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output
    assert f"{master}: cannot be written (No space left on device); the previous file is unchanged" in lines[0]
    assert master.read_bytes() == before
    assert sorted(p.name for p in master.parent.iterdir()) == ["master.xlsx"]   # no temporary file, lock or backup


def test_temporary_files_of_a_killed_merge_are_removed_by_the_next_run(tmp_path):
    book = group_book(tmp_path / "team.xlsx", "t1", "a goal")
    master = tmp_path / "out" / "master.xlsx"
    master.parent.mkdir()
    killed = master.parent / f"{TEMP_PREFIX}{dead_pid()}-x1y2z3.tmp"
    killed.write_bytes(b"PK half a master")
    live = master.parent / f"{TEMP_PREFIX}{os.getppid()}-a1b2c3.tmp"   # a live process's: left alone
    live.write_bytes(b"PK being written")
    merge_workbooks([book], master)
    assert not killed.exists() and live.exists()


def test_a_symlinked_master_is_written_through_to_its_target(tmp_path):
    book = group_book(tmp_path / "team.xlsx", "t1", "a goal")
    shared = tmp_path / "shared" / "master.xlsx"
    merge_workbooks([book], shared)
    link = tmp_path / "mine" / "master.xlsx"
    link.parent.mkdir()
    link.symlink_to(shared)
    group_book(book, "t1", "a new goal")
    result = merge_workbooks([book], link)
    assert link.is_symlink() and master_goals(shared) == {"a new goal"}
    assert result.backup.parent == shared.parent                     # the backup beside the real master
    assert lock.lock_path(link) == shared.with_name(".~master.xlsx.upr-lock")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_as_input_never_blocks(tmp_path):
    pipe = tmp_path / "plan.xlsx"
    os.mkfifo(pipe)
    csv_pipe = tmp_path / "list.csv"
    os.mkfifo(csv_pipe)
    book = group_book(tmp_path / "team.xlsx", "t1", "a goal")
    outcome = {}

    def run():
        outcome["validate"] = runner.invoke(app, ["validate", str(pipe), str(book)])
        outcome["import"] = runner.invoke(app, ["recommendations", "import", str(csv_pipe),
                                                "-o", str(tmp_path / "out.xlsx")])
        outcome["folder"] = merge_workbooks([tmp_path], tmp_path / "out" / "master.xlsx")

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(120)
    assert not thread.is_alive(), "a read blocked on a named pipe"
    assert outcome["validate"].exit_code == 2 and "this is a named pipe, not a file" in outcome["validate"].output
    assert outcome["import"].exit_code == 2 and "this is a named pipe, not a file" in outcome["import"].output
    skipped = {Path(s.path).name: s.reason for s in outcome["folder"].skipped}
    assert "not a regular file" in skipped["plan.xlsx"] and "not a regular file" in skipped["list.csv"]
