// One example block's runner: Run/Stop/Reset, the editor swapped in on intent, the
// status line and the live output pane (shown above the recorded CPython output).

import { loadEditor } from "./editor.js";
import { OutputPane, MAX_CHARS, MAX_LINES } from "./output.js";
import { shareUrl, sharedSource } from "./share.js";

// Pyodide cannot start OS threads; the cooperative threads runtime
// (browser_runtime/threads) can, but it suspends threads with WebAssembly stack
// switching (JSPI). Checked here, without loading anything (as threads/preemption.js does).
export const LIVE_THREADS = typeof WebAssembly === "object" && "Suspending" in WebAssembly;

// How threads are scheduled: the <select>'s values, the runtime's options, the label.
const SCHEDULES = {
  gil: { mode: "gil", seeded: false, text: "Like CPython", label: "scheduled like CPython's GIL build (5 ms slices)" },
  replay: { mode: "gil", seeded: true, text: "Replayable (seed)", label: "replayable, like CPython's GIL build" },
  anywhere: { mode: "anywhere", seeded: true, text: "Switch anywhere (seed)", label: "switching anywhere" },
};
const newSeed = () => Math.floor(Math.random() * 1_000_000);

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const RUN_KEY = isMac ? "⌘ Enter" : "Ctrl Enter";

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);

const THREADS_NOTE =
  "Not run: this browser lacks WebAssembly stack switching (JSPI), which live threads " +
  "need; the output recorded on CPython, below, shows what this example does.";
const THREADS_RUNTIME_NOTE =
  "Your code tried to start a thread, and this browser lacks WebAssembly stack " +
  "switching (JSPI), which live threads need. Compare with the output recorded on " +
  "CPython below.";

