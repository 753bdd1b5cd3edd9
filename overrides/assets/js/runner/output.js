// The live output pane: appends stdout/stderr as it streams, at most once per frame,
// and never holds more than the cap (the worker caps too; this is the page's guard).

export const MAX_LINES = 2000;
export const MAX_CHARS = 200_000;

export class OutputPane {
  constructor(code) {
    this.code = code; // the <code> inside the pane's <pre>
    this.pending = [];
    this.frame = 0;
    this.lines = 0;
    this.chars = 0;
    this.full = false;
  }

  clear() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.lines = this.chars = 0;
    this.full = false;
    this.code.replaceChildren();
  }

  /** chunks: [[stream, text], ...] from the worker. */
  push(chunks) {
    if (this.full) return;
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
    for (const [stream, text] of this.pending) {
      const kept = this.#fit(text);
      if (!kept) break;
      const last = fragment.lastChild || this.code.lastChild;
      if (last && last.dataset?.stream === stream && last.parentNode === fragment) {
        last.textContent += kept;
      } else {
        const span = document.createElement("span");
        span.dataset.stream = stream;
        if (stream === "stderr") span.className = "runner__stderr";
        span.textContent = kept;
        fragment.append(span);
      }
    }
    this.pending = [];
    this.code.append(fragment);
    if (follow) pre.scrollTop = pre.scrollHeight;
  }

  // The part of `text` that still fits under the cap.
  #fit(text) {
    if (this.full || this.lines >= MAX_LINES) {
      this.full = this.full || text.length > 0;
      return "";
    }
    let kept = text.slice(0, MAX_CHARS - this.chars);
    let newlines = 0;
    for (let i = kept.indexOf("\n"); i !== -1; i = kept.indexOf("\n", i + 1)) {
      if (this.lines + ++newlines === MAX_LINES) {
        kept = kept.slice(0, i + 1);
        break;
      }
    }
    this.lines += newlines;
    this.chars += kept.length;
    if (kept.length < text.length) this.full = true;
    return kept;
  }
}
