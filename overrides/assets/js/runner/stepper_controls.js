// The "Step through" button of a threaded block: opens the stepper (../stepper/) on the
// block's current code, with the reader as the scheduler. A page asks for one bytecode
// instruction per step, and a goal, by wrapping the block in
// <div data-step="instruction" data-goal="lost-update">.

import { openStepper } from "../stepper/stepper.js";
import { button } from "./dom.js";

export class StepperControls {
  constructor(block) {
    this.wrap = block.closest("[data-step]");
    this.button = button("runner__stepper", "Step through", "Be the scheduler: choose which thread runs each step");
    this.stepper = null;
  }

  open(host, session, source, filename) {
    this.close();
    this.button.disabled = true;
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
    this.stepper?.close();
  }
}
