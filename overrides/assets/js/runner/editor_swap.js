// The code editor, swapped in for the highlighted code on the reader's first intent
// (hover, focus or press on the code or on Run). Until then the source is the page's.

import { button, el } from "./dom.js";
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
      onChange: () => {
        this.block.classList.toggle("runner--edited", !this.unchanged());
        this.overflow?.();
      },
      label: `Code of ${this.filename} (editable)`,
    });
    host.append(this.#copyButton());
    this.#markOverflow(host);
    if (hadFocus) this.editor.focus();
  }

  // Material's copy button went with the static code: the editor gets its own.
  #copyButton() {
    const copy = button("runner__copy", "Copy", "Copy the code in the editor");
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(this.editor.getValue());
        copy.textContent = "Copied";
      } catch {
        copy.textContent = "Copy failed";
      }
      setTimeout(() => (copy.textContent = "Copy"), 1500);
    });
    return copy;
  }

  // Long lines scroll sideways: a fade at the right edge says there is more.
  #markOverflow(host) {
    const scroller = host.querySelector(".cm-scroller");
    if (!scroller) return;
    this.overflow = () => {
      const hidden = scroller.scrollWidth - scroller.clientWidth - scroller.scrollLeft;
      host.classList.toggle("runner__editor--more", hidden > 1);
    };
    scroller.addEventListener("scroll", this.overflow, { passive: true });
    this.resizes = new ResizeObserver(this.overflow);
    this.resizes.observe(scroller);
    this.overflow();
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
    this.resizes?.disconnect();
    this.editor?.destroy();
    this.codeBox.querySelector(".runner__editor")?.remove();
    this.staticCode.hidden = false;
  }
}
