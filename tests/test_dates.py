"""Deadlines as participants write them: English and French, day-first, fiscal years, vague words."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from addin.dates import When, find_when_in_text, parse_when, years_in_text

D = dt.date


@pytest.mark.parametrize("text, start, end", [
    ("2018", D(2018, 1, 1), D(2018, 12, 31)),
    ("Dec 2017", D(2017, 12, 1), D(2017, 12, 31)),
    ("December 2017", D(2017, 12, 1), D(2017, 12, 31)),
    ("31/12/2018", D(2018, 12, 31), D(2018, 12, 31)),
    ("31.12.2018", D(2018, 12, 31), D(2018, 12, 31)),
    ("2018-12-31", D(2018, 12, 31), D(2018, 12, 31)),
    ("12/2018", D(2018, 12, 1), D(2018, 12, 31)),
    ("by end of 2019", D(2019, 12, 1), D(2019, 12, 31)),
    ("by December 2018", D(2018, 12, 1), D(2018, 12, 31)),
    ("end 2019", D(2019, 12, 1), D(2019, 12, 31)),
    ("Q3 2018", D(2018, 7, 1), D(2018, 9, 30)),
    ("mid-2018", D(2018, 6, 1), D(2018, 6, 30)),
    ("2018/19", D(2018, 7, 1), D(2019, 6, 30)),
    ("2015/16", D(2015, 7, 1), D(2016, 6, 30)),
    ("déc. 2018", D(2018, 12, 1), D(2018, 12, 31)),
    ("décembre 2018", D(2018, 12, 1), D(2018, 12, 31)),
    ("fin 2019", D(2019, 12, 1), D(2019, 12, 31)),
    ("d'ici fin 2019", D(2019, 12, 1), D(2019, 12, 31)),
    ("d’ici 2019", D(2019, 1, 1), D(2019, 12, 31)),
    ("31 décembre 2018", D(2018, 12, 31), D(2018, 12, 31)),
    ("1er trimestre 2018", D(2018, 1, 1), D(2018, 3, 31)),
    ("mi-2018", D(2018, 6, 1), D(2018, 6, 30)),
    ("avant fin 2018", D(2018, 12, 1), D(2018, 12, 31)),
    ("June 30, 2019", D(2019, 6, 30), D(2019, 6, 30)),
    ("3rd quarter of 2018", D(2018, 7, 1), D(2018, 9, 30)),
    ("T2 2019", D(2019, 4, 1), D(2019, 6, 30)),
    ("2e semestre 2018", D(2018, 7, 1), D(2018, 12, 31)),
    ("2016-2020", D(2016, 1, 1), D(2020, 12, 31)),
    ("from 2016 to 2018", D(2016, 1, 1), D(2018, 12, 31)),
    ("2018-06", D(2018, 6, 1), D(2018, 6, 30)),
    ("Dec-17", D(2017, 12, 1), D(2017, 12, 31)),
    ("31/12/18", D(2018, 12, 31), D(2018, 12, 31)),
    ("no later than June 2019", D(2019, 6, 1), D(2019, 6, 30)),
    ("Jan 2017 - Dec 2018", D(2017, 1, 1), D(2018, 12, 31)),
])
def test_accepted_forms(text, start, end):
    when = parse_when(text)
    assert when == When(start, end, text)


@pytest.mark.parametrize("text", [
    "ongoing", "ASAP", "soon", "continuous", "regularly", "when possible", "en continu", "dès que possible",
    "permanent", "", "   ", "Ongoing", "annually", "by the next review", "N/A",
])
def test_vague_words_are_no_date(text):
    assert parse_when(text) is None


def test_none_and_non_dates_are_refused():
    assert parse_when(None) is None
    assert parse_when(True) is None
    assert parse_when(float("nan")) is None
    assert parse_when(12) is None
    assert parse_when(150000) is None


def test_cells_read_by_openpyxl():
    assert parse_when(D(2018, 5, 4)) == When(D(2018, 5, 4), D(2018, 5, 4), "2018-05-04")
    assert parse_when(dt.datetime(2019, 1, 2, 3, 4)).end == D(2019, 1, 2)
    assert parse_when(2018).end == D(2018, 12, 31)
    assert parse_when(2018.0).start == D(2018, 1, 1)


def test_excel_serial_numbers():
    assert parse_when(43465).end == D(2018, 12, 31)
    assert parse_when(43465.75).end == D(2018, 12, 31)
    assert parse_when("43465").end == D(2018, 12, 31)


def test_day_first_unless_impossible():
    assert parse_when("5/6/2018").end == D(2018, 6, 5)        # ambiguous: day first
    assert parse_when("13/06/2018").end == D(2018, 6, 13)     # first number > 12 is the day
    assert parse_when("12/31/2018").end == D(2018, 12, 31)    # second number > 12: month first is the only reading
    assert parse_when("31/02/2018") is None                   # no such day: a typo to report, not "2018"


def test_years_in_text():
    assert years_in_text("Rate falls from 55% in 2015 to 35% by 2019 (2015/16 budget)") == [2015, 2019, 2015]
    assert years_in_text("Number of 1,500 cases; article 1989 refers") == []
    assert years_in_text(None) == []


@pytest.mark.parametrize("text, year, month", [
    ("Number of refugee children issued with birth certificates in settlements by December 2018", 2018, 12),
    ("Lower secondary completion rate for girls rises from 38% (2015) to 55% by 2019", 2019, 12),
    ("Proportion of seats held by women reaches 30% by end of 2019", 2019, 12),
    ("Nombre de jugements rendus atteint 200 en 2019", 2019, 12),
    ("Prevalence halved relative to 2015 levels by 2020", 2020, 12),
    ("Taux de 40 % (référence 2015) porté à 60 % d'ici fin 2018", 2018, 12),
])
def test_latest_deadline_in_text(text, year, month):
    when = find_when_in_text(text)
    assert (when.end.year, when.end.month) == (year, month)


@pytest.mark.parametrize("text", [
    "Percentage of prisoners in pre-trial detention falls from 55% in 2015 to 35%",
    "Share of budget: 38% (2015)",
    "Proportion de ménages ayant accès à l'eau potable passant de 45 % en 2015 à 70 %",
    "Prevalence of stunting (DHS 2014) halved",
    "Baseline 2015: 40%",
    "Number of 2000 children registered",
    "Ongoing since 2015",
])
def test_baseline_years_are_not_deadlines(text):
    assert find_when_in_text(text) is None


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_day_first_and_iso_round_trip(day):
    assert parse_when(day.strftime("%d/%m/%Y")).end == day
    assert parse_when(day.isoformat()).start == day
    assert parse_when(day.strftime("%d.%m.%Y")).start == day


@given(st.integers(min_value=20000, max_value=80000))
def test_excel_serials_are_days_after_1899_12_30(serial):
    assert parse_when(serial).start == D(1899, 12, 30) + dt.timedelta(days=serial)


@given(st.integers(min_value=1990, max_value=2099))
def test_fiscal_years_end_in_the_second_year(first):
    when = parse_when(f"{first}/{(first + 1) % 100:02d}")
    assert when.end == D(first + 1, 6, 30)
