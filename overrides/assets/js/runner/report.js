// What the page says when a run ends: the status line and the note in the output pane,
// from the worker's outcome ({status, exit_code, limit_ms, message...}). Pure.

import { capNote } from "./output_cap.js";

export const THREADS_NOTE =
  "Not run: this browser lacks WebAssembly stack switching (JSPI), which live threads " +
  "need; the output recorded on CPython, below, shows what this example does.";
export const THREADS_RUNTIME_NOTE =
  "Your code tried to start a thread, and this browser lacks WebAssembly stack " +
  "switching (JSPI), which live threads need. Compare with the output recorded on " +
  "CPython below.";
const DEADLOCK =
  "Deadlock: every thread is waiting and none can wake the others. The report " +
  "below says what each thread waits for, and where.";

const RESTARTED = " It did not end when interrupted, so a fresh Python starts for the next run.";

export function formatDuration(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * {status: [text, kind], note} for an outcome. `limits` are the output caps
 * ({maxLines, maxChars}); `empty` says the run printed nothing.
 */
export function describeOutcome(outcome, ms, { limits, empty }) {
  const took = formatDuration(ms);
  const seconds = outcome.limit_ms / 1000;
  switch (outcome.status) {
    case "ok":
      return { status: [`Finished in ${took}.`, "ok"], note: empty ? "(no output)" : null };
    case "exit":
      return { status: [`Exited with status ${outcome.exit_code} after ${took}.`, "error"] };
    case "deadlock":
      return { status: [DEADLOCK, "error"] };
    case "error":
      return { status: ["Ended with an exception; the traceback shows your code only.", "error"] };
    case "syntax-error":
      return { status: ["Syntax error: nothing ran. Fix the line shown and run again.", "error"] };
    case "threads":
      return { status: [THREADS_RUNTIME_NOTE, "threads"], note: "Stopped: threads cannot start here." };
    case "output-limit":
      return { status: ["Output limit reached: the program was stopped.", "error"], note: capNote(limits) };
    case "stopped": // interrupted (KeyboardInterrupt); `restarted`: it did not end, so Python was replaced
      return { status: [`Stopped.${outcome.restarted ? RESTARTED : ""}`, ""], note: "Stopped." };
    case "crashed": // "Python crashed: …" (session.js); a fresh Python is already starting
      return { status: [`${outcome.message} A fresh Python is starting for the next run.`, "error"] };
    case "timeout":
      return {
        status: [`Stopped after the ${seconds} s time limit.${outcome.restarted ? RESTARTED : ""}`, "error"],
        note: `Stopped: time limit of ${seconds} s reached.`,
      };
    default:
      return { status: [`The in-browser runner failed: ${outcome.message || outcome.status}`, "error"] };
  }
}
