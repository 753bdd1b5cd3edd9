// What a pause of a stepped run means, in words: for the thread list, the code
// markers and the screen-reader announcement. Pure functions of the runtime's state
// (browser_runtime/threads/stepping.py: {step, kind, threads, globals}).

export const STOP = -1; // abandon the run (worker protocol, see runner/worker.js)

export const canRun = (thread) => thread.status === "ready" || thread.status === "new";

export function runnable(state) {
  return state.threads.filter(canRun);
}

/** "line 9, next BINARY_OP +=, read counter = 0" and the like. */
export function whereText(thread) {
  switch (thread.status) {
    case "new":
      return "not started yet";
    case "done":
      return "finished";
    case "blocked": {
      const on = thread.held_by ? ` (held by ${thread.held_by})` : thread.target ? ` (for ${thread.target})` : "";
      const line = thread.line ? `, line ${thread.line}` : "";
      return `waiting in ${thread.waiting_for || "a blocking call"}${on}${line}`;
    }
    default: {
      const parts = [thread.line ? `line ${thread.line}` : "starting"];
      if (thread.instr) parts.push(`next ${thread.instr}`);
      for (const [name, value] of thread.reads || []) parts.push(`read ${name} = ${value}`);
      return parts.join(", ");
    }
  }
}

export function globalsText(state) {
  return state.globals.map(([name, value]) => `${name} = ${value}`).join(", ");
}

/** The sentence a screen reader hears after each step. */
export function announcement(state) {
  const threads = state.threads.map((t) => `${t.name}: ${whereText(t)}.`).join(" ");
  const shared = state.globals.length ? ` Shared: ${globalsText(state)}.` : "";
  const choice = runnable(state).length ? " Choose the thread that runs next." : "";
  return `Step ${state.step}. ${threads}${shared}${choice}`;
}

/** Which thread to keep selected: the previous one if it can still run. */
export function nextSelection(state, previousId) {
  const ready = runnable(state);
  return (ready.find((t) => t.id === previousId) || ready[0] || {}).id ?? null;
}

/** Code line -> names of the threads whose current line it is. */
export function markers(state) {
  const byLine = new Map();
  for (const t of state.threads) {
    if (!t.line || t.status === "done") continue;
    if (!byLine.has(t.line)) byLine.set(t.line, []);
    byLine.get(t.line).push(t);
  }
  return byLine;
}

/** For the race challenge: "expected 4, got 3" means an update was lost. */
export function lostUpdates(output) {
  const match = /expected (\d+), got (\d+)/.exec(output);
  return match ? Number(match[1]) - Number(match[2]) : null;
}
