// Stop that keeps Python: the page raises a flag the worker reads while Python runs
// synchronously (CPython polls it as its interrupt buffer and raises KeyboardInterrupt,
// as Ctrl-C would). The page cannot message a busy worker, so the flag is
// - shared memory (a SharedArrayBuffer, only in cross-origin isolated pages), or
// - a file both can open (stop_file.js: a helper worker writes the run's nonce into it),
//   read synchronously; where the browser cannot share it,
// - a blob: URL the page revokes on Stop; the worker probes it with a synchronous XHR.
// A file read or an XHR has a cost (~1 us to ~3 ms): the worker spaces them so probing
// takes at most PROBE_SHARE of the time, between MIN_CHECK_MS and CHECK_MS apart.
// Page side: openStopChannel(); worker side: new StopFlag(). Protocol: see worker.js.

import { openStopFile, stopFileWriter } from "./stop_file.js";

export const SIGINT = 2;
export const CHECK_MS = 100;
export const MIN_CHECK_MS = 1;
export const PROBE_SHARE = 0.02;
export const OPEN_TRIES = 3;

let nonces = 0;

const sharedMemory = (env) => env.crossOriginIsolated && typeof env.SharedArrayBuffer === "function";

/** Page side, when Python is asked for: the stop file's writer starts meanwhile. */
export function prepareStopChannel(env = globalThis, writer = stopFileWriter) {
  if (!sharedMemory(env)) writer(env);
}

/** Page side, one per run: {token (posted with the run), raise(), close()}. */
export function openStopChannel(env = globalThis, writer = stopFileWriter) {
  if (sharedMemory(env)) {
    const cell = new Int32Array(new env.SharedArrayBuffer(4));
    return { token: { cell }, raise: () => Atomics.store(cell, 0, SIGINT), close() {} };
  }
  const url = env.URL.createObjectURL(new env.Blob(["run"]));
  const file = writer(env);
  const nonce = ++nonces;
  let open = true;
  const revoke = () => {
    if (open) env.URL.revokeObjectURL(url);
    open = false;
  };
  const raise = () => {
    if (open) file?.raise(nonce);
    revoke();
  };
  return { token: file ? { url, file: file.name, nonce } : { url }, raise, close: revoke };
}

/** True while `url` still answers: a synchronous XHR (allowed in workers). */
export function urlAnswers(url) {
  try {
    const request = new XMLHttpRequest();
    request.open("GET", url, false);
    request.send();
    return true;
  } catch {
    return false; // revoked: NetworkError
  }
}

/**
 * Worker side: looks like the interrupt buffer CPython polls (`flag[0]`). It reads
 * SIGINT once per Stop, then 0 again, as one Ctrl-C raises one KeyboardInterrupt.
 * `heard` says how the run's Stop arrived: "message" (Python was waiting), "cell",
 * "file" or "url"; null if it did not.
 */
export class StopFlag {
  constructor({ now = () => performance.now(), answers = urlAnswers, openFile = openStopFile } = {}) {
    this.now = now;
    this.answers = answers;
    this.openFile = openFile;
    this.files = new Map(); // name -> opened stop file (stop_file.js), or null
    this.tries = new Map(); // name -> attempts to open it
    this.disarm();
  }

  /** Before arm(): open the token's file, once per page (asynchronous). Its writer may
   *  not be there yet: the next runs try again, OPEN_TRIES in all. */
  async prepare(token) {
    const name = token?.file;
    const tries = this.tries.get(name) ?? 0;
    if (!name || this.files.get(name) || tries >= OPEN_TRIES) return;
    this.tries.set(name, tries + 1);
    this.files.set(name, await this.openFile(name));
  }

  /** A run starts: watch its token ({cell}, or {url} and maybe {file, nonce}). */
  arm(token) {
    this.token = token ?? null;
    this.pending = false;
    this.delivered = false;
    this.heard = null;
    this.file = null;
    this.interval = CHECK_MS;
    this.cost = null;
    this.lastCheck = this.now();
    const file = token?.file ? this.files.get(token.file) : null;
    // The header read says the writer is still there, and what a read costs.
    if (file && this.#timed(() => file.ready())) this.file = file;
  }

  disarm() {
    this.arm(null);
  }

  /** The page's "stop" message, heard while Python waited: deliver at the next poll. */
  raise() {
    if (this.token && !this.delivered) this.#hear("message");
  }

  get 0() {
    const { token } = this;
    if (!token || this.delivered) return 0;
    if (!this.pending) this.#probe(token);
    if (!this.pending) return 0;
    this.delivered = true;
    return SIGINT;
  }

  set 0(_value) {
    // CPython writes 0 back after reading; delivery is tracked above.
  }

  #hear(how) {
    this.pending = true;
    this.heard ??= how;
  }

  #probe(token) {
    if (token.cell) {
      if (Atomics.load(token.cell, 0) === SIGINT) this.#hear("cell");
      return;
    }
    if (this.now() - this.lastCheck < this.interval) return;
    if (this.file) {
      if (this.#timed(() => this.file.nonce() === token.nonce)) this.#hear("file");
    } else if (this.#timed(() => !this.answers(token.url))) this.#hear("url");
  }

  // Runs one probe and spaces the next by what probes cost: a moving average that a
  // cheaper probe lowers at once and a dearer one raises slowly (one slow probe, the
  // machine busy for a moment, does not push the next one 100 ms away).
  #timed(probe) {
    const start = this.now();
    const answer = probe();
    this.lastCheck = this.now();
    const cost = this.lastCheck - start;
    this.cost = this.cost === null ? cost : Math.min(cost, 0.8 * this.cost + 0.2 * cost);
    this.interval = Math.min(CHECK_MS, Math.max(MIN_CHECK_MS, this.cost / PROBE_SHARE));
    return answer;
  }
}
