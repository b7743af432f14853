"""The master workbook: its columns, how a merged row looks, writing it, and reading an old one.

The master's matrix sheets carry the schema's columns, then the coordinator's own columns
(Status, Coordinator notes, Follow-up date and any column the coordinator adds), then the
provenance of each row, then the groups' extra columns. Hidden columns keep what a re-merge
needs to recognise a row: the group workbook's row key and the group key.

Every participant's string is written as a string (never a formula) and every other value
keeps its type, so the master holds exactly what the groups typed.
"""

from __future__ import annotations

# Every name addin.master had, so its importers need not change.
from .columns import (COLUMNS_SHEET, COORDINATOR_COLUMNS, COORDINATOR_NOTES, FOLLOW_UP_DATE, GROUP, GROUP_KEY,
                      INDICATOR_TYPE, MASTER_KIND, MATRIX_COLUMN, PROVENANCE_COLUMNS, REMOVED_ON, ROW_KEY,
                      SMART_COLUMNS, SMART_CRITERIA, SMART_MISSED, SMART_SCORE, SOURCE_FILE, SOURCE_MODIFIED,
                      SOURCE_NOTES, SOURCE_ROW, SOURCE_SHEET, STATUS, MasterColumn, extra_key, matrix_columns,
                      own_key, removed_columns)
from .labels import LABELS, cell_notes, kind_label, label, sheet_names, status_key, status_label
from .rows import Formula, MasterRow, assign_merge_keys, comparable, content_key, natural_key, row_order
from .reading import OldMaster, read_master
from .writing import (CARRIAGE_RETURN, CROSS_CUTTING_FILL, DATETIME_FORMAT, DATE_FORMAT, EXCEL_CELL_LIMIT,
                      FILLS, HEADER_FONT, NOT_ADDRESSED_FILL, NOT_IN_LIST_FILL, PERCENT_FORMAT, TOP, WRAP_TOP,
                      MasterWorkbook, _write_findings, write_header, write_master, write_table)
