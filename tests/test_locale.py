"""The message catalogues: both languages say the same things, plurals agree, and French output is French."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from addin.cli import app
from addin.demo import fill_matrix
from addin.i18n import example_row
from addin.locale import LANGUAGES, catalogue, french_spacing, number, plural_category, text

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def placeholders(message: str) -> set[str]:
    """The values a message needs: its plural counts, and the names it formats in any branch."""
    counts = set(re.findall(r"\{(\w+),\s*plural,", message))
    outside = re.sub(r"\{\w+,\s*plural,", "{", message)
    # a branch's own words ("{# rows}", "{recommendation}") are not values: drop the branches' braces
    names = set()
    for match in re.finditer(r"\{(\w+)(?=[}:!])", outside):
        before = outside[:match.start()].rstrip()
        if not re.search(r"(?:one|other|few|many|two|zero|=\d+)$", before):
            names.add(match.group(1))
    return counts | names


def test_both_catalogues_hold_the_same_messages_with_the_same_values():
    english, french = catalogue("en"), catalogue("fr")
    assert set(english) == set(french)
    for key, message in english.items():
        assert placeholders(message) == placeholders(french[key]), key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_formats(lang):
    """Every message fills with sample values: no stray brace, every plural has an `other` branch."""
    for key, message in catalogue(lang).items():
        values = {name: 2 for name in placeholders(message)}
        for count in (0, 1, 2, 1234):
            values.update({name: count for name in re.findall(r"\{(\w+),\s*plural,", message)})
            filled = text(key, lang, **values)
            assert "{" not in filled and "plural," not in filled and "#" not in filled.replace("#N/A", ""), (key, filled)


def test_plural_rules():
    assert [plural_category(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]
    # French treats 0 and 1 as singular ("0 erreur", "1 erreur", "2 erreurs").
    assert [plural_category(n, "fr") for n in (0, 1, 2)] == ["one", "one", "other"]
    assert text("report.verdict.ok", "en", path="a.xlsx", rows=1) == "✓ a.xlsx: 1 row, no errors."
    assert text("report.verdict.ok", "en", path="a.xlsx", rows=2) == "✓ a.xlsx: 2 rows, no errors."
    assert text("report.verdict.bad", "fr", path="a.xlsx", errors=1, warnings=0, rows=3) == \
        "✗ a.xlsx\u00a0: 1 erreur et 0 avertissement sur 3 lignes."
    assert text("merge.say.files", "fr", merged=1, skipped=2) == "Fichiers\u00a0: 1 fusionné, 2 ignorés"
    assert number(1234567, "fr") == "1\u202f234\u202f567" and number(1234567, "en") == "1,234,567"
    assert "12\u202f345 notes" in text("merge.say.findings", "fr", errors=0, warnings=0, infos=12345)


def test_french_spaces_before_colons_and_inside_guillemets_never_break():
    """LibreOffice and Excel wrap at any plain space: French typography wants "«\u00a0amélioré\u00a0»" and
    "Fichiers\u00a0:" kept together. Only the catalogue's own spaces change, never the values put in it."""
    assert french_spacing("« amélioré » ; oui ! non ? a : b") == \
        "«\u00a0amélioré\u00a0»\u00a0; oui\u00a0! non\u00a0? a\u00a0: b"
    assert french_spacing("https://example.org/a?b 10:30") == "https://example.org/a?b 10:30"
    assert text("errors.quoted", "fr", text="typed : « as is »").count("\u00a0") == 2   # the value kept
    for key, message in catalogue("fr").items():
        assert not re.search(r"« | [»:;!?]", message), (key, message)
    assert "Spécifique\u00a0: " in text("ui.S", "fr") and "«\u00a0amélioré\u00a0»" in text("ui.S", "fr")


def test_no_module_keeps_its_own_table_of_translations():
    """Sentences live in addin/locale; a dict keyed "en"/"fr" with text in Python means a table crept back."""
    offenders = []
    for path in (REPO / "addin").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                if {"en", "fr"} <= keys and any(isinstance(v, ast.Constant) and isinstance(v.value, str)
                                                and " " in v.value for v in node.values):
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not offenders, offenders


# --- French output has no English ----------------------------------------------------------------------

