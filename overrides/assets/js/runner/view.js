// The runner's markup for one example block: Run/Stop/Reset, the hint, the status line,
// the download progress and the live output pane. Only builds and updates elements; what
// happens on a click is the controller's business (controller.js).

import { button, el } from "./dom.js";
import { downloadText } from "./download_meter.js";

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
// A phone has no Ctrl key to press: the shortcut is named only with a fine pointer
// (mouse, trackpad), the usual sign of a keyboard.
const hasKeyboard = window.matchMedia?.("(pointer: fine)").matches ?? true;
const RUN_KEY = isMac ? "⌘ Enter" : "Ctrl Enter";
const withKey = (text, where = "") => (hasKeyboard ? `${text} (${RUN_KEY}${where})` : text);
export const LIVE_LABEL = "Live run in this browser";

// Progress is shown only to a run that waits for Python: each message keeps its promise.
const WAITING = "; your run starts as soon as it is ready…";

function outputBox(filename) {
  const label = el("p", { className: "example__label runner__label", textContent: LIVE_LABEL });
  const code = el("code");
  const pre = el("pre", { className: "runner__output" }, code);
  pre.setAttribute("role", "log");
  pre.setAttribute("aria-live", "polite");
  pre.setAttribute("aria-label", `Live output of ${filename}`);
  pre.tabIndex = 0; // scrollable region: reachable by keyboard
  const result = el("div", { className: "runner__result", hidden: true }, label, pre);
  return { label, code, result };
}

/** The elements of one runner, not yet in the page (see RunnerView.attach). */
export class RunnerView {
  constructor(filename) {
    this.runButton = button("runner__run", "Run", withKey("Run this code in your browser", " in the editor"));
    this.stopButton = button("runner__stop", "Stop");
    this.stopButton.disabled = true;
    this.resetButton = button("runner__reset", "Reset", "Put back the original example");
    this.hint = el("span", { className: "runner__hint", textContent: withKey("Edit the code, then Run") });
    this.status = el("p", { className: "runner__status" });
    this.status.setAttribute("role", "status");
    this.progress = el("progress", { className: "runner__progress", hidden: true, max: 1, value: 0 });
    this.progress.setAttribute("aria-label", "Loading Python");
    Object.assign(this, outputBox(filename));
    this.bar = el("div", { className: "runner__bar" }, this.runButton, this.stopButton, this.resetButton, this.hint);
    this.ui = el("div", { className: "runner" }, this.bar);
  }

  /** Add optional parts (schedule controls, share field), then put the runner in `live`. */
  attach(live, ...extras) {
    this.ui.append(...extras, this.progress, this.status, this.result);
    this.ui.dataset.state = "idle";
    live.append(this.ui);
  }

  say(text, kind = "") {
    this.status.textContent = text;
    this.status.className = `runner__status${kind ? ` runner__status--${kind}` : ""}`;
  }

  setState(state) {
    this.ui.dataset.state = state; // for styling and tests: idle, running, ok, error…
  }

  setRunning(running) {
    // A focused button that gets disabled drops focus to <body>: hand it to the button
    // that takes over (Run -> Stop while running, Stop -> Run when the run ends).
    const [from, to] = running ? [this.runButton, this.stopButton] : [this.stopButton, this.runButton];
    const moveFocus = document.activeElement === from;
    to.disabled = false;
    if (moveFocus) to.focus();
    from.disabled = true;
    this.ui.classList.toggle("runner--running", running);
    if (running) this.setState("running");
  }

  /** A progress message from the worker: {stage: "download", loaded, total} or "start". */
  showProgress(message) {
    if (message.stage === "download") {
      this.progress.hidden = false;
      this.progress.max = message.total;
      this.progress.value = message.loaded;
      this.say(`Loading Python (1 of 2): ${downloadText(message)}${WAITING}`);
    } else if (message.stage === "start") {
      // Compiling and starting Python: the longest wait on a slow phone. No byte count
      // to show, so the bar runs without a value (indeterminate) instead of standing still.
      this.progress.hidden = false;
      this.progress.removeAttribute("value");
      this.say(`Loading Python (2 of 2): compiling and starting${WAITING}`);
    }
  }

  remove() {
    this.ui.remove();
  }
}
