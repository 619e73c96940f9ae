/* What the page shows: the filter form, the chosen dyad and period, and their copy in the URL's hash. */

import { $, round } from "./dom.js";

export const PAGE = 25;

export const state = {
  meta: null,
  stats: null,
  network: null,     // {nodes, edges} as drawn (edges merged over both directions)
  dyad: null,        // [a, b] or null
  eventPeriod: null, // {since, until, label} picked from the timeline, or null
  offset: 0,
};

// Actor code -> name, from /api/actors.
const actorNames = new Map();
export const setActorName = (c, name) => actorNames.set(c, name);
export const nameOf = (c) => actorNames.get(c) || c;

export const code = (s) => (s || "").trim().toUpperCase();

export function filters() {
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

export function writeHash() {
  const f = filters();
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  if (state.dyad) p.set("dyad", state.dyad.join(","));
  if (!$("f-both").checked) p.set("directed", "1");
  history.replaceState(null, "", "#" + p.toString());
}

export function readHash() {
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

export function periodLabel() {
  const { since, until } = filters();
  if (!since && !until) return "all dates";
  if (since && until) return `${since} – ${until}`;
  return since ? `from ${since}` : `until ${until}`;
}

// The API's dyad parameters for the chosen pair, or none.
export function dyadParam() {
  if (!state.dyad) return {};
  return { dyad: state.dyad.join(","), both: $("f-both").checked ? "true" : "false" };
}
