"""Per-group copies of the templates, each holding only that group's recommendations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, OutputError
from .files import save_workbook
from .groups import GroupMapping
from .i18n import t
from .metadata import WorkbookMeta
from .recommendations import (import_recommendations, list_hash, plan_window_for, recommendation_rows,
                              write_list_workbook)
from .schema import MATRICES
from .templates import build_workbook


@dataclass
class GroupBook:
    group: str
    kind: str
    path: Path
    recommendations: int


def safe_file_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', "-", name).strip(" .")


def book_path(outdir: Path, group_label: str, sheet_title: str) -> Path:
    return Path(outdir) / safe_file_name(f"{group_label} - {sheet_title}.xlsx")


def filled_rows(path: Path) -> int:
    """Rows participants typed into an existing workbook (0 when unreadable as a matrix)."""
    from .reader import open_workbook

    try:
        return sum(len(m.rows) for m in open_workbook(path).matrices)
    except InputError:
        return 0


def refuse_to_overwrite_work(targets: list[Path]) -> None:
    """Participants' work is never overwritten: stop before writing anything."""
    filled = [(path, n) for path in targets if path.exists() and (n := filled_rows(path))]
    if filled:
        listed = "; ".join(f"{path} ({n} filled rows)" for path, n in filled)
        raise OutputError(f"{listed}: already filled by participants; write the new workbooks to another "
                          "folder, or use --force to replace them")


def make_group_workbooks(source: Path, outdir: Path, *, lang: str = "en",
                         mapping: GroupMapping | None = None, force: bool = False) -> tuple[list[GroupBook], int]:
    """Write both matrices for every group, plus the unassigned list; returns the books and the
    number of recommendations in the source list."""
    mapping = mapping or GroupMapping.default()
    if not force:
        refuse_to_overwrite_work([book_path(outdir, g.label(lang), sheet.title(lang))
                                  for g in mapping.groups for sheet in MATRICES])
    recommendations = import_recommendations(Path(source), mapping=mapping).recommendations
    window = plan_window_for(recommendations) or ("", "")
    first = recommendations[0] if recommendations else None
    books: list[GroupBook] = []
    for group in mapping.groups:
        mine = [r for r in recommendations if group.key in r.groups]
        rows = recommendation_rows(mine, lang, mapping)
        for sheet in MATRICES:
            meta = WorkbookMeta(
                kind=sheet.kind, lang=lang, list_hash=list_hash(mine),
                state=first.state if first else "", session=str(first.session or "") if first else "",
                cycle=str(first.cycle or "") if first else "",
                plan_start=str(window[0]), plan_end=str(window[1]))
            wb = build_workbook(sheet.kind, lang=lang, recommendation_rows=rows, group=group,
                                groups=mapping.groups, meta=meta)
            path = book_path(outdir, group.label(lang), sheet.title(lang))
            save_workbook(wb, path)
            books.append(GroupBook(group.label(lang), sheet.kind, path, len(mine)))
    unassigned = [r for r in recommendations if not r.groups]
    if unassigned:
        path = Path(outdir) / safe_file_name(f"{t('unassigned', lang)}.xlsx")
        write_list_workbook(unassigned, path, lang=lang, mapping=mapping)
        books.append(GroupBook(t("unassigned", lang), "recommendations", path, len(unassigned)))
    return books, len(recommendations)
