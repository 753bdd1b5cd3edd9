// installPreemption (threads/preemption.js) against a fake Pyodide: the Pyodide internals
// it relies on are checked, the chained buffer comes first, the slices reach Python.
import assert from "node:assert/strict";
import { test } from "node:test";

import { installPreemption } from "../../overrides/assets/js/threads/preemption.js";
import { SIGVTALRM } from "../../overrides/assets/js/threads/slice_clock.js";

function fakePyodide({ clock = 64, installs = true } = {}) {
  const Module = { HEAP32: new Int32Array(64), Py_EmscriptenSignalBuffer: null };
  if (clock !== null) Module.__Py_emscripten_signal_clock = clock;
  const modules = {};
  return {
    _module: Module,
    modules,
    setInterruptBuffer(buffer) {
      if (installs) Module.Py_EmscriptenSignalBuffer = buffer;
    },
    registerJsModule(name, value) {
      modules[name] = value;
    },
  };
}

test("a missing signal clock is an error naming it", () => {
  assert.throws(() => installPreemption(fakePyodide({ clock: null })), /Module\.__Py_emscripten_signal_clock is missing/);
});

test("an interrupt buffer Pyodide does not install is an error naming it", () => {
  assert.throws(() => installPreemption(fakePyodide({ installs: false })), /Module\.Py_EmscriptenSignalBuffer is missing/);
});

test("slices reach Python through the buffer and the signal clock", () => {
  const pyodide = fakePyodide();
  const controller = installPreemption(pyodide);
  assert.equal(pyodide.modules.browser_threads_js, controller);
  const buffer = pyodide._module.Py_EmscriptenSignalBuffer;
  controller.begin("counted", 7, 5, 100);
  controller.arm();
  const checks = pyodide._module.HEAP32[64 >> 2];
  assert.ok(checks >= 50 && checks <= 150, `next poll after ${checks} checks`);
  assert.equal(buffer[0], SIGVTALRM);
  assert.equal(controller.slicesTaken(), 1);
  controller.end();
});

test("the chained buffer (Stop) is answered first and cleared", () => {
  const pyodide = fakePyodide();
  const stop = new Int32Array(1);
  pyodide._module.Py_EmscriptenSignalBuffer = stop;
  const controller = installPreemption(pyodide);
  const buffer = pyodide._module.Py_EmscriptenSignalBuffer;
  controller.begin("counted", 7, 5, 100);
  controller.defer();
  stop[0] = 2;
  assert.equal(buffer[0], 2);
  assert.equal(stop[0], 0);
  assert.equal(buffer[0], SIGVTALRM);
  controller.end();
});
