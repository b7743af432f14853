"""The `upr` command. Thin: parse options, call the core, print what it returns."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from . import __version__
from .errors import InputError, OutputError, said
from .locale import text

app = typer.Typer(rich_markup_mode=None, add_completion=False, no_args_is_help=True,
                  help="UPR Matrix: templates, validation and merge for UPR follow-up workshops.")
recommendations_app = typer.Typer(rich_markup_mode=None, no_args_is_help=True,
                  help="Import and classify recommendation lists.")
templates_app = typer.Typer(rich_markup_mode=None, no_args_is_help=True,
                  help="Build the blank templates from the schema.")
groups_app = typer.Typer(rich_markup_mode=None, no_args_is_help=True,
                  help="Make one workbook per thematic group.")
smart_app = typer.Typer(rich_markup_mode=None, no_args_is_help=True,
                  help="Check indicators against the SMART rubric.")
app.add_typer(recommendations_app, name="recommendations")
app.add_typer(templates_app, name="templates")
app.add_typer(groups_app, name="groups")
app.add_typer(smart_app, name="smart")
excel_app = typer.Typer(rich_markup_mode=None, no_args_is_help=True,
                  help="The UPR Matrix add-in for desktop Excel.")
app.add_typer(excel_app, name="excel")

console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


class Lang(str, Enum):
    en = "en"
    fr = "fr"


class Format(str, Enum):
    text = "text"
    json = "json"


def fail(exc: Exception | str, code: int = 2, *, lang: str | None = None) -> None:
    """Print the error on one line in the run's language (None: the language of what raised it), exit with code."""
    lang = lang or getattr(exc, "lang", "en")
    errors.print(text("cli.error", lang, text=said(exc, lang)), style="bold red", soft_wrap=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        console.print(f"upr-matrix {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """UPR Matrix command line."""


def _mapping(groups: Optional[Path]):
    from .groups import GroupMapping

    return GroupMapping.from_file(groups) if groups else GroupMapping.default()


@recommendations_app.command("import")
def recommendations_import(
    source: Path = typer.Argument(..., help="UPR Info export, UN report paragraphs, UHRI export or a plain list."),
    output: Path = typer.Option(Path("recommendations.xlsx"), "-o", "--output", help="List workbook to write."),
    state: Optional[str] = typer.Option(None, "--state", help="Keep only this State under Review."),
    session: Optional[int] = typer.Option(None, "--session", help="Keep only this UPR session."),
    include_pledges: bool = typer.Option(False, "--include-pledges", help="Keep voluntary pledges."),
    groups: Optional[Path] = typer.Option(None, "--groups", help="csv/xlsx mapping issue or theme -> group."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the workbook."),
) -> None:
    """Read a recommendation list in any supported format and write one normalised list workbook."""
    from .recommendations import import_recommendations, write_list_workbook

    try:
        mapping = _mapping(groups)
        result = import_recommendations(source, state=state, session=session,
                                        include_pledges=include_pledges, mapping=mapping)
        write_list_workbook(result.recommendations, output, lang=lang.value, mapping=mapping)
    except (InputError, OutputError) as exc:
        fail(exc, lang=lang.value)
    for line in result.summary_lines(mapping, lang=lang.value):
        console.print(line)
    console.print(text("cli.wrote", lang.value, path=output))


@recommendations_app.command("classify")
def recommendations_classify(
    source: Path = typer.Argument(..., help="CSV with a Text column."),
    format: Format = typer.Option(Format.json, "--format", help="json: JSON Lines, one object per row."),
) -> None:
    """Infer action category and UPR Info issues from each recommendation's text."""
    from .intelligence import classify_csv

    try:
        results = classify_csv(source)
    except InputError as exc:
        fail(exc)
    for result in results:
        if format == Format.json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            console.print(f"{result['row']}: category {result['action']} · {', '.join(result['issues']) or '-'}"
                          f" · {', '.join(result['groups']) or '-'} ({result['reason']})")


@templates_app.command("build")
def templates_build(
    outdir: Path = typer.Option(Path("templates"), "-o", "--output", help="Folder to write the templates to."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the templates."),
) -> None:
    """Rebuild templates/implementation_plan.xlsx and templates/action_strategy.xlsx from the schema."""
    from .templates import build_templates

    try:
        for path in build_templates(outdir, lang.value):
            console.print(text("cli.wrote", lang.value, path=path))
    except OutputError as exc:
        fail(exc, lang=lang.value)


@groups_app.command("make")
def groups_make(
    recommendations: Path = typer.Argument(..., help="The list workbook from `upr recommendations import`."),
    outdir: Path = typer.Option(..., "-o", "--output", help="Folder for the group workbooks."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the workbooks."),
    groups: Optional[Path] = typer.Option(None, "--groups", help="csv/xlsx mapping issue or theme -> group."),
    force: bool = typer.Option(False, "--force", help="Replace workbooks participants have already filled."),
) -> None:
    """Write '<Group> - Implementation plan.xlsx' and '<Group> - Action strategy.xlsx' for each group."""
    from .groupbooks import make_group_workbooks

    backups: list[Path] = []
    try:
        books, total = make_group_workbooks(recommendations, outdir, lang=lang.value, mapping=_mapping(groups),
                                            force=force, kept=backups)
    except (InputError, OutputError) as exc:
        fail(exc, lang=lang.value)
    for book in books:
        console.print(text("cli.group_book", lang.value, group=f"{book.group:<42}", count=f"{book.recommendations:>4}",
                           n=book.recommendations, path=book.path))
    for backup in backups:
        console.print(text("cli.replaced_kept", lang.value, path=backup), style="yellow")
    console.print(text("cli.total", lang.value, n=total, books=len(books), folder=outdir))
    plan = _plan_line(books[0].path, lang.value) if books else ""
    if plan:
        console.print(plan)


def _plan_line(book: Path, lang: str) -> str:
    """The plan period the workbooks were given, and the next review it runs to (UPR calendar)."""
    from . import upr_calendar
    from .reader import open_workbook

    meta = open_workbook(book).meta
    if not meta or not meta.plan_start or not meta.plan_end:
        return ""
    following = upr_calendar.next_review(int(meta.session), meta.state) if meta.session.isdigit() else None
    if following and str(following.start.year) == meta.plan_end:
        return text("cli.plan_until", lang, start=meta.plan_start, end=meta.plan_end, review=following.label(lang))
    return text("cli.plan", lang, start=meta.plan_start, end=meta.plan_end)


@groups_app.command("assign")
def groups_assign(
    unassigned: Path = typer.Argument(..., help="The Unassigned workbook, its 'Assign to group' column filled."),
    outdir: Path = typer.Option(..., "-o", "--output", help="The folder of the group workbooks (groups make -o)."),
    groups: Optional[Path] = typer.Option(None, "--groups", help="csv/xlsx mapping issue or theme -> group, "
                                                                 "as given to groups make."),
) -> None:
    """Add each recommendation given a group in the Unassigned workbook to that group's workbooks.

    What participants typed stays; a backup of each changed workbook is kept beside it.
    Exit code 0: done; 2: the Unassigned workbook or some group workbook could not be read or written.
    """
    from .assign import assign_recommendations

    try:
        result = assign_recommendations(unassigned, outdir, mapping=_mapping(groups))
    except (InputError, OutputError) as exc:
        fail(exc)
    lang = result.lang   # the Unassigned workbook's language
    for done in result.groups:
        for path, added in done.added.items():
            note = text("assign.already", lang, n=len(done.already[path])) if done.already.get(path) else ""
            console.print(text("assign.added", lang, group=f"{done.group:<42}", count=f"{len(added):>3}",
                               n=len(added), note=note, path=path))
    for done in result.groups:
        for backup in done.backups:
            console.print(text("cli.replaced_kept", lang, path=backup), style="yellow")
    for problem in result.problems:
        errors.print(text("cli.error", lang, text=problem), style="bold red")
    console.print(text("assign.total", lang, total=sum(len(d.ids) for d in result.groups), groups=len(result.groups),
                       left=result.unassigned_left))
    raise typer.Exit(2 if result.problems else 0)


@app.command("validate")
def validate(
    paths: list[Path] = typer.Argument(..., help="Workbooks or folders."),
    format: Format = typer.Option(Format.text, "--format", help="text (tables) or json."),
    annotate: bool = typer.Option(False, "--annotate",
                                  help="Write <name>.checked.xlsx (.xlsm for macro workbooks) with flagged cells."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the messages."),
    first_year: Optional[int] = typer.Option(None, "--from", help="First year of the plan (overrides the list)."),
    last_year: Optional[int] = typer.Option(None, "--to", help="Year of the next review (overrides the list)."),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, metavar="N",
                                       help="Workbooks read at once, each in its own process (default: one per core)."),
) -> None:
    """Check filled workbooks: missing fields, unknown IDs, dates, SMART indicators.

    Exit code 0: no errors; 1: errors found; 2: some input could not be read.
    """
    from .report import render_text
    from .validate import validate_paths

    from .parallel import default_jobs

    report = validate_paths(paths, lang=lang.value, first_year=first_year, last_year=last_year,
                            jobs=jobs or default_jobs())
    if annotate:
        unwritten = _annotate_all(report, lang.value)
    if format == Format.json:
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        render_text(report, console)
    # An annotated copy that could not be written (full disk, name too long) is exit 2, as unreadable input.
    raise typer.Exit(2 if annotate and unwritten else report.exit_code)


def _annotate_all(report, lang: str) -> int:
    """Write each annotated copy; returns how many could not be written."""
    from .annotate import annotate as write_annotated

    out = errors  # stdout stays clean for --format json
    unwritten = 0
    for file in report.files:
        if file.error or file.skipped:
            continue
        if Path(file.path).suffix.lower() not in (".xlsx", ".xlsm"):
            out.print(text("cli.not_annotated_format", lang, path=file.path), style="yellow")
            continue
        if file.nothing_filled:   # a copy would show nothing: say why there is none
            out.print(text("cli.not_annotated_empty", lang, path=file.path), style="yellow")
            continue
        try:
            out.print(text("cli.annotated", lang, path=write_annotated(file, lang)))
        except OutputError as exc:
            out.print(text("cli.error", lang, text=exc.text(lang)), style="bold red")
            unwritten += 1
    return unwritten


@smart_app.command("check")
def smart_check(
    source: Path = typer.Argument(..., help="CSV: recommendation, goal, government_action, indicator, "
                                            "baseline, target, deadline, responsible_body."),
    first_year: int = typer.Option(..., "--from", help="First year of the plan, e.g. 2016."),
    last_year: int = typer.Option(..., "--to", help="Year of the next review, e.g. 2020."),
    format: Format = typer.Option(Format.text, "--format", help="text or json (JSON Lines)."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the reasons."),
) -> None:
    """Score each indicator row S, M, A, R, T (1/0) with reasons."""
    from .smart import PlanWindow, check_csv

    try:
        results = check_csv(source, PlanWindow.from_years(first_year, last_year), lang=lang.value)
    except InputError as exc:
        fail(exc, lang=lang.value)
    for number, result in enumerate(results, start=1):
        data = result.as_json(number)
        if format == Format.json:
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            flags = " ".join(f"{c}={data[c]}" for c in "SMART")
            console.print(text("cli.smart_row", lang.value, number=number, flags=flags,
                               indicator_type=text(f"indicator_type.{data['indicator_type']}", lang.value)))
            for criterion, reason in data["reasons"].items():
                console.print(f"    {criterion}: {reason}")


@app.command("merge")
def merge(
    paths: list[Path] = typer.Argument(..., help="Group workbooks or folders (searched recursively)."),
    output: Path = typer.Option(..., "-o", "--output", help="The master workbook."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the master."),
    recommendations: Optional[Path] = typer.Option(None, "--recommendations",
                                                   help="Full list, for coverage of recommendations no group got."),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, metavar="N",
                                       help="Workbooks read at once, each in its own process (default: one per core)."),
) -> None:
    """Merge group workbooks into one master matrix with provenance, coverage and a summary.

    Exit code 0: merged; 2: some input could not be read (the others are still merged) or nothing was merged.
    """
    from .merge import merge_workbooks, render_summary
    from .parallel import default_jobs

    try:
        result = merge_workbooks(paths, output, lang=lang.value, recommendations=recommendations,
                                 console=console, jobs=jobs or default_jobs())
    except (InputError, OutputError) as exc:
        fail(exc, lang=lang.value)
    render_summary(result, console)
    # Unreadable input is exit 2 even when the other files were merged, as for validate.
    raise typer.Exit(2 if result.unusable or (result.skipped and not result.merged) else 0)


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    certfile: Optional[Path] = typer.Option(None, "--certfile", help="TLS certificate (PEM); Office needs HTTPS."),
    keyfile: Optional[Path] = typer.Option(None, "--keyfile", help="Its private key (PEM)."),
    print_manifest: bool = typer.Option(False, "--print-manifest",
                                        help="Write the add-in manifest for this address to stdout and exit."),
) -> None:
    """Serve the Office.js add-in (Excel on the web, Mac, Windows) with xlwings Server.

    Needs the `server` extra: pip install "upr-matrix\\[server]" (from a checkout: pip install ".\\[server]").
    """
    import os

    from rich.markup import escape

    from .server import missing_packages

    missing = missing_packages()
    if missing:
        fail(escape(f"upr serve needs {', '.join(missing)}: pip install \"upr-matrix[server]\" "
                    "(from a checkout: pip install \".[server]\")"))
    if bool(certfile) != bool(keyfile):
        fail("give both --certfile and --keyfile, or neither")
    from .server.run import LICENCE_HELP, base_url
    from .server.run import serve as run_server

    if not os.environ.get("XLWINGS_LICENSE_KEY"):
        fail(LICENCE_HELP)
    from .server.settings import ServerSettings

    try:
        ServerSettings.from_env()
    except ValueError as exc:
        fail(exc)
    url = base_url(host, port, https=certfile is not None)
    if print_manifest:
        from .server.app import render_manifest

        sys.stdout.write(render_manifest(url))
        raise typer.Exit()
    errors.print(f"UPR Matrix add-in at {url}/taskpane.html, manifest at {url}/manifest.xml")
    if certfile is None:
        errors.print("Office loads add-ins over HTTPS only: give --certfile and --keyfile, or serve behind "
                     "an HTTPS reverse proxy and set XLWINGS_HOSTNAME to its host name.", style="yellow")
    run_server(host, port, certfile, keyfile)


@app.command("demo")
def demo(
    outdir: Path = typer.Option(Path("upr-demo"), "-o", "--output", help="Folder for the demo outputs."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the workbooks."),
) -> None:
    """Run the whole flow on the bundled example (a fictional State, labelled as such)."""
    from .demo import run_demo

    try:
        run_demo(outdir, lang=lang.value, console=console)
    except (InputError, OutputError) as exc:
        fail(exc, lang=lang.value)


@excel_app.command("build")
def excel_build(
    outdir: Path = typer.Option(Path("dist"), "-o", "--output", help="Folder for the add-in files."),
    macros: Optional[Path] = typer.Option(None, "--macros",
                                          help="The macros/ folder (default: the one of this source tree)."),
) -> None:
    """Write UPR Matrix.xlam (and its .xlsm twin) from macros/ and the installed xlwings."""
    from .vba import build_addin_files
    from .vba.sources import MACROS

    try:
        written = build_addin_files(outdir, macros or MACROS)
    except (OSError, ValueError, OutputError) as exc:
        fail(exc)
    for path in written:
        console.print(f"wrote {path}")


@excel_app.command("install")
def excel_install(
    addin_file: Path = typer.Option(Path("dist") / "UPR Matrix.xlam", "--addin",
                                    help="The add-in built by `upr excel build`."),
) -> None:
    """Install xlwings' add-in and UPR Matrix.xlam into Excel (Windows and macOS only)."""
    import subprocess

    from .vba.install import UnsupportedPlatform, install

    try:
        config = install(addin_file)
    except UnsupportedPlatform as exc:
        errors.print(str(exc), soft_wrap=True)
        raise typer.Exit(2)
    except (OSError, subprocess.CalledProcessError) as exc:
        fail(exc)
    console.print(f"installed; the add-in runs the Python set in {config}. Restart Excel.")


if __name__ == "__main__":  # pragma: no cover
    app()