# Words that are English only: any of them in French output is an untranslated string.
ENGLISH_ONLY = {
    "the", "and", "of", "is", "are", "not", "none", "with", "from", "this", "that", "for", "by", "to", "in", "yes",
    "row", "rows", "error", "errors", "warning", "warnings", "cell", "cells", "files", "sheet", "field",
    "wrote", "annotated", "copy", "check", "severity", "coverage", "findings", "summary", "removed", "addressed",
    "skipped", "merged", "kept", "missing", "required", "empty", "recommendations", "recommendation", "group",
    "groups", "outcome", "process", "structural", "lists", "how", "fix", "around", "until", "next", "review",
    "new", "inferred", "mixed", "assign", "dropdown", "label", "assessed", "passed", "rate", "by",
}

FRENCH_LIST = """To,Text,From,Response,Session
Exemplie (exemple fictif),Ratifier le Protocole facultatif se rapportant à la Convention contre la torture et créer un mécanisme national de prévention,Danemark,Acceptée,10
Exemplie (exemple fictif),Adopter une loi érigeant la torture en infraction pénale conformément à la Convention contre la torture,Suisse,Acceptée,10
Exemplie (exemple fictif),Garantir l'accès de toutes les filles à l'enseignement primaire gratuit,Sénégal,Acceptée,10
Exemplie (exemple fictif),Adopter une loi contre les violences domestiques et former les policiers à son application,Espagne,Acceptée,10
Exemplie (exemple fictif),Envisager d'abolir la peine de mort,France,Notée,10
Exemplie (exemple fictif),Renforcer l'indépendance du pouvoir judiciaire,Belgique,Acceptée,10
"""


def _english_words(text_value: str) -> set[str]:
    # what a message quotes was typed by someone: « … » and '…'
    unquoted = re.sub(r"«[^»]*»|'[^']*'", " ", text_value)
    return {w for w in re.findall(r"\w+", unquoted.lower()) if w in ENGLISH_ONLY}


def _visible_strings(path: Path) -> list[tuple[str, str, str]]:
    wb = openpyxl.load_workbook(path)
    found = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" and not ws.title.startswith("Lists") and ws.title != "Listes":
            continue
        found.append((ws.title, "title", ws.title))
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.startswith("="):
                    found.append((ws.title, cell.coordinate, cell.value))
                if cell.comment is not None:
                    found.append((ws.title, cell.coordinate, cell.comment.text))
    return found


