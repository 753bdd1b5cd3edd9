// Time slices for the cooperative threads runtime (browser_runtime/threads).
//
// CPython's Emscripten build polls `Module.Py_EmscriptenSignalBuffer[0]` at its
// eval-breaker checks and raises any non-zero value as a signal. The buffer here is
// an object whose `0` getter returns SIGVTALRM when the running thread's slice is
// over; Python's handler then switches threads. Slices end either on the wall clock
// ("wall") or after a seeded, counted number of checks ("counted": the same seed
// gives the same switch points). Any buffer installed before (Stop / Ctrl-C) is
// chained: its value is passed through first.
//
// Usage in the worker, once after loadPyodide():
//   import { installPreemption } from ".../threads/preemption.js";
//   const slices = installPreemption(pyodide);   // chains the current interrupt buffer
// Python finds the controller as the JS module `browser_threads_js`.

import { mulberry32 } from "../lib/mulberry32.js";

const SIGINT = 2;
const SIGVTALRM = 26;
const IDLE_POLL = 1000; // checks between polls when no slice is armed (overhead ~0-2 %)
const WALL_POLL = 1000; // checks between clock reads while a wall-clock slice runs
// A deferred slice end fires this many checks later: enough for the Python handler
// that asked to return first (firing at the very next check would re-enter it
// from its own frame, recursively, until the stack overflows).
const DEFER_CHECKS = 50;


export function installPreemption(pyodide, { chain, moduleName = "browser_threads_js" } = {}) {
  const Module = pyodide._module;
  const clockIndex = Module.__Py_emscripten_signal_clock >> 2;
  const setClock = (n) => {
    Module.HEAP32[clockIndex] = n;
  };
  let chained = chain === undefined ? Module.Py_EmscriptenSignalBuffer || null : chain;

  let mode = "off"; // "off" | "wall" | "counted"
  let armed = false;
  let fire = false; // deliver SIGVTALRM at the next poll (slice over, or deferred)
  let deadline = 0;
  let sliceMs = 5;
  let sliceChecks = 20000;
  let random = Math.random;
  let idleTimer = null;
  let slices = 0;

  const buffer = {
    get 0() {
      if (chained) {
        const value = chained[0];
        if (value) {
          chained[0] = 0;
          return value;
        }
      }
      if (fire) {
        fire = false;
        armed = false;
        setClock(IDLE_POLL);
        slices += 1;
        return SIGVTALRM;
      }
      if (!armed) {
        setClock(IDLE_POLL);
        return 0;
      }
      if (mode === "wall") {
        if (performance.now() >= deadline) {
          armed = false;
          setClock(IDLE_POLL);
          slices += 1;
          return SIGVTALRM;
        }
        setClock(WALL_POLL);
        return 0;
      }
      // counted: this poll is the one arm() scheduled, sliceChecks checks later.
      armed = false;
      setClock(IDLE_POLL);
      slices += 1;
      return SIGVTALRM;
    },
    set 0(_value) {
      // CPython writes 0 back after reading; the state above is the truth.
    },
  };

  const controller = {
    // Called by Python at the start and end of a run.
    begin(newMode, seed, ms, checks, onIdleInterrupt) {
      mode = newMode;
      sliceMs = ms;
      sliceChecks = checks;
      random = seed === null || seed === undefined ? Math.random : mulberry32(seed);
      armed = false;
      fire = false;
      slices = 0;
      // While every thread is parked no Python runs, so nothing polls the buffer:
      // watch the chained one here so Stop still ends a run that only waits.
      if (onIdleInterrupt && chained) {
        idleTimer = setInterval(() => {
          if (chained[0] === SIGINT) {
            chained[0] = 0;
            onIdleInterrupt();
          }
        }, 50);
      }
    },
    end() {
      mode = "off";
      armed = false;
      fire = false;
      if (idleTimer !== null) clearInterval(idleTimer);
      idleTimer = null;
      setClock(IDLE_POLL);
    },
    // A thread starts running: start its slice.
    arm() {
      if (mode === "off") return;
      fire = false;
      armed = true;
      if (mode === "wall") {
        deadline = performance.now() + sliceMs;
        setClock(WALL_POLL);
      } else {
        setClock(Math.max(1, Math.round(sliceChecks * (0.5 + random()))));
      }
    },
    // The thread blocked: no slice runs while it waits.
    disarm() {
      armed = false;
      fire = false;
    },
    // The handler ran somewhere unsafe (runtime / stdlib internals): retry shortly.
    defer() {
      fire = true;
      setClock(DEFER_CHECKS);
    },
    slicesTaken() {
      return slices;
    },
    setChain(buf) {
      chained = buf;
    },
  };

  pyodide.setInterruptBuffer(buffer);
  pyodide.registerJsModule(moduleName, controller);
  return controller;
}

// Live threads need JSPI (Pyodide checks the same thing).
export function threadsSupported() {
  return typeof WebAssembly === "object" && "Suspending" in WebAssembly;
}
