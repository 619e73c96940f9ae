/* The paste box: code a text or a file through /api/code, without storing it. */

import { api, detailText } from "./api.js";
import { $, clear, num } from "./dom.js";
import { eventRow } from "./events.js";

export async function codeArticle(evt) {
  evt.preventDefault();
  const status = $("code-status");
  const table = $("code-events");
  const body = table.querySelector("tbody");
  const text = $("code-text").value;
  const file = $("code-file").files[0];
  const date = $("code-date").value;
  status.classList.remove("error");
  if (!file && !text.trim()) {
    status.textContent = "Paste some text or choose a file first.";
    status.classList.add("error");
    return;
  }
  let init;
  if (file) {
    const form = new FormData();
    form.append("file", file);
    if (date) form.append("date", date);
    init = { method: "POST", body: form };
  } else {
    init = { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(date ? { text, date } : { text }) };
  }
  status.textContent = "Coding…";
  $("code-go").disabled = true;
  const t0 = performance.now();
  try {
    const data = await api("api/code", null, init);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    clear(body);
    data.events.forEach((ev) => body.append(eventRow(ev)));
    table.hidden = data.events.length === 0;
    const failed = data.documents.filter((d) => d.error);
    const docs = data.documents.length;
    let msg = `${num(data.events.length)} event${data.events.length === 1 ? "" : "s"} in ${docs} document${docs === 1 ? "" : "s"} (${secs} s).`;
    if (!data.events.length) msg += " No one did anything to anyone here that the coder recognises.";
    if (failed.length) msg += ` ${failed.length} failed: ${failed.map((d) => d.error).join("; ")}`;
    status.textContent = msg;
    status.classList.toggle("error", failed.length > 0);
  } catch (err) {
    table.hidden = true;
    status.textContent = err.status === 413 ? `Too large: ${err.message}` : `Could not code it: ${detailText(err)}`;
    status.classList.add("error");
  } finally {
    $("code-go").disabled = false;
  }
}