export function mountBlock(block, session) {
  const live = block.querySelector(".example__live");
  const codeBox = block.querySelector(".example__code");
  const staticCode = codeBox?.querySelector(".highlight") || codeBox?.querySelector("pre");
  if (!live || !staticCode || live.dataset.runner) return undefined;
  live.dataset.runner = "mounted";

  const name = block.dataset.example;
  const playground = block.classList.contains("example--playground");
  const filename = playground ? "playground.py" : `examples/${name}.py`;
  const threaded = block.dataset.threads === "true";
  let original = staticCode.querySelector("code")?.textContent ?? staticCode.textContent;
  const data = JSON.parse(block.dataset.json || "{}");
  // Some examples cannot run in a browser at all (live = "none" in examples.toml).
  const notLive = data.live === "none" ? data.live_note : "";
  const abort = new AbortController();
  const on = (target, type, fn) => target.addEventListener(type, fn, { signal: abort.signal });

  // --- controls -------------------------------------------------------------------
  const runButton = el("button", { type: "button", className: "runner__run", textContent: "Run" });
  const stopButton = el("button", { type: "button", className: "runner__stop", textContent: "Stop", disabled: true });
  const resetButton = el("button", { type: "button", className: "runner__reset", textContent: "Reset" });
  runButton.title = `Run this code in your browser (${RUN_KEY} in the editor)`;
  resetButton.title = "Put back the original example";
  const hint = el("span", { className: "runner__hint", textContent: `Edit the code, then Run (${RUN_KEY})` });
  const status = el("p", { className: "runner__status" });
  status.setAttribute("role", "status");
  const progress = el("progress", { className: "runner__progress", hidden: true, max: 1, value: 0 });
  progress.setAttribute("aria-label", "Loading Python");
  const label = el("p", { className: "example__label runner__label", textContent: "Live run in this browser" });
  const code = el("code");
  const pre = el("pre", { className: "runner__output" }, code);
  pre.setAttribute("role", "log");
  pre.setAttribute("aria-live", "polite");
  pre.setAttribute("aria-label", `Live output of ${filename}`);
  pre.tabIndex = 0; // scrollable region: reachable by keyboard
  const result = el("div", { className: "runner__result", hidden: true }, label, pre);
  const bar = el("div", { className: "runner__bar" }, runButton, stopButton, resetButton, hint);
  const ui = el("div", { className: "runner" }, bar);
  // Threaded code: how threads are scheduled, and the seed that replays a schedule.
  const schedule = el("select", { className: "runner__schedule" });
  for (const [value, { text }] of Object.entries(SCHEDULES)) {
    schedule.append(el("option", { value, textContent: text }));
  }
  const seedInput = el("input", { className: "runner__seed", type: "number", min: 0, step: 1 });
  seedInput.value = String(newSeed());
  const newSeedButton = el("button", { type: "button", className: "runner__newseed", textContent: "New seed" });
  newSeedButton.title = "Run again with another seed: another interleaving";
  const scheduleBox = el(
    "div",
    { className: "runner__sched" },
    el("label", {}, "Threads: ", schedule),
    el("label", {}, "Seed ", seedInput),
    newSeedButton,
  );
  const syncSchedule = () => {
    const seeded = SCHEDULES[schedule.value].seeded;
    seedInput.disabled = !seeded;
    newSeedButton.disabled = !seeded;
  };
  syncSchedule();
  if (threaded && LIVE_THREADS) ui.append(scheduleBox);
  let shareButton = null;
  let shareField = null;
  if (playground) {
    shareButton = el("button", { type: "button", className: "runner__share", textContent: "Share" });
    shareButton.title = "Copy a link that reopens the playground with this code";
    shareField = el("input", { className: "runner__link", type: "url", readOnly: true, hidden: true });
    shareField.setAttribute("aria-label", "Link to this program");
    bar.insertBefore(shareButton, hint);
    ui.append(shareField);
  }
  ui.append(progress, status, result);
  ui.dataset.state = "idle";
  live.append(ui);
  const pane = new OutputPane(code);

  // --- editor, swapped in on intent ------------------------------------------------
  let editor = null;
  let editorLoading = null;
  let disposed = false;
  const source = () => (editor ? editor.getValue() : original);

  function mountEditor() {
    editorLoading ??= loadEditor()
      .then(({ createEditor }) => {
        if (disposed) return;
        const hadFocus = codeBox.contains(document.activeElement);
        const host = el("div", { className: "runner__editor" });
        staticCode.hidden = true;
        codeBox.append(host);
        editor = createEditor(host, original, {
          onRun: () => run(),
          onChange: () => block.classList.toggle("runner--edited", source() !== original),
          label: `Code of ${filename} (editable)`,
        });
        if (hadFocus) editor.focus();
      })
      .catch((error) => {
        editorLoading = null;
        console.warn("code editor unavailable", error);
      });
    return editorLoading;
  }

  // Python is only worth loading when this Run will really run Python.
  const unchanged = () => source() === original;
  const runsPython = () => !(notLive && unchanged()) && (LIVE_THREADS || !threaded || !unchanged());
  let events = [];
  function intent() {
    mountEditor();
    if (runsPython()) session.warm();
  }

  // --- running -----------------------------------------------------------------------
  let current = null;

  function setRunning(running) {
    runButton.disabled = running;
    stopButton.disabled = !running;
    ui.classList.toggle("runner--running", running);
    if (running) ui.dataset.state = "running";
  }

  function say(text, kind = "") {
    status.textContent = text;
    status.className = `runner__status${kind ? ` runner__status--${kind}` : ""}`;
  }

  function onProgress(message) {
    if (message.stage === "download") {
      progress.hidden = false;
      progress.max = message.total;
      progress.value = message.loaded;
      say(`Loading Python: ${mb(message.loaded)} of ${mb(message.total)} MB`);
    } else if (message.stage === "start") {
      progress.hidden = true;
      say("Starting Python…");
    }
  }

  async function run() {
    if (current) return;
    const text = source();
    result.hidden = false;
    pane.clear();
    if (!runsPython()) {
      label.textContent = "Live run in this browser";
      if (notLive) {
        pane.note(notLive);
        say(notLive, "threads");
        ui.dataset.state = "not-live";
        return;
      }
      pane.note("Not run: live threads need WebAssembly stack switching (JSPI).");
      say(THREADS_NOTE, "threads");
      ui.dataset.state = "threads";
      return;
    }
    setRunning(true);
    say(session.ready ? "Running…" : "Loading Python…");
    let started = 0;
    const chosen = SCHEDULES[schedule.value];
    if (chosen.seeded && !/^\d+$/.test(seedInput.value)) seedInput.value = String(newSeed());
    const options = {
      max_lines: MAX_LINES,
      max_chars: MAX_CHARS,
      threads: LIVE_THREADS,
      mode: chosen.mode,
      seed: chosen.seeded ? Number(seedInput.value) : null,
      events: LIVE_THREADS,
    };
    events = [];
    let versionsText = "";
    current = session.run(text, filename, options, {
      onProgress,
      onStart(versions) {
        progress.hidden = true;
        started = performance.now();
        if (versions) versionsText = ` · Python ${versions.python} (Pyodide ${versions.pyodide})`;
        label.textContent = `Live run in this browser${versionsText}`;
        say("Running…");
      },
      onOutput: (chunks) => pane.push(chunks),
      onEvents: (batch) => events.push(...batch),
    });
    const outcome = await current.done;
    current = null;
    if (disposed) return;
    setRunning(false);
    progress.hidden = true;
    pane.render();
    if (outcome.mode) {
      // Label the output with how its threads were scheduled (and the seed to replay it).
      const seeded = outcome.seed != null; // None arrives as undefined
      const how = Object.values(SCHEDULES).find((s) => s.mode === outcome.mode && s.seeded === seeded);
      const seed = seeded ? `, seed ${outcome.seed}` : "";
      label.textContent = `Live run in this browser${versionsText} · threads ${how?.label ?? outcome.mode}${seed}`;
      ui.dataset.mode = outcome.mode;
      ui.dataset.seed = seeded ? String(outcome.seed) : "";
    }
    // The run's event stream (thread start/end, waits, switches, output lines), for
    // a timeline to draw: kept on the block and announced.
    block.runnerEvents = events;
    block.dispatchEvent(new CustomEvent("runner:done", { detail: { outcome, events } }));
    report(outcome, started ? performance.now() - started : 0);
  }

  function report(outcome, ms) {
    ui.dataset.state = outcome.status; // for styling and tests: ok, error, stopped…
    const took = `${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}`;
    switch (outcome.status) {
      case "ok":
        if (!code.textContent) pane.note("(no output)");
        return say(`Finished in ${took}.`, "ok");
      case "exit":
        return say(`Exited with status ${outcome.exit_code} after ${took}.`, "error");
      case "deadlock":
        return say(
          "Deadlock: every thread is waiting and none can wake the others. The report " +
            "above says what each thread waits for, and where.",
          "error",
        );
      case "error":
        return say("Ended with an exception; the traceback shows your code only.", "error");
      case "syntax-error":
        return say("Syntax error: nothing ran. Fix the line shown and run again.", "error");
      case "threads":
        pane.note("Stopped: threads cannot start here.");
        return say(THREADS_RUNTIME_NOTE, "threads");
      case "output-limit":
        pane.note(`… output cut at ${MAX_LINES.toLocaleString("en")} lines / ${MAX_CHARS.toLocaleString("en")} characters; the program was stopped.`);
        return say("Output limit reached: the program was stopped.", "error");
      case "stopped":
        pane.note("Stopped.");
        return say("Stopped. Python restarts in the background for the next run.");
      case "timeout":
        pane.note(`Stopped: time limit of ${outcome.limit_ms / 1000} s reached.`);
        return say(`Stopped after the ${outcome.limit_ms / 1000} s time limit. Python restarts for the next run.`, "error");
      default:
        return say(`The in-browser runner failed: ${outcome.message || outcome.status}`, "error");
    }
  }

  function reset() {
    editor?.setValue(original);
    block.classList.remove("runner--edited");
    say(playground ? "Starting code restored." : "Original example restored.");
  }

  async function share() {
    const url = await shareUrl(source());
    history.replaceState(history.state, "", url);
    shareField.value = url;
    shareField.hidden = false;
    shareField.select();
    try {
      await navigator.clipboard.writeText(url);
      say("Link copied: it opens this playground with your code.");
    } catch {
      say("Copy the link above: it opens this playground with your code.");
    }
  }

  // --- events --------------------------------------------------------------------------
  for (const type of ["pointerenter", "focus", "pointerdown"]) on(runButton, type, intent);
  for (const type of ["pointerenter", "focusin", "pointerdown"]) on(codeBox, type, mountEditor);
  on(runButton, "click", () => run());
  on(stopButton, "click", () => current?.stop());
  on(resetButton, "click", reset);
  on(schedule, "change", syncSchedule);
  on(newSeedButton, "click", () => {
    seedInput.value = String(newSeed());
    run();
  });
  if (playground) {
    on(shareButton, "click", share);
    // A shared link brings its program; the playground's editor is there at once.
    sharedSource().then((shared) => {
      if (disposed) return;
      if (shared !== null) {
        original = shared;
        editor?.setValue(shared);
        const codeEl = staticCode.querySelector("code");
        if (codeEl && !editor) codeEl.textContent = shared;
      }
      mountEditor();
    });
  }

  return () => {
    disposed = true;
    abort.abort();
    current?.stop();
    editor?.destroy();
    codeBox.querySelector(".runner__editor")?.remove();
    staticCode.hidden = false;
    ui.remove();
    delete live.dataset.runner;
  };
}
