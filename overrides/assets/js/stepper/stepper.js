// "You are the scheduler": a stepped run of a program (mode "step" of the threads
// runtime), driven by the reader. Each pause of the run lists the threads; the reader
// picks one and Step runs it to its next step point. Back and Reset re-run the
// program from the start, replaying the choices made so far (the runtime makes them
// again without asking): runs are deterministic, so the same choices give the same
// state. Protocol: runner/worker.js ("pause" / "step").

import { STOP, announcement, lostUpdates, nextSelection, runnable } from "./state.js";
import { StepperView } from "./view.js";

/**
 * Open the stepper in `host`. options: {source, filename, kind: "line" |
 * "instruction", goal: "lost-update" | undefined, onClose}. Returns {close()}.
 */
export function openStepper(host, session, { source, filename, kind = "line", goal, onClose }) {
  let choices = [];
  let run = null;
  let state = null;
  let output = "";
  let closed = false;
  const view = new StepperView(host, source, {
    kind,
    onStep: (id) => step(id),
    onBack: () => restart(choices.slice(0, -1)),
    onReset: () => restart([]),
    onClose: () => close(),
  });

  function start() {
    output = "";
    state = null;
    view.setOutput("");
    view.setBusy(true);
    view.say(session.ready ? "Starting…" : "Loading Python…");
    const options = { threads: true, mode: "step", step: kind, replay: choices.slice(), events: false };
    const current = session.run(source, filename, options, {
      onOutput(chunks) {
        output += chunks.map(([, text]) => text).join("");
        view.setOutput(output);
      },
      onPause(paused) {
        if (run !== current) return current.step(STOP); // left behind by Back/Reset/Close
        choices = choices.slice(0, paused.step); // a replay that went another way stops early
        state = paused;
        view.render(state, nextSelection(state, view.selected));
        view.setBusy(false, { canStep: runnable(state).length > 0, canBack: choices.length > 0 });
        view.say(announcement(state));
        // Keyboard users land in the thread list when the stepper opens.
        if (!view.root.contains(document.activeElement)) view.select(view.selected, true);
      },
    });
    run = current;
    current.done.then((result) => run === current && finished(result));
  }

  function finished(result) {
    run = null;
    view.setOutput(output);
    if (state) view.render({ ...state, threads: state.threads.map((t) => ({ ...t, status: "done", line: null })) }, null);
    view.setBusy(false, { canStep: false, canBack: choices.length > 0 });
    view.root.dataset.outcome = result.status;
    view.say(ending(result));
  }

  function ending(result) {
    const steps = `after ${choices.length} step${choices.length === 1 ? "" : "s"}`;
    if (result.status === "deadlock") {
      return `Deadlock ${steps}: every thread waits for another. The report below says what each waits for, and where. Back undoes the last step.`;
    }
    if (result.status !== "ok") return `The run ended (${result.status}) ${steps}. Back or Reset to try again.`;
    const lost = goal === "lost-update" ? lostUpdates(output) : null;
    if (lost > 0) return `You made the threads lose ${lost === 1 ? "an update" : `${lost} updates`} ${steps}: ${output.trim()}. That is a race condition.`;
    if (lost === 0) return `No update lost ${steps}: ${output.trim()}. Press Back or Reset and switch threads inside counter += 1.`;
    return `The program finished ${steps}.`;
  }

  function step(id) {
    if (!run || !state || !runnable(state).some((t) => t.id === id)) return;
    choices.push(id);
    view.setBusy(true);
    run.step(id);
  }

  function restart(newChoices) {
    choices = newChoices;
    const old = run;
    run = null;
    if (old) {
      old.step(STOP); // ends the waiting run; the session then starts the next
      old.done.then(() => !closed && start());
    } else {
      start();
    }
  }

  function close() {
    if (closed) return;
    closed = true;
    const old = run;
    run = null;
    old?.step(STOP);
    view.remove();
    onClose?.();
  }

  start();
  return { close, view };
}
