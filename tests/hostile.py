"""A corpus of hostile inputs, built from code into a folder (nothing binary is committed).

Every workbook starts from a real group workbook built by the project (templates.build_workbook),
filled the way participants fill it, and is then damaged, disguised or stretched. The test that
runs the product over these files is tests/test_hostile.py; this module only writes them.

    from hostile import build_corpus
    corpus = build_corpus(tmp_path)          # corpus.files: name -> Path
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from addin.groups import DEFAULT_GROUPS
from addin.metadata import WorkbookMeta
from addin.recommendations import Recommendation, recommendation_rows
from addin.schema import ACTION_STRATEGY, IMPLEMENTATION_PLAN, RECOMMENDATIONS
from addin.templates import build_workbook, choice_label
from example_rows import TORTURE_LAW

PLAN, STRATEGY = IMPLEMENTATION_PLAN, ACTION_STRATEGY
GROUPS = {g.key: g for g in DEFAULT_GROUPS}
FIRST = PLAN.first_data_row                    # first data row of a matrix (4)
MATRIX_XML = "xl/worksheets/sheet1.xml"        # the matrix is the first sheet of a group workbook

# A complete, valid row: no error finding (the plan runs 2012-2016).
GOOD_ROW = TORTURE_LAW

# What participants type that a careless reader or writer would damage.
UNICODE_TEXT = {
    "goal": "Les femmes 👩🏽‍⚖️ siègent au tribunal — équité ✊🏿",
    "government_action": "وزارة العدل تعدّل قانون الأحوال الشخصية",   # Arabic, right to left
    "indicator": "מספר השופטות בבתי המשפט (‏אחוז‏) per year",         # Hebrew, RLM marks
    "baseline": "  leading and trailing spaces  ",
    "target": "line one\nline two\ttabbed",
    "notes": "Z\u0351\u0363a\u0310lgo\u200b zero\u2060width \ufeffBOM inside",
}
# Control characters cannot sit in an xlsx as they are; Excel writes them as _xHHHH_ escapes.
CONTROL_TEXT = "bell\x07 escape\x1b unit\x1f end"
LONG_TEXT_LENGTH = 40_000
ZIP_BOMB_BYTES = 200 * 1024 * 1024
FAR_ROW = 1_000_000

XML_BOMB_DTD = """<!DOCTYPE worksheet [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""

# Recommendation texts with a cp1252 character (’) and French accents, for the csv files.
CSV_RECOMMENDATIONS = [
    ("77.1", "Garantir l’accès à la justice pour les femmes « sans délai »", "Belgique"),
    ("77.2", "Ratify the Optional Protocol to the Convention against Torture; "
             "establish a national preventive mechanism", "Denmark"),
    ("77.3", "Adopter une loi érigeant la torture en infraction pénale", "France"),
    ("77.4", "Protect human rights defenders, journalists and bloggers", "Norway"),
]


@dataclass
class Corpus:
    root: Path
    files: dict[str, Path] = field(default_factory=dict)
    # What was typed, per file name: {(sheet row, schema key): value}, to check the round trip.
    typed: dict[str, dict[tuple[int, str], object]] = field(default_factory=dict)
    recommendations: dict[str, str] = field(default_factory=dict)    # id -> text

    def __getitem__(self, name: str) -> Path:
        return self.files[name]


# --- helpers -------------------------------------------------------------------------------------

def _recommendations() -> list[Recommendation]:
    return [Recommendation(id=f"77.{i}", text=f"Recommendation number {i} on detention and torture",
                           recommending_states=["Belgium"], response="Accepted", issues=["Torture"],
                           action_category=5, groups=["justice"], state="Examplia", session=10, cycle=1,
                           source="hostile corpus") for i in (1, 2, 3, 4, 10)]


def _template(path: Path, kind: str = PLAN.kind) -> Path:
    wb = build_workbook(kind, recommendation_rows=recommendation_rows(_recommendations()),
                        group=GROUPS["justice"],
                        meta=WorkbookMeta(kind=kind, plan_start="2012", plan_end="2016",
                                          state="Examplia", session="10"))
    wb.save(path)
    return path


def _put(cell, value) -> None:
    cell.value = value
    if isinstance(value, str) and value[:1] in "=+-@":
        cell.data_type = "s"   # typed text that looks like a formula


def _fill(path: Path, rows: list[tuple[str, dict]], *, sheet=PLAN, formulas: bool = False,
          start: int | None = None) -> dict[tuple[int, str], object]:
    """Type rows from the first data row on; returns what was typed per (row, key)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet.title("en")]
    texts = {r.id: r.text for r in _recommendations()}
    typed = {}
    for r, (rec_id, values) in enumerate(rows, start=start or sheet.first_data_row):
        ws.cell(r, sheet.index("recommendation_id")).value = choice_label(rec_id, texts[rec_id]) \
            if rec_id in texts else rec_id
        for key, value in values.items():
            cell = ws.cell(r, sheet.index(key))
            if formulas:
                cell.value = value
            else:
                _put(cell, value)
            typed[(r, key)] = value
    wb.save(path)
    return typed


def _rewrite_zip(source: Path, target: Path, replace: dict[str, object] | None = None,
                 add: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> Path:
    """Copy a zip member by member; replace maps a name to bytes or to a function of the old bytes."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in drop:
                continue
            data = old.read(info.filename)
            change = replace.get(info.filename)
            if change is not None:
                data = change(data) if callable(change) else change
            new.writestr(info.filename, data)
        for name, data in add.items():
            new.writestr(name, data)
    return target


def _patch_text(old: str, new: str):
    def patch(data: bytes) -> bytes:
        text = data.decode("utf-8")
        assert old in text, f"{old!r} is not in the sheet XML"
        return text.replace(old, new, 1).encode("utf-8")
    return patch


def _csv_bytes(rows: list[list[str]], encoding: str, delimiter: str = ",", bom: bool = False) -> bytes:
    import csv

    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" if bom and encoding == "utf-8" else b"") + data


# --- the corpus ----------------------------------------------------------------------------------

def build_corpus(root: Path) -> Corpus:
    """Write every hostile file into root (add_libreoffice_copies adds the .xls and .ods ones)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root, recommendations={r.id: r.text for r in _recommendations()})
    work = root / ".work"
    work.mkdir(exist_ok=True)
    blank = _template(work / "blank.xlsx")

    def add(name: str, path: Path, typed: dict | None = None) -> Path:
        corpus.files[name] = path
        if typed is not None:
            corpus.typed[path.name] = typed
        return path

    def copy(file_name: str) -> Path:
        target = root / file_name
        shutil.copy2(blank, target)
        return target

    # A good workbook, to mix into every run.
    good = copy("Justice - Implementation plan.xlsx")
    add("good", good, _fill(good, [("77.1", GOOD_ROW)]))
    good_bytes = good.read_bytes()

    # Not workbooks at all.
    add("empty", root / "empty.xlsx").write_bytes(b"")
    add("truncated", root / "truncated.xlsx").write_bytes(good_bytes[: len(good_bytes) // 2])
    add("csv_named_xlsx", root / "export.xlsx").write_bytes(
        _csv_bytes([["Recommendation ID", "Goal"], ["77.1", "A goal"]], "utf-8"))
    add("html_named_xlsx", root / "web export.xlsx").write_bytes(
        b"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Export</title></head><body><table>"
        b"<tr><th>Recommendation ID</th><th>Goal</th></tr><tr><td>77.1</td><td>A goal</td></tr>"
        b"</table></body></html>\n")
    # Compound File header (what a password-protected xlsx really is) and junk.
    add("encrypted", root / "protected.xlsx").write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + bytes(range(256)) * 64)

    # Damaged or hostile XML inside a real workbook.
    add("xml_bomb", _rewrite_zip(good, root / "xml bomb.xlsx", replace={MATRIX_XML: lambda data: (
        XML_BOMB_DTD + data.decode("utf-8").split("?>", 1)[-1]
        .replace("<sheetData>", '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>', 1)
        ).encode("utf-8")}))
    add("damaged_sheet", _rewrite_zip(good, root / "damaged sheet.xlsx",
                                      replace={MATRIX_XML: lambda data: data[: len(data) // 2]}))
    add("zip_bomb", _zip_bomb(good, root / "zip bomb.xlsx"))

    # The matrix sheet renamed, or gone.
    path = copy("renamed sheet.xlsx")
    typed = _fill(path, [("77.2", GOOD_ROW)])
    wb = openpyxl.load_workbook(path)
    wb[PLAN.title("en")].title = "Feuil1"
    wb.save(path)
    add("renamed_sheet", path, typed)

    path = copy("no matrix.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb[PLAN.title("en")]
    wb.save(path)
    add("no_matrix", path)

    # Headers moved down, reordered, in French with odd spaces and case, no metadata.
    add("french_headers", *_french_headers(root / "plan atelier (copie).xlsx"))

    # Merged cells over the data area: one goal for three indicator rows, and on a fourth row one
    # text for goal and government action side by side (the action's cell is then empty).
    path = copy("merged cells.xlsx")
    rows = [("77.1", GOOD_ROW), ("77.1", {**GOOD_ROW, "goal": None, "indicator": "Bill tabled in parliament"}),
            ("77.1", {**GOOD_ROW, "goal": None, "indicator": "Act published in the gazette"}),
            ("77.2", {**GOOD_ROW, "government_action": None})]
    typed = _fill(path, rows)
    wb = openpyxl.load_workbook(path)
    goal, action = PLAN.letter("goal"), PLAN.letter("government_action")
    wb[PLAN.title("en")].merge_cells(f"{goal}{FIRST}:{goal}{FIRST + 2}")
    wb[PLAN.title("en")].merge_cells(f"{goal}{FIRST + 3}:{action}{FIRST + 3}")
    wb.save(path)
    add("merged_cells", path, {k: v for k, v in typed.items() if v is not None})

    # Formulas typed where values are expected; openpyxl never stores a computed value.
    path = copy("formulas.xlsx")
    typed = _fill(path, [("77.1", {**GOOD_ROW, "target": "=2+2", "deadline": "=DATE(2015,12,31)"}),
                         ("77.2", {**GOOD_ROW, "goal": f"=F{FIRST}"})], formulas=True)
    wb = openpyxl.load_workbook(path)
    wb[PLAN.title("en")][f"{PLAN.letter('notes')}{FIRST}"] = ArrayFormula(
        f"{PLAN.letter('notes')}{FIRST}", f"=UPPER(F{FIRST})")
    wb.save(path)
    typed[(FIRST, "notes")] = f"=UPPER(F{FIRST})"
    add("formulas", path, typed)

    # Excel error values in input cells.
    path = copy("error values.xlsx")
    add("error_values", path, _fill(path, [("77.1", {**GOOD_ROW, "target": "#N/A", "baseline": "#REF!"})]))

    # Text longer than an Excel cell can hold (another tool wrote it; openpyxl would cut it, so it
    # goes into the sheet XML directly).
    path = copy("long text source.xlsx")
    long_text = ("The coalition asks for a full account. " * 1100)[:LONG_TEXT_LENGTH]
    typed = _fill(path, [("77.1", {**GOOD_ROW, "notes": "LONG-TEXT-PLACEHOLDER"})])
    typed[(FIRST, "notes")] = long_text
    add("long_text", _rewrite_zip(path, root / "long text.xlsx", replace={
        MATRIX_XML: _patch_text("LONG-TEXT-PLACEHOLDER", long_text)}), typed)
    path.unlink()

    # Emoji, right-to-left scripts, zero-width characters, and control characters as Excel escapes them.
    path = copy("unicode.xlsx")
    typed = _fill(path, [("77.1", {**GOOD_ROW, **UNICODE_TEXT}),
                         ("77.2", {**GOOD_ROW, "notes": "CONTROL-PLACEHOLDER"})])
    escaped = "".join(f"_x{ord(ch):04X}_" if ord(ch) < 32 else ch for ch in CONTROL_TEXT)
    unicode_path = root / "unicode and control.xlsx"
    _rewrite_zip(path, unicode_path, replace={MATRIX_XML: _patch_text("CONTROL-PLACEHOLDER", escaped)})
    path.unlink()
    typed[(FIRST + 1, "notes")] = CONTROL_TEXT
    add("unicode", unicode_path, typed)

    # Dates as text, as serial numbers, Excel's phantom 1900-02-29 (serial 60), out of range, negative.
    path = copy("dates.xlsx")
    date_rows = [("77.1", {**GOOD_ROW, "deadline": "31/12/2015"}),
                 ("77.1", {**GOOD_ROW, "deadline": 42369}),                      # 2015-12-31 as a number
                 ("77.2", {**GOOD_ROW, "deadline": 60}),
                 ("77.2", {**GOOD_ROW, "deadline": -5}),
                 ("77.3", {**GOOD_ROW, "deadline": dt.datetime(2015, 6, 30)}),
                 ("77.3", {**GOOD_ROW, "target": -12.5, "deadline": "2015-02-30"})]
    typed = _fill(path, date_rows)
    # Serial 60 and a serial beyond year 9999, formatted as dates: what Excel shows as 29/02/1900 and ####.
    wb = openpyxl.load_workbook(path)
    ws = wb[PLAN.title("en")]
    deadline = PLAN.letter("deadline")
    for r, serial in ((FIRST + 6, 60), (FIRST + 7, 3_000_000)):
        ws.cell(r, 1).value = "77.4"
        for key, value in GOOD_ROW.items():
            if key != "deadline":
                ws.cell(r, PLAN.index(key)).value = value
                typed[(r, key)] = value
        ws[f"{deadline}{r}"].value = serial
        ws[f"{deadline}{r}"].number_format = "dd/mm/yyyy"
        typed[(r, "deadline")] = serial
    wb.save(path)
    add("dates", path, typed)

    # One stray cell a million rows down, so the last used row is near Excel's last row.
    path = copy("far row.xlsx")
    typed = _fill(path, [("77.1", GOOD_ROW)])
    wb = openpyxl.load_workbook(path)
    wb[PLAN.title("en")][f"{PLAN.letter('notes')}{FAR_ROW}"] = "typed far below"
    wb.save(path)
    typed[(FAR_ROW, "notes")] = "typed far below"
    add("far_row", path, typed)

    # A dimension tag that claims the whole grid (A1:XFD1048576).
    path = copy("huge dimension.xlsx")
    typed = _fill(path, [("77.1", GOOD_ROW)])
    add("huge_dimension", _rewrite_zip(path, root / "huge dimension tag.xlsx", replace={
        MATRIX_XML: lambda data: _set_dimension(data, "A1:XFD1048576")}), typed)
    path.unlink()

    # Read-only on disk (an Excel lock file beside it, as when a participant still has it open).
    path = copy("read only.xlsx")
    typed = _fill(path, [("77.2", GOOD_ROW)])
    (root / "~$read only.xlsx").write_bytes(b"\x0bparticipant" + b"\x00" * 40)
    path.chmod(0o444)
    add("read_only", path, typed)

    # A name with non-ASCII letters, typographic quotes and spaces.
    path = copy("Droits de l’enfant – plan d’action (version finale) é.xlsx")
    add("unicode_name", path, _fill(path, [("77.3", GOOD_ROW)]))

    # A macro-enabled copy with a VBA project.
    path = copy("macro plan.xlsm")
    typed = _fill(path, [("77.4", {**GOOD_ROW, "goal": None})])     # one missing field to annotate
    add("macro", _xlsm(path, root / "macro plan.xlsm"), typed)

    # Recommendation lists as csv.
    header = ["Recommendation ID", "Recommendation", "Recommending State(s)"]
    rows = [header] + [list(r) for r in CSV_RECOMMENDATIONS]
    add("csv_utf16", root / "list utf16.csv").write_bytes(
        b"\xff\xfe" + _csv_bytes(rows, "utf-16-le", delimiter="\t"))
    add("csv_cp1252", root / "list cp1252.csv").write_bytes(_csv_bytes(rows, "cp1252"))
    add("csv_semicolon", root / "list semicolon.csv").write_bytes(_csv_bytes(rows, "utf-8", ";", bom=True))
    unterminated = _csv_bytes(rows[:3], "utf-8") + b'77.3,"Adopter une loi, sans guillemet fermant,France\r\n' \
        + _csv_bytes(rows[4:], "utf-8")
    add("csv_unterminated", root / "list unterminated quote.csv").write_bytes(unterminated)
    filler = [[f"77.{i}", f"Recommendation number {i} about prisons and courts in every province", "Chile"]
              for i in range(10, 80)]
    # Past the first 4 KB, where a look at the start of the file does not see it.
    nul = _csv_bytes(rows + filler, "utf-8") + _csv_bytes([["77.99", "Protect human \x00defenders", "Chile"]], "utf-8")
    assert nul.index(b"\x00") > 4096
    add("csv_nul", root / "list nul byte.csv").write_bytes(nul)

    # A master from an earlier merge, damaged since: the output of the next merge.
    from addin.merge import merge_workbooks

    merge_workbooks([good], work / "master.xlsx")
    add("damaged_master", _rewrite_zip(work / "master.xlsx", root / "master damaged.xlsx",
                                       replace={MATRIX_XML: lambda data: data[: len(data) // 2]}))

    # Recommendation lists as workbooks, damaged in the sheet that holds the list.
    from addin.recommendations import write_list_workbook

    listed = write_list_workbook(_recommendations(), work / "list.xlsx")
    add("list_damaged", _rewrite_zip(listed, root / "list damaged.xlsx",
                                     replace={MATRIX_XML: lambda data: data[: len(data) // 2]}))
    add("list_xml_bomb", _rewrite_zip(listed, root / "list xml bomb.xlsx", replace={MATRIX_XML: lambda data: (
        XML_BOMB_DTD + data.decode("utf-8").replace("77.1", "&lol9;", 1)).encode("utf-8")}))
    shutil.rmtree(work)
    return corpus


def add_libreoffice_copies(corpus: Corpus, libreoffice) -> None:
    """.xls and .ods copies of the good workbook, and the far-row one as .ods, saved by LibreOffice."""
    work = corpus.root / ".lo"
    good = corpus.files["good"]
    for fmt in ("xls", "ods"):
        target = corpus.root / f"Justice plan as {fmt}.{fmt}"
        shutil.move(libreoffice.convert(good, fmt, work), target)
        corpus.files[fmt] = target
        corpus.typed[target.name] = corpus.typed[good.name]
    target = corpus.root / "far row.ods"
    shutil.move(libreoffice.convert(corpus.files["far_row"], "ods", work), target)
    corpus.files["far_row_ods"] = target
    shutil.rmtree(work)


def _zip_bomb(good: Path, target: Path) -> Path:
    """The good workbook whose matrix sheet inflates to ZIP_BOMB_BYTES: one cell of zeros."""
    head = (b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
    tail = b"</t></is></c></row></sheetData></worksheet>"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != MATRIX_XML:
                new.writestr(info.filename, old.read(info.filename))
                continue
            with new.open(MATRIX_XML, "w", force_zip64=True) as out:
                out.write(head)
                block = b"0" * (1 << 20)
                for _ in range(ZIP_BOMB_BYTES // len(block)):
                    out.write(block)
                out.write(tail)
    return target


def _set_dimension(data: bytes, ref: str) -> bytes:
    import re

    text = data.decode("utf-8")
    text, n = re.subn(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', text, count=1)
    assert n == 1, "no dimension tag in the sheet XML"
    return text.encode("utf-8")


def _french_headers(path: Path) -> tuple[Path, dict]:
    """A plan retyped by hand: title lines, header on row 6, French labels in another order,
    odd case and spaces, an extra column and no hidden metadata."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan  atelier"
    ws["A1"] = "Atelier de suivi de l'EPU — groupe Justice"
    ws["A2"] = "Version du 12 mai"
    header_row = 6
    columns = [("goal", "  OBJECTIF "), ("recommendation_id", "id de la RECOMMANDATION"),
               ("indicator", "Indicateur  (SMART)"), ("deadline", "échéance"),
               ("government_action", "ACTION ATTENDUE DU GOUVERNEMENT"), ("baseline", "situation de référence"),
               ("target", " Cible"), ("responsible_body", "Organe gouvernemental responsable"),
               (None, "Budget (FCFA)")]
    for c, (_, label) in enumerate(columns, start=1):
        ws.cell(header_row, c).value = label
    values = {**GOOD_ROW, "goal": "Les juges sont formés", "recommendation_id": "77.1"}
    typed = {}
    for c, (key, _) in enumerate(columns, start=1):
        value = values[key] if key else "2 500 000"
        ws.cell(header_row + 1, c).value = value
        typed[(header_row + 1, key or "Budget (FCFA)")] = value
    wb.save(path)
    return path, typed


def _xlsm(source: Path, target: Path) -> Path:
    """The workbook as .xlsm with a (dummy) VBA project, as Excel declares it."""
    vba = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + b"VBA project of a participant"
    rels_entry = ('<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/relationships/'
                  'vbaProject" Target="vbaProject.bin"/></Relationships>')
    moved = source.with_suffix(".tmp.xlsx")
    source.rename(moved)
    _rewrite_zip(moved, target, replace={
        "[Content_Types].xml": lambda data: data.decode("utf-8")
        .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                 "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        .encode("utf-8"),
        "xl/_rels/workbook.xml.rels": lambda data: data.decode("utf-8")
        .replace("</Relationships>", rels_entry).encode("utf-8"),
    }, add={"xl/vbaProject.bin": vba})
    moved.unlink()
    return target


if __name__ == "__main__":   # python tests/hostile.py DIR: write the corpus to look at by hand
    import sys

    built = build_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus"))
    for name, file in built.files.items():
        print(f"{name:18} {file}")


# --- nothing lost: one named case per class of issue 13, with its expected one-line message ------------

# name -> what the product must say (a fragment of its one line). Where a case is about data that
# must arrive, not a message, the message is None and the test checks the master.
LOST_MESSAGES: dict[str, str | None] = {
    # 1. groups make keeps what it cannot prove untouched
    "groups_encrypted_output": "(cannot be read, so it may hold work: this workbook is encrypted",
    "groups_low_header_output": "(changed since groups make wrote it)",
    "groups_unassigned_edited": "(changed since groups make wrote it (hand assignments?))",
    # 2. every file of a folder is read or named
    "checked_copy_corrected": "Justice - Implementation plan.xlsx and Justice - Implementation plan.checked.xlsx "
                              "differ: Justice - Implementation plan.checked.xlsx, saved later, was merged",
    "xlsb": "an Excel binary workbook (.xlsb), which cannot be read; open it in Excel and save it as .xlsx",
    "trailing_space": None,
    "no_extension": None,
    "backup_copy": "a backup copy kept by merge or groups make",
    # 3. hidden and extra sheets, Instructions, comments
    "hidden_matrix_sheet": None,
    "extra_sheet": "Text outside the table: 'Ask the ministry for the 2013 figures'",
    "instructions_text": "Text outside the table: 'We agreed to meet on Friday'",
    "comment": "Comment on F4: 'participant: Check this goal with the judges'",
    "group_worksheet_notes": "Text outside the table: 'Next meeting moved to June'",
    # 4. a header merged across two columns
    "merged_header": "Column F has the header 'Goal / Action expected of Government' where the template has 'Goal'",
    "merged_header_no_metadata": "Column G has the header '(empty)' where the template has 'Action expected of "
                                 "Government'",
    # 5. an ID stored as a number
    "numeric_id": "Recommendation ID 77.1 was stored as a number, and the list has several IDs with that value: "
                  "77.1, 77.10. It is kept as typed, not guessed.",
    # 6. IDs containing the dropdown's separator
    "separator_ids": None,
    # 7. rows moved and edited between merges: the key is checked against the content
    "swapped_and_edited": "its hidden row key",
    # 8. look-alike IDs
    "look_alike_id": "It looks like 77.2, but character 1 is '７' (U+FF17 FULLWIDTH DIGIT SEVEN) where the list "
                     "has '7' (U+0037 DIGIT SEVEN)",
    "safe_look_alike_id": None,
    # 9. imports count every row
    "import_empty_text": "Rows not imported: 1 (no recommendation text)",
    "import_number_only": "Rows not imported: 1 (a paragraph number without text)",
    # crashes, hangs, locks
    "csv_utf16le_no_bom": None,
    "list_low_header": "no recommendation text column in the first 11 rows searched; the header row is at row 20",
    "matrix_low_header": "has its header row at row 23, below the first 15 rows searched",
    "carriage_return_name": None,
    "long_name_annotate": "cannot be written (File name too long)",
}

SEPARATOR_IDS = ["A/HRC/17/4 - 77.1", "A/HRC/17/4 - 77.2", "A/HRC/17/4 - 77.10"]


def _typed_book(path: Path, rows: list[tuple[object, dict]], recs: list[Recommendation] | None = None):
    """A fresh justice plan with rows typed from the first data row: (ID cell value, {key: value})."""
    wb = build_workbook(PLAN.kind, recommendation_rows=recommendation_rows(recs or _recommendations()),
                        group=GROUPS["justice"],
                        meta=WorkbookMeta(kind=PLAN.kind, plan_start="2012", plan_end="2016", state="Examplia"))
    ws = wb[PLAN.title("en")]
    for r, (id_value, values) in enumerate(rows, start=FIRST):
        ws.cell(r, PLAN.index("recommendation_id")).value = id_value
        for key, value in values.items():
            _put(ws.cell(r, PLAN.index(key)), value)
    return wb, ws


def build_lost_corpus(root: Path) -> Corpus:
    """One file (or folder) per LOST_MESSAGES case; corpus.files[name] is what the test runs on."""
    from openpyxl.comments import Comment

    from addin.groupbooks import make_group_workbooks
    from addin.recommendations import write_list_workbook

    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root, recommendations={r.id: r.text for r in _recommendations()})
    texts = corpus.recommendations

    def folder(name: str) -> Path:
        path = root / name
        path.mkdir()
        corpus.files[name] = path
        return path

    # 1. groups make over its own earlier output, damaged or edited since.
    recs = _recommendations() + [Recommendation(
        id="77.20", text="Recommendation on an issue no group has", recommending_states=["Chile"],
        response="Noted", issues=[], action_category=3, groups=[], state="Examplia", session=10, cycle=1,
        source="hostile corpus")]
    listed = write_list_workbook(recs, root / "list for groups.xlsx")
    made = root / ".groups made"
    make_group_workbooks(listed, made)            # once: each case damages its own copy
    for name in ("groups_encrypted_output", "groups_low_header_output", "groups_unassigned_edited"):
        shutil.copytree(made, root / name)
        corpus.files[name] = root / name
    shutil.rmtree(made)
    plan = "Justice - Implementation plan.xlsx"
    (root / "groups_encrypted_output" / plan).write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + bytes(range(256)) * 16)
    path = root / "groups_low_header_output" / plan
    wb = openpyxl.load_workbook(path)
    wb[PLAN.title("en")].insert_rows(1, 20)
    wb[PLAN.title("en")].cell(25, PLAN.index("goal")).value = "typed below a header pushed down"
    wb.save(path)
    path = root / "groups_unassigned_edited" / "Unassigned recommendations.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    groups_column = [c.column for c in ws[1] if c.value == RECOMMENDATIONS.column("groups").label("en")][0]
    ws.cell(2, groups_column).value = "Justice"        # the facilitator's hand assignment
    wb.save(path)
    corpus.files["list for groups"] = listed

    # 2. a folder a workshop really produces.
    out = folder("checked_copy_corrected")
    wb, _ = _typed_book(out / plan, [(choice_label("77.1", texts["77.1"]), {**GOOD_ROW, "goal": "First draft"})])
    wb.save(out / plan)
    wb, _ = _typed_book(out / plan, [(choice_label("77.1", texts["77.1"]), {**GOOD_ROW, "goal": "Corrected goal"})])
    wb.save(out / "Justice - Implementation plan.checked.xlsx")
    os.utime(out / plan, (1_700_000_000,) * 2)
    out = folder("odd_names")
    for name, file_name in (("trailing_space", "Justice plan.xlsx "), ("no_extension", "Justice plan"),
                            ("backup_copy", "Justice plan.20240101-000000.bak.xlsx")):
        wb, _ = _typed_book(out / "x.xlsx", [("77.3", {**GOOD_ROW, "goal": f"Goal in {name}"})])
        wb.save(out / file_name)
        corpus.files[name] = out / file_name
    (out / "Justice plan.xlsb").write_bytes(b"\x00\x01binary workbook")
    corpus.files["xlsb"] = out / "Justice plan.xlsb"

    # 3. hidden and extra sheets, the Instructions sheet, a comment.
    wb, ws = _typed_book(root / "sheets.xlsx", [("77.1", {**GOOD_ROW, "goal": "Visible goal"})])
    ws["F4"].comment = Comment("participant:\nCheck this goal with the judges", "participant")
    hidden = wb.copy_worksheet(ws)
    hidden.title = "Earlier version"
    hidden["F4"] = "Goal kept on a hidden sheet"
    hidden.sheet_state = "hidden"
    wb.create_sheet("Group notes")["B3"] = "Ask the ministry for the 2013 figures"
    wb["Instructions"]["E5"] = "We agreed to meet on Friday"
    wb.save(root / "sheets.xlsx")
    for name in ("hidden_matrix_sheet", "extra_sheet", "instructions_text", "comment"):
        corpus.files[name] = root / "sheets.xlsx"

    # Notes typed beside the group worksheet's form.
    wb = build_workbook(STRATEGY.kind, recommendation_rows=recommendation_rows(_recommendations()),
                        group=GROUPS["justice"], meta=WorkbookMeta(kind=STRATEGY.kind))
    wb["Group worksheet"]["B4"] = "Amina K."
    wb["Group worksheet"]["D6"] = "Next meeting moved to June"
    wb.save(root / "group worksheet notes.xlsx")
    corpus.files["group_worksheet_notes"] = root / "group worksheet notes.xlsx"

    # 4. "Goal" and "Action expected of Government" under one merged header.
    wb, ws = _typed_book(root / "merged header.xlsx", [("77.1", {**GOOD_ROW, "goal": "The goal",
                                                                 "government_action": "The action"})])
    goal = PLAN.index("goal")
    ws.cell(PLAN.header_row, goal).value = "Goal / Action expected of Government"
    ws.merge_cells(start_row=PLAN.header_row, start_column=goal, end_row=PLAN.header_row, end_column=goal + 1)
    wb.save(root / "merged header.xlsx")
    corpus.files["merged_header"] = root / "merged header.xlsx"
    from openpyxl.packaging.custom import CustomPropertyList

    del wb["_upr_meta"]                 # a copy that lost its metadata: laid out as the template all the same
    wb.custom_doc_props = CustomPropertyList()
    wb.save(root / "merged header copy.xlsx")
    corpus.files["merged_header_no_metadata"] = root / "merged header copy.xlsx"

    # 5. 77.10 typed into a cell that is not text: Excel keeps the number 77.1.
    wb, ws = _typed_book(root / "numeric id.xlsx", [(77.1, GOOD_ROW), (77.2, {**GOOD_ROW, "goal": "By number"})])
    wb.save(root / "numeric id.xlsx")
    corpus.files["numeric_id"] = root / "numeric id.xlsx"

    # 6. IDs that contain " - ", chosen from the dropdown.
    recs = [Recommendation(id=i, text=f"Recommendation {i} on prisons", recommending_states=["Chile"],
                           response="Accepted", issues=["Torture"], action_category=5, groups=["justice"],
                           state="Examplia", session=10, cycle=1, source="hostile corpus") for i in SEPARATOR_IDS]
    wb, ws = _typed_book(root / "separator ids.xlsx",
                         [(choice_label(r.id, r.text), {**GOOD_ROW, "goal": f"Goal for {r.id}"}) for r in recs], recs)
    wb.save(root / "separator ids.xlsx")
    corpus.files["separator_ids"] = root / "separator ids.xlsx"

    # 7. two rows of one recommendation, swapped and both edited before the re-merge.
    out = folder("swapped_and_edited")
    rows = [("77.1", {**GOOD_ROW, "goal": "Judges trained", "indicator": "Judges trained per year"}),
            ("77.1", {**GOOD_ROW, "goal": "Law adopted", "indicator": "Law published"})]
    wb, _ = _typed_book(out / plan, rows)
    wb.save(out / plan)
    swapped = [("77.1", {**GOOD_ROW, "goal": "Law adopted by parliament", "indicator": "Law published"}),
               ("77.1", {**GOOD_ROW, "goal": "Judges trained in 2014", "indicator": "Judges trained per year"})]
    wb, _ = _typed_book(out / plan, swapped)
    wb.save(out / "swapped.xlsx")   # the test copies it over the plan after the first merge

    # 8. IDs that only look like listed ones (a full-width digit; a Cyrillic letter).
    wb, ws = _typed_book(root / "look alike.xlsx", [("７７.2", GOOD_ROW), ("77.З", GOOD_ROW)])
    wb.save(root / "look alike.xlsx")
    corpus.files["look_alike_id"] = root / "look alike.xlsx"
    wb, ws = _typed_book(root / "safe look alike.xlsx", [("77\u200b.2", GOOD_ROW), ("\u00a077.3 ", GOOD_ROW)])
    wb.save(root / "safe look alike.xlsx")
    corpus.files["safe_look_alike_id"] = root / "safe look alike.xlsx"

    # 9. lists with rows that hold no recommendation.
    header = ["Recommendation ID", "Recommendation", "Recommending State(s)"]
    rows = [header] + [list(r) for r in CSV_RECOMMENDATIONS]
    corpus.files["import_empty_text"] = root / "list empty text.csv"
    corpus.files["import_empty_text"].write_bytes(_csv_bytes(rows + [["77.5", "", "Chile"]], "utf-8"))
    corpus.files["import_number_only"] = root / "report paragraphs.txt"
    corpus.files["import_number_only"].write_text(
        "77.1. Ratify the Optional Protocol to the Convention against Torture (Denmark);\n"
        "77.2. Adopt a law on torture (France);\n77.3. Protect human rights defenders (Norway);\n"
        "77.4. Ensure access to justice for women (Belgium);\n77.5. Train judges on gender equality (Chile);\n"
        "77.6\n", encoding="utf-8")

    # Crashes and hangs.
    corpus.files["csv_utf16le_no_bom"] = root / "list utf16 no bom.csv"
    corpus.files["csv_utf16le_no_bom"].write_bytes(_csv_bytes(rows, "utf-16-le", delimiter="\t"))
    corpus.files["list_low_header"] = root / "list low header.csv"
    corpus.files["list_low_header"].write_bytes(_csv_bytes([["Workshop list, draft"]] * 19 + rows, "utf-8"))
    wb, ws = _typed_book(root / "low header.xlsx", [("77.1", GOOD_ROW)])
    ws.insert_rows(1, 20)
    wb.save(root / "low header.xlsx")
    corpus.files["matrix_low_header"] = root / "low header.xlsx"
    out = folder("carriage_return_name")
    wb, _ = _typed_book(out / "x.xlsx", [("77.1", GOOD_ROW)])
    wb.save(out / "Justice\rplan.xlsx")
    out = folder("long_name_annotate")
    wb, _ = _typed_book(out / "x.xlsx", [("77.1", {**GOOD_ROW, "goal": None})])
    wb.save(out / ("L" * 246 + ".xlsx"))   # 251 characters: its .checked copy would need 259
    return corpus
