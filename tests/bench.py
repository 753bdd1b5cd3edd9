"""Benchmark of the in-browser runner (``make bench``): prints figures, asserts nothing.

Measured in one headless Chromium, each cold figure in a fresh context (empty cache), the
site served like GitHub Pages (gzip, cache headers: tests/browser/server.py):
1. cold: click on Run -> first output line on an example page;
2. the same for a bare page that only loads the same Pyodide files in a module worker
   and prints, and the ratio of the two (target <= 1.10);
3. warm: click on Run -> run finished, the second time (target <= 50 ms);
4. bytes an example page transfers before any interaction, against the same page with
   the runner stubbed out (target: <= 25 KB more, compressed).
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.chromium import build_site, launch
from tests.browser.server import SiteServer
from tests.browser.test_runner import examples_in_site

ROUNDS = 3

BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare Pyodide</title>
<button id="run">Run</button><pre id="out"></pre>
<script type="module">
document.getElementById("run").addEventListener("click", () => {
  window.__clicked = performance.now();
  const worker = new Worker(new URL("./bare-worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    window.__firstOutput ??= performance.now();
    document.getElementById("out").textContent += data;
  };
});
</script>
"""

BARE_WORKER = """import { loadPyodide } from "../assets/pyodide/pyodide.mjs";
const indexURL = new URL("../assets/pyodide/", import.meta.url).href;
const pyodide = await loadPyodide({ indexURL });
pyodide.setStdout({ batched: (line) => postMessage(line + "\\n") });
await pyodide.runPythonAsync("print('hello from Python')");
"""

# Times the page itself sees: the click (capture phase, before the runner's own
# listener) and the first character in the live output pane.
RUNNER_PROBE = """
(name) => {
  const block = document.querySelector(`.example[data-example="${name}"]`);
  const output = block.querySelector(".runner__output code");
  window.__clicked = undefined; window.__firstOutput = undefined; window.__done = undefined;
  block.querySelector(".runner__run").addEventListener("click", () => {
    window.__clicked = performance.now();
  }, { capture: true, once: true });
  const runner = block.querySelector(".runner");
  new MutationObserver((_, observer) => {
    if (output.textContent) window.__firstOutput ??= performance.now();
  }).observe(output, { childList: true, subtree: true, characterData: true });
  new MutationObserver((_, observer) => {
    if (!["running", "idle"].includes(runner.dataset.state)) {
      window.__done = performance.now(); observer.disconnect();
    }
  }).observe(runner, { attributes: true, attributeFilter: ["data-state"] });
}
"""

STUB_RUNNER = "export function mount() { return undefined; }\n"


def runner_cold_and_warm(browser, url: str, name: str) -> tuple[float, float]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    block = page.locator(f'.example[data-example="{name}"]')
    page.evaluate(RUNNER_PROBE, name)
    block.locator(".runner__run").click()
    page.wait_for_function(
        "() => window.__firstOutput !== undefined && window.__done !== undefined", timeout=120_000
    )
    cold = page.evaluate("window.__firstOutput - window.__clicked")
    page.evaluate(RUNNER_PROBE, name)
    block.locator(".runner__run").click()
    page.wait_for_function("() => window.__done !== undefined", timeout=60_000)
    warm = page.evaluate("window.__done - window.__clicked")
    context.close()
    return cold, warm


