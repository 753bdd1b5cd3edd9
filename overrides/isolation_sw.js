// Service worker that makes the site's pages cross-origin isolated on hosts that cannot
// send the headers themselves (GitHub Pages): it adds COOP and COEP to page loads and to
// worker scripts, and leaves every other request alone. An isolated page has
// SharedArrayBuffer, so Stop reaches a busy program at once and costs nothing while it
// runs (assets/js/runner/stop_channel.js). Registered on the reader's first sign of
// intent to run (assets/js/runner/isolation.js); it applies from the next page load.
// The site loads nothing from other hosts, so require-corp blocks nothing.

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.mode !== "navigate" && request.destination !== "worker") return;
  event.respondWith(withIsolation(request));
});

async function withIsolation(request) {
  const response = await fetch(request);
  if (response.type === "opaqueredirect" || response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Cross-Origin-Embedder-Policy", "require-corp");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
