// UPR Matrix ribbon: each button's <FunctionName> in manifest.xml, associated with its script.
// xlwings Server's client reads the workbook, calls the script and applies what it returns.
async function uprRunScript(event, scriptName) {
  try {
    const auth = await globalThis.getAuth();
    await xlwings.runPython({
      scriptName: scriptName,
      auth: auth.token,
      headers: { "Auth-Provider": auth.provider },
    });
  } finally {
    event.completed();
  }
}

async function uprOpenTaskpane(event, section) {
  try {
    await Office.addin.showAsTaskpane();
    if (typeof globalThis.uprShow === "function") globalThis.uprShow(section);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("uprValidate", (event) => uprRunScript(event, "validate"));
  Office.actions.associate("uprClearFlags", (event) => uprRunScript(event, "clear_flags"));
  Office.actions.associate("uprRefreshList", (event) => uprOpenTaskpane(event, "workbook"));
});
