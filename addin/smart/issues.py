"""Relevance evidence the lexicon cannot give: the UPR Info issue classifier of addin.intelligence.

Only asked when the lexicon finds nothing shared and has no reason of its own to call the indicator unrelated.
The classifier knows UPR Info's issues, which are broad: an issue that is a population ("Women's rights",
"Rights of the Child") or a catch-all ("Justice", "International instruments") says no more than a shared
sector, and the rubric does not call that relevant (D24, D33). Only the narrower issues count, and only when
the recommendation is firmly about it and the indicator, read alone, is too.

The model loads on the first question, never at import, and once per process: only its issue part (about 0.2 s
with numpy's import), not the category GRU, whose tables are most of addin.intelligence's own load.
"""

from __future__ import annotations

import threading

from .text import per_text

# The issues narrow enough that sharing one is sharing a subject. The others name people ("Women's rights",
# "Rights of the Child"), a whole field ("Justice", "Detention", "Labour", "Right to health") or a family of
# practices ("Torture and other CID treatment" holds corporal punishment, FGM and the OPCAT alike): sharing
# them is sharing a sector.
NARROW_ISSUES = frozenset({
    "Corruption", "Counter-terrorism", "Death penalty", "Elections", "Enforced disappearances", "Environment",
    "Extrajudicial executions", "Freedom of association and peaceful assembly", "Freedom of movement",
    "Freedom of opinion and expression", "Freedom of religion and belief", "Freedom of the press", "HIV - Aids",
    "NHRI", "Racial discrimination", "Right to food", "Right to housing", "Right to land", "Right to water",
    "Trafficking",
})
# How sure the classifier must be: the recommendation's issue, and the indicator read alone.
RECOMMENDATION_FLOOR = 0.5
INDICATOR_FLOOR = 0.5
TOP_ISSUES = 2


_MODEL = None
_LOCK = threading.Lock()


def _issue_model():
    """addin.intelligence's issue classifier alone, loaded once: its arrays, its own scoring methods."""
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            import json

            import numpy as np

            from addin.intelligence import MODEL_PATH, Model

            class IssueModel:
                issue_terms = Model.issue_terms
                issue_proba = Model.issue_proba

                def __init__(self) -> None:
                    with np.load(MODEL_PATH, allow_pickle=False) as z:
                        meta = json.loads(bytes(z["meta"]).decode("utf-8"))
                        self.iss_index = {f: i for i, f in enumerate(json.loads(bytes(z["iss_vocab"]).decode("utf-8")))}
                        self.iss_idf = z["iss_idf"].astype(np.float32)
                        self.iss_w = z["iss_w"].astype(np.float32)
                        self.iss_b = z["iss_b"].astype(np.float32)
                        self.labels = tuple(json.loads(bytes(z["labels"]).decode("utf-8")))
                    self.ngram_max = int(meta.get("ngram_max", 2))

            _MODEL = IssueModel()
        return _MODEL


@per_text
def _issue_probabilities(text: str) -> tuple[tuple[str, float], ...]:
    """(issue, probability) of the narrow issues, most probable first; French through the keyword layer."""
    from addin.intelligence import french_issues, parse  # lazily: numpy and the model only if asked

    model = _issue_model()
    parsed = parse(text)
    probabilities = dict(zip(model.labels, (float(p) for p in model.issue_proba([parsed.tokens])[0])))
    if parsed.lang == "fr":
        # trained on English: keep its confident calls, add the French keywords (as addin.intelligence does)
        probabilities = {k: p for k, p in probabilities.items() if p >= 0.5}
        for issue, confidence in french_issues(text).items():
            probabilities[issue] = max(probabilities.get(issue, 0.0), confidence)
    narrow = [(k, p) for k, p in probabilities.items() if k in NARROW_ISSUES and p > 0.0]
    return tuple(sorted(narrow, key=lambda item: -item[1]))


def shared_issue(recommendation: str, indicator: str) -> str:
    """The indicator's words that put it in the narrow UPR Info issue the recommendation is about, or '' (no
    evidence). The words are the indicator's own ('ethnic hatred'), as written, never the issue's English name."""
    if not recommendation.strip() or not indicator.strip():
        return ""
    indicator_issues = dict(_issue_probabilities(indicator))
    for issue, probability in _issue_probabilities(recommendation)[:TOP_ISSUES]:
        if probability >= RECOMMENDATION_FLOOR and indicator_issues.get(issue, 0.0) >= INDICATOR_FLOOR:
            return _telling_words(indicator, issue) or indicator
    return ""


@per_text
def _telling_words(text: str, issue: str) -> str:
    """The one or two terms of `text` that weigh most towards `issue`, quoted from `text`."""
    import re

    from addin.intelligence import parse

    from .text import fold

    model = _issue_model()
    column = model.labels.index(issue)
    weights = {}
    for term in model.issue_terms(parse(text).tokens):
        row = model.iss_index.get(term)
        if row is not None and model.iss_w[row, column] > 0:
            weights[term] = float(model.iss_w[row, column] * model.iss_idf[row])
    folded = fold(text)
    source = text if len(text) == len(folded) else folded
    quoted = []
    for term in sorted(weights, key=lambda t: -weights[t]):
        found = re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, term.split())) + r"(?!\w)", folded)
        words = source[found.start():found.end()] if found else ""
        if words and not any(fold(words) in fold(other) or fold(other) in fold(words) for other in quoted):
            quoted.append(words)
        if len(quoted) == 2:
            break
    return ", ".join(quoted)
