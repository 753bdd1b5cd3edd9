// The page's run queue (runner/session.js) against a fake worker: runs wait their turn;
// Stop and the time limit interrupt first and take the worker with them only when the
// program outlasts the grace period, and then a fresh one serves the next run.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

import { loadFacts } from "../../overrides/assets/js/runner/facts.js";
import { PythonSession, STOP_GRACE_MS } from "../../overrides/assets/js/runner/session.js";
import { FakeWorker } from "./fake_worker.js";

await loadFacts(async () => ({ facts: { time_limit_ms: 30_000, threaded_stop_grace_ms: 400, max_lines: 5, max_chars: 50 } }));

beforeEach(() => {
  FakeWorker.all = [];
  delete globalThis.__RUNNER_TIME_LIMIT_MS;
});

const handlers = (log) => ({
  onStart: () => log.push("start"),
  onOutput: (chunks) => log.push(...chunks.map(([, text]) => text)),
  onProgress: (m) => log.push(`progress ${m.stage}`),
});

test("runs go to the worker one at a time, in order", async () => {
  const session = new PythonSession();
  const log = [];
  const first = session.run("print(1)", "a.py", {}, handlers(log));
  const second = session.run("print(2)", "b.py", {}, handlers(log));
  const [worker] = FakeWorker.all;
  assert.deepEqual(worker.posted.map((m) => m.filename), ["a.py"]);
  worker.say({ type: "ready", python: "3.14", pyodide: "314" });
  worker.say({ type: "started", id: first.id });
  worker.say({ type: "output", id: first.id, chunks: [["stdout", "1\n"]] });
  worker.say({ type: "done", id: first.id, result: { status: "ok" } });
  assert.deepEqual(await first.done, { status: "ok" });
  assert.deepEqual(worker.posted.map((m) => m.filename), ["a.py", "b.py"]);
  worker.say({ type: "done", id: second.id, result: { status: "ok" } });
  await second.done;
  assert.deepEqual(log, ["start", "1\n"]);
  session.dispose();
});

test("a run queued while Python loads hears the progress so far", () => {
  const session = new PythonSession();
  session.warm();
  FakeWorker.all[0].say({ type: "progress", stage: "download", loaded: 1, total: 2 });
  const log = [];
  session.run("", "a.py", {}, handlers(log));
  assert.deepEqual(log, ["progress download"]);
  session.dispose();
});

test("stopping a queued run only takes it out of the queue", async () => {
  const session = new PythonSession();
  const first = session.run("", "a.py", {}, {});
  const second = session.run("", "b.py", {}, {});
  second.stop();
  assert.deepEqual(await second.done, { status: "stopped" });
  const [worker] = FakeWorker.all;
  assert.equal(worker.terminated, false);
  worker.say({ type: "done", id: first.id, result: { status: "ok" } });
  await first.done;
  assert.deepEqual(worker.posted.map((m) => m.filename), ["a.py"]);
  session.dispose();
});

test("Stop interrupts the running run; if it ends in time, Python is kept", async () => {
  const session = new PythonSession();
  const first = session.run("", "a.py", {}, {});
  const second = session.run("", "b.py", {}, {});
  const [worker] = FakeWorker.all;
  worker.say({ type: "started", id: first.id });
  first.stop();
  assert.deepEqual(worker.posted.at(-1), { type: "stop", id: first.id });
  worker.say({ type: "output", id: first.id, chunks: [["stderr", "KeyboardInterrupt\n"]] });
  const flag = { heard: "file", probe_ms: 0.5 };
  worker.say({ type: "done", id: first.id, result: { status: "error", exit_code: 130 }, flag });
  assert.deepEqual(await first.done, { status: "stopped", exit_code: 130 });
  assert.deepEqual(first.flag, flag, "how the worker heard the Stop, for tests and benchmarks");
  assert.equal(worker.terminated, false);
  assert.equal(FakeWorker.all.length, 1);
  assert.equal(worker.posted.at(-1).filename, "b.py", "the next run goes to the same Python");
  worker.say({ type: "done", id: second.id, result: { status: "ok" } });
  assert.deepEqual(await second.done, { status: "ok" });
  session.dispose();
});

