// The dashboard's watch panel: sources and their health, and recent alerts (from `greatgame watch`).
// An ES module of its own; it adds one panel to <main> and reads /api/sources and /api/alerts.

const REFRESH_MS = 60_000;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}

function table(headers, rows) {
  const body = el("tbody");
  for (const cells of rows) body.append(el("tr", {}, ...cells.map((c) => el("td", {}, c))));
  return el("table", { class: "events" }, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", {}, h)))), body);
}

async function getJSON(url) {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    const err = await res.json().catch(() => null);
    throw new Error(err?.error?.message || `HTTP ${res.status}`);
  }
  return res.json();
}

function sourcesView(data) {
  if (!data.sources.length) return el("div", { class: "empty" }, "No sources watched yet: run `greatgame watch FEED --db …`.");
  return table(
    ["Source", "Health", "Last check", "Status", "Ingested", "Pending", "Failed", "Last error"],
    data.sources.map((s) => [
      el("span", { class: `watch-${s.health}`, title: s.kind || "" }, s.url),
      s.health, s.last_checked || "–", String(s.last_status ?? "–"),
      String(s.ingested), String(s.pending), String(s.failed), s.last_error || "",
    ]),
  );
}

function alertSummary(a) {
  if (a.kind === "shift") {
    return `${a.dyad.join("–")} turned ${a.direction} in ${a.period} (${a.by}): cooperation share ` +
      `${Math.round(a.coop_share * 100)}% against ${Math.round(a.past_coop_share * 100)}% before, z = ${a.z}`;
  }
  return `material conflict ${a.dyad.join(" → ")} (${a.cameo}) on ${a.date || "an unknown date"}`;
}

function alertsView(data) {
  if (!data.alerts.length) return el("div", { class: "empty" }, "No alerts raised.");
  return table(
    ["Raised", "Kind", "What", "Evidence"],
    data.alerts.map((a) => [
      a.raised_at, a.kind, alertSummary(a),
      el("ul", {}, ...a.events.slice(0, 3).map((e) => el("li", {}, `${e.date || ""} ${e.dyad.join(" → ")} ${e.cameo}: “${e.sentence}”`))),
    ]),
  );
}

async function refresh(panel) {
  const status = panel.querySelector("#watch-status");
  try {
    const [sources, alerts] = await Promise.all([getJSON("api/sources"), getJSON("api/alerts?limit=20")]);
    panel.querySelector("#watch-sources").replaceChildren(sourcesView(sources));
    panel.querySelector("#watch-alerts").replaceChildren(alertsView(alerts));
    status.textContent = `${sources.total} sources · ${alerts.total} alerts`;
  } catch (err) {
    status.textContent = `watch data unavailable: ${err.message}`;
  }
}

function mount() {
  const main = document.querySelector("main");
  if (!main) return;
  const panel = el("section", { class: "panel", id: "watch-panel", "aria-labelledby": "watch-title" },
    el("div", { class: "panel-head" }, el("h2", { id: "watch-title" }, "Watch ", el("span", { class: "sub", id: "watch-status" }, ""))),
    el("h3", {}, "Recent alerts"), el("div", { id: "watch-alerts" }),
    el("h3", {}, "Sources"), el("div", { id: "watch-sources" }));
  main.append(panel);
  refresh(panel);
  setInterval(() => refresh(panel), REFRESH_MS);
}

mount();
