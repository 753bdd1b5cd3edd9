// The output cap of one run, as pure logic (no DOM): how much of each streamed chunk
// still fits under the line and character limits. The worker caps too (Python's
// OutputSink); this is the page's own guard. Limits come from runtime.json's facts.

export class OutputCap {
  constructor({ maxLines, maxChars }) {
    this.maxLines = maxLines;
    this.maxChars = maxChars;
    this.reset();
  }

  reset() {
    this.lines = 0;
    this.chars = 0;
    this.full = false; // something was cut: nothing more is shown
  }

  /** The part of `text` that still fits; marks the cap full when anything is cut. */
  fit(text) {
    if (this.full || this.lines >= this.maxLines) {
      this.full = this.full || text.length > 0;
      return "";
    }
    let kept = text.slice(0, this.maxChars - this.chars);
    let newlines = 0;
    for (let i = kept.indexOf("\n"); i !== -1; i = kept.indexOf("\n", i + 1)) {
      if (this.lines + ++newlines === this.maxLines) {
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

/** Consecutive chunks of one stream merged: [[stream, text], ...] → fewer, longer runs. */
export function mergeChunks(chunks, cap) {
  const merged = [];
  for (const [stream, text] of chunks) {
    const kept = cap.fit(text);
    if (!kept) break;
    const last = merged.at(-1);
    if (last && last[0] === stream) last[1] += kept;
    else merged.push([stream, kept]);
  }
  return merged;
}

/** The note shown when a run hit the cap. */
export function capNote({ maxLines, maxChars }) {
  const n = (x) => x.toLocaleString("en");
  return `… output cut at ${n(maxLines)} lines / ${n(maxChars)} characters; the program was stopped.`;
}
