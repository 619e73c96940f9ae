/* The relation network: load it, draw it in SVG, highlight a node's neighbours. */

import { api, detailText } from "./api.js";
import { $, clear, el, num, round } from "./dom.js";
import { layout } from "./layout.js";
import { filters, nameOf, periodLabel, state } from "./state.js";

// What a click does, set by main.js: pickDyad(a, b) on an edge, focusActor(code) on a node.
const handlers = { pickDyad: () => {}, focusActor: () => {} };
export function onNetworkClick(h) { Object.assign(handlers, h); }

// Diverging scale: -1 conflict (red) … 0 neutral (grey) … +1 cooperation (blue).
const RAMP = [[178, 24, 43], [239, 138, 98], [186, 186, 186], [103, 169, 207], [33, 102, 172]];
function toneColour(t) {
  const x = Math.max(-1, Math.min(1, Number(t) || 0));
  const p = (x + 1) / 2 * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(p));
  const f = p - i;
  const c = RAMP[i].map((v, k) => Math.round(v + (RAMP[i + 1][k] - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

// Directed edges A→B and B→A are drawn as one line: their counts add up.
function mergeEdges(edges) {
  const byPair = new Map();
  for (const e of edges) {
    const [a, b] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    const key = `${a}\u0000${b}`;
    let m = byPair.get(key);
    if (!m) { m = { a, b, events: 0, coop: 0, conflict: 0, net: 0 }; byPair.set(key, m); }
    m.events += e.events || 0;
    m.coop += e.cooperation || 0;
    m.conflict += e.conflict || 0;
    m.net += e.net_coop || 0;
  }
  // Tone: net cooperation per event, from -1 (all conflict) to +1 (all cooperation).
  return [...byPair.values()].map((m) => ({ ...m, tone: m.events ? m.net / m.events : 0 }));
}

function showTip(evt, lines) {
  const tip = $("tooltip");
  clear(tip);
  lines.forEach((l, i) => tip.append(i ? el("div", { text: l }) : el("strong", { text: l })));
  const box = tip.parentElement.getBoundingClientRect();
  tip.hidden = false;
  const x = Math.min(evt.clientX - box.left + 14, box.width - tip.offsetWidth - 4);
  tip.style.left = `${Math.max(4, x)}px`;
  tip.style.top = `${evt.clientY - box.top + 14}px`;
}
const hideTip = () => { $("tooltip").hidden = true; };

// Each load numbers itself; an answer to an older load (filters changed while it ran) is dropped.
let latestNetwork = 0;

export async function loadNetwork() {
  const mine = ++latestNetwork;
  const f = filters();
  $("network-period").textContent = periodLabel() + (f.actor ? ` · around ${f.actor}` : "");
  const svg = $("network");
  const empty = $("network-empty");
  try {
    const data = await api("api/network", {
      since: f.since, until: f.until, actor: f.actor, top: f.top, modality: f.modality, level: f.level,
    });
    if (mine !== latestNetwork) return;
    state.network = { nodes: data.nodes, edges: mergeEdges(data.edges) };
    drawNetwork();
  } catch (err) {
    if (mine !== latestNetwork) return;
    clear(svg);
    state.network = null;
    empty.textContent = `The network could not be loaded: ${detailText(err)}`;
    empty.classList.add("error-text");
    empty.hidden = false;
  }
}

export function drawNetwork() {
  const svg = $("network");
  const empty = $("network-empty");
  clear(svg);
  empty.classList.remove("error-text");
  const net = state.network;
  if (!net || !net.nodes.length || !net.edges.length) {
    empty.textContent = "No relations in this period and with these filters. Widen the period or clear a filter.";
    empty.hidden = false;
    return;
  }
  empty.hidden = true;
  const w = svg.clientWidth || 900, h = svg.clientHeight || 520;
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  const nodes = net.nodes.map((d) => ({ ...d }));
  layout(nodes, net.edges, w, h);
  const pos = new Map(nodes.map((d) => [d.code, d]));
  const maxE = Math.max(1, ...net.edges.map((e) => e.events));
  const maxP = Math.max(1e-9, ...nodes.map((d) => d.prominence || 0));
  const radius = (d) => 4 + 18 * Math.sqrt((d.prominence || 0) / maxP);
  const focus = filters().actor;

  const gEdges = el("g", { class: "edges" });
  const edges = [...net.edges].sort((x, y) => x.events - y.events);
  for (const e of edges) {
    const s = pos.get(e.a), t = pos.get(e.b);
    if (!s || !t) continue;
    const d = `M${s.x.toFixed(1)},${s.y.toFixed(1)}L${t.x.toFixed(1)},${t.y.toFixed(1)}`;
    const width = 1 + 7 * Math.sqrt(e.events / maxE);
    const sel = state.dyad && [e.a, e.b].sort().join() === [...state.dyad].sort().join();
    const tip = (evt) => showTip(evt, [
      `${nameOf(e.a)} — ${nameOf(e.b)}`,
      `${num(e.events)} events · net cooperation ${round(e.net, 1)}`,
      `cooperation ${num(e.coop)} · conflict ${num(e.conflict)}`,
      "click to see the dyad",
    ]);
    const pick = () => handlers.pickDyad(e.a, e.b);
    const g = el("g", { class: "edge-g", "data-a": e.a, "data-b": e.b });
    g.append(
      sel ? el("path", { class: "edge-halo", d, "stroke-width": (width + 5).toFixed(2) }) : null,
      el("path", { class: "edge" + (sel ? " selected" : ""), d, stroke: toneColour(e.tone), "stroke-width": width.toFixed(2),
        "data-a": e.a, "data-b": e.b, "data-tone": round(e.tone, 3) }),
      el("path", { class: "edge-hit", d, "stroke-width": Math.max(10, width + 6), onmousemove: tip, onmouseleave: hideTip, onclick: pick }),
    );
    gEdges.append(g);
  }
  const gNodes = el("g", { class: "nodes" });
  const byProm = [...nodes].sort((x, y) => (y.prominence || 0) - (x.prominence || 0));
  const labelled = new Set(byProm.slice(0, 45).map((d) => d.code));
  for (const d of [...nodes].sort((x, y) => (x.prominence || 0) - (y.prominence || 0))) {
    const r = radius(d);
    const cls = "node" + (d.code === focus ? " focus" : "") + (state.dyad && state.dyad.includes(d.code) ? " selected" : "");
    const g = el("g", { class: cls, transform: `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})`, "data-id": d.code,
      onmousemove: (evt) => showTip(evt, [`${d.name || d.code} (${d.code})`, `${num(d.events)} events · ${num(d.degree)} partners`,
        `prominence ${round(d.prominence, 3)} · centrality ${round(d.centrality, 3)}`, "click to focus on this actor"]),
      onmouseenter: () => highlight(d.code), onmouseleave: () => { highlight(null); hideTip(); },
      onclick: () => handlers.focusActor(d.code) },
    el("circle", { r: r.toFixed(1) }),
    labelled.has(d.code) ? el("text", { x: (r + 3).toFixed(1), y: "4", text: d.code }) : null);
    gNodes.append(g);
  }
  svg.append(gEdges, gNodes);
}

function highlight(id) {
  const svg = $("network");
  if (!id) { svg.classList.remove("dim"); return; }
  svg.classList.add("dim");
  const near = new Set([id]);
  svg.querySelectorAll(".edge-g").forEach((g) => {
    const on = g.dataset.a === id || g.dataset.b === id;
    g.querySelector(".edge").classList.toggle("near", on);
    if (on) { near.add(g.dataset.a); near.add(g.dataset.b); }
  });
  svg.querySelectorAll(".node").forEach((g) => g.classList.toggle("near", near.has(g.dataset.id)));
}
