// The stop file (runner/stop_file.js) against an in-memory file system: the Python worker
// uses it only once the writer has marked it; its reads never throw.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  HEADER_AT,
  MAGIC,
  NONCE_AT,
  openStopFile,
  stopFileWriter,
  writeInt,
} from "../../overrides/assets/js/runner/stop_file.js";

// navigator.storage as OPFS offers it, with one shared byte buffer per file name.
function memoryStorage({ refuse = false } = {}) {
  const files = new Map();
  const handleOf = (bytes) => ({
    closed: false,
    read(view, { at }) {
      if (this.closed) throw new Error("InvalidStateError");
      const target = new Uint8Array(view.buffer);
      target.fill(0);
      target.set(bytes.subarray(at, at + target.length));
      return target.length;
    },
    write(view, { at }) {
      bytes.set(new Uint8Array(view.buffer), at);
    },
    close() {
      this.closed = true;
    },
  });
  const dir = {
    getFileHandle: async (name) => ({
      createSyncAccessHandle: async ({ mode }) => {
        if (refuse || mode !== "readwrite-unsafe") throw new Error("NoModificationAllowedError");
        if (!files.has(name)) files.set(name, new Uint8Array(8));
        return handleOf(files.get(name));
      },
    }),
  };
  const root = { getDirectoryHandle: async () => dir };
  return { getDirectory: async () => root, files, handleOf };
}

test("the worker takes the file only once the writer has marked it", async () => {
  const storage = memoryStorage();
  assert.equal(await openStopFile("page-1", storage), null, "no writer yet");
  const writer = storage.handleOf(storage.files.get("page-1"));
  writeInt(writer, HEADER_AT, MAGIC);
  const file = await openStopFile("page-1", storage);
  assert.equal(file.ready(), true);
  assert.equal(file.nonce(), 0);
  writeInt(writer, NONCE_AT, 7);
  assert.equal(file.nonce(), 7, "the writer's write is read at once");
});

test("a file the browser will not share reads as no file", async () => {
  assert.equal(await openStopFile("page-1", memoryStorage({ refuse: true })), null);
  assert.equal(await openStopFile("page-1", { getDirectory: async () => Promise.reject(new Error("no OPFS")) }), null);
});

test("the page's writer: one per page, its name, the nonce of each Stop", () => {
  const posted = [];
  class FakeWorker {
    constructor(url, options) {
      assert.match(String(url), /\/stop_writer\.js$/);
      assert.deepEqual(options, { type: "module" });
    }
    postMessage(message) {
      posted.push(message);
    }
  }
  const env = {
    Worker: FakeWorker,
    navigator: { storage: memoryStorage() },
    crypto: { randomUUID: () => "1234" },
  };
  const writer = stopFileWriter(env);
  assert.equal(writer.name, "page-1234");
  assert.equal(stopFileWriter(env), writer);
  writer.raise(3);
  assert.deepEqual(posted, [{ open: "page-1234" }, { raise: 3 }]);
});
