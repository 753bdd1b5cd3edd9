// The page's one Python: creates the worker on intent, queues runs (a click made while
// Python loads is kept, not dropped), enforces the time limit, and stops a run: first
// as Ctrl-C would (KeyboardInterrupt, through stop_channel.js), keeping Python; if the
// program has not ended STOP_GRACE_MS later, by terminating the worker and starting a
// fresh one. Protocol: see worker.js.

import { runnerFacts } from "./facts.js";
import { requestIsolation } from "./isolation.js";
import { openStopChannel, prepareStopChannel } from "./stop_channel.js";

// How long a stopped program may take to end before its worker is thrown away. A
// threaded one gets twice its runtime's own grace (runtime.json): Stop raises
// KeyboardInterrupt in its main thread, and the runtime ends it if it goes on.
export const STOP_GRACE_MS = 300;
const graceFor = (run) =>
  run.options?.threads ? Math.max(STOP_GRACE_MS, 2 * runnerFacts().threaded_stop_grace_ms) : STOP_GRACE_MS;

// The limit is runtime.json's (loaded before any run starts). Tests shorten it (a page
// global set before the runner loads) to see it work.
const timeLimit = () => Number(globalThis.__RUNNER_TIME_LIMIT_MS) || runnerFacts().time_limit_ms;

/**
 * Why `options` cannot be run, or "" when they can. `seedLimit` is runtime.json's
 * (browser_runtime/facts.py): Python refuses the same seeds.
 */
export function badOptions(options, seedLimit) {
  const seed = options?.seed;
  if (seed == null) return "";
  if (typeof seedLimit === "function") seedLimit = seedLimit(); // facts read only when needed
  if (!Number.isInteger(seed) || seed < 0 || seed >= seedLimit) {
    return `the seed must be a whole number from 0 to ${seedLimit - 1}, not ${seed}`;
  }
  return "";
}

let nextId = 1;

export class PythonSession {
  constructor() {
    this.worker = null;
    this.ready = false;
    this.versions = null;
    this.progress = null; // last progress message, for runs queued mid-load
    this.queue = []; // runs waiting for their turn
    this.active = null; // the run the worker is executing
    this.disposed = false;
  }

  /** True while another run holds Python (or waits for it): a new run is queued. */
  get busy() {
    return Boolean(this.active) || this.queue.length > 0;
  }

