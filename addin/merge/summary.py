"""The merge summarised: the Summary sheet's tables and headline, and the console screen
render_summary() prints."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..charts import SummaryTable
from ..findings import Severity
from ..master import GROUP, SMART_CRITERIA, label, status_key, status_label
from ..schema import ACTION_STRATEGY, IMPLEMENTATION_PLAN, RESPONSES, STATUSES
from .coverage import _response_key, _response_label
from .results import CoverageRow, MergeResult
from .texts import SAY, SUMMARY_TEXT, _t


# How many IDs the console summary lists before "…".
SHOWN_IDS = 12


def _summary(result: MergeResult, lang: str) -> None:
    from ..messages import ACTION_CATEGORY_NAMES, CRITERION_NAMES

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
              lambda k: _response_label(k, lang) if k else say("none_response")), chart_series=(2, 3)))

    def category(item: CoverageRow) -> str:
        value = item.record.get("action_category")
        try:
            return str(int(float(value)))
        except (TypeError, ValueError):
            return ""

    def category_label(key: str) -> str:
        if not key:
            return say("none_category")
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
