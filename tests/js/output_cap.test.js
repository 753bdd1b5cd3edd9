// The page's output cap (runner/output_cap.js): what is kept, where it is cut.
import assert from "node:assert/strict";
import { test } from "node:test";

import { capNote, mergeChunks, OutputCap } from "../../overrides/assets/js/runner/output_cap.js";

test("text under both caps is kept whole", () => {
  const cap = new OutputCap({ maxLines: 3, maxChars: 100 });
  assert.equal(cap.fit("a\nb\n"), "a\nb\n");
  assert.equal(cap.full, false);
  assert.equal(cap.lines, 2);
});

test("the line cap keeps the line that reaches it and nothing after", () => {
  const cap = new OutputCap({ maxLines: 2, maxChars: 100 });
  assert.equal(cap.fit("1\n2\n3\n"), "1\n2\n");
  assert.equal(cap.full, true);
  assert.equal(cap.fit("4\n"), "");
});

test("the character cap cuts inside a chunk", () => {
  const cap = new OutputCap({ maxLines: 100, maxChars: 5 });
  assert.equal(cap.fit("abc"), "abc");
  assert.equal(cap.fit("defgh"), "de");
  assert.equal(cap.full, true);
});

test("reaching the line cap exactly is full only when more text comes", () => {
  const cap = new OutputCap({ maxLines: 1, maxChars: 100 });
  assert.equal(cap.fit("x\n"), "x\n");
  assert.equal(cap.full, false);
  assert.equal(cap.fit(""), "");
  assert.equal(cap.full, false);
  assert.equal(cap.fit("y"), "");
  assert.equal(cap.full, true);
});

test("reset starts counting again", () => {
  const cap = new OutputCap({ maxLines: 1, maxChars: 100 });
  cap.fit("a\nb\n");
  cap.reset();
  assert.equal(cap.fit("c\n"), "c\n");
});

test("chunks of one stream merge; the cap stops the rest", () => {
  const cap = new OutputCap({ maxLines: 3, maxChars: 100 });
  const merged = mergeChunks(
    [["stdout", "a\n"], ["stdout", "b\n"], ["stderr", "E\n"], ["stdout", "c\n"], ["stdout", "d\n"]],
    cap,
  );
  assert.deepEqual(merged, [["stdout", "a\nb\n"], ["stderr", "E\n"]]);
});

test("the cap note names both limits", () => {
  assert.equal(
    capNote({ maxLines: 2000, maxChars: 200000 }),
    "… output cut at 2,000 lines / 200,000 characters; the program was stopped.",
  );
});
