/* greatgame dashboard: plain JavaScript and SVG over the JSON API; no libraries. */
"use strict";

(function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  const PAGE = 25;
  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  const state = {
    meta: null,
    stats: null,
    network: null,     // {nodes, edges} as drawn (edges merged over both directions)
    dyad: null,        // [a, b] or null
    eventPeriod: null, // {since, until, label} picked from the timeline, or null
    offset: 0,
  };

  // ---- small helpers ---------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const svg = ["svg", "g", "path", "line", "circle", "rect", "text", "title", "polyline"].includes(tag);
    const node = svg ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.setAttribute("class", v);
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  const fmt = new Intl.NumberFormat("en");
  const num = (x) => (x === null || x === undefined ? "–" : fmt.format(x));
  const round = (x, d = 2) => (x === null || x === undefined ? "–" : Number(x).toFixed(d));

  class ApiError extends Error {
    constructor(status, body) {
      const e = (body && body.error) || {};
      super(e.message || `request failed (HTTP ${status})`);
      this.status = status;
      this.code = e.code || "http_error";
      this.details = e.details;
    }
  }

  async function api(path, params, init) {
    const url = new URL(path, document.baseURI);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    }
    let res;
    try {
      res = await fetch(url, init);
    } catch (err) {
      throw new ApiError(0, { error: { message: "the server cannot be reached" } });
    }
    let body = null;
    try { body = await res.json(); } catch (err) { body = null; }
    if (!res.ok) throw new ApiError(res.status, body);
    return body;
  }

  function showBanner(message) {
    const b = $("banner");
    if (!message) { b.hidden = true; b.textContent = ""; return; }
    b.textContent = message;
    b.hidden = false;
  }

  function detailText(err) {
    if (!err.details || !Array.isArray(err.details) || !err.details.length) return err.message;
    const d = err.details.map((x) => `${(x.loc || []).filter((p) => p !== "query").join(".")}: ${x.msg}`);
    return `${err.message} (${d.join("; ")})`;
  }

  // ---- colour ----------------------------------------------------------------------------------

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

  // ---- filters and URL state -------------------------------------------------------------------

  const code = (s) => (s || "").trim().toUpperCase();

  function filters() {
    return {
      since: $("f-since").value,
      until: $("f-until").value,
      by: $("f-by").value,
      actor: code($("f-actor").value),
      plover: $("f-plover").value,
      quad: $("f-quad").value,
      modality: $("f-modality").value,
      min_confidence: Number($("f-conf").value) > 0 ? $("f-conf").value : "",
      top: $("f-top").value,
      level: $("f-level").value,
    };
  }

  function writeHash() {
    const f = filters();
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
    if (state.dyad) p.set("dyad", state.dyad.join(","));
    if (!$("f-both").checked) p.set("directed", "1");
    history.replaceState(null, "", "#" + p.toString());
  }

  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const set = (id, k) => { if (p.has(k)) $(id).value = p.get(k); };
    set("f-since", "since"); set("f-until", "until"); set("f-by", "by"); set("f-actor", "actor");
    set("f-plover", "plover"); set("f-quad", "quad"); set("f-modality", "modality");
    set("f-conf", "min_confidence"); set("f-top", "top"); set("f-level", "level");
    $("f-both").checked = !p.has("directed");
    $("f-conf-out").textContent = round($("f-conf").value);
    const ys = $("f-since").value, yu = $("f-until").value;
    $("f-preset").value = ys && ys.slice(0, 4) === yu.slice(0, 4) && ys.endsWith("-01-01") && yu.endsWith("-12-31")
      ? ys.slice(0, 4) : "";
    if ($("f-preset").selectedIndex < 0) $("f-preset").value = "";
    if (p.has("dyad")) {
      const [a, b] = p.get("dyad").split(",").map(code);
      if (a && b) { state.dyad = [a, b]; $("f-a").value = a; $("f-b").value = b; }
    }
  }

  function periodLabel() {
    const { since, until } = filters();
    if (!since && !until) return "all dates";
    if (since && until) return `${since} – ${until}`;
    return since ? `from ${since}` : `until ${until}`;
  }

  // ---- header ----------------------------------------------------------------------------------

  function renderStats(s) {
    const box = $("stats");
    clear(box);
    const span = s.first_date ? `${s.first_date} – ${s.last_date || ""}` : "–";
    for (const [k, v] of [["documents", num(s.documents)], ["events", num(s.events)],
      ["actors", num(s.actors)], ["dates", span]]) {
      box.append(el("div", {}, el("dt", { text: k }), el("dd", { text: v })));
    }
  }

  function fillPresets(s) {
    const sel = $("f-preset");
    if (!s.first_date || !s.last_date) return;
    const y0 = Number(s.first_date.slice(0, 4));
    const y1 = Number(s.last_date.slice(0, 4));
    for (let y = y1; y >= y0 && y > y1 - 40; y--) sel.append(el("option", { value: String(y), text: String(y) }));
  }

  // ---- network ---------------------------------------------------------------------------------

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

  // A small force layout in the manner of ForceAtlas2: nodes repel in proportion to their degrees
  // (so hubs push apart rather than pile up), edges pull linearly, a weak pull keeps the centre.
  function layout(nodes, edges, w, h) {
    const n = nodes.length;
    const idx = new Map(nodes.map((d, i) => [d.code, i]));
    const links = edges.map((e) => [idx.get(e.a), idx.get(e.b), e.events])
      .filter((l) => l[0] !== undefined && l[1] !== undefined);
    const deg = new Float64Array(n);
    for (const [i, j] of links) { deg[i] += 1; deg[j] += 1; }
    const maxW = Math.max(1, ...links.map((l) => l[2]));
    const x = new Float64Array(n), y = new Float64Array(n);
    // Deterministic start: a sunflower spiral, the busiest nodes (first from the API) in the middle.
    for (let i = 0; i < n; i++) {
      const r = 10 * Math.sqrt(i + 0.5), a = i * 2.39996;
      x[i] = r * Math.cos(a); y[i] = r * Math.sin(a);
    }
    const kr = 40, ka = 0.06, kg = 0.6;
    let temp = 40;
    for (let it = 0; it < 400; it++) {
      const fx = new Float64Array(n), fy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = x[i] - x[j], dy = y[i] - y[j];
          const d2 = dx * dx + dy * dy + 0.01;
          const f = (kr * (deg[i] + 1) * (deg[j] + 1)) / d2;
          fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
        }
      }
      for (const [i, j, wt] of links) {
        const f = ka * (0.4 + 0.6 * Math.sqrt(wt / maxW));
        const dx = x[i] - x[j], dy = y[i] - y[j];
        fx[i] -= dx * f; fy[i] -= dy * f; fx[j] += dx * f; fy[j] += dy * f;
      }
      for (let i = 0; i < n; i++) {
        const d = Math.sqrt(x[i] * x[i] + y[i] * y[i]) || 1;
        fx[i] -= (kg * (deg[i] + 1) * x[i]) / d;
        fy[i] -= (kg * (deg[i] + 1) * y[i]) / d;
        const m = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]) || 1;
        const step = Math.min(m, temp);
        x[i] += (fx[i] / m) * step; y[i] += (fy[i] / m) * step;
      }
      temp = Math.max(1, temp * 0.985);
    }
    // Fit the middle 96% of the nodes to the box, so one far-flung node does not squeeze the rest;
    // the few outside it are kept at the edge.
    const q = (arr, p) => { const s = [...arr].sort((u, v) => u - v); return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]; };
    const x0 = q(x, 0.02), x1 = q(x, 0.98), y0 = q(y, 0.02), y1 = q(y, 0.98);
    const pad = 36, padRight = 70; // labels sit to the right of their node
    const sx = (w - pad - padRight) / Math.max(1, x1 - x0), sy = (h - 2 * pad) / Math.max(1, y1 - y0);
    // Stretch to the panel's shape, but not so far that the drawing looks squashed.
    const ux = Math.min(sx, sy * 1.7, 3), uy = Math.min(sy, sx * 1.7, 3);
    const ox = (w - ux * (x1 - x0) - padRight + pad) / 2, oy = (h - uy * (y1 - y0)) / 2;
    nodes.forEach((d, i) => {
      d.x = Math.max(pad / 2, Math.min(w - padRight / 2, ox + (x[i] - x0) * ux));
      d.y = Math.max(pad / 2, Math.min(h - pad / 2, oy + (y[i] - y0) * uy));
    });
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

  async function loadNetwork() {
    const f = filters();
    $("network-period").textContent = periodLabel() + (f.actor ? ` · around ${f.actor}` : "");
    const svg = $("network");
    const empty = $("network-empty");
    try {
      const data = await api("api/network", {
        since: f.since, until: f.until, actor: f.actor, top: f.top, modality: f.modality, level: f.level,
      });
      state.network = { nodes: data.nodes, edges: mergeEdges(data.edges) };
      drawNetwork();
    } catch (err) {
      clear(svg);
      state.network = null;
      empty.textContent = `The network could not be loaded: ${detailText(err)}`;
      empty.classList.add("error-text");
      empty.hidden = false;
    }
  }

  function drawNetwork() {
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
      const pick = () => selectDyad(e.a, e.b);
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
        onclick: () => { $("f-actor").value = d.code; apply(); } },
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

  const actorNames = new Map();
  const nameOf = (c) => actorNames.get(c) || c;

  // ---- dyad timeline ---------------------------------------------------------------------------

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

  function dyadParam() {
    if (!state.dyad) return {};
    return { dyad: state.dyad.join(","), both: $("f-both").checked ? "true" : "false" };
  }

  async function loadTimeline() {
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
      drawTimeline(data.rows, f.by);
    } catch (err) {
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

  // ---- events table ----------------------------------------------------------------------------

  // The sentence with the source and target spans marked and the trigger underlined.
  function evidence(ev) {
    const s = ev.sentence || { text: "", start: 0 };
    const text = s.text || "";
    const spans = [];
    const add = (part, cls) => {
      if (!part || part.start === null || part.start === undefined) return;
      const a = part.start - s.start, b = part.end - s.start;
      if (a >= 0 && b <= text.length && a < b) spans.push({ a, b, cls });
    };
    add(ev.source, "src");
    add(ev.target, "tgt");
    add(ev.trigger, "trigger");
    spans.sort((x, y) => x.a - y.a || y.b - x.b);
    const out = el("span", { class: "evidence" });
    let pos = 0;
    for (const sp of spans) {
      if (sp.a < pos) continue; // overlapping spans: the first one wins
      if (sp.a > pos) out.append(text.slice(pos, sp.a));
      const part = text.slice(sp.a, sp.b);
      out.append(sp.cls === "trigger" ? el("span", { class: "trigger", text: part })
        : el("mark", { class: sp.cls, title: sp.cls === "src" ? "source" : "target", text: part }));
      pos = sp.b;
    }
    out.append(text.slice(pos));
    return out;
  }

  function actorCell(a) {
    return el("span", { title: [a.name, a.text].filter(Boolean).join(" · ") }, a.code || a.text);
  }

  function eventRow(ev) {
    return el("tr", { "data-event": ev.event_id },
      el("td", { class: "date", text: ev.date || "–" }),
      el("td", { class: "actors" }, actorCell(ev.source), el("span", { class: "arrow", text: "→" }), actorCell(ev.target)),
      el("td", { class: "ev" },
        el("span", { class: `quad q${ev.quad}`, title: QUADS[ev.quad] || "", text: String(ev.quad) }),
        el("span", { class: "code", text: ev.cameo }), " ", ev.plover || "",
        ev.modality && ev.modality !== "asserted" ? el("span", { class: "modality", text: ev.negated ? "negated" : ev.modality }) : null),
      el("td", { class: "conf", text: round(ev.confidence) }),
      el("td", {}, evidence(ev)));
  }

  async function loadEvents() {
    const f = filters();
    const body = $("events").querySelector("tbody");
    const empty = $("events-empty");
    const params = {
      since: f.since, until: f.until, plover: f.plover, quad: f.quad, modality: f.modality,
      min_confidence: f.min_confidence, limit: PAGE, offset: state.offset,
    };
    let scope;
    if (state.dyad) {
      Object.assign(params, dyadParam());
      scope = `${state.dyad[0]} ${$("f-both").checked ? "⇄" : "→"} ${state.dyad[1]}`;
    } else if (f.actor) {
      params.actor = f.actor;
      scope = `involving ${f.actor}`;
    } else {
      scope = "all actors";
    }
    if (state.eventPeriod) {
      params.since = state.eventPeriod.since > (f.since || "") ? state.eventPeriod.since : f.since;
      params.until = !f.until || state.eventPeriod.until < f.until ? state.eventPeriod.until : f.until;
    }
    const scopeBox = $("events-scope");
    clear(scopeBox);
    scopeBox.append(scope + (state.eventPeriod ? ` · ${state.eventPeriod.label} ` : ""));
    if (state.eventPeriod) {
      scopeBox.append(el("button", { type: "button", class: "icon", title: "Show the whole period", text: "✕",
        onclick: () => { state.eventPeriod = null; state.offset = 0; loadEvents(); } }));
    }
    try {
      const data = await api("api/events", params);
      clear(body);
      data.events.forEach((ev) => body.append(eventRow(ev)));
      const total = data.total;
      $("page-info").textContent = total ? `${num(state.offset + 1)}–${num(state.offset + data.events.length)} of ${num(total)}` : "";
      $("prev").disabled = state.offset <= 0;
      $("next").disabled = state.offset + data.events.length >= total;
      empty.classList.remove("error-text");
      empty.textContent = "No events match these filters.";
      empty.hidden = data.events.length > 0;
      $("events").hidden = data.events.length === 0;
    } catch (err) {
      clear(body);
      $("events").hidden = true;
      $("page-info").textContent = "";
      empty.textContent = `The events could not be loaded: ${detailText(err)}`;
      empty.classList.add("error-text");
      empty.hidden = false;
    }
  }

  // ---- paste box -------------------------------------------------------------------------------

  async function codeArticle(evt) {
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

  // ---- wiring ----------------------------------------------------------------------------------

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

  async function start() {
    readHash();
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
        actorNames.set(a.code, a.name || a.code);
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
})();
