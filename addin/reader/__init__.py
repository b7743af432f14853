"""Read a filled workbook into rows plus provenance.

One reader serves validation, merge, the benchmark and the Excel layer. It
recognises a workbook by its hidden metadata, or by its headers when the
metadata is gone (renamed, re-saved, copied into a new file), and it keeps
every non-empty cell: unknown columns become extras and text typed outside
the table becomes a stray cell, so the merge can prove nothing was lost.

model: what it gives (WorkbookData, Matrix, MatrixRow, Cell, RawSheet); xlsx and calamine: raw
sheets from each format; headers: finding the header row; matrix: reading one matrix sheet;
workbook: open_workbook and read_sheets, which recognise the sheets.
"""

from .cell_values import ERROR_VALUES, LOOKUP_MARKERS
from .headers import HEADER_HINT_ROWS, HEADER_SEARCH_ROWS, MIN_MATCHED_COLUMNS, match_header
from .model import Cell, GroupSheet, Matrix, MatrixRow, Notice, RawSheet, WorkbookData
from .workbook import WORKBOOK_SUFFIXES, find_workbooks, open_workbook, read_sheets, workbook_suffix
from .xlsx import (NO_RESULT, XML_BOMB, NoResult, SavedResults, _raw_sheets_openpyxl, comments_xlsx,
                   date_overflows, merged_ranges_xlsx)

__all__ = [
    "ERROR_VALUES", "HEADER_HINT_ROWS", "HEADER_SEARCH_ROWS", "LOOKUP_MARKERS", "MIN_MATCHED_COLUMNS", "NO_RESULT",
    "WORKBOOK_SUFFIXES", "XML_BOMB", "Cell", "GroupSheet", "Matrix", "MatrixRow", "NoResult", "Notice", "RawSheet",
    "SavedResults", "WorkbookData", "_raw_sheets_openpyxl", "comments_xlsx", "date_overflows", "find_workbooks",
    "match_header", "merged_ranges_xlsx", "open_workbook", "read_sheets", "workbook_suffix",
]
