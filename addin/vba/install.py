"""`upr excel install`: xlwings' add-in, RunPython on macOS, our add-in, and the interpreter.

Only Windows and macOS run desktop Excel; elsewhere `install_steps` says what to do there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .sources import XLWINGS_PROJECT_NAME

MANUAL_STEPS = (
    "Desktop Excel runs on Windows and macOS only. On the Windows or Mac computer that runs Excel:\n"
    "  1. install Python 3.10 or later, then: pip install upr-matrix\n"
    "  2. xlwings addin install            (and on macOS: xlwings runpython install)\n"
    "  3. upr excel build                  (in the UPR Matrix folder; writes dist/UPR Matrix.xlam)\n"
    "  4. upr excel install, or in Excel: File > Options > Add-ins > Manage Excel Add-ins > Go > "
    "Browse (macOS: Tools > Excel Add-ins > Browse) and choose UPR Matrix.xlam")


class UnsupportedPlatform(Exception):
    pass


def user_config_file(platform: str = sys.platform, home: Path | None = None) -> Path:
    """Where xlwings' VBA (GetConfigFilePath) reads the add-in's user settings."""
    home = home or Path.home()
    if platform == "darwin":
        return home / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / f"{XLWINGS_PROJECT_NAME}.conf"
    return home / f".{XLWINGS_PROJECT_NAME}" / f"{XLWINGS_PROJECT_NAME}.conf"


def interpreter(platform: str = sys.platform, executable: str = sys.executable) -> tuple[str, str]:
    """(config key, path) of the Python that has upr-matrix: pythonw on Windows (no console window)."""
    if platform == "win32":
        windowless = Path(executable).with_name("pythonw.exe")
        return "INTERPRETER_WIN", str(windowless if windowless.exists() else executable)
    return "INTERPRETER_MAC", executable


def install_steps(addin_file: Path, platform: str = sys.platform) -> list[list[str]]:
    """The xlwings commands that install everything, in order."""
    if platform not in ("win32", "darwin"):
        raise UnsupportedPlatform(MANUAL_STEPS)
    xlwings = [sys.executable, "-m", "xlwings.cli"]
    steps = [xlwings + ["addin", "install"]]
    if platform == "darwin":
        steps.append(xlwings + ["runpython", "install"])
    steps.append(xlwings + ["addin", "install", "--file", str(addin_file)])
    return steps


def install(addin_file: Path, platform: str = sys.platform) -> Path:
    """Run the steps, then point the add-in at this Python; returns the config file written."""
    steps = install_steps(addin_file, platform)
    if not addin_file.is_file():
        raise FileNotFoundError(f"{addin_file}: not found; run `upr excel build` first")
    for step in steps:
        subprocess.run(step, check=True)
    config = user_config_file(platform)
    key, path = interpreter(platform)
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'"{key}","{path}"\n', encoding="utf-8")
    return config
