"""Shared fixtures: the real data in ../shared and one LibreOffice per test session."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
IN_CI = os.environ.get("CI", "").lower() == "true"
# LibreOffice's Python bridge (python3-uno) belongs to the system Python, not to the test's.
UNO_PYTHON = "/usr/bin/python3"
UNO_NO_CONNECTION = 3  # tests/lo_uno.py's exit code when no instance answers on the pipe

# xlwings' remote book and server are PolyForm Noncommercial, free for NGOs.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
# Compiled patterns (addin/cached_re.py) go to a folder of this session, not the user's cache.
os.environ["UPR_CACHE_DIR"] = tempfile.mkdtemp(prefix="upr-cache-")


def shared_file(*parts: str) -> Path:
    """A file of ../shared/data; skipped outside CI when absent, an error in CI."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing; CI must have ../shared beside the checkout")
        pytest.skip(f"{path} is missing (../shared is not beside this checkout)")
    return path


LO_UNO = Path(__file__).with_name("lo_uno.py")
# What --convert-to picks for a bare extension, for a spreadsheet.
CONVERT_FILTERS = {"xlsx": "Calc MS Excel 2007 XML", "ods": "calc8", "pdf": "calc_pdf_Export",
                   "csv": "Text - txt - csv (StarCalc)", "xls": "MS Excel 97"}


class LibreOffice:
    """One headless soffice for the whole session; conversions reuse its profile."""

    def __init__(self, binary: str, workdir: Path):
        self.binary = binary
        self.profile = workdir / "profile"
        self.profile_url = self.profile.as_uri()
        # UNO scripts (tests/lo_uno.py) reach this same instance through a named pipe.
        self.pipe = f"upr-lo-{os.getpid()}-{workdir.name}"
        self.command = [binary, "--headless", "--invisible", "--norestore", "--nologo",
                        f"-env:UserInstallation={self.profile_url}", f"--accept=pipe,name={self.pipe};urp;"]
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The first conversion waits for the instance to finish starting.
        time.sleep(2)

    def convert(self, source: Path, fmt: str, outdir: Path) -> Path:
        """Convert with LibreOffice (recalculating formulas) and return the new file.

        fmt is as for --convert-to ("xlsx", "ods", "pdf" or "ext:Filter name"). The document
        goes through the session's one instance over UNO: a --convert-to handed to a running
        instance ends it, and the next one would start LibreOffice again.
        """
        outdir.mkdir(parents=True, exist_ok=True)
        target_ext, _, filter_name = fmt.partition(":")
        expected = outdir / f"{Path(source).stem}.{target_ext}"
        if expected.exists():
            expected.unlink()
        self.run_uno(LO_UNO, "convert", str(source), str(expected), filter_name or CONVERT_FILTERS[target_ext])
        if not expected.exists():
            raise AssertionError(f"LibreOffice did not convert {source} to {fmt}")
        return expected

    def run_uno(self, script: Path, *args: str, timeout: int = 180) -> str:
        """Run a UNO script with the system Python (the one with `uno`) against this instance:
        `python3 script PIPE args...`; returns its stdout."""
        if not Path(UNO_PYTHON).exists() or subprocess.run(
                [UNO_PYTHON, "-c", "import uno"], capture_output=True).returncode != 0:
            if IN_CI:
                pytest.fail(f"{UNO_PYTHON} cannot import uno; .ci/run must install python3-uno")
            pytest.skip(f"{UNO_PYTHON} with the uno module (python3-uno) is not installed")
        for _ in range(2):
            # A --convert-to handed to the running instance ends it afterwards: start it again.
            if self.process.poll() is not None:
                self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL,
                                                stderr=subprocess.DEVNULL)
            result = subprocess.run([UNO_PYTHON, str(script), self.pipe, *args],
                                    capture_output=True, text=True, timeout=timeout)
            if result.returncode != UNO_NO_CONNECTION:
                break
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=30)
        if result.returncode != 0:
            raise AssertionError(f"{script.name} {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def libreoffice():
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        if IN_CI:
            pytest.fail("soffice is missing; .ci/run must install LibreOffice")
        pytest.skip("LibreOffice (soffice) is not installed")
    workdir = Path(tempfile.mkdtemp(prefix="upr-lo-"))
    office = LibreOffice(binary, workdir)
    yield office
    office.close()
    shutil.rmtree(workdir, ignore_errors=True)


# Figures worth reading on every run (accuracy of the checkers), shown after the test summary.
MEASUREMENTS: list[str] = []


def measure(line: str) -> None:
    MEASUREMENTS.append(line)


def pytest_terminal_summary(terminalreporter):
    if MEASUREMENTS:
        terminalreporter.section("measurements")
        for line in MEASUREMENTS:
            terminalreporter.write_line(line)
