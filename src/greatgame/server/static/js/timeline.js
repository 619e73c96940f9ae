/* The dyad timeline: events of the chosen pair per period, cooperation up and conflict down. */

import { api, detailText } from "./api.js";
import { $, clear, el, num, round } from "./dom.js";
import { loadEvents } from "./events.js";
import { dyadParam, filters, nameOf, periodLabel, state } from "./state.js";

// Each load numbers itself; an answer to an older load (dyad or filters changed while it ran) is dropped.
let latestTimeline = 0;

export async function loadTimeline() {
  const mine = ++latestTimeline;
  const svg = $("timeline");
  const empty = $("timeline-empty");
  if (!state.dyad) {
    clear(svg); svg.style.display = "none"; empty.hidden = false;
    $("dyad-name").textContent = "none chosen";
    return;
  }
  const [a, b] = state.dyad;
  const arrow = $("f-both").checked ? "⇄" : "→";
  $("dyad-name").textContent = `${nameOf(a)} ${arrow} ${nameOf(b)} · by ${filters().by} · ${periodLabel()}`;
  const f = filters();
  try {
    const data = await api("api/dyads", { by: f.by, since: f.since, until: f.until, modality: f.modality,
      level: f.level, ...dyadParam() });
    if (mine !== latestTimeline) return;
    drawTimeline(data.rows, f.by);
  } catch (err) {
    if (mine !== latestTimeline) return;
    clear(svg); svg.style.display = "none";
    empty.textContent = `The timeline could not be loaded: ${detailText(err)}`;
    empty.classList.add("error-text");
    empty.hidden = false;
  }
}

// Period labels are YYYY (year), YYYY-MM (month), or the first day YYYY-MM-DD (week, day).
function periodRange(label, by) {
  const since = label.length === 4 ? `${label}-01-01` : label.length === 7 ? `${label}-01` : label;
  const d = new Date(since + "T00:00:00Z");
  if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return { since, until: d.toISOString().slice(0, 10) };
}

