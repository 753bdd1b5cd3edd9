// Module Web Worker that owns Pyodide for one page (Pyodide 314 refuses classic
// workers). The page creates it on the reader's first sign of intent. To stop a run it
// raises the run's stop flag (stop_channel.js: KeyboardInterrupt, as Ctrl-C), and
// terminates the worker only if the program does not end soon after (session.js).
//
// Message protocol
// page -> worker
//   {type: "run", id, source, filename, options, stop}
//       Run one program. Runs arriving while Python loads wait; the page sends one at a
//       time. options go to browser_runtime.execute.run (max_lines, max_chars, and
//       later keys such as threads/mode/seed for the cooperative threads runtime;
//       mode "step" also takes step: "line" | "instruction" and replay: [thread ids]).
//       stop: the run's stop token (stop_channel.js openStopChannel).
//   {type: "stop", id}
//       Stop that run: interrupt it if it runs (heard only while Python waits; a busy
//       program sees the token instead), drop it if it has not begun.
//   {type: "step", id, thread}
//       Stepped runs (mode "step"): the reader's answer to a "pause": the thread id that
//       takes the next step, or -1 to abandon the run (it ends with status "stopped").
// worker -> page
//   {type: "progress", stage: "download", loaded, total, transferred}
//                                                          bytes of Python received: sent
//                                                          over the wire, or unpacked when
//                                                          transferred is false
//   {type: "progress", stage: "start"}                     downloaded; Python starting
//   {type: "ready", python, pyodide}                       versions, once per worker
//   {type: "started", id}                                  the run's code starts now
//   {type: "output", id, chunks: [[stream, text], ...]}    batched stdout/stderr, in order
//   {type: "events", id, events: [{type, t, thread, ...}]} threads runtime's event stream
//                                                          (only with options.events)
//   {type: "pause", id, state: {step, kind, threads: [{id, name, status, line, instr,
//                                reads, waiting_for}], globals: [[name, repr]]}}
//                                                          stepped runs: who runs next?
//   {type: "done", id, result: {status, exit_code, truncated, lines, chars,
//                               and for threaded runs: mode, seed, preemptive, switches},
//    flag: {heard, probe_ms}}                              the stop flag's report (tests,
//                                                          benchmarks): StopFlag.report()
//   {type: "error", id|null, message}                      the runner itself failed
//   {type: "crashed", id|null, message}                    Python itself died (a fatal
//                                                          error, a stack overflow): this
//                                                          worker is useless from now on
// Output is batched (at most one message per FLUSH_MS, or per FLUSH_CHARS) so a
// program printing in a tight loop cannot flood the page.

import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { installPreemption, threadsSupported } from "../threads/preemption.js";
import { countDownloads } from "./download_count.js";
import { keepOffNetwork } from "./no_network.js";
import { StopFlag } from "./stop_channel.js";

const FLUSH_MS = 25;
const FLUSH_CHARS = 16 * 1024;
const RUNTIME_DIR = "/home/pyodide/runtime";
const pyodideURL = new URL("../../pyodide/", import.meta.url).href;
const runnerURL = new URL("../../runner/", import.meta.url).href;

const post = (message) => self.postMessage(message);

