// The code editor, swapped in for the highlighted code on the reader's first intent
// (hover, focus or press on the code or on Run). Until then the source is the page's.

import { el } from "./dom.js";
import { loadEditor } from "./editor.js";

export class EditorSwap {
  /** codeBox: the block's .example__code; staticCode: the highlighted code in it. */
  constructor({ block, codeBox, staticCode, filename, onRun }) {
    Object.assign(this, { block, codeBox, staticCode, filename, onRun });
    this.original = staticCode.querySelector("code")?.textContent ?? staticCode.textContent;
    this.editor = null;
    this.loading = null;
    this.disposed = false;
  }

  /** The code a Run runs: the editor's text, or the original before the editor is in. */
  source() {
    return this.editor ? this.editor.getValue() : this.original;
  }

  unchanged() {
    return this.source() === this.original;
  }

  /** Load the editor bundle (once) and put the editor in place of the static code. */
  mount() {
    this.loading ??= loadEditor()
      .then(({ createEditor }) => this.#swapIn(createEditor))
      .catch((error) => {
        this.loading = null;
        console.warn("code editor unavailable", error);
      });
    return this.loading;
  }

  #swapIn(createEditor) {
    if (this.disposed) return;
    const hadFocus = this.codeBox.contains(document.activeElement);
    const host = el("div", { className: "runner__editor" });
    this.staticCode.hidden = true;
    this.codeBox.append(host);
    this.editor = createEditor(host, this.original, {
      onRun: () => this.onRun(),
      onChange: () => this.block.classList.toggle("runner--edited", !this.unchanged()),
      label: `Code of ${this.filename} (editable)`,
    });
    if (hadFocus) this.editor.focus();
  }

  /** Put the original code back (Reset). */
  restore() {
    this.editor?.setValue(this.original);
    this.block.classList.remove("runner--edited");
  }

  /** A new original (a shared link's program), shown in the editor or the static code. */
  replaceOriginal(text) {
    this.original = text;
    this.editor?.setValue(text);
    const codeEl = this.staticCode.querySelector("code");
    if (codeEl && !this.editor) codeEl.textContent = text;
  }

  dispose() {
    this.disposed = true;
    this.editor?.destroy();
    this.codeBox.querySelector(".runner__editor")?.remove();
    this.staticCode.hidden = false;
  }
}
