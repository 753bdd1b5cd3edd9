// The stop flag (runner/stop_channel.js): the page raises it, the worker's Python reads
// SIGINT from it once per Stop, through shared memory, the page's stop file or the blob
// URL; reads that cost time are spaced by their cost (stop_probe.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { OPEN_TRIES, SIGINT, StopFlag, openStopChannel } from "../../overrides/assets/js/runner/stop_channel.js";
import { CHECK_MS, MIN_CHECK_MS, PROBE_SHARE } from "../../overrides/assets/js/runner/stop_probe.js";

// A page and a worker sharing a fake clock; every XHR probe costs `cost` ms of it.
function blobFlag({ cost = 2.5, writer = null, clock = { t: 0 } } = {}) {
  const revoked = new Set();
  const env = {
    URL: { createObjectURL: () => `blob:${revoked.size}`, revokeObjectURL: (u) => revoked.add(u) },
    Blob: class {},
  };
  const probes = [];
  const flag = new StopFlag({
    now: () => clock.t,
    answers: (url) => {
      probes.push(url);
      clock.t += cost;
      return !revoked.has(url);
    },
    openFile: async (name) => writer?.files.get(name) ?? null,
  });
  const tick = (ms) => (clock.t += ms);
  return { channel: openStopChannel(env, () => writer), flag, tick, probes, revoked, clock };
}

// What stop_file.js gives both sides, in memory: the page's writer and the worker's file,
// whose reads cost `cost` ms.
function fakeWriter({ cost = 0, clock }) {
  const state = { nonce: 0, reads: 0 };
  const file = {
    nonce: () => {
      state.reads += 1;
      clock.t += cost;
      return state.nonce;
    },
  };
  return { name: "page-1", raise: (nonce) => (state.nonce = nonce), files: new Map([["page-1", file]]), state };
}

test("a revoked blob URL reads as SIGINT once, at the first probe CHECK_MS on", () => {
  const { channel, flag, tick, probes } = blobFlag();
  flag.arm(channel.token);
  assert.equal(flag[0], 0);
  assert.deepEqual(probes, [], "no probe before CHECK_MS: its cost is not known yet");
  tick(CHECK_MS);
  assert.equal(flag[0], 0);
  channel.raise();
  const spacing = 2.5 / PROBE_SHARE;
  tick(spacing - 1);
  assert.equal(flag[0], 0, "between probes nothing is asked");
  tick(1);
  assert.equal(flag[0], SIGINT);
  assert.equal(flag.report().heard, "url");
  tick(CHECK_MS);
  assert.equal(flag[0], 0, "one Stop, one KeyboardInterrupt");
  assert.equal(probes.length, 2);
  assert.equal(flag.report().probe_ms, 5, "what probing cost the run");
});

test("the page's stop message is delivered at the next poll, without a probe", () => {
  const { channel, flag, probes } = blobFlag();
  flag.arm(channel.token);
  flag.raise();
  assert.equal(flag[0], SIGINT);
  assert.equal(flag[0], 0);
  assert.deepEqual(flag.report(), { heard: "message", probe_ms: 0 });
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
  assert.equal(flag.report().heard, null);
  flag[0] = 0; // CPython writes back: harmless
});

test("close() after a raise revokes once", () => {
  const { channel, revoked } = blobFlag();
  channel.raise();
  channel.close();
  assert.equal(revoked.size, 1);
});

test("with a stop file the worker reads the run's nonce, not the blob URL", async () => {
  const clock = { t: 0 };
  const writer = fakeWriter({ clock });
  const { channel, flag, tick, probes } = blobFlag({ writer, clock });
  assert.deepEqual(Object.keys(channel.token).sort(), ["file", "nonce", "url"]);
  await flag.prepare(channel.token);
  flag.arm(channel.token);
  tick(MIN_CHECK_MS);
  assert.equal(flag[0], 0, "a free read: MIN_CHECK_MS apart from the first run on");
  channel.raise();
  assert.equal(flag[0], 0, "a read at most every MIN_CHECK_MS");
  tick(MIN_CHECK_MS);
  assert.equal(flag[0], SIGINT);
  assert.equal(flag.report().heard, "file");
  assert.equal(flag[0], 0);
  assert.deepEqual(probes, [], "no XHR when the file answers");
});

test("a private profile's dearer file reads are spaced by what they cost", async () => {
  const clock = { t: 0 };
  const writer = fakeWriter({ clock, cost: 0.5 });
  const { channel, flag, tick } = blobFlag({ writer, clock });
  await flag.prepare(channel.token); // times a few reads: 0.5 ms each
  flag.arm(channel.token);
  const spacing = 0.5 / PROBE_SHARE;
  const reads = writer.state.reads;
  tick(spacing - 0.1);
  assert.equal(flag[0], 0);
  assert.equal(writer.state.reads, reads, "not yet");
  tick(0.1);
  assert.equal(flag[0], 0);
  assert.equal(writer.state.reads, reads + 1);
});

test("a stop file keeps an earlier run's nonce: the next run is not stopped by it", async () => {
  const clock = { t: 0 };
  const writer = fakeWriter({ clock });
  blobFlag({ writer, clock }).channel.raise();
  const { channel, flag } = blobFlag({ writer, clock });
  await flag.prepare(channel.token);
  flag.arm(channel.token);
  clock.t += 10 * CHECK_MS;
  assert.equal(flag[0], 0);
  assert.equal(flag.report().heard, null);
});

test("a file that does not open (no shared mode, no writer yet): the blob URL is probed", async () => {
  let opened = 0;
  const { channel, flag, tick } = blobFlag({ writer: { name: "page-2", raise() {}, files: new Map() } });
  const openFile = flag.openFile;
  flag.openFile = (name) => (opened++, openFile(name));
  for (let run = 0; run < OPEN_TRIES + 2; run++) await flag.prepare(channel.token);
  assert.equal(opened, OPEN_TRIES, "a file that never opens is not asked for on every run");
  flag.arm(channel.token);
  channel.raise();
  tick(CHECK_MS);
  assert.equal(flag[0], SIGINT);
  assert.equal(flag.report().heard, "url");
});

test("no writer at all (no OPFS, no Web Locks): the token is the blob URL alone", () => {
  const { channel } = blobFlag();
  assert.deepEqual(Object.keys(channel.token), ["url"]);
});

test("cross-origin isolated pages share a memory cell instead", () => {
  const channel = openStopChannel({ crossOriginIsolated: true, SharedArrayBuffer }, () =>
    assert.fail("no stop file with shared memory"),
  );
  const flag = new StopFlag({ answers: () => assert.fail("no probe with shared memory") });
  flag.arm(channel.token);
  assert.equal(flag[0], 0);
  channel.raise();
  assert.equal(flag[0], SIGINT);
  assert.equal(flag.report().heard, "cell");
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
