"""Reading the sources: open and re-validate each input, skip (and say why) what cannot be
merged, and gather the recommendation lists and the warnings the sources give rise to."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..errors import InputError
from ..groups import DEFAULT_GROUPS, normalise
from ..ids import id_text
from ..master import EXCEL_CELL_LIMIT, SOURCE_FILE, SOURCE_ROW, kind_label
from ..metadata import WorkbookMeta
from ..parallel import map_in_order
from ..reader import HEADER_SEARCH_ROWS, WorkbookData, open_workbook
from ..schema import RECOMMENDATIONS
from .results import SourceResult
from .texts import SAY, _t, reason


# A progress bar only pays off beyond a handful of files.
PROGRESS_MIN_FILES = 4


@dataclass
class _Loaded:
    """What a merge keeps of one source once it is read and validated: its rows, findings and the few
    facts the master's other sheets need, never its parsed workbook (a coalition merges hundreds)."""

    source: SourceResult
    path: Path
    kinds: list[str] = field(default_factory=list)          # its matrices' kinds, in order
    rows: list = field(default_factory=list)                # MasterRow, completed once every list is known
    pending: list = field(default_factory=list)             # what completing them needs (rows._complete_rows)
    stray: list = field(default_factory=list)               # the reader's stray cells
    group_sheet: dict[str, object] | None = None            # the group worksheet's values
    meta: WorkbookMeta | None = None
    findings: list | None = None                            # None: it could not be validated
    cell_warnings: list[str] = field(default_factory=list)  # its control characters and over-long cells


@dataclass
class _Lists:
    """The recommendation lists the sources carry, gathered as they are read (first one of each ID)."""

    embedded_full: dict[str, dict[str, object]] = field(default_factory=dict)   # the whole lists
    records: dict[str, dict[str, object]] = field(default_factory=dict)         # the groups' own lists
    embedded: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # ID -> group keys
    extra: list[list[dict[str, object]]] = field(default_factory=list)          # list workbooks given


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
    from ..validate import validate_workbook

    return validate_workbook(data, lang=lang)


@dataclass
class _Read:
    """What reading and validating one source gives, in a worker process or this one."""

    source: SourceResult
    item: _Loaded | None = None                 # None: skipped
    data_kind: str = ""                         # what the reader took the file for
    full_list: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    list_records: list = field(default_factory=list)   # a recommendation list given as a source
    warning: str = ""


def _read_source(path: Path, *, target: Path, lang: str, data: WorkbookData | None = None) -> _Read:
    """Open and validate one file and keep only what the master needs of it."""
    from .rows import _source_rows

    source = SourceResult(path=path, format=path.suffix.lower().lstrip("."))
    read = _Read(source)
    if path.resolve() == target:
        source.status, source.kind, source.reason = "skipped", "master", reason("output", lang)
        return read
    try:
        data = data or open_workbook(path)
    except InputError as exc:
        source.status, source.reason, source.unusable = "skipped", exc.detail_in(lang), True
        return read
    source.kind, source.modified, source.sha256 = data.kind, data.modified, data.sha256
    read.data_kind = data.kind
    if data.kind == "master" or _looks_like_master(data):
        source.status, source.reason = "skipped", reason("master", lang)
        return read
    if not data.matrices:
        source.status = "skipped"
        # A group's workbook whose matrix sheet is gone still holds its list: it is unusable, not a list.
        if data.recommendations and data.kind == "recommendations":
            source.kind, source.reason = "recommendations", reason("list", lang)
            source.rows = len(data.recommendations)
            read.list_records = data.recommendations
        else:
            source.kind, source.reason, source.unusable = "unknown", reason("unrecognised", lang, rows=HEADER_SEARCH_ROWS), True
            if data.no_matrix_hint:
                source.reason += f"; {data.no_matrix_hint}"
        return read
    source.group_key, source.group = _group_identity(data, lang)
    source.kind = data.matrices[0].kind
    source.rows = sum(len(m.rows) for m in data.matrices)
    source.stray = len(data.stray)
    item = _Loaded(source, data.path, kinds=[m.kind for m in data.matrices], stray=list(data.stray),
                   group_sheet=dict(data.group_sheet.values) if data.group_sheet else None, meta=data.meta,
                   cell_warnings=_cell_warnings(data, lang))
    report = None
    try:
        report = _validate(data, lang)
        item.findings = list(report.findings)
        source.findings = len(item.findings)
    except Exception as exc:  # a check's bug must not cost the group its rows in the master
        problem = f"{type(exc).__name__}: {exc}"
        source.reason = reason("not_validated", lang, problem=problem)
        read.warning = f"{path.name}: {source.reason}"
    item.rows, item.pending = _source_rows(data, source, report, lang)
    read.item, read.full_list, read.recommendations = item, data.full_list, data.recommendations
    return read


