// The page's side of a crash and of a bad seed (runner/session.js), against a fake worker:
// "crashed" ends the run with Python's reason and starts a fresh worker at once; a seed
// outside 0..2^32-1 never reaches the worker.
import assert from "node:assert/strict";
import { test } from "node:test";

import { loadFacts } from "../../overrides/assets/js/runner/facts.js";
import { PythonSession, badOptions } from "../../overrides/assets/js/runner/session.js";
import { FakeWorker } from "./fake_worker.js";

await loadFacts(async () => ({
  facts: { time_limit_ms: 30_000, max_lines: 5, max_chars: 50, seed_limit: 2 ** 32 },
}));

test("a crash ends the run with its reason and a fresh worker starts", async () => {
  FakeWorker.all = [];
  const session = new PythonSession();
  const run = session.run("x", "main.py", {}, {});
  const [first] = FakeWorker.all;
  first.say({ type: "ready", python: "3.14", pyodide: "x" });
  first.say({ type: "started", id: first.posted[0].id });
  first.say({ type: "crashed", id: first.posted[0].id, message: "Python crashed: boom" });
  assert.deepEqual(await run.done, { status: "crashed", message: "Python crashed: boom" });
  assert.equal(first.terminated, true);
  assert.equal(FakeWorker.all.length, 2, "a fresh worker is started at once");
  const next = session.run("y", "main.py", {}, {});
  assert.equal(FakeWorker.all[1].posted[0].source, "y");
  FakeWorker.all[1].say({ type: "done", id: FakeWorker.all[1].posted[0].id, result: { status: "ok" } });
  assert.deepEqual(await next.done, { status: "ok" });
});

test("seeds outside 0..2^32-1 are refused before any worker sees them", async () => {
  FakeWorker.all = [];
  const session = new PythonSession();
  for (const seed of [2 ** 53, -1, 1.5, 2 ** 32]) {
    const run = session.run("x", "main.py", { seed }, {});
    const result = await run.done;
    assert.equal(result.status, "failed");
    assert.match(result.message, /seed must be a whole number from 0 to 4294967295/);
  }
  assert.deepEqual(FakeWorker.all[0].posted, []);
  assert.equal(badOptions({ seed: 0 }, 2 ** 32), "");
  assert.equal(badOptions({ seed: 2 ** 32 - 1 }, 2 ** 32), "");
  assert.equal(badOptions({ seed: null }, 2 ** 32), "");
});