  /** Start loading Python if not yet done (called on hover/focus of Run). */
  warm() {
    if (this.worker || this.disposed) return;
    requestIsolation();
    prepareStopChannel();
    this.ready = false;
    this.progress = null;
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }) => this.#receive(worker, data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#fail(worker, `the Python worker failed: ${event.message || "unknown error"}`);
    };
    this.worker = worker;
  }

  /**
   * Queue a run and return it: {done: Promise<result>, stop()}. `handlers`:
   * onProgress(msg), onStart(versions), onOutput(chunks), onEvents(events),
   * onPause(state) (stepped runs; answer with run.step(threadId)). The result
   * is the worker's
   * {status, exit_code, truncated, ...} or {status: "stopped" | "timeout" | "failed" |
   * "crashed", message}.
   */
  run(source, filename, options, handlers) {
    this.warm();
    const run = { id: nextId++, source, filename, options, handlers, timer: 0 };
    run.done = new Promise((resolve) => (run.resolve = resolve));
    run.stop = () => this.#stop(run);
    // Stepped runs: the reader's choice (a thread id, or -1 to abandon the run).
    run.step = (thread) => {
      if (this.active !== run) return;
      run.paused = false;
      clearTimeout(run.timer);
      run.timer = setTimeout(() => this.#timeout(run), timeLimit());
      this.worker.postMessage({ type: "step", id: run.id, thread });
    };
    const bad = badOptions(options, () => runnerFacts().seed_limit);
    if (bad) {
      run.resolve({ status: "failed", message: bad });
      return run;
    }
    this.queue.push(run);
    // A stepped run waiting for the reader would hold up this one for good: end it.
    if (this.active?.paused) this.active.step(-1);
    if (!this.ready && this.progress) handlers.onProgress?.(this.progress);
    this.#pump();
    return run;
  }

  dispose() {
    this.disposed = true;
    for (const run of [this.active, ...this.queue]) {
      if (run) this.#finish(run, { status: "stopped" });
    }
    this.queue = [];
    this.worker?.terminate();
    this.worker = null;
  }

  #pump() {
    if (this.active || !this.worker || !this.queue.length) return;
    const run = this.queue.shift();
    this.active = run;
    run.channel = openStopChannel();
    const { id, source, filename, options } = run;
    this.worker.postMessage({ type: "run", id, source, filename, options, stop: run.channel.token });
  }

  #receive(worker, data) {
    if (worker !== this.worker) return; // a terminated worker's last words
    const run = this.active && this.active.id === data.id ? this.active : null;
    switch (data.type) {
      case "progress":
        this.progress = data;
        for (const r of [this.active, ...this.queue]) r?.handlers.onProgress?.(data);
        break;
      case "ready":
        this.ready = true;
        this.versions = { python: data.python, pyodide: data.pyodide };
        break;
      case "started":
        if (!run) break;
        run.started = true;
        run.handlers.onStart?.(this.versions);
        run.timer = setTimeout(() => this.#timeout(run), timeLimit());
        break;
      case "output":
        run?.handlers.onOutput?.(data.chunks);
        break;
      case "events":
        run?.handlers.onEvents?.(data.events);
        break;
      case "pause": // a stepped run waits for the reader: no time limit meanwhile
        if (!run) break;
        clearTimeout(run.timer);
        run.paused = true;
        run.handlers.onPause?.(data.state);
        break;
      case "done":
        // A stopped run ended in time: Python stays. Its own result (a KeyboardInterrupt
        // traceback, say) is in the output; the page reports the Stop. run.flag: how the
        // worker heard it (stop_channel.js StopFlag.report), for tests and benchmarks.
        if (!run) break;
        run.flag = data.flag;
        this.#finish(run, run.stopping ? { ...run.stopping, exit_code: data.result.exit_code } : data.result);
        break;
      case "crashed":
        // That worker's Python is dead: a fresh one now, and the run ends with why.
        this.#restart();
        if (run) this.#finish(run, { status: "crashed", message: data.message });
        break;
      case "error":
        if (data.id == null) this.#fail(worker, data.message);
        else if (run?.stopping) this.#stop(run, run.stopping, true); // interrupted mid-runtime
        else if (run) this.#finish(run, { status: "failed", message: data.message });
        break;
    }
  }

  #finish(run, result) {
    clearTimeout(run.timer);
    run.channel?.close();
    if (this.active === run) this.active = null;
    this.queue = this.queue.filter((r) => r !== run);
    run.resolve(result);
    this.#pump();
  }

  // Stop: a queued run just leaves the queue. A running one is interrupted and given
  // its grace to end; after that (or with `hard`) it takes the worker with it.
  #stop(run, result = { status: "stopped" }, hard = false) {
    if (this.active !== run) {
      if (this.queue.includes(run)) this.#finish(run, result);
      return;
    }
    if (!run.started) {
      // Not begun (Python still loading): the worker drops it when its turn comes.
      this.worker.postMessage({ type: "stop", id: run.id });
      this.#finish(run, result);
      return;
    }
    if (hard || run.stopping) {
      this.#restart();
      this.#finish(run, { ...result, restarted: true });
      return;
    }
    if (run.paused) run.step(-1); // a stepped run waits for the reader, not in Python
    run.stopping = result;
    clearTimeout(run.timer);
    run.timer = setTimeout(() => this.#stop(run, result, true), graceFor(run));
    run.channel.raise();
    this.worker.postMessage({ type: "stop", id: run.id });
  }

  #timeout(run) {
    this.#stop(run, { status: "timeout", limit_ms: timeLimit() });
  }

  // A fresh worker right away, so the next run finds Python (nearly) loaded again.
  #restart() {
    this.worker?.terminate();
    this.worker = null;
    this.active = null;
    if (!this.disposed) this.warm();
  }

  #fail(worker, message) {
    if (worker !== this.worker) return;
    const runs = [this.active, ...this.queue].filter(Boolean);
    this.queue = [];
    this.active = null;
    this.worker.terminate();
    this.worker = null; // the next run tries again from scratch
    for (const run of runs) {
      clearTimeout(run.timer);
      run.resolve({ status: "failed", message });
    }
  }
}
