"""The data model of an imported list: Recommendation, ImportResult and its console summary,
the response values, format and source names, and the cached `normalise` every part uses."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path

from ..groups import GroupMapping
from ..groups import normalise as _normalise
from ..schema import RESPONSES


ACCEPTED, NOTED, PENDING, PLEDGE = "Accepted", "Noted", "Pending", "Voluntary Pledge"
FORMAT_NAMES = {
    "upr-info": "UPR Info database export",
    "un-report": "UN Working Group report paragraphs",
    "uhri": "OHCHR UHRI export",
    "plain": "plain list",
    "list": "UPR Matrix recommendations list",
}
UPR_INFO_SOURCE = "UPR Info database"
UN_REPORT_SOURCE = "UN Working Group report"
UHRI_SOURCE = "OHCHR UHRI"


# Names, issues and States repeat across thousands of rows.
normalise = functools.lru_cache(maxsize=1 << 16)(_normalise)



@dataclass
class Recommendation:
    id: str
    text: str
    recommending_states: list[str]
    response: str            # "Accepted" | "Noted" | "Pending" | "Voluntary Pledge" | "" (unknown)
    issues: list[str]
    action_category: int | None
    groups: list[str]        # group keys of the mapping, in mapping order
    state: str
    session: int | None
    cycle: int | None
    source: str
    labels: str = "source"   # "source" | "inferred" | "mixed"
    label_note: str = ""

    @property
    def cross_cutting(self) -> bool:
        return len(self.groups) > 1


# Multi-valued attributes are written joined with "; " and split back on ";".
MULTI_VALUED = frozenset(f.name for f in fields(Recommendation) if str(f.type).startswith("list"))
LIST_SEPARATOR = "; "


@dataclass
class ImportResult:
    recommendations: list[Recommendation]
    source_format: str
    skipped_pledges: int
    skipped_other_states: int
    path: Path
    # Rows repeating a paragraph already read (one row per recommending State).
    merged_rows: int = 0
    # UHRI rows of treaty bodies or special procedures.
    skipped_other_mechanisms: int = 0
    # Input rows (or lines) neither imported nor counted above, by reason: every row is accounted for.
    skipped_rows: dict[str, int] = field(default_factory=dict)

    @property
    def unassigned(self) -> list[Recommendation]:
        return [r for r in self.recommendations if not r.groups]

    def summary_lines(self, mapping: GroupMapping | None = None, lang: str = "en") -> list[str]:
        """What was read, for the console: responses, groups, what to check by hand."""
        mapping = mapping or GroupMapping.default()
        from ..locale import Section

        say = Section("import")
        recs = self.recommendations
        responses = Counter(r.response for r in recs)
        counts = [say("count", lang, label=label if lang == "fr" else value, n=responses[value])
                  for value, label in RESPONSES.items() if responses[value]]
        if responses[""]:
            counts.append(say("count", lang, label=say("no_response", lang), n=responses[""]))
        lines = [say("read", lang, n=len(recs), file=self.path.name,
                     format=FORMAT_NAMES.get(self.source_format, self.source_format)),
                 say("responses", lang) + ", ".join(counts), say("groups", lang)]
        group_counts = Counter(key for r in recs for key in r.groups)
        names = {g.key: g.label(lang) for g in mapping.groups}
        for key in [*names, *sorted(set(group_counts) - set(names))]:
            lines.append("  " + say("group", lang, label=names.get(key, key), n=group_counts[key]))
        lines.append(say("cross_cutting", lang, n=sum(r.cross_cutting for r in recs)))
        unassigned = [r.id for r in self.unassigned]
        shown = f" ({', '.join(unassigned[:10])}{', …' if len(unassigned) > 10 else ''})" if unassigned else ""
        lines.append(say("unassigned", lang, n=len(unassigned)) + shown)
        provenance = Counter(r.labels for r in recs)
        if provenance["inferred"] or provenance["mixed"]:
            lines.append(say("inferred", lang, inferred=provenance["inferred"], mixed=provenance["mixed"]))
        for key, count in (("pledges", self.skipped_pledges), ("other_states", self.skipped_other_states),
                           ("other_mechanisms", self.skipped_other_mechanisms), ("merged", self.merged_rows)):
            if count:
                lines.append(say(key, lang, n=count))
        for why, count in self.skipped_rows.items():
            lines.append(say("skipped_rows", lang, n=count, reason=say(f"skip.{why}", lang)))
        return lines
