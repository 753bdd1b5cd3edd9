// The stop flag of pages without shared memory, where the browser allows it: a small file
// in the origin private file system (OPFS) that a helper worker (stop_writer.js) writes
// on Stop and the busy Python worker reads through a synchronous access handle. Both open
// it in "readwrite-unsafe" mode, so neither locks the other out. A read costs ~1 us in a
// normal browser profile, ~0.3 ms in a private one, whose OPFS lives in the browser
// process (StopFlag spaces reads by their cost). A browser without that mode lets only
// one of them open the file: the Python worker then probes the blob URL instead.
//
// File: int32 MAGIC at 0 (written by the writer once it holds the file), then the nonce
// of the last stopped run at 4. One file per page, named by the page. Only its writer
// creates it, and it holds a Web Lock of the same name while the page lives: a writer
// removes the files whose lock is free (their page is gone), never a live page's file.

export const DIR = "stop-flags";
export const MAGIC = 0x53544f50; // "STOP"
export const HEADER_AT = 0;
export const NONCE_AT = 4;

/** The Web Lock a page's writer holds while its file is in use. */
export const lockName = (file) => `${DIR}/${file}`;

/** The file `name` in DIR, opened for synchronous access (workers only). */
export async function openShared(name, { create = false, storage = navigator.storage } = {}) {
  const root = await storage.getDirectory();
  const dir = await root.getDirectoryHandle(DIR, { create });
  const file = await dir.getFileHandle(name, { create });
  const handle = await file.createSyncAccessHandle({ mode: "readwrite-unsafe" });
  return { dir, handle };
}

export function readInt(handle, at) {
  const cell = new Int32Array(1); // a short file reads as 0
  handle.read(cell, { at });
  return cell[0];
}

export function writeInt(handle, at, value) {
  handle.write(new Int32Array([value]), { at });
}

/**
 * Worker side: the page's file as {ready(): writer still there, nonce(): the last
 * stopped run's nonce}, or null when it cannot be shared (no OPFS, no shared mode, or
 * no writer yet: the next run asks again).
 */
export async function openStopFile(name, storage) {
  try {
    const { handle } = await openShared(name, { storage });
    if (readInt(handle, HEADER_AT) !== MAGIC) {
      handle.close();
      return null;
    }
    // Never throws: these are read inside CPython's signal check.
    const read = (at) => {
      try {
        return readInt(handle, at);
      } catch {
        return 0;
      }
    };
    return { ready: () => read(HEADER_AT) === MAGIC, nonce: () => read(NONCE_AT) };
  } catch {
    return null;
  }
}

// Resolves once the lock is ours; it stays ours until this worker ends with its page.
export const holdLock = (name, locks) =>
  new Promise((held) => locks.request(lockName(name), () => (held(), new Promise(() => {}))));

/** Files of pages that are gone (their lock is free): a live page's file always stays. */
export async function removeStale(dir, own, locks) {
  const names = [];
  for await (const name of dir.keys()) if (name !== own) names.push(name);
  for (const name of names) {
    await locks.request(lockName(name), { ifAvailable: true }, async (lock) => {
      if (lock) await dir.removeEntry(name).catch(() => {}); // still open: next time
    });
  }
}

let writer = null;

/**
 * Page side: the page's one writer, started on first use: {name, raise(nonce)}, or null
 * where workers, OPFS or Web Locks are missing. Its name goes to the Python worker with
 * each run.
 */
export function stopFileWriter(env = globalThis) {
  if (writer !== null) return writer || null;
  writer = false;
  if (typeof env.Worker !== "function" || !env.navigator?.storage?.getDirectory || !env.navigator.locks) {
    return null;
  }
  try {
    const worker = new env.Worker(new URL("./stop_writer.js", import.meta.url), { type: "module" });
    const name = `page-${env.crypto.randomUUID()}`;
    worker.postMessage({ open: name });
    writer = { name, raise: (nonce) => worker.postMessage({ raise: nonce }) };
  } catch {
    return null;
  }
  return writer;
}
