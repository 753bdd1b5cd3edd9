// Browser features the runner depends on: one check each, shared by the page
// (runner/block.js) and the worker (threads/preemption.js).

// Pyodide cannot start OS threads; the cooperative threads runtime (browser_runtime/threads)
// can, but it suspends a thread with WebAssembly stack switching (JSPI). Pyodide checks
// the same thing. A function, not a constant: tests delete WebAssembly.Suspending first.
export function threadsSupported() {
  return typeof WebAssembly === "object" && "Suspending" in WebAssembly;
}
