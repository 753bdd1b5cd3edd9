// The live output pane: appends stdout/stderr as it streams, at most once per frame,
// and never holds more than the cap (output_cap.js; the worker caps too).

import { OutputCap, mergeChunks } from "./output_cap.js";

export class OutputPane {
  /** code: the <code> inside the pane's <pre>. */
  constructor(code) {
    this.code = code;
    this.cap = null; // set by limit() before a run's output arrives
    this.pending = [];
    this.frame = 0;
  }

  /** The caps of the next run's output: {maxLines, maxChars} (runtime.json's facts). */
  limit(limits) {
    this.cap = new OutputCap(limits);
  }

  clear() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.cap?.reset();
    this.code.replaceChildren();
  }

  /** chunks: [[stream, text], ...] from the worker (after limit()). */
  push(chunks) {
    if (this.cap.full) return;
    this.pending.push(...chunks);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  /** Append a line of the runner's own (not the program's) to the pane. */
  note(text, kind = "note") {
    this.render();
    const span = document.createElement("span");
    span.className = `runner__${kind}`;
    const atLineStart = !this.code.textContent || this.code.textContent.endsWith("\n");
    span.textContent = (atLineStart ? "" : "\n") + text;
    this.code.append(span);
  }

  render() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const pre = this.code.parentElement;
    const follow = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
    const fragment = document.createDocumentFragment();
    const runs = this.pending.length ? mergeChunks(this.pending, this.cap) : [];
    for (const [stream, text] of runs) {
      const span = document.createElement("span");
      span.dataset.stream = stream;
      if (stream === "stderr") span.className = "runner__stderr";
      span.textContent = text;
      fragment.append(span);
    }
    this.pending = [];
    this.code.append(fragment);
    if (follow) pre.scrollTop = pre.scrollHeight;
  }
}
