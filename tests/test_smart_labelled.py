"""SMART checker on our own labelled rows (tests/data/smart-labelled.csv), with a dev/test split.

The rows were written and labelled by the rubric of ../shared/data/smart/indicators-dev.csv before the
checker was run on them, from the kinds of indicators OHCHR's indicator tables, national action plans and
UPR mid-term reports hold (structural, process, outcome; English and French). The `split` column says which
rows rules may be changed on (dev) and which are held out (test: the fresh batch I001-I221 of the fourth round); docs/smart.md says
how the split was made. Both figures are printed per criterion (measurements); the held-out rows' misses are not,
so that nobody tunes on them. While rules are being changed, deselect the held-out figure
(--deselect "tests/test_smart_labelled.py::test_accuracy_per_criterion_on_our_labelled_rows[test]").
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conftest import measure, shared_file

from addin.smart import CRITERIA, PlanWindow, assess
from addin.smart import lexicon as lx
from addin.smart.text import fold

LABELLED = Path(__file__).with_name("data") / "smart-labelled.csv"
WINDOW = PlanWindow.from_years(2016, 2020)   # the plan the rows' deadlines are labelled against
KEYS = ("recommendation", "goal", "government_action", "indicator", "baseline", "target", "deadline",
        "responsible_body")
# Floors a little below the figures of the fourth round, 2026-12-01 (dev, 1,594 rows: S .981 M .999 A .987 R .978 T 1;
# the fresh held-out batch I001-I221, looked at once at 03:58 UTC with the rules of 9324e82: S .932 M .982 A .977
# R .814 T 1; with the rules the round started from, 89e0bd3: S .928 M .977 A .977 R .792 T 1), so that a change that
# loses rows fails here. The target is 0.92 on every criterion: R is well under it on the held-out rows.
# docs/smart.md says how the split was made.
FLOORS = {"dev": 0.97, "test": 0.80}


def labelled(split: str) -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["split"] == split]


def accuracy(rows: list[dict[str, str]]) -> tuple[dict[str, float], list[str]]:
    hits = {c: 0 for c in CRITERIA}
    missed = []
    for row in rows:
        result = assess({k: row[k] for k in KEYS}, WINDOW)
        for c in CRITERIA:
            if int(result.verdicts[c].passed) == int(row[c]):
                hits[c] += 1
            else:
                missed.append(f"{row['case_id']} {c}: expected {row[c]} ({result.verdicts[c].reason})")
    return {c: hits[c] / len(rows) for c in CRITERIA}, missed


def test_the_labelled_rows_are_split_and_complete():
    dev, test = labelled("dev"), labelled("test")
    assert len(dev) == 1594 and len(test) == 221
    assert not {r["case_id"] for r in dev} & {r["case_id"] for r in test}
    assert all(row[c] in ("0", "1") for row in dev + test for c in CRITERIA)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_accuracy_per_criterion_on_our_labelled_rows(split):
    rows = labelled(split)
    figures, missed = accuracy(rows)
    name = "held-out test" if split == "test" else "dev"
    line = f"SMART own labelled rows, {name} ({len(rows)} rows): " + "  ".join(
        f"{c}={figures[c]:.3f}" for c in CRITERIA)
    measure(line)
    # Only the dev rows' misses are shown: the held-out rows are not to be tuned on, so not to be read either.
    print("\n" + line + "".join(f"\n    {m}" for m in (missed if split == "dev" else [])))
    assert min(figures.values()) >= FLOORS[split], missed if split == "dev" else f"{len(missed)} held-out misses"


OPCAT = "Ratify the Optional Protocol to the Convention against Torture, in line with article 1 of the Convention"


def test_an_npm_indicator_under_the_opcat_recommendation_is_specific_and_relevant():
    result = assess({"recommendation": OPCAT, "goal": "Detention is monitored independently",
                     "government_action": "Designate the NPM",
                     "indicator": "Number of visits to places of detention carried out by the national "
                                  "preventive mechanism",
                     "baseline": "0 (2015)", "target": "40 per year", "deadline": "2019",
                     "responsible_body": "National Human Rights Commission"}, WINDOW)
    assert result.verdicts["S"].passed and result.verdicts["R"].passed, result.verdicts


def test_training_on_the_convention_does_not_track_its_optional_protocol():
    result = assess({"recommendation": OPCAT, "indicator": "Number of police officers trained on the Convention "
                                                           "against Torture", "target": "500", "deadline": "2019",
                     "responsible_body": "Police Academy"}, WINDOW)
    assert not result.verdicts["R"].passed


# What each R message quotes, and where those words must come from (the English templates).
_R_QUOTES = [
    (re.compile(r"tracks the subject of the recommendation \((?P<shared>.*)\)\.$"), ),
    (re.compile(r"does not track what the recommendation is about \((?P<subject>.*)\)\.$"), ),
    (re.compile(r"concerns the same people \((?P<other>.*)\) but does not track what the recommendation asks "
                r"\((?P<subject>.*)\)\.$"), ),
    (re.compile(r"is about another population \((?P<other>.*)\) than the recommendation \((?P<subject>.*)\)\.$"), ),
    (re.compile(r"is about '(?P<other>.*)', not '(?P<subject>.*)' named in the recommendation\.$"), ),
    (re.compile(r"tracks the row's goal \((?P<shared>.*)\), which is what the recommendation asks for\.$"), ),
    (re.compile(r"counts inputs in the same sector, not what the recommendation asks \((?P<subject>.*)\)\.$"), ),
]


def _listed(text: str) -> list[str]:
    return [item.strip(" .'") for item in text.split(", ") if item.strip(" .'")]


def _in(word: str, text: str) -> bool:
    """Every word of `word` occurs in `text`, up to its ending (stems: 'schools' for 'school')."""
    return all(part[:4] in text for part in re.findall(r"[a-z0-9]+", fold(word)) if len(part) >= 3)


def _check_item(item: str, sources: list[str], case: str, reason: str) -> None:
    folded = fold(item)
    assert not re.fullmatch(r"[\d\s.,%]+", folded), (case, reason)
    assert folded not in lx.STOPWORDS and folded not in lx.WEAK_WORDS, (case, reason)
    assert folded not in lx.REFERENCE_WORDS, (case, reason)
    assert any(_in(item, source) for source in sources), (case, item, reason)


def reason_words_problems(rows: list[dict[str, str]]) -> int:
    """Check the words every R reason and fix quotes; returns how many quoted lists were checked."""
    checked = 0
    for row in rows:
        result = assess({k: row.get(k, "") for k in KEYS}, WINDOW)
        verdict = result.verdicts["R"]
        rec, ind, goal = (fold(row.get(k, "")) for k in ("recommendation", "indicator", "goal"))
        for (pattern,) in _R_QUOTES:
            found = pattern.search(verdict.reason)
            if not found:
                continue
            parts = found.groupdict()
            for item in _listed(parts.get("subject") or ""):
                _check_item(item, [rec], row["case_id"], verdict.reason)
            for item in _listed(parts.get("other") or ""):
                _check_item(item, [ind], row["case_id"], verdict.reason)
            for item in _listed(parts.get("shared") or ""):
                # shared: what both say, quoted in the words of one of them ("drinking water" for "Water", the
                # Optional Protocol named in full when the indicator says "OPCAT", its NPM in the indicator's words)
                _check_item(item, [rec, goal, ind], row["case_id"], verdict.reason)
            checked += 1
        if verdict.fix:
            for item in _listed(verdict.fix.split(": ", 1)[1]):
                _check_item(item, [rec], row["case_id"], verdict.fix)
    return checked


@pytest.mark.parametrize("split", ["dev", "test"])
def test_reasons_name_real_words_never_a_number_or_a_stop_word(split):
    """Issue 14: a reason names words of the indicator and of the recommendation, never '1' or 'the'."""
    extra = [{"case_id": "OPCAT", "recommendation": OPCAT, "indicator": indicator, "deadline": "2019", "target": "10"}
             for indicator in ("Number of prison kitchens renovated",
                               "Number of police officers trained on the Convention against Torture",
                               "Number of visits to places of detention by the national preventive mechanism")]
    assert reason_words_problems(labelled(split) + extra) > len(extra)


def test_reasons_on_the_shared_dev_rows_name_real_words():
    with shared_file("smart", "indicators-dev.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert reason_words_problems(rows) == len(rows)


_S_QUOTES = re.compile(r"(?:asks for|names|singles out) '(?P<item>.*)', but|names a specific population \((?P<people>.*)\), but|"
                       r"asks for this in (?P<place>.*), but neither")


@pytest.mark.parametrize("split", ["dev", "test"])
def test_what_s_reasons_quote_is_the_recommendations_own_words(split):
    """S names what the indicator leaves out in the recommendation's words, accents and all."""
    checked = 0
    for row in labelled(split):
        verdict = assess({k: row[k] for k in KEYS}, WINDOW).verdicts["S"]
        found = _S_QUOTES.search(verdict.reason)
        if not found:
            continue
        for quoted in (found["item"], found["place"]):
            if quoted:
                assert quoted in row["recommendation"], (row["case_id"], verdict.reason)
        for item in _listed(found["people"] or ""):
            _check_item(item, [fold(row["recommendation"])], row["case_id"], verdict.reason)
        checked += 1
    assert checked


