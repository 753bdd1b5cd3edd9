// The stop file (runner/stop_file.js) against an in-memory file system and Web Locks:
// the worker uses it only once the writer has marked it, its reads never throw, and a
// writer removes only the files of pages that are gone (whose lock is free).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  HEADER_AT,
  MAGIC,
  NONCE_AT,
  holdLock,
  lockName,
  openStopFile,
  removeStale,
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
    getFileHandle: async (name, { create = false } = {}) => {
      if (!files.has(name) && !create) throw new Error("NotFoundError");
      if (!files.has(name)) files.set(name, new Uint8Array(8));
      return {
        createSyncAccessHandle: async ({ mode }) => {
          if (refuse || mode !== "readwrite-unsafe") throw new Error("NoModificationAllowedError");
          return handleOf(files.get(name));
        },
      };
    },
    async *keys() {
      yield* files.keys();
    },
    removeEntry: async (name) => files.delete(name),
  };
  const root = { getDirectoryHandle: async () => dir };
  return { getDirectory: async () => root, files, handleOf, dir };
}

// navigator.locks: exclusive locks by name, ifAvailable as the browser has it.
function memoryLocks() {
  const held = new Set();
  return {
    held,
    async request(name, options, callback) {
      if (!callback) [options, callback] = [{}, options];
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null);
        throw new Error("this fake never waits");
      }
      held.add(name);
      const result = callback({ name }); // held until the callback's promise settles
      Promise.resolve(result).finally(() => held.delete(name));
      return result;
    },
  };
}

test("the worker opens only a file its writer created and marked", async () => {
  const storage = memoryStorage();
  assert.equal(await openStopFile("page-1", storage), null, "no writer yet: nothing created");
  assert.equal(storage.files.size, 0);
  storage.files.set("page-1", new Uint8Array(8));
  assert.equal(await openStopFile("page-1", storage), null, "created, not marked yet");
  const writer = storage.handleOf(storage.files.get("page-1"));
  writeInt(writer, HEADER_AT, MAGIC);
  const file = await openStopFile("page-1", storage);
  assert.equal(file.nonce(), 0);
  writeInt(writer, NONCE_AT, 7);
  assert.equal(file.nonce(), 7, "the writer's write is read at once");
});

test("a file the browser will not share reads as no file", async () => {
  const refusing = memoryStorage({ refuse: true });
  refusing.files.set("page-1", new Uint8Array(8));
  assert.equal(await openStopFile("page-1", refusing), null);
  assert.equal(await openStopFile("page-1", { getDirectory: async () => Promise.reject(new Error("no OPFS")) }), null);
});

test("a writer holds its page's lock until it ends", async () => {
  const locks = memoryLocks();
  await holdLock("page-1", locks);
  assert.deepEqual([...locks.held], [lockName("page-1")]);
});

test("the sweep removes the files of pages that are gone, never a live page's", async () => {
  const { dir, files } = memoryStorage();
  const locks = memoryLocks();
  for (const name of ["page-own", "page-live", "page-gone"]) files.set(name, new Uint8Array(8));
  await holdLock("page-own", locks);
  await holdLock("page-live", locks); // another tab, open
  await removeStale(dir, "page-own", locks);
  await Promise.resolve(); // the sweep's lock is let go once its callback is done
  assert.deepEqual([...files.keys()].sort(), ["page-live", "page-own"]);
  assert.equal(locks.held.has(lockName("page-gone")), false, "the sweep lets go of the lock");
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
  const navigator = { storage: memoryStorage(), locks: memoryLocks() };
  const env = { Worker: FakeWorker, navigator, crypto: { randomUUID: () => "1234" } };
  const writer = stopFileWriter(env);
  assert.equal(writer.name, "page-1234");
  assert.equal(stopFileWriter(env), writer);
  writer.raise(3);
  assert.deepEqual(posted, [{ open: "page-1234" }, { raise: 3 }]);
});