def _load_sources(files: list[Path], output: Path, lang: str, console, on_file,
                  preloaded: dict[Path, WorkbookData] | None = None, jobs: int = 1) -> tuple[
        list[SourceResult], list[_Loaded], _Lists, list[str]]:
    """Open and validate each file (over `jobs` processes), keeping only what the master needs of it;
    skipped ones are recorded, never fatal. Files are taken in their order whatever the processes."""
    sources: list[SourceResult] = []
    loaded: list[_Loaded] = []
    lists = _Lists()
    warnings: list[str] = []
    seen_hashes: dict[str, Path] = {}
    target = output.resolve()
    preloaded = preloaded or {}
    read_one = partial(_read_source, target=target, lang=lang)
    # Workbooks the scan has read already (a workbook beside its annotated copy) are taken here.
    read_elsewhere = map_in_order(read_one, [p for p in files if p not in preloaded], jobs)

    def take(path: Path) -> None:
        read = read_one(path, data=preloaded[path]) if path in preloaded else next(read_elsewhere)
        source, item = read.source, read.item
        if item is not None and source.sha256 in seen_hashes:
            # The same file twice: the first is merged, this one is skipped as if never read further.
            source = SourceResult(path=path, format=source.format, kind=read.data_kind, modified=source.modified,
                                  sha256=source.sha256, status="skipped",
                                  reason=reason("duplicate", lang, other=seen_hashes[source.sha256].name))
            item = None
        sources.append(source)
        if read.list_records:
            lists.extra.append(read.list_records)
        if item is None:
            return
        seen_hashes[source.sha256] = path
        if read.warning:
            warnings.append(read.warning)
        for record in read.full_list:
            lists.embedded_full.setdefault(id_text(record.get("id")), record)
        for record in read.recommendations:
            rec_id = id_text(record.get("id"))
            lists.records.setdefault(rec_id, record)
            if source.group_key:
                lists.embedded[rec_id].add(source.group_key)
        loaded.append(item)

    if console is not None and len(files) >= PROGRESS_MIN_FILES:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[name]}"), console=console, transient=True) as progress:
            task = progress.add_task(_t(SAY, "reading", lang), total=len(files), name="")
            for path in files:
                progress.update(task, name=path.name)
                take(path)
                progress.advance(task)
                if on_file:
                    on_file(path)
    else:
        for path in files:
            take(path)
            if on_file:
                on_file(path)
    return sources, loaded, lists, warnings


def _full_list(path: Path | None, lang: str) -> list[dict[str, object]]:
    """The --recommendations list as records keyed like RECOMMENDATIONS, in the master's language."""
    if path is None:
        return []
    from ..recommendations import import_recommendations, recommendation_rows

    try:
        recs = import_recommendations(Path(path)).recommendations
    except InputError as not_a_list:
        try:   # a group's workbook holds the list too
            data = open_workbook(Path(path))
        except InputError:
            raise not_a_list from None   # what is wrong with it as a list, not that a .csv is no workbook
        if not data.recommendations:
            raise InputError(path, "errors.list.none_found", lang=lang) from None
        return data.recommendations
    return [dict(zip(RECOMMENDATIONS.keys, row)) for row in recommendation_rows(recs, lang)]


def _cell_warnings(data: WorkbookData, lang: str) -> list[str]:
    """A source's cells that Excel cannot hold as they are: control characters, too long."""
    from ..master.xlsx import ILLEGAL_CHARACTERS_RE

    warnings = []
    cells = [(r.cells.get(k) or r.extra_cells.get(k) or f"{r.sheet}!{r.row}", v)
             for m in data.matrices for r in m.rows for k, v in (*r.values.items(), *r.extras.items())]
    cells += [(c.coordinate, c.value) for c in data.stray]
    for cell, value in cells:
        if not isinstance(value, str):
            continue
        if ILLEGAL_CHARACTERS_RE.search(value):
            warnings.append(_t(SAY, "control_chars", lang, file=data.path.name, cell=cell))
        if len(value) > EXCEL_CELL_LIMIT:
            warnings.append(_t(SAY, "too_long", lang, file=data.path.name, cell=cell, length=len(value),
                               limit=EXCEL_CELL_LIMIT))
    return warnings


def _sanity_warnings(loaded: list[_Loaded], lang: str) -> list[str]:
    """What the coordinator should know although nothing stops the merge."""
    warnings = []
    by_pair: dict[tuple[str, str], list[_Loaded]] = defaultdict(list)
    for item in loaded:
        for kind in dict.fromkeys(item.kinds):   # a hidden second sheet is the same file
            by_pair[(kind, item.source.group_key)].append(item)
    for (kind, _), items in by_pair.items():
        if len(items) > 1:
            warnings.append(_t(SAY, "same_group", lang, files=", ".join(i.path.name for i in items),
                               kind=kind_label(kind, lang), group=items[0].source.group))
    for item in loaded:
        warnings += item.cell_warnings
    return list(dict.fromkeys(warnings))   # a value merged down several rows is one cell


def _master_meta(loaded: list[_Loaded], lang: str) -> WorkbookMeta:
    meta = WorkbookMeta(kind="master", lang=lang)
    for item in loaded:
        source = item.meta
        if source is None:
            continue
        for name in ("state", "session", "cycle", "plan_start", "plan_end"):
            if not getattr(meta, name) and getattr(source, name):
                setattr(meta, name, getattr(source, name))
    return meta


def _embedded_full_list(lists: _Lists, lang: str) -> list[dict[str, object]]:
    """The union of the full lists the merged workbooks carry, responses in the master's language."""
    return list(lists.embedded_full.values())


def _recommendation_lookup(full_list: list[dict[str, object]], lists: _Lists
                           ) -> tuple[dict[str, dict[str, object]], dict[str, set[str]]]:
    """Every known recommendation by ID, and the groups whose workbooks embed each one."""
    lookup: dict[str, dict[str, object]] = {}
    for record in full_list:
        lookup.setdefault(id_text(record.get("id")), record)
    for rec_id, record in lists.records.items():
        lookup.setdefault(rec_id, record)
    return lookup, lists.embedded
