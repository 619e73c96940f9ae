/* The top bar's store summary, the error banner, and the year presets. */

import { $, clear, el, num } from "./dom.js";

export function showBanner(message) {
  const b = $("banner");
  if (!message) { b.hidden = true; b.textContent = ""; return; }
  b.textContent = message;
  b.hidden = false;
}

export function renderStats(s) {
  const box = $("stats");
  clear(box);
  const span = s.first_date ? `${s.first_date} – ${s.last_date || ""}` : "–";
  for (const [k, v] of [["documents", num(s.documents)], ["events", num(s.events)],
    ["actors", num(s.actors)], ["dates", span]]) {
    box.append(el("div", {}, el("dt", { text: k }), el("dd", { text: v })));
  }
}

export function fillPresets(s) {
  const sel = $("f-preset");
  if (!s.first_date || !s.last_date) return;
  const y0 = Number(s.first_date.slice(0, 4));
  const y1 = Number(s.last_date.slice(0, 4));
  for (let y = y1; y >= y0 && y > y1 - 40; y--) sel.append(el("option", { value: String(y), text: String(y) }));
}
