"""The task pane's Merge groups: upload the groups' workbooks, merge them with the core, send the master back.

Nothing stays on the server: the uploads and the master live in a private folder for the length of
the request, and the master goes back in the response. Logs carry counts, never names or contents.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import sys
import time
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from ..locale import text
from .merge_job import MASTER_NAME, UPLOADED
from .settings import ServerSettings
from .uploads import LIST_SUFFIXES, Refusal, check_suffix, display_name, private_folder, save_upload

logger = logging.getLogger("upr.server")
router = APIRouter(prefix="/upr")

_busy: dict[int, asyncio.Semaphore] = {}


def _slots(settings: ServerSettings) -> asyncio.Semaphore:
    return _busy.setdefault(settings.concurrent_merges, asyncio.Semaphore(settings.concurrent_merges))


def _settings(request: Request) -> ServerSettings:
    return request.app.state.upr_settings()


@router.get("/config")
async def config(request: Request):
    """What the task pane needs to know before it uploads: whether a token is needed, and the limits."""
    settings = _settings(request)
    return {"token_required": bool(settings.token), "max_file_mb": settings.max_file_mb,
            "max_request_mb": settings.max_request_mb, "max_files": settings.max_files}


@router.get("/text")
async def taskpane_text():
    """The task pane's words in every language, from the message catalogue."""
    from ..locale import LANGUAGES, catalogue

    # Sent as written, plurals included: the page fills them in (upr-taskpane.js, expandPlurals).
    return {lang: {key[len("taskpane."):]: message for key, message in catalogue(lang).items()
                   if key.startswith("taskpane.")} for lang in LANGUAGES}


def _refuse(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


@router.post("/merge")
async def merge(request: Request):
    settings = _settings(request)
    try:
        form = await request.form(max_files=settings.max_files + 1, max_fields=10)
    except HTTPException as exc:
        if "files" in str(exc.detail).lower():
            return _refuse(413, _too_many(settings))
        return _refuse(400, text("errors.server.unreadable_upload", "en", detail=exc.detail))   # no language yet
    try:
        uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
        listed = form.get("recommendations")
        listed = listed if isinstance(listed, UploadFile) and listed.filename else None
        lang = form.get("lang") if form.get("lang") in ("en", "fr") else "en"
        if len(uploads) + bool(listed) > settings.max_files:
            return _refuse(413, _too_many(settings, lang))
        if not uploads:
            return _refuse(400, text("errors.server.no_files", lang))
        slots = _slots(settings)
        if slots.locked():
            return _refuse(503, text("errors.server.busy", lang))
        async with slots:
            return await _merge(uploads, listed, lang, settings)
    finally:
        await form.close()


def _too_many(settings: ServerSettings, lang: str = "en") -> str:
    return text("errors.server.too_many", lang, n=settings.max_files)


async def _merge(uploads: list[UploadFile], listed: UploadFile | None, lang: str, settings: ServerSettings):
    started = time.monotonic()
    refused: list[Refusal] = []
    with private_folder("upr-merge-") as work:
        (work / UPLOADED).mkdir()
        (work / "list").mkdir()
        (work / "out").mkdir()
        saved = 0
        for upload in uploads:
            name = display_name(upload.filename)
            problem = check_suffix(name, lang=lang)
            if problem is None:
                try:
                    await asyncio.to_thread(save_upload, upload.file, work / UPLOADED, name,
                                            settings.max_file_bytes, lang)
                    saved += 1
                except ValueError as exc:
                    problem = str(exc)
            if problem:
                refused.append(Refusal(name, problem))
        list_path = None
        if listed is not None:
            name = display_name(listed.filename)
            problem = check_suffix(name, LIST_SUFFIXES, lang)
            if problem is None:
                try:
                    list_path = await asyncio.to_thread(save_upload, listed.file, work / "list", name,
                                                        settings.max_file_bytes, lang)
                except ValueError as exc:
                    problem = str(exc)
            if problem:
                return _refuse(422, text("errors.where.line", lang, where=name, problem=problem))
        if saved:
            data = await _run_job(work, lang, list_path, settings)
        else:
            data = {"written": False, "summary": [], "files": [], "rows": {}, "not_addressed": [], "warnings": []}
        if "error" in data:
            logger.info("merge refused after %.1f s", time.monotonic() - started)
            return _refuse(422, data["error"])
        data["files"][:0] = [{"name": item.name, "status": "skipped", "group": "", "rows": 0,
                              "reason": item.reason, "unusable": True} for item in refused]
        data["summary"][:0] = [text("errors.where.line", lang, where=item.name, problem=item.reason)
                               for item in refused]
        master = work / "out" / MASTER_NAME
        if data["written"] and master.exists():
            data["master"] = {"name": MASTER_NAME, "base64": base64.b64encode(master.read_bytes()).decode()}
        merged = sum(f["status"] == "merged" for f in data["files"])
        logger.info("merge: %d files received, %d merged, %d skipped, %.1f s", len(uploads), merged,
                    len(data["files"]) - merged, time.monotonic() - started)
        return data


async def _run_job(work: Path, lang: str, list_path: Path | None, settings: ServerSettings) -> dict:
    command = [sys.executable, "-m", "addin.server.merge_job", str(work), lang]
    if list_path is not None:
        command.append(str(list_path))
    # Its output may quote cell contents: it goes nowhere.
    process = await asyncio.create_subprocess_exec(*command, stdin=asyncio.subprocess.DEVNULL,
                                                   stdout=asyncio.subprocess.DEVNULL,
                                                   stderr=asyncio.subprocess.DEVNULL)
    try:
        await asyncio.wait_for(process.wait(), timeout=settings.merge_seconds)
    except asyncio.TimeoutError:
        process.kill()
        await process.wait()
        logger.warning("merge stopped at its time limit (%g s)", settings.merge_seconds)
        seconds = f"{settings.merge_seconds:g}"
        return {"error": text("errors.server.timeout", lang, seconds=seconds.replace(".", ",") if lang == "fr" else seconds)}
    except BaseException:           # the request was cancelled (the user left): the merge goes with it
        if process.returncode is None:
            process.kill()
        raise
    result = work / "result.json"
    if process.returncode != 0 or not result.exists():
        logger.error("merge process failed with exit code %s", process.returncode)
        return {"error": text("errors.server.failed", lang)}
    return json.loads(result.read_text(encoding="utf-8"))
