"""The door of the server: the shared token and the size of a request, checked before any route runs.

Pure ASGI, so that an oversize upload is refused while it streams in, before anything is spooled.
"""

from __future__ import annotations

import json
import logging
import secrets

from .settings import ServerSettings

logger = logging.getLogger("upr.server")

# Every POST is a call on a workbook or an upload (scripts, functions, merge) and needs the token;
# the pages, the manifest and static files (GET) stay public so that the task pane can load and ask for it.


def _header(scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def token_matches(sent: str, expected: str) -> bool:
    sent = sent.strip()
    if sent.lower().startswith("bearer "):
        sent = sent[7:].strip()
    return secrets.compare_digest(sent.encode(), expected.encode())


class Guard:
    def __init__(self, app, settings_of):
        self.app = app
        self.settings_of = settings_of      # a callable, so that tests and reloads see the current settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        settings: ServerSettings = self.settings_of()
        path = scope.get("path", "")
        if settings.token and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            if not token_matches(_header(scope, b"authorization"), settings.token):
                logger.warning("refused %s: missing or wrong access token", path)
                return await _refuse(send, 401, "This server needs the access token of your organisation: "
                                                "enter it under Settings in the task pane.")
        limit = settings.max_request_bytes
        length = _header(scope, b"content-length")
        if length.isdigit() and int(length) > limit:
            logger.warning("refused %s: %s bytes over the request limit", path, length)
            return await _refuse(send, 413, _too_large(settings))
        received = 0
        over = False       # the app saw a disconnect; whatever it answers is replaced by the 413
        refused = False

        async def counted_receive():
            nonlocal received, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    logger.warning("refused %s: the streamed request passed the limit", path)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            nonlocal refused
            if not over:
                return await send(message)
            if message["type"] == "http.response.start" and not refused:
                refused = True
                await _refuse(send, 413, _too_large(settings))

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not over:
                raise
        if over and not refused:
            await _refuse(send, 413, _too_large(settings))


def _too_large(settings: ServerSettings) -> str:
    return (f"The upload is larger than this server accepts in one request ({settings.max_request_mb:g} MB, "
            "UPR_SERVER_MAX_REQUEST_MB). Send fewer files at once.")


async def _refuse(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
