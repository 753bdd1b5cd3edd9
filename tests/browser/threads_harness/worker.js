// Module worker: Pyodide from node_modules, browser_runtime from the repo, one run per message.
const params = new URLSearchParams(location.search);
if (params.has("nojspi")) {
  // What a browser without JSPI looks like to Pyodide.
  delete WebAssembly.Suspending;
  delete WebAssembly.Suspender;
}
const base = new URL("./", location.href);
const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", base));
const { installPreemption, threadsSupported } = await import(
  new URL("threads_js/preemption.js", base)
);

const pyodide = await loadPyodide({ indexURL: new URL("pyodide/", base).href });
const manifest = await (await fetch(new URL("manifest.json", base))).json();
for (const path of manifest) {
  const text = await (await fetch(new URL(path, base))).text();
  const dir = path.split("/").slice(0, -1).join("/");
  pyodide.FS.mkdirTree("/home/pyodide/" + dir);
  pyodide.FS.writeFile("/home/pyodide/" + path, text);
}
// Stop without SharedArrayBuffer: the page's message sets the chained buffer.
const stopBuffer = new Int32Array(1);
pyodide.setInterruptBuffer(stopBuffer);
if (!params.has("nopreempt")) installPreemption(pyodide);

const DRIVER = `
import io, json, sys, time
from browser_runtime.threads import run_program, unavailable_reason

async def _drive(request):
    reason = unavailable_reason()
    if reason:
        return json.dumps({"unavailable": reason})
    out, err, events = io.StringIO(), io.StringIO(), []
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    t0 = time.monotonic()
    try:
        outcome = await run_program(
            request["source"], request.get("filename", "main.py"), {"__name__": "__main__"},
            mode=request.get("mode") or "gil",
            seed=request["seed"] if isinstance(request.get("seed"), int) else None,
            on_event=events.append if request.get("events", True) else None,
        )
    finally:
        sys.stdout, sys.stderr = saved
    return json.dumps({
        "stdout": out.getvalue(), "stderr": err.getvalue(), "events": events,
        "outcome": outcome.to_dict(), "elapsed": time.monotonic() - t0,
    })
`;
await pyodide.runPythonAsync(DRIVER);
postMessage({ id: 0, ready: true, jspi: threadsSupported() });

let queue = Promise.resolve();
self.onmessage = ({ data }) => {
  if (data.stop) {
    stopBuffer[0] = 2;
    return;
  }
  queue = queue.then(async () => {
    stopBuffer[0] = 0;
    try {
      if (data.py !== undefined) {
        const value = await pyodide.runPythonAsync(data.py);
        postMessage({ id: data.id, value: String(value) });
        return;
      }
      const request = pyodide.toPy(data);
      pyodide.globals.set("_request", request);
      const json = await pyodide.runPythonAsync("await _drive(_request)");
      request.destroy();
      postMessage({ id: data.id, ...JSON.parse(json), jspi: threadsSupported() });
    } catch (error) {
      postMessage({ id: data.id, error: String(error), jspi: threadsSupported() });
    }
  });
};
