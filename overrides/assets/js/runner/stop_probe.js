// How far apart the worker reads a stop flag that costs time to read (a stop file, a
// blob URL: stop_channel.js). Reads take at most PROBE_SHARE of a busy program's time,
// so they come every cost / PROBE_SHARE ms, clamped to [MIN_CHECK_MS, CHECK_MS]; Stop
// waits for the next read, half that on average. The cost is the mean of the last
// WINDOW reads: what the program pays, slow reads of a busy machine included. Measured
// (tests/bench_stop.py): a stop file read costs ~1 us in a normal browser profile (reads
// 1 ms apart); in a private one, whose files live in the browser process, 0.2-0.5 ms on
// a quiet machine and 1-2.5 ms on a busy one; a blob URL's XHR 1-3 ms.

export const PROBE_SHARE = 0.05;
export const MIN_CHECK_MS = 1;
export const CHECK_MS = 100; // until a read is timed
export const WINDOW = 15;
export const SEED_READS = 16;

export class ProbeCosts {
  constructor() {
    this.recent = []; // ms, the last WINDOW reads
    this.spacing = CHECK_MS;
  }

  /** ms from one read to the next. */
  interval() {
    return this.spacing;
  }

  add(ms) {
    this.recent.push(ms);
    if (this.recent.length > WINDOW) this.recent.shift();
    const mean = this.recent.reduce((a, b) => a + b) / this.recent.length;
    this.spacing = Math.min(CHECK_MS, Math.max(MIN_CHECK_MS, mean / PROBE_SHARE));
  }

  /** Times SEED_READS reads at once (a page's clock may tick only every 0.1 ms, coarser
   *  than one read of a file): their mean is the first cost. */
  seed(read, now) {
    const start = now();
    for (let i = 0; i < SEED_READS; i++) read();
    const mean = (now() - start) / SEED_READS;
    for (let i = 0; i < WINDOW; i++) this.add(mean);
  }
}
