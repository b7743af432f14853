"""Package a VBA project and a ribbon into an Excel add-in (.xlam) or macro workbook (.xlsm).

xlsxwriter writes the workbook around the project; the zip is then rewritten in a fixed order
with fixed timestamps (the add-in content type and the customUI part added), so the same
inputs always give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import xlsxwriter

MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
ADDIN_TYPE = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
# customUI of the 2006/01 namespace (Office 2007 and later, Windows and macOS) lives at
# customUI/customUI.xml under this relationship type; the 2009/07 namespace would need customUI14.xml.
CUSTOM_UI_PART = "customUI/customUI.xml"
CUSTOM_UI_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
FIXED_TIME = datetime(2026, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def build_workbook(vba_project: bytes, custom_ui: str, sheets: dict[str, list[list[str]]],
                   *, addin: bool, title: str) -> bytes:
    """The file's bytes: one worksheet per entry of `sheets` (name -> rows of text), the VBA
    project with document modules ThisWorkbook, Sheet1, Sheet2..., and the ribbon."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties({"title": title, "created": FIXED_TIME, "author": "UPR Matrix"})
    workbook.add_vba_project(io.BytesIO(vba_project), is_stream=True)
    workbook.set_vba_name("ThisWorkbook")
    for number, (name, rows) in enumerate(sheets.items(), start=1):
        worksheet = workbook.add_worksheet(name)
        worksheet.set_vba_name(f"Sheet{number}")
        worksheet.set_column(0, 0, 40)
        worksheet.set_column(1, 1, 60)
        for row, values in enumerate(rows):
            worksheet.write_row(row, 0, values)
    workbook.close()
    return _rewrite_zip(buffer.getvalue(), custom_ui, addin)


def _rewrite_zip(data: bytes, custom_ui: str, addin: bool) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    content_types = parts["[Content_Types].xml"].decode("utf-8")
    if MACRO_WORKBOOK_TYPE not in content_types:
        raise ValueError("xlsxwriter did not write a macro-enabled workbook part")
    if addin:
        content_types = content_types.replace(MACRO_WORKBOOK_TYPE, ADDIN_TYPE)
    parts["[Content_Types].xml"] = content_types.encode("utf-8")
    relationships = parts["_rels/.rels"].decode("utf-8")
    ui_relationship = (f'<Relationship Id="rIdCustomUI" Type="{CUSTOM_UI_RELATIONSHIP}" '
                       f'Target="{CUSTOM_UI_PART}"/>')
    parts["_rels/.rels"] = relationships.replace(
        "</Relationships>", ui_relationship + "</Relationships>").encode("utf-8")
    parts[CUSTOM_UI_PART] = custom_ui.encode("utf-8")

    order = ["[Content_Types].xml", "_rels/.rels"]
    order += sorted(name for name in parts if name not in order)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 0
            target.writestr(info, parts[name], compresslevel=9)
    return out.getvalue()
