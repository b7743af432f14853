"""The UPR calendar: session dates, the next review of the State under review, and the plan window."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from typer.testing import CliRunner

from addin import upr_calendar
from addin.cli import app
from addin.demo import fill_matrix
from addin.reader import open_workbook
from addin.recommendations import import_recommendations, next_review_for, plan_window_for

from conftest import shared_file
from example_rows import TORTURE_LAW

runner = CliRunner()


def test_the_table_holds_sessions_1_to_54_in_four_cycles_in_order():
    table = upr_calendar.sessions()
    assert sorted(table) == list(range(1, 55))
    assert {n: s.cycle for n, s in table.items()} == {
        n: 1 if n <= 12 else 2 if n <= 26 else 3 if n <= 40 else 4 for n in range(1, 55)}
    assert [s.start.year for s in (table[1], table[12], table[13], table[26], table[27], table[40], table[41],
                                   table[54])] == [2008, 2011, 2012, 2016, 2017, 2022, 2022, 2027]
    for number in range(1, 54):
        assert table[number].start <= table[number].end < table[number + 1].start, number
    assert {s.status for s in table.values()} == {"confirmed", "unconfirmed", "planned"}
    # Only what a public source showed is "confirmed", and it names the source.
    assert all(s.source for s in table.values() if s.status == "confirmed")
    assert [n for n, s in table.items() if s.status == "planned"] == [51, 52, 53, 54]
    assert table[36].start == dt.date(2020, 11, 2)  # postponed from May 2020 (COVID-19)


@pytest.mark.parametrize("session, state, following", [
    (10, "Rwanda", 23), (23, "RWA", 37), (37, "Rwanda", 51),
    (10, "Namibia", 24), (1, "Argentina", 14), (1, "Bahrain", 13), (4, "China", 17), (4, "Germany", 16),
    (3, "Israel", 17), (41, "Bahrain", 55), (None, "Rwanda", None), (0, "", None)])
def test_a_state_keeps_its_place_in_the_order_of_states(session, state, following):
    assert upr_calendar.next_session_number(session, state) == following


def test_beyond_the_table_the_next_review_is_estimated_and_said_so():
    estimated = upr_calendar.next_review(41, "Bahrain")
    assert (estimated.number, estimated.status, estimated.start) == (55, "estimated", dt.date(2027, 5, 1))
    assert estimated.label() == "around May 2027, session 55"
    assert upr_calendar.plan_years(41, "Bahrain") == (2023, 2027)


def test_rwanda_session_10_is_next_reviewed_in_session_23_november_2015():
    rwanda = import_recommendations(shared_file("upr-info", "upr-info-export-sessions01-15.csv"),
                                    state="Rwanda", session=10).recommendations
    assert len(rwanda) == 125
    following = next_review_for(rwanda)
    assert following.label() == "November 2015, session 23"
    assert following.label("fr") == "novembre 2015, session 23"
    assert plan_window_for(rwanda) == (2012, 2015)
    assert upr_calendar.next_review(following.number, "Rwanda").label() == "January 2021, session 37"


def test_validate_names_the_next_review_of_rwanda(tmp_path):
    listed = runner.invoke(app, ["recommendations", "import",
                                 str(shared_file("upr-info", "upr-info-export-sessions01-15.csv")),
                                 "--state", "Rwanda", "--session", "10", "-o", str(tmp_path / "rwanda.xlsx")])
    assert listed.exit_code == 0, listed.output
    made = runner.invoke(app, ["groups", "make", str(tmp_path / "rwanda.xlsx"), "-o", str(tmp_path / "groups")])
    assert made.exit_code == 0, made.output
    assert "Plan: 2012–2015, until the next review (November 2015, session 23)" in made.output
    book = next((tmp_path / "groups").glob("* - Implementation plan.xlsx"))
    meta = open_workbook(book).meta
    assert (meta.session, meta.plan_start, meta.plan_end) == ("10", "2012", "2015")
    filled = tmp_path / "filled.xlsx"
    shutil.copy(book, filled)
    first_id = str(open_workbook(filled).recommendations[0]["id"])
    fill_matrix(filled, [(first_id, dict(TORTURE_LAW, deadline="March 2016"))], kind="implementation_plan")
    for lang, expected in (("en", "after the next review (November 2015, session 23)"),
                           ("fr", "postérieure au prochain examen (novembre 2015, session 23)")):
        result = runner.invoke(app, ["validate", str(filled), "--format", "json", "--lang", lang])
        findings = json.loads(result.stdout)["files"][0]["findings"]
        out_of_cycle = [f for f in findings if f["type"] == "deadline-out-of-cycle"]
        assert len(out_of_cycle) == 1 and expected in out_of_cycle[0]["message"], findings
    # --to overrides the calendar; the message then names the year given, not a session.
    result = runner.invoke(app, ["validate", str(filled), "--format", "json", "--to", "2015", "--from", "2011"])
    messages = [f["message"] for f in json.loads(result.stdout)["files"][0]["findings"]
                if f["type"] == "deadline-out-of-cycle"]
    assert messages and "(November 2015, session 23)" in messages[0]
