// runner/no_network.js: the worker's network APIs refuse other origins, keep the site's.
import assert from "node:assert/strict";
import { test } from "node:test";

import { keepOffNetwork, onSite } from "../../overrides/assets/js/runner/no_network.js";

const BASE = "https://site.example/threading/assets/js/runner/worker.js";

test("the site's origin, blob: URLs made by it and data: URLs are on site", () => {
  assert.ok(onSite("../../runner/runtime.json", BASE));
  assert.ok(onSite("blob:https://site.example/1234", BASE));
  assert.ok(onSite("data:text/plain,x", BASE));
  assert.ok(!onSite("https://example.com/", BASE));
  assert.ok(!onSite("wss://site.example.evil/", BASE));
  assert.ok(!onSite("http://site.example/", BASE), "another scheme is another origin");
});

test("every wrapped API refuses another host with the given words", async () => {
  const calls = [];
  class Socket {
    constructor(url) {
      calls.push(url);
    }
  }
  const scope = {
    location: { href: BASE },
    Request: class {},
    fetch: async (url) => (calls.push(url), "ok"),
    XMLHttpRequest: class {
      open(method, url) {
        calls.push(url);
      }
    },
    WebSocket: Socket,
    EventSource: Socket,
  };
  keepOffNetwork(scope, "no network here");
  await assert.rejects(scope.fetch("https://example.com/a"), /no network here \(https:\/\/example.com\/a\)/);
  assert.throws(() => new scope.XMLHttpRequest().open("GET", "https://example.com/"), /no network here/);
  assert.throws(() => new scope.WebSocket("wss://example.com/"), /no network here/);
  assert.throws(() => new scope.EventSource("https://example.com/"), /no network here/);
  assert.equal(await scope.fetch("runtime.json"), "ok");
  new scope.XMLHttpRequest().open("GET", "blob:https://site.example/1");
  assert.deepEqual(calls, ["runtime.json", "blob:https://site.example/1"]);
});