def bare_cold(browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.click("#run")
    page.wait_for_function("() => window.__firstOutput !== undefined", timeout=120_000)
    cold = page.evaluate("window.__firstOutput - window.__clicked")
    context.close()
    return cold


def without_runner_css(route) -> None:
    css = route.fetch().text()
    start = css.index("/* assets/css/runner.css */")
    end = css.find("/* assets/css/", start + 1)
    body = css[:start] + (css[end:] if end != -1 else "")
    route.fulfill(status=200, content_type="text/css", body=body)


def bytes_before_interaction(browser, url: str, stub_runner: bool) -> tuple[int, dict[str, bytes]]:
    """Encoded bytes of every response until the page is idle; and the runner's bodies."""
    context = browser.new_context()
    if stub_runner:
        # Every runner module (each page preloads them all) and the runner's part of the
        # one stylesheet bundle (sitebuild/styles.py).
        context.route(
            "**/assets/js/runner/*.js",
            lambda route: route.fulfill(
                status=200, content_type="text/javascript", body=STUB_RUNNER
            ),
        )
        context.route("**/assets/css/site.bundle.css", without_runner_css)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes: dict[str, int] = {}
    urls: dict[str, str] = {}
    cdp.on(
        "Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    bodies = {}
    for request_id, url_ in urls.items():
        if "/runner/" in url_ or url_.endswith("site.bundle.css"):
            body = cdp.send("Network.getResponseBody", {"requestId": request_id})["body"]
            bodies[url_] = body.encode()
    total = sum(sizes.values())
    context.close()
    return total, bodies


def gzipped(bodies: dict[str, bytes]) -> int:
    return sum(len(gzip.compress(body, compresslevel=9)) for body in bodies.values())


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, SiteServer(Path(tmp), pages_like=True) as server:
        print("building the site…", flush=True)
        build_site(Path(tmp), server.url)
        server.precompress()
        bare_dir = Path(tmp) / "_bench"
        bare_dir.mkdir()
        (bare_dir / "bare.html").write_text(BARE_HTML)
        (bare_dir / "bare-worker.js").write_text(BARE_WORKER)
        example = examples_in_site(Path(tmp), threads=False)[0]
        page_url = server.url + example.path
        print(f"example: {example.name} on /{example.path}\n", flush=True)

        with sync_playwright() as playwright:
            browser = launch(playwright)
            runner_cold, warm, bare = [], [], []
            for _ in range(ROUNDS):  # interleaved, so drift hits both alike
                cold, warm_run = runner_cold_and_warm(browser, page_url, example.name)
                runner_cold.append(cold)
                warm.append(warm_run)
                bare.append(bare_cold(browser, server.url + "_bench/bare.html"))
            with_runner, bodies = bytes_before_interaction(browser, page_url, stub_runner=False)
            without_runner, stub_bodies = bytes_before_interaction(
                browser, page_url, stub_runner=True
            )
            browser.close()

    cold_ms, bare_ms, warm_ms = (statistics.median(x) for x in (runner_cold, bare, warm))
    ratio = cold_ms / bare_ms
    extra_gz = gzipped(bodies) - gzipped(stub_bodies)
    rows = [
        (
            "1. cold: click Run -> first output (runner)",
            f"{cold_ms:8.0f} ms",
            f"runs: {fmt(runner_cold)}",
        ),
        (
            "2. cold: click -> first output (bare Pyodide page)",
            f"{bare_ms:8.0f} ms",
            f"runs: {fmt(bare)}",
        ),
        ("   ratio runner / bare", f"{ratio:8.2f}", "target <= 1.10"),
        (
            "3. warm run: click Run -> finished (2nd run)",
            f"{warm_ms:8.1f} ms",
            f"runs: {fmt(warm)}; target <= 50 ms",
        ),
        ("4. bytes before interaction, with runner", f"{with_runner:8d} B", ""),
        ("   same page, runner stubbed out", f"{without_runner:8d} B", ""),
        ("   extra, as sent (gzip server)", f"{with_runner - without_runner:8d} B", ""),
        ("   extra, gzip -9 of the runner's files", f"{extra_gz:8d} B", "target <= 25 KB"),
    ]
    for label, value, note in rows:
        print(f"{label:<52} {value}   {note}")
    print("\nrunner files loaded before interaction:")
    for url_, body in sorted(bodies.items()):
        name = url_.split("/threading-in-python/")[-1]
        print(f"  {name:<40} {len(body):6d} B, gzip {len(gzip.compress(body, 9)):5d} B")
    return 0


def fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values)


if __name__ == "__main__":
    sys.exit(main())
