/* greatgame dashboard: plain JavaScript modules and SVG over the JSON API; no libraries, no build step.
   This module wires the page: the filter form, the pager, the paste box, and the first load. */

import { api, detailText } from "./js/api.js";
import { $, el, round } from "./js/dom.js";
import { loadEvents } from "./js/events.js";
import { fillPresets, renderStats, showBanner } from "./js/header.js";
import { drawNetwork, loadNetwork, onNetworkClick } from "./js/network.js";
import { codeArticle } from "./js/paste.js";
import { code, PAGE, readHash, setActorName, state, writeHash } from "./js/state.js";
import { loadTimeline } from "./js/timeline.js";
import "./js/watch.js"; // the sources and alerts panel wires itself

function selectDyad(a, b) {
  state.dyad = [a, b];
  state.eventPeriod = null;
  state.offset = 0;
  $("f-a").value = a;
  $("f-b").value = b;
  writeHash();
  if (state.network) drawNetwork();
  loadTimeline();
  loadEvents();
}

function apply() {
  const a = code($("f-a").value), b = code($("f-b").value);
  state.dyad = a && b ? [a, b] : null;
  state.eventPeriod = null;
  state.offset = 0;
  writeHash();
  loadNetwork();
  loadTimeline();
  loadEvents();
}

function wire() {
  onNetworkClick({ pickDyad: selectDyad, focusActor: (c) => { $("f-actor").value = c; apply(); } });
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); apply(); });
  $("reset").addEventListener("click", () => {
    $("filters").reset();
    $("f-conf-out").textContent = "0.00";
    $("f-a").value = ""; $("f-b").value = "";
    apply();
  });
  $("f-conf").addEventListener("input", () => { $("f-conf-out").textContent = round($("f-conf").value); });
  $("f-preset").addEventListener("change", () => {
    const y = $("f-preset").value;
    $("f-since").value = y ? `${y}-01-01` : "";
    $("f-until").value = y ? `${y}-12-31` : "";
    apply();
  });
  $("f-by").addEventListener("change", () => { writeHash(); loadTimeline(); });
  $("f-both").addEventListener("change", () => { state.offset = 0; writeHash(); loadTimeline(); loadEvents(); });
  $("swap").addEventListener("click", () => {
    const a = $("f-a").value; $("f-a").value = $("f-b").value; $("f-b").value = a;
    if ($("f-a").value && $("f-b").value) apply();
  });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  $("code-form").addEventListener("submit", codeArticle);
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (state.network) drawNetwork(); if (state.dyad) loadTimeline(); }, 200);
  });
}

async function start() {
  readHash();
  wire();
  try {
    const [meta, stats, actors] = await Promise.all([api("api/meta"), api("api/stats"), api("api/actors", { limit: 1000 })]);
    state.meta = meta;
    state.stats = stats;
    renderStats(stats);
    fillPresets(stats);
    for (const p of meta.plover) $("f-plover").append(el("option", { value: p, text: p }));
    for (const m of meta.modalities) {
      if (m !== "asserted") $("f-modality").append(el("option", { value: m, text: m }));
    }
    $("code-limit").textContent = `up to ${Math.round(meta.max_code_bytes / 1000)} kB; nothing is stored`;
    const list = $("actor-list");
    for (const a of actors.actors) {
      setActorName(a.code, a.name || a.code);
      list.append(el("option", { value: a.code, label: `${a.name || a.code} · ${a.events} events` }));
    }
    readHash(); // selects filled from meta can now take their values
    if (!stats.events) showBanner("The store holds no events yet: ingest some documents with `greatgame ingest`.");
  } catch (err) {
    showBanner(`The store could not be read: ${detailText(err)}`);
  }
  loadNetwork();
  loadTimeline();
  loadEvents();
}

document.addEventListener("DOMContentLoaded", start);
