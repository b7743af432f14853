"""Import real UPR recommendation lists into one normalised list workbook.

Reads UPR Info database exports, UN Working Group report paragraph lists,
OHCHR UHRI exports, plain lists (any header language) and our own list
workbook. The format is told from the headers, never asked. Columns and
labels come from `schema.RECOMMENDATIONS`.

The modules, each building on the ones before it: model (Recommendation,
ImportResult), states, cells (cell values), reviews (cycles, plan period),
responses (and notes), paragraphs (UN report paragraphs), sources (reading a
file, telling its format), build (rows to recommendations, IDs), listbook
(the list workbook) and importing (import_recommendations). The names below
are what the rest of UPR Matrix imports from `addin.recommendations`.
"""

from __future__ import annotations

# Inference of missing labels, called from build (tests replace it there).
from .build import infer
from .model import (ACCEPTED, FORMAT_NAMES, LIST_SEPARATOR, MULTI_VALUED, NOTED, PENDING, PLEDGE, UHRI_SOURCE,
                    UN_REPORT_SOURCE, UPR_INFO_SOURCE, ImportResult, Recommendation, normalise)
from .states import state_code, state_key
from .reviews import cycle_for_session, cycle_for_year, next_review_for, plan_window_for, review_year
from .responses import NOTES, parse_response
from .paragraphs import paragraph_number, split_paragraph
from .sources import HEADER_HINT_ROWS, match_columns, read_list_metadata
from .listbook import list_hash, list_metadata, read_list_workbook, recommendation_rows, write_list_workbook
from .importing import import_recommendations

__all__ = ["infer", "ACCEPTED", "FORMAT_NAMES", "LIST_SEPARATOR", "MULTI_VALUED", "NOTED", "PENDING", "PLEDGE",
           "UHRI_SOURCE", "UN_REPORT_SOURCE", "UPR_INFO_SOURCE", "ImportResult", "Recommendation", "normalise",
           "state_code", "state_key", "cycle_for_session", "cycle_for_year", "next_review_for",
           "plan_window_for", "review_year", "NOTES", "parse_response", "paragraph_number", "split_paragraph",
           "HEADER_HINT_ROWS", "match_columns", "read_list_metadata", "list_hash", "list_metadata",
           "read_list_workbook", "recommendation_rows", "write_list_workbook", "import_recommendations"]
