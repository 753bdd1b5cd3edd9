// One example block's runner: finds the block's parts, builds the view, and wires the
// reader's gestures to the editor swap, the run controller, the schedule controls and
// (on the playground) sharing. Returns the block's cleanup.

import { threadsSupported } from "../lib/features.js";
import { RunController } from "./controller.js";
import { el } from "./dom.js";
import { EditorSwap } from "./editor_swap.js";
import { OutputPane } from "./output.js";
import { ScheduleControls } from "./schedule_controls.js";
import { sharedSource } from "./share.js";
import { ShareControls } from "./share_controls.js";
import { StepperControls } from "./stepper_controls.js";
import { RunnerView } from "./view.js";

/** What the page says about a block: its parts, and what the build put in data-json. */
function describe(block) {
  const live = block.querySelector(".example__live");
  const codeBox = block.querySelector(".example__code");
  const staticCode = codeBox?.querySelector(".highlight") || codeBox?.querySelector("pre");
  const playground = block.classList.contains("example--playground");
  const data = JSON.parse(block.dataset.json || "{}");
  return {
    live,
    codeBox,
    staticCode,
    playground,
    filename: playground ? "playground.py" : `examples/${block.dataset.example}.py`,
    threaded: block.dataset.threads === "true",
    // Some examples cannot run in a browser at all (live = "none" in examples.toml).
    notLive: data.live === "none" ? data.live_note : "",
  };
}

/** Build the runner's elements and put them into the block. */
function buildParts(block, info, session) {
  const view = new RunnerView(info.filename);
  const schedule = new ScheduleControls({ open: info.playground });
  const share = info.playground ? new ShareControls() : null;
  const extras = [];
  if (info.threaded && threadsSupported()) extras.push(schedule.box);
  // You are the scheduler: a stepped run of this code (stepper_controls.js).
  const stepper = info.threaded && threadsSupported() ? new StepperControls(block) : null;
  if (stepper) view.bar.insertBefore(stepper.button, view.hint);
  if (share) {
    view.bar.insertBefore(share.button, view.hint);
    extras.push(share.field);
  }
  view.attach(info.live, ...extras);
  const pane = new OutputPane(view.code);
  const controller = new RunController({ block, view, pane, session, schedule, ...info });
  const editor = new EditorSwap({ block, ...info, onRun: () => controller.run() });
  controller.editor = editor;
  return { view, schedule, share, editor, controller, stepper };
}

function wire(on, block, info, { view, schedule, share, editor, controller, stepper }) {
  // Run warms Python only: the editor (its bundle's ~370 KB, evaluated in a few short
  // tasks) comes when the reader reaches for the code, not on the way to a first Run.
  const intent = () => controller.warm();
  for (const type of ["pointerenter", "focus", "pointerdown"]) on(view.runButton, type, intent);
  for (const type of ["pointerenter", "focusin", "pointerdown"]) on(info.codeBox, type, () => editor.mount());
  on(view.runButton, "click", () => controller.run());
  on(view.stopButton, "click", () => controller.stop());
  on(view.resetButton, "click", () => {
    editor.restore();
    // While a run goes on, its status stays: the restored code runs next time.
    if (!controller.current) view.say(info.playground ? "Starting code restored." : "Original example restored.");
  });
  on(schedule.select, "change", () => schedule.sync());
  on(schedule.newSeedButton, "click", () => {
    schedule.reseed();
    controller.run();
  });
  if (share) on(share.button, "click", () => share.share(editor.source(), (text) => view.say(text)));
  if (stepper) {
    for (const type of ["pointerenter", "focus"]) on(stepper.button, type, intent);
    on(stepper.button, "click", () => stepper.open(view.ui, controller.session, editor.source(), info.filename));
  }
}

// A shared link brings its program. The editor still comes on intent, as everywhere:
// evaluating its bundle at load was the playground's longest task (Lighthouse TBT).
async function openShared(editor) {
  const shared = await sharedSource();
  if (editor.disposed) return;
  if (shared !== null) editor.replaceOriginal(shared);
}

// An example that can never run in a browser gets its reason, and no Run to try.
function mountNotLive(info) {
  const status = el("p", { className: "runner__status runner__status--threads", textContent: info.notLive });
  const ui = el("div", { className: "runner runner--not-live" }, status);
  ui.dataset.state = "not-live";
  info.live.append(ui);
  return () => {
    ui.remove();
    delete info.live.dataset.runner;
  };
}

export function mountBlock(block, session) {
  const info = describe(block);
  if (!info.live || !info.staticCode || info.live.dataset.runner) return undefined;
  info.live.dataset.runner = "mounted";
  if (info.notLive) return mountNotLive(info);
  const parts = buildParts(block, info, session);
  const abort = new AbortController();
  const on = (target, type, fn) => target.addEventListener(type, fn, { signal: abort.signal });
  wire(on, block, info, parts);
  if (info.playground) openShared(parts.editor);
  return () => {
    abort.abort();
    parts.stepper?.close();
    parts.controller.dispose();
    parts.editor.dispose();
    parts.view.remove();
    delete info.live.dataset.runner;
  };
}
