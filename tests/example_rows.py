"""The example workshop and implementation-plan rows as a group would type them, shared by the tests
(the example plan runs 2012-2015: Rwanda, session 10, is next reviewed in session 23, November 2015)."""

from pathlib import Path

from typer.testing import CliRunner

from addin.cli import app
from addin.demo import example_source


def make_example_workshop(root: Path) -> Path:
    """The example list through `upr recommendations import` and `upr groups make`, into root/groups."""
    runner = CliRunner()
    listed = runner.invoke(app, ["recommendations", "import", str(example_source()),
                                 "-o", str(root / "recommendations.xlsx")])
    assert listed.exit_code == 0, listed.output
    made = runner.invoke(app, ["groups", "make", str(root / "recommendations.xlsx"), "-o", str(root / "groups")])
    assert made.exit_code == 0, made.output
    return root


TORTURE_LAW = {
    "goal": "Torture is a specific offence under national law",
    "government_action": "Ministry of Justice drafts and tables a bill defining torture",
    "indicator": "Prevention of Torture Act, with a definition consistent with article 1 of the "
                 "Convention against Torture, enacted",
    "baseline": "No specific offence (2011)", "target": "Act enacted", "deadline": "Dec 2014",
    "responsible_body": "Ministry of Justice"}
EXECUTIONS = {
    "goal": "",  # left empty by the group
    "government_action": "Prosecutors investigate every alleged killing by security forces",
    "indicator": "Number of investigations opened into alleged extrajudicial executions by security forces",
    "baseline": "3 (2011)", "target": "40", "deadline": "2015",
    "responsible_body": "Office of the Attorney General"}
PRETRIAL = {
    "goal": "Fewer people are held in pre-trial detention",
    "government_action": "Judiciary reviews the files of all detainees held over six months",
    "indicator": "Percentage of prisoners in pre-trial detention", "baseline": "55% (2011)",
    "target": "35%", "deadline": "sometime next year", "responsible_body": "Judiciary"}
VAGUE = {
    "goal": "Places of detention are monitored by an independent body",
    "government_action": "Cabinet approves the ratification bill",
    "indicator": "Awareness raised", "target": "", "deadline": "2014",
    "responsible_body": "Ministry of Foreign Affairs"}
