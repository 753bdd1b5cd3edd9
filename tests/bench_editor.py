"""The playground's load and the editor's opening, on the main thread (``make bench``):
prints, asserts nothing.

Per round, in a fresh context (empty cache), the site served like GitHub Pages:
1. navigation -> the playground's Run button is in the page and enabled (ms after the
   navigation started), then on screen (first painted), and the longest main-thread
   script of the site during the load;
2. the reader reaches for the code (hover): the editor bundle loads and the editor swaps
   in; every script of the site over 10 ms in that phase (Long Animation Frames, as in
   tests/browser/test_long_tasks.py), and the longest task.
The reference workload's time (CALIBRATION: ~10 ms on an idle laptop-class core) is
printed with each round: on a busy machine every figure grows with it.

``python -m tests.bench_editor [--site DIR]... [--rounds N]`` measures already built
sites; given several (say, before and after a change), rounds alternate between them, so
all see the same load on a shared machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.chromium import build_site, launch
from tests.browser.server import SiteServer
from tests.browser.test_long_tasks import CALIBRATION, RECORDER, owner, take

ROUNDS = 3
# Run usable: in the page and enabled. Run on screen: when its label was first painted
# (Element Timing), what a reader can see and click: a button in the DOM before a frame
# shows it is not there for them yet.
RUN_USABLE = """
window.__runUsable = undefined;
window.__runOnScreen = undefined;
new MutationObserver((_, observer) => {
  const run = document.querySelector(".example--playground .runner__run");
  if (run) run.setAttribute("elementtiming", "run");
  if (run && !run.disabled) { window.__runUsable = performance.now(); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.identifier === "run") window.__runOnScreen ??= entry.renderTime;
}).observe({ type: "element", buffered: true });
"""


def site_scripts(frames: list[dict], floor_ms: float = 10) -> list[tuple[float, str]]:
    found = []
    for frame in frames:
        for script in frame["scripts"]:
            if owner(script["url"]) == "site" and script["duration"] >= floor_ms:
                where = script["url"].split("/assets/")[-1]
                found.append((script["duration"], f"{where} ({script['invoker']})"))
    return sorted(found, reverse=True)


def one_round(browser, url: str) -> dict:
    context = browser.new_context()
    context.add_init_script(RECORDER + RUN_USABLE)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => window.__runUsable !== undefined")
    page.wait_for_function("() => window.__runOnScreen !== undefined")
    page.wait_for_timeout(300)  # the last frame ends and is reported
    run_usable, run_on_screen = page.evaluate("[window.__runUsable, window.__runOnScreen]")
    load_frames, load_tasks = take(page)
    reference = page.evaluate(CALIBRATION)
    take(page)  # the calibration's own frames
    page.locator(".example--playground .example__code").hover()
    page.locator(".example--playground .cm-content").wait_for()
    page.wait_for_timeout(500)
    frames, tasks = take(page)
    context.close()
    return {
        "run_usable": run_usable,
        "run_on_screen": run_on_screen,
        "load_site": max((d for d, _ in site_scripts(load_frames, 0)), default=0),
        "load_longest_task": max((t["duration"] for t in load_tasks), default=0),
        "reference": reference,
        "editor_scripts": site_scripts(frames),
        "editor_longest_task": max((t["duration"] for t in tasks), default=0),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--site",
        type=Path,
        action="append",
        help="an already built site/ (repeat to compare builds: rounds alternate between them)",
    )
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        sites = args.site or [Path(tmp)]
        servers = [stack.enter_context(SiteServer(site, pages_like=True)) for site in sites]
        if not args.site:
            print("building the site…", flush=True)
            build_site(Path(tmp), servers[0].url)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            rounds = [[] for _ in sites]
            for _ in range(args.rounds):
                for server, found in zip(servers, rounds, strict=True):
                    found.append(one_round(browser, server.url + "playground/"))
            browser.close()
    for site, found in zip(sites, rounds, strict=True):
        if args.site:
            print(f"== {site}")
        report(found)
    return 0


def report(rounds: list[dict]) -> None:
    median = lambda key: statistics.median(r[key] for r in rounds)  # noqa: E731
    print("playground, navigation -> Run usable: " + fmt(rounds, "run_usable"))
    print(f"  median {median('run_usable'):.0f} ms (target <= 300 ms)")
    print(
        "  navigation -> Run on screen (first painted): "
        + fmt(rounds, "run_on_screen")
        + f", median {median('run_on_screen'):.0f} ms"
    )
    print("  longest site script during load: " + fmt(rounds, "load_site"))
    print("  longest task during load (anyone's): " + fmt(rounds, "load_longest_task"))
    print("editor opened (hover on the code):")
    print("  longest task (anyone's): " + fmt(rounds, "editor_longest_task"))
    for number, r in enumerate(rounds, 1):
        scripts = "; ".join(f"{d:.0f} ms {what}" for d, what in r["editor_scripts"]) or "-"
        print(
            f"  round {number} (reference {r['reference']:.1f} ms): site scripts >= 10 ms: "
            + scripts
        )


def fmt(rounds: list[dict], key: str) -> str:
    return ", ".join(f"{r[key]:.0f}" for r in rounds) + " ms"


if __name__ == "__main__":
    sys.exit(main())
