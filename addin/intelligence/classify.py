"""CSV front end for the CLI (``upr recommendations classify``).

Reads the Text column of a CSV (UTF-8 with or without BOM, else Mac Roman) and
returns one dict per row, ready for JSON Lines: the action, issues, workshop
groups, confidences and the reason.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable

from .model import infer
from .text import ISSUE_ALIASES


def _read_text_column(path: Path) -> list[str]:
    from addin.errors import InputError
    from addin.files import read_bytes

    raw = read_bytes(Path(path))   # InputError, naming the file, when it is missing or not a regular file
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("mac_roman")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        return []
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in names:
        raise InputError(path, "errors.list.no_text_header", found=", ".join(header))
    col = names.index("text")
    return [row[col] if col < len(row) else "" for row in reader if any(cell.strip() for cell in row)]


def _groups(issues: Iterable[str]) -> list[str]:
    from addin.groups import groups_for_issues  # owned by another module; imported lazily

    names = list(issues)
    # Also pass the documented spelling of aliased issues, so either spelling maps.
    names += [doc for doc, data in ISSUE_ALIASES.items() if data in names]
    seen: dict[str, None] = {}
    for g in groups_for_issues(names):
        seen.setdefault(g, None)
    return list(seen)


def classify_csv(path: str | Path) -> list[dict]:
    """One dict per data row of a CSV with a Text column, in input order (JSON Lines ready)."""
    texts = _read_text_column(Path(path))
    out = []
    for n, (text, inf) in enumerate(zip(texts, infer(texts)), start=1):
        out.append({
            "row": n,
            "action": inf.action,
            "issues": list(inf.issues),
            "groups": _groups(inf.issues),
            "confidence": {"action": inf.action_confidence, "issues": dict(inf.issue_confidence)},
            "reason": inf.action_reason,
        })
    return out
