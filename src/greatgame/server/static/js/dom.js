/* Small DOM helpers: look up by id, build HTML and SVG elements, format numbers. */

const SVGNS = "http://www.w3.org/2000/svg";
const SVG_TAGS = ["svg", "g", "path", "line", "circle", "rect", "text", "title", "polyline"];

export const $ = (id) => document.getElementById(id);

// el("div", {class: "x", text: "…", onclick: f}, child, …): attributes, listeners and children in one call.
export function el(tag, attrs, ...children) {
  const node = SVG_TAGS.includes(tag) ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
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

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

const fmt = new Intl.NumberFormat("en");
export const num = (x) => (x === null || x === undefined ? "–" : fmt.format(x));
export const round = (x, d = 2) => (x === null || x === undefined ? "–" : Number(x).toFixed(d));
