// Download progress in the bytes that travel (runner/download_meter.js): a compressed
// response with a length counts against that length, anything else against the size on disk.
import assert from "node:assert/strict";
import { test } from "node:test";

import { DownloadMeter, downloadText } from "../../overrides/assets/js/runner/download_meter.js";

const headers = (map) => (name) => map[name.toLowerCase()] ?? null;
const sizes = { "pyodide.asm.wasm": 8_000_000, "python_stdlib.zip": 4_000_000 };

test("an uncompressed server: decoded bytes are the bytes sent", () => {
  const meter = new DownloadMeter(sizes);
  meter.open("pyodide.asm.wasm", headers({ "content-length": "8000000" }));
  meter.add("pyodide.asm.wasm", 2_000_000);
  assert.deepEqual(meter.progress(), { loaded: 2_000_000, total: 12_000_000, transferred: true, cached: 0 });
  assert.equal(downloadText(meter.progress()), "2.0 of 12.0 MB downloaded");
});

test("a gzip response with a length: its total is the length, its progress scaled", () => {
  const meter = new DownloadMeter(sizes);
  meter.open("pyodide.asm.wasm", headers({ "content-encoding": "gzip", "content-length": "2000000" }));
  meter.open("python_stdlib.zip", headers({ "content-encoding": "GZIP ", "content-length": "3000000" }));
  meter.add("pyodide.asm.wasm", 4_000_000); // half of the decoded wasm
  assert.deepEqual(meter.progress(), { loaded: 1_000_000, total: 5_000_000, transferred: true, cached: 0 });
  assert.equal(downloadText(meter.progress()), "1.0 of 5.0 MB downloaded");
  assert.equal(meter.complete(), false);
  meter.add("pyodide.asm.wasm", 4_000_001); // the estimate never passes the total
  meter.add("python_stdlib.zip", 3_999_999);
  assert.ok(meter.progress().loaded <= 5_000_000);
  meter.finish("pyodide.asm.wasm");
  meter.finish("python_stdlib.zip");
  assert.deepEqual(meter.progress(), { loaded: 5_000_000, total: 5_000_000, transferred: true, cached: 0 });
  assert.equal(meter.complete(), true);
});

test("a compressed response without a length: figures stay unpacked and say so", () => {
  const meter = new DownloadMeter(sizes);
  meter.open("pyodide.asm.wasm", headers({ "content-encoding": "br" }));
  meter.add("pyodide.asm.wasm", 800_000);
  assert.deepEqual(meter.progress(), { loaded: 800_000, total: 12_000_000, transferred: false, cached: 0 });
  assert.equal(downloadText(meter.progress()), "0.8 of 12.0 MB received (unpacked size)");
});

test("only the files it was given are counted", () => {
  const meter = new DownloadMeter(sizes);
  assert.equal(meter.counts("pyodide.asm.wasm"), true);
  assert.equal(meter.counts("pyodide-lock.json"), false);
});

test("the total is known once every file's response has arrived", () => {
  const meter = new DownloadMeter(sizes);
  assert.equal(meter.known(), false);
  meter.open("pyodide.asm.wasm", headers({ "content-encoding": "gzip", "content-length": "2000000" }));
  assert.equal(meter.known(), false);
  meter.open("python_stdlib.zip", headers({}));
  assert.equal(meter.known(), true);
  assert.equal(meter.progress().total, 6_000_000);
});

test("files from the browser's cache are not called downloaded", () => {
  const meter = new DownloadMeter(sizes);
  meter.open("pyodide.asm.wasm", headers({ "content-encoding": "gzip", "content-length": "2000000" }));
  meter.open("python_stdlib.zip", headers({ "content-length": "4000000" }));
  meter.finish("pyodide.asm.wasm", true);
  assert.deepEqual(meter.progress(), { loaded: 2_000_000, total: 6_000_000, transferred: true, cached: 2_000_000 });
  assert.equal(downloadText(meter.progress()), "2.0 of 6.0 MB loaded from this browser's cache");
  meter.add("python_stdlib.zip", 1_000_000); // this one travels
  assert.equal(
    downloadText(meter.progress()),
    "3.0 of 6.0 MB downloaded (2.0 MB of it from this browser's cache)",
  );
  meter.finish("python_stdlib.zip", true);
  assert.equal(downloadText(meter.progress()), "6.0 of 6.0 MB loaded from this browser's cache");
});

test("a file the cache had before it was asked for counts as cached while it streams", () => {
  const meter = new DownloadMeter(sizes);
  meter.open("pyodide.asm.wasm", headers({ "content-length": "8000000" }), true);
  meter.open("python_stdlib.zip", headers({ "content-length": "4000000" }), true);
  meter.add("pyodide.asm.wasm", 3_000_000);
  assert.equal(downloadText(meter.progress()), "3.0 of 12.0 MB loaded from this browser's cache");
  meter.finish("pyodide.asm.wasm", false); // Resource Timing has the last word
  assert.equal(
    downloadText(meter.progress()),
    "8.0 of 12.0 MB downloaded",
  );
});
