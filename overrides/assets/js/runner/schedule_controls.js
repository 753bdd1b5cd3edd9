// The Threads controls of a threaded example: how threads are scheduled, and the seed
// that replays a schedule (schedules.js says what each choice means).

import { button, el } from "./dom.js";
import { SCHEDULES, newSeed, parseSeed } from "./schedules.js";

// Where the page explains the choices (the playground's table of schedules).
const EXPLAINED = new URL("../../../playground/#where-threads-switch", import.meta.url).href;

export class ScheduleControls {
  /** open: shown unfolded (the playground, where schedules are the point). */
  constructor({ open = false } = {}) {
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
    // Folded behind one small control: most readers never need it, and unexplained it
    // was three rows of puzzles on a phone.
    this.summary = el("summary", { className: "runner__sched-summary" });
    const why = el(
      "p",
      { className: "runner__sched-why" },
      "How the page switches between threads; a seed replays one interleaving exactly. ",
      el("a", { href: EXPLAINED, textContent: "What the choices mean" }),
    );
    const controls = el(
      "div",
      { className: "runner__sched-controls" },
      el("label", {}, "Threads: ", this.select),
      el("label", {}, "Seed ", this.seedInput),
      this.newSeedButton,
    );
    this.box = el("details", { className: "runner__sched", open }, this.summary, why, controls);
    this.sync();
  }

  /** Seed controls are enabled only for schedules that take a seed. */
  sync() {
    const { seeded, text } = SCHEDULES[this.select.value];
    this.summary.textContent = `Thread schedule: ${text}`;
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
