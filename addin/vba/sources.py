"""What goes into the UPR Matrix add-in: the text modules of macros/, xlwings' own VBA read
from the installed xlwings package (its DLL and add-in check the version the VBA names), the
ribbon, and the add-in's xlwings configuration sheet."""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .project import VbaModule

PROJECT_NAME = "UPRMatrix"
# xlwings' PROJECT_NAME: names the add-in's config sheet "uprmatrix.conf" and the user config
# file (%USERPROFILE%\.uprmatrix\uprmatrix.conf; ~/Library/Containers/com.microsoft.Excel/Data/uprmatrix.conf).
XLWINGS_PROJECT_NAME = "uprmatrix"
CONFIG_SHEET = f"{XLWINGS_PROJECT_NAME}.conf"
UDF_MODULES = "addin.excel.udfs"
CUSTOM_UI_FILE = "customUI.xml"
# macros/ beside the package in a checkout; installed from a wheel, under <prefix>/share (pyproject's data-files).
_CHECKOUT_MACROS = Path(__file__).resolve().parents[2] / "macros"
_INSTALLED_MACROS = Path(sys.prefix) / "share" / "upr-matrix" / "macros"
MACROS = _CHECKOUT_MACROS if _CHECKOUT_MACROS.is_dir() else _INSTALLED_MACROS
_PROJECT_NAME_LINE = re.compile(r'^(Public Const PROJECT_NAME As String = )"[^"]*"', re.M)


def xlwings_package_dir() -> Path:
    """The installed xlwings package folder, found without importing xlwings."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("xlwings is not installed: pip install xlwings")
    return Path(list(spec.submodule_search_locations)[0])


def xlwings_modules() -> list[VbaModule]:
    """xlwings' custom add-in module, with our project name, and its Dictionary class (macOS)."""
    folder = xlwings_package_dir()
    text = (folder / "xlwings_custom_addin.bas").read_text(encoding="utf-8")
    text, count = _PROJECT_NAME_LINE.subn(rf'\g<1>"{XLWINGS_PROJECT_NAME}"', text)
    if count != 1:
        raise ValueError(f"{folder / 'xlwings_custom_addin.bas'}: no PROJECT_NAME constant to set")
    dictionary = (folder / "addin" / "Dictionary.cls").read_text(encoding="utf-8")
    return [VbaModule.from_export(text), VbaModule.from_export(dictionary)]


def macro_files(macros: Path = MACROS) -> list[Path]:
    if not (macros / CUSTOM_UI_FILE).is_file():
        raise FileNotFoundError(f"{macros}: no {CUSTOM_UI_FILE}; build from a UPR Matrix source folder")
    return sorted(p for p in macros.iterdir() if p.suffix.lower() in (".bas", ".cls"))


@dataclass(frozen=True)
class AddinSources:
    modules: list[VbaModule]
    custom_ui: str
    sheets: dict[str, list[list[str]]]


def addin_sources(macros: Path = MACROS, sheet_names: tuple[str, ...] = ("UPR Matrix", CONFIG_SHEET)
                  ) -> AddinSources:
    """Everything the add-in holds, in a fixed order."""
    documents = [VbaModule.document("ThisWorkbook", "workbook")]
    documents += [VbaModule.document(f"Sheet{n}", "worksheet") for n in range(1, len(sheet_names) + 1)]
    own = [VbaModule.from_export(path.read_text(encoding="utf-8")) for path in macro_files(macros)]
    for path, module in zip(macro_files(macros), own):
        if module.name != path.stem:
            raise ValueError(f"{path}: VB_Name is {module.name!r}, the file says {path.stem!r}")
    custom_ui = (macros / CUSTOM_UI_FILE).read_text(encoding="utf-8")
    sheets = {
        "UPR Matrix": [["UPR Matrix add-in"],
                       ["The UPR Matrix tab of the ribbon holds its buttons."],
                       [f"Settings for xlwings are on the sheet {CONFIG_SHEET}."]],
        CONFIG_SHEET: [["UDF Modules", UDF_MODULES]],
    }
    return AddinSources(documents + own + xlwings_modules(), custom_ui,
                        {name: sheets[name] for name in sheet_names})
