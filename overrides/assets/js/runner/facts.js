// Facts the page shares with the Python side (output caps, time limit, thread modules):
// browser_runtime/facts.py, copied by the build into assets/runner/runtime.json. Fetched
// once, on the reader's first intent to run, like everything else the runner needs.

const MANIFEST = new URL("../../runner/runtime.json", import.meta.url).href;

let loading = null;
let loaded = null;

/** Fetch the facts (once per page load; a failed fetch is retried on the next call). */
export function loadFacts(fetchJson = defaultFetchJson) {
  loading ??= fetchJson(MANIFEST).then(
    (manifest) => (loaded = manifest.facts),
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The facts, once loadFacts() has resolved: {max_lines, max_chars, time_limit_ms, ...}. */
export function runnerFacts() {
  if (!loaded) throw new Error("runner facts used before loadFacts() resolved");
  return loaded;
}

async function defaultFetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
