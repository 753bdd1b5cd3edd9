// Runs one block's code: asks the page's Python session (session.js) for a run with the
// chosen options, streams its output into the pane, and reports how it ended.
// Data flows one way: this page module → the worker → the Python runtime.

import { threadsSupported } from "../lib/features.js";
import { loadFacts } from "./facts.js";
import { describeOutcome, THREADS_NOTE } from "./report.js";
import { scheduleLabel } from "./schedules.js";
import { LIVE_LABEL } from "./view.js";

export class RunController {
  /** parts: {block, view, pane, session, editor, schedule, filename, threaded, notLive}. */
  constructor(parts) {
    Object.assign(this, parts);
    this.current = null; // the run in progress (or being prepared)
    this.disposed = false;
  }

  /** Python is only worth loading when this Run will really run Python. */
  runsPython() {
    const unchanged = this.editor.unchanged();
    if (this.notLive && unchanged) return false;
    return threadsSupported() || !this.threaded || !unchanged;
  }

  /** The reader may run soon: load Python and the facts in the background. */
  warm() {
    if (!this.runsPython()) return;
    this.session.warm();
    loadFacts().catch(() => {}); // run() reports a failure
  }

  async run() {
    if (this.current) return;
    const { view, pane } = this;
    view.result.hidden = false;
    pane.clear();
    if (!this.runsPython()) return this.#notRun();
    // Taken at once, so a second click waits for this run; Stop before it starts counts.
    const pending = { stopped: false, stop: () => (pending.stopped = true) };
    this.current = pending;
    view.setRunning(true);
    view.say(this.#waitingText());
    let facts;
    try {
      facts = await loadFacts();
    } catch (error) {
      return this.#end({ status: "failed", message: `runtime.json: ${error.message}` }, 0, null);
    }
    if (this.disposed) return;
    if (pending.stopped) return this.#end({ status: "stopped" }, 0, null);
    const limits = { maxLines: facts.max_lines, maxChars: facts.max_chars };
    pane.limit(limits);
    await this.#runPython(facts, limits);
  }

  stop() {
    this.current?.stop();
  }

  // Until its code starts, a run says what it waits for (onStart says "Running…").
  #waitingText() {
    if (this.session.busy) return "Queued: starts when the program running in another example ends (or is stopped).";
    if (!this.session.ready) return "Loading Python; your run starts as soon as it is ready…";
    return "Running…";
  }

  dispose() {
    this.disposed = true;
    this.stop();
  }

  #notRun() {
    const { view, pane } = this;
    view.label.textContent = LIVE_LABEL;
    if (this.notLive) {
      pane.note(this.notLive);
      view.say(this.notLive, "threads");
      view.setState("not-live");
      return;
    }
    // Nothing ran: no "live run" box, and the reason once, in the status line.
    view.result.hidden = true;
    view.say(THREADS_NOTE, "threads");
    view.setState("threads");
  }

  #options(facts) {
    const live = threadsSupported();
    const { mode, seed } = this.schedule.chosen();
    return { max_lines: facts.max_lines, max_chars: facts.max_chars, threads: live, mode, seed, events: live };
  }

  async #runPython(facts, limits) {
    const { view, pane } = this;
    const events = [];
    let started = 0;
    let versionsText = "";
    this.current = this.session.run(this.editor.source(), this.filename, this.#options(facts), {
      onProgress: (message) => view.showProgress(message),
      onStart: (versions) => {
        view.progress.hidden = true;
        started = performance.now();
        if (versions) versionsText = ` · Python ${versions.python} (Pyodide ${versions.pyodide})`;
        view.label.textContent = `${LIVE_LABEL}${versionsText}`;
        view.say("Running…");
      },
      onOutput: (chunks) => pane.push(chunks),
      onEvents: (batch) => events.push(...batch),
    });
    const outcome = await this.current.done;
    if (this.disposed) return;
    this.#settle();
    if (outcome.mode) this.#labelSchedule(outcome, versionsText);
    this.#announce(outcome, events);
    this.#report(outcome, started ? performance.now() - started : 0, limits);
  }

  // Label the output with how its threads were scheduled (and the seed to replay it).
  #labelSchedule(outcome, versionsText) {
    const { view } = this;
    view.label.textContent = `${LIVE_LABEL}${versionsText}${scheduleLabel(outcome)}`;
    view.ui.dataset.mode = outcome.mode;
    view.ui.dataset.seed = outcome.seed != null ? String(outcome.seed) : "";
  }

  // The run's event stream (thread start/end, waits, switches, output lines), for a
  // timeline to draw: kept on the block and announced.
  #announce(outcome, events) {
    this.block.runnerEvents = events;
    this.block.dispatchEvent(new CustomEvent("runner:done", { detail: { outcome, events } }));
  }

  #end(outcome, ms, limits) {
    this.#settle();
    this.#report(outcome, ms, limits);
  }

  // The run is over: controls back, the last output drawn.
  #settle() {
    this.current = null;
    this.view.setRunning(false);
    this.view.progress.hidden = true;
    this.pane.render();
  }

  #report(outcome, ms, limits) {
    const { view, pane } = this;
    view.setState(outcome.status);
    const { status, note } = describeOutcome(outcome, ms, { limits, empty: !view.code.textContent });
    if (note) pane.note(note);
    view.say(...status);
  }
}
