"""The `upr` command as a user runs it."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest
from typer.testing import CliRunner

from addin import __version__
from addin.cli import app
from addin.smart import CRITERIA

from conftest import measure, shared_file

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("command", [[], ["recommendations"], ["recommendations", "import"],
                                     ["recommendations", "classify"], ["templates", "build"],
                                     ["groups", "make"], ["validate"], ["smart", "check"], ["merge"], ["demo"]])
def test_help_everywhere(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_smart_check_json_lines_reach_the_accuracy_on_the_dev_set():
    dev = shared_file("smart", "indicators-dev.csv")
    result = runner.invoke(app, ["smart", "check", str(dev), "--from", "2016", "--to", "2020", "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    with dev.open(encoding="utf-8") as handle:
        labels = list(csv.DictReader(handle))
    assert [line["row"] for line in lines] == list(range(1, len(labels) + 1))
    for line in lines:
        assert set(line) >= {"row", *CRITERIA, "indicator_type", "reasons"}
        assert line["indicator_type"] in ("structural", "process", "outcome")
    accuracy = {c: sum(line[c] == int(label[c]) for line, label in zip(lines, labels)) / len(labels)
                for c in CRITERIA}
    measure("upr smart check on indicators-dev.csv: " + "  ".join(f"{c}={v:.2f}" for c, v in accuracy.items()))
    assert min(accuracy.values()) >= 0.90, accuracy
    text = runner.invoke(app, ["smart", "check", str(dev), "--from", "2016", "--to", "2020"])
    assert "row 2: S=0 M=0 A=0 R=1 T=0" in text.output


def test_classify_json_lines(tmp_path):
    source = tmp_path / "recs.csv"
    source.write_text("Text,From\nRatify the Convention against Torture,Belgium\n"
                      "Continue and strengthen efforts to combat trafficking in women,France\n", encoding="utf-8")
    result = runner.invoke(app, ["recommendations", "classify", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert (first["row"], first["action"]) == (1, 5)
    assert "Torture and other CID treatment" in first["issues"] and "Justice" in first["groups"]
    assert (second["row"], second["action"]) == (2, 4)
    assert "Trafficking" in second["issues"]
    assert set(first["confidence"]) >= {"action", "issues"} and first["reason"]
    # Bad input is one line naming the file, not a traceback.
    (tmp_path / "numbers.csv").write_text("A,B\n1,2\n", encoding="utf-8")
    for name, problem in (("numbers.csv", "no 'Text' column (found: A, B)"), ("missing.csv", "no such file")):
        result = runner.invoke(app, ["recommendations", "classify", str(tmp_path / name)])
        assert result.exit_code == 2 and f"{name}: {problem}" in result.output, result.output


def test_import_bad_input_is_one_line_and_exit_2(tmp_path):
    no_text = tmp_path / "numbers.csv"
    no_text.write_text("A,B\n1,2\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    for path in (no_text, empty, tmp_path / "missing.csv"):
        result = runner.invoke(app, ["recommendations", "import", str(path), "-o", str(tmp_path / "out.xlsx")])
        assert result.exit_code == 2, result.output
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and path.name in lines[0], result.output
    assert not (tmp_path / "out.xlsx").exists()


def test_templates_build_french(tmp_path):
    result = runner.invoke(app, ["templates", "build", "-o", str(tmp_path), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(tmp_path / "action_strategy.xlsx")
    assert wb.sheetnames[:2] == ["Stratégie d'action", "Fiche du groupe"]


def test_demo_runs_the_whole_flow(tmp_path):
    out = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "fictional example" in result.output
    assert (out / "recommendations.xlsx").exists()
    plans = sorted((out / "groups").glob("* - Implementation plan.xlsx"))
    assert len(plans) == 6
    checked = sorted((out / "groups").glob("*.checked.xlsx"))
    assert checked, "the demo writes annotated copies"
    assert (out / "master.xlsx").exists()
    master = openpyxl.load_workbook(out / "master.xlsx", read_only=True)
    assert {"Implementation plan", "Coverage", "Summary"} <= set(master.sheetnames)
    assert str(out / "master.xlsx") in result.output.replace("\n", "")


def test_groups_make_never_overwrites_filled_workbooks(tmp_path):
    from addin.demo import example_source, fill_matrix

    assert runner.invoke(app, ["recommendations", "import", str(example_source()),
                               "-o", str(tmp_path / "list.xlsx")]).exit_code == 0
    make = ["groups", "make", str(tmp_path / "list.xlsx"), "-o", str(tmp_path / "groups")]
    assert runner.invoke(app, make).exit_code == 0
    assert runner.invoke(app, make).exit_code == 0, "untouched workbooks may be rebuilt"
    plan = tmp_path / "groups" / "Justice - Implementation plan.xlsx"
    fill_matrix(plan, [("EXA-10-002", {"goal": "Typed by a participant"})], kind="implementation_plan")
    before = plan.read_bytes()
    again = runner.invoke(app, make)
    assert again.exit_code == 2
    assert "Justice - Implementation plan.xlsx (1 filled row)" in again.output and "--force" in again.output
    assert plan.read_bytes() == before
    forced = runner.invoke(app, [*make, "--force"])
    assert forced.exit_code == 0 and plan.read_bytes() != before
