// Stop that keeps Python: the page raises a flag the worker reads while Python runs
// synchronously (CPython polls it as its interrupt buffer and raises KeyboardInterrupt,
// as Ctrl-C would). The page cannot message a busy worker, so the flag is either
// - shared memory (a SharedArrayBuffer, only in cross-origin isolated pages), or
// - a blob: URL the page revokes on Stop; the worker probes it with a synchronous XHR
//   at most every CHECK_MS (a probe costs a few ms, so a busy loop pays a few percent).
// Page side: openStopChannel(); worker side: new StopFlag(). Protocol: see worker.js.

export const SIGINT = 2;
export const CHECK_MS = 100;

/** Page side, one per run: {token (posted with the run), raise(), close()}. */
export function openStopChannel(env = globalThis) {
  if (env.crossOriginIsolated && typeof env.SharedArrayBuffer === "function") {
    const cell = new Int32Array(new env.SharedArrayBuffer(4));
    return { token: { cell }, raise: () => Atomics.store(cell, 0, SIGINT), close() {} };
  }
  const url = env.URL.createObjectURL(new env.Blob(["run"]));
  let open = true;
  const revoke = () => {
    if (open) env.URL.revokeObjectURL(url);
    open = false;
  };
  return { token: { url }, raise: revoke, close: revoke };
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
 */
export class StopFlag {
  constructor({ now = () => performance.now(), answers = urlAnswers } = {}) {
    this.now = now;
    this.answers = answers;
    this.disarm();
  }

  /** A run starts: watch its token ({cell} or {url}, from openStopChannel). */
  arm(token) {
    this.token = token ?? null;
    this.held = false;
    this.pending = false;
    this.delivered = false;
    this.lastCheck = this.now();
  }

  disarm() {
    this.arm(null);
  }

  /** The page's "stop" message, heard while Python waited: deliver at the next poll. */
  raise() {
    if (this.token && !this.delivered) this.pending = true;
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
    if (!this.pending) this.pending = this.#stopAsked(token);
    if (!this.pending) return 0;
    this.delivered = true;
    return SIGINT;
  }

  #stopAsked(token) {
    if (token.cell) return Atomics.load(token.cell, 0) === SIGINT;
    const now = this.now();
    if (now - this.lastCheck < CHECK_MS) return false;
    this.lastCheck = now;
    return !this.answers(token.url);
  }
}
