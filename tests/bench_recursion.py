"""How long an uncaught 100,000-deep recursion takes to end (``make bench``; prints,
asserts nothing): in the page (plain run, threaded run, in a thread; click-free, through
the site's runner, to the end of the run) and under this CPython for comparison."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.chromium import build_site, launch
from tests.browser.conftest import watch
from tests.browser.runner_session import RunnerSession
from tests.browser.server import SiteServer
from tests.browser.test_deep_recursion import MAIN, THREAD

CASES = {"plain run": (MAIN, False), "threaded run": (MAIN, True), "in a thread": (THREAD, True)}


def cpython_seconds(source: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", source], capture_output=True, timeout=120)
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, SiteServer(Path(tmp)) as server:
        print("building the site…", flush=True)
        build_site(Path(tmp), server.url)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context()
            watched = watch(context.new_page(), server.host)
            watched.page.goto(server.url)
            runner = RunnerSession(watched, server.url)
            runner.run("print('warm-up')")
            for name, (source, threaded) in CASES.items():
                runs = [
                    (runner.threaded if threaded else runner.run)(source, "deep.py")
                    for _ in range(3)
                ]
                ms = sorted(run["ms"] for run in runs)
                status = runs[-1]["result"]["status"]
                print(
                    f"uncaught 100,000-deep recursion, {name}: {ms[1] / 1000:.2f} s median "
                    f"({status}); CPython {sys.version.split()[0]}: "
                    f"{cpython_seconds(source):.2f} s"
                )
            browser.close()


if __name__ == "__main__":
    main()
