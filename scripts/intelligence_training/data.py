"""The UPR Info export and its labels: loading the rows, issue label matrices, a recommendation's first word,
the issue-to-group function the figures use, and the JSON blobs the artefact stores.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from addin import intelligence as I
from addin.intelligence import parsing as I_parsing, text as I_text

from .settings import DEFAULT_GROUPS


def load(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, encoding="utf-8")
    df = df[df["Text"].notna()].reset_index(drop=True)
    df["issues"] = df["Issue"].fillna("").map(
        lambda s: sorted({I.ISSUE_ALIASES.get(x.strip(), x.strip()) for x in s.split(",") if x.strip()}))
    return df


def label_matrix(issue_lists, labels) -> np.ndarray:
    index = {l: k for k, l in enumerate(labels)}
    y = np.zeros((len(issue_lists), len(labels)), np.int8)
    for r, issues in enumerate(issue_lists):
        for i in issues:
            if i in index:
                y[r, index[i]] = 1
    return y


def first_word(text: str) -> str:
    toks = [t for t in I_text._tokens(I.clean_text(text)) if t not in I_parsing._PAREN]
    return toks[0] if toks else ""


def groups_function():
    """addin.groups.groups_for_issues if the lead's module exists, else the default mapping."""
    try:
        from addin.groups import groups_for_issues  # type: ignore

        def via_module(issues):
            names = list(issues) + [d for d, a in I.ISSUE_ALIASES.items() if a in issues]
            return sorted(set(groups_for_issues(names)))
        return via_module, "addin.groups.groups_for_issues"
    except Exception:  # noqa: BLE001 - module absent or not ready
        lookup = {issue: g for g, issues in DEFAULT_GROUPS.items() for issue in issues}

        def via_default(issues):
            return sorted({lookup[i] for i in issues if i in lookup})
        return via_default, "default mapping in scripts/intelligence_training/settings.py"


def blob(obj) -> np.ndarray:
    return np.frombuffer(json.dumps(obj, ensure_ascii=False, sort_keys=isinstance(obj, dict)).encode("utf-8"),
                         dtype=np.uint8)