function nextPeriod(label, by) {
  if (by === "year") return String(Number(label) + 1);
  if (by === "month") {
    const [yy, mm] = label.split("-").map(Number);
    return mm === 12 ? `${yy + 1}-01` : `${yy}-${String(mm + 1).padStart(2, "0")}`;
  }
  const d = new Date(label + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + (by === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

// Periods without events between the first and the last, as zeros, so the axis is true to time.
function fillPeriods(pts, by) {
  if (pts.length < 2) return pts;
  const have = new Map(pts.map((p) => [p.period, p]));
  const out = [];
  for (let p = pts[0].period; p <= pts[pts.length - 1].period; p = nextPeriod(p, by)) {
    out.push(have.get(p) || { period: p, q: [0, 0, 0, 0], net: 0, events: 0 });
    if (out.length > 600) return pts; // too many to draw as bars: keep the periods with events
  }
  return out;
}

// 1, 2 or 5 times a power of ten, at least `x` (x > 0).
function niceStep(x) {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const f of [1, 2, 5, 10]) if (f * p >= x) return Math.max(1, f * p);
  return Math.max(1, 10 * p);
}

function drawTimeline(rows, by) {
  const svg = $("timeline");
  const empty = $("timeline-empty");
  clear(svg);
  empty.classList.remove("error-text");
  // Sum both directions per period.
  const per = new Map();
  for (const r of rows) {
    const p = String(r.period);
    let m = per.get(p);
    if (!m) { m = { period: p, q: [0, 0, 0, 0], net: 0, events: 0 }; per.set(p, m); }
    m.q[0] += r.q1 || 0; m.q[1] += r.q2 || 0; m.q[2] += r.q3 || 0; m.q[3] += r.q4 || 0;
    m.net += r.net_coop || 0;
    m.events += r.events || 0;
  }
  const pts = fillPeriods([...per.values()].sort((x, y) => (x.period < y.period ? -1 : 1)), by);
  if (!pts.length) {
    svg.style.display = "none";
    empty.textContent = "These two actors have no events together in this period.";
    empty.hidden = false;
    return;
  }
  svg.style.display = "block";
  empty.hidden = true;
  const w = svg.clientWidth || 900, h = svg.clientHeight || 260;
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  const m = { l: 58, r: 54, t: 14, b: 28 };
  const iw = w - m.l - m.r, ih = h - m.t - m.b;
  const up = Math.max(1, ...pts.map((p) => p.q[0] + p.q[1]));
  const down = Math.max(1, ...pts.map((p) => p.q[2] + p.q[3]));
  const cm = Math.max(up, down) * 1.08; // headroom, so no bar or point sits on the frame
  const y = (v) => m.t + ih / 2 - (v / cm) * (ih / 2);        // counts: cooperation up, conflict down
  const nm = Math.max(1e-9, ...pts.map((p) => Math.abs(p.net))) * 1.08;
  const yn = (v) => m.t + ih / 2 - (v / nm) * (ih / 2);        // net cooperation, same zero line
  const band = iw / pts.length;
  const bw = Math.max(1, Math.min(36, band * 0.7));
  const x = (i) => m.l + band * i + band / 2;

  const axis = el("g", { class: "axis" });
  const step = niceStep(cm / 2);
  const ticks = [];
  for (let v = -Math.floor(cm / step) * step; v <= cm + 1e-9; v += step) ticks.push(v);
  for (const v of ticks) {
    axis.append(el("line", { x1: m.l, x2: m.l + iw, y1: y(v), y2: y(v), class: v === 0 ? "zero" : null, "stroke-dasharray": v === 0 ? null : "2,3" }));
    axis.append(el("text", { x: m.l - 6, y: y(v) + 4, "text-anchor": "end", text: num(Math.abs(v)) }));
  }
  const nstep = nm >= 2 ? niceStep(nm / 2) : nm / 2;
  for (let v = -Math.floor(nm / nstep) * nstep; v <= nm + 1e-9; v += nstep) {
    axis.append(el("text", { x: m.l + iw + 6, y: yn(v) + 4, text: Number.isInteger(v) ? String(v) : round(v, 1) }));
  }
  const mid = m.t + ih / 2;
  axis.append(el("text", { transform: `translate(12,${mid - 8}) rotate(-90)`, "text-anchor": "start", text: "cooperation ▸" }));
  axis.append(el("text", { transform: `translate(12,${mid + 8}) rotate(-90)`, "text-anchor": "end", text: "◂ conflict" }));
  axis.append(el("text", { transform: `translate(${w - 6},${mid}) rotate(90)`, "text-anchor": "middle", text: "net cooperation" }));
  const every = Math.max(1, Math.ceil(pts.length / Math.floor(iw / 70)));
  pts.forEach((p, i) => {
    if (i % every === 0) axis.append(el("text", { x: x(i), y: h - 8, "text-anchor": "middle", text: p.period }));
  });
  svg.append(axis);

  const bars = el("g", { class: "bars" });
  pts.forEach((p, i) => {
    const label = p.period;
    const tip = `${label}: ${p.events} events · verbal coop. ${p.q[0]}, material coop. ${p.q[1]}, ` +
      `verbal conflict ${p.q[2]}, material conflict ${p.q[3]} · net cooperation ${round(p.net, 1)}`;
    const pick = () => {
      state.eventPeriod = { ...periodRange(p.period, by), label };
      state.offset = 0;
      loadEvents();
    };
    let top = 0;
    for (const q of [0, 1]) {
      if (!p.q[q]) continue;
      bars.append(el("rect", { class: `bar q${q + 1}`, x: x(i) - bw / 2, width: bw, y: y(top + p.q[q]),
        height: Math.max(0.5, y(top) - y(top + p.q[q])), onclick: pick }, el("title", { text: tip })));
      top += p.q[q];
    }
    let bot = 0;
    for (const q of [2, 3]) {
      if (!p.q[q]) continue;
      bars.append(el("rect", { class: `bar q${q + 1}`, x: x(i) - bw / 2, width: bw, y: y(-bot),
        height: Math.max(0.5, y(-bot - p.q[q]) - y(-bot)), onclick: pick }, el("title", { text: tip })));
      bot += p.q[q];
    }
  });
  svg.append(bars);
  const line = pts.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${yn(p.net).toFixed(1)}`).join("");
  const gl = el("g", { class: "netline" }, el("path", { class: "net", d: line }));
  pts.forEach((p, i) => {
    if (!p.events) return;
    gl.append(el("circle", { class: "net-dot", cx: x(i), cy: yn(p.net), r: 2.5 },
      el("title", { text: `${p.period}: net cooperation ${round(p.net, 1)}` })));
  });
  svg.append(gl);
}
