// The live timeline's pure modules (overrides/assets/js/timeline/): layout, words,
// summaries of long runs. The browser test test_timeline.py checks the same layout
// against the build's Python one on every recording.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { layout } from "../../overrides/assets/js/timeline/layout.js";
import { describe, fmtMs } from "../../overrides/assets/js/timeline/text.js";

const recorded = (name) =>
  JSON.parse(readFileSync(new URL(`../../examples/recorded/${name}.json`, import.meta.url), "utf8"));

test("create_threads: B's lane ends well left of A's", () => {
  const run = recorded("create_threads").runs[0];
  const plan = layout(run.events, run.duration * 1000);
  const byTarget = Object.fromEntries(plan.lanes.filter((l) => l.target).map((l) => [l.target, l]));
  const [a, b] = [byTarget["worker('A', 2)"], byTarget["worker('B', 1)"]];
  assert.ok(a.ended && b.ended);
  assert.ok(b.x1 < a.x1 - 150, `${b.x1} vs ${a.x1}`);
  assert.equal(plan.markers.filter((m) => m.kind === "output").length, 4);
  assert.equal(plan.rows.length, run.events.length);
});

test("a hand-off is an arrow from the releasing lane to the acquiring one", () => {
  const plan = layout([
    { type: "thread-start", t: 0, thread: "A" },
    { type: "thread-start", t: 0, thread: "B" },
    { type: "lock-acquire", t: 1, thread: "A", lock: "lock-1" },
    { type: "lock-wait", t: 2, thread: "B", lock: "lock-1", line: 9 },
    { type: "lock-release", t: 5, thread: "A", lock: "lock-1" },
    { type: "lock-acquire", t: 6, thread: "B", lock: "lock-1", line: 9 },
  ]);
  const [handoff] = plan.markers.filter((m) => m.kind === "handoff");
  assert.equal(handoff.frm, "A");
  assert.equal(handoff.thread, "B");
  assert.ok(handoff.x0 < handoff.x && handoff.y0 < handoff.y);
  assert.match(handoff.detail, /^6\.0 ms · B · lock-1: released by A at 5\.0 ms, acquired by B · line 9$/);
  const waits = plan.lanes[1].segments.filter((s) => s.state === "waiting");
  assert.deepEqual(waits.map((s) => [s.t0, s.t1]), [[2, 6]]);
});

test("live events without a wake-up: the thread's next event ends its wait", () => {
  const plan = layout([
    { type: "thread-start", t: 0, thread: "MainThread" },
    { type: "sleep", t: 1, thread: "MainThread", seconds: 0.05 },
    { type: "switch", t: 51, thread: "MainThread", frm: "T" },
    { type: "exit", t: 60, thread: null, status: "ok" },
  ]);
  const [sleep] = plan.lanes[0].segments.filter((s) => s.state === "sleeping");
  assert.deepEqual([sleep.t0, sleep.t1], [1, 51]);
  assert.equal(plan.rows.length, 3); // the exit event is not a row
});

test("10,000+ events are summarised in bins, and counted past the table", () => {
  const events = [{ type: "thread-start", t: 0, thread: "MainThread" }];
  for (let i = 0; i < 6000; i++) {
    events.push({ type: "lock-wait", t: i, thread: "MainThread", lock: "L" });
    events.push({ type: "lock-acquire", t: i + 0.5, thread: "MainThread", lock: "L" });
  }
  const plan = layout(events);
  assert.ok(plan.aggregated);
  assert.ok(plan.lanes[0].segments.length <= 160);
  assert.match(plan.lanes[0].segments[0].what, /^mostly (running|waiting) \(\d+% running, \d+% waiting; [\d,]+ segments\)$/);
  assert.equal(plan.rows.length, 400);
  assert.deepEqual(plan.hidden, ["5,801 × lock-acquire", "5,800 × lock-wait"]); // 1 + 12,000 events, 400 rows
});

test("times are formatted like Python's format(), ties to even", () => {
  assert.equal(fmtMs(36.15), "36.1 ms"); // the double is just below 36.15
  assert.equal(fmtMs(0.25), "0.2 ms"); // an exact tie: to even
  assert.equal(fmtMs(0.75), "0.8 ms");
  assert.equal(fmtMs(250.5), "250 ms");
  assert.equal(fmtMs(1234.5), "1.23 s");
  assert.equal(describe({ type: "sleep", seconds: 2 }), "sleeps 2 s");
  assert.equal(describe({ type: "resume", ok: false }), "gave up waiting (timeout)");
});