def test_the_opcat_recommendation_is_quoted_by_its_name_not_by_keywords():
    result = assess({"recommendation": OPCAT, "indicator": "Number of prison kitchens renovated", "target": "10",
                     "deadline": "2019", "responsible_body": "Prisons Service"}, WINDOW)
    assert not result.verdicts["R"].passed and result.verdicts["S"].passed
    assert result.verdicts["R"].fix.endswith(": Optional Protocol to the Convention against Torture.")
    assert not re.search(r"\b1\b|\barticle\b", result.verdicts["R"].reason + result.verdicts["R"].fix)


def test_a_general_verb_is_not_quoted_as_the_subject():
    result = assess({"recommendation": "Protect children from sexual abuse and exploitation",
                     "indicator": "Number of calls to the child helpline referred to child protection services",
                     "target": "3,000", "deadline": "2019", "responsible_body": "Department of Children's Services"},
                    WINDOW)
    assert result.verdicts["R"].passed
    assert "Protect" not in result.verdicts["R"].reason


def _reasons(row: dict[str, str], lang: str) -> tuple[str, str]:
    verdicts = assess(row, WINDOW, lang).verdicts
    return verdicts["S"].reason, verdicts["R"].reason


def test_a_goal_match_a_bare_input_count_and_a_missing_place_say_so_in_both_languages():
    goal_row = {"recommendation": "Prevent and punish violence against persons with albinism",
                "goal": "Abductions are punished", "target": "20", "deadline": "2019",
                "indicator": "Number of convictions for abductions of persons with albinism"}
    inputs_row = {"recommendation": "Protect children from violence in schools", "goal": "Children are safe at school",
                  "indicator": "Number of schools built", "target": "300", "deadline": "2019"}
    place_row = {"recommendation": "Améliorer l'accès aux soins de santé en milieu rural", "target": "150",
                 "goal": "La santé s'améliore", "indicator": "Nombre de centres de santé construits", "deadline": "2020"}
    # (attacks and murders are violence in the lexicon since the fourth round, so the goal bridges through abductions)
    assert _reasons(goal_row, "en")[1] == ("The indicator tracks the row's goal (Abductions), which is what the "
                                           "recommendation asks for.")
    assert "l'objectif de la ligne (Abductions)" in _reasons(goal_row, "fr")[1]
    assert _reasons(inputs_row, "en")[1].startswith("The indicator counts inputs in the same sector, not what the "
                                                    "recommendation asks (")
    assert "violence" in _reasons(inputs_row, "en")[1] and "moyens" in _reasons(inputs_row, "fr")[1]
    assert _reasons(place_row, "en")[0] == ("The recommendation asks for this in milieu rural, but neither the "
                                            "indicator nor the goal says where.")
    assert _reasons(place_row, "fr")[0] == ("La recommandation vise un lieu précis («\u00a0milieu rural\u00a0»), mais ni "
                                            "l'indicateur ni l'objectif ne disent où.")
