// The quiz's saved progress (quiz/store.js): versioned, validated, capped.
import assert from "node:assert/strict";
import { test } from "node:test";

import { KEY, load, MAX_ANSWERS, MAX_CHARS, Progress, save, VERSION } from "../../overrides/assets/js/quiz/store.js";

class MemoryStorage {
  constructor(items = {}) {
    this.items = { ...items };
  }
  getItem(key) {
    return key in this.items ? this.items[key] : null;
  }
  setItem(key, value) {
    this.items[key] = String(value);
  }
}

const question = { id: "lock-1", fp: "abc", choices: [{}, {}, {}] };

test("nothing saved: a fresh record with a seed", () => {
  const state = load(new MemoryStorage());
  assert.equal(state.v, VERSION);
  assert.ok(Number.isInteger(state.seed) && state.seed >= 0);
  assert.deepEqual(state.answers, {});
});

test("corrupt JSON, another version or a bad seed start fresh", () => {
  for (const text of ["{oops", JSON.stringify({ v: 99, seed: 1 }), JSON.stringify({ v: VERSION, seed: -1 })]) {
    assert.deepEqual(load(new MemoryStorage({ [KEY]: text })).answers, {});
  }
});

test("malformed answers are dropped, good ones kept", () => {
  const good = { s: [1], d: true, f: "abc", t: 5 };
  const record = { v: VERSION, seed: 3, answers: { ok: good, "BAD ID": good, bad: { s: [99], d: 1 } } };
  const state = load(new MemoryStorage({ [KEY]: JSON.stringify(record) }));
  assert.deepEqual(state.answers, { ok: good });
  assert.deepEqual(state.check, { count: 0, round: 0 });
});

test("an answer survives a reload, and is forgotten when its choices change", () => {
  const storage = new MemoryStorage();
  new Progress(storage).setAnswer(question, [2], true);
  const again = new Progress(storage);
  assert.deepEqual(again.answer(question).s, [2]);
  assert.equal(again.answer({ ...question, fp: "changed" }), null);
  again.forget(question.id);
  assert.equal(new Progress(storage).answer(question), null);
});

test("the record stays under its caps, newest answers kept", () => {
  const answers = {};
  for (let i = 0; i < MAX_ANSWERS + 50; i++) answers[`q-${i}`] = { s: [0], d: true, f: "x".repeat(300), t: i };
  const storage = new MemoryStorage();
  const kept = save({ v: VERSION, seed: 1, answers, check: { count: 0, round: 0 } }, storage);
  assert.ok(storage.items[KEY].length <= MAX_CHARS);
  const ids = Object.keys(kept.answers);
  assert.ok(ids.length > 0 && ids.length <= MAX_ANSWERS);
  assert.ok(ids.includes(`q-${MAX_ANSWERS + 49}`), "the newest answer is kept");
  assert.ok(!ids.includes("q-0"), "the oldest goes first");
});

test("storage that throws does not break the quiz", () => {
  const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("full"); } };
  const progress = new Progress(broken);
  progress.setAnswer(question, [0], false);
  assert.deepEqual(progress.answer(question).s, [0]);
});
