"""A seed replays from the very first run of a page (issue 8).

Counted slices end after a number of eval-breaker checks, runtime code included, and how
many checks code makes depends on how far the specializing interpreter has adapted it.
The first seeded run of a page used to meet the runtime's code unadapted and its replays
adapted: "Switch anywhere" with this seed switched 55,801 times, then 55,792
(threads/fresh_code.py). A page of its own, so its first run is a first run.
"""

from __future__ import annotations

from tests.browser.threads_page import open_threads_page
from tests.programs import RACE_READ_CALL_WRITE


def test_the_first_seeded_run_of_a_page_is_replayed_exactly(browser):
    with open_threads_page(browser) as page:
        runs = [
            page.run(RACE_READ_CALL_WRITE, mode="anywhere", seed=3, events=False) for _ in range(2)
        ]
    for run in runs:
        assert run["outcome"]["status"] == "ok", run
    first, second = ((r["stdout"], r["outcome"]["switches"]) for r in runs)
    assert first == second
