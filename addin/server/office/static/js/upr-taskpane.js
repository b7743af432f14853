// UPR Matrix task pane: the merge upload, the master download and the list refresh.
// Validate and Clear flags are plain xw-click buttons: xlwings Server's client calls those scripts.

// The task pane's words come from the server's message catalogue (addin/locale, section "taskpane");
// until they arrive, the page shows its English.
let TEXT = { en: {} };

const $ = (selector) => document.querySelector(selector);
let lang = "en";
let chosen = [];
let master = null;

// "{n, plural, one {# workbook} other {# workbooks}}" as the catalogue writes plurals (ICU MessageFormat).
function expandPlurals(text, values) {
  const start = /\{(\w+),\s*plural,/g;
  let match;
  while ((match = start.exec(text)) !== null) {
    let depth = 1;
    let end = start.lastIndex;
    for (; end < text.length && depth; end += 1) {
      if (text[end] === "{") depth += 1;
      else if (text[end] === "}") depth -= 1;
    }
    const body = text.slice(start.lastIndex, end - 1);
    const branches = {};
    for (const branch of body.matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g)) {
      branches[branch[1]] = branch[2];
    }
    const count = Number(values[match[1]]);
    const chosen = branches[`=${count}`] ?? branches[new Intl.PluralRules(lang).select(count)] ?? branches.other ?? "";
    const shown = chosen.replace(/#/g, count.toLocaleString(lang));
    text = text.slice(0, match.index) + shown + text.slice(end);
    start.lastIndex = match.index + shown.length;
  }
  return text;
}

function t(key, values = {}) {
  let text = (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key;
  text = expandPlurals(text, values);
  for (const [name, value] of Object.entries(values)) {
    text = text.replaceAll(`{${name}}`, value);
  }
  return text;
}

async function loadText() {
  try {
    const response = await fetch(`${window.location.origin}/upr/text`);
    if (response.ok) TEXT = await response.json();
  } catch {}
}

function initialLanguage() {
  try {
    const stored = localStorage.getItem("uprLang");
    if (stored) return stored;
  } catch {}
  const office = globalThis.Office && Office.context && Office.context.displayLanguage;
  return (office || navigator.language || "en").toLowerCase().startsWith("fr") ? "fr" : "en";
}

function setLanguage(value) {
  lang = value === "fr" ? "fr" : "en";
  try {
    localStorage.setItem("uprLang", lang);
  } catch {}
  document.querySelector("main.upr").setAttribute("lang", lang);
  document.querySelectorAll("[data-i18n]").forEach((element) => {
    const key = element.dataset.i18n;
    if (!((TEXT[lang] && TEXT[lang][key]) || TEXT.en[key])) return; // the page's own English stays
    const label = t(key);
    // Buttons with xw-click get a spinner appended while they run; keep it.
    if (element.firstChild && element.firstChild.nodeType === Node.TEXT_NODE) {
      element.firstChild.textContent = label;
    } else {
      element.prepend(document.createTextNode(label));
    }
  });
  document.querySelectorAll("[data-lang]").forEach((button) => {
    button.classList.toggle("active", button.dataset.lang === lang);
  });
  showChosen();
}

async function authHeader() {
  const auth = typeof globalThis.getAuth === "function" ? await globalThis.getAuth() : { token: "" };
  return auth.token ? { Authorization: auth.token } : {};
}

function showError(message) {
  const box = $("#upr-error");
  box.textContent = message;
  box.classList.toggle("d-none", !message);
}

function showChosen() {
  const list = $("#upr-chosen");
  list.replaceChildren(...chosen.map((file) => {
    const item = document.createElement("li");
    item.textContent = file.name;
    return item;
  }));
  $("#upr-merge-button").disabled = chosen.length === 0;
}

function choose(files) {
  const known = new Set(chosen.map((file) => file.name + "/" + file.size));
  for (const file of files) {
    if (!known.has(file.name + "/" + file.size)) chosen.push(file);
  }
  showChosen();
}

function progress(percent, text) {
  const box = $("#upr-progress");
  box.classList.toggle("d-none", percent === null);
  const bar = box.querySelector(".progress-bar");
  const working = percent === 100;
  bar.style.width = `${percent || 0}%`;
  bar.classList.toggle("progress-bar-striped", working);
  bar.classList.toggle("progress-bar-animated", working);
  $("#upr-progress-text").textContent = text || "";
}

function post(url, body, onUpload) {
  return new Promise(async (resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    for (const [name, value] of Object.entries(await authHeader())) {
      request.setRequestHeader(name, value);
    }
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onUpload(Math.round((100 * event.loaded) / event.total));
    };
    request.upload.onload = () => onUpload(100);
    request.onload = () => resolve({ status: request.status, data: request.response || {} });
    request.onerror = () => resolve({ status: 0, data: { detail: t("no_server") } });
    request.send(body);
  });
}

async function merge() {
  showError("");
  $("#upr-result").classList.add("d-none");
  master = null;
  const form = new FormData();
  chosen.forEach((file) => form.append("files", file, file.name));
  const listFile = $("#upr-list").files[0];
  if (listFile) form.append("recommendations", listFile, listFile.name);
  form.append("lang", lang);
  $("#upr-merge-button").disabled = true;
  progress(0, t("uploading", { percent: 0 }));
  const { status, data } = await post(`${window.location.origin}/upr/merge`, form, (percent) =>
    progress(percent, percent < 100 ? t("uploading", { percent }) : t("merging", { n: chosen.length })),
  );
  progress(null);
  $("#upr-merge-button").disabled = chosen.length === 0;
  if (status !== 200) {
    showError(data.detail || `HTTP ${status}`);
    return;
  }
  showResult(data);
}

function showResult(data) {
  const files = data.files || [];
  const merged = files.filter((file) => file.status === "merged").length;
  $("#upr-headline").textContent = t("headline", { merged, skipped: files.length - merged });
  const rows = files.map((file) => {
    const row = document.createElement("tr");
    row.className = file.status === "merged" ? "upr-merged" : "upr-skipped";
    const name = document.createElement("td");
    name.textContent = file.name;
    const group = document.createElement("td");
    group.textContent = file.status === "merged" ? file.group : file.reason;
    const count = document.createElement("td");
    count.textContent = file.status === "merged" ? file.rows : "";
    if (file.status !== "merged") group.colSpan = 2;
    row.append(name, group);
    if (file.status === "merged") row.append(count);
    return row;
  });
  $("#upr-result tbody").replaceChildren(...rows);
  $("#upr-summary").textContent = (data.summary || []).join("\n");
  master = data.master || null;
  $("#upr-download").disabled = !master;
  $("#upr-show-sheets").disabled = !master;
  $("#upr-result").classList.remove("d-none");
}

function bytesOf(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function download() {
  if (!master) return;
  const blob = new Blob([bytesOf(master.base64)], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = master.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

async function runScript(scriptName, args) {
  const auth = typeof globalThis.getAuth === "function" ? await globalThis.getAuth() : { token: "", provider: "" };
  await globalThis.xlwings.runPython({
    scriptName,
    args,
    auth: auth.token,
    headers: { "Auth-Provider": auth.provider || "" },
    errorDisplayMode: "taskpane",
  });
}

function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function refreshList() {
  const file = $("#upr-new-list").files[0];
  if (!file) return;
  $("#upr-refresh").disabled = true;
  try {
    await runScript("refresh_list", [file.name, await readBase64(file)]);
  } finally {
    $("#upr-refresh").disabled = false;
  }
}

async function loadConfig() {
  try {
    const response = await fetch(`${window.location.origin}/upr/config`);
    const config = await response.json();
    $("#upr-settings").classList.toggle("d-none", !config.token_required);
    $("#upr-token").value = globalThis.uprToken.get();
  } catch {}
}

// The ribbon's Refresh list opens the task pane here.
globalThis.uprShow = function (section) {
  const target = document.getElementById(`upr-${section}`);
  if (target) target.scrollIntoView({ behavior: "smooth" });
};

async function start() {
  await loadText();
  setLanguage(initialLanguage());
  document.querySelectorAll("[data-lang]").forEach((button) =>
    button.addEventListener("click", () => setLanguage(button.dataset.lang)),
  );
  $("#upr-files").addEventListener("change", (event) => {
    choose(event.target.files);
    event.target.value = "";
  });
  const drop = $("#upr-drop");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("upr-over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("upr-over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("upr-over");
    choose(event.dataTransfer.files);
  });
  $("#upr-merge-button").addEventListener("click", merge);
  $("#upr-download").addEventListener("click", download);
  $("#upr-show-sheets").addEventListener("click", async () => {
    if (master) await runScript("show_master_sheets", [master.base64]);
  });
  $("#upr-new-list").addEventListener("change", (event) => {
    $("#upr-refresh").disabled = !event.target.files.length;
  });
  $("#upr-refresh").addEventListener("click", refreshList);
  $("#upr-token-save").addEventListener("click", () => {
    globalThis.uprToken.set($("#upr-token").value.trim());
    $("#upr-token-save").textContent = t("saved");
  });
  loadConfig();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
