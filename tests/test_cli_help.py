"""What `upr … --help` shows: flags as flags, so nobody types `--annotate true`."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from addin.cli import app


@pytest.mark.parametrize("command", [["validate"], ["merge"], ["groups", "make"],
                                     ["recommendations", "import"]])
def test_help_shows_flags_as_flags(command):
    shown = CliRunner().invoke(app, [*command, "--help"])
    assert shown.exit_code == 0, shown.output
    assert "<bool>" not in shown.output
    flag_lines = [line.split() for line in shown.output.splitlines() if line.strip().startswith("--help")]
    assert flag_lines and flag_lines[0][:2] == ["--help", "Show"]


def test_annotate_is_a_flag_that_takes_no_value():
    shown = CliRunner().invoke(app, ["validate", "--help"]).output
    line = next(line for line in shown.splitlines() if line.strip().startswith("--annotate"))
    assert line.split()[1] == "Write"
