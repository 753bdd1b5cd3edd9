// Worker side of the download progress: counts the bytes of Python's big files as they
// arrive, by wrapping the fetch that Pyodide itself makes: no second request, and honest
// progress (download_meter.js says how compressed responses are counted). The count
// reads a clone; Pyodide gets the response itself, URL included: V8 keys its cache of
// compiled WebAssembly by the response's URL, which a Response built here would not have.
// Posts {type: "progress", stage: "download", ...} and then {stage: "start"} (worker.js).

import { DownloadMeter } from "./download_meter.js";

// Is `url` in the HTTP cache (a second visit)? Asked before it is fetched, so the
// progress never calls cached bytes "downloaded"; cameFromCache() has the last word.
async function inCache(fetch, url) {
  try {
    const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false; // not cached: a network error, by design of only-if-cached
  }
}

// Did the body of `url` come from the HTTP cache? Resource Timing says so once the
// response is complete: fewer bytes travelled than the body holds (a hit: 0 bytes; a
// 304 revalidation: its headers only). Its entry may be queued a task after the body.
async function cameFromCache(url) {
  await new Promise((resolve) => setTimeout(resolve));
  const entry = performance.getEntriesByName(url).at(-1);
  return Boolean(entry && entry.encodedBodySize > 0 && entry.transferSize < entry.encodedBodySize);
}

/** Wrap `scope.fetch` so the files named in `sizes` are counted, as posted by `post`. */
export function countDownloads(scope, sizes, { post, baseURL }) {
  const meter = new DownloadMeter(sizes);
  let lastPost = 0;
  const report = (force) => {
    const now = performance.now();
    // Not before every response has said its length: a total that shrinks from the
    // size on disk to the compressed size would read as a jump.
    if (!meter.known()) return;
    if (force || now - lastPost > 100) {
      lastPost = now;
      post({ type: "progress", stage: "download", ...meter.progress() });
    }
  };
  const count = async (name, url, body) => {
    const reader = body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      meter.add(name, chunk.value.byteLength);
      report(false);
    }
    meter.finish(name, await cameFromCache(url));
    report(true);
    // Everything is here: what remains is compiling and starting Python.
    if (meter.complete()) post({ type: "progress", stage: "start" });
  };
  const plainFetch = scope.fetch.bind(scope);
  scope.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), baseURL);
    const name = url.pathname.split("/").pop();
    if (!meter.counts(name)) return plainFetch(input, init);
    const cached = await inCache(plainFetch, url.href);
    const response = await plainFetch(input, init);
    if (!response.body) return response;
    meter.open(name, (header) => response.headers.get(header), cached);
    count(name, response.url, response.clone().body).catch(() => {}); // a failed download fails Pyodide's load
    return response;
  };
}
