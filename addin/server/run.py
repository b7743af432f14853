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


class PathOnly(logging.Filter):
    """Access lines keep the path and drop the query: an alert's text travels in one (/xlwings/alert?prompt=)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3 and isinstance(record.args[2], str):
            args = list(record.args)
            args[2] = args[2].split("?", 1)[0]
            record.args = tuple(args)
        return True


def serve(host: str, port: int, certfile: Path | None, keyfile: Path | None) -> None:
    import uvicorn

    from .app import create_app

    logging.basicConfig(level=os.environ.get("UPR_SERVER_LOG_LEVEL", "INFO"))
    config = uvicorn.Config(create_app(), host=host, port=port, ssl_certfile=str(certfile) if certfile else None,
                            ssl_keyfile=str(keyfile) if keyfile else None, proxy_headers=True,
                            server_header=False)
    logging.getLogger("uvicorn.access").addFilter(PathOnly())     # after uvicorn has set up its logging
    uvicorn.Server(config).run()
