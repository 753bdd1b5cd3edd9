// Words for timeline events: the same as sitebuild/timeline_text.py says (a browser
// test compares the two on recorded events), so change both together.

export const WAIT_TYPES = new Set(["lock-wait", "event-wait", "wait"]);

// Python's fixed-point formatting rounds an exact tie (the double is exactly
// ...5) to even, toFixed rounds it up; both are exact otherwise. toFixed(100) shows
// the double's exact decimal digits, enough to tell a true tie.
function fixed(value, digits) {
  const tail = Math.abs(value).toFixed(100).split(".")[1].slice(digits);
  if (!/^50*$/.test(tail)) return value.toFixed(digits);
  const scaled = Math.floor(Math.abs(value) * 10 ** digits); // exact below the tie
  const even = scaled % 2 === 0 ? scaled : scaled + 1;
  return `${value < 0 ? "-" : ""}${(even / 10 ** digits).toFixed(digits)}`;
}

export const thousands = (n) => n.toLocaleString("en-US");

export function fmtMs(ms) {
  if (ms < 1000) return ms < 100 ? `${fixed(ms, 1)} ms` : `${fixed(ms, 0)} ms`;
  return `${fixed(ms / 1000, 2)} s`;
}

const SIMPLE = {
  "thread-end": () => "ended",
  "lock-wait": (e, lock) => `waits for ${lock}`,
  "lock-acquire": (e, lock) => `acquired ${lock}`,
  "lock-release": (e, lock) => `released ${lock}`,
  "lock-busy": (e, lock) => `found ${lock} taken (did not wait)`,
  "event-set": (e, lock) => `set ${lock || "the event"}`,
  notify: (e, lock) => `notified ${lock}`,
  "queue-get": () => "got an item from a queue",
  "queue-put": () => "put an item on a queue",
  switch: (e) => `runs (switched from ${e.frm})`,
  deadlock: () => "deadlock: every thread waits",
  exit: (e) => `run ended (${e.status})`,
  truncated: (e) => `event limit (${e.limit}) reached: later waits not sent`,
};

export function describe(event) {
  const kind = event.type;
  const lock = event.lock || event.obj || "";
  if (kind === "thread-start") {
    const text = event.target ? `started, running ${event.target}` : "started";
    return event.by ? `${text} (by ${event.by})` : text;
  }
  if (kind === "output") {
    const stream = event.stream === "stdout" ? "" : ` to ${event.stream}`;
    return `printed${stream}: ${event.text ?? ""}`;
  }
  if (kind === "sleep") return `sleeps ${event.seconds ?? 0} s`;
  if (kind === "resume") return event.ok ?? true ? "woke up" : "gave up waiting (timeout)";
  if (kind === "wait" || kind === "event-wait") {
    const api = event.api || (kind === "event-wait" ? "threading.Event.wait" : "");
    return `waits in ${api}${lock ? ` (${lock})` : ""}`;
  }
  if (kind === "skipped") {
    const counts = Object.entries(event.counts || {}).map(([k, n]) => `${thousands(n)} ${k}`);
    return `more events, counted not drawn: ${counts.join(", ")}`;
  }
  return SIMPLE[kind] ? SIMPLE[kind](event, lock) : kind;
}
