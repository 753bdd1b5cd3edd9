// The in-browser runner, mounted on every page (and every instant-navigation page) by
// site.js. It costs a page almost nothing until the reader shows intent: Python (in a
// module worker) and the editor bundle load only on hover/focus/click.

import { mountBlock } from "./block.js";
import { PythonSession } from "./session.js";

const UNSUPPORTED =
  "Running this example in the page needs WebAssembly and Web Workers, which this " +
  "browser does not provide. The output recorded on CPython is below.";

function canRunPython() {
  return typeof WebAssembly === "object" && typeof Worker === "function";
}

export function mount(root) {
  const blocks = [...root.querySelectorAll(".example[data-example]")];
  if (!blocks.length) return undefined;
  if (!canRunPython()) {
    for (const block of blocks) {
      const live = block.querySelector(".example__live");
      if (!live || live.querySelector(".runner__unsupported")) continue;
      const note = document.createElement("p");
      note.className = "runner__unsupported example__nojs";
      note.textContent = UNSUPPORTED;
      live.append(note);
    }
    return undefined;
  }
  // One Python per page, shared by its examples; gone when the page changes.
  const session = new PythonSession();
  const cleanups = blocks.map((block) => mountBlock(block, session)).filter(Boolean);
  return () => {
    for (const cleanup of cleanups) cleanup();
    session.dispose();
  };
}
