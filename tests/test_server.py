"""The Office.js add-in's server (addin/server) through FastAPI's TestClient, on real workbooks.

The scripts get the payload xlwings Server's Office.js client sends, built from a real filled group
workbook (Rwanda's 2011 list) by the same helper as the desktop layer's tests; their actions must be
exactly those of the desktop layer's functions on the same book. The merge endpoint gets the groups'
real workbooks and hostile ones; its master must equal `upr merge`'s. Then the door: token, limits,
file names that try to climb out, two users at once, CORS and framing, the logs.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import importlib.util
import io
import json
import logging
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from conftest import IN_CI

if importlib.util.find_spec("xlwings_server") is None:     # not imported here: create_app configures it first
    if IN_CI:
        pytest.fail("xlwings-server must be installed in CI (the test extra)", pytrace=False)
    pytest.skip("the server extra is not installed: pip install '.[server]'", allow_module_level=True)

import xlwings as xw  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

import addin.excel as upr  # noqa: E402
from addin.cli import app as cli  # noqa: E402
from addin.reader import open_workbook  # noqa: E402
from addin.schema import IMPLEMENTATION_PLAN  # noqa: E402
from addin.server.app import PROJECT_DIR, create_app  # noqa: E402
from addin.server.settings import ServerSettings  # noqa: E402
from addin.smart import verdict_line  # noqa: E402

from example_rows import EXECUTIONS, TORTURE_LAW, VAGUE  # noqa: E402
from hostile import _zip_bomb  # noqa: E402
from remote_book import apply_actions, payload_from_xlsx  # noqa: E402
from rwanda_workshop import fill_plan, rwanda_workshop  # noqa: E402

PLAN = IMPLEMENTATION_PLAN
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COMMANDS = {"Validate": "uprValidate", "ClearFlags": "uprClearFlags", "RefreshList": "uprRefreshList",
            "MergeGroups": None}
NS = {"o": "http://schemas.microsoft.com/office/appforoffice/1.1",
      "ov": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
      "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
      "xsi": "http://www.w3.org/2001/XMLSchema-instance"}


@pytest.fixture(scope="session")        # session: the task pane's browser test uses the same files
def rwanda(tmp_path_factory, libreoffice):
    """Rwanda 2011 (tests/rwanda_workshop.py), Women and gender's plan filled too, and hostile files beside."""
    workshop = rwanda_workshop(tmp_path_factory.mktemp("server"), libreoffice)
    root, groups, justice = workshop["root"], workshop["groups"], workshop["justice"]
    women = groups / "Women and gender - Implementation plan.xlsx"
    women_ids = [str(r["id"]) for r in open_workbook(women).recommendations]
    fill_plan(women, [(women_ids[0], {**TORTURE_LAW, "goal": "Survivors of violence get justice"})])
    hostile = root / "hostile"
    hostile.mkdir()
    bomb = _zip_bomb(justice, hostile / "Justice - Implementation plan (2).xlsx")
    disguised = hostile / "Group notes.xlsx"
    disguised.write_bytes(b"ID,Text\n77.1,notes typed in a text editor\n")
    return {**workshop, "women": women, "bomb": bomb, "disguised": disguised}


@pytest.fixture
def settings():
    """Each test sets what it needs; the server reads the settings at every request."""
    current = {"value": ServerSettings()}
    client = TestClient(create_app(current["value"]))

    def use(**changes) -> TestClient:
        create_app(ServerSettings(**changes))
        return client

    yield use
    create_app(ServerSettings())


@pytest.fixture
def client(settings):
    return settings()


def _files(*paths: Path, names: list[str] | None = None) -> list:
    names = names or [p.name for p in paths]
    return [("files", (name, p.read_bytes(), XLSX)) for name, p in zip(names, paths)]


def _merge(client: TestClient, files: list, *, recommendations: Path | None = None, headers=None, lang="en"):
    extra = [("recommendations", (recommendations.name, recommendations.read_bytes(), XLSX))] if recommendations else []
    return client.post("/upr/merge", files=files + extra, data={"lang": lang}, headers=headers or {})


