"""One report object for the CLI table, the JSON output, the annotation and Excel."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .findings import FINDING_TYPES, Finding, Severity
from .locale import text


@dataclass
class FileReport:
    path: Path
    kind: str
    group: str
    findings: list[Finding] = field(default_factory=list)
    rows: int = 0
    # Unusable input: the file could not be read at all.
    error: str | None = None
    # Readable but not a matrix (a recommendation list): reported, not checked.
    skipped: str | None = None
    # SMART result per (sheet, row), for the master's scores and indicator types.
    smart: dict = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.ERROR]

    @property
    def valid(self) -> bool:
        return self.error is None and not self.errors

    @property
    def nothing_filled(self) -> bool:
        """A readable matrix workbook with no row typed and no finding: not yet filled, not clean."""
        return self.error is None and self.skipped is None and self.rows == 0 and not self.findings

    @property
    def stats(self) -> dict[str, object]:
        return {
            "rows": self.rows,
            "nothing_filled": self.nothing_filled,
            "findings": len(self.findings),
            "errors": len(self.errors),
            "warnings": sum(f.severity == Severity.WARNING for f in self.findings),
            "infos": sum(f.severity == Severity.INFO for f in self.findings),
            "by_type": dict(sorted(Counter(f.type for f in self.findings).items())),
        }

    @property
    def indicators(self) -> list[dict[str, object]]:
        """Each checked indicator's SMART verdicts and OHCHR type (structural, process, outcome)."""
        return [{"sheet": sheet, "row": row, **{k: v for k, v in result.as_json(row).items() if k != "row"},
                 "score": result.score}
                for (sheet, row), result in sorted(self.smart.items())]

    def as_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "kind": self.kind, "group": self.group, "valid": self.valid,
                "error": self.error, "skipped": self.skipped, "stats": self.stats,
                "indicators": self.indicators,
                "findings": [f.as_dict() for f in self.findings]}


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)
    lang: str = "en"

    @property
    def valid(self) -> bool:
        return all(f.valid for f in self.files)

    @property
    def unusable(self) -> list[FileReport]:
        return [f for f in self.files if f.error]

    @property
    def findings(self) -> list[Finding]:
        return [finding for f in self.files for finding in f.findings]

    @property
    def stats(self) -> dict[str, object]:
        findings = self.findings
        return {
            "files": len(self.files),
            "unusable_files": len(self.unusable),
            "rows": sum(f.rows for f in self.files),
            "nothing_filled_files": sum(f.nothing_filled for f in self.files),
            "findings": len(findings),
            "errors": sum(f.severity == Severity.ERROR for f in findings),
            "warnings": sum(f.severity == Severity.WARNING for f in findings),
            "infos": sum(f.severity == Severity.INFO for f in findings),
            "by_type": dict(sorted(Counter(f.type for f in findings).items())),
        }

    @property
    def exit_code(self) -> int:
        if self.unusable:
            return 2
        return 0 if self.valid else 1

    def as_dict(self) -> dict[str, object]:
        return {"valid": self.valid, "stats": self.stats, "files": [f.as_dict() for f in self.files]}


SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

def verdict_line(file: FileReport, lang: str = "en") -> str:
    """One line for a file: the CLI's last line for it, and the Excel button's alert."""
    stats = file.stats
    key = "empty" if file.nothing_filled else "ok" if file.valid else "bad"
    return text(f"report.verdict.{key}", lang, path=Path(file.path).name, rows=file.rows,
                errors=stats["errors"], warnings=stats["warnings"])


_COLOR_SYSTEMS = {"standard": "STANDARD", "256": "EIGHT_BIT", "truecolor": "TRUECOLOR", "windows": "WINDOWS"}


_TEXTWRAP_SPACES = frozenset("\t\n\x0b\x0c\r")


