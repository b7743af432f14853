"""The add-in file built from text (issue 11, sections 2 and 3), proved without Excel:
olevba reads every stream back, LibreOffice opens the file and runs code from a built project,
and every ribbon callback and RunPython target exists."""

from __future__ import annotations

import importlib
import inspect
import io
import json
import re
import struct
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import REPO

with warnings.catch_warnings():  # olevba's pyparsing grammar warns on import
    warnings.simplefilter("ignore")
    from oletools.olevba import VBA_Parser, decompress_stream

from addin import tables
from addin.cli import app
from addin.vba import ADDIN_FILE, WORKBOOK_FILE, ModuleKind, VbaModule, build_addin_files, build_vba_project
from addin.vba.compression import CHUNK_SIZE, compress, copy_token_layout
from addin.vba.install import UnsupportedPlatform, install_steps
from addin.vba.package import ADDIN_TYPE, CUSTOM_UI_PART, CUSTOM_UI_RELATIONSHIP, build_workbook
from addin.vba.project import crlf, decrypt, dir_stream
from addin.vba.sources import (CONFIG_SHEET, MACROS, PROJECT_NAME, UDF_MODULES, XLWINGS_PROJECT_NAME,
                               addin_sources, xlwings_package_dir)

TESTS = Path(__file__).resolve().parent
CUSTOM_UI_NS = {"ui": "http://schemas.microsoft.com/office/2006/01/customui"}
RIBBON_SUB = re.compile(r"^(?:Public\s+)?Sub\s+(\w+)\s*\(\s*control\s+As\s+IRibbonControl\s*\)", re.I | re.M)
RUN_PYTHON = re.compile(r'RunPython\s+"import\s+([\w.]+)\s+as\s+(\w+);\s*\2\.(\w+)\((.*)$', re.M)
# A path with every character that breaks naive quoting, and letters outside Windows-1252.
HOSTILE_PATH = "C:\\Users\\Zoé\\\"a\" O'Brien\\Atelier EPU 2026 — Ŝ 😀\\"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("addin")
    build_addin_files(outdir)
    return outdir


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n")


# --- MS-OVBA compression -------------------------------------------------------------------

def copy_tokens(container: bytes) -> list[list[tuple[int, int]]]:
    """(position, length) of the copy tokens of each chunk of a CompressedContainer."""
    chunks, at = [], 1
    while at < len(container):
        header = struct.unpack_from("<H", container, at)[0]
        end, at = at + 2 + (header & 0x0FFF) + 1, at + 2
        chunks.append([])
        if not header & 0x8000:
            at = end
            continue
        position = 0
        while at < end:
            flags, at = container[at], at + 1
            for bit in range(8):
                if at >= end:
                    break
                if flags >> bit & 1:
                    token = struct.unpack_from("<H", container, at)[0]
                    bit_count, _ = copy_token_layout(position)
                    length = (token & (0xFFFF >> bit_count)) + 3
                    chunks[-1].append((position, length))
                    position, at = position + length, at + 2
                else:
                    position, at = position + 1, at + 1
    return chunks


def de_bruijn_pairs() -> bytes:
    """65,536 bytes in which every pair of bytes occurs once: no 3-byte match anywhere."""
    a, sequence = [0] * 512, []

    def extend(t: int, p: int) -> None:
        if t > 2:
            if 2 % p == 0:
                sequence.extend(a[1:p + 1])
            return
        a[t] = a[t - p]
        extend(t + 1, p)
        for j in range(a[t - p] + 1, 256):
            a[t] = j
            extend(t + 1, t)

    extend(1, 1)
    return bytes(sequence)


def chunks_with_one_repeat(targets: list[tuple[int, int]]) -> bytes:
    """One 4096-byte chunk per (position, length): unrepeated filler, at `position` a copy of the
    chunk's first `length` bytes (overlapping itself when longer than `position`), then a run of
    one other byte so that the chunk compresses."""
    filler, out = de_bruijn_pairs(), bytearray()
    for number, (position, length) in enumerate(targets):
        fresh = filler[number * 1000:]
        chunk = bytearray(fresh[:position])
        for index in range(length):
            chunk.append(chunk[index])
        if len(chunk) < CHUNK_SIZE:
            run = next(b for b in range(256) if b != chunk[length])   # the repeat ends where meant
            chunk += bytes([run]) * (CHUNK_SIZE - len(chunk))
        out += chunk
    return bytes(out)


