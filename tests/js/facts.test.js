// runner/facts.js: runtime.json's facts are fetched once; a failed fetch can be retried.
import assert from "node:assert/strict";
import { test } from "node:test";

test("facts are fetched once, from assets/runner/runtime.json", async () => {
  const { loadFacts, runnerFacts } = await import("../../overrides/assets/js/runner/facts.js?once");
  assert.throws(() => runnerFacts(), /before loadFacts\(\) resolved/);
  const urls = [];
  const fetchJson = async (url) => (urls.push(url), { facts: { max_lines: 1 } });
  await loadFacts(fetchJson);
  await loadFacts(fetchJson);
  assert.equal(urls.length, 1);
  assert.match(urls[0], /\/assets\/runner\/runtime\.json$/);
  assert.deepEqual(runnerFacts(), { max_lines: 1 });
});

test("a failed fetch is retried by the next call", async () => {
  const { loadFacts } = await import("../../overrides/assets/js/runner/facts.js?retry");
  await assert.rejects(loadFacts(async () => Promise.reject(new Error("offline"))), /offline/);
  assert.deepEqual(await loadFacts(async () => ({ facts: { a: 1 } })), { a: 1 });
});
