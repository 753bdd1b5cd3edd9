// One example block's runner: Run/Stop/Reset, the editor swapped in on intent, the
// status line and the live output pane (shown above the recorded CPython output).

import { loadEditor } from "./editor.js";
import { OutputPane, MAX_CHARS, MAX_LINES } from "./output.js";
import { TIME_LIMIT_MS } from "./session.js";

// Pyodide cannot start OS threads. When the cooperative threads runtime is plugged
// into the worker, this becomes true and threaded examples run live.
export const LIVE_THREADS = false;

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const RUN_KEY = isMac ? "⌘ Enter" : "Ctrl Enter";

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);

const THREADS_NOTE =
  "This example starts threads, and Python in the browser (Pyodide) cannot start " +
  "real threads yet. The output recorded on CPython, below, shows what it does. " +
  "Code without threads runs here: edit it and press Run.";
const THREADS_RUNTIME_NOTE =
  "Your code tried to start a thread: Python in the browser (Pyodide) cannot start " +
  "real threads yet, so Thread.start() failed. Compare with the output recorded on " +
  "CPython below.";

export function mountBlock(block, session) {
  const live = block.querySelector(".example__live");
  const codeBox = block.querySelector(".example__code");
  const staticCode = codeBox?.querySelector(".highlight") || codeBox?.querySelector("pre");
  if (!live || !staticCode || live.dataset.runner) return undefined;
  live.dataset.runner = "mounted";

  const name = block.dataset.example;
  const filename = `examples/${name}.py`;
  const threaded = block.dataset.threads === "true";
  const original = staticCode.querySelector("code")?.textContent ?? staticCode.textContent;
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
  const ui = el("div", { className: "runner" }, bar, progress, status, result);
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
  const runsPython = () => LIVE_THREADS || !threaded || source() !== original;
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
      pane.note("Not run: this example needs threads.");
      say(THREADS_NOTE, "threads");
      ui.dataset.state = "threads";
      return;
    }
    setRunning(true);
    say(session.ready ? "Running…" : "Loading Python…");
    let started = 0;
    current = session.run(
      text,
      filename,
      { max_lines: MAX_LINES, max_chars: MAX_CHARS },
      {
        onProgress,
        onStart(versions) {
          progress.hidden = true;
          started = performance.now();
          if (versions) {
            label.textContent = `Live run in this browser · Python ${versions.python} (Pyodide ${versions.pyodide})`;
          }
          say("Running…");
        },
        onOutput: (chunks) => pane.push(chunks),
      },
    );
    const outcome = await current.done;
    current = null;
    if (disposed) return;
    setRunning(false);
    progress.hidden = true;
    pane.render();
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
        pane.note(`Stopped: time limit of ${TIME_LIMIT_MS / 1000} s reached.`);
        return say(`Stopped after the ${TIME_LIMIT_MS / 1000} s time limit. Python restarts for the next run.`, "error");
      default:
        return say(`The in-browser runner failed: ${outcome.message || outcome.status}`, "error");
    }
  }

  function reset() {
    editor?.setValue(original);
    block.classList.remove("runner--edited");
    say("Original example restored.");
  }

  // --- events --------------------------------------------------------------------------
  for (const type of ["pointerenter", "focus", "pointerdown"]) on(runButton, type, intent);
  for (const type of ["pointerenter", "focusin", "pointerdown"]) on(codeBox, type, mountEditor);
  on(runButton, "click", () => run());
  on(stopButton, "click", () => current?.stop());
  on(resetButton, "click", reset);

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
