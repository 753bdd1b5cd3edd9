// The runner's small pure modules: schedules, outcome reports, facts loading, quiz grading.
import assert from "node:assert/strict";
import { test } from "node:test";

import { verdict, choiceStatus } from "../../overrides/assets/js/quiz/grading.js";
import { describeOutcome, formatDuration } from "../../overrides/assets/js/runner/report.js";
import { newSeed, parseSeed, scheduleLabel } from "../../overrides/assets/js/runner/schedules.js";

const limits = { maxLines: 2000, maxChars: 200000 };

test("a finished run is labelled with its schedule and the seed that replays it", () => {
  assert.equal(scheduleLabel({ mode: "gil" }), " · threads scheduled like CPython 3.10+ (GIL build), 5 ms slices");
  assert.equal(scheduleLabel({ mode: "gil", seed: 7 }), " · threads scheduled like CPython 3.10+ (GIL build), replayable, seed 7");
  assert.equal(scheduleLabel({ mode: "gil39" }), " · threads scheduled like CPython ≤ 3.9 (a switch may land at any instruction)");
  assert.equal(scheduleLabel({ mode: "anywhere", seed: 0 }), " · threads switching anywhere (free-threaded-like worst case), seed 0");
  assert.equal(scheduleLabel({ mode: "other" }), " · threads other");
});

test("seeds are whole numbers", () => {
  assert.equal(parseSeed("42"), 42);
  for (const bad of ["", "-1", "1.5", "1e3", "x"]) assert.equal(parseSeed(bad), null);
  assert.equal(newSeed(() => 0.5), 500000);
});

test("durations read as ms under a second, seconds above", () => {
  assert.equal(formatDuration(12.4), "12 ms");
  assert.equal(formatDuration(1530), "1.5 s");
});

test("each outcome gets its status line and pane note", () => {
  assert.deepEqual(describeOutcome({ status: "ok" }, 5, { limits, empty: true }), {
    status: ["Finished in 5 ms.", "ok"],
    note: "(no output)",
  });
  assert.equal(describeOutcome({ status: "ok" }, 5, { limits, empty: false }).note, null);
  assert.deepEqual(describeOutcome({ status: "exit", exit_code: 3 }, 2000, { limits }).status, [
    "Exited with status 3 after 2.0 s.",
    "error",
  ]);
  assert.match(describeOutcome({ status: "output-limit" }, 0, { limits }).note, /2,000 lines/);
  assert.equal(describeOutcome({ status: "timeout", limit_ms: 1500 }, 0, { limits }).note, "Stopped: time limit of 1.5 s reached.");
  assert.equal(describeOutcome({ status: "stopped" }, 0, { limits }).status[0], "Stopped.");
  assert.match(describeOutcome({ status: "stopped", restarted: true }, 0, { limits }).status[0], /fresh Python/);
  assert.match(describeOutcome({ status: "timeout", limit_ms: 1, restarted: true }, 0, { limits }).status[0], /fresh Python/);
  assert.deepEqual(describeOutcome({ status: "failed", message: "boom" }, 0, { limits }).status, [
    "The in-browser runner failed: boom",
    "error",
  ]);
});

test("quiz verdicts count hits and misses", () => {
  const q = { type: "multiple", choices: [{ correct: true }, { correct: true }, { correct: false }] };
  assert.equal(verdict(q, new Set([0, 1])).text, "Correct.");
  assert.equal(verdict(q, new Set([0, 2])).text, "Not quite: you picked 1 of the 2 correct answers and 1 that is not.");
  assert.equal(verdict({ ...q, type: "single" }, new Set([2])).text, "Not quite.");
  assert.equal(choiceStatus({ type: "outputs" }, { correct: false }, true), "✗ Impossible — you chose it");
});
