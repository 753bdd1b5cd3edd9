// Seeded shuffling: each reader gets a stable order (a seed kept in their progress),
// different readers get different orders.

import { mulberry32 } from "../lib/mulberry32.js";

// FNV-1a: a string to a 32-bit number, to derive one seed per question.
export function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// A shuffled copy (Fisher–Yates) of items, the same every time for the same key.
export function shuffled(items, seed, key) {
  const next = mulberry32(hash(`${seed}:${key}`));
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function newSeed() {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0];
}
