"""`upr merge`: the groups' workbooks into one master workbook the coalition follows.

merge_workbooks() reads every workbook under the given paths, re-validates each, and writes
the master (see master.py for its layout). It prints nothing: it returns a MergeResult that
the CLI renders with render_summary() and that an Excel button can read directly.

Re-merging into an existing master keeps the coordinator's columns of every row that still
exists. A row is recognised by recommendation ID + group + the group workbook's hidden row
key; without a key, by its content; and, failing both, when it is the only row of that group
for that recommendation on both sides. Rows gone from a group that was merged again move to
"Removed rows"; rows of a group absent from this merge stay as they were.

Coverage: a recommendation is "not addressed" when no group has a row for it in either
matrix, and "cross-cutting" when rows of two or more groups address it; the group columns
then show side by side what each group plans. "Has an action strategy" answers the group
worksheet's own question for the whole coalition.

Text typed outside a matrix (above its header) goes to the "Notes outside the table" sheet,
one row per cell with the group, file, sheet and cell it came from and its value as typed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from .charts import SummaryTable
from .errors import InputError, OutputError
from .files import copy_atomically, real_target, save_workbook
from .findings import Finding, Severity
from .groups import DEFAULT_GROUPS, normalise
from .lock import output_lock
from .master import (EXCEL_CELL_LIMIT, GROUP, SMART_CRITERIA, SOURCE_FILE, SOURCE_ROW, MasterColumn, MasterRow,
                     OldMaster, assign_merge_keys, cell_notes, kind_label, label, matrix_columns, natural_key,
                     read_master, removed_columns, row_order, sheet_names, status_key, status_label, write_master)
from .metadata import WorkbookMeta
from .ids import id_text, number_text
from .inputs import scan_inputs
from .reader import HEADER_SEARCH_ROWS, WorkbookData, open_workbook
from .schema import ACTION_STRATEGY, IMPLEMENTATION_PLAN, MATRICES, RECOMMENDATIONS, RESPONSES, STATUSES
from .schema import matrix as matrix_of
from .templates import choice_label

# A progress bar only pays off beyond a handful of files.
PROGRESS_MIN_FILES = 4
# How many IDs the console summary lists before "…".
SHOWN_IDS = 12

REASONS = {
    "missing": {"en": "no such file or folder", "fr": "fichier ou dossier introuvable"},
    "output": {"en": "this is the output master itself", "fr": "c'est le classeur maître de sortie lui-même"},
    "master": {"en": "a master workbook: merge the groups' workbooks, not masters",
               "fr": "un classeur maître : fusionnez les classeurs des groupes, pas des maîtres"},
    "list": {"en": "a recommendation list, not a group's matrix; its recommendations are counted in Coverage",
             "fr": "une liste de recommandations, pas une matrice de groupe ; ses recommandations "
                   "sont comptées dans la Couverture"},
    "unrecognised": {"en": "not recognised as an implementation plan or an action strategy "
                           "(no header row with a Recommendation ID column in the first {rows} rows searched)",
                     "fr": "non reconnu comme plan de mise en œuvre ni stratégie d'action "
                           "(aucune ligne d'en-tête avec une colonne ID de la recommandation dans les {rows} "
                           "premières lignes)"},
    "duplicate": {"en": "same content as {other}", "fr": "même contenu que {other}"},
    "no_workbook": {"en": "no workbook (.xlsx, .xlsm, .xls, .ods) found",
                    "fr": "aucun classeur (.xlsx, .xlsm, .xls, .ods) trouvé"},
    "kept": {"en": "not in this merge: its {rows} rows are kept as they were in the previous master",
             "fr": "absent de cette fusion : ses {rows} lignes sont conservées telles qu'elles étaient "
                   "dans le maître précédent"},
    "not_validated": {"en": "merged, but could not be validated ({problem})",
                      "fr": "fusionné, mais la validation a échoué ({problem})"},
    "xlsx_only": {"en": "{target}: the master is written as .xlsx; name it {suggestion}",
                  "fr": "{target} : le maître est écrit au format .xlsx ; nommez-le {suggestion}"},
}

SAY = {
    "written": {"en": "Master written: {path}", "fr": "Classeur maître écrit : {path}"},
    "backup": {"en": "Previous master kept as {path}", "fr": "Ancien maître conservé sous {path}"},
    "files": {"en": "Files: {merged} merged, {skipped} skipped",
              "fr": "Fichiers : {merged} fusionnés, {skipped} ignorés"},
    "skipped_file": {"en": "  skipped {name}: {reason}", "fr": "  ignoré {name} : {reason}"},
    "rows": {"en": "Rows: {plan} implementation plan, {strategy} action strategy",
             "fr": "Lignes : {plan} plan de mise en œuvre, {strategy} stratégie d'action"},
    "kept_rows": {"en": " ({kept} kept from the previous master for groups not in this merge)",
                  "fr": " (dont {kept} conservées du maître précédent pour des groupes absents de cette fusion)"},
    "remerge": {"en": "Re-merge: {kept} rows kept their status and notes; {removed} rows moved to Removed rows; "
                      "{restored} came back",
                "fr": "Nouvelle fusion : {kept} lignes ont gardé leur statut et leurs notes ; {removed} lignes "
                      "déplacées vers Lignes supprimées ; {restored} revenues"},
    "recs": {"en": "Recommendations: {total}, {addressed} addressed, {not_addressed} not addressed",
             "fr": "Recommandations : {total}, {addressed} traitées, {not_addressed} non traitées"},
    "not_addressed": {"en": "Not addressed by any group: {ids}", "fr": "Traitées par aucun groupe : {ids}"},
    "unlisted": {"en": "Rows citing an ID not in the list, counted apart ({n}, see Coverage): {items}",
                 "fr": "Lignes citant un identifiant absent de la liste, comptées à part ({n}, voir Couverture) : "
                       "{items}"},
    "in_no_workbook": {"en": "{n} recommendations of the list are in no merged workbook (unassigned, or a "
                             "group's workbook missing); Coverage counts them as not addressed: {ids}",
                       "fr": "{n} recommandations de la liste ne figurent dans aucun classeur fusionné (non "
                             "attribuées, ou classeur d'un groupe absent) ; la Couverture les compte comme non "
                             "traitées : {ids}"},
    "cross_cutting": {"en": "Cross-cutting ({n}, see Coverage): {items}",
                      "fr": "Transversales ({n}, voir Couverture) : {items}"},
    "findings": {"en": "Findings: {errors} errors, {warnings} warnings, {infos} notes (Findings sheet)",
                 "fr": "Constats : {errors} erreurs, {warnings} avertissements, {infos} notes (feuille Constats)"},
    "stray": {"en": "Text outside the tables: {n} cells (sheet {sheet})",
              "fr": "Texte hors des tableaux : {n} cellules (feuille {sheet})"},
    "warning": {"en": "warning: {text}", "fr": "attention : {text}"},
    "nothing": {"en": "No group workbook was merged; the master was not written.",
                "fr": "Aucun classeur de groupe n'a été fusionné ; le classeur maître n'a pas été écrit."},
    "same_group": {"en": "{files}: several workbooks for the {kind} of {group}; all were merged",
                   "fr": "{files} : plusieurs classeurs pour {kind} du groupe {group} ; tous ont été fusionnés"},
    "control_chars": {"en": "{file}, cell {cell}: invisible control characters were removed (Excel cannot store them)",
                      "fr": "{file}, cellule {cell} : des caractères de contrôle invisibles ont été supprimés "
                            "(Excel ne peut pas les enregistrer)"},
    "too_long": {"en": "{file}, cell {cell}: {length:,} characters, more than the {limit:,} an Excel cell holds; "
                       "the master keeps the first {limit:,} and the full text stays in {file}",
                 "fr": "{file}, cellule {cell} : {length:,} caractères, plus que les {limit:,} d'une cellule Excel ; "
                       "le maître garde les {limit:,} premiers et le texte complet reste dans {file}"},
    "reading": {"en": "Reading", "fr": "Lecture"},
    "key_conflict": {"en": "{file}, row {row}: its hidden row key {row_key} belonged to a row with other content in the "
                           "previous master ({old}); the coordinator's columns were not carried over to it, and that "
                           "row keeps them in Removed rows",
                     "fr": "{file}, ligne {row} : sa clé de ligne cachée {row_key} appartenait à une ligne au contenu "
                           "différent dans le maître précédent ({old}) ; les colonnes du coordinateur ne lui ont pas "
                           "été reportées, et cette ligne les garde dans Lignes supprimées"},
}

SUMMARY_TEXT = {
    "title": {"en": "UPR Matrix master: summary", "fr": "Classeur maître UPR Matrix : synthèse"},
    "merged_on": {"en": "Merged on", "fr": "Fusionné le"},
    "files_merged": {"en": "Files merged", "fr": "Fichiers fusionnés"},
    "files_skipped": {"en": "Files skipped", "fr": "Fichiers ignorés"},
    "rows_plan": {"en": "Implementation plan rows", "fr": "Lignes du plan de mise en œuvre"},
    "rows_strategy": {"en": "Action strategy rows", "fr": "Lignes de la stratégie d'action"},
    "recommendations": {"en": "Recommendations", "fr": "Recommandations"},
    "not_addressed": {"en": "Not addressed by any group", "fr": "Traitées par aucun groupe"},
    "unlisted_rows": {"en": "Rows citing an ID not in the list (counted apart)",
                      "fr": "Lignes citant un identifiant absent de la liste (comptées à part)"},
    "cross_cutting": {"en": "Cross-cutting (several groups)", "fr": "Transversales (plusieurs groupes)"},
    "no_strategy": {"en": "Planned but without action strategy", "fr": "Planifiées mais sans stratégie d'action"},
    "completeness": {"en": "Completeness (required cells filled)",
                     "fr": "Complétude (cellules obligatoires remplies)"},
    "smart_pass": {"en": "Indicators fully SMART (5/5)", "fr": "Indicateurs entièrement SMART (5/5)"},
    "removed_now": {"en": "Rows moved to Removed rows by this merge",
                    "fr": "Lignes déplacées vers Lignes supprimées par cette fusion"},
    "by_group": {"en": "Rows by group", "fr": "Lignes par groupe"},
    "by_response": {"en": "Recommendations by response", "fr": "Recommandations par réponse"},
    "by_category": {"en": "Recommendations by action category", "fr": "Recommandations par catégorie d'action"},
    "by_indicator": {"en": "Indicators by type", "fr": "Indicateurs par type"},
    "by_status": {"en": "Rows by status", "fr": "Lignes par statut"},
    "completeness_by_group": {"en": "Completeness by group", "fr": "Complétude par groupe"},
    "smart_criteria": {"en": "SMART pass rate by criterion", "fr": "Taux de réussite SMART par critère"},
    "response": {"en": "Response", "fr": "Réponse"},
    "category": {"en": "Action category", "fr": "Catégorie d'action"},
    "indicator_type": {"en": "Indicator type", "fr": "Type d'indicateur"},
    "status": {"en": "Status", "fr": "Statut"},
    "criterion": {"en": "Criterion", "fr": "Critère"},
    "passed": {"en": "Passed", "fr": "Réussis"},
    "assessed": {"en": "Assessed", "fr": "Évalués"},
    "pass_rate": {"en": "Pass rate", "fr": "Taux de réussite"},
    "count": {"en": "Recommendations", "fr": "Recommandations"},
    "addressed": {"en": "Addressed", "fr": "Traitées"},
    "not_addressed_short": {"en": "Not addressed", "fr": "Non traitées"},
    "plan_rows": {"en": "Plan rows", "fr": "Lignes du plan"},
    "strategy_rows": {"en": "Strategy rows", "fr": "Lignes de la stratégie"},
    "rows": {"en": "Rows", "fr": "Lignes"},
    "all_groups": {"en": "All groups", "fr": "Tous les groupes"},
    "none": {"en": "(none)", "fr": "(aucun)"},
    "unknown": {"en": "(not assessed)", "fr": "(non évalué)"},
}


def _t(table: dict, key: str, lang: str, **values: object) -> str:
    text = table[key]["fr" if lang == "fr" else "en"]
    return text.format(**values) if values else text


def reason(key: str, lang: str, **values: object) -> str:
    return _t(REASONS, key, lang, **values)


# --- results ------------------------------------------------------------------------

@dataclass
class SourceResult:
    """One input file and what became of it."""

    path: Path
    kind: str = "unknown"
    group: str = ""
    group_key: str = ""
    rows: int = 0
    stray: int = 0
    findings: int = 0
    format: str = ""
    modified: dt.datetime | None = None
    sha256: str = ""
    status: str = "merged"          # "merged" | "skipped" | "kept"
    reason: str = ""
    unusable: bool = False          # skipped because it could not be read or recognised, not by design


@dataclass
class CoverageRow:
    id: str
    record: dict[str, object]
    in_list: bool
    assigned: list[str] = field(default_factory=list)       # group keys the list gives it to
    planned_by: list[str] = field(default_factory=list)     # group labels with plan rows
    strategy_by: list[str] = field(default_factory=list)    # group labels with strategy rows
    by_group: dict[str, str] = field(default_factory=dict)  # group label -> what it plans
    rows: list[str] = field(default_factory=list)           # where an ID not in the list was typed

    @property
    def groups(self) -> list[str]:
        return list(dict.fromkeys(self.planned_by + self.strategy_by))

    @property
    def status(self) -> str:
        if not self.in_list:
            return "not_in_list"
        count = len(self.groups)
        return "not_addressed" if count == 0 else "addressed" if count == 1 else "cross_cutting"


@dataclass
class GroupStats:
    key: str
    label: str
    worksheet: dict[str, object] = field(default_factory=dict)
    assigned: int = 0
    addressed: int = 0
    not_in_strategy: int | None = None
    rows: dict[str, int] = field(default_factory=lambda: {s.kind: 0 for s in MATRICES})
    filled: dict[str, list[int]] = field(default_factory=lambda: {s.kind: [0, 0] for s in MATRICES})
    smart_scores: list[float] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def completeness(self, kind: str) -> float | None:
        filled, total = self.filled[kind]
        return filled / total if total else None

    @property
    def smart_mean(self) -> float | None:
        return sum(self.smart_scores) / len(self.smart_scores) if self.smart_scores else None

    @property
    def smart_pass_rate(self) -> float | None:
        if not self.smart_scores:
            return None
        return sum(score >= len(SMART_CRITERIA) for score in self.smart_scores) / len(self.smart_scores)


@dataclass
class PlacedFinding:
    finding: Finding
    group: str
    link: tuple[str, str] | None     # (sheet title, cell) in the master


@dataclass
class StrayNote:
    group: str
    source_file: str
    sheet: str
    cell: str
    value: object
    source_path: str = ""
    comment: bool = False       # the text of a cell comment, not the cell's value


@dataclass
class MergeResult:
    output: Path
    lang: str
    merged_at: dt.datetime
    sources: list[SourceResult] = field(default_factory=list)
    rows: dict[str, list[MasterRow]] = field(default_factory=dict)
    columns: dict[str, list[MasterColumn]] = field(default_factory=dict)
    removed: list[MasterRow] = field(default_factory=list)
    removed_columns: list[MasterColumn] = field(default_factory=list)
    coverage: list[CoverageRow] = field(default_factory=list)      # the list's recommendations only
    unlisted: list[CoverageRow] = field(default_factory=list)      # IDs typed in rows but not in the list
    in_no_workbook: list[str] = field(default_factory=list)        # listed IDs no merged workbook holds
    group_stats: list[GroupStats] = field(default_factory=list)
    findings: list[PlacedFinding] = field(default_factory=list)
    stray: list[StrayNote] = field(default_factory=list)
    summary: list[SummaryTable] = field(default_factory=list)
    headline: list[tuple[str, object]] = field(default_factory=list)
    meta: WorkbookMeta | None = None
    backup: Path | None = None
    previous: Path | None = None       # the master re-merged into, when there was one
    written: bool = False              # False when no workbook was merged: the master is left as it was
    kept_coordinator: int = 0          # rows whose coordinator columns came from the previous master
    newly_removed: int = 0
    restored: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def merged(self) -> list[SourceResult]:
        return [s for s in self.sources if s.status == "merged"]

    @property
    def skipped(self) -> list[SourceResult]:
        return [s for s in self.sources if s.status == "skipped"]

    @property
    def unusable(self) -> list[SourceResult]:
        """Inputs that could not be used: the CLI exits with 2 although the others were merged."""
        return [s for s in self.sources if s.status == "skipped" and s.unusable]

    @property
    def not_addressed(self) -> list[str]:
        return [c.id for c in self.coverage if c.status == "not_addressed"]

    @property
    def cross_cutting(self) -> list[CoverageRow]:
        return [c for c in self.coverage if c.status == "cross_cutting"]

    @property
    def summary_title(self) -> str:
        return _t(SUMMARY_TEXT, "title", self.lang)

    def row_count(self, kind: str) -> int:
        return len(self.rows.get(kind, []))


# --- reading the sources ---------------------------------------------------------------

@dataclass
class _Loaded:
    source: SourceResult
    data: WorkbookData
    report: object = None


def _group_identity(data: WorkbookData, lang: str) -> tuple[str, str]:
    """(group key, label in the master's language): metadata, then the group's name."""
    known = {g.key: g for g in DEFAULT_GROUPS}
    key = data.meta.group if data.meta and data.meta.group else ""
    if key in known:
        return key, known[key].label(lang)
    name = data.group
    wanted = normalise(name)
    for group in DEFAULT_GROUPS:
        if wanted in (normalise(group.en), normalise(group.fr), group.key):
            return group.key, group.label(lang)
    return key or wanted or "unknown", name or key


def _looks_like_master(data: WorkbookData) -> bool:
    """A master whose metadata is gone: its matrices carry our provenance columns."""
    wanted = {normalise(c.label(lg)) for c in (SOURCE_FILE, SOURCE_ROW) for lg in ("en", "fr")}
    return any(len(wanted & {normalise(h) for h in m.extra_columns}) >= 2 for m in data.matrices)


def _validate(data: WorkbookData, lang: str):
    from .validate import validate_workbook

    return validate_workbook(data, lang=lang)


def _load_sources(files: list[Path], output: Path, lang: str, console, on_file,
                  preloaded: dict[Path, WorkbookData] | None = None) -> tuple[
        list[SourceResult], list[_Loaded], list[list[dict[str, object]]], list[str]]:
    """Open and validate each file; skipped ones are recorded, never fatal."""
    sources: list[SourceResult] = []
    loaded: list[_Loaded] = []
    extra_lists: list[list[dict[str, object]]] = []
    warnings: list[str] = []
    seen_hashes: dict[str, Path] = {}
    target = output.resolve()
    preloaded = preloaded or {}

    def load(path: Path) -> None:
        source = SourceResult(path=path, format=path.suffix.lower().lstrip("."))
        sources.append(source)
        if path.resolve() == target:
            source.status, source.kind, source.reason = "skipped", "master", reason("output", lang)
            return
        try:
            data = preloaded.get(path) or open_workbook(path)
        except InputError as exc:
            source.status, source.reason, source.unusable = "skipped", exc.detail, True
            return
        source.kind, source.modified, source.sha256 = data.kind, data.modified, data.sha256
        if data.kind == "master" or _looks_like_master(data):
            source.status, source.reason = "skipped", reason("master", lang)
            return
        if not data.matrices:
            source.status = "skipped"
            # A group's workbook whose matrix sheet is gone still holds its list: it is unusable, not a list.
            if data.recommendations and data.kind == "recommendations":
                source.kind, source.reason = "recommendations", reason("list", lang)
                source.rows = len(data.recommendations)
                extra_lists.append(data.recommendations)
            else:
                source.kind, source.reason, source.unusable = "unknown", reason("unrecognised", lang, rows=HEADER_SEARCH_ROWS), True
                if data.no_matrix_hint:
                    source.reason += f"; {data.no_matrix_hint}"
            return
        if data.sha256 in seen_hashes:
            source.status = "skipped"
            source.reason = reason("duplicate", lang, other=seen_hashes[data.sha256].name)
            return
        seen_hashes[data.sha256] = path
        source.group_key, source.group = _group_identity(data, lang)
        source.kind = data.matrices[0].kind
        source.rows = sum(len(m.rows) for m in data.matrices)
        source.stray = len(data.stray)
        item = _Loaded(source, data)
        try:
            item.report = _validate(data, lang)
            source.findings = len(item.report.findings)
        except Exception as exc:  # a check's bug must not cost the group its rows in the master
            problem = f"{type(exc).__name__}: {exc}"
            source.reason = reason("not_validated", lang, problem=problem)
            warnings.append(f"{path.name}: {source.reason}")
        loaded.append(item)

    if console is not None and len(files) >= PROGRESS_MIN_FILES:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[name]}"), console=console, transient=True) as progress:
            task = progress.add_task(_t(SAY, "reading", lang), total=len(files), name="")
            for path in files:
                progress.update(task, name=path.name)
                load(path)
                progress.advance(task)
                if on_file:
                    on_file(path)
    else:
        for path in files:
            load(path)
            if on_file:
                on_file(path)
    return sources, loaded, extra_lists, warnings


def _full_list(path: Path | None, lang: str) -> list[dict[str, object]]:
    """The --recommendations list as records keyed like RECOMMENDATIONS, in the master's language."""
    if path is None:
        return []
    from .recommendations import import_recommendations, recommendation_rows

    try:
        recs = import_recommendations(Path(path)).recommendations
    except InputError:
        data = open_workbook(Path(path))
        if not data.recommendations:
            raise InputError(path, "no recommendations found in this list") from None
        return data.recommendations
    return [dict(zip(RECOMMENDATIONS.keys, row)) for row in recommendation_rows(recs, lang)]


# --- rows ---------------------------------------------------------------------------

def _typed_id_kept(raw: object, rec_id: str, texts: list[object]) -> bool:
    """True when the ID cell holds the ID itself or its dropdown label, so the ID says it all."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        return False
    if not isinstance(raw, str):
        return number_text(raw) == rec_id  # 77 typed as a number; 77.1 filed as 77.10 keeps what was typed
    typed = raw
    if typed == rec_id:
        return True
    return any(text and typed == choice_label(rec_id, str(text)) for text in texts)


def _rows_of(item: _Loaded, lookup: dict[str, dict[str, object]], lang: str) -> list[MasterRow]:
    data, source = item.data, item.source
    own_list = {str(r["id"]): r for r in data.recommendations}
    smart = getattr(item.report, "smart", {}) or {}
    as_typed = label("as_typed", lang, column=IMPLEMENTATION_PLAN.column("recommendation_id").label(lang))
    rows = []
    for m in data.matrices:
        for r in m.rows:
            values = dict(r.values)
            values.pop("row_key", None)
            raw_id = values.get("recommendation_id")
            rec_id = r.recommendation_id
            extras = dict(r.extras)
            texts = [own_list.get(rec_id, {}).get("text"), lookup.get(rec_id, {}).get("text")]
            if raw_id is not None and not _typed_id_kept(raw_id, rec_id, texts):
                extras[as_typed] = raw_id
            values["recommendation_id"] = rec_id or None
            record = lookup.get(rec_id) or {}
            if r.ambiguous_ids:
                # A number several listed IDs share stays the number typed, fills nothing in and
                # counts for no recommendation in Coverage: the Findings sheet says which it may be.
                values["recommendation_id"], record = raw_id, {}
            for col in m.schema.columns:
                if col.autofilled and values.get(col.key) is None and record.get(col.lookup) is not None:
                    values[col.key] = record.get(col.lookup)
            notes = cell_notes(m.schema, r.values, r.cells, r.merged, r.formulas, r.uncomputed, lang) \
                if r.merged or r.formulas else ""
            row = MasterRow(
                kind=m.kind, values=values, group_key=source.group_key, group=source.group, extras=extras,
                source_file=data.path.name, source_sheet=m.sheet, source_row=r.row,
                source_modified=data.modified, source_notes=notes, row_key=r.row_key, source_path=str(data.path))
            result = smart.get((m.sheet, r.row))
            if result is not None and m.kind == IMPLEMENTATION_PLAN.kind:
                verdicts = getattr(result, "verdicts", {}) or {}
                missed = [c for c in SMART_CRITERIA if c in verdicts and not verdicts[c].passed]
                row.smart = {"smart_score": getattr(result, "score", None),
                             "smart_missed": ", ".join(missed) or None,
                             "indicator_type": getattr(result, "indicator_type", None) or None}
            rows.append(row)
    return rows


def _shared_cells(new_row: MasterRow, old_row: MasterRow) -> int:
    """How many filled input cells an edited row still shares with a previous row."""
    from .master import comparable

    keys = [c.key for c in matrix_of(new_row.kind).inputs if c.key != "recommendation_id"]
    return sum(1 for k in keys
               if comparable(old_row.values.get(k)) and comparable(new_row.values.get(k)) == comparable(old_row.values.get(k)))


def _pair_rows(new: list[MasterRow], active: list[MasterRow], gone: list[MasterRow],
               conflicts: list[tuple[MasterRow, MasterRow]] | None = None) -> dict[int, MasterRow]:
    """Which previous row (shown or removed) each new row is: id(new row) -> previous row.

    By content first: a row whose cells are unchanged is the same row wherever it moved (a group
    re-sorted its sheet, and the hidden row keys stayed in place). Then by merge key, for edited
    rows; but a key that now sits on content sharing more cells with another row of the group
    than with its own (rows moved and edited) is a conflict (listed in conflicts), not a match. Last, for rows
    without a row key, as the only row of their group for their recommendation on both sides.
    """
    candidates = active + gone
    free = {id(c) for c in candidates}
    matches: dict[int, MasterRow] = {}

    def take(new_row: MasterRow, old_row: MasterRow) -> None:
        free.discard(id(old_row))
        matches[id(new_row)] = old_row

    by_content: dict[str, list[MasterRow]] = defaultdict(list)
    for c in candidates:
        by_content[c.content_key()].append(c)
    # Rows whose key still points at their own content first, so that duplicates keep their own notes.
    for n in sorted(new, key=lambda n: not any(c.merge_key == n.merge_key for c in by_content.get(n.content_key(), []))):
        same = [c for c in by_content.get(n.content_key(), []) if id(c) in free]
        if same:
            take(n, next((c for c in same if c.merge_key == n.merge_key), same[0]))
    by_key: dict[str, MasterRow] = {}
    by_recommendation: dict[tuple[str, str], list[MasterRow]] = defaultdict(list)
    for c in candidates:
        by_key.setdefault(c.merge_key, c)
        by_recommendation[(c.group_key, c.recommendation_id)].append(c)
    for n in new:
        if id(n) in matches:
            continue
        c = by_key.get(n.merge_key)
        if c is not None and id(c) in free:
            own = _shared_cells(n, c)
            # A key carries the recommendation ID: rows swapped under one key share it.
            elsewhere = any(id(o) in free and o is not c and _shared_cells(n, o) > own
                            for o in by_recommendation[(n.group_key, n.recommendation_id)])
            if not elsewhere:
                take(n, c)           # the keyed row, edited (even all of it)
            elif conflicts is not None:
                conflicts.append((n, c))
    lone_new: dict[tuple[str, str], list[MasterRow]] = defaultdict(list)
    lone_old: dict[tuple[str, str], list[MasterRow]] = defaultdict(list)
    for n in new:
        if id(n) not in matches:
            lone_new[(n.group_key, n.recommendation_id)].append(n)
    for c in active:
        if id(c) in free:
            lone_old[(c.group_key, c.recommendation_id)].append(c)
    for pair, news in lone_new.items():
        olds = lone_old.get(pair, [])
        if len(news) == 1 and len(olds) == 1 and not (news[0].row_key and olds[0].row_key):
            take(news[0], olds[0])
    return matches


def _match_previous(rows: dict[str, list[MasterRow]], old: OldMaster, merged_pairs: set[tuple[str, str]],
                    today: dt.date, result: MergeResult, lang: str) -> None:
    """Carry the coordinator's columns over; move vanished rows to Removed rows.

    A previous row that no new row matches is removed when its group's matrix was merged
    now, and kept as it was when that group's workbook is not part of this merge.
    """
    removed: list[MasterRow] = []
    for sheet in MATRICES:
        kind = sheet.kind
        new = rows[kind]
        active = old.rows.get(kind, [])
        gone = [r for r in old.removed if r.kind == kind]
        assign_merge_keys(active)
        assign_merge_keys(gone)
        conflicts: list[tuple[MasterRow, MasterRow]] = []
        matches = _pair_rows(new, active, gone, conflicts)
        paired = {id(v) for v in matches.values()}
        for n, c in conflicts:
            if id(n) not in matches and id(c) not in paired:
                result.warnings.append(_t(SAY, "key_conflict", lang, file=n.source_file, row=n.source_row,
                                          row_key=n.row_key, old=_summary_line(c, lang)))
        matched = {id(c) for c in matches.values()}
        gone_ids = {id(c) for c in gone}
        for n in new:
            c = matches.get(id(n))
            if c is None:
                continue
            n.coordinator, n.own = dict(c.coordinator), dict(c.own)
            if any(v is not None for v in (*c.coordinator.values(), *c.own.values())):
                result.kept_coordinator += 1
            if id(c) in gone_ids:
                result.restored += 1
        for c in active:
            if id(c) in matched:
                continue
            if (kind, c.group_key) in merged_pairs:
                c.removed_on = today
                removed.append(c)
                result.newly_removed += 1
            else:
                c.group = _relabel_group(c.group_key, c.group, lang)
                new.append(c)
        removed.extend(c for c in gone if id(c) not in matched)
    result.removed = sorted(removed, key=lambda r: (r.removed_on or dt.date.min, *row_order(r)))


def _relabel_group(key: str, current: str, lang: str) -> str:
    for group in DEFAULT_GROUPS:
        if group.key == key:
            return group.label(lang)
    return current


def _ordered_headers(rows: list[MasterRow], attr: str) -> list[str]:
    return list(dict.fromkeys(h for r in rows for h in getattr(r, attr)))


# --- coverage, groups, findings, summary -------------------------------------------------

def _response_key(value: object) -> str:
    if value is None:
        return ""
    wanted = normalise(str(value))
    for en, fr in RESPONSES.items():
        if wanted in (normalise(en), normalise(fr)):
            return en
    return str(value).strip()


def _response_label(key: str, lang: str) -> str:
    return RESPONSES.get(key, key) if lang == "fr" else key


def _group_keys_in(text: object) -> list[str]:
    if text is None:
        return []
    keys = []
    for part in str(text).replace("\n", ";").split(";"):
        wanted = normalise(part)
        for group in DEFAULT_GROUPS:
            if wanted and wanted in (normalise(group.en), normalise(group.fr), group.key):
                keys.append(group.key)
    return keys


def _summary_line(row: MasterRow, lang: str) -> str:
    if row.kind == IMPLEMENTATION_PLAN.kind:
        text = row.values.get("goal") or row.values.get("indicator") or row.values.get("government_action")
        prefix = label("plan_short", lang)
    else:
        text = row.values.get("cso_activity") or row.values.get("notes")
        prefix = label("strategy_short", lang)
    text = " ".join(str(text).split()) if text is not None else "…"
    return f"{prefix}: {text[:200]}"


def _coverage(result: MergeResult, lists: list[list[dict[str, object]]], embedded: dict[str, set[str]],
              lang: str) -> None:
    records: dict[str, dict[str, object]] = {}
    for records_list in lists:
        for record in records_list:
            rec_id = id_text(record.get("id"))
            if rec_id and rec_id not in records:
                records[rec_id] = dict(record, id=rec_id)
    coverage: dict[str, CoverageRow] = {}
    for rec_id, record in records.items():
        record["response"] = _response_label(_response_key(record.get("response")), lang) or None
        assigned = list(dict.fromkeys(_group_keys_in(record.get("groups")) + sorted(embedded.get(rec_id, ()))))
        coverage[rec_id] = CoverageRow(rec_id, record, True, assigned)
    for sheet in MATRICES:
        for row in result.rows[sheet.kind]:
            rec_id = row.recommendation_id
            if not rec_id or isinstance(row.values.get("recommendation_id"), (int, float)):
                continue   # no ID, or a number several listed IDs share (see _rows_of)
            if rec_id not in coverage:
                # Without any list every typed ID counts; with one, an ID it lacks is counted apart.
                record = {"id": rec_id, "text": row.values.get("recommendation"),
                          "recommending_states": row.values.get("recommending_states"),
                          "response": row.values.get("response")}
                coverage[rec_id] = CoverageRow(rec_id, record, not records)
            item = coverage[rec_id]
            if not item.in_list:
                item.rows.append(f"{row.group}, {row.source_file} {row.source_sheet}!{row.source_row}")
            target = item.planned_by if sheet.kind == IMPLEMENTATION_PLAN.kind else item.strategy_by
            if row.group not in target:
                target.append(row.group)
            line = _summary_line(row, lang)
            item.by_group[row.group] = (item.by_group[row.group] + "\n" + line) if row.group in item.by_group \
                else line
    for item in coverage.values():
        if item.assigned:
            item.record["groups"] = "; ".join(_relabel_group(k, k, lang) for k in item.assigned)
    ordered = sorted(coverage.values(), key=lambda c: natural_key(c.id))
    result.coverage = [c for c in ordered if c.in_list]
    result.unlisted = [c for c in ordered if not c.in_list]


def _group_stats(result: MergeResult, loaded: list[_Loaded], lang: str) -> None:
    stats: dict[str, GroupStats] = {}

    def get(key: str, name: str) -> GroupStats:
        if key not in stats:
            stats[key] = GroupStats(key, _relabel_group(key, name, lang))
        return stats[key]

    for item in loaded:
        g = get(item.source.group_key, item.source.group)
        g.files.append(item.data.path.name)
        if item.data.group_sheet:
            for k, v in item.data.group_sheet.values.items():
                if v is not None and g.worksheet.get(k) is None:
                    g.worksheet[k] = v
    for sheet in MATRICES:
        required = [c.key for c in sheet.required]
        for row in result.rows[sheet.kind]:
            g = get(row.group_key, row.group)
            g.rows[sheet.kind] += 1
            g.filled[sheet.kind][0] += sum(row.values.get(k) is not None for k in required)
            g.filled[sheet.kind][1] += len(required)
            score = row.smart.get("smart_score")
            if isinstance(score, (int, float)) and not isinstance(score, bool):
                g.smart_scores.append(score)
    for item in result.coverage:
        for key in item.assigned:
            get(key, key).assigned += 1
    by_label = {g.label: g for g in stats.values()}
    for item in result.coverage:
        for name in item.groups:
            if name in by_label:
                by_label[name].addressed += 1
        for key in item.assigned:
            g = stats[key]
            if g.not_in_strategy is None:
                g.not_in_strategy = 0
            if g.label not in item.strategy_by:
                g.not_in_strategy += 1
    order = {g.key: i for i, g in enumerate(DEFAULT_GROUPS)}
    result.group_stats = sorted(stats.values(), key=lambda g: (order.get(g.key, len(order)), g.label.casefold()))


def _place_findings(result: MergeResult, loaded: list[_Loaded], lang: str) -> None:
    """Each finding with a link to the master cell its source cell became."""
    titles = sheet_names(lang)
    where: dict[tuple[str, str, int], MasterRow] = {}
    for sheet in MATRICES:
        for row in result.rows[sheet.kind]:
            if row.origin == "source":
                where[(row.source_path, row.source_sheet, row.source_row)] = row
    letters = {kind: {c.key: i for i, c in enumerate(columns, start=1)} for kind, columns in result.columns.items()}
    stray_rows = {(s.source_path, s.sheet, s.cell): i for i, s in enumerate(result.stray, start=2)}
    source_rows = {str(s.path): i for i, s in enumerate(result.sources, start=2)}
    for item in loaded:
        if item.report is None:
            continue
        for f in item.report.findings:
            link = None
            row = where.get((f.file, f.sheet, f.row)) if f.row is not None else None
            if f.type == "stray-cell" and (f.file, f.sheet, f.cell) in stray_rows:
                link = (titles["stray"], f"E{stray_rows[(f.file, f.sheet, f.cell)]}")
            elif row is not None:
                column = letters[row.kind].get(f.field or "recommendation_id", 1)
                link = (titles[row.kind], f"{get_column_letter(column)}{row.master_row}")
            elif str(item.data.path) in source_rows:
                link = (titles["sources"], f"A{source_rows[str(item.data.path)]}")
            result.findings.append(PlacedFinding(f, item.source.group, link))
    severity_order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    result.findings.sort(key=lambda p: severity_order[p.finding.severity])


def _summary(result: MergeResult, lang: str) -> None:
    from .messages import ACTION_CATEGORY_NAMES, CRITERION_NAMES

    say = lambda key: _t(SUMMARY_TEXT, key, lang)  # noqa: E731
    plan, strategy = IMPLEMENTATION_PLAN.kind, ACTION_STRATEGY.kind
    tables = []
    titles = [IMPLEMENTATION_PLAN.title(lang), ACTION_STRATEGY.title(lang)]
    tables.append(SummaryTable(
        "by_group", say("by_group"), [GROUP.label(lang), *titles],
        [[g.label, g.rows[plan], g.rows[strategy]] for g in result.group_stats]))
    coverage = result.coverage
    plan_rows_by_rec = Counter(r.recommendation_id for r in result.rows[plan])

    def tally(keyer, ordered: list[str], show) -> list[list[object]]:
        counts: dict[str, list[int]] = {}
        for item in coverage:
            key = keyer(item)
            c = counts.setdefault(key, [0, 0, 0, 0])
            c[0] += 1
            c[1] += item.status != "not_addressed"
            c[2] += item.status == "not_addressed"
            c[3] += plan_rows_by_rec[item.id]
        keys = [k for k in ordered if k in counts] + sorted(k for k in counts if k not in ordered)
        return [[show(k), *counts[k]] for k in keys]

    headers = [say("count"), say("addressed"), say("not_addressed_short"), say("plan_rows")]
    tables.append(SummaryTable(
        "by_response", say("by_response"), [say("response"), *headers],
        tally(lambda i: _response_key(i.record.get("response")), list(RESPONSES),
              lambda k: _response_label(k, lang) if k else say("none")), chart_series=(2, 3)))

    def category(item: CoverageRow) -> str:
        value = item.record.get("action_category")
        try:
            return str(int(float(value)))
        except (TypeError, ValueError):
            return ""

    def category_label(key: str) -> str:
        if not key:
            return say("none")
        name = ACTION_CATEGORY_NAMES.get(int(key), {}).get(lang)
        return f"{key} {name}" if name else key

    tables.append(SummaryTable("by_category", say("by_category"), [say("category"), *headers],
                               tally(category, ["1", "2", "3", "4", "5"], category_label), chart_series=(2, 3)))
    types = Counter(r.smart.get("indicator_type") or say("unknown") for r in result.rows[plan]
                    if r.values.get("indicator") is not None)
    tables.append(SummaryTable("by_indicator", say("by_indicator"), [say("indicator_type"), say("rows")],
                               [[k, n] for k, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))],
                               chart="pie"))
    completeness_rows = [[g.label, g.completeness(plan), g.completeness(strategy)] for g in result.group_stats]
    total = {kind: [sum(g.filled[kind][i] for g in result.group_stats) for i in (0, 1)] for kind in (plan, strategy)}
    overall = [say("all_groups")] + [total[k][0] / total[k][1] if total[k][1] else None for k in (plan, strategy)]
    tables.append(SummaryTable("completeness", say("completeness_by_group"), [GROUP.label(lang), *titles],
                               completeness_rows + [overall], percent_columns={1, 2}, percent_axis=True))
    criteria_rows = []
    for criterion in SMART_CRITERIA:
        assessed = [r for r in result.rows[plan] if r.smart.get("smart_score") is not None]
        missed = sum(criterion in str(r.smart.get("smart_missed") or "").split(", ") for r in assessed)
        name = CRITERION_NAMES.get(criterion, {}).get(lang, "")
        criteria_rows.append([f"{criterion} {name}".strip(), len(assessed) - missed, len(assessed),
                              (len(assessed) - missed) / len(assessed) if assessed else None])
    tables.append(SummaryTable("smart", say("smart_criteria"),
                               [say("criterion"), say("passed"), say("assessed"), say("pass_rate")],
                               criteria_rows, percent_columns={3}, chart_series=(3,), percent_axis=True))
    statuses = {kind: Counter(status_key(r.coordinator.get("status")) or r.coordinator.get("status") or ""
                              for r in result.rows[kind]) for kind in (plan, strategy)}
    keys = [k for k in STATUSES if statuses[plan][k] or statuses[strategy][k]]
    keys += sorted({k for c in statuses.values() for k in c if k not in STATUSES}, key=str)
    tables.append(SummaryTable("by_status", say("by_status"), [say("status"), say("plan_rows"), say("strategy_rows")],
                               [[status_label(k, lang) if k else say("none"), statuses[plan][k],
                                 statuses[strategy][k]] for k in keys]))
    result.summary = tables

    all_scores = [s for g in result.group_stats for s in g.smart_scores]
    filled = sum(total[k][0] for k in total)
    cells = sum(total[k][1] for k in total)
    planned_without_strategy = sum(1 for c in coverage if c.planned_by and not c.strategy_by)
    result.headline = [
        (say("merged_on"), result.merged_at),
        (say("files_merged"), len(result.merged)),
        (say("files_skipped"), len(result.skipped)),
        (say("rows_plan"), result.row_count(plan)),
        (say("rows_strategy"), result.row_count(strategy)),
        (say("recommendations"), len(coverage)),
        (say("not_addressed"), len(result.not_addressed)),
        (say("unlisted_rows"), sum(len(c.rows) for c in result.unlisted)),
        (say("cross_cutting"), len(result.cross_cutting)),
        (say("no_strategy"), planned_without_strategy),
        (say("completeness"), filled / cells if cells else None),
        (say("smart_pass"), (sum(s >= 5 for s in all_scores) / len(all_scores)) if all_scores else None),
        (say("removed_now"), result.newly_removed),
    ]


def _sanity_warnings(loaded: list[_Loaded], lang: str) -> list[str]:
    """What the coordinator should know although nothing stops the merge."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    warnings = []
    by_pair: dict[tuple[str, str], list[_Loaded]] = defaultdict(list)
    for item in loaded:
        for kind in dict.fromkeys(m.kind for m in item.data.matrices):   # a hidden second sheet is the same file
            by_pair[(kind, item.source.group_key)].append(item)
    for (kind, _), items in by_pair.items():
        if len(items) > 1:
            warnings.append(_t(SAY, "same_group", lang, files=", ".join(i.data.path.name for i in items),
                               kind=kind_label(kind, lang), group=items[0].source.group))
    for item in loaded:
        cells = [(r.cells.get(k) or r.extra_cells.get(k) or f"{r.sheet}!{r.row}", v)
                 for m in item.data.matrices for r in m.rows for k, v in (*r.values.items(), *r.extras.items())]
        cells += [(c.coordinate, c.value) for c in item.data.stray]
        for cell, value in cells:
            if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
                warnings.append(_t(SAY, "control_chars", lang, file=item.data.path.name, cell=cell))
            if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
                warnings.append(_t(SAY, "too_long", lang, file=item.data.path.name, cell=cell, length=len(value),
                                   limit=EXCEL_CELL_LIMIT))
    return list(dict.fromkeys(warnings))   # a value merged down several rows is one cell


def _master_meta(loaded: list[_Loaded], lang: str) -> WorkbookMeta:
    meta = WorkbookMeta(kind="master", lang=lang)
    for item in loaded:
        source = item.data.meta
        if source is None:
            continue
        for name in ("state", "session", "cycle", "plan_start", "plan_end"):
            if not getattr(meta, name) and getattr(source, name):
                setattr(meta, name, getattr(source, name))
    return meta


def backup_path(output: Path, when: dt.datetime) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    candidate = output.with_name(f"{output.stem}.{stamp}.bak{output.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = output.with_name(f"{output.stem}.{stamp}-{n}.bak{output.suffix}")
    return candidate


# --- the merge ----------------------------------------------------------------------

def merge_workbooks(paths, output, *, lang: str = "en", recommendations: Path | None = None,
                    console=None, now: dt.datetime | None = None, on_file=None) -> MergeResult:
    """Merge the workbooks under paths into the master at output and return what was done.

    console: a rich Console for the progress bar (nothing is printed without one).
    on_file: called with each path once read, e.g. to update Excel's status bar.
    Raises OutputError when the master cannot be written (open, locked, not a master) and
    InputError when the --recommendations list cannot be read; unusable inputs are skipped.
    """
    if lang not in ("en", "fr"):
        raise ValueError(f"language must be 'en' or 'fr', not {lang!r}")
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise OutputError(reason("xlsx_only", lang, target=output, suggestion=output.with_suffix(".xlsx").name))
    if output.is_dir():
        raise OutputError(f"{output}: this is a folder; name the master file, e.g. {output / 'master.xlsx'}")
    if output.exists() and not real_target(output).is_file():   # a pipe or a device would block the read
        raise OutputError(f"{output}: this is not a regular file; name a master workbook file")
    now = (now or dt.datetime.now()).replace(microsecond=0)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    scan = scan_inputs([Path(p) for p in paths])
    files, problems = scan.files, scan.problems
    result = MergeResult(output=output, lang=lang, merged_at=now)
    full_list = _full_list(recommendations, lang)
    with output_lock(output, lang):
        old = read_master(output) if output.exists() else None
        sources, loaded, extra_lists, warnings = _load_sources(files, output, lang, console, on_file, scan.read)
        result.warnings += warnings + scan.notes
        result.sources = [SourceResult(path=p.path or Path(str(p)), status="skipped", reason=p.detail, unusable=True)
                          for p in problems] + sources
        result.sources += [SourceResult(path=p, status="skipped", reason=why, format=p.suffix.lower().lstrip("."))
                           for p, why in scan.skipped]
        if not files and not problems:
            result.sources.append(SourceResult(path=Path(" ".join(map(str, paths))), status="skipped",
                                               reason=reason("no_workbook", lang)))

        if not full_list:   # the whole list each group workbook carries (groups make)
            full_list = _embedded_full_list(loaded, lang)
        lookup, embedded = _recommendation_lookup(full_list, loaded)
        result.warnings += _sanity_warnings(loaded, lang)
        rows, merged_pairs = _collect_rows(result, loaded, lookup, lang)
        if old is not None:
            result.previous = output
            _match_previous(rows, old, merged_pairs, now.date(), result, lang)
            _list_kept_sources(result, rows, lang)
        for kind in rows:
            rows[kind].sort(key=row_order)
            for i, row in enumerate(rows[kind], start=2):
                row.master_row = i
        result.rows = rows
        _lay_out_columns(result, old, lang)
        _coverage(result, [full_list] + [item.data.recommendations for item in loaded] + extra_lists,
                  embedded, lang)
        held = {id_text(r.get("id")) for records in [item.data.recommendations for item in loaded] + extra_lists
                for r in records}
        result.in_no_workbook = [c.id for c in result.coverage if c.id not in held]
        _group_stats(result, loaded, lang)
        _place_findings(result, loaded, lang)
        _summary(result, lang)
        result.meta = _master_meta(loaded, lang)
        if result.merged:
            _write(result, output, now)
    return result


def _embedded_full_list(loaded: list[_Loaded], lang: str) -> list[dict[str, object]]:
    """The union of the full lists the merged workbooks carry, responses in the master's language."""
    seen: dict[str, dict[str, object]] = {}
    for item in loaded:
        for record in item.data.full_list:
            seen.setdefault(id_text(record.get("id")), record)
    return list(seen.values())


def _recommendation_lookup(full_list: list[dict[str, object]], loaded: list[_Loaded]
                           ) -> tuple[dict[str, dict[str, object]], dict[str, set[str]]]:
    """Every known recommendation by ID, and the groups whose workbooks embed each one."""
    lookup: dict[str, dict[str, object]] = {}
    embedded: dict[str, set[str]] = defaultdict(set)
    for records in [full_list] + [item.data.recommendations for item in loaded]:
        for record in records:
            lookup.setdefault(id_text(record.get("id")), record)
    for item in loaded:
        for record in item.data.recommendations:
            if item.source.group_key:
                embedded[id_text(record.get("id"))].add(item.source.group_key)
    return lookup, embedded


def _collect_rows(result: MergeResult, loaded: list[_Loaded], lookup: dict[str, dict[str, object]],
                  lang: str) -> tuple[dict[str, list[MasterRow]], set[tuple[str, str]]]:
    """The merged rows by matrix, with merge keys, and the (matrix, group) pairs merged now."""
    rows: dict[str, list[MasterRow]] = {s.kind: [] for s in MATRICES}
    merged_pairs: set[tuple[str, str]] = set()
    for item in loaded:
        for row in _rows_of(item, lookup, lang):
            rows[row.kind].append(row)
        merged_pairs.update((m.kind, item.source.group_key) for m in item.data.matrices)
        for cell in item.data.stray:
            result.stray.append(StrayNote(item.source.group, item.data.path.name, cell.sheet,
                                          cell.coordinate, cell.value, str(item.data.path), cell.comment))
    for kind in rows:
        rows[kind].sort(key=row_order)
        assign_merge_keys(rows[kind])
    return rows, merged_pairs


def _list_kept_sources(result: MergeResult, rows: dict[str, list[MasterRow]], lang: str) -> None:
    kept = Counter((r.kind, r.group_key, r.group, r.source_file) for k in rows for r in rows[k]
                   if r.origin == "kept")
    for (kind, group_key, group, source_file), n in sorted(kept.items()):
        result.sources.append(SourceResult(
            path=Path(source_file or "?"), kind=kind, group=group, group_key=group_key, rows=n,
            status="kept", reason=reason("kept", lang, rows=n)))


def _lay_out_columns(result: MergeResult, old: OldMaster | None, lang: str) -> None:
    """The groups' extra columns and the coordinator's own ones, in order of first appearance."""
    own = old.own_columns if old else {}
    for sheet in MATRICES:
        rows = result.rows[sheet.kind]
        own_here = list(dict.fromkeys(own.get(sheet.kind, []) + _ordered_headers(rows, "own")))
        result.columns[sheet.kind] = matrix_columns(sheet, lang, own_here, _ordered_headers(rows, "extras"))
    result.removed_columns = removed_columns(lang, _ordered_headers(result.removed, "own"),
                                             _ordered_headers(result.removed, "extras"))


def _write(result: MergeResult, output: Path, now: dt.datetime) -> None:
    """Back up the previous master, then replace it atomically; through a symbolic link, the
    link's target is backed up and replaced, and the link stays."""
    workbook = write_master(result)
    target = real_target(output)
    if target.exists():
        result.backup = backup_path(target, now)
        try:
            copy_atomically(target, result.backup)
        except OutputError as exc:
            result.backup = None
            raise OutputError(f"{output}: cannot keep a backup copy ({exc}); the master was not replaced") from exc
    try:
        save_workbook(workbook, target)
    except OutputError:
        if result.backup is not None:   # the master is intact: its copy is not needed
            result.backup.unlink(missing_ok=True)
            result.backup = None
        raise
    result.written = True


# --- console ------------------------------------------------------------------------

def render_summary(result: MergeResult, console) -> None:
    """One screen: files, rows, re-merge, coverage gaps and cross-cutting recommendations."""
    lang = result.lang
    say = lambda key, **v: _t(SAY, key, lang, **v)  # noqa: E731
    if result.written:
        console.print(say("written", path=result.output), style="bold green")
    if result.backup:
        console.print(say("backup", path=result.backup.name))
    console.print(say("files", merged=len(result.merged), skipped=len(result.skipped)))
    for source in result.skipped[:SHOWN_IDS]:
        console.print(say("skipped_file", name=Path(source.path).name, reason=source.reason), style="yellow")
    if len(result.skipped) > SHOWN_IDS:
        console.print(f"  … (+{len(result.skipped) - SHOWN_IDS})", style="yellow")
    if not result.written:
        console.print(say("nothing"), style="bold red")
        _print_warnings(result, console)
        return
    kept = sum(r.origin == "kept" for rows in result.rows.values() for r in rows)
    line = say("rows", plan=result.row_count(IMPLEMENTATION_PLAN.kind),
               strategy=result.row_count(ACTION_STRATEGY.kind))
    console.print(line + (say("kept_rows", kept=kept) if kept else ""))
    if result.previous:
        console.print(say("remerge", kept=result.kept_coordinator, removed=result.newly_removed,
                          restored=result.restored))
    addressed = sum(c.status != "not_addressed" for c in result.coverage)
    console.print(say("recs", total=len(result.coverage), addressed=addressed,
                      not_addressed=len(result.not_addressed)))
    if result.not_addressed:
        console.print(say("not_addressed", ids=_shorten(result.not_addressed)), style="red")
    if result.in_no_workbook:
        console.print(say("in_no_workbook", n=len(result.in_no_workbook), ids=_shorten(result.in_no_workbook)),
                      style="red")
    if result.unlisted:
        where = [f"{c.id} ({'; '.join(c.rows)})" for c in result.unlisted]
        console.print(say("unlisted", n=sum(len(c.rows) for c in result.unlisted), items=_shorten(where, 6)),
                      style="yellow")
    if result.cross_cutting:
        items = [f"{c.id} ({', '.join(c.groups)})" for c in result.cross_cutting]
        console.print(say("cross_cutting", n=len(items), items=_shorten(items, 6)), style="cyan")
    severities = Counter(p.finding.severity for p in result.findings)
    console.print(say("findings", errors=severities[Severity.ERROR], warnings=severities[Severity.WARNING],
                      infos=severities[Severity.INFO]))
    if result.stray:
        console.print(say("stray", n=len(result.stray), sheet=label("stray", lang)))
    _print_warnings(result, console)


def _print_warnings(result: MergeResult, console) -> None:
    for warning in result.warnings:
        console.print(_t(SAY, "warning", result.lang, text=warning), style="yellow")


def _shorten(items: list[str], shown: int = SHOWN_IDS) -> str:
    text = ", ".join(items[:shown])
    return text + (f", … (+{len(items) - shown})" if len(items) > shown else "")


__all__ = ["MergeResult", "SourceResult", "merge_workbooks", "render_summary"]
