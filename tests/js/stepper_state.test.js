// Unit tests of overrides/assets/js/stepper/state.js (run by tests/unit/test_js_units.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  announcement,
  lostUpdates,
  markers,
  nextSelection,
  runnable,
  whereText,
} from "../../overrides/assets/js/stepper/state.js";

const STATE = {
  step: 3,
  kind: "instruction",
  threads: [
    { id: 4200, name: "MainThread", status: "blocked", waiting_for: "threading.Thread.join()", target: "A", line: 16 },
    { id: 4201, name: "A", status: "ready", line: 9, instr: "STORE_GLOBAL counter", reads: [["counter", "0"]] },
    { id: 4202, name: "B", status: "new", line: null },
    { id: 4203, name: "C", status: "done", line: null },
  ],
  globals: [["counter", "1"]],
};

test("only ready and new threads can run", () => {
  assert.deepEqual(runnable(STATE).map((t) => t.name), ["A", "B"]);
});

test("each status reads as a sentence part", () => {
  assert.equal(whereText(STATE.threads[0]), "waiting in threading.Thread.join() (for A), line 16");
  assert.equal(whereText(STATE.threads[1]), "line 9, next STORE_GLOBAL counter, read counter = 0");
  assert.equal(whereText(STATE.threads[2]), "not started yet");
  assert.equal(whereText(STATE.threads[3]), "finished");
  assert.equal(whereText({ status: "blocked", waiting_for: "Lock.acquire()", held_by: "two", line: 6 }), "waiting in Lock.acquire() (held by two), line 6");
});

test("the announcement names the step, every thread and the shared values", () => {
  const text = announcement(STATE);
  assert.match(text, /^Step 3\. MainThread: waiting/);
  assert.match(text, /A: line 9, next STORE_GLOBAL counter, read counter = 0\./);
  assert.match(text, /Shared: counter = 1\. Choose the thread that runs next\.$/);
  assert.doesNotMatch(announcement({ ...STATE, threads: [STATE.threads[0]] }), /Choose/);
});

test("the selection stays on a thread that can still run, else moves to the first", () => {
  assert.equal(nextSelection(STATE, 4202), 4202);
  assert.equal(nextSelection(STATE, 4200), 4201);
  assert.equal(nextSelection({ ...STATE, threads: [STATE.threads[0]] }, 4200), null);
});

test("markers group live threads by line", () => {
  const byLine = markers(STATE);
  assert.deepEqual([...byLine.keys()].sort(), [16, 9]);
  assert.equal(byLine.get(9)[0].name, "A");
});

test("a lost update is expected minus got", () => {
  assert.equal(lostUpdates("expected 4, got 3\n"), 1);
  assert.equal(lostUpdates("expected 4, got 4\n"), 0);
  assert.equal(lostUpdates("no count here"), null);
});

test("the ending names a lost update, a deadlock, or what to try next", async () => {
  const { ending } = await import("../../overrides/assets/js/stepper/stepper.js");
  assert.match(ending({ status: "ok" }, 12, "lost-update", "expected 4, got 3\n"), /^You made the threads lose an update after 12 steps: expected 4, got 3\./);
  assert.match(ending({ status: "ok" }, 1, "lost-update", "expected 4, got 4\n"), /^No update lost after 1 step:/);
  assert.match(ending({ status: "deadlock" }, 9, undefined, ""), /^Deadlock after 9 steps/);
  assert.equal(ending({ status: "ok" }, 3, undefined, "hi\n"), "The program finished after 3 steps.");
  assert.match(ending({ status: "stopped" }, 3, undefined, ""), /ended \(stopped\)/);
  assert.match(ending({ status: "ok" }, 0, undefined, "hi\n", false), /^Nothing to schedule/);
});
