"""The Office.js add-in: xlwings Server (the `xlwings-server` package) configured for UPR Matrix.

xlwings Server brings the Office.js client (it reads the workbook, calls a script and applies the
actions it returns: values, fills, notes, links, sheets, alerts), the custom-functions runtime, the
manifest route, the task pane's base page, a vendored office.js and the security headers. This
module only points it at our project folder (office/: the manifest, the task pane and the ribbon
wiring), registers our scripts and function, adds the merge upload and puts the door in front:
token, request size and CORS.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .settings import ServerSettings

PROJECT_DIR = Path(__file__).resolve().parent / "office"
MANIFEST_ID = "e0dd89ab-46ff-4932-a411-59b940dd289f"   # UPR Matrix's own add-in id; hosts may set their own

# Office on the web serves add-ins from these domains; the desktop hosts load the task pane directly.
OFFICE_ORIGINS = r"https://([a-z0-9-]+\.)*(officeapps\.live\.com|office\.com|office365\.com|office\.net" \
                 r"|microsoft365\.com|cloud\.microsoft|sharepoint\.com|live\.com|officeppe\.com)"
FRAME_ANCESTORS = ("'self' https://*.officeapps.live.com https://*.office.com https://*.office365.com "
                   "https://*.office.net https://*.microsoft365.com https://*.cloud.microsoft "
                   "https://*.sharepoint.com https://*.live.com")

_current: list[ServerSettings] = []
_app = None


def _configure_xlwings_server() -> None:
    """xlwings Server reads its settings from XLWINGS_* variables when it is imported."""
    early = sys.modules.get("xlwings_server.config")
    if early is not None and Path(early.PROJECT_DIR) != PROJECT_DIR:
        raise RuntimeError("xlwings_server was imported before addin.server.app.create_app() could configure it; "
                           "create the app first")
    os.environ["XLWINGS_PROJECT_DIR"] = str(PROJECT_DIR)
    os.environ["XLWINGS_ENABLE_SOCKETIO"] = "false"     # no streaming functions; no socket.io server
    os.environ["XLWINGS_ENABLE_HOTRELOAD"] = "false"
    os.environ["XLWINGS_ENABLE_EXAMPLES"] = "false"
    os.environ["XLWINGS_ENABLE_WASM"] = "false"
    os.environ["XLWINGS_FUNCTIONS_NAMESPACE"] = "UPR"
    os.environ["XLWINGS_PROJECT_NAME"] = "UPR Matrix"
    os.environ["XLWINGS_APP_PATH"] = ""     # served at the root of its host; the task pane calls /upr/...
    os.environ["XLWINGS_CORS_ALLOW_ORIGINS"] = "[]"      # CORS is answered in front, see create_app
    os.environ["XLWINGS_CUSTOM_HEADERS"] = json.dumps(
        {"Content-Security-Policy": f"frame-ancestors {FRAME_ANCESTORS}"})
    os.environ.setdefault("XLWINGS_ENVIRONMENT", "prod")
    os.environ.setdefault("XLWINGS_MANIFEST_ID_PROD", MANIFEST_ID)
    # Our own modules stand in for the project's custom_functions/custom_scripts packages.
    from . import functions, scripts

    sys.modules["custom_functions"] = functions
    sys.modules["custom_scripts"] = scripts


def create_app(settings: ServerSettings | None = None):
    """The ASGI application. settings defaults to the UPR_SERVER_* variables.

    xlwings Server is one application per process, so a second call returns the same application
    with the new settings.
    """
    global _app
    if not os.environ.get("XLWINGS_LICENSE_KEY"):
        from .run import LICENCE_HELP

        raise RuntimeError(LICENCE_HELP)
    _current[:] = [settings or ServerSettings.from_env()]
    if _app is not None:
        return _app
    before = os.environ.get("XLWINGS_ON_SERVER")
    _configure_xlwings_server()
    import xlwings_server.main as xlwings_server
    from starlette.middleware.cors import CORSMiddleware

    from .guard import Guard
    from .merging import router

    # xlwings Server sets this for the xlwings it imports; other code in the process keeps its own view.
    if before is None:
        os.environ.pop("XLWINGS_ON_SERVER", None)
    xlwings_server.app.include_router(router)
    xlwings_server.app.state.upr_settings = current_settings
    guarded = Guard(xlwings_server.main_app, current_settings)
    _app = CORSMiddleware(guarded, allow_origin_regex=OFFICE_ORIGINS, allow_methods=["GET", "POST"],
                          allow_headers=["Authorization", "Content-Type", "Auth-Provider"], max_age=600)
    return _app


def current_settings() -> ServerSettings:
    return _current[0]


def render_manifest(base_url: str) -> str:
    """The manifest for a server reached at base_url (e.g. https://upr.example.org), from the same route."""
    from fastapi.testclient import TestClient

    with TestClient(create_app(current_settings() if _current else None), base_url=base_url) as client:
        response = client.get("/manifest.xml")
        response.raise_for_status()
        return response.text
