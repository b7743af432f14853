"""One function per ribbon button. Each reads the open workbook, calls the core, writes back.

No rule lives here: checks, merge, import and list refresh are the core's, the same code as
`upr validate`, `upr merge` and `upr groups make`. The desktop add-in calls these through
RunPython; xlwings Server calls them with the book its Office.js client sent.
"""

from __future__ import annotations

import io
from pathlib import Path

import xlwings as xw

from .. import refresh
from ..annotate import plan_flags
from ..errors import InputError
from ..groups import normalise
from ..i18n import t
from ..locale import text
from ..merge import MergeResult, merge_workbooks, render_summary
from ..metadata import LIST_SHEET, META_SHEET
from ..parallel import fewer_collections
from ..report import FileReport, verdict_line
from ..schema import RECOMMENDATIONS
from ..templates import choice_formula
from ..validate import validate_workbook
from . import flags
from .live import alert, book_language, is_remote, read_book, reported_to_user, sheet_rows, status, target_book

# Marks a sheet copied from a master into the open workbook (far right of row 1), so that the
# next copy replaces it and a sheet of the user's own of the same name is never touched.
FROM_MASTER = "_upr_from_master"
FROM_MASTER_COLUMN = 40


def validate(book: xw.Book | None = None) -> FileReport | None:
    """Flag the open workbook's findings: fills, notes and a Check sheet, as `validate --annotate`."""
    book = target_book(book)
    with reported_to_user(book), fewer_collections():
        status(book, text("excel.checking", book_language(book)))
        flags.clear(book)
        data = read_book(book)
        report = validate_workbook(data, lang=data.lang)
        if report.error or report.skipped:
            raise InputError(book.name, "errors.as_is", lang=data.lang, problem=report.error or report.skipped)
        flags.draw(book, plan_flags(report, data.lang, [s.name for s in book.sheets]), data)
        alert(book, verdict_line(report, data.lang))
        return report
    return None


def clear_flags(book: xw.Book | None = None) -> int:
    """Take Validate's fills, notes and Check sheet away; the values typed are not touched."""
    book = target_book(book)
    with reported_to_user(book):
        return flags.clear(book)
    return 0


def merge_groups(folder: str | Path, book: xw.Book | None = None, *, output: str | Path | None = None,
                 recommendations: str | Path | None = None, open_master: bool = True) -> MergeResult | None:
    """Merge every group workbook under folder into the master beside them, then open it."""
    book = target_book(book)
    with reported_to_user(book):
        lang = book_language(book)
        folder = Path(folder)
        if not folder.is_dir():
            raise InputError(folder, "errors.excel.not_folder", lang=lang)
        output = Path(output) if output else folder / f"{t('master_file', lang)}.xlsx"
        status(book, text("excel.merging", lang))
        result = merge_workbooks([folder], output, lang=lang,
                                 recommendations=Path(recommendations) if recommendations else None,
                                 on_file=lambda path: status(book, text("excel.read", lang, file=Path(path).name)))
        if result.written and open_master and not is_remote(book):
            book.app.books.open(str(output))
        alert(book, merge_summary_text(result))
        return result
    return None


def merge_summary_text(result: MergeResult) -> str:
    """The summary `upr merge` prints, as plain text for one alert."""
    console = _text_console()
    render_summary(result, console)
    return console.file.getvalue().strip()


def _text_console():
    from rich.console import Console

    return Console(file=io.StringIO(), width=100, color_system=None, highlight=False, soft_wrap=True)


def refresh_list(list_path: str | Path, book: xw.Book | None = None) -> refresh.ListRefresh | None:
    """Take the group's recommendations from a newer list file; typed rows stay, orphans are flagged."""
    book = target_book(book)
    with reported_to_user(book):
        flags.clear(book)
        data = read_book(book)
        if not data.matrices:
            raise InputError(book.name, "errors.excel.not_group_book", lang=data.lang)
        result = refresh.refresh_list(data, Path(list_path))
        _write_list(book, data.lang, result)
        if result.orphans.findings:
            names = [s.name for s in book.sheets]
            flags.draw(book, plan_flags(result.orphans, data.lang, names), data)
        alert(book, result.summary(data.lang))
        return result
    return None


