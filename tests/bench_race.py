"""race_counter under each schedule, in Chromium: ``python -m tests.bench_race``.

Prints the wall time of the page's unmodified race_counter (4 x 1,000,000
``counter += 1``) under "gil" (CPython 3.10+, GIL build: the default) and "gil39"
(CPython <= 3.9), each run several times, with the updates each run lost; the ratio
to the default is the figure the schedule is held to (within 3x). "anywhere" calls
back on every instruction, so it runs a tenth of the work (4 x 100,000).
"""

from __future__ import annotations

import re
import statistics

from playwright.sync_api import sync_playwright

from sitebuild import ROOT
from tests.browser.chromium import launch
from tests.browser.threads_page import ThreadsPage, harness_server

SOURCE = (ROOT / "examples" / "race_counter.py").read_text()
RUNS = 5


def measure(page, source, mode, runs) -> tuple[list[float], list[int]]:
    times, lost = [], []
    for _ in range(runs):
        result = page.run(source, mode=mode, events=False, timeout_ms=180_000)
        times.append(result["elapsed"])
        lost.append(int(re.search(r"lost updates: (\d+)", result["stdout"]).group(1)))
    return times, lost


def main() -> None:
    with harness_server() as server, sync_playwright() as pw:
        browser = launch(pw)
        page = ThreadsPage(browser.new_page(), server.url + "index.html")
        print(f"race_counter (4 x 1,000,000 counter += 1), {RUNS} runs per schedule:")
        base = None
        for mode, label in (("gil", "CPython 3.10+ (GIL build)"), ("gil39", "CPython <= 3.9")):
            times, lost = measure(page, SOURCE, mode, RUNS)
            median = statistics.median(times)
            base = base or median
            losing = sum(1 for n in lost if n)
            print(
                f"  {label:27s} median {median:6.2f} s ({median / base:4.2f}x default), "
                f"min {min(times):.2f} s, max {max(times):.2f} s; "
                f"lost updates in {losing}/{RUNS} runs: {lost}"
            )
        small = SOURCE.replace("PER_THREAD = 1_000_000", "PER_THREAD = 100_000")
        times, lost = measure(page, small, "anywhere", 1)
        print(
            f"  {'Switch anywhere':27s} 4 x 100,000 only: {times[0]:.2f} s "
            f"(x10 for the full work: ~{10 * times[0] / base:.0f}x default); lost {lost[0]}"
        )
        browser.close()


if __name__ == "__main__":
    main()
