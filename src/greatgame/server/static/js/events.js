/* The events table: one page of real-world events for the filters, the dyad or the period picked, each
   with a toggle that unfolds the mentions (sentences, publishers) behind it. */

import { api, detailText } from "./api.js";
import { $, clear, el, num, round } from "./dom.js";
import { dyadParam, filters, PAGE, state } from "./state.js";

const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

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

// How the coder resolved an actor, where the record says (docs/records.md): linked_to, country_from, office_from.
function resolvedHow(a) {
  const how = [];
  if (Array.isArray(a.linked_to)) how.push(`linked to the mention at ${a.linked_to[0]}–${a.linked_to[1]}`);
  if (a.country_from) how.push(`country from ${a.country_from}`);
  if (a.office_from === "latest") how.push("latest office (the text has no date)");
  return how;
}

function actorCell(a) {
  return el("span", { title: [a.name, a.text, ...resolvedHow(a)].filter(Boolean).join(" · ") }, a.code || a.text);
}

const plural = (n, word) => `${num(n)} ${word}${n === 1 ? "" : "s"}`;

// A mention of an event: one sentence that reports it, with who published it.
function mentionRow(m) {
  const row = eventRow(m);
  row.classList.add("mention");
  row.lastChild.append(el("span", { class: "publisher", text: ` — ${m.publisher || m.doc_id}` }));
  return row;
}

// The toggle under an event's evidence that unfolds (and folds again) the mentions behind it.
function mentionsToggle(ev, row) {
  const label = `${plural(ev.num_mentions, "mention")} · ${plural(ev.num_sources, "source")} · ${plural(ev.num_articles, "article")}`;
  const button = el("button", { type: "button", class: "mentions-toggle", "aria-expanded": "false", text: `▸ ${label}` });
  let shown = [];
  button.onclick = () => {
    if (shown.length) {
      shown.forEach((r) => r.remove());
      shown = [];
      button.setAttribute("aria-expanded", "false");
      button.textContent = `▸ ${label}`;
      return;
    }
    shown = ev.mentions.map(mentionRow);
    row.after(...shown);
    button.setAttribute("aria-expanded", "true");
    button.textContent = `▾ ${label}`;
  };
  return el("div", { class: "mentions" }, button);
}

export function eventRow(ev) {
  const row = el("tr", { "data-event": ev.event_id },
    el("td", { class: "date", text: ev.date || "–" }),
    el("td", { class: "actors" }, actorCell(ev.source), el("span", { class: "arrow", text: "→" }), actorCell(ev.target)),
    el("td", { class: "ev" },
      el("span", { class: `quad q${ev.quad}`, title: QUADS[ev.quad] || "", text: String(ev.quad) }),
      el("span", { class: "code", text: ev.cameo }), " ", ev.plover || "",
      ev.modality && ev.modality !== "asserted" ? el("span", { class: "modality", text: ev.negated ? "negated" : ev.modality }) : null),
    el("td", { class: "conf", text: round(ev.confidence) }),
    el("td", {}, evidence(ev)));
  if (Array.isArray(ev.mentions) && ev.mentions.length) row.lastChild.append(mentionsToggle(ev, row));
  return row;
}

// Each load numbers itself; an answer to an older load (filters changed while it ran) is dropped.
let latestEvents = 0;

export async function loadEvents() {
  const mine = ++latestEvents;
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
    if (mine !== latestEvents) return;
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
    if (mine !== latestEvents) return;
    clear(body);
    $("events").hidden = true;
    $("page-info").textContent = "";
    empty.textContent = `The events could not be loaded: ${detailText(err)}`;
    empty.classList.add("error-text");
    empty.hidden = false;
  }
}
