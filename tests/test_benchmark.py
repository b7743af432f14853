"""scripts/benchmark.py runs and reports every stage against its baseline. Speed is never asserted:
the project measures it with the benchmark's ratios, not with timed tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STAGES = {("import", "global"), ("classify", "global"), ("list workbook", "global")} | {
    (stage, case) for stage in ("groups make", "fill", "validate", "merge") for case in ("state", "stress")}


def test_smoke_benchmark_reports_every_stage_with_its_ratios(tmp_path):
    # --smoke runs every stage on tiny sizes: this checks that the benchmark runs, not how fast anything is.
    out = tmp_path / "benchmark.json"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "benchmark.py"), "--smoke", "--json", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))

    assert {(s["stage"], s["case"]) for s in report["stages"]} == STAGES
    assert report["meta"]["mode"] == "smoke" and report["meta"]["machine"]["cpus"]
    for s in report["stages"]:
        where = f"{s['stage']} ({s['case']})"
        assert s["scale"] and s["baseline"], where
        for field in ("time_s", "baseline_time_s", "peak_rss_mb", "baseline_peak_rss_mb"):
            assert s[field] > 0, f"{where}: {field} = {s[field]}"
        assert s["time_s"] == min(s["times_s"]) and s["baseline_time_s"] == min(s["baseline_times_s"]), where
        assert s["ratio"] == pytest.approx(s["time_s"] / s["baseline_time_s"]), where
        assert s["memory_ratio"] == pytest.approx(s["peak_rss_mb"] / s["baseline_peak_rss_mb"]), where
    assert "× time" in done.stdout  # the table was printed


def test_coalition_benchmark_reports_merge_and_validate_against_peer_and_floor(tmp_path):
    from conftest import shared_file

    shared_file("upr-info", "upr-info-export-sessions01-15.csv")  # the corpus is built from the real export
    out = tmp_path / "coalition.json"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "benchmark.py"), "--scale", "coalition",
                           "--files", "2", "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))["coalition"]

    assert result["files"] == 2 and result["rows"] == 600 and len(result["reviews"]) == 5
    for name in ("merge", "validate", "peer", "floor", "one-cli"):
        for measure in ("wall_s", "cpu_s", "peak_rss_mb"):
            assert result["figures"][name][measure] > 0, f"{name} {measure}"
    for step in ("merge", "validate"):
        for against in ("peer", "floor"):
            ratios = result["ratios"][f"{step}/{against}"]
            for measure in ("wall_s", "cpu_s", "peak_rss_mb"):
                figure, base = result["figures"][step][measure], result["figures"][against][measure]
                assert ratios[measure] == pytest.approx(figure / base), f"{step}/{against} {measure}"
    assert result["validate_rows_per_s"] == pytest.approx(600 / result["figures"]["validate"]["wall_s"])
    assert result["one_workbook_in_process_s"] > 0 and result["one_workbook_cli_s"] > 0
    # The same on plans whose rows all differ, as participants type them (the corpus repeats five indicators).
    varied = result["figures"]["one-varied"]
    assert result["one_varied_workbook_in_process_s"] == varied["seconds"] > 0
    assert varied["rows"] == 300 and varied["distinct_indicators"] > 250 and varied["workbooks_timed"] == 5
    assert "when all 300 rows differ" in " ".join(done.stdout.split())   # rich wraps the line where it fits
    # The Excel button's path: the book as the client sends it, validated, its flags queued as actions.
    button = result["figures"]["one-button"]
    assert result["one_workbook_button_s"] == button["seconds"] > 0
    assert button["rows"] == 300 and button["actions"] > 10
    assert result["one_workbook_cli_first_run_s"] == result["figures"]["one-cli"]["first_wall_s"] > 0
    assert 0 < result["python_start_s"] < result["one_workbook_cli_s"]
    assert "rows/s" in done.stdout and "× floor wall" in done.stdout



def test_tree_memory_does_not_count_a_child_between_fork_and_exec_again():
    sys.path.insert(0, str(REPO / "scripts"))
    from coalition import tree_resident_mb

    merge = (560.0, 900_000, b"python\0benchmark.py\0")
    tree = [(2, 1), (3, 1), (4, 1)]
    memory = {1: merge,
              2: (120.0, 700_000, merge[2]),               # a forked worker, grown apart: counted
              3: merge,                                   # vforked, not yet exec'd: its parent's pages
              4: (merge[0], merge[1], b"")}               # the same, its command line being replaced
    assert tree_resident_mb(1, tree, memory) == 680.0
    memory[4] = (12.0, 30_000, b"python\0-m\0addin.master.findings_worker\0")   # after exec: counted
    assert tree_resident_mb(1, tree, memory) == 692.0
    memory[3] = None   # ended between the listing and the reading
    assert tree_resident_mb(1, tree, memory) == 692.0
