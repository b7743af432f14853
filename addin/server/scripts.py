"""The scripts behind the ribbon and the task pane: the desktop add-in's functions, called on the book
that the Office.js add-in sends. No rule lives here.

Each script runs in a worker thread, so that one long validation does not hold up the other users.
A problem the CLI would print comes back as that same message (xlwings Server shows it in Excel);
a file sent by the task pane sits in a private folder for the length of the call.
"""

from __future__ import annotations

import asyncio
import base64
import binascii

import xlwings as xw
from xlwings.server import script

import addin.excel as upr
from addin.errors import InputError, OutputError
from addin.locale import text

from .app import current_settings
from .uploads import LIST_SUFFIXES, check_suffix, display_name, leaf_name, megabytes, private_folder


def _language(book: xw.Book) -> str:
    """The book's language for a message, English when even that cannot be read."""
    from addin.excel.live import book_language

    try:
        return book_language(book)
    except Exception:  # noqa: BLE001 - the message must still be shown
        return "en"


async def _call(function, *args, **kwargs):
    try:
        return await asyncio.to_thread(function, *args, **kwargs)
    except (InputError, OutputError) as exc:
        book = next((a for a in (*args, *kwargs.values()) if isinstance(a, xw.Book)), None)
        raise xw.XlwingsError(exc.text(_language(book) if book is not None else None)) from None


def _decoded(name: str, content_base64: str, lang: str) -> bytes:
    try:
        content = base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise xw.XlwingsError(text("errors.server.not_whole", lang, name=name)) from None
    limit = current_settings().max_file_bytes
    if len(content) > limit:
        raise xw.XlwingsError(text("errors.where.line", lang, where=name, problem=text(
            "errors.server.too_large", lang, mb=megabytes(limit, lang))))
    return content


@script
async def validate(book: xw.Book):
    """Validate: fills, notes, a Check sheet and one alert, as `upr validate --annotate` marks."""
    await _call(upr.validate, book)


@script
async def clear_flags(book: xw.Book):
    """Clear flags: restores what Validate changed; the participants' values stay."""
    await _call(upr.clear_flags, book)


@script
async def refresh_list(book: xw.Book, list_name: str, list_base64: str):
    """Refresh list: replaces the Recommendations list from the list file chosen in the task pane."""
    name = display_name(list_name)
    lang = _language(book)
    problem = check_suffix(name, LIST_SUFFIXES, lang)
    if problem:
        raise xw.XlwingsError(text("errors.where.line", lang, where=name, problem=problem))
    content = _decoded(name, list_base64, lang)
    with private_folder("upr-list-") as folder:
        path = folder / leaf_name(name)
        path.write_bytes(content)
        await _call(upr.refresh_list, path, book)


@script
async def show_master_sheets(book: xw.Book, master_base64: str):
    """Writes the Summary and Coverage sheets of the master the task pane just received."""
    lang = _language(book)
    content = _decoded(text("errors.server.the_master", lang), master_base64, lang)
    with private_folder("upr-master-") as folder:
        path = folder / "Master matrix.xlsx"
        path.write_bytes(content)
        await _call(upr.show_master_sheets, path, book)
