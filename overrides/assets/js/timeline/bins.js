// Summaries of a long run: many segments or markers -> a few bins. The same as
// sitebuild/timeline_bins.py; nothing is dropped, a bin says what it stands for.

import { thousands } from "./text.js";

export const BINS = 160;
const ORDER = ["running", "waiting", "sleeping", "summarised"];
const pct = (v) => `${Math.round(v * 100)}%`;

export function binSegments(segments, tEnd) {
  const width = tEnd / BINS;
  const time = Array.from({ length: BINS }, () => Object.fromEntries(ORDER.map((k) => [k, 0])));
  const count = new Array(BINS).fill(0);
  for (const s of segments) {
    const first = Math.min(Math.floor(s.t0 / width), BINS - 1);
    const last = Math.min(Math.floor(s.t1 / width), BINS - 1);
    count[first] += 1;
    for (let b = first; b <= last; b++) {
      const overlap = Math.min(s.t1, (b + 1) * width) - Math.max(s.t0, b * width);
      time[b][s.state] += Math.max(overlap, 0);
    }
  }
  const out = [];
  for (let b = 0; b < BINS; b++) {
    const total = ORDER.reduce((sum, k) => sum + time[b][k], 0);
    if (!total) continue;
    const main = ORDER.reduce((best, k) => (time[b][k] > time[b][best] ? k : best), ORDER[0]);
    const prev = out[out.length - 1];
    if (prev && prev.state === main && prev.t1 >= b * width - 1e-9) {
      prev.t1 = (b + 1) * width;
      prev.n += count[b];
      for (const k of ORDER) prev.mix[k] += time[b][k];
      continue;
    }
    out.push({ state: main, t0: b * width, t1: (b + 1) * width, n: count[b], mix: { ...time[b] }, line: null, row: null });
  }
  return out.map(({ mix, n, ...s }) => {
    const total = ORDER.reduce((sum, k) => sum + mix[k], 0);
    const parts = ORDER.filter((k) => mix[k]).map((k) => `${pct(mix[k] / total)} ${k}`);
    return { ...s, what: `mostly ${s.state} (${parts.join(", ")}; ${thousands(n)} segments)` };
  });
}

// Bins as wide as needed for about `limit` markers in all.
export function binMarkers(markers, tEnd, limit) {
  const kinds = new Set(markers.map((m) => JSON.stringify([m.thread, m.kind]))).size;
  const bins = Math.max(4, Math.min(BINS, Math.floor(limit / kinds)));
  const width = tEnd / bins;
  const groups = new Map();
  for (const m of markers) {
    const key = JSON.stringify([m.thread, m.kind, Math.min(Math.floor(m.t / width), bins - 1)]);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m);
  }
  const out = [];
  for (const group of groups.values()) {
    const first = group[0];
    const what = group.length === 1 ? first.what : `${thousands(group.length)} × ${first.kind}, first: ${first.what}`;
    out.push({ kind: first.kind, thread: first.thread, t: first.t, row: first.row, what, line: first.line, n: group.length });
  }
  return out.sort((a, b) => a.t - b.t || a.row - b.row);
}
