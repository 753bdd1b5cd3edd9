// The stop flag of pages without shared memory, where the browser allows it: a small file
// in the origin private file system (OPFS) that a helper worker (stop_writer.js) writes
// on Stop and the busy Python worker reads with a synchronous access handle. Both open
// it in "readwrite-unsafe" mode, so neither locks the other out. A read costs ~1-2 us
// in a normal browser profile, ~0.3 ms in a private one (StopFlag spaces its reads by
// their cost). A browser without that mode lets only one of them open the file: the
// Python worker then sees no writer and probes the blob URL instead (stop_channel.js).
//
// File: int32 MAGIC at 0 (written by the writer once it holds the file), then the nonce
// of the last stopped run at 4. One file per page, named by the page; files of closed
// pages are removed by the next writer (a file still open elsewhere cannot be removed).

export const DIR = "stop-flags";
export const MAGIC = 0x53544f50; // "STOP"
export const HEADER_AT = 0;
export const NONCE_AT = 4;

/** The file `name` in DIR, opened for synchronous access (workers only). */
export async function openShared(name, storage = navigator.storage) {
  const root = await storage.getDirectory();
  const dir = await root.getDirectoryHandle(DIR, { create: true });
  const file = await dir.getFileHandle(name, { create: true });
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
    const { handle } = await openShared(name, storage);
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

let writer = null;

/**
 * Page side: the page's one writer, started on first use: {name, raise(nonce)}, or null
 * where workers or OPFS are missing. Its name goes to the Python worker with each run.
 */
export function stopFileWriter(env = globalThis) {
  if (writer !== null) return writer || null;
  writer = false;
  if (typeof env.Worker !== "function" || !env.navigator?.storage?.getDirectory) return null;
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
