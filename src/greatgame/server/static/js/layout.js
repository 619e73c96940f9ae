/* Placing the network's nodes: a small deterministic force layout. */

// A small force layout in the manner of ForceAtlas2: nodes repel in proportion to their degrees
// (so hubs push apart rather than pile up), edges pull linearly, a weak pull keeps the centre.
export function layout(nodes, edges, w, h) {
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
