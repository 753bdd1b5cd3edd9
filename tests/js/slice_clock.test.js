// The preemption buffer's states (threads/slice_clock.js), with a fake signal clock.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  DEFER_CHECKS,
  IDLE_POLL,
  SIGVTALRM,
  SliceClock,
  WALL_POLL,
} from "../../overrides/assets/js/threads/slice_clock.js";

function clockWith(start = 0) {
  const calls = [];
  const time = { now: start };
  const clock = new SliceClock({ setClock: (n) => calls.push(n), now: () => time.now });
  return { clock, calls, time };
}

test("off: polls answer 0 and poll again after the idle interval", () => {
  const { clock, calls } = clockWith();
  clock.arm(); // no run: arming does nothing
  assert.equal(clock.poll(), 0);
  assert.deepEqual(calls, [IDLE_POLL]);
});

test("wall: the slice ends once its milliseconds have passed", () => {
  const { clock, calls, time } = clockWith(100);
  clock.begin("wall", null, 5, 20000);
  clock.arm();
  assert.equal(calls.at(-1), WALL_POLL);
  time.now = 104;
  assert.equal(clock.poll(), 0);
  time.now = 105;
  assert.equal(clock.poll(), SIGVTALRM);
  assert.equal(calls.at(-1), IDLE_POLL);
  assert.equal(clock.poll(), 0, "disarmed after the slice ends");
  assert.equal(clock.slices, 1);
});

test("counted: the same seed gives the same slice lengths", () => {
  const lengths = () => {
    const { clock, calls } = clockWith();
    clock.begin("counted", 42, 5, 1000);
    for (let i = 0; i < 5; i++) {
      clock.arm();
      assert.equal(clock.poll(), SIGVTALRM, "the scheduled poll ends the slice");
    }
    return calls.filter((n) => n !== IDLE_POLL);
  };
  const first = lengths();
  assert.deepEqual(lengths(), first);
  assert.ok(first.every((n) => n >= 500 && n <= 1500), `${first} within 0.5-1.5 x checks`);
  assert.ok(new Set(first).size > 1, "lengths vary");
});

test("disarm: a blocked thread's slice never fires", () => {
  const { clock, time } = clockWith();
  clock.begin("wall", null, 5, 0);
  clock.arm();
  clock.disarm();
  time.now = 1000;
  assert.equal(clock.poll(), 0);
  assert.equal(clock.slices, 0);
});

test("defer: SIGVTALRM again a few checks later, even when disarmed", () => {
  const { clock, calls } = clockWith();
  clock.begin("wall", null, 5, 0);
  clock.defer();
  assert.equal(calls.at(-1), DEFER_CHECKS);
  assert.equal(clock.poll(), SIGVTALRM);
  assert.equal(clock.poll(), 0);
});

test("end: back to off, and a new run counts its own slices", () => {
  const { clock, calls } = clockWith();
  clock.begin("counted", 1, 5, 10);
  clock.arm();
  clock.poll();
  clock.end();
  assert.equal(calls.at(-1), IDLE_POLL);
  clock.arm();
  assert.equal(clock.poll(), 0);
  clock.begin("counted", 1, 5, 10);
  assert.equal(clock.slices, 0);
});
