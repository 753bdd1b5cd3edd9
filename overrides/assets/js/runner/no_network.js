// No network for reader code, in the worker. Python's sockets are refused in Python
// (browser_runtime/page_limits.py), but Pyodide also hands programs the worker's own
// fetch, XMLHttpRequest, WebSocket and EventSource (`import js`, pyodide.http), and the
// page's <meta> CSP does not reach a worker. These refuse every URL off the site's
// origin, at once, with the sockets' words (runtime.json's no_network, from
// browser_runtime/facts.py); the site's files (and the stop flag's blob: URL) still load.

/** True for URLs of the site's own origin, blob: and data: included. */
export function onSite(url, base) {
  const target = new URL(String(url), base);
  return target.protocol === "data:" || target.origin === new URL(base).origin;
}

/** Wrap the network APIs of `scope` (the worker's global); `words` say why. */
export function keepOffNetwork(scope, words) {
  const base = scope.location.href;
  const refuse = (url) => new TypeError(`${words} (${url})`);
  const fetchOnSite = scope.fetch;
  scope.fetch = function fetch(input, init) {
    const url = input instanceof scope.Request ? input.url : input;
    if (!onSite(url, base)) return Promise.reject(refuse(url));
    return fetchOnSite.call(scope, input, init);
  };
  const open = scope.XMLHttpRequest.prototype.open;
  scope.XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (!onSite(url, base)) throw refuse(url);
    return open.call(this, method, url, ...rest);
  };
  for (const name of ["WebSocket", "EventSource"]) {
    const Original = scope[name];
    if (!Original) continue;
    scope[name] = class extends Original {
      constructor(url, ...rest) {
        if (!onSite(url, base)) throw refuse(url);
        super(url, ...rest);
      }
    };
  }
}
