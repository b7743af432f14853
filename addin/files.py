"""Safe input and output.

Every file is written to a hidden temporary sibling, then renamed over the target: readers never
see a half-written workbook, and a failed write (disk full, a name too long) leaves the old file
as it was, removes the temporary file and says so in one line. Temporary files a killed run left
behind are removed by the next write into the same folder.

Inputs are opened only when they are regular files: a named pipe or a device would block a read
forever.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import InputError, OutputError, os_reason

# Temporary files are ".~upr-<pid>-<random>.tmp": short whatever the target's name, and the pid
# tells a live writer's file from a dead one's.
TEMP_PREFIX = ".~upr-"
TEMP_SUFFIX = ".tmp"
# Temporary files of older versions (".<stem>.<random><suffix>.tmp") carry no pid: removed when
# older than this.
LEGACY_TEMP_AGE_SECONDS = 3600
# No text input of a workshop comes near this; a read never takes more.
MAX_TEXT_BYTES = 256 * 1024 * 1024

_NOT_REGULAR = ((stat.S_ISFIFO, "pipe"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"),
                (stat.S_ISSOCK, "socket"))


def regular_file(path: Path) -> os.stat_result:
    """The file's stat; InputError when it is missing or not a regular file."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "errors.file.missing") from None
    except OSError as exc:
        raise InputError(path, "errors.file.unreadable", reason=os_reason(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "errors.file.folder")
    for test, kind in _NOT_REGULAR:
        if test(info.st_mode):
            raise InputError(path, f"errors.file.{kind}")
    return info


def open_regular(path: Path):
    """Open a regular file for reading, binary, without ever blocking on a pipe or a device."""
    path = Path(path)
    regular_file(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(path, "errors.file.unreadable", reason=os_reason(exc)) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):   # swapped for a pipe since the check
        os.close(fd)
        raise InputError(path, "errors.file.not_regular")
    return os.fdopen(fd, "rb")


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """A regular file's bytes, refusing more than limit."""
    with open_regular(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(path, "errors.file.too_large", mb=limit // 2**20)
    return data


def real_target(target: Path) -> Path:
    """Where a write to target lands: through a symbolic link, its target (a shared master stays one file)."""
    target = Path(target)
    try:
        linked = target.is_symlink() or os.path.islink(target.parent)
    except OSError:   # a name too long for the file system: the write itself will say so
        return target
    return Path(os.path.realpath(target)) if linked else target


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _pid_alive(pid: int) -> bool:
    from .lock import _pid_alive as alive

    return alive(pid)


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files that runs killed half-way left in folder; returns them."""
    removed = []
    try:
        candidates = list(Path(folder).iterdir())
    except OSError:
        return removed
    now = time.time()
    for path in candidates:
        name = path.name
        stale = False
        if name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX):
            pid = name[len(TEMP_PREFIX):].split("-", 1)[0]
            stale = pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid))
        elif name.startswith(".") and name.endswith((".xlsx.tmp", ".xlsm.tmp")) and name.count(".") >= 3:
            with contextlib.suppress(OSError):
                stale = now - path.stat().st_mtime > LEGACY_TEMP_AGE_SECONDS
        if stale:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _write_failed(target: Path, exc: OSError) -> OutputError:
    key = "errors.output.write_failed" if _exists(target) else "errors.output.write_failed_new"
    return OutputError(key, target=target, reason=os_reason(exc))


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to target; on success it replaces target.

    Readers never see a half-written workbook, and a failed write leaves the
    old file as it was. A symbolic link is written through to its target.
    """
    target = real_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("errors.output.folder", folder=target.parent, reason=os_reason(exc)) from exc
    clean_stale_temps(target.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX,
                                        dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise _write_failed(target, exc) from exc
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
            _copy_mode(target, tmp)
            os.replace(tmp, target)
        except PermissionError as exc:
            raise OutputError("errors.output.replace", target=target) from exc
        except OSError as exc:
            raise _write_failed(target, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            if tmp.exists():
                tmp.unlink()


def _copy_mode(target: Path, tmp: Path) -> None:
    """mkstemp creates 0600 files; give the output the mode a plain open() would."""
    if _exists(target):
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


def copy_atomically(source: Path, target: Path) -> Path:
    """A copy of source at target, complete or not at all (a backup on a full disk)."""
    import shutil

    with atomic_path(target) as tmp:
        shutil.copy2(source, tmp)
    return Path(target)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
