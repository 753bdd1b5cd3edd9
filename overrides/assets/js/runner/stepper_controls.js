// The "Step through" button of a threaded block: opens the stepper (../stepper/) on the
// block's current code, with the reader as the scheduler. A page asks for one bytecode
// instruction per step, and a goal, by wrapping the block in
// <div data-step="instruction" data-goal="lost-update">.
// The stepper's own modules load on the first click (a chunk of the site's bundle,
// sitebuild/scripts.py): they need not hold up the page's Run buttons.

import { button } from "./dom.js";

const loadStepper = () => import("../stepper/stepper.js");

export class StepperControls {
  constructor(block) {
    this.wrap = block.closest("[data-step]");
    this.button = button("runner__stepper", "Step through", "Be the scheduler: choose which thread runs each step");
    this.stepper = null;
    this.opening = null; // a click whose stepper code is still loading
  }

  async open(host, session, source, filename) {
    this.close();
    this.button.disabled = true;
    const opening = (this.opening = {});
    const { openStepper } = await loadStepper();
    if (this.opening !== opening) return; // closed while loading
    this.opening = null;
    this.stepper = openStepper(host, session, {
      source,
      filename,
      kind: this.wrap?.dataset.step || "line",
      goal: this.wrap?.dataset.goal,
      onClose: () => {
        this.stepper = null;
        this.button.disabled = false;
        if (this.button.isConnected) this.button.focus();
      },
    });
  }

  close() {
    if (this.opening) this.button.disabled = false;
    this.opening = null;
    this.stepper?.close();
  }
}