def _write_list(book: xw.Book, lang: str, result: refresh.ListRefresh) -> None:
    titles = {normalise(t) for t in (RECOMMENDATIONS.en, RECOMMENDATIONS.fr, *RECOMMENDATIONS.aliases)}
    sheet = next((s for s in book.sheets if normalise(s.name) in titles), None)
    if sheet is None:
        raise InputError(book.name, "errors.excel.no_list_sheet", lang=lang, title=RECOMMENDATIONS.title(lang))
    width = len(RECOMMENDATIONS.columns)
    old_rows = len(sheet_rows(sheet))
    rows = [[_as_text(v) for v in row] for row in result.rows]
    blank = [[""] * width for _ in range(max(0, old_rows - 1 - len(rows)))]
    sheet.range((2, 1)).value = rows + blank
    # The dropdown label is a formula per row; a longer list needs it on the new rows too.
    labels = sheet.range((2, width + 1), (len(rows) + 1, width + 1)).value
    labels = labels if isinstance(labels, list) else [labels]
    missing = [i for i, value in enumerate(labels, start=2) if value in (None, "")]
    for row in missing:
        sheet.range((row, width + 1)).value = choice_formula(row)
    names = [s.name for s in book.sheets]
    if LIST_SHEET in names:  # the whole list, which any merge counts coverage over
        whole = book.sheets[LIST_SHEET]
        old_length = len(sheet_rows(whole))
        values = [list(RECOMMENDATIONS.keys)] + [[_as_text(v) for v in row] for row in result.whole_list]
        values += [[""] * width for _ in range(max(0, old_length - len(values)))]
        whole.range((1, 1)).value = values
    if META_SHEET in names:
        meta = book.sheets[META_SHEET]
        for r, row in enumerate(sheet_rows(meta), start=1):
            if row and row[0] == "list_hash":
                meta.range((r, 2)).value = result.list_hash


def _as_text(value: object) -> object:
    """Text goes in as text: "77.10" must not become 77.1, nor "=..." a formula."""
    if isinstance(value, str) and value:
        return "'" + value
    return "" if value is None else value


def show_master_sheets(master_path: str | Path, book: xw.Book | None = None,
                       sheets: tuple[str, ...] = ("summary", "coverage")) -> list[str]:
    """Copy the values of some of a master's sheets into the open workbook (charts stay in the master)."""
    from ..master import label

    book = target_book(book)
    with reported_to_user(book):
        import openpyxl

        master = openpyxl.load_workbook(Path(master_path), read_only=True, data_only=True)
        lang = "fr" if label("summary", "fr") in master.sheetnames else "en"
        written = []
        for key in sheets:
            title = label(key, lang)
            if title not in master.sheetnames:
                continue
            values = [["" if v is None else _as_text(v) if isinstance(v, str) else v for v in row]
                      for row in master[title].iter_rows(values_only=True)]
            target = _sheet_for_copy(book, title)
            if values:
                width = max(len(r) for r in values)
                target.range((1, 1)).value = [r + [""] * (width - len(r)) for r in values]
            target.range((1, FROM_MASTER_COLUMN)).value = FROM_MASTER
            written.append(target.name)
        master.close()
        alert(book, text("excel.master_sheets_copied", lang, sheets=", ".join(written)) if written
              else text("excel.no_master_sheets", lang, file=Path(master_path).name))
        return written
    return []


def _sheet_for_copy(book: xw.Book, title: str) -> xw.Sheet:
    names = [s.name for s in book.sheets]
    if title in names:
        existing = book.sheets[title]
        if existing.range((1, FROM_MASTER_COLUMN)).value == FROM_MASTER:
            existing.delete()
        else:
            n = 2
            while f"{title} ({n})" in names:
                n += 1
            title = f"{title} ({n})"
    return book.sheets.add(title, after=book.sheets[len(book.sheets) - 1])


def new_workshop(export_path: str | Path, outdir: str | Path, book: xw.Book | None = None, *,
                 state: str | None = None, session: int | None = None, lang: str = "en") -> list | None:
    """Import a recommendation export and make the group workbooks in outdir: the first step."""
    from ..groupbooks import make_group_workbooks
    from ..recommendations import import_recommendations, write_list_workbook

    book = target_book(book)
    with reported_to_user(book):
        outdir = Path(outdir)
        status(book, text("excel.importing", lang))
        imported = import_recommendations(Path(export_path), state=state, session=session)
        reviews = sorted({(r.state, r.session) for r in imported.recommendations})
        if len(reviews) > 1:
            shown = ", ".join(text("errors.excel.review", lang, state=s, session=n) for s, n in reviews[:5])
            raise InputError(export_path, "errors.excel.reviews_more" if len(reviews) > 5 else "errors.excel.reviews",
                             lang=lang, n=len(reviews), shown=shown)
        outdir.mkdir(parents=True, exist_ok=True)
        list_path = outdir / f"{t('list_file', lang)}.xlsx"
        write_list_workbook(imported.recommendations, list_path, lang=lang)
        books, total = make_group_workbooks(list_path, outdir, lang=lang)
        alert(book, text("cli.total", lang, n=total, books=len(books), folder=outdir))
        return books
    return None