def _greedy_lines(text: str, width: int) -> list[str] | None:
    """textwrap.wrap's lines for the common text (single spaces between words no longer than the width),
    at a fraction of its cost; None for any other text, which textwrap then wraps."""
    if not text or "  " in text or text[0] == " " or text[-1] == " " or not _TEXTWRAP_SPACES.isdisjoint(text):
        return None
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if len(word) > width:
            return None
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _draw_table(console, title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]],
                styles: list[str]) -> None:
    """The findings as rich draws a table (heavy head, Type and Message folded 2:5), written in one go.

    rich lays out about a thousand rows a second, more than validating them takes; a workbook's
    findings are drawn here in a few milliseconds instead.
    """
    import textwrap

    from rich.cells import cell_len
    from rich.color import ColorSystem
    from rich.style import Style

    system = console.color_system
    color = None if system is None else ColorSystem[_COLOR_SYSTEMS[system]]

    def paint(text: str, style: str) -> str:
        if color is None or not style:
            return text
        return Style.parse(style).render(text, color_system=None if console.no_color else color)

    fixed = [max([cell_len(headers[i])] + [cell_len(row[i]) for row in rows]) for i in (1, 2)]
    natural = [max([cell_len(headers[i])] + [cell_len(row[i]) for row in rows]) for i in (0, 3)]
    rest = max(console.width - 13 - sum(fixed), 12)  # 5 rules and 8 spaces of padding
    kind = natural[0] if sum(natural) <= rest else max(4, min(natural[0], rest * 2 // 7))
    widths = [kind, fixed[0], fixed[1], rest - kind]

    def pad(text: str, width: int) -> str:
        return text + " " * (width - cell_len(text))

    def fold(text: str, width: int) -> list[str]:
        return _greedy_lines(text, width) or textwrap.wrap(text, width, break_long_words=True,
                                                           break_on_hyphens=False) or [""]

    lines = [paint(pad(title, console.width), "italic")]
    lines.append("┏" + "┳".join("━" * (w + 2) for w in widths) + "┓")
    lines.append("┃" + "┃".join(paint(f" {pad(h, w)} ", "bold") for h, w in zip(headers, widths)) + "┃")
    lines.append("┡" + "╇".join("━" * (w + 2) for w in widths) + "┩")
    for row, style in zip(rows, styles):
        cells = [fold(row[0], widths[0]), [row[1]], [row[2]], fold(row[3], widths[3])]
        for n in range(max(map(len, cells))):
            lines.append("│" + "│".join(paint(f" {pad(c[n] if n < len(c) else '', w)} ", style)
                                        for c, w in zip(cells, widths)) + "│")
    lines.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    console.file.write("\n".join(lines) + "\n")


def render_text(report: Report, console) -> None:
    """A rich table per file, counts by type and a one-line verdict."""
    from rich.table import Table

    lang = report.lang
    for file in report.files:
        if file.error:
            console.print(text("report.verdict.unusable", lang, error=file.error), style="bold red",
                          highlight=False)
            continue
        if file.skipped:
            console.print(text("report.skipped", lang, path=file.path.name, reason=file.skipped), style="dim",
                          highlight=False)
            continue
        if file.findings:
            sheets = sorted({f.sheet for f in file.findings if f.sheet})
            title = f"{file.path.name} — {file.group} ({', '.join(sheets)})"
            headers = tuple(text(f"report.header.{key}", lang) for key in ("type", "cell", "id", "message"))
            # English shows the type's code, as JSON does; other languages its translated name.
            rows = [((f.type if lang == "en" else FINDING_TYPES[f.type].title(lang))
                     + (f" {f.criterion}" if f.criterion else ""),
                     f.cell if len(sheets) < 2 else f"{f.sheet}!{f.cell}", f.recommendation_id, f.message)
                    for f in file.findings]
            styles = [SEVERITY_STYLE[f.severity] for f in file.findings]
            if console.legacy_windows:  # no ANSI codes there: let rich draw it
                table = Table(title=title, title_justify="left", expand=True)
                table.add_column(headers[0], overflow="fold", ratio=2)
                table.add_column(headers[1], no_wrap=True)
                table.add_column(headers[2], no_wrap=True)
                table.add_column(headers[3], overflow="fold", ratio=5)
                for row, style in zip(rows, styles):
                    table.add_row(*row, style=style)
                console.print(table)
            else:
                _draw_table(console, title, headers, rows, styles)
            counts = ", ".join(text("report.type_count", lang, title=FINDING_TYPES[t].title(lang), n=n)
                               for t, n in file.stats["by_type"].items())
            console.print(counts, highlight=False)
        if file.smart:
            types = Counter(result.indicator_type for result in file.smart.values())
            smart = sum(result.score == 5 for result in file.smart.values())
            console.print(text("report.indicators", lang, n=len(file.smart), smart=smart,
                               types=", ".join(text(f"report.indicator_count.{t}", lang, n=n)
                                               for t, n in sorted(types.items()))),
                          highlight=False)
        style = "yellow" if file.nothing_filled else "green" if file.valid else "red"
        console.print(verdict_line(file, lang), style=style, highlight=False)
