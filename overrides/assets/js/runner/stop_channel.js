// Stop that keeps Python: the page raises a flag the worker reads while Python runs
// synchronously (CPython polls it as its interrupt buffer and raises KeyboardInterrupt,
// as Ctrl-C would). The page cannot message a busy worker, so the flag is
// - shared memory (a SharedArrayBuffer, only in cross-origin isolated pages), or
// - a file both can open (stop_file.js: a helper worker writes the run's nonce into it),
//   read synchronously; where the browser cannot share it,
// - a blob: URL the page revokes on Stop; the worker probes it with a synchronous XHR.
// A file read or an XHR has a cost (~1 us to ~3 ms): the worker spaces them so probing
// takes at most a set share of the time (stop_probe.js).
// Page side: openStopChannel(); worker side: new StopFlag(). Protocol: see worker.js.

import { openStopFile, stopFileWriter } from "./stop_file.js";
import { ProbeCosts } from "./stop_probe.js";

export const SIGINT = 2;
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
 * While the program is suspended in a sleep, Python that runs meanwhile is the event
 * loop's (asyncio callbacks that wake the sleep): a KeyboardInterrupt there would escape
 * into JavaScript and leave the sleep hanging. So the sleep holds the flag
 * (hold(true)) and asks take() itself when it wakes (browser_runtime/stop_sleep.py).
 * report() says, for tests and benchmarks, how the run's Stop arrived (heard: "message"
 * when Python was waiting, "cell", "file" or "url"; null if none) and what reading the
 * flag cost the run (probe_ms).
 */
export class StopFlag {
  constructor({ now = () => performance.now(), answers = urlAnswers, openFile = openStopFile } = {}) {
    this.now = now;
    this.answers = answers;
    this.openFile = openFile;
    this.files = new Map(); // name -> opened stop file (stop_file.js), or null
    this.tries = new Map(); // name -> attempts to open it
    this.costs = { file: new ProbeCosts(), url: new ProbeCosts() }; // kept across runs
    this.disarm();
  }

  /** Before arm(): open the token's file, once per page (asynchronous), and time a few
   *  reads of it. Its writer may not be there yet: the next runs try again. */
  async prepare(token) {
    const name = token?.file;
    const tries = this.tries.get(name) ?? 0;
    if (!name || this.files.get(name) || tries >= OPEN_TRIES) return;
    this.tries.set(name, tries + 1);
    const file = await this.openFile(name);
    if (file) this.costs.file.seed(file.nonce, this.now);
    this.files.set(name, file);
  }

  /** A run starts: watch its token ({cell}, or {url} and maybe {file, nonce}). */
  arm(token) {
    this.token = token ?? null;
    this.held = false;
    this.pending = false;
    this.delivered = false;
    this.heard = null;
    this.probeMs = 0;
    this.file = (token?.file && this.files.get(token.file)) || null;
    this.lastCheck = this.now();
  }

  report() {
    return { heard: this.heard, probe_ms: this.probeMs };
  }

  disarm() {
    this.arm(null);
  }

  /** The page's "stop" message, heard while Python waited: deliver at the next poll. */
  raise() {
    if (this.token && !this.delivered) this.#hear("message");
  }

  /** While held, CPython's polls read 0; take() still answers. */
  hold(on) {
    this.held = Boolean(on);
  }

  get 0() {
    return this.held ? 0 : this.take();
  }

  set 0(_value) {
    // CPython writes 0 back after reading; delivery is tracked by take().
  }

  /** SIGINT if a Stop waits to be delivered (then it counts as delivered), else 0. */
  take() {
    const { token } = this;
    if (!token || this.delivered) return 0;
    if (!this.pending) this.#probe(token);
    if (!this.pending) return 0;
    this.delivered = true;
    return SIGINT;
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
    const kind = this.file ? "file" : "url";
    const costs = this.costs[kind];
    const start = this.now();
    if (start - this.lastCheck < costs.interval()) return;
    const stopped = this.file ? this.file.nonce() === token.nonce : !this.answers(token.url);
    this.lastCheck = this.now();
    costs.add(this.lastCheck - start);
    this.probeMs += this.lastCheck - start;
    if (stopped) this.#hear(kind);
  }
}
