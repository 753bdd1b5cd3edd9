// Helper worker of stop_file.js: holds the page's stop file and writes a run's nonce into
// it on Stop. It exists because only workers get synchronous access handles, and a file
// the Python worker holds open cannot be written from the page.
//   page -> writer: {open: name}  once;  {raise: nonce}  on each Stop.

import { HEADER_AT, MAGIC, NONCE_AT, holdLock, openShared, removeStale, writeInt } from "./stop_file.js";

async function open(name, locks) {
  await holdLock(name, locks); // before the file exists: no sweep can take it
  const { dir, handle } = await openShared(name, { create: true });
  writeInt(handle, NONCE_AT, 0);
  writeInt(handle, HEADER_AT, MAGIC); // last: the file is ready
  handle.flush();
  removeStale(dir, name, locks).catch(() => {});
  return handle;
}

let file = null;
self.onmessage = ({ data }) => {
  if (data?.open && !file) {
    file = open(data.open, navigator.locks).catch(() => null); // the Python worker then probes the blob URL
  } else if (Number.isInteger(data?.raise) && file) {
    file.then((handle) => {
      if (!handle) return;
      writeInt(handle, NONCE_AT, data.raise); // seen by the other handle at once: no flush
    });
  }
};
