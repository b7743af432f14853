"""Safe output: every file is written to a temporary sibling, then renamed."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import OutputError


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to target; on success it replaces target.

    Readers never see a half-written workbook, and a failed write leaves the
    old file as it was.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{target.parent}: cannot create the folder ({exc.strerror or exc})") from exc
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".tmp",
                                    dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _copy_mode(target, tmp)
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            raise OutputError(f"{target}: cannot replace the file; is it open in Excel? "
                              "Close it and run again.") from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def _copy_mode(target: Path, tmp: Path) -> None:
    """mkstemp creates 0600 files; give the output the mode a plain open() would."""
    if target.exists():
        os.chmod(tmp, target.stat().st_mode & 0o777)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)


def save_workbook(workbook, target: Path) -> Path:
    """Save an openpyxl workbook atomically."""
    with atomic_path(target) as tmp:
        workbook.save(tmp)
    return Path(target)


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    with atomic_path(target) as tmp:
        write(tmp)
    return Path(target)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