def test_copy_tokens_of_every_length_class_round_trip():
    # At each offset width (4 to 12 bits), the shortest, a middle and the longest copy token.
    targets = []
    for bit_count in range(4, 13):
        position = 2 ** (bit_count - 1) + 1
        longest = min(copy_token_layout(position)[1], CHUNK_SIZE - position)
        assert copy_token_layout(position)[0] == bit_count
        targets += [(position, 3), (position, (3 + longest) // 2), (position, longest)]
    data = chunks_with_one_repeat(targets)
    container = compress(data)
    assert bytes(decompress_stream(bytearray(container))) == data
    for target, tokens in zip(targets, copy_tokens(container), strict=True):
        assert target in tokens


@pytest.mark.parametrize("data", [
    b"",
    b"a",
    b"abcabcabc",
    b"x" * (3 * CHUNK_SIZE + 17),                       # runs: longest tokens, chunk edges
    bytes(range(256)) * 33,                             # long-distance repeats
], ids=["empty", "one-byte", "overlap", "run", "cycle"])
def test_compression_round_trips_through_olevba(data):
    assert bytes(decompress_stream(bytearray(compress(data)))) == data


def test_an_incompressible_full_chunk_is_stored_raw():
    data = de_bruijn_pairs()[:CHUNK_SIZE]
    container = compress(data)
    assert struct.unpack_from("<H", container, 1)[0] == 0x3FFF   # raw chunk header
    assert bytes(decompress_stream(bytearray(container))) == data


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab \r\nSubEnd'\"", max_size=9000))
def test_text_round_trips(text):
    data = text.encode("cp1252")
    assert bytes(decompress_stream(bytearray(compress(data)))) == data


# --- the project's streams -----------------------------------------------------------------

def test_every_stream_round_trips_through_olevba(built):
    sources = addin_sources()
    with zipfile.ZipFile(built / ADDIN_FILE) as package:
        ole = olefile.OleFileIO(io.BytesIO(package.read("xl/vbaProject.bin")))
    dir_text = bytes(decompress_stream(bytearray(ole.openstream("VBA/dir").read())))
    assert dir_text == dir_stream(PROJECT_NAME, sources.modules)
    assert ole.openstream("VBA/_VBA_PROJECT").read()[2:4] == b"\xff\xff"   # source only
    for module in sources.modules:
        stored = bytes(decompress_stream(bytearray(ole.openstream(f"VBA/{module.name}").read())))
        assert stored == module.code.encode("cp1252"), module.name
    assert any(len(m.code) > CHUNK_SIZE for m in sources.modules)   # a multi-chunk module

    project = ole.openstream("PROJECT").read().decode("cp1252")
    assert f'Name="{PROJECT_NAME}"' in project
    values = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"', project, re.M))
    assert decrypt(values["CMG"]) == bytes(4)      # not protected
    assert decrypt(values["DPB"]) == b"\0"         # no password
    assert decrypt(values["GC"]) == b"\xff"        # visible
    kinds = {"Document": ModuleKind.DOCUMENT, "Module": ModuleKind.STANDARD, "Class": ModuleKind.CLASS}
    listed = {name.split("/")[0]: kinds[key] for key, name in re.findall(r"^(Document|Module|Class)=(.+?)\r$",
                                                                           project, re.M)}
    assert listed == {m.name: m.kind for m in sources.modules}


def test_olevba_extracts_the_text_of_every_macro_file_and_of_xlwings(built):
    parser = VBA_Parser(str(built / ADDIN_FILE))
    extracted = {Path(stream).name: normalised(code) for _, stream, _, code in parser.extract_all_macros()}
    parser.close()
    for path in MACROS.glob("*.bas"):
        assert extracted[path.stem] == normalised(path.read_text(encoding="utf-8")), path.name

    xlwings_dir = xlwings_package_dir()
    original = normalised((xlwings_dir / "xlwings_custom_addin.bas").read_text(encoding="utf-8")).split("\n")
    ours = extracted["xlwings"].split("\n")
    changed = [(a, b) for a, b in zip(original, ours) if a != b]
    assert len(original) == len(ours)
    assert changed == [('Public Const PROJECT_NAME As String = "myaddin"',
                        f'Public Const PROJECT_NAME As String = "{XLWINGS_PROJECT_NAME}"')]

    dictionary = normalised((xlwings_dir / "addin" / "Dictionary.cls").read_text(encoding="utf-8"))
    body = dictionary.split("\n''\n", 1)[1]
    assert extracted["Dictionary"].endswith("\n''\n" + body)
    assert 'Attribute VB_Base = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"' in extracted["Dictionary"]
    assert 'Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"' in extracted["ThisWorkbook"]


def test_class_and_document_modules_store_the_attributes_the_host_expects():
    exported = "VERSION 1.0 CLASS\nBEGIN\n  MultiUse = -1  'True\nEND\nAttribute VB_Name = \"Cls\"\n" \
               "Attribute VB_Exposed = True\nPrivate x As Long\n"
    module = VbaModule.from_export(exported)
    assert module.kind is ModuleKind.CLASS and module.name == "Cls"
    lines = module.code.split("\r\n")
    assert [line.split(" =")[0] for line in lines[:8]] == [
        "Attribute VB_Name", "Attribute VB_Base", "Attribute VB_GlobalNameSpace", "Attribute VB_Creatable",
        "Attribute VB_PredeclaredId", "Attribute VB_Exposed", "Attribute VB_TemplateDerived",
        "Attribute VB_Customizable"]
    assert lines[5] == "Attribute VB_Exposed = True" and lines[8] == "Private x As Long"
    sheet = VbaModule.from_export(exported, document="worksheet")
    assert sheet.kind is ModuleKind.DOCUMENT and "Attribute VB_PredeclaredId = True" in sheet.code
    with pytest.raises(ValueError, match="code page"):
        build_vba_project("P", [VbaModule.from_export('Attribute VB_Name = "M"\n\' Ŝ\n')])


# --- the package ---------------------------------------------------------------------------

def test_two_builds_give_identical_bytes(tmp_path):
    runner = CliRunner()
    for folder in ("one", "two"):
        result = runner.invoke(app, ["excel", "build", "-o", str(tmp_path / folder)])
        assert result.exit_code == 0, result.output
    for name in (ADDIN_FILE, WORKBOOK_FILE):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_the_addin_and_its_twin_carry_the_project_ribbon_and_config(built):
    parts = {}
    for name in (ADDIN_FILE, WORKBOOK_FILE):
        with zipfile.ZipFile(built / name) as package:
            parts[name] = {n: package.read(n) for n in package.namelist()}
    addin, twin = parts[ADDIN_FILE], parts[WORKBOOK_FILE]
    assert ADDIN_TYPE.encode() in addin["[Content_Types].xml"]
    assert b"application/vnd.ms-excel.sheet.macroEnabled.main+xml" in twin["[Content_Types].xml"]
    for package in (addin, twin):
        relationships = ElementTree.fromstring(package["_rels/.rels"])
        ui = [r for r in relationships if r.get("Type") == CUSTOM_UI_RELATIONSHIP]
        assert [r.get("Target") for r in ui] == [CUSTOM_UI_PART]
        assert package[CUSTOM_UI_PART] == (MACROS / "customUI.xml").read_bytes()
        assert b'codeName="ThisWorkbook"' in package["xl/workbook.xml"]
    assert addin["xl/vbaProject.bin"] == twin["xl/vbaProject.bin"]

    import openpyxl
    workbook = openpyxl.load_workbook(built / WORKBOOK_FILE, keep_vba=True)
    config = [[c.value for c in row] for row in workbook[CONFIG_SHEET].iter_rows()]
    workbook.close()
    assert config == [["UDF Modules", UDF_MODULES]]


# --- the ribbon and the Python it calls ----------------------------------------------------

def module_texts() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in MACROS.glob("*.bas")}


def test_every_ribbon_action_names_a_sub_with_the_ribbon_signature():
    ribbon = ElementTree.parse(MACROS / "customUI.xml").getroot()
    buttons = ribbon.findall(".//ui:button", CUSTOM_UI_NS)
    assert [b.get("label") for b in buttons] == ["Validate", "Clear flags", "Refresh list", "New workshop",
                                                 "Merge groups"]
    texts = module_texts()
    for button in buttons:
        module, sub = button.get("onAction").split(".")
        assert sub in RIBBON_SUB.findall(texts[module]), button.get("onAction")
        assert button.get("imageMso") and button.get("screentip") and button.get("supertip")
    ids = [element.get("id") for element in ribbon.iter() if element.get("id")]
    assert len(ids) == len(set(ids))


def test_every_run_python_target_imports_and_takes_the_arguments_given():
    calls = [call for text in module_texts().values() for call in RUN_PYTHON.findall(text)]
    assert {call[2] for call in calls} == {"validate", "clear_flags", "merge_groups", "refresh_list",
                                           "new_workshop"}
    for module_name, _, function_name, rest in calls:
        function = getattr(importlib.import_module(module_name), function_name, None)
        assert callable(function), f"{module_name}.{function_name}"
        paths = rest.count("PythonString(")
        inspect.signature(function).bind(*["path"] * paths)   # TypeError when the arity is wrong


def test_the_udf_wrapper_matches_the_python_function():
    text = module_texts()["xlwings_udfs"]
    name, params = re.search(r"^Function (\w+)\((.*)\)\s*$", text, re.M).groups()
    assert f'XLPy.CallUDF("{UDF_MODULES}", "{name}"' in text
    function = getattr(importlib.import_module(UDF_MODULES), name)
    expected = [("Optional " if p.default is not p.empty else "") + p.name
                for p in inspect.signature(function).parameters.values()]
    assert [p.strip() for p in params.split(",")] == expected


def test_picker_filters_offer_the_files_the_readers_take():
    text = module_texts()["UprRibbon"]
    readable = set(tables.SPREADSHEET_SUFFIXES + tables.TEXT_SUFFIXES)
    for constant in ("LIST_FILTER", "EXPORT_FILTER"):
        pattern = re.search(rf'{constant} As String = "[^(]*\(([^)]*)\),([^"]*)"', text)
        shown, used = pattern.groups()
        assert shown == used
        assert {"." + p.split(".")[-1] for p in used.split(";")} <= readable
    export = re.search(r'EXPORT_FILTER As String = "[^"]*,([^"]*)"', text).group(1)
    assert {"." + p.split(".")[-1] for p in export.split(";")} == readable


def test_install_runs_only_where_excel_does():
    result = CliRunner().invoke(app, ["excel", "install"])
    assert result.exit_code != 0 and "Windows and macOS" in result.output
    with pytest.raises(UnsupportedPlatform):
        install_steps(Path("UPR Matrix.xlam"), platform="linux")
    mac = install_steps(Path("UPR Matrix.xlam"), platform="darwin")
    assert [step[3:5] for step in mac] == [["addin", "install"], ["runpython", "install"], ["addin", "install"]]
    assert mac[-1][-1] == "UPR Matrix.xlam"
    assert len(install_steps(Path("a.xlam"), platform="win32")) == 2


# --- LibreOffice, the real client ----------------------------------------------------------

@pytest.mark.libreoffice
def test_libreoffice_opens_the_addin_and_sees_every_module_with_its_kind(built, libreoffice):
    found = json.loads(libreoffice.run_uno(TESTS / "lo_uno.py", "modules", str(built / ADDIN_FILE)))
    expected = {module.name: module.kind.value for module in addin_sources().modules}
    assert found[PROJECT_NAME] == expected


@pytest.mark.libreoffice
def test_libreoffice_runs_a_built_sub_and_the_path_quoting(tmp_path, libreoffice):
    # LibreOffice Basic cannot compile xlwings' module: a project of the document modules, the
    # path-quoting module of macros/ and a test module, from the same writer.
    runner = VbaModule.from_export(
        'Attribute VB_Name = "LoRun"\n'
        "Option Explicit\n\n"
        "Public Sub QuoteCell()\n"
        '    Worksheets(1).Range("A2").Value = PythonString(Worksheets(1).Range("A1").Value)\n'
        "End Sub\n")
    modules = [VbaModule.document("ThisWorkbook", "workbook"), VbaModule.document("Sheet1", "worksheet"),
               VbaModule.from_export((MACROS / "UprPython.bas").read_text(encoding="utf-8")), runner]
    project = build_vba_project("LoCheck", modules)
    path = tmp_path / "run.xlsm"
    path.write_bytes(build_workbook(project, crlf((MACROS / "customUI.xml").read_text(encoding="utf-8")),
                                    {"Run": [[HOSTILE_PATH]]}, addin=False, title="run"))
    answer = json.loads(libreoffice.run_uno(
        TESTS / "lo_uno.py", "call", str(path),
        "LoCheck.LoRun.QuoteCell", "[]",
        "LoCheck.UprPython.PythonString", json.dumps([HOSTILE_PATH])))
    written, returned = answer["cells"][1], answer["results"][1]
    for expression in (written, returned):
        assert re.fullmatch(r"bytes\.fromhex\('[0-9A-F]*'\)\.decode\('utf-16-le'\)", expression)
        assert eval(expression, {"__builtins__": {}, "bytes": bytes}) == HOSTILE_PATH


def test_every_macro_source_is_installed_with_the_package():
    """A wheel carries macros/ (pyproject's data-files), so `upr excel build` works after `pip install .`."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    globs = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["data-files"]["share/upr-matrix/macros"]
    shipped = {path for pattern in globs for path in REPO.glob(pattern)}
    assert shipped == set((REPO / "macros").iterdir())
