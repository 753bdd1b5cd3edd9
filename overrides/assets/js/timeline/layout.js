// Events -> swim-lane layout, for a live run: the same algorithm as
// sitebuild/timeline_layout.py (see there for the rules), so recorded and live
// timelines are one format drawn one way. A browser test compares both.

import { geometry } from "./geometry.js";
import { WAIT_TYPES, describe } from "./text.js";

const MARKED = { output: "output", "event-set": "signal", notify: "signal" };
const SUMMARISED = "events past the recording's limit: counted, not drawn (see the table)";

// An open segment; row: the event (table row) that began a sleep or wait.
function state(name, t, what = "", line = null, row = null) {
  return { state: name, t0: t, what: name === "summarised" && !what ? SUMMARISED : what, line, row };
}

function close(lane, open, t) {
  if (open && t > open.t0) lane.segs.push({ state: open.state, t0: open.t0, what: open.what, line: open.line, row: open.row, t1: t });
}

// From the first "skipped" event on, states are counted, not known: every open lane
// turns summarised, and lanes that start later start summarised.
function beginSummary(ctx, t) {
  ctx.first = "summarised";
  for (const [name, open] of ctx.states) {
    if (open && open.state !== "summarised") {
      close(ctx.lanes[ctx.index.get(name)], open, t);
      ctx.states.set(name, state(ctx.first, t));
    }
  }
}

function laneOf(ctx, thread, t) {
  if (!ctx.index.has(thread)) {
    ctx.index.set(thread, ctx.lanes.length);
    ctx.lanes.push({ thread, target: "", t0: t, t1: null, segs: [] });
  }
  return ctx.lanes[ctx.index.get(thread)];
}

function pairLock(ctx, e, row) {
  if (e.type === "lock-release") ctx.released.set(e.lock, [e.thread, e.t, row]);
  else if (e.type === "lock-acquire" && ctx.released.has(e.lock)) {
    const [frm, t0, relRow] = ctx.released.get(e.lock);
    ctx.released.delete(e.lock);
    ctx.pairs.push({ lock: e.lock, frm, to: e.thread, t0, t1: e.t, rows: [relRow, row], line: e.line ?? null });
  }
}

// One event: the thread's new state, and any marker or lock pairing it makes.
function track(ctx, e, row) {
  const { type: kind, t, thread } = e;
  if (kind === "skipped" && ctx.first === "running") beginSummary(ctx, t);
  if (thread == null) return;
  const lane = laneOf(ctx, thread, t);
  let open = ctx.states.has(thread) ? ctx.states.get(thread) : state(ctx.first, lane.t0);
  if (kind === "thread-start") {
    lane.t0 = Math.min(lane.t0, t);
    lane.target = e.target || "";
    lane.t1 = null; // a name may be reused
    ctx.states.set(thread, state(ctx.first, t));
    return;
  }
  if (lane.t1 != null) open = null; // ended (e.g. joins at interpreter exit): markers only
  else if (open && (open.state === "sleeping" || open.state === "waiting") && kind !== "skipped") {
    close(lane, open, t); // any event of its own ends a wait
    open = state("running", t);
  }
  if (open == null) pairLock(ctx, e, row);
  else if (kind === "sleep" || WAIT_TYPES.has(kind)) {
    close(lane, open, t);
    open = state(kind === "sleep" ? "sleeping" : "waiting", t, describe(e), e.line ?? null, row);
  } else if (kind === "thread-end") {
    close(lane, open, t);
    lane.t1 = t;
    open = null;
  } else if (kind === "skipped" && open && open.state !== "summarised") {
    close(lane, open, t);
    open = state("summarised", t, describe(e));
  } else pairLock(ctx, e, row);
  if (kind in MARKED) ctx.markers.push({ kind: MARKED[kind], thread, t, row, what: describe(e), line: e.line ?? null });
  ctx.states.set(thread, open);
}

export function layout(allEvents, durationMs = null) {
  const events = allEvents.filter((e) => e.type !== "exit");
  let tEnd = Math.max(durationMs || 0, 0.001);
  for (const e of events) tEnd = Math.max(tEnd, e.t);
  const ctx = { lanes: [], index: new Map(), states: new Map(), markers: [], pairs: [], released: new Map(), first: "running" };
  events.forEach((e, row) => track(ctx, e, row));
  for (const [thread, open] of ctx.states) if (open) close(ctx.lanes[ctx.index.get(thread)], open, tEnd);
  return geometry(ctx.lanes, ctx.markers, ctx.pairs, events, tEnd);
}
