// Download progress of Python's big files, in the bytes that really travel.
//
// runtime.json knows each file's size on disk, but a server that compresses (GitHub
// Pages gzips the wasm and the stdlib zip) sends about half as many bytes, and fetch()
// only ever shows the decoded ones. So each file's total is its Content-Length when the
// response is compressed and says how long it is, and the decoded bytes read so far are
// scaled by that ratio (exact at the end of each file, an estimate in between). When a
// compressed response gives no length, the figures stay in unpacked bytes and the
// message says so (transferred: false): the page never calls them "downloaded".
// A file found in the browser's HTTP cache (a second visit) is not downloaded either:
// the worker says so when it opens (asked of the cache first) and when it finishes
// (Resource Timing: the truth), and the words say "cache".
// Pure: the worker feeds it headers and chunk sizes; tests/js/download_meter.test.js.

const MB = 1e6;

export class DownloadMeter {
  /** sizes: {file name: bytes on disk}, the files whose download is shown. */
  constructor(sizes) {
    this.files = new Map(
      Object.entries(sizes).map(([name, size]) => [name, { size, total: size, scale: 1, decoded: 0, opened: false, done: false, cached: false }]),
    );
    this.transferred = true;
  }

  counts(name) {
    return this.files.has(name);
  }

  /** The response for `name` arrived: `header(name)` reads its headers; `cached`: the
   * browser's HTTP cache had it before it was asked for. */
  open(name, header, cached = false) {
    const file = this.files.get(name);
    file.opened = true;
    file.cached = cached;
    const encoding = (header("Content-Encoding") || "identity").trim().toLowerCase();
    if (encoding === "identity") return; // the bytes read are the bytes sent
    const length = Number(header("Content-Length"));
    if (Number.isFinite(length) && length > 0) {
      file.total = length;
      file.scale = length / file.size;
    } else {
      this.transferred = false;
    }
  }

  /** `bytes` more decoded bytes of `name` were read. */
  add(name, bytes) {
    this.files.get(name).decoded += bytes;
  }

  /** `name` was read to its end: its count is its total, exactly. `cached`: its bytes
   * came from the browser's HTTP cache, not the network. */
  finish(name, cached = false) {
    const file = this.files.get(name);
    file.done = true;
    file.cached = cached;
  }

  /** {loaded, total, transferred, cached}: what the worker posts as a "download"
   * progress; `cached` of the `loaded` bytes came from the browser's cache. */
  progress() {
    let loaded = 0;
    let total = 0;
    let cached = 0;
    for (const file of this.files.values()) {
      const counted = file.done ? file.total : Math.min(file.total, Math.round(file.decoded * file.scale));
      total += file.total;
      loaded += counted;
      if (file.cached) cached += counted;
    }
    return { loaded, total, transferred: this.transferred, cached };
  }

  /** Every file's response has arrived: the total is what it will stay. */
  known() {
    return [...this.files.values()].every((file) => file.opened);
  }

  complete() {
    return [...this.files.values()].every((file) => file.done);
  }
}

const mb = (bytes) => (bytes / MB).toFixed(1);

/** The page's words for a "download" progress message. */
export function downloadText({ loaded, total, transferred = true, cached = 0 }) {
  const amount = `${mb(loaded)} of ${mb(total)} MB`;
  if (cached > 0 && cached >= loaded) return `${amount} loaded from this browser's cache`;
  const text = transferred ? `${amount} downloaded` : `${amount} received (unpacked size)`;
  return cached > 0 ? `${text} (${mb(cached)} MB of it from this browser's cache)` : text;
}