test("a run still going STOP_GRACE_MS after Stop takes the worker with it", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const session = new PythonSession();
  const first = session.run("", "a.py", {}, {});
  const second = session.run("", "b.py", {}, {});
  FakeWorker.all[0].say({ type: "started", id: first.id });
  first.stop();
  t.mock.timers.tick(STOP_GRACE_MS - 1);
  assert.equal(FakeWorker.all[0].terminated, false);
  t.mock.timers.tick(1);
  assert.deepEqual(await first.done, { status: "stopped", restarted: true });
  const [old, fresh] = FakeWorker.all;
  assert.equal(old.terminated, true);
  assert.deepEqual(fresh.posted.map((m) => m.filename), ["b.py"]);
  old.say({ type: "done", id: second.id, result: { status: "ok" } }); // the old worker's last words
  fresh.say({ type: "done", id: second.id, result: { status: "error" } });
  assert.deepEqual(await second.done, { status: "error" });
  session.dispose();
});

test("a threaded run gets twice the threads runtime's grace, which ends it first", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const session = new PythonSession();
  const run = session.run("", "a.py", { threads: true }, {});
  FakeWorker.all[0].say({ type: "started", id: run.id });
  run.stop();
  t.mock.timers.tick(799);
  assert.equal(FakeWorker.all[0].terminated, false);
  FakeWorker.all[0].say({ type: "done", id: run.id, result: { status: "stopped", exit_code: 130 } });
  assert.deepEqual(await run.done, { status: "stopped", exit_code: 130 });
  assert.equal(FakeWorker.all.length, 1, "Python was kept");
  session.dispose();
});

test("a threaded run still going after that takes the worker with it", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const session = new PythonSession();
  const run = session.run("", "a.py", { threads: true }, {});
  FakeWorker.all[0].say({ type: "started", id: run.id });
  run.stop();
  t.mock.timers.tick(800);
  assert.deepEqual(await run.done, { status: "stopped", restarted: true });
  assert.equal(FakeWorker.all[0].terminated, true);
  session.dispose();
});

test("a run stopped before it began is dropped by the worker, which stays", async () => {
  const session = new PythonSession();
  const run = session.run("", "a.py", {}, {});
  run.stop();
  assert.deepEqual(await run.done, { status: "stopped" });
  const [worker] = FakeWorker.all;
  assert.deepEqual(worker.posted.at(-1), { type: "stop", id: run.id });
  assert.equal(worker.terminated, false);
  session.dispose();
});

test("a runtime error after Stop replaces the worker (Python was interrupted mid-way)", async () => {
  const session = new PythonSession();
  const run = session.run("", "a.py", {}, {});
  FakeWorker.all[0].say({ type: "started", id: run.id });
  run.stop();
  FakeWorker.all[0].say({ type: "error", id: run.id, message: "KeyboardInterrupt" });
  assert.deepEqual(await run.done, { status: "stopped", restarted: true });
  assert.equal(FakeWorker.all[0].terminated, true);
  session.dispose();
});

test("the time limit (runtime.json's, or the page's override) stops a run", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  globalThis.__RUNNER_TIME_LIMIT_MS = 1500;
  const session = new PythonSession();
  const run = session.run("while True: pass", "a.py", {}, {});
  FakeWorker.all[0].say({ type: "started", id: run.id });
  t.mock.timers.tick(1499);
  assert.equal(FakeWorker.all[0].posted.length, 1);
  t.mock.timers.tick(1);
  assert.deepEqual(FakeWorker.all[0].posted.at(-1), { type: "stop", id: run.id });
  FakeWorker.all[0].say({ type: "done", id: run.id, result: { status: "error", exit_code: 130 } });
  assert.deepEqual(await run.done, { status: "timeout", limit_ms: 1500, exit_code: 130 });
  assert.equal(FakeWorker.all[0].terminated, false);
  session.dispose();
});

test("without an override the limit is runtime.json's", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const session = new PythonSession();
  const run = session.run("", "a.py", {}, {});
  FakeWorker.all[0].say({ type: "started", id: run.id });
  t.mock.timers.tick(30_000);
  t.mock.timers.tick(STOP_GRACE_MS);
  assert.deepEqual(await run.done, { status: "timeout", limit_ms: 30_000, restarted: true });
  session.dispose();
});

test("a worker that fails to start fails every waiting run", async () => {
  const session = new PythonSession();
  const a = session.run("", "a.py", {}, {});
  const b = session.run("", "b.py", {}, {});
  FakeWorker.all[0].say({ type: "error", message: "no wasm" });
  assert.deepEqual(await a.done, { status: "failed", message: "no wasm" });
  assert.deepEqual(await b.done, { status: "failed", message: "no wasm" });
  session.dispose();
});
