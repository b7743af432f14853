"""`upr serve`: xlwings Server with UPR Matrix's scripts, under uvicorn."""

from __future__ import annotations

import logging
import os
from pathlib import Path

LICENCE_HELP = ("xlwings Server needs XLWINGS_LICENSE_KEY. It is free for non-commercial use (NGOs, coalitions): "
                "set XLWINGS_LICENSE_KEY=noncommercial. Commercial use needs a licence key from xlwings.")


def base_url(host: str, port: int, https: bool) -> str:
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::", "::1") else host
    return f"{'https' if https else 'http'}://{shown}:{port}"


def serve(host: str, port: int, certfile: Path | None, keyfile: Path | None) -> None:
    import uvicorn

    from .app import create_app

    # Access lines name paths and counts only (uploads travel in request bodies), so they stay on.
    logging.basicConfig(level=os.environ.get("UPR_SERVER_LOG_LEVEL", "INFO"))
    uvicorn.run(create_app(), host=host, port=port, ssl_certfile=str(certfile) if certfile else None,
                ssl_keyfile=str(keyfile) if keyfile else None, proxy_headers=True, server_header=False)
