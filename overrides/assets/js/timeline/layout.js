// Events -> swim-lane layout, for a live run: the same algorithm as
// sitebuild/timeline_layout.py (see there for the rules), so recorded and live
// timelines are one format drawn one way. A browser test compares both.

import { geometry } from "./geometry.js";
import { WAIT_TYPES, describe } from "./text.js";

const MARKED = { output: "output", "event-set": "signal", notify: "signal" };
const SUMMARISED = "events past the recording's limit: counted, not drawn (see the table)";

function state(name, t, what = "", line = null) {
  return { state: name, t0: t, what: name === "summarised" && !what ? SUMMARISED : what, line };
}

function close(lane, open, t) {
  if (open && t > open.t0) lane.segs.push({ ...open, t1: t });
}

export function layout(allEvents, durationMs = null) {
  const events = allEvents.filter((e) => e.type !== "exit");
  const tEnd = Math.max(durationMs || 0, 0.001, ...events.map((e) => e.t));
  const lanes = [];
  const index = new Map();
  const states = new Map();
  const markers = [];
  const pairs = [];
  const released = new Map();
  let first = "running"; // after the first "skipped": states are counted, not known
  const laneOf = (thread, t) => {
    if (!index.has(thread)) {
      index.set(thread, lanes.length);
      lanes.push({ thread, target: "", t0: t, t1: null, segs: [] });
    }
    return lanes[index.get(thread)];
  };
  events.forEach((e, row) => {
    const { type: kind, t, thread } = e;
    if (kind === "skipped" && first === "running") {
      first = "summarised";
      for (const [name, open] of states) {
        if (open && open.state !== "summarised") {
          close(lanes[index.get(name)], open, t);
          states.set(name, state(first, t));
        }
      }
    }
    if (thread == null) return;
    const lane = laneOf(thread, t);
    let open = states.has(thread) ? states.get(thread) : state(first, lane.t0);
    if (kind === "thread-start") {
      lane.t0 = Math.min(lane.t0, t);
      lane.target = e.target || "";
      states.set(thread, state(first, t));
      return;
    }
    if (open && (open.state === "sleeping" || open.state === "waiting") && kind !== "skipped") {
      close(lane, open, t); // any event of its own ends a wait
      open = state("running", t);
    }
    if (kind === "sleep" || WAIT_TYPES.has(kind)) {
      close(lane, open, t);
      open = state(kind === "sleep" ? "sleeping" : "waiting", t, describe(e), e.line ?? null);
    } else if (kind === "thread-end") {
      close(lane, open, t);
      lane.t1 = t;
      open = null;
    } else if (kind === "skipped" && open && open.state !== "summarised") {
      close(lane, open, t);
      open = state("summarised", t, describe(e));
    } else if (kind === "lock-release") {
      released.set(e.lock, [thread, t, row]);
    } else if (kind === "lock-acquire" && released.has(e.lock)) {
      const [frm, t0, relRow] = released.get(e.lock);
      released.delete(e.lock);
      pairs.push({ lock: e.lock, frm, to: thread, t0, t1: t, rows: [relRow, row], line: e.line ?? null });
    }
    if (kind in MARKED) {
      markers.push({ kind: MARKED[kind], thread, t, row, what: describe(e), line: e.line ?? null });
    }
    states.set(thread, open);
  });
  for (const [thread, open] of states) if (open) close(lanes[index.get(thread)], open, tEnd);
  return geometry(lanes, markers, pairs, events, tEnd);
}
