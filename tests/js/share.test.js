// Share links (runner/share.js): a program survives the round trip through the URL.
import assert from "node:assert/strict";
import { test } from "node:test";

import { sharedSource, shareUrl } from "../../overrides/assets/js/runner/share.js";

const PAGE = "http://127.0.0.1:8000/site/playground/";
const PROGRAM = 'import threading\nprint("héllo ✓ <b> & {{ x }}")\n' + "x = 1\n".repeat(500);

test("a program round-trips through its share link", async () => {
  const url = await shareUrl(PROGRAM, PAGE + "#old");
  assert.ok(url.startsWith(PAGE + "#code="));
  assert.match(url.split("#code=")[1], /^[A-Za-z0-9_-]+$/); // base64url, no padding
  assert.ok(url.length < PROGRAM.length, "deflated: the link is shorter than the program");
  assert.equal(await sharedSource(new URL(url).hash), PROGRAM);
});

test("the empty program round-trips too", async () => {
  const url = await shareUrl("", PAGE);
  assert.equal(await sharedSource(new URL(url).hash), "");
});

test("no code in the fragment gives null", async () => {
  assert.equal(await sharedSource(""), null);
  assert.equal(await sharedSource("#section"), null);
});

test("a damaged link gives null, with a warning", async (t) => {
  const warn = t.mock.method(console, "warn", () => {});
  assert.equal(await sharedSource("#code=AAAA!!"), null);
  assert.equal(warn.mock.callCount(), 1);
});
