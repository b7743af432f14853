"""One writer per master: a lock file beside it, and a check for the master being open.

The lock is `.~<name>.upr-lock` next to the real output (through a symbolic link), created
with O_EXCL, held with an fcntl (msvcrt on Windows) lock on the open file for the whole merge,
and holding the pid, host and time of the merge that owns it. A lock file nobody holds is
stale (its merge died) and is taken over atomically; a held one stops the merge with a message
saying whose it is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError, os_reason
from .files import real_target


def _refusal(key: str, lang: str, **values: object) -> OutputError:
    return OutputError(f"lock.{key}", lang=lang, **values)


def owner_files(target: Path) -> list[tuple[str, Path]]:
    """Files an office suite leaves beside a workbook it has open.

    Excel writes `~$` + the name, or `~$` + the name without its first two characters
    when the name is long; LibreOffice writes `.~lock.<name>#`.
    """
    target = Path(target)
    name = target.name
    candidates = [("excel", target.with_name(f"~${name}"))]
    if len(target.stem) >= 7:
        candidates.append(("excel", target.with_name(f"~${name[2:]}")))
    candidates.append(("libreoffice", target.with_name(f".~lock.{name}#")))
    return [(app, path) for app, path in candidates if path.exists()]


def ensure_not_open(target: Path, lang: str = "en") -> None:
    """Raise OutputError when the target is open in Excel or LibreOffice."""
    if not Path(target).exists():
        return
    for place in dict.fromkeys((Path(target), real_target(Path(target)))):
        for app, owner in owner_files(place):
            raise _refusal(app, lang, target=target, owner=owner.name)


def _pid_alive(pid: int) -> bool:
    if os.name == "nt":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _pid_alive_windows(pid: int) -> bool:
    """os.kill(pid, 0) would send Ctrl+C on Windows; ask the kernel instead."""
    import ctypes

    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() == access_denied
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _read_lock(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _try_lock(fd: int) -> bool:
    """Lock the open lock file for this process; False when another process holds it.

    The operating system drops the lock when its holder dies, however it died: a stale lock
    file is simply one nobody holds, and taking it over is the same atomic call.
    """
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:   # a file system without locks (some network shares): O_EXCL alone decides
        return exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS) and _created_now.get(fd, False)
    return True


# Lock files this process created itself with O_EXCL, by descriptor (see _try_lock).
_created_now: dict[int, bool] = {}
# The descriptor of each lock this process holds, by lock path.
_held: dict[Path, int] = {}


def _busy(target: Path, path: Path, lang: str) -> OutputError:
    info = _read_lock(path) or {}
    return _refusal("busy", lang, target=target, pid=info.get("pid", "?"), host=info.get("host", "?"),
                    time=info.get("time", "?"), lock=path.name)


def acquire(target: Path, lang: str = "en") -> Path:
    """Take the master's lock or raise OutputError naming who holds it.

    The protocol is atomic: the lock file is created with O_EXCL when absent, and in every case
    the process must then hold an exclusive lock on the open file, and the file it holds must
    still be the one at the lock's path (a finishing merge removes it while holding it). A dead
    merge's file is taken over by locking it, never by deleting it, so no merge can remove the
    lock of another.
    """
    path = lock_path(target)
    for _ in range(20):
        created = False
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
            created = True
        except FileExistsError:
            try:
                fd = os.open(path, os.O_RDWR)
            except FileNotFoundError:
                continue   # removed by its holder just now: try again
            except OSError as exc:
                raise _refusal("cannot_lock", lang, target=target, lock=path.name,
                               problem=os_reason(exc)) from exc
        except OSError as exc:
            raise _refusal("cannot_lock", lang, target=target, lock=path.name, problem=os_reason(exc)) from exc
        _created_now[fd] = created
        locked = _try_lock(fd)
        _created_now.pop(fd, None)
        if not locked:
            os.close(fd)
            raise _busy(target, path, lang)
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)   # we locked a file its holder had just removed: start again
            continue
        info = None if created else _read_lock(path)
        if info and info.get("host") not in (None, socket.gethostname()):
            os.close(fd)   # another computer's merge: its lock cannot be seen from here
            raise _busy(target, path, lang)
        record = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                             "time": dt.datetime.now().isoformat(timespec="seconds")}).encode("utf-8")
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, record)
        except OSError as exc:   # a full disk: the lock is held all the same, but say why nothing runs
            os.close(fd)
            raise _refusal("cannot_lock", lang, target=target, lock=path.name, problem=os_reason(exc)) from exc
        _held[path] = fd
        return path
    raise _refusal("busy", lang, target=target, pid="?", host="?", time="?", lock=path.name)


def release(path: Path) -> None:
    """Remove the lock file while still holding it, then let go."""
    fd = _held.pop(Path(path), None)
    if fd is None:
        info = _read_lock(path)
        if info is None or (info.get("pid") == os.getpid() and info.get("host") == socket.gethostname()):
            with contextlib.suppress(FileNotFoundError):
                Path(path).unlink()
        return
    try:
        if os.name == "nt":
            os.close(fd)   # Windows removes no open file
            fd = None
        with contextlib.suppress(FileNotFoundError):
            Path(path).unlink()
    finally:
        if fd is not None:
            os.close(fd)


def lock_path(target: Path) -> Path:
    """The lock sits beside the real master: through a symbolic link, beside the link's target."""
    target = real_target(Path(target))
    return target.with_name(f".~{target.name}.upr-lock")


@contextlib.contextmanager
def output_lock(target: Path, lang: str = "en") -> Iterator[Path]:
    """Hold the master's lock for the whole merge; the target must not be open elsewhere."""
    try:
        real_target(Path(target)).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("errors.output.folder", lang=lang, folder=Path(target).parent,
                          reason=os_reason(exc)) from exc
    ensure_not_open(target, lang)
    path = acquire(target, lang)
    try:
        yield path
    finally:
        release(path)
