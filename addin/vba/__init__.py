"""VBA projects written from text, with no Office: MS-OVBA compression and streams, an MS-CFB
container and xlsxwriter packaging. Pure Python; it never imports xlwings."""

from .build import ADDIN_FILE, WORKBOOK_FILE, build_addin_files
from .project import ModuleKind, VbaModule, build_vba_project

__all__ = ["ADDIN_FILE", "WORKBOOK_FILE", "ModuleKind", "VbaModule", "build_addin_files",
           "build_vba_project"]