def test_french_output_has_no_english_word(tmp_path):
    """A whole French workshop: import, group workbooks, filled rows with problems, validate --annotate, merge."""
    source = tmp_path / "liste.csv"
    source.write_text(FRENCH_LIST, encoding="utf-8")
    listbook, groups, master = tmp_path / "Recommandations.xlsx", tmp_path / "groupes", tmp_path / "Maitre.xlsx"
    console = []
    for args in (["recommendations", "import", str(source), "-o", str(listbook), "--lang", "fr"],
                 ["groups", "make", str(listbook), "-o", str(groups), "--lang", "fr"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        console.append(result.output)
    typed = set()
    plan_books = sorted(groups.glob("* - Plan de mise en œuvre.xlsx"))
    assert plan_books, sorted(p.name for p in groups.iterdir())
    for book in plan_books:
        ids = [r["id"] for r in __import__("addin.reader", fromlist=["open_workbook"]).open_workbook(book)
               .recommendations]
        if not ids:
            continue
        good = example_row("implementation_plan", "fr")
        bad = dict(good, goal=None, deadline="en cours", indicator="Sensibilisation accrue")
        rows = [(ids[0], {k: v for k, v in good.items() if k not in ("recommendation_id", "recommendation")}),
                (ids[-1], {k: v for k, v in bad.items() if k not in ("recommendation_id", "recommendation")})]
        typed |= {str(v) for _, values in rows for v in values.values() if v}
        fill_matrix(book, rows, kind="implementation_plan")
    checked = runner.invoke(app, ["validate", str(groups), "--lang", "fr", "--annotate"])
    assert checked.exit_code == 1, checked.output
    console.append(checked.output)
    merged = runner.invoke(app, ["merge", str(groups), "-o", str(master), "--lang", "fr",
                                 "--recommendations", str(listbook)])
    assert merged.exit_code == 0, merged.output
    console.append(merged.output)

    # What the source list holds (texts, States) is data, in whatever language it came.
    data = typed | {v for _, _, v in _visible_strings(listbook)}
    problems = []
    for line in "\n".join(console).splitlines():
        line = re.sub(r"\S*/\S*|\S+\.\w+", " ", line)   # paths and file names are the user's
        if words := _english_words(line):
            problems.append(("console", line.strip(), sorted(words)))
    outputs = [master, *groups.glob("*.xlsx")]
    assert any(".checked." in p.name for p in outputs)
    for path in outputs:
        for sheet, where, value in _visible_strings(path):
            if value in data or any(value in d for d in data if len(value) > 12) or "/" in value \
                    or re.fullmatch(r"\S+\.\w+", value):
                continue
            if words := _english_words(value):
                problems.append((f"{path.name}!{sheet}!{where}", value[:120], sorted(words)))
            if re.search(r"« | [»:;!?]", value):   # French spacing: see test_french_spaces_...
                problems.append((f"{path.name}!{sheet}!{where}", value[:120], "breakable space"))
    assert not problems, "\n".join(map(str, problems[:80]))


def test_the_task_pane_gets_its_words_from_the_catalogue(monkeypatch):
    """The web add-in's page has no table of its own: it asks the server for the catalogue's section."""
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")
    from fastapi.testclient import TestClient

    from addin.server.app import create_app
    from addin.server.settings import ServerSettings

    words = TestClient(create_app(ServerSettings())).get("/upr/text").json()
    assert set(words) == set(LANGUAGES) and set(words["en"]) == set(words["fr"])
    assert words["fr"]["download"] == text("taskpane.download", "fr") == "Télécharger la matrice"
    # plurals travel as written; the page picks the form with Intl.PluralRules
    assert words["fr"]["merging"] == catalogue("fr")["taskpane.merging"] and "plural," in words["fr"]["merging"]
    script = (REPO / "addin/server/office/static/js/upr-taskpane.js").read_text(encoding="utf-8")
    assert "const TEXT = {" not in script and "/upr/text" in script


# --- Errors for bad input speak the run's language too ------------------------------------------------

def test_french_error_messages_have_no_english_word():
    """Every message of the [errors] section, filled, is French in French (what it quotes aside)."""
    for key, message in catalogue("fr").items():
        if key.startswith("errors."):
            assert not _english_words(text(key, "fr", **{name: 2 for name in placeholders(message)})), key


def test_an_error_names_file_sheet_and_cell_in_either_language():
    from addin.errors import InputError, library_reason

    error = InputError("plan.xlsx", "errors.workbook.sheet_empty", sheet="Plan", cell="B4")
    assert str(error) == "plan.xlsx, sheet 'Plan', cell B4: the sheet is empty"
    assert error.text("fr") == french_spacing("plan.xlsx, feuille « Plan », cellule B4 : la feuille est vide")
    assert error.detail_in("fr") == french_spacing("feuille « Plan », cellule B4 : la feuille est vide")
    # Raised in a worker process (addin.parallel), it arrives whole and still speaks either language.
    import pickle

    again = pickle.loads(pickle.dumps(InputError("cut.xlsx", "errors.file.unreadable", lang="fr",
                                                 reason=library_reason(OSError("boom")))))
    assert str(again) == french_spacing("cut.xlsx : impossible de lire le fichier (« OSError: boom »)")
    assert again.text("en") == "cut.xlsx: cannot read the file (OSError: boom)"


def test_bad_input_gets_a_french_message_in_a_french_run(tmp_path, monkeypatch):
    """Unreadable workbooks, a master that cannot be written, missing files and an empty list: the same
    one-line errors in French as in English, each naming the file (and the sheet when it is known)."""
    import zipfile

    monkeypatch.chdir(tmp_path)
    Path("cut.xlsx").write_bytes(b"PK\x03\x04" + bytes(40))              # a copy cut short
    book = openpyxl.Workbook()
    book.active.title = "Plan"
    book.active["A1"] = "ID"
    book.save("plain.xlsx")
    with zipfile.ZipFile("plain.xlsx") as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"][:200]   # the sheet's XML cut
    with zipfile.ZipFile("damaged.xlsx", "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    Path("a file").write_text("not a folder")
    Path("empty list.csv").write_text("To,Text,From,Response,Session\n", encoding="utf-8")
    runs = {  # the command, then what the English message says
        ("validate", "cut.xlsx"): "cut.xlsx: the file is damaged: it is cut short",
        ("validate", "damaged.xlsx"): "damaged.xlsx, sheet 'Plan': the sheet is damaged",
        ("validate", "missing.xlsx"): "missing.xlsx: no such file or folder",
        ("merge", "plain.xlsx", "-o", "master.ods"): "master.ods: the master is written as .xlsx",
        ("merge", "plain.xlsx", "-o", "a file/master.xlsx"): "a file: cannot create the folder (File exists)",
        ("merge", "cut.xlsx", "-o", "plain.xlsx"): "plain.xlsx exists and is not a UPR Matrix master",
        ("merge", "plain.xlsx", "-o", "master.xlsx", "--recommendations", "empty list.csv"):
            "empty list.csv: no recommendations in the file",
        ("groups", "make", "empty list.csv", "-o", "groups"): "empty list.csv: no recommendations in the file",
        ("groups", "make", "missing.csv", "-o", "groups"): "missing.csv: no such file",
        ("smart", "check", "empty list.csv", "--from", "2016", "--to", "2020"): "empty list.csv: the columns recommendation, goal,",
    }
    for args, english in runs.items():
        said = {lang: runner.invoke(app, [*args, "--lang", lang]) for lang in LANGUAGES}
        assert said["en"].exit_code == said["fr"].exit_code == 2, (args, said["en"].output, said["fr"].output)
        assert english in " ".join(said["en"].output.split()), (args, said["en"].output)
        french = " ".join(said["fr"].output.split())
        named = re.match(r"(.+?\.\w+|a file)\b", english).group(1)   # the file the message names
        assert named in french and (" feuille « Plan »" in french) == ("sheet 'Plan'" in english), (args, french)
        unquoted = french.replace(str(tmp_path), " ").replace(named, " ")   # the paths are the user's
        assert not _english_words(unquoted), (args, french, _english_words(unquoted))
    assert not Path("master.xlsx").exists() and Path("plain.xlsx").stat().st_size and not Path("groups").exists()


def test_groups_assign_speaks_the_workshops_language(tmp_path):
    """`groups assign` has no --lang: it speaks the Unassigned workbook's language, errors included."""
    from example_rows import example_source

    from addin.assign import ASSIGN_HEADER

    listbook, groups = tmp_path / "Recommandations.xlsx", tmp_path / "groupes"
    for args in (["recommendations", "import", str(example_source()), "-o", str(listbook), "--lang", "fr"],
                 ["groups", "make", str(listbook), "-o", str(groups), "--lang", "fr"]):
        assert runner.invoke(app, args).exit_code == 0
    unassigned = groups / f"{text('ui.unassigned', 'fr')}.xlsx"

    book = openpyxl.load_workbook(unassigned)
    column = [c.value for c in book.worksheets[0][1]].index(ASSIGN_HEADER["fr"]) + 1

    def choose(group: str) -> str:
        book = openpyxl.load_workbook(unassigned)
        book.worksheets[0].cell(2, column).value = group
        book.save(unassigned)
        result = runner.invoke(app, ["groups", "assign", str(unassigned), "-o", str(groups)])
        output = " ".join(result.output.replace(str(tmp_path), " ").split())
        assert not _english_words(re.sub(r"\S+\.xlsx", " ", output)), output
        return f"{result.exit_code} {output}"

    cell = f"{openpyxl.utils.get_column_letter(column)}2"
    assert f"2 erreur : /groupes/{unassigned.name}, feuille « Recommandations », cellule {cell} : « Finance » " \
           "n'est pas un groupe de cet atelier" in choose("Finance")
    assigned = choose("Justice")
    assert assigned.startswith("0 ") and "Attribution : 1 recommandation à 1 groupe ; " in assigned, assigned


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_reads_the_same_through_the_fast_formatter(lang):
    """text() formats with str.format unless a French field groups digits: the same text as the Formatter
    that groups them, for every message, with counts of one, many and thousands."""
    from addin.locale import _expand_plurals, _Formatter

    checked = 0
    for key, message in catalogue(lang).items():
        names = set(re.findall(r"\{(\w+)", message))
        if not names:
            continue
        for value in (1, 3, 12345, 2.5):
            values = dict.fromkeys(names, value)
            expanded = _expand_plurals(message, values, lang) if "plural," in message else message
            try:
                expected = _Formatter(lang).format(expanded, **values)
            except (ValueError, KeyError, IndexError):
                continue   # a sample value of a kind this field cannot format
            assert text(key, lang, **values) == expected, (key, value)
            checked += 1
    assert checked > 300
    # The path that groups digits is taken too: French writes 12 345 with a narrow no-break space.
    grouped = [key for key, message in catalogue(lang).items() if re.search(r"\{\w+:[^{}]*,[^{}]*\}", message)]
    assert grouped
    if lang == "fr":
        key = grouped[0]
        values = dict.fromkeys(re.findall(r"\{(\w+)", catalogue(lang)[key]), 12345)
        assert "12\u202f345" in text(key, lang, **values)
