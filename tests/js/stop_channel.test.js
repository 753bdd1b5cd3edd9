// The stop flag (runner/stop_channel.js): the page raises it, the worker's Python reads
// SIGINT from it once per Stop; probes (a stop file, a blob URL) are spaced by their cost.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  CHECK_MS,
  MIN_CHECK_MS,
  OPEN_TRIES,
  PROBE_SHARE,
  SIGINT,
  StopFlag,
  openStopChannel,
} from "../../overrides/assets/js/runner/stop_channel.js";

// A page and a worker; every probe costs `cost` ms of the fake clock.
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

// What stop_file.js gives both sides, in memory: the page's writer and the worker's file.
function fakeWriter({ cost = 1 / 512, clock } = {}) {
  const state = { nonce: 0, ready: true, reads: 0 };
  const file = {
    ready: () => state.ready,
    nonce: () => {
      state.reads += 1;
      clock.t += cost;
      return state.nonce;
    },
  };
  const writer = {
    name: "page-1",
    raise: (nonce) => (state.nonce = nonce),
    files: new Map([["page-1", file]]),
    state,
  };
  return writer;
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
  assert.equal(flag.heard, "url");
  tick(CHECK_MS);
  assert.equal(flag[0], 0, "one Stop, one KeyboardInterrupt");
  assert.equal(probes.length, 2);
});

test("cheap probes come sooner: at most PROBE_SHARE of the time, MIN_CHECK_MS apart", () => {
  const { channel, flag, tick, probes } = blobFlag({ cost: 0.5 });
  flag.arm(channel.token);
  tick(CHECK_MS);
  assert.equal(flag[0], 0);
  const spacing = 0.5 / PROBE_SHARE;
  tick(spacing - 0.1);
  assert.equal(flag[0], 0);
  assert.equal(probes.length, 1);
  tick(0.1);
  assert.equal(flag[0], 0);
  assert.equal(probes.length, 2);
  const free = blobFlag({ cost: 0 });
  free.flag.arm(free.channel.token);
  free.tick(CHECK_MS);
  assert.equal(free.flag[0], 0);
  free.tick(MIN_CHECK_MS / 2);
  assert.equal(free.flag[0], 0);
  assert.equal(free.probes.length, 1, "never closer than MIN_CHECK_MS");
});

test("one slow probe does not push the next one far away", () => {
  const { channel, flag, tick, probes, clock } = blobFlag({ cost: 0.25 });
  flag.arm(channel.token);
  tick(CHECK_MS);
  assert.equal(flag[0], 0); // cost 0.25 ms: the next probe 12.5 ms on
  assert.equal(flag.interval, 0.25 / PROBE_SHARE);
  const answers = flag.answers;
  flag.answers = (url) => ((clock.t += 0.75), answers(url)); // this one takes 1 ms
  tick(0.25 / PROBE_SHARE);
  assert.equal(flag[0], 0);
  assert.equal(probes.length, 2);
  const average = 0.8 * 0.25 + 0.2 * 1;
  assert.ok(Math.abs(flag.interval - average / PROBE_SHARE) < 1e-9, "not 1 / PROBE_SHARE = 50 ms");
});

test("the page's stop message is delivered at the next poll, without a probe", () => {
  const { channel, flag, probes } = blobFlag();
  flag.arm(channel.token);
  flag.raise();
  assert.equal(flag[0], SIGINT);
  assert.equal(flag[0], 0);
  assert.equal(flag.heard, "message");
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
  assert.equal(flag.heard, null);
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
  assert.equal(flag[0], 0);
  channel.raise();
  assert.equal(flag[0], 0, "a probe at most every MIN_CHECK_MS");
  tick(MIN_CHECK_MS);
  assert.equal(flag[0], SIGINT);
  assert.equal(flag.heard, "file");
  assert.equal(flag[0], 0);
  assert.deepEqual(probes, [], "no XHR when the file answers");
  assert.equal(writer.state.reads, 2);
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
  assert.equal(flag.heard, null);
});

test("no writer behind the file (or none yet): the blob URL is probed", async () => {
  const clock = { t: 0 };
  const writer = fakeWriter({ clock });
  writer.state.ready = false;
  const { channel, flag, tick, probes } = blobFlag({ writer, clock });
  await flag.prepare(channel.token);
  flag.arm(channel.token);
  channel.raise();
  tick(CHECK_MS);
  assert.equal(flag[0], SIGINT);
  assert.equal(flag.heard, "url");
  assert.equal(probes.length, 1);
  let opened = 0;
  const unopened = blobFlag({ writer: { name: "page-2", raise() {}, files: new Map() } });
  const openFile = unopened.flag.openFile;
  unopened.flag.openFile = (name) => (opened++, openFile(name));
  for (let run = 0; run < OPEN_TRIES + 2; run++) await unopened.flag.prepare(unopened.channel.token);
  assert.equal(opened, OPEN_TRIES, "a file that never opens is not asked for on every run");
  unopened.flag.arm(unopened.channel.token);
  unopened.channel.raise();
  unopened.tick(CHECK_MS);
  assert.equal(unopened.flag[0], SIGINT);
  assert.equal(unopened.flag.heard, "url");
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
  assert.equal(flag.heard, "cell");
  assert.equal(flag[0], 0);
});
