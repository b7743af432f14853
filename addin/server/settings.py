"""What the host organisation configures: the shared token and the limits, from UPR_SERVER_* variables."""

from __future__ import annotations

import os
from dataclasses import dataclass

MB = 1024 * 1024


def _number(name: str, default: float, env) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r}: give a number, e.g. {name}={default:g}") from None
    if value <= 0:
        raise ValueError(f"{name}={raw!r}: give a number above 0")
    return value


@dataclass(frozen=True)
class ServerSettings:
    token: str = ""                  # UPR_SERVER_TOKEN: when set, every script, function and merge call must send it
    max_file_mb: float = 20          # one uploaded workbook
    max_request_mb: float = 100      # one request: every file of a merge, or one workbook sent by a script
    max_files: int = 40              # files in one merge (the groups' workbooks and the list)
    merge_seconds: float = 180       # one merge, then it is stopped
    concurrent_merges: int = 2       # merges at once; more wait for "busy, try again" (the machine keeps serving)

    @classmethod
    def from_env(cls, env=None) -> "ServerSettings":
        env = os.environ if env is None else env
        return cls(
            token=env.get("UPR_SERVER_TOKEN", "").strip(),
            max_file_mb=_number("UPR_SERVER_MAX_FILE_MB", cls.max_file_mb, env),
            max_request_mb=_number("UPR_SERVER_MAX_REQUEST_MB", cls.max_request_mb, env),
            max_files=int(_number("UPR_SERVER_MAX_FILES", cls.max_files, env)),
            merge_seconds=_number("UPR_SERVER_MERGE_SECONDS", cls.merge_seconds, env),
            concurrent_merges=int(_number("UPR_SERVER_CONCURRENT_MERGES", cls.concurrent_merges, env)),
        )

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * MB)

    @property
    def max_request_bytes(self) -> int:
        return int(self.max_request_mb * MB)