def _sheet_values(path: Path) -> dict[str, list[list]]:
    """Every sheet's values, without what differs between two runs: times, and the Sources' folders."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        rows = [[None if isinstance(v, (dt.datetime, dt.date, dt.time)) else v for v in row]
                for row in ws.iter_rows(values_only=True)]
        if ws.title == "Sources":
            folder = rows[0].index("Folder")
            rows = [row[:folder] + row[folder + 1:] for row in rows]
        out[ws.title] = rows
    return out


# --- the scripts: the desktop layer's functions, on the book the add-in sends --------------------------

def _script(client: TestClient, name: str, payload: dict, args: list | None = None) -> list[dict]:
    body = copy.deepcopy(payload)
    if args is not None:
        body["args"] = args
    response = client.post(f"/xlwings/custom-scripts-call/{name}", json=body)
    assert response.status_code == 200, response.text
    return response.json()["actions"]


def _desktop(function, payload: dict, *args) -> list[dict]:
    book = xw.Book(json=copy.deepcopy(payload))
    function(*args, book=book)
    return book.json()["actions"]


def test_validate_and_clear_flags_act_as_the_desktop_layer(rwanda, client, tmp_path):
    payload = payload_from_xlsx(rwanda["plan"])
    served = _script(client, "validate", payload)
    assert served == _desktop(upr.validate, payload)
    flagged = tmp_path / "validated.xlsx"
    alerts = apply_actions(rwanda["plan"], served, flagged)
    assert len(alerts) == 1 and "error" in alerts[0]["prompt"]
    wb = openpyxl.load_workbook(flagged)
    notes = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment]
    assert notes, "Validate put no note on the workbook"
    assert "Check" in wb.sheetnames

    # Clear flags on the flagged book, as the add-in would send it next.
    payload = payload_from_xlsx(flagged)
    served = _script(client, "clear_flags", payload)
    assert served == _desktop(upr.clear_flags, payload)
    cleared = tmp_path / "cleared.xlsx"
    apply_actions(flagged, served, cleared)
    wb = openpyxl.load_workbook(cleared)
    assert "Check" not in wb.sheetnames
    assert not [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment]


def test_refresh_list_gets_the_chosen_file_and_acts_as_the_desktop_layer(rwanda, client, tmp_path):
    payload = payload_from_xlsx(rwanda["plan"])
    content = base64.b64encode(rwanda["list"].read_bytes()).decode()
    served = _script(client, "refresh_list", payload, ["../../Rwanda list.xlsx", content])
    assert served == _desktop(upr.refresh_list, payload, rwanda["list"])
    refreshed = tmp_path / "refreshed.xlsx"
    apply_actions(rwanda["plan"], served, refreshed)
    typed = openpyxl.load_workbook(refreshed)[PLAN.en].cell(PLAN.first_data_row, PLAN.index("indicator")).value
    assert typed == TORTURE_LAW["indicator"]


def test_refresh_list_refuses_a_file_that_is_not_a_workbook_or_too_large(rwanda, settings):
    client = settings(max_file_mb=0.01)
    body = copy.deepcopy(payload_from_xlsx(rwanda["plan"]))
    body["args"] = ["list.exe", base64.b64encode(b"MZ").decode()]
    response = client.post("/xlwings/custom-scripts-call/refresh_list", json=body)
    assert response.status_code == 400
    assert "list.exe: not a workbook" in response.text
    body["args"] = ["Rwanda list.xlsx", base64.b64encode(rwanda["list"].read_bytes()).decode()]
    response = client.post("/xlwings/custom-scripts-call/refresh_list", json=body)
    assert response.status_code == 400
    assert "Rwanda list.xlsx: larger than the 0.01 MB" in response.text


def test_smart_function_gives_the_desktop_verdict(client):
    meta = client.get("/xlwings/custom-functions-meta.json").json()
    assert [f["name"] for f in meta["functions"]] == ["SMART"]     # UPR.SMART with the manifest's namespace
    cases = [(TORTURE_LAW["indicator"], "Dec 2014", "Ministry of Justice", None),
             (VAGUE["indicator"], 2014, "", "Ratify the Optional Protocol"),
             (EXECUTIONS["indicator"], 41988, "Office of the Attorney General", None)]   # 41988: 15 Dec 2014
    for indicator, deadline, body, recommendation in cases:
        response = client.post("/xlwings/custom-functions-call", json={
            "func_name": "smart", "args": [[[indicator]], [[deadline]], [[body]], [[recommendation]]],
            "caller_address": "Plan!K4", "formatted_address": "Plan!K4", "version": xw.__version__,
            "runtime": "1.4", "culture_info_name": "en-US", "date_format": "M/d/yyyy"})
        assert response.status_code == 200, response.text
        deadline = dt.date(2014, 12, 15) if deadline == 41988 else deadline
        assert response.json()["result"] == [[verdict_line(indicator, deadline, body or None, recommendation)]]


# --- the merge endpoint: the master of `upr merge`, the hostile files named ---------------------------

def test_merge_gives_the_master_of_upr_merge_and_names_the_hostile_files(rwanda, client, tmp_path):
    groups = sorted(rwanda["groups"].glob("*.xlsx"))
    sent = groups + [rwanda["bomb"], rwanda["disguised"]]
    response = _merge(client, _files(*sent), recommendations=rwanda["list"])
    assert response.status_code == 200, response.text
    data = response.json()
    served = tmp_path / "served.xlsx"
    served.write_bytes(base64.b64decode(data["master"]["base64"]))

    folder = tmp_path / "same files"
    folder.mkdir()
    for path in sent:
        shutil.copy(path, folder / path.name)
    reference = tmp_path / "master.xlsx"
    # `upr merge` as a user runs it, in its own process like the server's merge.
    result = subprocess.run([sys.executable, "-m", "addin.cli", "merge", str(folder), "-o", str(reference),
                             "--recommendations", str(rwanda["list"])], capture_output=True, text=True, timeout=600)
    assert result.returncode == 2, result.stdout + result.stderr        # unusable inputs, as here
    assert _sheet_values(served) == _sheet_values(reference)

    fate = {f["name"]: f for f in data["files"]}
    assert fate[rwanda["bomb"].name]["status"] == "skipped"
    assert "100 MB" in fate[rwanda["bomb"].name]["reason"]          # the zip bomb, refused before reading
    assert fate[rwanda["disguised"].name]["status"] == "skipped"
    assert fate[rwanda["disguised"].name]["reason"]
    assert fate[rwanda["justice"].name]["status"] == "merged" and fate[rwanda["justice"].name]["rows"] == 4
    summary = "\n".join(data["summary"])
    assert rwanda["bomb"].name in summary and rwanda["disguised"].name in summary
    assert tempfile.gettempdir() not in json.dumps(data), "a private path reached the user"

    # The task pane's "Summary & Coverage here" sends that master back to a script.
    payload = payload_from_xlsx(rwanda["plan"])
    actions = _script(client, "show_master_sheets", payload, [data["master"]["base64"]])
    assert actions == _desktop(upr.show_master_sheets, payload, served)
    shown = tmp_path / "shown.xlsx"
    apply_actions(rwanda["plan"], actions, shown)
    assert {"Summary", "Coverage"} <= set(openpyxl.load_workbook(shown).sheetnames)


# --- the door --------------------------------------------------------------------------------------------

@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """The server's temporary folders go here, so that a test sees whether they were removed."""
    root = tmp_path / "server-tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_uploads_live_in_a_private_folder_removed_afterwards_whatever_their_names(rwanda, client, private_tmp,
                                                                                 monkeypatch):
    import addin.server.merging as merging

    names = ["../../etc/x.xlsx", "/etc/cron.d/y.xlsx", "..\\..\\Windows\\z.xlsx"]
    seen = {}
    run_job = merging._run_job

    async def spy(work, lang, list_path, settings):
        seen.update(work=work, mode=work.stat().st_mode & 0o777,
                    files=sorted(str(p.relative_to(work)) for p in work.rglob("*.xlsx")))
        return await run_job(work, lang, list_path, settings)

    monkeypatch.setattr(merging, "_run_job", spy)
    response = _merge(client, _files(rwanda["justice"], rwanda["women"], rwanda["justice"], names=names))
    assert response.status_code == 200, response.text
    assert seen["work"].parent == private_tmp and seen["mode"] == 0o700
    assert seen["files"] == ["uploaded/x.xlsx", "uploaded/y.xlsx", "uploaded/z.xlsx"]
    assert [f["name"] for f in response.json()["files"]].count("x.xlsx") == 1
    assert list(private_tmp.iterdir()) == [], "the uploads outlived the request"
    assert not Path("/etc/x.xlsx").exists() and not Path("/etc/cron.d/y.xlsx").exists()


