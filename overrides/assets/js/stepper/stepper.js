// "You are the scheduler": a stepped run of a program (mode "step" of the threads
// runtime), driven by the reader. Each pause of the run lists the threads; the reader
// picks one and Step runs it to its next step point. Back and Reset re-run the
// program from the start, replaying the choices made so far (the runtime makes them
// again without asking): runs are deterministic, so the same choices give the same
// state. Protocol: runner/worker.js ("pause" / "step").

import { loadFacts } from "../runner/facts.js";
import { STOP, announcement, lostUpdates, nextSelection, runnable } from "./state.js";
import { StepperView } from "./view.js";

/** How a stepped run ended, in one sentence (for the live region). */
export function ending(result, steps, goal, output, paused = true) {
  const after = `after ${steps} step${steps === 1 ? "" : "s"}`;
  if (!paused && result.status === "ok") {
    return "Nothing to schedule: the program ran straight through. Only programs that import threading, queue or concurrent.futures run as threads here.";
  }
  if (result.status === "deadlock") {
    return `Deadlock ${after}: every thread waits for another. The report below says what each waits for, and where. Back undoes the last step.`;
  }
  if (result.status !== "ok") return `The run ended (${result.status}) ${after}. Back or Reset to try again.`;
  const lost = goal === "lost-update" ? lostUpdates(output) : null;
  const said = output.trim();
  if (lost > 0) return `You made the threads lose ${lost === 1 ? "an update" : `${lost} updates`} ${after}: ${said}. That is a race condition.`;
  if (lost === 0) return `No update lost ${after}: ${said}. Press Back or Reset and switch threads inside counter += 1.`;
  return `The program finished ${after}.`;
}

class SteppedRun {
  constructor(host, session, { source, filename, kind, goal, onClose }) {
    Object.assign(this, { session, source, filename, kind, goal, onClose });
    this.choices = [];
    this.run = null;
    this.state = null;
    this.output = "";
    this.closed = false;
    this.view = new StepperView(host, source, {
      kind,
      onStep: (id) => this.step(id),
      onBack: () => this.restart(this.choices.slice(0, -1)),
      onReset: () => this.restart([]),
      onClose: () => this.close(),
    });
  }

  async start() {
    const { view } = this;
    this.output = "";
    this.state = null;
    this.everPaused = false;
    view.setOutput("");
    view.setBusy(true);
    view.say(this.session.ready ? "Starting…" : "Loading Python…");
    let facts;
    try {
      facts = await loadFacts(); // the session's time limit and the output caps
    } catch (error) {
      view.setBusy(false, { canStep: false, canBack: this.choices.length > 0 });
      return view.say(`The stepper could not start: runtime.json: ${error.message}`);
    }
    if (this.closed) return;
    const options = {
      max_lines: facts.max_lines,
      max_chars: facts.max_chars,
      threads: true,
      mode: "step",
      step: this.kind,
      replay: this.choices.slice(),
      events: false,
    };
    const current = this.session.run(this.source, this.filename, options, {
      onOutput: (chunks) => {
        this.output += chunks.map(([, text]) => text).join("");
        view.setOutput(this.output);
      },
      onPause: (paused) => this.paused(current, paused),
    });
    this.run = current;
    current.done.then((result) => this.run === current && this.finished(result));
  }

  paused(current, state) {
    if (this.run !== current) return current.step(STOP); // left behind by Back/Reset/Close
    const { view } = this;
    this.choices = this.choices.slice(0, state.step); // a replay that went another way stops early
    this.state = state;
    this.everPaused = true;
    view.render(state, nextSelection(state, view.selected));
    view.setBusy(false, { canStep: runnable(state).length > 0, canBack: this.choices.length > 0 });
    view.say(announcement(state));
    // Keyboard users land in the thread list when the stepper opens.
    if (!view.root.contains(document.activeElement)) view.select(view.selected, true);
  }

  finished(result) {
    const { view, state } = this;
    this.run = null;
    view.setOutput(this.output);
    if (state) view.render({ ...state, threads: state.threads.map((t) => ({ ...t, status: "done", line: null })) }, null);
    view.setBusy(false, { canStep: false, canBack: this.choices.length > 0 });
    view.root.dataset.outcome = result.status;
    view.say(ending(result, this.choices.length, this.goal, this.output, this.everPaused));
  }

  step(id) {
    if (!this.run || !this.state || !runnable(this.state).some((t) => t.id === id)) return;
    this.choices.push(id);
    this.view.setBusy(true);
    this.run.step(id);
  }

  restart(choices) {
    this.choices = choices;
    const old = this.run;
    this.run = null;
    if (!old) return this.start();
    old.step(STOP); // ends the waiting run; the session then starts the next
    old.done.then(() => !this.closed && this.start());
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    const old = this.run;
    this.run = null;
    old?.step(STOP);
    this.view.remove();
    this.onClose?.();
  }
}

/**
 * Open the stepper in `host`. options: {source, filename, kind: "line" |
 * "instruction", goal: "lost-update" | undefined, onClose}. Returns {close(), view}.
 */
export function openStepper(host, session, { source, filename, kind = "line", goal, onClose }) {
  const stepped = new SteppedRun(host, session, { source, filename, kind, goal, onClose });
  stepped.start();
  return { close: () => stepped.close(), view: stepped.view };
}
