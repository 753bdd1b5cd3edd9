// Spacing of stop flag reads by their cost (runner/stop_probe.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  CHECK_MS,
  MIN_CHECK_MS,
  PROBE_SHARE,
  ProbeCosts,
  SEED_READS,
  WINDOW,
} from "../../overrides/assets/js/runner/stop_probe.js";

test("until a read is timed, reads are CHECK_MS apart", () => {
  assert.equal(new ProbeCosts().interval(), CHECK_MS);
});

test("reads take PROBE_SHARE of the time, within [MIN_CHECK_MS, CHECK_MS]", () => {
  const costs = new ProbeCosts();
  costs.add(0.5);
  assert.equal(costs.interval(), 0.5 / PROBE_SHARE);
  const free = new ProbeCosts();
  free.add(0);
  assert.equal(free.interval(), MIN_CHECK_MS);
  const dear = new ProbeCosts();
  dear.add(CHECK_MS);
  assert.equal(dear.interval(), CHECK_MS);
});

test("the spacing follows the mean of the last WINDOW reads", () => {
  const costs = new ProbeCosts();
  for (let i = 0; i < WINDOW; i++) costs.add(0.2);
  costs.add(0.2 + WINDOW * 0.1); // one slow read: the mean grows by 0.1 ms
  assert.ok(Math.abs(costs.interval() - 0.3 / PROBE_SHARE) < 1e-9);
  for (let i = 0; i < WINDOW; i++) costs.add(1);
  assert.ok(Math.abs(costs.interval() - 1 / PROBE_SHARE) < 1e-9, "older reads are forgotten");
});

test("the first cost is the mean of SEED_READS reads timed at once (a coarse clock)", () => {
  let t = 0;
  let reads = 0;
  const costs = new ProbeCosts();
  costs.seed(
    () => ((t += 0.8), reads++),
    () => t,
  );
  assert.equal(reads, SEED_READS);
  assert.ok(Math.abs(costs.interval() - 0.8 / PROBE_SHARE) < 1e-9);
});
