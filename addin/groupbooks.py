"""Per-group copies of the templates, each holding only that group's recommendations."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, OutputError
from .files import copy_atomically, file_sha256, save_workbook, write_atomically
from .groups import GroupMapping
from .i18n import t
from .locale import text
from .metadata import WorkbookMeta, write_full_list
from .recommendations import (import_recommendations, list_hash, plan_window_for, recommendation_rows,
                              write_list_workbook)
from .schema import MATRICES, RECOMMENDATIONS
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


# What groups make wrote, by file name -> SHA-256: a file still holding these bytes is provably
# untouched and may be rebuilt; any other file is participants' or the facilitator's work.
MANIFEST = ".upr-groups.json"


def _manifest(outdir: Path) -> dict[str, str]:
    try:
        data = json.loads((Path(outdir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_manifest(outdir: Path, written: dict[str, str]) -> None:
    def write(tmp: Path) -> None:
        tmp.write_text(json.dumps(written, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")

    write_atomically(Path(outdir) / MANIFEST, write)


def filled_rows(path: Path) -> int:
    """Rows participants typed into an existing workbook (0 when none or unreadable as a matrix)."""
    from .reader import open_workbook

    try:
        return sum(len(m.rows) for m in open_workbook(path).matrices)
    except InputError:
        return 0


def _why_kept(path: Path, lang: str = "en") -> str:
    """Why an existing file is not provably an untouched output: what it holds, as far as it can be read."""
    from .reader import open_workbook

    try:
        data = open_workbook(path)
    except InputError as exc:
        return text("errors.output.kept_unreadable", lang, detail=exc.detail_in(lang))
    rows = sum(len(m.rows) for m in data.matrices)
    if rows:
        return text("errors.output.kept_rows", lang, rows=rows)
    if data.kind == "recommendations":
        return text("errors.output.kept_changed_list", lang)
    return text("errors.output.kept_changed", lang)


def work_at_risk(targets: list[Path], outdir: Path, lang: str = "en") -> list[tuple[Path, str]]:
    """Existing targets that are not provably untouched outputs of groups make, with the reason."""
    written = _manifest(outdir)
    risky = []
    for path in targets:
        if not path.exists() and not path.is_symlink():
            continue
        try:
            same = path.is_file() and written.get(path.name) == file_sha256(path)
        except InputError:
            same = False
        if not same:
            risky.append((path, _why_kept(path, lang)))
    return risky


def refuse_to_overwrite_work(targets: list[Path], outdir: Path | None = None, lang: str = "en") -> None:
    """Participants' work is never overwritten: stop before writing anything, naming each file."""
    risky = work_at_risk(targets, Path(outdir) if outdir else (targets[0].parent if targets else Path(".")), lang)
    if risky:
        listed = "; ".join(text("errors.output.kept_file", lang, path=path, why=why) for path, why in risky)
        raise OutputError("errors.output.work_kept", lang=lang, listed=listed, n=len(risky))


def _all_targets(outdir: Path, mapping: GroupMapping, lang: str) -> list[Path]:
    targets = [book_path(outdir, g.label(lang), sheet.title(lang)) for g in mapping.groups for sheet in MATRICES]
    return targets + [unassigned_path(outdir, lang)]


def unassigned_path(outdir: Path, lang: str) -> Path:
    return Path(outdir) / safe_file_name(f"{t('unassigned', lang)}.xlsx")


def _back_up(paths: list[Path]) -> list[Path]:
    """--force: a copy of each file about to be replaced, beside it ("<name>.<time>.bak.xlsx")."""
    import datetime as dt

    from .merge import backup_path

    now = dt.datetime.now().replace(microsecond=0)
    kept = []
    for path in paths:
        if path.is_file():
            kept.append(copy_atomically(path, backup_path(path, now)))
    return kept


def make_group_workbooks(source: Path, outdir: Path, *, lang: str = "en",
                         mapping: GroupMapping | None = None, force: bool = False,
                         kept: list[Path] | None = None) -> tuple[list[GroupBook], int]:
    """Write both matrices for every group, plus the unassigned list; returns the books and the
    number of recommendations in the source list. With force, each file replaced that was not
    provably untouched is first copied beside it; kept receives those backups."""
    mapping = mapping or GroupMapping.default()
    targets = _all_targets(Path(outdir), mapping, lang)
    risky = work_at_risk(targets, Path(outdir), lang)
    if risky and not force:
        refuse_to_overwrite_work([p for p, _ in risky], Path(outdir), lang)
    recommendations = import_recommendations(Path(source), mapping=mapping).recommendations
    backups = _back_up([p for p, _ in risky])
    window = plan_window_for(recommendations) or ("", "")
    first = recommendations[0] if recommendations else None
    books: list[GroupBook] = []
    whole_list = [dict(zip(RECOMMENDATIONS.keys, row)) for row in recommendation_rows(recommendations, lang, mapping)]
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
            write_full_list(wb, whole_list)
            path = book_path(outdir, group.label(lang), sheet.title(lang))
            save_workbook(wb, path)
            books.append(GroupBook(group.label(lang), sheet.kind, path, len(mine)))
    unassigned = [r for r in recommendations if not r.groups]
    if unassigned:
        path = unassigned_path(outdir, lang)
        write_list_workbook(unassigned, path, lang=lang, mapping=mapping, assignable=True)
        books.append(GroupBook(t("unassigned", lang), "recommendations", path, len(unassigned)))
    written = _manifest(Path(outdir))
    written.update({book.path.name: file_sha256(book.path) for book in books})
    _write_manifest(Path(outdir), written)
    if kept is not None:
        kept.extend(backups)
    return books, len(recommendations)
