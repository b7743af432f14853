"""Errors a user can act on: each names the file (and sheet and cell when known)."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Input that cannot be used. The CLI prints it on one line and exits with 2."""

    def __init__(self, path: Path | str | None, problem: str, sheet: str | None = None,
                 cell: str | None = None):
        self.path = Path(path) if path is not None else None
        self.problem = problem
        self.sheet = sheet
        self.cell = cell
        super().__init__(str(self))

    def __str__(self) -> str:
        return self._where([str(self.path)] if self.path else [])

    @property
    def detail(self) -> str:
        """The problem with its sheet and cell, for a report that names the file in its own column."""
        return self._where([])

    def _where(self, where: list[str]) -> str:
        if self.sheet:
            where.append(f"sheet {self.sheet!r}")
        if self.cell:
            where.append(f"cell {self.cell}")
        return f"{', '.join(where)}: {self.problem}" if where else self.problem


class OutputError(Exception):
    """The output cannot be written (locked, open elsewhere, no permission)."""
