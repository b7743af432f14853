"""The Office.js add-in for Excel on the web, on Mac and on Windows without local Python, served by
xlwings Server. Only this package imports the server stack (the optional extra `server`)."""

from __future__ import annotations

import importlib.util

SERVER_PACKAGES = {"xlwings_server": "xlwings-server", "fastapi": "fastapi", "uvicorn": "uvicorn"}


def missing_packages() -> list[str]:
    """The server's packages that are not installed, by their names on PyPI."""
    return [package for module, package in SERVER_PACKAGES.items() if importlib.util.find_spec(module) is None]
