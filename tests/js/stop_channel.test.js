// The stop flag (runner/stop_channel.js): the page raises it, the worker's Python reads
// SIGINT from it once per Stop; blob URLs are probed at most every CHECK_MS.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CHECK_MS, SIGINT, StopFlag, openStopChannel } from "../../overrides/assets/js/runner/stop_channel.js";

function blobFlag() {
  const revoked = new Set();
  const env = {
    URL: { createObjectURL: () => `blob:${revoked.size}`, revokeObjectURL: (u) => revoked.add(u) },
    Blob: class {},
  };
  let clock = 0;
  const probes = [];
  const flag = new StopFlag({
    now: () => clock,
    answers: (url) => (probes.push(url), !revoked.has(url)),
  });
  return { channel: openStopChannel(env), flag, tick: (ms) => (clock += ms), probes, revoked };
}

test("a revoked blob URL reads as SIGINT once, at the first probe CHECK_MS on", () => {
  const { channel, flag, tick, probes } = blobFlag();
  flag.arm(channel.token);
  assert.equal(flag[0], 0);
  assert.deepEqual(probes, [], "no probe before CHECK_MS");
  tick(CHECK_MS);
  assert.equal(flag[0], 0);
  channel.raise();
  tick(CHECK_MS - 1);
  assert.equal(flag[0], 0, "between probes nothing is asked");
  tick(1);
  assert.equal(flag[0], SIGINT);
  tick(CHECK_MS);
  assert.equal(flag[0], 0, "one Stop, one KeyboardInterrupt");
  assert.equal(probes.length, 2);
});

test("the page's stop message is delivered at the next poll, without a probe", () => {
  const { channel, flag, probes } = blobFlag();
  flag.arm(channel.token);
  flag.raise();
  assert.equal(flag[0], SIGINT);
  assert.equal(flag[0], 0);
  assert.deepEqual(probes, []);
});

test("a disarmed flag reads 0 and ignores stops meant for the run before", () => {
  const { channel, flag, tick } = blobFlag();
  flag.arm(channel.token);
  flag.disarm();
  channel.close();
  flag.raise();
  tick(10 * CHECK_MS);
  assert.equal(flag[0], 0);
  flag[0] = 0; // CPython writes back: harmless
});

test("close() after a raise revokes once", () => {
  const { channel, revoked } = blobFlag();
  channel.raise();
  channel.close();
  assert.equal(revoked.size, 1);
});

test("cross-origin isolated pages share a memory cell instead", () => {
  const channel = openStopChannel({ crossOriginIsolated: true, SharedArrayBuffer });
  const flag = new StopFlag({ answers: () => assert.fail("no probe with shared memory") });
  flag.arm(channel.token);
  assert.equal(flag[0], 0);
  channel.raise();
  assert.equal(flag[0], SIGINT);
  assert.equal(flag[0], 0);
});

test("a held flag reads 0 to CPython but take() still delivers the Stop, once", () => {
  const { channel, flag } = blobFlag();
  flag.arm(channel.token);
  flag.raise();
  flag.hold(true);
  assert.equal(flag[0], 0, "the event loop's Python, while a sleep is suspended, hears nothing");
  assert.equal(flag.take(), SIGINT, "the sleep asks for itself when it wakes");
  flag.hold(false);
  assert.equal(flag[0], 0, "one Stop, one KeyboardInterrupt");
});

test("a new run starts with the flag let go", () => {
  const { channel, flag } = blobFlag();
  flag.arm(channel.token);
  flag.hold(true);
  flag.arm(channel.token);
  flag.raise();
  assert.equal(flag[0], SIGINT);
});
