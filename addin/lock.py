"""One writer per master: a lock file beside it, and a check for the master being open.

The lock is `.~<name>.upr-lock` next to the output, created with O_EXCL and holding the
pid, host and time of the merge that owns it. A lock whose pid is dead on this host is
stale and taken over; any other lock stops the merge with a message saying whose it is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError

# A lock that cannot be parsed is being written by its owner, unless it is older than this.
UNREADABLE_LOCK_GRACE_SECONDS = 30

MESSAGES = {
    "busy": {
        "en": "{target}: another merge into this master is running (pid {pid} on {host}, since {time}). "
              "Wait for it to finish; if no merge is running, delete {lock}.",
        "fr": "{target} : une autre fusion vers ce classeur maître est en cours (pid {pid} sur {host}, "
              "depuis {time}). Attendez qu'elle se termine ; si aucune fusion n'est en cours, "
              "supprimez {lock}.",
    },
    "excel": {
        "en": "{target} is open in Excel (owner file {owner}). Close it and run the merge again; "
              "if Excel is closed, delete {owner}.",
        "fr": "{target} est ouvert dans Excel (fichier {owner}). Fermez-le et relancez la fusion ; "
              "si Excel est fermé, supprimez {owner}.",
    },
    "libreoffice": {
        "en": "{target} is open in LibreOffice (lock file {owner}). Close it and run the merge again; "
              "if LibreOffice is closed, delete {owner}.",
        "fr": "{target} est ouvert dans LibreOffice (fichier {owner}). Fermez-le et relancez la "
              "fusion ; si LibreOffice est fermé, supprimez {owner}.",
    },
    "cannot_lock": {
        "en": "{target}: cannot create the lock file {lock} ({problem}).",
        "fr": "{target} : impossible de créer le fichier de verrou {lock} ({problem}).",
    },
}


def _say(key: str, lang: str, **values: object) -> str:
    return MESSAGES[key]["fr" if lang == "fr" else "en"].format(**values)


def lock_path(target: Path) -> Path:
    target = Path(target)
    return target.with_name(f".~{target.name}.upr-lock")


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
    for app, owner in owner_files(target):
        raise OutputError(_say(app, lang, target=target, owner=owner.name))


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


def _is_stale(path: Path, info: dict | None) -> bool:
    if info is None:
        try:
            age = dt.datetime.now().timestamp() - path.stat().st_mtime
        except FileNotFoundError:
            return True
        return age > UNREADABLE_LOCK_GRACE_SECONDS
    if info.get("host") != socket.gethostname():
        return False
    try:
        return not _pid_alive(int(info.get("pid")))
    except (TypeError, ValueError):
        return True


def acquire(target: Path, lang: str = "en") -> Path:
    """Create the lock file or raise OutputError naming who holds it."""
    path = lock_path(target)
    for _ in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            info = _read_lock(path)
            if _is_stale(path, info):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            info = info or {}
            raise OutputError(_say("busy", lang, target=target, pid=info.get("pid", "?"),
                                   host=info.get("host", "?"), time=info.get("time", "?"),
                                   lock=path.name)) from None
        except OSError as exc:
            raise OutputError(_say("cannot_lock", lang, target=target, lock=path.name,
                                   problem=exc.strerror or exc)) from exc
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"pid": os.getpid(), "host": socket.gethostname(),
                       "time": dt.datetime.now().isoformat(timespec="seconds")}, handle)
        return path
    raise OutputError(_say("busy", lang, target=target, pid="?", host="?", time="?", lock=path.name))


def release(path: Path) -> None:
    info = _read_lock(path)
    if info is None or (info.get("pid") == os.getpid() and info.get("host") == socket.gethostname()):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


@contextlib.contextmanager
def output_lock(target: Path, lang: str = "en") -> Iterator[Path]:
    """Hold the master's lock for the whole merge; the target must not be open elsewhere."""
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{Path(target).parent}: cannot create the folder ({exc.strerror or exc})") from exc
    ensure_not_open(target, lang)
    path = acquire(target, lang)
    try:
        yield path
    finally:
        release(path)
