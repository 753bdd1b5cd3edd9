// The reader's quiz progress in localStorage: one versioned, size-capped record.
// Anything unreadable (corrupt JSON, old version, wrong shape) is discarded, never trusted.
import { newSeed } from "./random.js";

export const KEY = "threading-in-python:quiz";
export const VERSION = 1;
export const MAX_ANSWERS = 200; // more than the bank holds; old entries go first
export const MAX_CHARS = 50_000;

function fresh() {
  return { v: VERSION, seed: newSeed(), answers: {}, check: { count: 0, round: 0 } };
}

const isIndexList = (x) => Array.isArray(x) && x.length <= 64 && x.every((i) => Number.isInteger(i) && i >= 0 && i < 64);

// Keep only well-formed answers: { s: [choice indexes], d: submitted?, f: fingerprint, t: time }.
function cleanAnswers(raw) {
  const answers = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return answers;
  for (const [id, a] of Object.entries(raw)) {
    if (!/^[a-z0-9-]{1,60}$/.test(id) || !a || typeof a !== "object") continue;
    if (!isIndexList(a.s) || typeof a.d !== "boolean" || typeof a.f !== "string" || !Number.isFinite(a.t)) continue;
    answers[id] = { s: a.s, d: a.d, f: a.f, t: a.t };
  }
  return answers;
}

// localStorage itself can throw (disabled cookies, sandboxed frames): then nothing persists.
export function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function load(store = storage()) {
  let data;
  try {
    data = JSON.parse(store.getItem(KEY));
  } catch {
    data = null; // corrupt JSON, or storage unavailable
  }
  if (!data || data.v !== VERSION || !Number.isInteger(data.seed) || data.seed < 0) return fresh();
  const check = data.check && typeof data.check === "object" ? data.check : {};
  return {
    v: VERSION,
    seed: data.seed,
    answers: cleanAnswers(data.answers),
    check: {
      count: Number.isInteger(check.count) && check.count >= 0 ? check.count : 0,
      round: Number.isInteger(check.round) && check.round >= 0 ? check.round : 0,
    },
  };
}

// Drop the oldest answers until the record fits both caps.
function capped(state) {
  const entries = Object.entries(state.answers).sort((a, b) => b[1].t - a[1].t);
  let keep = Math.min(entries.length, MAX_ANSWERS);
  let out;
  for (;;) {
    out = { ...state, answers: Object.fromEntries(entries.slice(0, keep)) };
    const text = JSON.stringify(out);
    if (text.length <= MAX_CHARS || keep === 0) return [out, text];
    keep = Math.floor(keep / 2);
  }
}

export function save(state, store = storage()) {
  const [kept, text] = capped(state);
  try {
    store.setItem(KEY, text);
  } catch {
    // Storage full or disabled (private mode): the quiz still works for this page.
  }
  return kept;
}

// The progress of every quiz on the page: read once per page, written on each change.
export class Progress {
  constructor(store = storage()) {
    this.store = store;
    this.state = load(store);
    this.state = save(this.state, store); // keeps a first visit's seed
  }

  // A saved answer for question q, unless the question's choices changed since.
  answer(q) {
    const a = this.state.answers[q.id];
    return a && a.f === q.fp && a.s.every((i) => i < q.choices.length) ? a : null;
  }

  setAnswer(q, selected, done) {
    this.state.answers[q.id] = { s: selected, d: done, f: q.fp, t: Date.now() };
    this.state = save(this.state, this.store);
  }

  forget(id) {
    delete this.state.answers[id];
    this.state = save(this.state, this.store);
  }

  setCheck(change) {
    this.state.check = { ...this.state.check, ...change };
    this.state = save(this.state, this.store);
  }
}
