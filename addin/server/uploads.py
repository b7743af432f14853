"""Uploaded files: a private folder per request, names the client cannot steer, limits per file.

A client's file name is kept as a display name. On disk each file sits in a folder of ours under a
leaf name rebuilt from the display name (no separator, no dot file, no "..", no drive, no control
character; a second file of the same name becomes "name (2).xlsx"), so that the master's
provenance still names "Justice - Implementation plan.xlsx" as the core writes it, and nothing can
land outside the private folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..locale import text

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
LIST_SUFFIXES = WORKBOOK_SUFFIXES + (".csv",)       # a recommendation list may also be a csv export
_UNSAFE = re.compile(r'[<>:"/\\|?*]+')       # separators and what Windows forbids in a name
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def display_name(client_name: str | None) -> str:
    """The last part of what the browser sent, without control characters: shown, never opened."""
    name = unicodedata.normalize("NFC", client_name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name[:150] or "unnamed"


def leaf_name(display: str) -> str:
    """A file name of ours built from the display name: no separator, no leading dot, no device name."""
    stem, suffix = os.path.splitext(display)
    stem = _UNSAFE.sub("_", stem).strip(" ._") or "workbook"
    if stem.upper() in _RESERVED:       # device names Windows would not create
        stem = f"_{stem}"
    return stem[:100] + suffix.lower()


@dataclass
class Refusal:
    name: str
    reason: str


@contextlib.contextmanager
def private_folder(prefix: str = "upr-") -> Iterator[Path]:
    """A folder only this process's user can enter (mkdtemp makes it 0700), removed whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def megabytes(limit: int, lang: str = "en") -> str:
    """A limit in bytes as MB to three digits, with the language's decimal mark (0.01, 0,01)."""
    shown = f"{limit / 2**20:.3g}"
    return shown.replace(".", ",") if lang == "fr" else shown


def save_upload(source, folder: Path, display: str, max_bytes: int, lang: str = "en") -> Path:
    """Copy an uploaded file object into folder under a leaf name of ours, refusing it past max_bytes
    (ValueError, its message in lang)."""
    leaf = leaf_name(display)
    stem, suffix = os.path.splitext(leaf)
    target, copy = folder / leaf, 1
    while target.exists():
        copy += 1
        target = folder / f"{stem} ({copy}){suffix}"
    written = 0
    with open(target, "xb") as out:
        for block in iter(lambda: source.read(1 << 20), b""):
            written += len(block)
            if written > max_bytes:
                out.close()
                target.unlink()
                raise ValueError(text("errors.server.too_large", lang, mb=megabytes(max_bytes, lang)))
            out.write(block)
    return target


def check_suffix(display: str, allowed: tuple[str, ...] = WORKBOOK_SUFFIXES, lang: str = "en") -> str | None:
    """Why a file of that name is not taken, in lang; None when it is."""
    suffix = os.path.splitext(display)[1].lower()
    if suffix not in allowed:
        return text("errors.server.not_workbook", lang, suffixes=", ".join(allowed))
    return None
