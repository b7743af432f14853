"""Infer the UPR Info action category and issues of a recommendation from its text.

Recommendations pasted from UN reports carry neither UPR Info's action category
(1-5, after E. McMahon) nor its issues. This package infers both:

* the action category by a bilingual (English/French) verb-rule engine that
  follows UPR Info's method (score the first verb; the second of two leading
  verbs decides; a general verb followed by a specific example scores 5;
  recommendations addressed to other States or asking for assistance score 1),
  refined for English text by a learned correction trained on UPR Info's own
  labels: a logistic model over the rule engine's findings, averaged with a
  small bidirectional GRU over the words (a few seeds; numpy forward pass);
* the issues by a linear one-vs-rest model over word uni- and bigrams, with
  per-issue thresholds, plus a small French keyword layer.

Runtime needs numpy only. The artefact in ``addin/data/intelligence_model.npz``
is rebuilt by ``python3 scripts/train_intelligence.py`` (see docs/intelligence.md).
Issue names are output as UPR Info's export spells them (e.g. "Right to water").

Modules, each depending only on those before it: ``text`` (normalisation, tokens,
the issue and category names), ``verbs`` (English and French verb lexicons),
``parsing`` (the rule engine), ``french`` (French issue keywords), ``model`` (the
trained artefact and ``infer``) and ``classify`` (the CSV front end of ``upr``).
This file re-exports their public names; private helpers stay with their module,
so patch them there (``addin.intelligence.model._MODEL``), not here.
"""
from .text import CATEGORY_NAMES, ISSUE_ALIASES, ISSUES, clean_text
from .verbs import EN_FORMS, EN_NOMINALS, EN_VERBS, FR_VERBS
from .parsing import (FRENCH_CONTINUE_INFINITIVE_DECIDES, Parse, action_category, action_features,
                      parse)
from .french import FR_KEYWORD_CONFIDENCE, french_issues
from .model import (GRU_PAD, GRU_START, GRU_UNKNOWN, MODEL_PATH, CategoryGRU, Inference,
                    LogisticCorrection, Model, gru_tokens, infer, load_model)
from .classify import classify_csv

__all__ = [
    "CATEGORY_NAMES", "ISSUES", "ISSUE_ALIASES", "clean_text",
    "EN_VERBS", "EN_FORMS", "EN_NOMINALS", "FR_VERBS",
    "FRENCH_CONTINUE_INFINITIVE_DECIDES", "Parse", "parse", "action_category", "action_features",
    "FR_KEYWORD_CONFIDENCE", "french_issues",
    "MODEL_PATH", "Inference", "LogisticCorrection", "CategoryGRU", "Model", "GRU_START", "GRU_PAD",
    "GRU_UNKNOWN", "gru_tokens", "load_model", "infer",
    "classify_csv",
]
