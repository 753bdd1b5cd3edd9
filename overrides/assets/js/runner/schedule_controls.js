// The Threads controls of a threaded example: how threads are scheduled, and the seed
// that replays a schedule (schedules.js says what each choice means).

import { button, el } from "./dom.js";
import { SCHEDULES, newSeed, parseSeed } from "./schedules.js";

export class ScheduleControls {
  constructor() {
    this.select = el("select", { className: "runner__schedule" });
    for (const [value, { text }] of Object.entries(SCHEDULES)) {
      this.select.append(el("option", { value, textContent: text }));
    }
    this.seedInput = el("input", { className: "runner__seed", type: "number", min: 0, step: 1 });
    this.seedInput.value = String(newSeed());
    this.newSeedButton = button(
      "runner__newseed",
      "New seed",
      "Run again with another seed: another interleaving",
    );
    this.box = el(
      "div",
      { className: "runner__sched" },
      el("label", {}, "Threads: ", this.select),
      el("label", {}, "Seed ", this.seedInput),
      this.newSeedButton,
    );
    this.sync();
  }

  /** Seed controls are enabled only for schedules that take a seed. */
  sync() {
    const { seeded } = SCHEDULES[this.select.value];
    this.seedInput.disabled = !seeded;
    this.newSeedButton.disabled = !seeded;
  }

  reseed() {
    this.seedInput.value = String(newSeed());
  }

  /** The runtime's options for the chosen schedule: {mode, seed}; a bad seed is replaced. */
  chosen() {
    const { mode, seeded } = SCHEDULES[this.select.value];
    if (seeded && parseSeed(this.seedInput.value) === null) this.reseed();
    return { mode, seed: seeded ? parseSeed(this.seedInput.value) : null };
  }
}
