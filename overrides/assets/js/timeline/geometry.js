// Layout geometry: x/y in SVG user units, titles, axis, table rows. The same as
// sitebuild/timeline_geometry.py (a browser test compares both on recorded events).

import { binMarkers, binSegments } from "./bins.js";
import { describe, fmtMs, thousands } from "./text.js";

export const [WIDTH, PAD, LANE_H, BAR_Y, BAR_H, TOP, AXIS_H] = [640, 8, 46, 18, 18, 4, 26];
export const [MAX_SEGMENTS, MAX_MARKERS, MAX_ROWS] = [400, 300, 400];
const STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 60000, 1e9];

const round2 = (v) => Math.round(v * 100) / 100;
const tall = (state) => state === "running" || state === "summarised";

function title(thread, s) {
  const what = s.what ? `: ${s.what}` : "";
  const line = s.line ? ` (line ${s.line})` : "";
  return `${thread} ${s.state} ${fmtMs(s.t0)} – ${fmtMs(s.t1)}${what}${line}`;
}

export function geometry(lanes, markers, pairs, events, tEnd) {
  const scale = (WIDTH - 2 * PAD) / tEnd;
  const x = (t) => round2(PAD + t * scale);
  const bar = (i) => TOP + i * LANE_H + BAR_Y;
  const index = new Map(lanes.map((lane, i) => [lane.thread, i]));
  for (const p of pairs.filter((pair) => pair.frm !== pair.to)) {
    const what = `${p.lock}: released by ${p.frm} at ${fmtMs(p.t0)}, acquired by ${p.to}`;
    markers.push({ kind: "handoff", thread: p.to, t: p.t1, row: p.rows[1], what, line: p.line, frm: p.frm, t0: p.t0 });
  }
  markers.sort((a, b) => a.t - b.t || a.row - b.row);
  let aggregated = markers.length > MAX_MARKERS;
  if (aggregated) markers = binMarkers(markers, tEnd, MAX_MARKERS);
  const outLanes = lanes.map((lane, i) => {
    let segs = lane.segs;
    if (segs.length > MAX_SEGMENTS) {
      segs = binSegments(segs, tEnd);
      aggregated = true;
    }
    const y = bar(i);
    const t1 = lane.t1 ?? tEnd;
    const segments = segs.map((s) => ({
      ...s,
      x: x(s.t0),
      w: Math.max(round2((s.t1 - s.t0) * scale), 0.6),
      y: tall(s.state) ? y : y + 4,
      h: tall(s.state) ? BAR_H : BAR_H - 8,
    }));
    for (const s of segments) s.title = title(lane.thread, s);
    return { thread: lane.thread, target: lane.target, t0: lane.t0, t1, ended: lane.t1 != null, y, label_y: y - 5, x0: x(lane.t0), x1: x(t1), segments };
  });
  for (const m of markers) {
    const line = m.line ? ` · line ${m.line}` : "";
    Object.assign(m, { x: x(m.t), y: bar(index.get(m.thread)) + BAR_H / 2, detail: `${fmtMs(m.t)} · ${m.thread} · ${m.what}${line}` });
    if (m.kind === "handoff" && "frm" in m) Object.assign(m, { x0: x(m.t0), y0: bar(index.get(m.frm)) + BAR_H / 2 });
  }
  const height = TOP + lanes.length * LANE_H + AXIS_H;
  return {
    width: WIDTH,
    height,
    t_end: tEnd,
    aggregated,
    lanes: outLanes,
    markers,
    pairs: pairs.length,
    ticks: ticks(tEnd, x, height - AXIS_H + 4),
    rows: events.slice(0, MAX_ROWS).map((e) => ({ t: fmtMs(e.t), thread: e.thread || "", what: describe(e), line: e.line || "" })),
    hidden: hidden(events),
    summarised: outLanes.some((lane) => lane.segments.some((s) => s.state === "summarised")),
    caption: caption(outLanes, tEnd),
  };
}

function ticks(tEnd, x, y) {
  const step = STEPS.find((s) => tEnd / s <= 6);
  const count = Math.floor(tEnd / step) + 1;
  return Array.from({ length: count }, (_, i) => ({ x: x(i * step), y, text: i ? fmtMs(i * step) : "0" }));
}

function hidden(events) {
  const counts = new Map();
  for (const e of events.slice(MAX_ROWS)) counts.set(e.type, (counts.get(e.type) || 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([kind, n]) => `${thousands(n)} × ${kind}`);
}

function caption(lanes, tEnd) {
  const ends = [...lanes]
    .sort((a, b) => a.t1 - b.t1)
    .filter((lane) => lane.ended)
    .map((lane) => `${lane.thread} ended at ${fmtMs(lane.t1)}`);
  const threads = `${lanes.length} thread${lanes.length !== 1 ? "s" : ""} over ${fmtMs(tEnd)}`;
  const starts = lanes.flatMap((lane) => lane.segments.filter((s) => s.state === "summarised").map((s) => s.t0));
  const counted = starts.length
    ? ` From ${fmtMs(Math.min(...starts))} on, events were counted rather than logged one by one: those parts are drawn summarised (the table says how many).`
    : "";
  return `${threads}. ${ends.length ? `${ends.join("; ")}.` : ""}${counted}`;
}
