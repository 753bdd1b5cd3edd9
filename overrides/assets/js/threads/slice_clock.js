// The state of the threads runtime's time slices, as pure logic: no Pyodide, no timers.
// CPython's Emscripten build polls the interrupt buffer every N eval-breaker checks, N
// being the value of its signal clock; poll() answers that poll (0, or SIGVTALRM when the
// running thread's slice is over) and sets N for the next one through `setClock`.
//
// States: off (no run) → a run begins: disarmed → arm(): a slice runs, ending on the
// wall clock ("wall") or after a seeded, counted number of checks ("counted") → the
// slice ends (SIGVTALRM, then disarmed) or disarm() (the thread blocked). defer() asks
// for SIGVTALRM again a few checks later.

import { mulberry32 } from "../lib/mulberry32.js";

export const SIGINT = 2;
export const SIGVTALRM = 26;
export const IDLE_POLL = 1000; // checks between polls when no slice is armed (overhead ~0-2 %)
export const WALL_POLL = 1000; // checks between clock reads while a wall-clock slice runs
// A deferred slice end fires this many checks later: enough for the Python handler
// that asked to return first (firing at the very next check would re-enter it
// from its own frame, recursively, until the stack overflows).
export const DEFER_CHECKS = 50;

export class SliceClock {
  /** setClock(n): poll again after n checks; now(): milliseconds, for wall-clock slices. */
  constructor({ setClock, now = () => performance.now() }) {
    this.setClock = setClock;
    this.now = now;
    this.mode = "off"; // "off" | "wall" | "counted"
    this.armed = false;
    this.fire = false; // deliver SIGVTALRM at the next poll (slice over, or deferred)
    this.deadline = 0;
    this.sliceMs = 5;
    this.sliceChecks = 20000;
    this.random = Math.random;
    this.slices = 0;
  }

  /** A run starts: slices of `ms` (wall) or about `checks` checks (counted, seeded). */
  begin(mode, seed, ms, checks) {
    this.mode = mode;
    this.sliceMs = ms;
    this.sliceChecks = checks;
    this.random = seed === null || seed === undefined ? Math.random : mulberry32(seed);
    this.armed = false;
    this.fire = false;
    this.slices = 0;
  }

  end() {
    this.mode = "off";
    this.armed = false;
    this.fire = false;
    this.setClock(IDLE_POLL);
  }

  /** A thread starts running: start its slice. */
  arm() {
    if (this.mode === "off") return;
    this.fire = false;
    this.armed = true;
    if (this.mode === "wall") {
      this.deadline = this.now() + this.sliceMs;
      this.setClock(WALL_POLL);
    } else {
      this.setClock(Math.max(1, Math.round(this.sliceChecks * (0.5 + this.random()))));
    }
  }

  /** The thread blocked: no slice runs while it waits. */
  disarm() {
    this.armed = false;
    this.fire = false;
  }

  /** The handler ran somewhere unsafe (runtime / stdlib internals): retry shortly. */
  defer() {
    this.fire = true;
    this.setClock(DEFER_CHECKS);
  }

  /** The answer to one poll of the interrupt buffer: 0, or SIGVTALRM. */
  poll() {
    if (this.fire) return this.#sliceOver();
    if (!this.armed) {
      this.setClock(IDLE_POLL);
      return 0;
    }
    if (this.mode === "wall" && this.now() < this.deadline) {
      this.setClock(WALL_POLL);
      return 0;
    }
    // wall: the deadline passed; counted: this is the poll arm() scheduled.
    return this.#sliceOver();
  }

  #sliceOver() {
    this.fire = false;
    this.armed = false;
    this.setClock(IDLE_POLL);
    this.slices += 1;
    return SIGVTALRM;
  }
}
