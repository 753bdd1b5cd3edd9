// Ask for cross-origin isolation (see isolation_sw.js at the site's root): from the next
// page load on, Stop uses shared memory instead of the blob URL the worker probes
// (stop_channel.js). Optional: without it, everything works the same, a little slower.

const WORKER_URL = new URL("../../../isolation_sw.js", import.meta.url);

let asked = false;

export function requestIsolation(env = globalThis) {
  if (asked || env.crossOriginIsolated || !env.isSecureContext || !env.navigator?.serviceWorker) return;
  asked = true;
  env.navigator.serviceWorker.register(WORKER_URL).catch(() => {
    asked = false; // blocked (private mode, policy): the blob flag serves
  });
}