@pytest.mark.parametrize("sent, shown, leaf", [
    ("../../etc/x.xlsx", "x.xlsx", "x.xlsx"),
    ("C:\\fakepath\\CON.xlsx", "CON.xlsx", "_CON.xlsx"),
    (".. .xlsx", ".. .xlsx", "workbook.xlsx"),
    ("Droits économiques – plan’s\x00.xlsx", "Droits économiques – plan’s.xlsx",
     "Droits économiques – plan’s.xlsx"),
    ("a:b|c?.xlsx", "a:b|c?.xlsx", "a_b_c.xlsx"),
])
def test_a_client_file_name_is_shown_never_followed(sent, shown, leaf):
    from addin.server.uploads import display_name, leaf_name

    assert display_name(sent) == shown
    assert leaf_name(shown) == leaf and "/" not in leaf and "\\" not in leaf and not leaf.startswith(".")


def test_a_merge_past_its_time_is_stopped_and_its_folder_removed(rwanda, settings, private_tmp):
    client = settings(merge_seconds=0.05)
    response = _merge(client, _files(rwanda["justice"]))
    assert response.status_code == 422
    assert "UPR_SERVER_MERGE_SECONDS" in response.json()["detail"]
    assert list(private_tmp.iterdir()) == []
    assert client.get("/upr/config").status_code == 200        # and the server still answers


