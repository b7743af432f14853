"""Infer the UPR Info action category and issues of a recommendation from its text.

The whole implementation is in ``parsing`` for now (moved there unchanged, so that
its history follows); the next commit splits it along its section banners. This
file re-exports the public names; private helpers stay with their module.
"""
from .parsing import (CATEGORY_NAMES, EN_FORMS, EN_NOMINALS, EN_VERBS, FR_KEYWORD_CONFIDENCE, FR_VERBS,
                      FRENCH_CONTINUE_INFINITIVE_DECIDES, GRU_PAD, GRU_START, GRU_UNKNOWN, ISSUE_ALIASES, ISSUES,
                      MODEL_PATH, CategoryGRU, Inference, LogisticCorrection, Model, Parse, action_category,
                      action_features, classify_csv, clean_text, french_issues, gru_tokens, infer, load_model,
                      parse)

__all__ = [
    "CATEGORY_NAMES", "ISSUES", "ISSUE_ALIASES", "clean_text",
    "EN_VERBS", "EN_FORMS", "EN_NOMINALS", "FR_VERBS",
    "FRENCH_CONTINUE_INFINITIVE_DECIDES", "Parse", "parse", "action_category", "action_features",
    "FR_KEYWORD_CONFIDENCE", "french_issues",
    "MODEL_PATH", "Inference", "LogisticCorrection", "CategoryGRU", "Model", "GRU_START", "GRU_PAD",
    "GRU_UNKNOWN", "gru_tokens", "load_model", "infer",
    "classify_csv",
]
