"""Errors a user can act on: each names the file (and sheet and cell when known), in the run's language.

An error holds a key of the catalogue's [errors] section and its values, not a sentence: a function
deep in the readers raises it without knowing the language, and whoever shows it (the command line,
a report, the Excel add-in) says it in the run's language with `exc.text(lang)`. A raiser that knows
the language passes `lang=`, and str(exc) then speaks it too; otherwise str(exc) is English.
A key that is not in the catalogue is shown as it is: a plain sentence from code not yet moved there.
"""

from __future__ import annotations

import errno
from pathlib import Path

from .locale import DEFAULT, has
from .locale import text as _text


class Phrase:
    """Words inside a message that are themselves a catalogue entry, said in the message's language."""

    def __init__(self, key: str, /, **values: object):
        self.key, self.values = key, values

    def text(self, lang: str = DEFAULT) -> str:
        return _text(self.key, lang, **_said(self.values, lang))

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, **{self.values!r})"


def _message(key: str, lang: str, values: dict[str, object]) -> str:
    """The catalogue's message; a plain sentence not (yet) in the catalogue is shown as it is."""
    return _text(key, lang, **_said(values, lang)) if has(key) else key


def _said(values: dict[str, object], lang: str) -> dict[str, object]:
    return {name: value.text(lang) if isinstance(value, (Phrase, UserError)) else value
            for name, value in values.items()}


# The system's reasons a file cannot be read or written, in the catalogue's words; others keep the system's.
_OS_REASONS = {errno.EACCES: "access", errno.EPERM: "access", errno.ENOSPC: "disk_full", errno.EROFS: "read_only",
               errno.ENAMETOOLONG: "name_too_long", errno.ENOENT: "missing", errno.EISDIR: "folder",
               errno.ENOTDIR: "not_folder", errno.EEXIST: "exists", errno.EBUSY: "busy",
               errno.EIO: "io"}
if hasattr(errno, "EDQUOT"):
    _OS_REASONS[errno.EDQUOT] = "quota"


def os_reason(exc: BaseException) -> Phrase | str:
    """Why the system refused a read or a write, in words the message can say in either language."""
    known = _OS_REASONS.get(getattr(exc, "errno", None))
    if known:
        return Phrase(f"errors.os.{known}")
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def library_reason(exc: BaseException, *, with_type: bool = True) -> Phrase:
    """What a library said when it gave up on a file: quoted as it is (its words are its own), on one line."""
    said = " ".join(str(exc).split())
    return Phrase("errors.quoted", text=f"{type(exc).__name__}: {said}" if with_type else said)


class UserError(Exception):
    """A problem the user can act on, told in the catalogue's words."""

    def __init__(self, key: str, /, *, lang: str = DEFAULT, **values: object):
        self.key, self.values, self.lang = key, values, lang
        super().__init__(key)

    def text(self, lang: str | None = None) -> str:
        """The whole message in lang (by default the raiser's language, else English)."""
        return self._message(lang or self.lang)

    def _message(self, lang: str) -> str:
        return _message(self.key, lang, self.values)

    def __str__(self) -> str:
        return self.text()

    def __reduce__(self):   # picklable for worker processes (addin.parallel): rebuilt from its parts
        return _rebuild, (type(self), dict(self.__dict__))


def _rebuild(cls: type, state: dict) -> UserError:
    error = cls.__new__(cls)
    Exception.__init__(error, state["key"])
    error.__dict__.update(state)
    return error


class InputError(UserError):
    """Input that cannot be used. The CLI prints it on one line and exits with 2.

    InputError(path, "errors.file.missing"), or with values: InputError(path, "errors.text.quote", line=3);
    sheet and cell are named before the problem ("sheet 'Plan', cell B4: ...", in the message's language).
    """

    def __init__(self, path: Path | str | None, key: str, /, *, sheet: str | None = None,
                 cell: str | None = None, lang: str = DEFAULT, **values: object):
        self.path = Path(path) if path is not None else None
        self.sheet = sheet
        self.cell = cell
        super().__init__(key, lang=lang, **values)

    @property
    def problem(self) -> str:
        """The problem alone, without the file, sheet or cell."""
        return _message(self.key, self.lang, self.values)

    @property
    def detail(self) -> str:
        """The problem with its sheet and cell, for a report that names the file in its own column."""
        return self.detail_in(self.lang)

    def detail_in(self, lang: str) -> str:
        """detail, in lang."""
        return self._where(lang, with_path=False)

    def _message(self, lang: str) -> str:
        return self._where(lang, with_path=True)

    def _where(self, lang: str, with_path: bool) -> str:
        where = [str(self.path)] if with_path and self.path else []
        if self.sheet:
            where.append(_text("errors.where.sheet", lang, sheet=self.sheet))
        if self.cell:
            where.append(_text("errors.where.cell", lang, cell=self.cell))
        problem = _message(self.key, lang, self.values)
        return _text("errors.where.line", lang, where=", ".join(where), problem=problem) if where else problem


class OutputError(UserError):
    """The output cannot be written (locked, open elsewhere, no permission). Its message names the file."""


def said(exc: BaseException | str, lang: str | None = None) -> str:
    """An exception's message in lang when it is one of ours (None: the raiser's language), else as it is."""
    return exc.text(lang) if isinstance(exc, UserError) else str(exc)
