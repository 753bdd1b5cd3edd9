// The Threads controls of a threaded example: how threads are scheduled, and the seed
// that replays a schedule (schedules.js says what each choice means).

import { button, el } from "./dom.js";
import { SCHEDULES, SCHEDULES_HELP, newSeed, parseSeed } from "./schedules.js";

// The site root, from this module's place in it (assets/js/runner/).
const SITE_ROOT = new URL("../../../", import.meta.url);

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
      el("a", { className: "runner__schedhelp", href: new URL(SCHEDULES_HELP, SITE_ROOT).href, textContent: "What do these model?" }),
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