async function start() {
  const manifest = await (await fetch(runnerURL + "runtime.json")).json();
  keepOffNetwork(self, manifest.facts.no_network); // reader code gets these, too
  // pyodide.asm.mjs is imported, not fetched: count it as loaded once Pyodide starts.
  const { "pyodide.asm.mjs": _script, ...fetched } = manifest.download;
  countDownloads(self, fetched, { post, baseURL: pyodideURL });
  const runtimeZip = fetch(runnerURL + "browser_runtime.zip").then((r) => r.arrayBuffer());
  const pyodide = await loadPyodide({
    indexURL: pyodideURL,
    stdout: (line) => console.log(line),
    stderr: (line) => console.warn(line),
  });
  // A fatal error leaves Pyodide unusable and the run's promise may never settle:
  // say so at once, so the page starts a fresh Python instead of waiting for its limit.
  pyodide._api.on_fatal = (error) => {
    current?.batcher.flush();
    post({ type: "crashed", id: current?.id ?? null, message: crashMessage(error) });
  };
  // Time slices for threaded runs (idle, and nearly free, for everything else); the
  // stop flag is the interrupt buffer CPython polls, chained behind the slices.
  if (threadsSupported()) installPreemption(pyodide, { chain: stopFlag });
  else pyodide.setInterruptBuffer(stopFlag);
  // Stepped runs ask the page which thread runs next (browser_runtime/threads/stepping.py).
  pyodide.registerJsModule("browser_stepper_js", {
    pause: (json) => post({ type: "pause", id: stepping.runId, state: JSON.parse(json) }),
  });
  pyodide.unpackArchive(await runtimeZip, "zip", { extractDir: RUNTIME_DIR });
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(RUNTIME_DIR)})`);
  const execute = pyodide.pyimport("browser_runtime.execute");
  post({ type: "ready", python: execute.python_version(), pyodide: manifest.pyodide });
  return { pyodide, execute };
}

// "Python crashed: <what happened>", in words a reader can act on.
export function crashMessage(error) {
  const text = String(error?.message ?? error ?? "unknown error");
  if (error instanceof RangeError || /call stack size/i.test(text)) {
    return `Python crashed: its stack overflowed (${text}). Deep recursion does this; lower the recursion limit or recurse less.`;
  }
  return `Python crashed: ${text}`;
}

// The run in progress, for the fatal-error handler and Stop.
let current = null;
const stopFlag = new StopFlag();
const dropped = new Set(); // runs stopped before they began

// Collects output and posts it in batches; see FLUSH_MS above.
function outputBatcher(id) {
  let chunks = [];
  let events = [];
  let size = 0;
  let lastPost = 0;
  let timer = 0;
  const flush = () => {
    clearTimeout(timer);
    timer = 0;
    if (chunks.length) post({ type: "output", id, chunks });
    if (events.length) post({ type: "events", id, events });
    chunks = [];
    events = [];
    size = 0;
    lastPost = performance.now();
  };
  // Events arrive as JSON text: cheaper than converting a Python dict proxy each time.
  const event = (json) => {
    events.push(JSON.parse(json));
    if (!timer) timer = setTimeout(flush, FLUSH_MS);
  };
  const emit = (stream, text) => {
    const last = chunks[chunks.length - 1];
    if (last && last[0] === stream) last[1] += text;
    else chunks.push([stream, text]);
    size += text.length;
    // While Python runs synchronously no timer can fire, so check the clock here too;
    // the timer covers output followed by a pause (sleep, await) or the end.
    if (size >= FLUSH_CHARS || performance.now() - lastPost >= FLUSH_MS) flush();
    else if (!timer) timer = setTimeout(flush, FLUSH_MS);
  };
  return { emit, event, flush };
}

// The run a "pause" belongs to, and the Python function that takes the page's answer.
const stepping = { runId: null, choose: null };

function answerStep(runtime, { id, thread }) {
  if (id !== stepping.runId) return; // a late answer to a run that is over
  stepping.choose ??= runtime.pyodide.pyimport("browser_runtime.threads.stepping").choose;
  stepping.choose(thread);
}

async function runOne(runtime, { id, source, filename, options, stop }) {
  await stopFlag.prepare(stop); // before the check: a Stop may come meanwhile
  if (dropped.delete(id)) return;
  const { pyodide } = runtime;
  stepping.runId = id;
  const batcher = outputBatcher(id);
  // JS null would arrive as Pyodide's JsNull, not None: leave such keys out.
  const given = Object.entries(options || {}).filter(([, value]) => value !== null);
  const scope = pyodide.toPy({ source, filename, options: Object.fromEntries(given) });
  scope.set("emit", batcher.emit);
  scope.set("send_event", batcher.event);
  scope.set("stop", stopFlag); // sleeps hold it and take() the Stop themselves
  let result;
  let flag;
  current = { id, batcher };
  stopFlag.arm(stop);
  try {
    post({ type: "started", id });
    // runPythonAsync, not runPython: time.sleep then suspends instead of busy-waiting.
    const proxy = await pyodide.runPythonAsync(
      "from browser_runtime.execute import run, json_events\n" +
        "await run(source, filename, options, emit, json_events(send_event), stop)",
      { globals: scope },
    );
    result = proxy.toJs({ dict_converter: Object.fromEntries });
    proxy.destroy();
  } finally {
    flag = stopFlag.report();
    stopFlag.disarm();
    current = null;
    batcher.flush();
    scope.destroy();
  }
  post({ type: "done", id, result, flag });
}

const ready = start();
ready.catch((error) => post({ type: "error", id: null, message: `Python failed to load: ${error}` }));

// Runs are serialised: the next starts when the previous has finished.
let queue = Promise.resolve();
self.onmessage = ({ data }) => {
  if (data?.type === "stop") {
    if (current?.id === data.id) stopFlag.raise();
    else dropped.add(data.id);
    return;
  }
  if (data?.type === "step") {
    ready.then((runtime) => answerStep(runtime, data));
    return;
  }
  if (data?.type !== "run") return;
  queue = queue
    .then(() => ready)
    .then((runtime) => runOne(runtime, data))
    .catch((error) => post({ type: "error", id: data.id, message: String(error) }));
};