def test_oversize_files_and_requests_and_too_many_files_are_refused_clearly(rwanda, settings, private_tmp):
    client = settings(max_file_mb=0.5)
    big = private_tmp.parent / "big.xlsx"
    big.write_bytes(rwanda["justice"].read_bytes() + b"\0" * 600_000)
    response = _merge(client, _files(rwanda["justice"], big))
    assert response.status_code == 200
    fate = {f["name"]: f for f in response.json()["files"]}
    assert fate["big.xlsx"]["status"] == "skipped"
    assert "0.5 MB" in fate["big.xlsx"]["reason"] and "UPR_SERVER_MAX_FILE_MB" in fate["big.xlsx"]["reason"]
    assert fate[rwanda["justice"].name]["status"] == "merged"

    response = _merge(client, _files(big))          # nothing left to merge: the refusal alone comes back
    assert response.status_code == 200
    assert [(f["name"], f["status"]) for f in response.json()["files"]] == [("big.xlsx", "skipped")]
    assert "master" not in response.json() and "UPR_SERVER_MAX_FILE_MB" in response.json()["summary"][0]
    said = _merge(client, _files(big), lang="fr").json()        # in the task pane's language
    assert said["summary"][0].startswith("big.xlsx\u00a0: plus de 0,5 Mo, la taille maximale d'un fichier")

    client = settings(max_request_mb=0.5)
    response = _merge(client, _files(big))
    assert response.status_code == 413
    assert "UPR_SERVER_MAX_REQUEST_MB" in response.json()["detail"]

    client = settings(max_files=2)
    response = _merge(client, _files(rwanda["justice"], rwanda["women"], rwanda["justice"]))
    assert response.status_code == 413
    assert "at most 2 files" in response.json()["detail"]
    assert list(private_tmp.iterdir()) == []


