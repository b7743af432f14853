"""The task pane in a real browser: Debian's headless chromium driven by Playwright, against the
server under uvicorn on loopback. office.js is replaced by a stub (no Office here): the page must
load, post the files chosen, show the summary and each refused file's reason, and download the master.

UPR_TASKPANE_SCREENSHOT=docs/taskpane.png saves the picture of the task pane after the merge that the
README shows; without it the picture goes to the test's temporary folder only.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import openpyxl
import pytest

from conftest import IN_CI

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if importlib.util.find_spec("playwright") is None or importlib.util.find_spec("xlwings_server") is None:
    if IN_CI:
        pytest.fail("playwright and xlwings-server must be installed in CI (the test extra)", pytrace=False)
    pytest.skip("playwright or the server extra is not installed", allow_module_level=True)
if not Path(CHROMIUM).exists():
    if IN_CI:
        pytest.fail("chromium is missing; .ci/run must install it", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

from test_server import rwanda  # noqa: E402,F401 - the same real workbooks

# Just enough of office.js for the task pane and xlwings' client to start outside Office.
OFFICE_STUB = """
window.uprAssociated = {};
window.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  context: {
    displayLanguage: "en-US",
    platform: "OfficeOnline",
    diagnostics: null,
    requirements: { isSetSupported: () => true },
    ui: { displayDialogAsync: () => {} },
  },
  onReady(callback) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    if (callback) setTimeout(() => callback(info), 0);
    return Promise.resolve(info);
  },
  actions: { associate: (name, fn) => { window.uprAssociated[name] = fn; } },
  addin: { showAsTaskpane: () => Promise.resolve() },
};
window.CustomFunctions = { associate: () => {} };
window.Excel = { run: async () => { throw new Error("no workbook in this test"); } };
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served():
    import uvicorn

    from addin.server.app import create_app
    from addin.server.settings import ServerSettings

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ServerSettings()), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(1200):        # a busy machine may take a while; this waits for the server, it measures nothing
        if server.started:
            break
        time.sleep(0.1)
    else:
        pytest.fail("uvicorn did not start")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser profile (no token or language stored) with office.js replaced by the stub."""
    context = browser.new_context(viewport={"width": 360, "height": 900}, accept_downloads=True)
    context.set_default_timeout(180_000)     # generous: other suites may be loading the two cores
    context.route("**/office-js/**/office.js",
                  lambda route: route.fulfill(body=OFFICE_STUB, content_type="text/javascript"))
    yield context.new_page()
    context.close()


def test_task_pane_merges_shows_reasons_and_downloads_the_master(served, page, rwanda, tmp_path):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{served}/taskpane.html")
    page.wait_for_selector("#upr-merge-button")
    assert page.inner_text("h1") == "UPR Matrix"
    page.wait_for_function("typeof window.xlwings === 'object'")
    page.wait_for_function("Object.keys(window.uprAssociated).length === 3")
    assert sorted(page.evaluate("Object.keys(window.uprAssociated)")) == ["uprClearFlags", "uprRefreshList",
                                                                         "uprValidate"]

    chosen = [rwanda["justice"], rwanda["women"], rwanda["disguised"]]
    page.set_input_files("#upr-files", [str(p) for p in chosen])
    assert page.locator("#upr-chosen li").all_inner_texts() == [p.name for p in chosen]
    page.set_input_files("#upr-list", str(rwanda["list"]))
    while_sent = {}

    def hold(route):        # the request is on its way: the progress shows and the button waits
        while_sent.update(progress=page.is_visible("#upr-progress"), disabled=page.is_disabled("#upr-merge-button"))
        route.continue_()

    page.route("**/upr/merge", hold)
    with page.expect_response("**/upr/merge", timeout=180_000) as answer:
        page.click("#upr-merge-button")
    assert while_sent == {"progress": True, "disabled": True}
    posted = answer.value.request.post_data_buffer
    for path in chosen + [rwanda["list"]]:
        assert f'filename="{path.name}"'.encode() in posted
    assert answer.value.status == 200

    page.wait_for_selector("#upr-result:not(.d-none)")
    assert page.is_hidden("#upr-progress")
    assert page.inner_text("#upr-headline") == "2 merged, 1 skipped"
    skipped = page.locator("tr.upr-skipped")
    assert skipped.count() == 1
    reason = answer.value.json()["files"]
    reason = next(f["reason"] for f in reason if f["name"] == rwanda["disguised"].name)
    assert skipped.inner_text().split("\t")[0].strip() == rwanda["disguised"].name
    assert reason and reason in skipped.inner_text()
    assert "Justice" in page.inner_text("#upr-result tbody")
    assert page.inner_text("#upr-summary").strip()

    with page.expect_download() as download:
        page.click("#upr-download")
    assert download.value.suggested_filename == "Master matrix.xlsx"
    master = tmp_path / "downloaded.xlsx"
    download.value.save_as(master)
    sources = openpyxl.load_workbook(master)["Sources"]
    names = [row[0] for row in sources.iter_rows(min_row=2, values_only=True)]
    assert rwanda["justice"].name in names and rwanda["women"].name in names

    page.click("[data-lang=fr]")
    assert page.inner_text("#upr-download") == "Télécharger la matrice"
    page.click("[data-lang=en]")
    picture = Path(os.environ.get("UPR_TASKPANE_SCREENSHOT") or tmp_path / "taskpane.png")
    page.screenshot(path=str(picture), full_page=True)
    assert picture.stat().st_size > 10_000
    assert errors == [], errors


def test_the_office_client_knows_every_action_the_scripts_send(served, page, rwanda, tmp_path):
    """xlwings Server's Office.js client refuses an action it has no callback for; ours must all have one."""
    import base64

    from fastapi.testclient import TestClient

    from addin.server.app import create_app
    from remote_book import apply_actions, payload_from_xlsx

    page.goto(f"{served}/taskpane.html")
    page.wait_for_function("typeof window.xlwings === 'object'")
    known = set(page.evaluate("Object.keys(globalThis.callbacks)"))
    assert {"setValues", "addNote", "setRangeColor", "addSheet", "alert"} <= known

    client = TestClient(create_app())
    sent = set()

    def run(script: str, path: Path, args=None) -> Path:
        body = payload_from_xlsx(path)
        if args:
            body["args"] = args
        actions = client.post(f"/xlwings/custom-scripts-call/{script}", json=body).json()["actions"]
        sent.update(a["func"] for a in actions)
        target = tmp_path / f"{script}.xlsx"
        apply_actions(path, actions, target)
        return target

    flagged = run("validate", rwanda["plan"])
    run("clear_flags", flagged)
    run("refresh_list", rwanda["plan"], [rwanda["list"].name, base64.b64encode(rwanda["list"].read_bytes()).decode()])
    master = client.post("/upr/merge", files=[("files", (rwanda["justice"].name, rwanda["justice"].read_bytes()))])
    run("show_master_sheets", rwanda["plan"], [master.json()["master"]["base64"]])
    assert {"addNote", "setRangeColor", "addSheet", "setValues"} <= sent
    assert sent <= known, sent - known


def test_task_pane_shows_a_refusal_and_asks_for_the_token(served, page, rwanda):
    from addin.server.app import create_app
    from addin.server.settings import ServerSettings

    create_app(ServerSettings(token="coalition-token", max_files=1))
    try:
        page.goto(f"{served}/taskpane.html")
        page.wait_for_selector("#upr-settings:not(.d-none)")      # the token is asked for
        page.set_input_files("#upr-files", [str(rwanda["justice"])])
        page.click("#upr-merge-button")
        page.wait_for_selector("#upr-error:not(.d-none)")
        assert "access token" in page.inner_text("#upr-error")
        page.fill("#upr-token", "coalition-token")
        page.click("#upr-token-save")
        page.set_input_files("#upr-files", [str(rwanda["women"])])
        page.click("#upr-merge-button")
        page.wait_for_function("document.querySelector('#upr-error').textContent.includes('UPR_SERVER_MAX_FILES')")
    finally:
        create_app(ServerSettings())
