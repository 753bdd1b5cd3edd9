"""Click on Run -> first output line, in three network profiles (``make bench``): prints,
asserts nothing.

The site is served like GitHub Pages (gzip for text and wasm, ``max-age=600``, ETag and
Last-Modified: ``SiteServer(pages_like=True)``), in one headless Chromium:
1. cold: a fresh context (empty HTTP cache), no throttling;
2. cold, 10 Mbit/s: a fresh context, Chromium's network emulation (CDP
   Network.emulateNetworkConditions: 10 Mbit/s down, 5 up, 40 ms latency), which also
   throttles the page's workers;
3. second visit: the context of profile 1 after its run, the page opened again (HTTP
   cache warm, a fresh page and worker).
Each round loads the page, waits for the network to be idle, then clicks Run on the
first example without threads. Also printed: the download progress the page showed
(first and last), so its byte counts can be checked against the bytes sent.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.bench import RUNNER_PROBE
from tests.browser.chromium import build_site, launch
from tests.browser.server import SiteServer
from tests.browser.test_runner import examples_in_site

ROUNDS = 3
TEN_MBIT = {
    "offline": False,
    "latency": 40,  # ms, added to every request
    "downloadThroughput": 10e6 / 8,  # bytes per second
    "uploadThroughput": 5e6 / 8,
}

# Every text the status line shows while Python downloads.
PROGRESS_PROBE = """() => {
  window.__progress = [];
  for (const status of document.querySelectorAll(".runner__status")) {
    new MutationObserver(() => {
      const text = status.textContent;
      if (/downloaded|received/.test(text)) window.__progress.push(text);
    }).observe(status, { childList: true, characterData: true, subtree: true });
  }
}"""


def click_to_first_output(page, url: str, name: str) -> tuple[float, list[str]]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate(RUNNER_PROBE, name)
    page.evaluate(PROGRESS_PROBE)
    block = page.locator(f'.example[data-example="{name}"]')
    block.locator(".runner__run").click()
    page.wait_for_function("() => window.__firstOutput !== undefined", timeout=180_000)
    elapsed = page.evaluate("window.__firstOutput - window.__clicked")
    return elapsed, page.evaluate("window.__progress")


def one_round(browser, url: str, name: str) -> dict[str, tuple[float, list[str]]]:
    figures = {}
    context = browser.new_context()
    page = context.new_page()
    figures["cold"] = click_to_first_output(page, url, name)
    second = context.new_page()  # same context: same HTTP cache
    page.close()
    figures["second visit"] = click_to_first_output(second, url, name)
    context.close()

    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", TEN_MBIT)
    figures["cold, 10 Mbit/s"] = click_to_first_output(page, url, name)
    context.close()
    return figures


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, SiteServer(Path(tmp), pages_like=True) as server:
        print("building the site…", flush=True)
        build_site(Path(tmp), server.url)
        server.precompress()
        example = examples_in_site(Path(tmp), threads=False)[0]
        print(f"example: {example.name} on /{example.path}\n", flush=True)
        results: dict[str, list[tuple[float, list[str]]]] = {}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for _ in range(ROUNDS):  # interleaved, so drift hits every profile alike
                for profile, figure in one_round(
                    browser, server.url + example.path, example.name
                ).items():
                    results.setdefault(profile, []).append(figure)
            browser.close()
    print(f"{'click Run -> first output line':<32} {'median':>9}   runs")
    for profile in ("cold", "cold, 10 Mbit/s", "second visit"):
        times = [t for t, _ in results[profile]]
        runs = ", ".join(f"{t:.0f}" for t in times)
        print(f"{profile:<32} {statistics.median(times):>6.0f} ms   {runs}")
    print("\nprogress the page showed (last round):")
    for profile, figures in results.items():
        shown = figures[-1][1]
        seen = f"{shown[0]!r} … {shown[-1]!r}" if shown else "(none shown)"
        print(f"  {profile:<30} {seen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