def test_a_streamed_request_past_the_limit_is_cut_off(settings):
    client = settings(max_request_mb=0.1)

    def chunks():
        for _ in range(20):
            yield b"x" * 10_000

    response = client.post("/xlwings/custom-scripts-call/validate", content=chunks(),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_the_token_is_needed_on_every_call_when_set(rwanda, settings):
    client = settings(token="s3cret-of-the-coalition")
    payload = payload_from_xlsx(rwanda["plan"])
    assert client.get("/taskpane.html").status_code == 200          # the page loads and asks for it
    assert client.get("/upr/config").json()["token_required"] is True
    for headers in ({}, {"Authorization": "wrong"}, {"Authorization": "Bearer s3cret"}):
        assert _merge(client, _files(rwanda["women"]), headers=headers).status_code == 401
        assert client.post("/xlwings/custom-scripts-call/validate", json=payload, headers=headers).status_code == 401
        assert client.post("/xlwings/custom-functions-call", json={}, headers=headers).status_code == 401
    good = {"Authorization": "s3cret-of-the-coalition"}
    assert _merge(client, _files(rwanda["women"]), headers=good).status_code == 200
    assert client.post("/xlwings/custom-scripts-call/clear_flags", json=payload, headers=good).status_code == 200


def test_two_users_merging_at_once_each_get_only_their_own_master(rwanda, client):
    results = {}

    def user(name: str, path: Path, lang: str) -> None:
        with TestClient(create_app(ServerSettings())) as own:
            results[name] = _merge(own, _files(path), lang=lang)

    threads = [threading.Thread(target=user, args=("a", rwanda["justice"], "en")),
               threading.Thread(target=user, args=("b", rwanda["women"], "fr"))]   # the task pane's language
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    for name, own, other in (("a", rwanda["justice"], rwanda["women"]), ("b", rwanda["women"], rwanda["justice"])):
        data = results[name].json()
        assert [f["name"] for f in data["files"]] == [own.name]
        master = openpyxl.load_workbook(io.BytesIO(base64.b64decode(data["master"]["base64"])))
        text = json.dumps([[c for c in row] for ws in master.worksheets for row in ws.iter_rows(values_only=True)],
                          default=str)
        assert own.name in text and other.name not in text
        assert ("Synthèse" in master.sheetnames) == (name == "b")


def test_cors_and_framing_allow_office_and_nothing_else(client):
    office = "https://excel.officeapps.live.com"
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}
    allowed = client.options("/upr/merge", headers={"Origin": office, **preflight})
    assert allowed.headers.get("access-control-allow-origin") == office
    refused = client.options("/upr/merge", headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in refused.headers
    simple = client.get("/upr/config", headers={"Origin": "https://officeapps.live.com.evil.example"})
    assert "access-control-allow-origin" not in simple.headers
    page = client.get("/taskpane.html")
    policy = page.headers["content-security-policy"]
    assert policy.startswith("frame-ancestors 'self' https://*.officeapps.live.com")
    assert "*" not in policy.replace("https://*.", "")


def test_logs_hold_counts_not_participant_data(rwanda, client, caplog):
    with caplog.at_level(logging.INFO):
        assert _merge(client, _files(rwanda["justice"], rwanda["disguised"])).status_code == 200
    logged = caplog.text
    assert "2 files received" in logged
    for private in (rwanda["justice"].name, rwanda["disguised"].name, TORTURE_LAW["indicator"], "Justice"):
        assert private not in logged


# --- the manifest -------------------------------------------------------------------------------------------

def test_manifest_names_the_servers_urls_the_four_commands_and_the_function(client):
    base = "https://upr.example.org"
    text = TestClient(create_app(), base_url=base).get("/manifest.xml").text
    root = ET.fromstring(text.encode())
    assert root.tag == f"{{{NS['o']}}}OfficeApp" and root.get(f"{{{NS['xsi']}}}type") == "TaskPaneApp"
    # The base manifest's elements in the order of the schema's sequence.
    order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
             "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
             "Permissions", "VersionOverrides"]
    assert [child.tag.split("}")[1] for child in root] == order
    assert len(root.find("o:Id", NS).text) == 36
    local = lambda element: [child.tag.split("}")[1] for child in element]  # noqa: E731
    overrides = root.find("ov:VersionOverrides", NS)
    assert local(overrides) == ["Hosts", "Resources"]
    assert local(overrides.find("ov:Hosts/ov:Host", NS)) == ["Runtimes", "AllFormFactors", "DesktopFormFactor"]
    assert local(overrides.find(".//ov:DesktopFormFactor", NS)) == ["FunctionFile", "ExtensionPoint"]
    assert local(overrides.find("ov:Resources", NS)) == ["Images", "Urls", "ShortStrings", "LongStrings"]
    for control in overrides.iter(f"{{{NS['ov']}}}Control"):
        assert local(control) == ["Label", "Supertip", "Icon", "Action"]
    urls = {u.get("id"): u.get("DefaultValue") for u in root.iter(f"{{{NS['bt']}}}Url")}
    assert urls == {"Taskpane.Url": f"{base}/taskpane.html",
                    "Functions.Script.Url": f"{base}/xlwings/custom-functions-code.js",
                    "Functions.Metadata.Url": f"{base}/xlwings/custom-functions-meta.json"}
    images = [i.get("DefaultValue") for i in root.iter(f"{{{NS['bt']}}}Image") if i.get("DefaultValue")]
    assert images and all(i.startswith(f"{base}/static/") for i in images)
    for image in images + [root.find("o:IconUrl", NS).get("DefaultValue")]:
        served = client.get(image.removeprefix(base))
        assert served.status_code == 200 and served.headers["content-type"] == "image/png", image
    # Every resid names a resource, and every resource is within Office's length limits.
    resources = {s.get("id"): s.get("DefaultValue") for s in root.iter() if s.get("id") and s.get("DefaultValue")}
    for element in root.iter():
        if element.get("resid"):
            assert element.get("resid") in resources, element.get("resid")
    shorts = root.find(".//ov:Resources/bt:ShortStrings", NS)
    assert all(len(s.get("DefaultValue")) <= 125 for s in shorts)
    assert resources["Functions.Namespace"] == "UPR"
    controls = root.findall(".//ov:Control", NS)
    labels = {c.get("id"): resources[c.find("ov:Label", NS).get("resid")] for c in controls}
    assert labels == {"UPR.Validate": "Validate", "UPR.ClearFlags": "Clear flags",
                      "UPR.RefreshList": "Refresh list", "UPR.MergeGroups": "Merge groups"}
    ribbon = (PROJECT_DIR / "static" / "js" / "ribbon.js").read_text()
    for control in controls:
        action = control.find("ov:Action", NS)
        function = action.findtext("ov:FunctionName", namespaces=NS)
        if function:      # an ExecuteFunction button: associated in ribbon.js with a script that exists
            assert f'"{function}"' in ribbon
        else:
            assert action.get(f"{{{NS['xsi']}}}type") == "ShowTaskpane"
    scripts = {s["function_name"] for s in client.get("/xlwings/custom-scripts-meta.json").json()}
    assert {"validate", "clear_flags", "refresh_list", "show_master_sheets"} <= scripts
    for script in ("validate", "clear_flags"):
        assert f'"{script}"' in ribbon


