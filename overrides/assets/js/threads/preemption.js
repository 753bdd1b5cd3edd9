// Time slices for the cooperative threads runtime (browser_runtime/threads).
//
// CPython's Emscripten build polls `Module.Py_EmscriptenSignalBuffer[0]` at its
// eval-breaker checks and raises any non-zero value as a signal. The buffer here is
// an object whose `0` getter returns SIGVTALRM when the running thread's slice is
// over (slice_clock.js keeps that state); Python's handler then switches threads. Any
// buffer installed before (Stop / Ctrl-C) is chained: its value is passed through first.
//
// Usage in the worker, once after loadPyodide():
//   import { installPreemption } from ".../threads/preemption.js";
//   const slices = installPreemption(pyodide);   // chains the current interrupt buffer
// Python finds the controller as the JS module `browser_threads_js`.

import { SIGINT, SliceClock } from "./slice_clock.js";

export { threadsSupported } from "../lib/features.js";

const INTERNALS_HELP =
  "time slices for threads need it; this Pyodide version does not provide it " +
  "(see overrides/assets/js/threads/preemption.js)";

/** Pyodide's private signal clock, as a setter; throws, naming it, when it is missing. */
export function signalClockSetter(Module) {
  const address = Module.__Py_emscripten_signal_clock;
  if (!Number.isInteger(address) || address <= 0 || !Module.HEAP32) {
    throw new Error(`Pyodide internal Module.__Py_emscripten_signal_clock is missing: ${INTERNALS_HELP}`);
  }
  const index = address >> 2;
  return (n) => {
    Module.HEAP32[index] = n; // HEAP32 is re-read: memory growth replaces the view
  };
}

// The interrupt buffer CPython polls: the chained buffer's value first, then the slices'.
function signalBuffer(clock, chain) {
  return {
    get 0() {
      const chained = chain.buffer;
      const value = chained ? chained[0] : 0;
      if (value) {
        chained[0] = 0;
        return value;
      }
      return clock.poll();
    },
    set 0(_value) {
      // CPython writes 0 back after reading; the clock's state is the truth.
    },
  };
}

// While every thread is parked no Python runs, so nothing polls the buffer: watch the
// chained one so Stop still ends a run that only waits.
function watchIdleInterrupt(chain, onIdleInterrupt) {
  return setInterval(() => {
    if (chain.buffer[0] === SIGINT) {
      chain.buffer[0] = 0;
      onIdleInterrupt();
    }
  }, 50);
}

// What Python calls (as the JS module `browser_threads_js`).
function slicesController(clock, chain) {
  let idleTimer = null;
  return {
    begin(mode, seed, ms, checks, onIdleInterrupt) {
      clock.begin(mode, seed, ms, checks);
      if (onIdleInterrupt && chain.buffer) idleTimer = watchIdleInterrupt(chain, onIdleInterrupt);
    },
    end() {
      if (idleTimer !== null) clearInterval(idleTimer);
      idleTimer = null;
      clock.end();
    },
    arm: () => clock.arm(),
    disarm: () => clock.disarm(),
    defer: () => clock.defer(),
    slicesTaken: () => clock.slices,
    setChain(buf) {
      chain.buffer = buf;
    },
  };
}

export function installPreemption(pyodide, { chain, moduleName = "browser_threads_js" } = {}) {
  const Module = pyodide._module;
  const clock = new SliceClock({ setClock: signalClockSetter(Module) });
  const chained = { buffer: chain === undefined ? Module.Py_EmscriptenSignalBuffer || null : chain };
  const buffer = signalBuffer(clock, chained);
  pyodide.setInterruptBuffer(buffer);
  if (Module.Py_EmscriptenSignalBuffer !== buffer) {
    throw new Error(`Pyodide internal Module.Py_EmscriptenSignalBuffer is missing: ${INTERNALS_HELP}`);
  }
  const controller = slicesController(clock, chained);
  pyodide.registerJsModule(moduleName, controller);
  return controller;
}
