// UPR Matrix: the organisation's shared access token (UPR_SERVER_TOKEN), typed once in the task pane
// and kept in this browser's storage. xlwings Server's client sends getAuth()'s token as the
// Authorization header of every script and custom-function call; the merge upload sends it too.
globalThis.uprToken = {
  get() {
    try {
      return localStorage.getItem("uprToken") || "";
    } catch {
      return "";
    }
  },
  set(value) {
    try {
      localStorage.setItem("uprToken", value);
    } catch {}
  },
};

globalThis.getAuth = async function () {
  return { token: globalThis.uprToken.get(), provider: "" };
};