# --- upr serve -----------------------------------------------------------------------------------------------

def test_upr_serve_says_what_to_install_and_what_licence_to_set(monkeypatch):
    import addin.server

    monkeypatch.setattr(addin.server, "missing_packages", lambda: ["xlwings-server"])
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 2
    assert "xlwings-server" in result.output and ".[server]" in result.output
    monkeypatch.undo()
    monkeypatch.setenv("UPR_SERVER_MAX_FILES", "lots")
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 2 and "UPR_SERVER_MAX_FILES='lots': give a number" in result.output
    monkeypatch.delenv("XLWINGS_LICENSE_KEY")
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 2 and "XLWINGS_LICENSE_KEY=noncommercial" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_upr_serve_on_loopback_serves_the_manifest_and_answers_the_scripts(rwanda, tmp_path):
    port = _free_port()
    printed = subprocess.run([sys.executable, "-m", "addin.cli", "serve", "--port", str(port), "--print-manifest"],
                             capture_output=True, text=True, timeout=120)
    assert printed.returncode == 0, printed.stderr
    ET.fromstring(printed.stdout.encode())
    assert f"http://localhost:{port}/taskpane.html" in printed.stdout

    server = subprocess.Popen([sys.executable, "-m", "addin.cli", "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)   # access lines go to stdout
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                manifest = urllib.request.urlopen(f"{base}/manifest.xml", timeout=5).read().decode()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("upr serve did not answer")
        assert f"{base}/taskpane.html" in manifest
        request = urllib.request.Request(f"{base}/xlwings/custom-scripts-call/clear_flags",
                                         data=json.dumps(payload_from_xlsx(rwanda["plan"])).encode(),
                                         headers={"Content-Type": "application/json"})
        answer = json.loads(urllib.request.urlopen(request, timeout=120).read())
        assert isinstance(answer["actions"], list)
        # An alert's text travels in the query of xlwings' alert page; the access log keeps the path only.
        urllib.request.urlopen(f"{base}/xlwings/alert?prompt=Aline+Uwase+typed+this&title=t&buttons=ok"
                               "&mode=info&callback=", timeout=30).read()
    finally:
        server.terminate()
        server.wait(timeout=30)
    logged = server.stdout.read()
    assert b"127.0.0.1" in logged                     # it bound to loopback
    assert b"GET /xlwings/alert HTTP" in logged and b"Aline" not in logged
